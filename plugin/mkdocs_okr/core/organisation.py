"""The organisation: every OKR set of a folder, checked across files and linked by alignment.

`analyse` is the one entry point the MkDocs plugin and the `okr` command share, so
`okr check` and `mkdocs build --strict` can never disagree.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

from .collector import cyclic_gc_paused
from .cycles import Cycle, smallest_enclosing
from .diagnostics import Diagnostic, make
from .load import Files, LoadedFile, LoadMemo, load_files
from .messages import Text, text
from .model import LEVEL_RANK, KeyResult, Objective, OkrSet, Reference, key_result_in
from .settings import Settings


@dataclass(frozen=True)
class Goal:
    """An objective, or one of its key results, in its OKR set: either end of an alignment link
    (what an `aligns` reference resolved to, or the objective that wrote it)."""

    okr_set: OkrSet
    objective: Objective
    key_result: KeyResult | None

    @property
    def ref(self) -> str:
        base = f"{self.okr_set.ref}/{self.objective.id}"
        return f"{base}/{self.key_result.id}" if self.key_result else base


def objective_ref(okr_set: OkrSet, objective: Objective) -> str:
    return f"{okr_set.ref}/{objective.id}"


def _a(level: str) -> Text:
    """'a team', 'an individual': levels are read in messages."""
    return text(f"part.a-level.{level}")


@dataclass
class Organisation:
    """All OKR sets with their alignment links both ways, and every diagnostic."""

    settings: Settings
    files: list[LoadedFile]
    sets: list[OkrSet]
    diagnostics: list[Diagnostic]
    # objective ref -> what it aligns to (in the order written)
    aligns: dict[str, list[Goal]] = field(default_factory=dict)
    # objective or KR ref -> the objectives that align to it (sorted by ref)
    supported_by: dict[str, list[Goal]] = field(default_factory=dict)
    _children: dict[int, list[OkrSet]] | None = field(default=None, init=False, repr=False)

    def cycles(self) -> list[Cycle]:
        """Every cycle with at least one set, newest (latest start, then longest) first."""
        unique = {cycle_id: sets[0].cycle for cycle_id, sets in self._by_cycle.items()}
        return sorted(unique.values(), key=lambda c: (c.start, c.days), reverse=True)

    def sets_in(self, cycle_id: str) -> list[OkrSet]:
        return list(self._by_cycle.get(cycle_id, []))

    def get(self, cycle_id: str, owner: str) -> OkrSet | None:
        return self._index.get((cycle_id, owner))

    def parent_of(self, okr_set: OkrSet) -> OkrSet | None:
        """The parent's set in this cycle, else in the smallest enclosing cycle that has one."""
        if okr_set.parent is None or okr_set.parent == okr_set.owner:
            return None  # a set is never its own parent: walking up the tree must end
        return self.owner_set_in(okr_set.parent, okr_set.cycle)

    def children_of(self, okr_set: OkrSet) -> list[OkrSet]:
        """The sets whose parent resolves to `okr_set` (in its cycle or in cycles inside it)."""
        if self._children is None:
            # Built once: asking every set of a large organisation for its children would
            # otherwise walk all sets for each one.
            found: dict[int, list[OkrSet]] = defaultdict(list)
            for child in self.sets:
                parent = self.parent_of(child)
                if parent is not None:
                    found[id(parent)].append(child)
            self._children = found
        return list(self._children.get(id(okr_set), []))

    def history_of(self, owner: str) -> list[OkrSet]:
        return sorted(self._by_owner.get(owner, []), key=lambda s: (s.cycle.start, s.cycle.days))

    def owner_set_in(self, owner: str, cycle: Cycle) -> OkrSet | None:
        """The owner's set in `cycle`, else in the smallest enclosing cycle that has one."""
        key = (owner, cycle.id)
        if key in self._found:
            return self._found[key]
        found = smallest_enclosing(cycle, self._by_owner.get(owner, []), _cycle_of)
        self._found[key] = found  # asked for every set, reference and page: once is enough
        return found

    def __post_init__(self) -> None:
        self._index: dict[tuple[str, str], OkrSet] = {}
        self._by_owner: dict[str, list[OkrSet]] = defaultdict(list)
        self._found: dict[tuple[str, str], OkrSet | None] = {}
        self._by_cycle: dict[str, list[OkrSet]] = defaultdict(list)
        for okr_set in self.sets:
            self._index.setdefault((okr_set.cycle.id, okr_set.owner), okr_set)
            self._by_owner[okr_set.owner].append(okr_set)
            self._by_cycle[okr_set.cycle.id].append(okr_set)


