"""Memos for `mkdocs serve`: keep what the last run computed, keyed by what it was computed from.

Not part of the core: only the MkDocs plugin's `serve` keeps them, and the renderer and the
export ask them through `Remember` (and `SetKeys.of_one`). A memo is never needed for
correctness: without one, everything is computed again.

The invariant that decides which pages and parts a saved file touches
----------------------------------------------------------------------
Everything the site shows about an OKR set X, wherever X is shown (its page, its row in a
table, its node in the alignment tree, a link to it), is a function of X's *own key*: X's file
content, its number of errors and what each of its `aligns` references resolved to (a row of X
counts X's objectives that align to nothing, and a reference resolves, or not, by another file).

A page or part that shows the sets S is a function of the own keys of S and of the sets they
show, `SetKeys.related`: the set, its parent, its children and the sets linked to it by
alignment, both ways (a team page lists its members' rows; a member may support another team's
objective, whose file then decides the member's row on its own team's page, through the
member's own key). `SetKeys.view` fingerprints those own keys; a part is remembered under the
views of the sets it shows, with anything else it depends on (the options, the page's URL).

A saved file changes the own key of its set, and possibly the own keys of sets whose references
it resolves, so the views that may change are those of the changed sets and of every set
related to one of them, in this run's links or the last run's (`SetKeys.dirty`). The
alignment tree also needs every objective above a changed one: see `render/tree.py`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from ..core.load import LoadMemo
from ..core.model import OkrSet
from ..core.organisation import Organisation, objective_ref
from .facts import errors_by_path

T = TypeVar("T")


class Memo:
    """Values by fingerprint, kept from run to run.

    Values may nest (a page part inside a remembered page): an entry keeps the fingerprints
    used while it was computed. When the memo has grown to twice what one run needs, it keeps
    only what the last run used and what that was made of (a part inside an unchanged page is
    not asked for, but is needed when that page changes), so it holds about one site's worth
    however long `mkdocs serve` runs, without walking every entry on every rebuild."""

    def __init__(self) -> None:
        self._values: dict[str, tuple[object, list[str]]] = {}
        self._used: set[str] = set()
        self._computing: list[list[str]] = []  # fingerprints used by the values being computed
        # What a user of the memo keeps from one run to the next besides values (the renderer:
        # the keys of the alignment tree's subtrees).
        self.carry: dict[str, Any] = {}
        self._live = 0  # entries one run needs, as of the last pruning
        self.computed = 0  # values the current (or last) run had to compute

    def start(self) -> None:
        self._used = set()
        self._computing = []
        self.computed = 0

    def get(self, fingerprint: str, compute: Callable[[], T]) -> T:
        if self._computing:
            self._computing[-1].append(fingerprint)
        else:
            self._used.add(fingerprint)
        entry = self._values.get(fingerprint)
        if entry is None:
            self._computing.append([])
            try:
                value = compute()
            finally:
                inner = self._computing.pop()
            entry = self._values[fingerprint] = (value, inner)
            self.computed += 1
        return entry[0]  # type: ignore[return-value]

    def finish(self) -> None:
        if len(self._values) <= 2 * self._live:
            return
        live: dict[str, tuple[object, list[str]]] = {}
        waiting = list(self._used)
        while waiting:
            fingerprint = waiting.pop()
            entry = self._values.get(fingerprint)
            if entry is not None and fingerprint not in live:
                live[fingerprint] = entry
                waiting.extend(entry[1])
        self._values = live
        self._live = len(live)

    def __len__(self) -> int:
        return len(self._values)


def fingerprint(parts: Iterable[str]) -> str:
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class KeysSnapshot:
    """What one run's SetKeys knew, by path, for the next run: only strings, so the last
    organisation is not kept alive."""

    settings_key: str
    own: dict[str, str]
    view: dict[str, str]
    related: dict[str, tuple[str, ...]]


class SetKeys:
    """Keys of the sets of one organisation: `own` changes with the set's file content, its
    error count and what its references resolved to; `view` also with those of every set the
    set's rows and pages show (see the module's invariant).

    Given the last run's snapshot, a view is taken from it for every set that neither changed
    nor is related to a set that changed (in this run's links or the last run's): its related
    sets and their own keys are then the same, so the view would be too. `related` is symmetric
    (a parent lists its children, alignment counts both ways), which is what makes this hold."""

    def __init__(
        self,
        organisation: Organisation,
        digests: Mapping[str, str],
        previous: KeysSnapshot | None = None,
    ) -> None:
        self.organisation = organisation
        self.digests = digests
        # The options of the core (grading, custom cycles ...) change what every part shows.
        self.settings_key = fingerprint([organisation.settings.model_dump_json()])
        self.errors = errors_by_path(organisation)
        self._own: dict[int, str] = {}
        self._view: dict[int, str] = {}
        self._related: dict[str, tuple[str, ...]] = {}
        # Paths of the sets whose view may differ from the last run's; None: all of them.
        self.dirty: set[str] | None = None
        # Other core options can change any page (a custom cycle moves sets): start afresh.
        if previous is not None and previous.settings_key == self.settings_key:
            self._carry(previous)

    def _carry(self, previous: KeysSnapshot) -> None:
        sets = {s.path: s for s in self.organisation.sets}
        changed = {path for path, s in sets.items() if previous.own.get(path) != self.own(s)}
        changed.update(path for path in previous.own if path not in sets)
        dirty = set(changed)
        for path in changed:
            dirty.update(previous.related.get(path, ()))
            if path in sets:
                dirty.update(s.path for s in self.related(sets[path]))
        self.dirty = dirty
        for path, okr_set in sets.items():
            if path not in dirty and path in previous.view:
                self._view[id(okr_set)] = previous.view[path]
                self._related[path] = previous.related[path]

    def snapshot(self) -> KeysSnapshot:
        """The keys of every set, for the next run."""
        own, view, related = {}, {}, {}
        for okr_set in self.organisation.sets:
            path = okr_set.path
            own[path], view[path] = self.own(okr_set), self.view(okr_set)
            related[path] = self._related[path]
        return KeysSnapshot(self.settings_key, own, view, related)

    def own(self, okr_set: OkrSet) -> str:
        """What any page shows about the set: its file, its errors and what its references
        resolved to (another team's file can leave a member's objective aligned to nothing,
        and the member's row on its own team's page says so)."""
        key = self._own.get(id(okr_set))
        if key is None:
            path = okr_set.path
            aligns = self.organisation.aligns
            resolved = ";".join(
                ",".join(goal.ref for goal in aligns.get(objective_ref(okr_set, objective), ()))
                for objective in okr_set.objectives
            )
            key = f"{path}|{self.digests.get(path, '?')}|{self.errors.get(path, 0)}|{resolved}"
            self._own[id(okr_set)] = key
        return key

    def view(self, okr_set: OkrSet) -> str:
        key = self._view.get(id(okr_set))
        if key is None:
            related = self.related(okr_set)
            key = fingerprint(self.own(s) for s in related)
            self._view[id(okr_set)] = key
        return key

    def related(self, okr_set: OkrSet) -> list[OkrSet]:
        """The set, its parent, its children and the sets it is linked to by alignment."""
        organisation = self.organisation
        parent = organisation.parent_of(okr_set)
        found = [okr_set, *([parent] if parent else []), *organisation.children_of(okr_set)]
        aligns, supported_by = organisation.aligns, organisation.supported_by
        for objective in okr_set.objectives:
            ref = objective_ref(okr_set, objective)
            found += [t.okr_set for t in aligns.get(ref, ())]
            found += [t.okr_set for t in supported_by.get(ref, ())]
            for kr in objective.key_results:
                found += [t.okr_set for t in supported_by.get(f"{ref}/{kr.id}", ())]
        self._related[okr_set.path] = tuple(s.path for s in found)
        return found

    def of(self, sets: Iterable[OkrSet], *extra: str) -> str:
        """A fingerprint of what the given sets' rows show, with any other parts that matter."""
        return fingerprint([self.settings_key, *extra, *(self.view(s) for s in sets)])

    def of_one(self, okr_set: OkrSet, *extra: str) -> str:
        """`of([okr_set], *extra)` without hashing again: one per page of a large site."""
        return "\0".join([self.settings_key, *extra, self.view(okr_set)])


