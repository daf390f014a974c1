"""Compare two organisations for a pull request: the OKR files at two revisions -> what the
change does to the goals, for reviewers (`okr diff`).

Pure: it takes the files' bytes (read from git by the caller) and the settings, analyses both
sides with the same `analyse` as `okr check`, and compares them. OKR sets are matched by
(cycle, owner), so a moved file is a rename, not a removal plus an addition; objectives and
key results are matched by id. A file that cannot be read on one side is reported, never fatal.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Diagnostic, Severity
from .figures import at_least, computed_number, written_number
from .load import LoadedFile
from .messages import Text
from .model import Checkin, KeyResult, Objective, OkrSet
from .organisation import Organisation, analyse, objective_ref
from .settings import Settings

DIFF_VERSION = 1

# What a reviewer should look at twice. code -> what it means (docs/cli.md lists them).
FLAGS: dict[str, str] = {
    "target-lowered": "a key result's target was made easier to reach (for a decreasing "
    "metric, a raised target is the easier one)",
    "target-changed-after-checkins": "a key result's target changed after its check-ins began",
    "kr-dropped": "a key result was dropped (`status: dropped`)",
    "kr-removed": "a key result was deleted from the file instead of being kept as dropped",
    "objective-removed": "an objective was deleted",
    "weights-not-100": "the key-result weights of an objective no longer sum to 100",
    "alignment-lost": "an objective that aligned to something aligns to nothing any more",
    "checkins-rewritten": "check-ins written before were changed or deleted",
    "made-aspirational": "a committed objective was made aspirational after its cycle began "
    '(the way out of a "committed, missed" verdict)',
    "graded-not-done": "a milestone was graded 1 while it is not done",
}

Value = float | bool | None
Files = Iterable[tuple[str, bytes | None]]


@dataclass(frozen=True)
class Change:
    """One field that differs: `target` 10000 -> 8000."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Flag:
    """Something a reviewer should look at twice, on the objective or KR `ref`."""

    code: str
    ref: str
    old: Any = None
    new: Any = None


@dataclass
class KeyResultDiff:
    id: str
    ref: str
    title: str
    status: str  # added | removed | changed | unchanged
    kind: str
    unit: str | None
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    value: tuple[Value, Value] = (None, None)
    progress: tuple[float | None, float | None] = (None, None)
    # The manual score where given, else the progress: the figure the site's bar shows.
    score: tuple[float | None, float | None] = (None, None)
    new_checkins: list[Checkin] = field(default_factory=list)
    # A check-in is known by its date: the same date with another value or note is an edit.
    edited_checkins: list[Checkin] = field(default_factory=list)  # as written now
    removed_checkins: list[Checkin] = field(default_factory=list)

    @property
    def progressed(self) -> bool:
        """A check-in added, edited or removed, or a new value."""
        return bool(self.new_checkins or self.edited_checkins or self.removed_checkins) or not same(
            self.value[0], self.value[1]
        )

    @property
    def shown(self) -> bool:
        return self.status != "unchanged" or self.progressed or bool(self.flags)


@dataclass
class ObjectiveDiff:
    id: str
    ref: str
    title: str
    status: str  # added | removed | changed | unchanged
    changes: list[Change] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    score: tuple[float | None, float | None] = (None, None)
    progress: tuple[float | None, float | None] = (None, None)
    key_results: list[KeyResultDiff] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return (
            self.status != "unchanged"
            or bool(self.flags)
            or not same(*self.score)
            or any(kr.shown for kr in self.key_results)
        )


@dataclass
class SetDiff:
    """One OKR set, matched across the two sides by (cycle, owner)."""

    ref: str
    cycle: str
    owner: str
    name: str
    # added | removed | changed | broken (readable before, not now) | repaired (the reverse)
    status: str
    path: str
    old_path: str | None = None
    changes: list[Change] = field(default_factory=list)
    score: tuple[float | None, float | None] = (None, None)
    progress: tuple[float | None, float | None] = (None, None)
    objectives: list[ObjectiveDiff] = field(default_factory=list)
    body_changed: bool = False

    @property
    def flags(self) -> list[Flag]:
        found: list[Flag] = []
        for objective in self.objectives:
            found.extend(objective.flags)
            for kr in objective.key_results:
                found.extend(kr.flags)
        return found

    @property
    def shown(self) -> bool:
        return (
            self.status != "changed"
            or self.old_path is not None
            or bool(self.changes)
            or self.body_changed
            or not same(*self.score)
            or any(o.shown for o in self.objectives)
        )