def _cycle_of(okr_set: OkrSet) -> Cycle:
    return okr_set.cycle


def analyse(files: Files, settings: Settings, memo: LoadMemo | None = None) -> Organisation:
    """(relative path, bytes) of every OKR file (or source files) -> the checked, linked
    organisation.

    A file whose bytes are None could not be read from disk; it is reported, not fatal. With a
    memo, files whose content is unchanged since the memo's last run are not parsed again.
    """
    with cyclic_gc_paused():
        return _analyse(files, settings, memo)


def _analyse(files: Files, settings: Settings, memo: LoadMemo | None) -> Organisation:
    loaded = load_files(files, settings, memo)
    loaded.sort(key=lambda f: f.path)
    diagnostics = [d for f in loaded for d in f.diagnostics]
    sets = _unique_sets(loaded, diagnostics)
    organisation = Organisation(settings, loaded, sets, diagnostics)
    _check_parents(organisation)
    _check_parent_loops(organisation)
    _check_unaligned(organisation)
    _link(organisation, loaded)
    if settings.ignore:
        # The site's `ignore` option: these codes are not reported, by the build or `okr check`.
        ignored = set(settings.ignore)
        organisation.diagnostics = [d for d in organisation.diagnostics if d.code not in ignored]
        for file in loaded:
            file.diagnostics = [d for d in file.diagnostics if d.code not in ignored]
    organisation.diagnostics.sort(key=Diagnostic.sort_key)
    return organisation


def _unique_sets(loaded: list[LoadedFile], out: list[Diagnostic]) -> list[OkrSet]:
    """Sets with a unique owner per cycle; a second one is reported and left out."""
    first: dict[tuple[str, str], OkrSet] = {}
    sets: list[OkrSet] = []
    for file in loaded:
        okr_set = file.okr_set
        if okr_set is None:
            continue
        # Owners equal after Unicode folding would share a page: treat them as one owner.
        key = (okr_set.cycle.id, unicodedata.normalize("NFKC", okr_set.owner).casefold())
        if key in first:
            other = first[key]
            out.append(
                make(
                    "duplicate-owner",
                    okr_set.path,
                    *okr_set.positions["owner"],
                    text(
                        "duplicate-owner",
                        owner=okr_set.owner,
                        cycle=okr_set.cycle.id,
                        other=other.path,
                    ),
                )
            )
            continue
        first[key] = okr_set
        sets.append(okr_set)
    return sets


def _check_parents(organisation: Organisation) -> None:
    owners = {s.owner for s in organisation.sets}
    owners_of_broken = {f.owner for f in organisation.files if f.okr_set is None and f.owner}
    for okr_set in organisation.sets:
        if okr_set.parent is None:
            continue
        if okr_set.parent == okr_set.owner:
            organisation.diagnostics.append(
                make(
                    "invalid-value",
                    okr_set.path,
                    *okr_set.positions["parent"],
                    text("invalid-value.own-parent", owner=okr_set.owner, parent=okr_set.parent),
                )
            )
            continue
        parent = organisation.parent_of(okr_set)
        if parent is None:
            if okr_set.parent in owners or okr_set.parent in owners_of_broken:
                continue  # the parent exists in other cycles (the org tree outlives a cycle)
            organisation.diagnostics.append(
                make(
                    "unknown-parent",
                    okr_set.path,
                    *okr_set.positions["parent"],
                    text("unknown-parent", parent=okr_set.parent),
                )
            )
        elif LEVEL_RANK[parent.level] > LEVEL_RANK[okr_set.level]:
            organisation.diagnostics.append(
                make(
                    "parent-below",
                    okr_set.path,
                    *okr_set.positions["parent"],
                    text(
                        "parent-below",
                        parent=parent.owner,
                        parent_level=_a(parent.level),
                        level=text(f"part.level.{okr_set.level}"),
                    ),
                )
            )