class ServeMemo:
    """What `mkdocs serve` keeps from one rebuild to the next: the loaded files, the pages and
    their parts, the export's records and the last run's keys of the sets."""

    def __init__(self) -> None:
        self.load = LoadMemo()
        self.pages = Memo()
        self.export = Memo()
        self._last_keys: KeysSnapshot | None = None

    def start(self, organisation: Organisation) -> SetKeys:
        """Begin a rebuild of `organisation` (loaded through `self.load`): its sets' keys."""
        self.pages.start()
        self.export.start()
        return SetKeys(organisation, self.load.digests, self._last_keys)

    def export_record(self, keys: SetKeys, okr_set: OkrSet, record: Callable[[], bytes]) -> bytes:
        """A set's record of the export, from the last run when nothing it shows changed."""
        return self.export.get(keys.of_one(okr_set, "export"), record)

    def finish(self, keys: SetKeys) -> None:
        self.pages.finish()
        self.export.finish()
        self._last_keys = keys.snapshot()


class Remember:
    """The renderer's one door to the serve memo. Without one (a build, `okr render`) every
    part is computed; with one, a part is taken from the last run when the views of the sets it
    shows and the `extra` strings it depends on are the same (see the module's invariant)."""

    def __init__(self, options_key: str, memo: Memo | None = None, keys: SetKeys | None = None):
        self.options_key = options_key
        self.memo = memo if keys is not None else None
        self.keys = keys

    def part(self, sets: Iterable[OkrSet], extra: Iterable[str], compute: Callable[[], T]) -> T:
        if self.memo is None or self.keys is None:
            return compute()
        return self.memo.get(self.keys.of(sets, self.options_key, *extra), compute)

    def page(self, path: str, shown: list[OkrSet], compute: Callable[[], T]) -> T:
        """A set or owner page: the sets it names (one, mostly: hashed once less)."""
        if self.memo is None or self.keys is None:
            return compute()
        if len(shown) == 1:
            key = self.keys.of_one(shown[0], self.options_key, path)
        else:
            key = self.keys.of(shown, self.options_key, path)
        return self.memo.get(key, compute)

    def keyed(self, parts: list[str], compute: Callable[[], T]) -> T:
        """A value under a key its caller made from `parts` (the alignment tree's subtrees)."""
        if self.memo is None or self.keys is None:
            return compute()
        key = fingerprint([self.keys.settings_key, self.options_key, *parts])
        return self.memo.get(key, compute)