@dataclass(frozen=True)
class FileChange:
    status: str  # added | removed | renamed | modified
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class Unreadable:
    """A file that does not parse on one side (`base` or `head`), with its first error."""

    path: str
    side: str
    code: str
    line: int
    text: Text  # the error's message, shown in the reader's language

    @property
    def message(self) -> str:
        return self.text.render()


@dataclass
class OrganisationDiff:
    files: list[FileChange]
    unreadable: list[Unreadable]
    sets: list[SetDiff]
    introduced: list[Diagnostic]
    fixed: list[Diagnostic]

    @property
    def flags(self) -> list[tuple[SetDiff, Flag]]:
        return [(s, f) for s in self.sets for f in s.flags]

    @property
    def empty(self) -> bool:
        """Nothing that changes the goals (a comment or a blank line may have changed)."""
        return not (
            any(f.status != "modified" for f in self.files)
            or self.unreadable
            or self.sets
            or self.introduced
            or self.fixed
        )


# Comparing ------------------------------------------------------------------------------


def same(old: Any, new: Any) -> bool:
    """Two values of a file or two computed figures are the same (floats within 1e-9)."""
    if isinstance(old, float) and isinstance(new, float):
        return abs(old - new) <= 1e-9
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return abs(old - new) <= 1e-9
    return bool(old == new)


def _changes(pairs: list[tuple[str, Any, Any]]) -> list[Change]:
    return [Change(name, old, new) for name, old, new in pairs if not same(old, new)]


def _status(kr: KeyResult) -> str:
    return "dropped" if kr.dropped else "active"


def _checkin_key(checkin: Checkin) -> tuple[dt.date, Value, str | None]:
    return (checkin.date, checkin.value, checkin.note)


def _compare_checkins(diff: KeyResultDiff, old: KeyResult | None, new: KeyResult) -> None:
    """Sort the check-ins of `new` against `old` into new, edited and removed ones."""
    before = {c.date: c for c in old.checkins} if old else {}
    after = {c.date for c in new.checkins}
    for checkin in new.checkins:
        earlier = before.get(checkin.date)
        if earlier is None:
            diff.new_checkins.append(checkin)
        elif _checkin_key(earlier) != _checkin_key(checkin):
            diff.edited_checkins.append(checkin)
    diff.removed_checkins = [c for c in before.values() if c.date not in after]


def _graded_not_done(kr: KeyResult) -> bool:
    """A milestone given the full grade while `done` is not true."""
    return (
        kr.kind == "milestone"
        and kr.score_given is not None
        and at_least(kr.score_given, 1.0)
        and kr.current is not True
    )


def _value(kr: KeyResult | None) -> Value:
    return None if kr is None else kr.current


def _key_result(ref: str, old: KeyResult | None, new: KeyResult | None) -> KeyResultDiff:
    shown = new or old
    assert shown is not None
    status = "added" if old is None else "removed" if new is None else "changed"
    diff = KeyResultDiff(
        id=shown.id,
        ref=ref,
        title=shown.title,
        status=status,
        kind=shown.kind,
        unit=shown.unit,
        value=(_value(old), _value(new)),
        progress=(old.progress if old else None, new.progress if new else None),
        score=(old.score if old else None, new.score if new else None),
    )
    if new is not None:
        _compare_checkins(diff, old, new)
        if _graded_not_done(new) and not (old is not None and _graded_not_done(old)):
            diff.flags.append(Flag("graded-not-done", ref, None, new.score_given))
    if old is None or new is None:
        return diff
    numeric = old.kind == "numeric" and new.kind == "numeric"
    diff.changes = _changes(
        [
            ("title", old.title, new.title),
            ("kind", old.kind, new.kind),
            ("start", old.start if numeric else None, new.start if numeric else None),
            ("target", old.target, new.target),
            ("unit", old.unit, new.unit),
            ("weight", old.weight, new.weight),
            ("status", _status(old), _status(new)),
            ("reason", old.reason, new.reason),
            ("score", old.score_given, new.score_given),
        ]
    )
    if not diff.changes:
        diff.status = "unchanged"  # a new value alone is progress, not a change of the goal
    old_target, new_target = old.target, new.target
    if (
        numeric
        and old_target is not None
        and new_target is not None
        and not same(old_target, new_target)
    ):
        direction = 1 if old_target > old.start else -1
        if (new_target - old_target) * direction < 0:
            diff.flags.append(Flag("target-lowered", ref, old_target, new_target))
        if old.checkins:
            diff.flags.append(Flag("target-changed-after-checkins", ref, old_target, new_target))
    if new.dropped and not old.dropped:
        diff.flags.append(Flag("kr-dropped", ref, None, new.reason))
    if diff.edited_checkins or diff.removed_checkins:
        diff.flags.append(Flag("checkins-rewritten", ref))
    return diff


