"""Load OKR files into OKR sets, with every problem found inside one file as a diagnostic."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pydantic import ValidationError

from . import messages
from .collector import cyclic_gc_paused
from .cycles import Calendar, Cycle
from .diagnostics import Diagnostic, make
from .draft import placeholder_problems
from .frontmatter import Document, read
from .messages import Text
from .model import Checkin, KeyResult, Objective, OkrSet, Reference
from .partial import validate_parts
from .schema import ID, OWNER, KeyResultIn, ObjectiveIn, OkrSetIn, schema_diagnostics
from .settings import Settings
from .sources import SourceFile as SourceFile  # still importable from here
from .workers import ordered_map, worker_count

_REF_PART = re.compile(r"\s*/\s*")


@dataclass
class LoadedFile:
    """One file's outcome: its OKR set (None when it cannot be read) and its diagnostics.

    `cycle` and `owner` are kept even for a broken file where they could be read, so that
    references to its objectives are not reported a second time as unresolved.
    """

    path: str
    okr_set: OkrSet | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    cycle: str | None = None
    owner: str | None = None
    # The set holds only the parts of the file that passed the schema (core/partial.py): shown
    # and checked, but not a file a command should edit.
    partial: bool = False


def parse_reference(
    text: str, calendar: Calendar
) -> tuple[str | None, str, str, str | None] | None:
    """`[CYCLE/]OWNER/OBJECTIVE[/KR]` -> parts, or None when it is not of that form."""
    parts = _REF_PART.split(text.strip())
    cycle: str | None = None
    if len(parts) >= 3 and calendar.is_cycle_id(parts[0]):
        cycle, parts = parts[0], parts[1:]
    if len(parts) not in (2, 3) or not OWNER.fullmatch(parts[0]):
        return None
    if not all(ID.fullmatch(part) for part in parts[1:]):
        return None
    return cycle, parts[0], parts[1], parts[2] if len(parts) == 3 else None


def load_text(raw: bytes, path: str, settings: Settings, calendar: Calendar) -> LoadedFile:
    """Bytes of one OKR file -> its OKR set and diagnostics. Never raises for bad input."""
    result = read(raw, path, settings.max_file_bytes)
    loaded = LoadedFile(path, None, list(result.diagnostics))
    document = result.document
    if document is None:
        return loaded
    data = document.data
    if isinstance(data.get("cycle"), (str, int)) and not isinstance(data.get("cycle"), bool):
        loaded.cycle = str(data["cycle"])
    if isinstance(data.get("owner"), str):
        loaded.owner = data["owner"]
    explained: set[tuple[str, tuple[int, int]]] = set()
    try:
        validated: OkrSetIn | None = OkrSetIn.model_validate(data)
    except ValidationError as error:
        # The reader already explained a value it refused (`yes`, `010` ...); the schema's
        # complaint about the same value would say the same thing less clearly.
        already = {(d.line, d.column) for d in loaded.diagnostics}
        loaded.diagnostics.extend(
            d
            for d in schema_diagnostics(error, document, path)
            if (d.line, d.column) not in already
        )
        # The rest of the file is still checked, and its set takes part in the site and in
        # the checks across files (core/partial.py).
        parts = validate_parts(document, error)
        validated, document, explained = parts.validated, parts.document, parts.explained
        loaded.partial = True
    if validated is None:
        return loaded
    found: list[Diagnostic] = []
    loaded.okr_set = _build_set(validated, document, path, settings, calendar, found)
    loaded.diagnostics.extend(d for d in found if (d.code, (d.line, d.column)) not in explained)
    return loaded


def _build_set(
    given: OkrSetIn,
    document: Document,
    path: str,
    settings: Settings,
    calendar: Calendar,
    out: list[Diagnostic],
) -> OkrSet | None:
    def at(*where: str | int) -> tuple[int, int]:
        return document.position(tuple(where))

    def report(code: str, where: tuple[int, int], message: Text) -> None:
        out.append(make(code, path, where[0], where[1], message))

    cycle = calendar.get(given.cycle)
    if cycle is None:
        report(
            "invalid-cycle",
            at("cycle"),
            messages.text("invalid-cycle", cycle=given.cycle[:60]),
        )
        return None
    parent = given.parent
    if given.level == "company" and parent is not None:
        report(
            "parent-on-company",
            at("parent"),
            messages.text("parent-on-company", parent=parent),
        )
        parent = None  # ignored, so it is not checked a second time as a missing owner
    if given.level != "company" and given.parent is None:
        report(
            "parent-missing",
            at(),
            messages.text("parent-missing", level=messages.text(f"part.level.{given.level}")),
        )

    objectives: list[Objective] = []
    seen_objectives: dict[str, int] = {}
    for index, objective_in in enumerate(given.objectives):
        objective = _build_objective(
            objective_in, index, cycle, document, path, settings, calendar, out
        )
        if objective.id in seen_objectives:
            report(
                "duplicate-id",
                at("objectives", index, "id") if objective_in.id else at("objectives", index),
                messages.text(
                    "duplicate-id", id=objective.id, other=seen_objectives[objective.id] + 1
                ),
            )
        seen_objectives.setdefault(objective.id, index)
        objectives.append(objective)

    okr_set = OkrSet(
        path=path,
        cycle=cycle,
        owner=given.owner,
        name=given.name or given.owner,
        level=given.level,
        parent=parent,
        objectives=objectives,
        tags=list(given.tags),
        body=document.body,
        body_line=document.body_line,
        positions={key: at(key) for key in ("cycle", "owner", "parent", "level")},
        github=list(given.github),
        draft=given.status == "draft",
    )
    _lint_set(okr_set, settings, out)
    out += placeholder_problems(okr_set)
    return okr_set


def _build_objective(
    given: ObjectiveIn,
    index: int,
    cycle: Cycle,
    document: Document,
    path: str,
    settings: Settings,
    calendar: Calendar,
    out: list[Diagnostic],
) -> Objective:
    base = ("objectives", index)
    aligns: list[Reference] = []
    for position, text in enumerate(given.aligns):
        where = (
            document.position((*base, "aligns", position))
            if isinstance(document.data["objectives"][index].get("aligns"), list)
            else document.position((*base, "aligns"))
        )
        parts = parse_reference(text, calendar)
        if parts is None:
            out.append(
                make(
                    "invalid-reference",
                    path,
                    *where,
                    messages.text("invalid-reference", reference=text),
                )
            )
            continue
        aligns.append(Reference(text, parts[0], parts[1], parts[2], parts[3], where))

    key_results: list[KeyResult] = []
    seen: dict[str, int] = {}
    for kr_index, kr_in in enumerate(given.key_results):
        kr = _build_key_result(
            kr_in, kr_index, (*base, "key_results", kr_index), cycle, document, path, out
        )
        if kr.id in seen:
            out.append(
                make(
                    "duplicate-id",
                    path,
                    *document.position((*base, "key_results", kr_index, "id")),
                    messages.text(
                        "duplicate-id.key-result",
                        objective=given.id or f"O{index + 1}",
                        id=kr.id,
                    ),
                )
            )
        seen.setdefault(kr.id, kr_index)
        key_results.append(kr)
    return Objective(
        id=given.id or f"O{index + 1}",
        title=given.title,
        type=given.type or settings.default_type,
        weight=given.weight if given.weight is not None else 1.0,
        aligns=aligns,
        tags=list(given.tags),
        key_results=key_results,
        position=document.position(base),
        aligns_written=bool(given.aligns) or _left_out(document, (*base, "aligns")),
    )


def _left_out(document: Document, path: tuple[str | int, ...]) -> bool:
    """A value written in the file but left out as unreadable (core/partial.py), which is
    reported as such (an `aligns` of a wrong kind is not reported again as aligning to none)."""
    container: Any = document.data
    for part in path[:-1]:
        container = container[part]
    return path in document.value_positions and path[-1] not in container


def _build_key_result(
    given: KeyResultIn,
    index: int,
    base: tuple[str | int, ...],
    cycle: Cycle,
    document: Document,
    path: str,
    out: list[Diagnostic],
) -> KeyResult:
    def at(*where: str | int) -> tuple[int, int]:
        return document.position((*base, *where))

    def report(code: str, where: tuple[int, int], message: Text) -> None:
        out.append(make(code, path, where[0], where[1], message))

    kr_id = given.id or f"KR{index + 1}"
    if given.target is not None and given.done is not None:
        report(
            "numeric-and-milestone",
            at("done"),
            messages.text("numeric-and-milestone", kr=kr_id),
        )
    if given.target is not None:
        kind = "numeric"
    else:
        kind = "milestone" if given.done is not None else "unmeasured"
    start = given.start if given.start is not None else 0.0
    if kind == "numeric" and given.target == start:
        report(
            "start-equals-target",
            at("target"),
            messages.text("start-equals-target", kr=kr_id, start=start),
        )
    if given.status == "dropped" and not given.reason:
        report(
            "reason-missing",
            at("status"),
            messages.text("reason-missing", kr=kr_id),
        )

    checkins: list[Checkin] = []
    for position, checkin_in in enumerate(given.checkins):
        where = at("checkins", position)
        value = checkin_in.value
        wants_number = kind != "milestone"
        if isinstance(value, bool) == wants_number:
            report(
                "checkin-value-type",
                at("checkins", position, "value"),
                messages.text(
                    "checkin-value-type" if wants_number else "checkin-value-type.milestone",
                    day=checkin_in.date.isoformat(),
                    kr=kr_id,
                ),
            )
        if not cycle.contains_date(checkin_in.date):
            report(
                "checkin-outside-cycle",
                at("checkins", position, "date"),
                messages.text(
                    "checkin-outside-cycle",
                    day=checkin_in.date.isoformat(),
                    cycle=cycle.id,
                    start=cycle.start.isoformat(),
                    end=cycle.end.isoformat(),
                ),
            )
        if checkins and checkin_in.date <= checkins[-1].date:
            report(
                "checkin-order",
                at("checkins", position, "date"),
                messages.text(
                    "checkin-order",
                    day=checkin_in.date.isoformat(),
                    previous=checkins[-1].date.isoformat(),
                ),
            )
        checkins.append(Checkin(checkin_in.date, value, checkin_in.note, where, checkin_in.status))

    current = given.current
    if current is not None and isinstance(current, bool) != (kind == "milestone"):
        report(
            "wrong-type",
            at("current"),
            messages.text(
                f"wrong-type.current-{'milestone' if kind == 'milestone' else 'number'}",
                kr=kr_id,
            ),
        )
        current = None
    if current is not None and checkins and checkins[-1].value != current:
        report(
            "current-mismatch",
            at("current"),
            messages.text(
                "current-mismatch",
                kr=kr_id,
                current=str(current),
                day=checkins[-1].date.isoformat(),
                latest=str(checkins[-1].value),
            ),
        )
    return KeyResult(
        id=kr_id,
        title=given.title,
        kind=kind,
        start=start,
        target=given.target,
        unit=given.unit,
        weight=given.weight if given.weight is not None else 1.0,
        weight_given=given.weight is not None,
        checkins=checkins,
        current_given=current,
        score_given=given.score,
        dropped=given.status == "dropped",
        reason=given.reason,
        done_given=given.done,
        tags=list(given.tags),
        position=document.position(base),
        positions={key: at(key) for key in ("target", "weight", "start", "title")},
    )


def _lint_set(okr_set: OkrSet, settings: Settings, out: list[Diagnostic]) -> None:
    """The method's rules (docs/method.md, rules 1, 7, 8, 9) as warnings (rule 4, objectives
    that align to nothing, is checked across files: organisation._check_unaligned)."""
    path = okr_set.path
    limits = settings.limits_for(okr_set.level)
    if len(okr_set.objectives) > limits.objectives:
        out.append(
            make(
                "too-many-objectives",
                path,
                *okr_set.objectives[limits.objectives].position,
                messages.text(
                    "too-many-objectives",
                    level=messages.text(f"part.level.{okr_set.level}"),
                    count=len(okr_set.objectives),
                    limit=limits.objectives,
                ),
            )
        )
    task_words = [word.lower() for word in settings.task_words]
    for objective in okr_set.objectives:
        active = objective.active_key_results
        if len(active) > limits.key_results:
            out.append(
                make(
                    "too-many-key-results",
                    path,
                    *objective.position,
                    messages.text(
                        "too-many-key-results",
                        objective=objective.id,
                        count=len(active),
                        limit=limits.key_results,
                    ),
                )
            )
        if not objective.weights_sum_to_100:
            total = sum(kr.weight for kr in active)
            out.append(
                make(
                    "weights-not-100",
                    path,
                    *objective.position,
                    messages.text("weights-not-100", objective=objective.id, total=total),
                )
            )
        for kr in objective.key_results:
            if kr.kind == "unmeasured" and not kr.dropped:
                out.append(
                    make(
                        "not-measurable",
                        path,
                        *kr.position,
                        messages.text("not-measurable", kr=f"{objective.id}/{kr.id}"),
                    )
                )
            lowered = kr.title.lower()
            word = next((w for w in task_words if w and w in lowered), None)
            if word is not None:
                out.append(
                    make(
                        "task-like",
                        path,
                        *kr.positions["title"],
                        messages.text("task-like", kr=f"{objective.id}/{kr.id}", word=word),
                    )
                )


Files = Iterable[tuple[str, bytes | None] | SourceFile]
"""(relative path, bytes or None when unreadable) pairs, or source files."""


def _sources(files: Files) -> list[SourceFile]:
    return [
        file if isinstance(file, SourceFile) else SourceFile(file[0], partial(_given, file[1]))
        for file in files
    ]


def _given(raw: bytes | None) -> bytes | None:
    return raw


def unreadable_file(path: str) -> LoadedFile:
    problem = make(
        "file-unreadable",
        path,
        0,
        0,
        messages.text("file-unreadable"),
    )
    return LoadedFile(path, None, [problem])


def load_files(files: Files, settings: Settings, memo: LoadMemo | None = None) -> list[LoadedFile]:
    """Files -> loaded files, in the order given. Many files are loaded by worker processes
    where the machine has the cores for it (core/workers.py), with the same results."""
    with cyclic_gc_paused():
        if memo is not None:
            return memo.load(_sources(files), settings)
        calendar = settings.calendar()
        sources = _sources(files)

        def load_one(index: int) -> LoadedFile:
            source = sources[index]
            raw = source.read()
            if raw is None:
                return unreadable_file(source.path)
            return load_text(raw, source.path, settings, calendar)

        workers = worker_count(len(sources))
        if workers:
            return ordered_map(load_one, len(sources), workers, _MODEL_CLASSES)
        return [load_one(index) for index in range(len(sources))]


# What a loaded file holds of slotted dataclasses: the workers pickle them field by field.
_MODEL_CLASSES = (Checkin, KeyResult, Objective, Reference, OkrSet, Text)


def content_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class LoadMemo:
    """The loaded files of the last run, by path, stamp and content: `mkdocs serve` reads only
    the files whose stamp changed, and parses only the ones whose content changed."""

    def __init__(self) -> None:
        self._settings = ""
        self._loaded: dict[str, tuple[tuple[int, ...] | None, str, LoadedFile]] = {}
        self.digests: dict[str, str] = {}
        self.read = 0  # how many files the last `load` had to read
        self.parsed = 0  # how many files the last `load` had to parse

    def load(self, sources: Iterable[SourceFile], settings: Settings) -> list[LoadedFile]:
        fingerprint = settings.model_dump_json()
        if fingerprint != self._settings:
            self._settings, self._loaded = fingerprint, {}
        calendar = settings.calendar()
        result: list[LoadedFile] = []
        kept: dict[str, tuple[tuple[int, ...] | None, str, LoadedFile]] = {}
        self.read = self.parsed = 0
        for source in sources:
            path = source.path
            known = self._loaded.get(path)
            if known is not None and source.stamp is not None and known[0] == source.stamp:
                kept[path] = known
                result.append(known[2])
                continue
            raw = source.read()
            self.read += 1
            if raw is None:
                loaded, digest, stamp = unreadable_file(path), "unreadable", None
            else:
                digest, stamp = content_digest(raw), source.stamp
                if known is not None and known[1] == digest:
                    loaded = known[2]
                else:
                    loaded = load_text(raw, path, settings, calendar)
                    self.parsed += 1
            kept[path] = (stamp, digest, loaded)
            result.append(loaded)
        self._loaded = kept
        self.digests = {path: digest for path, (_stamp, digest, _loaded) in kept.items()}
        return result