def _check_unaligned(organisation: Organisation) -> None:
    """Team and individual objectives that align to nothing (METHOD.md rule 4); the hint names
    an objective of the set's own parent, the one it most likely serves."""
    for okr_set in organisation.sets:
        if okr_set.level == "company":
            continue
        unaligned = [o for o in okr_set.objectives if not o.aligns_written]
        if not unaligned:
            continue
        example = _alignment_example(organisation, okr_set)
        for objective in unaligned:
            organisation.diagnostics.append(
                make(
                    "unaligned",
                    okr_set.path,
                    *objective.position,
                    text("unaligned.example", objective=objective.id, example=example),
                )
            )


def _alignment_example(organisation: Organisation, okr_set: OkrSet) -> str:
    """`brand/O1`: the first objective of the parent's set (or the parent's id and O1 when its
    set is not known, `OWNER/O1` when there is no parent)."""
    parent = organisation.parent_of(okr_set)
    if parent is not None and parent.objectives:
        # No cycle in front: a reference finds the parent's set in the enclosing cycle too.
        return f"{parent.owner}/{parent.objectives[0].id}"
    return f"{okr_set.parent or 'OWNER'}/O1"


def _check_parent_loops(organisation: Organisation) -> None:
    """Report each loop of parents once: the org tree must have a top, or pages never end."""
    walked: set[int] = set()  # ids of sets seen by earlier walks: their loops are known
    for okr_set in organisation.sets:
        chain: list[OkrSet] = []
        on_chain: set[int] = set()
        current: OkrSet | None = okr_set
        while current is not None and id(current) not in on_chain and id(current) not in walked:
            chain.append(current)
            on_chain.add(id(current))
            current = organisation.parent_of(current)
        walked.update(on_chain)
        if current is None or id(current) not in on_chain:
            continue
        loop = chain[chain.index(current) :]
        first = loop.index(min(loop, key=lambda s: s.ref))
        loop = loop[first:] + loop[:first]
        organisation.diagnostics.append(
            make(
                "invalid-value",
                loop[0].path,
                *loop[0].positions["parent"],
                text(
                    "invalid-value.parent-loop",
                    loop=" -> ".join(s.ref for s in [*loop, loop[0]]),
                ),
            )
        )


def _resolve_reference(
    organisation: Organisation, okr_set: OkrSet, reference: Reference
) -> tuple[Goal | None, Text | None]:
    """A reference -> its target, or None and why not."""
    if reference.cycle is not None:
        cycle = organisation.settings.calendar().get(reference.cycle)
        target_set = organisation.get(reference.cycle, reference.owner) if cycle else None
        if target_set is None:
            return None, text(
                "unresolved-reference.no-set-in-cycle",
                owner=reference.owner,
                cycle=reference.cycle,
            )
    else:
        target_set = organisation.owner_set_in(reference.owner, okr_set.cycle)
        if target_set is None:
            return None, text(
                "unresolved-reference.no-set-around",
                owner=reference.owner,
                cycle=okr_set.cycle.id,
            )
    objective = target_set.objective(reference.objective)
    if objective is None:
        known = ", ".join(o.id for o in target_set.objectives)
        return None, text(
            "unresolved-reference.no-objective",
            set=target_set.ref,
            objective=reference.objective,
            known=known,
        )
    key_result = None
    if reference.key_result is not None:
        key_result = key_result_in(objective, reference.key_result)
        if key_result is None:
            known = ", ".join(kr.id for kr in objective.key_results)
            return None, text(
                "unresolved-reference.no-key-result",
                objective=f"{target_set.ref}/{objective.id}",
                key_result=reference.key_result,
                known=known,
            )
    return Goal(target_set, objective, key_result), None


def _broken_by_owner(
    organisation: Organisation, loaded: list[LoadedFile]
) -> dict[str, list[Cycle | None]]:
    """Owner -> the cycles of that owner's files that could not be loaded (None: unknown)."""
    calendar = organisation.settings.calendar()
    broken: dict[str, list[Cycle | None]] = defaultdict(list)
    for file in loaded:
        if file.okr_set is None and file.owner:
            broken[file.owner].append(calendar.get(file.cycle) if file.cycle else None)
    return broken