def _aligns(organisation: Organisation, okr_set: OkrSet, objective: Objective) -> list[str]:
    """Resolved alignment refs (with cycles), else the references as written."""
    resolved = [t.ref for t in organisation.aligns.get(objective_ref(okr_set, objective), [])]
    return resolved or [reference.text for reference in objective.aligns]


def _resolved(organisation: Organisation, okr_set: OkrSet, objective: Objective) -> bool:
    return bool(organisation.aligns.get(objective_ref(okr_set, objective)))


def _objective(
    base: Organisation,
    head: Organisation,
    old_set: OkrSet | None,
    new_set: OkrSet | None,
    old: Objective | None,
    new: Objective | None,
) -> ObjectiveDiff:
    shown = new or old
    shown_set = new_set or old_set
    assert shown is not None and shown_set is not None
    ref = objective_ref(shown_set, shown)
    status = "added" if old is None else "removed" if new is None else "changed"
    diff = ObjectiveDiff(
        id=shown.id,
        ref=ref,
        title=shown.title,
        status=status,
        score=(old.score if old else None, new.score if new else None),
        progress=(old.progress if old else None, new.progress if new else None),
    )
    old_krs = {kr.id: kr for kr in old.key_results} if old else {}
    new_krs = {kr.id: kr for kr in new.key_results} if new else {}
    order = [kr.id for kr in new.key_results] if new else []
    order += [kr.id for kr in old.key_results] if old else []
    for kr_id in dict.fromkeys(order):
        kr_diff = _key_result(f"{ref}/{kr_id}", old_krs.get(kr_id), new_krs.get(kr_id))
        if status == "changed" and kr_diff.status == "removed":
            # Dropped KRs stay in the file with a reason (docs/method.md, rule 11); a deleted one,
            # dropped before or not, takes its history with it.
            kr_diff.flags.append(Flag("kr-removed", kr_diff.ref))
        diff.key_results.append(kr_diff)
    if old is None or new is None or old_set is None or new_set is None:
        return diff
    diff.changes = _changes(
        [
            ("title", old.title, new.title),
            ("type", old.type, new.type),
            ("weight", old.weight, new.weight),
            ("aligns", _aligns(base, old_set, old), _aligns(head, new_set, new)),
        ]
    )
    if old.weights_sum_to_100 and not new.weights_sum_to_100:
        diff.flags.append(
            Flag(
                "weights-not-100",
                ref,
                None,
                computed_number(sum(kr.weight for kr in new.active_key_results)),
            )
        )
    if _resolved(base, old_set, old) and not _resolved(head, new_set, new):
        diff.flags.append(Flag("alignment-lost", ref, _aligns(base, old_set, old), None))
    if not diff.changes and not any(kr.status != "unchanged" for kr in diff.key_results):
        diff.status = "unchanged"
    return diff


