"""Memos for `mkdocs serve`: keep what the last run computed, keyed by what it was computed from.

A rebuild after one saved file should cost what that file changed, not what the organisation
holds. Everything the site shows about an OKR set comes from OKR files (the set's own and the
sets it shows: its parent, its children and the sets linked to it by alignment), from the
diagnostics found in them, and from the options. `SetKeys` turns that into strings that change
whenever any of it changes; `Memo` keeps a value per fingerprint made of such keys.

A memo is never needed for correctness: without one, everything is computed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from .diagnostics import Severity
from .model import OkrSet
from .organisation import Organisation, objective_ref

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
    """Keys of the sets of one organisation: `own` changes with the set's file content and its
    error count; `view` also with those of every set the set's rows and pages show.

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
        errors: dict[str, int] = {}
        for diagnostic in organisation.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                errors[diagnostic.path] = errors.get(diagnostic.path, 0) + 1
        self.errors = errors
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
        key = self._own.get(id(okr_set))
        if key is None:
            path = okr_set.path
            key = f"{path}|{self.digests.get(path, '?')}|{self.errors.get(path, 0)}"
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