def _hidden_by_broken_file(
    organisation: Organisation,
    okr_set: OkrSet,
    reference: Reference,
    broken: list[Cycle | None],
) -> bool:
    """True when the set a reference means is in a broken file, which is reported already."""
    if not broken:
        return False
    if None in broken:
        return True  # the broken file's cycle is unknown: it may be the one meant
    if reference.cycle is not None:
        return any(cycle is not None and cycle.id == reference.cycle for cycle in broken)
    resolved = organisation.owner_set_in(reference.owner, okr_set.cycle)
    for cycle in broken:
        if cycle is None or not cycle.contains(okr_set.cycle):
            continue
        # The broken file would have been chosen over the set found (or there is none).
        if resolved is None or (resolved.cycle != cycle and resolved.cycle.contains(cycle)):
            return True
    return False


def _link(organisation: Organisation, loaded: list[LoadedFile]) -> None:
    broken = _broken_by_owner(organisation, loaded)
    out = organisation.diagnostics
    graph: dict[str, list[str]] = {}
    # (objective ref, target objective ref) -> where the link is written, to point at a loop
    where: dict[tuple[str, str], tuple[OkrSet, Reference]] = {}
    supported: dict[str, list[tuple[str, Goal]]] = defaultdict(list)
    for okr_set in organisation.sets:
        set_ref = okr_set.ref
        for objective in okr_set.objectives:
            source = Goal(okr_set, objective, None)
            ref = f"{set_ref}/{objective.id}"
            targets: list[Goal] = []
            seen: set[str] = set()
            for reference in objective.aligns:
                target, why = _resolve_reference(organisation, okr_set, reference)
                if target is None:
                    if _hidden_by_broken_file(
                        organisation, okr_set, reference, broken.get(reference.owner, [])
                    ):
                        continue
                    out.append(
                        make(
                            "unresolved-reference",
                            okr_set.path,
                            *reference.position,
                            text(
                                "unresolved-reference",
                                objective=objective.id,
                                reference=reference.text,
                                why=why or "",
                            ),
                        )
                    )
                    continue
                if target.okr_set is okr_set:
                    out.append(
                        make(
                            "self-alignment",
                            okr_set.path,
                            *reference.position,
                            text(
                                "self-alignment",
                                objective=objective.id,
                                reference=reference.text,
                            ),
                        )
                    )
                    continue
                if LEVEL_RANK[target.okr_set.level] > LEVEL_RANK[okr_set.level]:
                    out.append(
                        make(
                            "alignment-down",
                            okr_set.path,
                            *reference.position,
                            text(
                                "alignment-down",
                                level=text(f"part.level.{okr_set.level}"),
                                reference=reference.text,
                                target_level=_a(target.okr_set.level),
                            ),
                        )
                    )
                up = objective_ref(target.okr_set, target.objective)
                target_ref = f"{up}/{target.key_result.id}" if target.key_result else up
                if target_ref in seen:
                    continue  # written twice (perhaps once with its cycle): one link
                seen.add(target_ref)
                targets.append(target)
                supported[target_ref].append((ref, source))
                graph.setdefault(ref, []).append(up)
                where.setdefault((ref, up), (okr_set, reference))
            organisation.aligns[ref] = targets
    organisation.supported_by = {
        ref: [source for _ref, source in sorted(sources, key=itemgetter(0))]
        for ref, sources in supported.items()
    }
    for loop in _loops(graph):
        okr_set, reference = where[(loop[0], loop[1 % len(loop)])]
        out.append(
            make(
                "alignment-cycle",
                okr_set.path,
                *reference.position,
                text("alignment-cycle", loop=" -> ".join([*loop, loop[0]])),
            )
        )


def _loops(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each cycle of the alignment graph once, starting at its smallest ref."""
    loops: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for start in sorted(graph):
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                path.append(node)
            successors = graph.get(node, [])
            if index < len(successors):
                stack.append((node, index + 1))
                nxt = successors[index]
                if state.get(nxt) == 1:
                    loop = path[path.index(nxt) :]
                    smallest = loop.index(min(loop))
                    loops.append(loop[smallest:] + loop[:smallest])
                elif not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    unique: dict[tuple[str, ...], list[str]] = {}
    for loop in loops:
        unique.setdefault(tuple(loop), loop)
    return list(unique.values())