def _set(
    base: Organisation,
    head: Organisation,
    old: OkrSet | None,
    new: OkrSet | None,
    status: str,
    today: dt.date | None,
) -> SetDiff:
    shown = new or old
    assert shown is not None
    diff = SetDiff(
        ref=shown.ref,
        cycle=shown.cycle.id,
        owner=shown.owner,
        name=shown.name,
        status=status,
        path=shown.path,
        old_path=old.path if old and new and old.path != new.path else None,
        score=(old.score if old else None, new.score if new else None),
        progress=(old.progress if old else None, new.progress if new else None),
    )
    if status in ("broken", "removed") and old is not None:
        # The objectives are listed (as removed) only when the set is gone for good.
        if status == "removed":
            diff.objectives = [_objective(base, head, old, None, o, None) for o in old.objectives]
        return diff
    old_objectives = {o.id: o for o in old.objectives} if old else {}
    new_objectives = {o.id: o for o in new.objectives} if new else {}
    order = [o.id for o in new.objectives] if new else []
    order += [o.id for o in old.objectives] if old else []
    for objective_id in dict.fromkeys(order):
        objective_diff = _objective(
            base,
            head,
            old,
            new,
            old_objectives.get(objective_id),
            new_objectives.get(objective_id),
        )
        if status == "changed" and objective_diff.status == "removed":
            objective_diff.flags.append(Flag("objective-removed", objective_diff.ref))
        began = new is not None and (today is None or today >= new.cycle.start)
        if began and _made_aspirational(objective_diff):
            # Once the cycle runs, a committed objective is judged against 1.0; switching its
            # type turns a "committed, missed" verdict into an aspirational one.
            objective_diff.flags.append(
                Flag("made-aspirational", objective_diff.ref, "committed", "aspirational")
            )
        diff.objectives.append(objective_diff)
    if old is not None and new is not None:
        diff.changes = _changes(
            [
                ("name", old.name, new.name),
                ("level", old.level, new.level),
                ("parent", old.parent, new.parent),
                ("status", _set_status(old), _set_status(new)),
            ]
        )
        diff.body_changed = old.body.strip() != new.body.strip()
    return diff


def _set_status(okr_set: OkrSet) -> str:
    return "draft" if okr_set.draft else "active"


def _made_aspirational(objective: ObjectiveDiff) -> bool:
    return any(
        c.field == "type" and c.old == "committed" and c.new == "aspirational"
        for c in objective.changes
    )


# Files ----------------------------------------------------------------------------------


def _key(file: LoadedFile) -> tuple[str, str] | None:
    """(cycle, owner) of a file, also of a broken one where they could be read."""
    if file.okr_set is not None:
        return (file.okr_set.cycle.id, file.okr_set.owner)
    if file.cycle and file.owner:
        return (file.cycle, file.owner)
    return None


def _first_error(file: LoadedFile) -> Diagnostic | None:
    errors = [d for d in file.diagnostics if d.severity is Severity.ERROR]
    return min(errors, key=Diagnostic.sort_key) if errors else None


def _renames(
    base_raw: dict[str, bytes | None],
    head_raw: dict[str, bytes | None],
    base_files: dict[str, LoadedFile],
    head_files: dict[str, LoadedFile],
) -> dict[str, str]:
    """Old path -> new path of each file that moved: the same (cycle, owner), or same bytes."""
    gone = sorted(set(base_raw) - set(head_raw))
    new = sorted(set(head_raw) - set(base_raw))
    renames: dict[str, str] = {}
    taken: set[str] = set()
    for old_path in gone:
        key = _key(base_files[old_path])
        match = [p for p in new if p not in taken and key and _key(head_files[p]) == key]
        if not match:
            match = [p for p in new if p not in taken and head_raw[p] == base_raw[old_path]]
        if match:
            renames[old_path] = match[0]
            taken.add(match[0])
    return renames


def _file_changes(
    base_raw: dict[str, bytes | None], head_raw: dict[str, bytes | None], renames: dict[str, str]
) -> list[FileChange]:
    moved_to = set(renames.values())
    changes = [FileChange("renamed", new, old) for old, new in renames.items()]
    changes += [
        FileChange("removed", path)
        for path in base_raw
        if path not in head_raw and path not in renames
    ]
    changes += [
        FileChange("added", path)
        for path in head_raw
        if path not in base_raw and path not in moved_to
    ]
    changes += [
        FileChange("modified", path)
        for path in head_raw
        if path in base_raw and head_raw[path] != base_raw[path]
    ]
    return sorted(changes, key=lambda c: (c.path, c.status))


def _unreadable(
    base_raw: dict[str, bytes | None],
    head_raw: dict[str, bytes | None],
    base_files: dict[str, LoadedFile],
    head_files: dict[str, LoadedFile],
    renames: dict[str, str],
) -> list[Unreadable]:
    """Files that do not parse on a side, where the change touched them."""
    found: list[Unreadable] = []
    old_of = {new: old for old, new in renames.items()}
    for path, file in head_files.items():
        old_path = old_of.get(path, path)
        touched = old_path not in base_raw or base_raw[old_path] != head_raw[path]
        if file.okr_set is None and touched:
            error = _first_error(file)
            if error is not None:
                found.append(Unreadable(path, "head", error.code, error.line, error.text))
    for path, file in base_files.items():
        new_path = renames.get(path, path)
        now = head_files.get(new_path)
        if file.okr_set is None and now is not None and now.okr_set is not None:
            error = _first_error(file)
            if error is not None:
                found.append(Unreadable(path, "base", error.code, error.line, error.text))
    return sorted(found, key=lambda u: (u.path, u.side))


# Diagnostics ----------------------------------------------------------------------------


def _diagnostic_key(diagnostic: Diagnostic, path: str) -> tuple[str, str, str, str]:
    # Lines shift with every edit above a problem: compare what it is, not where it is.
    return (path, diagnostic.code, diagnostic.severity.value, diagnostic.message)


def diagnostic_changes(
    base: list[Diagnostic], head: list[Diagnostic], renames: dict[str, str] | None = None
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(introduced, fixed): compared by path, code, severity and message, not by line."""
    renames = renames or {}
    before = Counter(_diagnostic_key(d, renames.get(d.path, d.path)) for d in base)
    after = Counter(_diagnostic_key(d, d.path) for d in head)
    introduced: list[Diagnostic] = []
    for diagnostic in head:
        key = _diagnostic_key(diagnostic, diagnostic.path)
        if before[key] > 0:
            before[key] -= 1
        else:
            introduced.append(diagnostic)
    fixed: list[Diagnostic] = []
    for diagnostic in base:
        key = _diagnostic_key(diagnostic, renames.get(diagnostic.path, diagnostic.path))
        if after[key] > 0:
            after[key] -= 1
        else:
            fixed.append(diagnostic)
    return (
        sorted(introduced, key=Diagnostic.sort_key),
        sorted(fixed, key=Diagnostic.sort_key),
    )


# The entry point ------------------------------------------------------------------------


def compare(
    base_files: Files, head_files: Files, settings: Settings, today: dt.date | None = None
) -> OrganisationDiff:
    """The OKR files at BASE and at HEAD -> what the change does to the goals.

    `today` tells which cycles have begun (a type switched to aspirational then is flagged);
    None takes every cycle as begun, so the flag is never missed for want of a date."""
    base_raw = dict(base_files)
    head_raw = dict(head_files)
    base = analyse(base_raw.items(), settings)
    head = analyse(head_raw.items(), settings)
    base_loaded = {f.path: f for f in base.files}
    head_loaded = {f.path: f for f in head.files}
    renames = _renames(base_raw, head_raw, base_loaded, head_loaded)

    old_sets = {(s.cycle.id, s.owner): s for s in base.sets}
    new_sets = {(s.cycle.id, s.owner): s for s in head.sets}
    broken_head_keys = {_key(f) for f in head.files if f.okr_set is None} - {None}
    broken_head_paths = {f.path for f in head.files if f.okr_set is None}
    broken_base_keys = {_key(f) for f in base.files if f.okr_set is None} - {None}
    broken_base_paths = {f.path for f in base.files if f.okr_set is None}
    old_of = {new: old for old, new in renames.items()}

    sets: list[SetDiff] = []
    for key in sorted(set(old_sets) | set(new_sets)):
        old, new = old_sets.get(key), new_sets.get(key)
        if old is not None and new is not None:
            status = "changed"
        elif new is not None:
            was_broken = (
                key in broken_base_keys or old_of.get(new.path, new.path) in broken_base_paths
            )
            status = "repaired" if was_broken else "added"
        else:
            assert old is not None
            is_broken = (
                key in broken_head_keys or renames.get(old.path, old.path) in broken_head_paths
            )
            status = "broken" if is_broken else "removed"
        diff = _set(base, head, old, new, status, today)
        if diff.shown:
            sets.append(diff)

    introduced, fixed = diagnostic_changes(base.diagnostics, head.diagnostics, renames)
    return OrganisationDiff(
        files=_file_changes(base_raw, head_raw, renames),
        unreadable=_unreadable(base_raw, head_raw, base_loaded, head_loaded, renames),
        sets=sets,
        introduced=introduced,
        fixed=fixed,
    )


# JSON -----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A field's value as written (a number, a text, or a list of `aligns` references)."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (float, int)) or value is None:
        return written_number(value)
    return value


def _pair(pair: tuple[Value, Value], number: Callable[[Value], Value]) -> dict[str, Value]:
    return {"old": number(pair[0]), "new": number(pair[1])}


def _changes_data(changes: list[Change]) -> list[dict[str, Any]]:
    return [{"field": c.field, "old": _plain(c.old), "new": _plain(c.new)} for c in changes]


def _flags_data(flags: list[Flag]) -> list[dict[str, Any]]:
    return [
        {"code": f.code, "ref": f.ref, "old": _plain(f.old), "new": _plain(f.new)} for f in flags
    ]


def _kr_data(kr: KeyResultDiff) -> dict[str, Any]:
    return {
        "id": kr.id,
        "ref": kr.ref,
        "title": kr.title,
        "status": kr.status,
        "kind": kr.kind,
        "unit": kr.unit,
        "changes": _changes_data(kr.changes),
        "flags": _flags_data(kr.flags),
        "value": _pair(kr.value, written_number),
        "progress": _pair(kr.progress, computed_number),
        "score": _pair(kr.score, computed_number),
        "new_checkins": _checkins_data(kr.new_checkins),
        "edited_checkins": _checkins_data(kr.edited_checkins),
        "removed_checkins": _checkins_data(kr.removed_checkins),
    }


def _checkins_data(checkins: list[Checkin]) -> list[dict[str, Any]]:
    return [
        {"date": c.date.isoformat(), "value": written_number(c.value), "note": c.note}
        for c in checkins
    ]


def to_data(diff: OrganisationDiff, base: str, head: str | None) -> dict[str, Any]:
    """The diff as JSON-ready data (documented in docs/pull-requests.md)."""
    return {
        "version": DIFF_VERSION,
        "base": base,
        "head": head,
        "empty": diff.empty,
        "files": [{"status": f.status, "path": f.path, "old_path": f.old_path} for f in diff.files],
        "unreadable": [
            {"path": u.path, "side": u.side, "code": u.code, "line": u.line, "message": u.message}
            for u in diff.unreadable
        ],
        "sets": [
            {
                "ref": s.ref,
                "cycle": s.cycle,
                "owner": s.owner,
                "name": s.name,
                "status": s.status,
                "path": s.path,
                "old_path": s.old_path,
                "changes": _changes_data(s.changes),
                "body_changed": s.body_changed,
                "score": _pair(s.score, computed_number),
                "progress": _pair(s.progress, computed_number),
                "flags": _flags_data(s.flags),
                "objectives": [
                    {
                        "id": o.id,
                        "ref": o.ref,
                        "title": o.title,
                        "status": o.status,
                        "changes": _changes_data(o.changes),
                        "flags": _flags_data(o.flags),
                        "score": _pair(o.score, computed_number),
                        "progress": _pair(o.progress, computed_number),
                        "key_results": [_kr_data(kr) for kr in o.key_results if kr.shown],
                    }
                    for o in s.objectives
                    if o.shown
                ],
            }
            for s in diff.sets
        ],
        "diagnostics": {
            "introduced": [d.as_dict() for d in diff.introduced],
            "fixed": [d.as_dict() for d in diff.fixed],
        },
        "summary": {
            "sets": len(diff.sets),
            "flags": len(diff.flags),
            "introduced": len(diff.introduced),
            "fixed": len(diff.fixed),
            "introduced_errors": sum(d.severity is Severity.ERROR for d in diff.introduced),
        },
    }
