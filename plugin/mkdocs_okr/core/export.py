"""The export: every OKR set, objective and key result with scores and links, as JSON or CSV.

The JSON form is a public interface (documented in docs/export.md): change it only by adding
fields, and bump `version` when a field changes meaning.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from collections.abc import Callable
from functools import partial
from typing import Any

from .diagnostics import Diagnostic
from .figures import computed_number, written_number
from .model import KeyResult, Objective, OkrSet
from .organisation import Goal, Organisation, objective_ref

EXPORT_VERSION = 1


def _refs(targets: list[Goal]) -> list[str]:
    return [target.ref for target in targets]


def _key_result(
    organisation: Organisation, okr_set: OkrSet, objective: Objective, kr: KeyResult
) -> dict[str, Any]:
    ref = f"{objective_ref(okr_set, objective)}/{kr.id}"
    return {
        "ref": ref,
        "id": kr.id,
        "title": kr.title,
        "kind": kr.kind,
        "start": written_number(kr.start) if kr.kind == "numeric" else None,
        "target": written_number(kr.target),
        "unit": kr.unit,
        "weight": written_number(kr.weight),
        "current": written_number(kr.current),
        "progress": computed_number(kr.progress),
        "score": computed_number(kr.score),
        "score_given": written_number(kr.score_given),
        "dropped": kr.dropped,
        "reason": kr.reason,
        "tags": kr.tags,
        "last_checkin": kr.last_checkin.isoformat() if kr.last_checkin else None,
        "checkins": [
            {
                "date": c.date.isoformat(),
                "value": written_number(c.value),
                "note": c.note,
            }
            for c in kr.checkins
        ],
        "supported_by": _refs(organisation.supported_by.get(ref, [])),
    }


def _objective(organisation: Organisation, okr_set: OkrSet, objective: Objective) -> dict[str, Any]:
    ref = objective_ref(okr_set, objective)
    return {
        "ref": ref,
        "id": objective.id,
        "title": objective.title,
        "type": objective.type,
        "weight": written_number(objective.weight),
        "tags": objective.tags,
        "progress": computed_number(objective.progress),
        "score": computed_number(objective.score),
        "aligns": _refs(organisation.aligns.get(ref, [])),
        "supported_by": _refs(organisation.supported_by.get(ref, [])),
        "key_results": [
            _key_result(organisation, okr_set, objective, kr) for kr in objective.key_results
        ],
    }


def set_record(organisation: Organisation, okr_set: OkrSet) -> dict[str, Any]:
    parent = organisation.parent_of(okr_set)
    return {
        "ref": okr_set.ref,
        "path": okr_set.path,
        "cycle": okr_set.cycle.id,
        "cycle_start": okr_set.cycle.start.isoformat(),
        "cycle_end": okr_set.cycle.end.isoformat(),
        "owner": okr_set.owner,
        "name": okr_set.name,
        "level": okr_set.level,
        "parent": okr_set.parent,
        "parent_ref": parent.ref if parent else None,
        "tags": okr_set.tags,
        "progress": computed_number(okr_set.progress),
        "score": computed_number(okr_set.score),
        "last_checkin": okr_set.last_checkin.isoformat() if okr_set.last_checkin else None,
        "objectives": [_objective(organisation, okr_set, o) for o in okr_set.objectives],
    }


def export_data(organisation: Organisation) -> dict[str, Any]:
    sets = _sets_in_order(organisation)
    return {
        "version": EXPORT_VERSION,
        "sets": [set_record(organisation, s) for s in sets],
        "diagnostics": [d.as_dict() for d in organisation.diagnostics],
        "summary": _summary(organisation, len(sets)),
    }


def _sets_in_order(organisation: Organisation) -> list[OkrSet]:
    return sorted(organisation.sets, key=lambda s: (s.cycle.id, s.owner))


def _summary(organisation: Organisation, sets: int) -> dict[str, int]:
    return _counts(organisation.diagnostics, sets, len(organisation.files))


def _counts(diagnostics: list[Diagnostic], sets: int, files: int) -> dict[str, int]:
    return {
        "sets": sets,
        "files": files,
        "errors": sum(d.severity.value == "error" for d in diagnostics),
        "warnings": sum(d.severity.value == "warning" for d in diagnostics),
    }


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_json(organisation: Organisation, *, compact: bool = False) -> str:
    """The export as JSON text: indented for people, or compact for the site, where it is
    several times faster to write (Python's JSON encoder indents in pure Python)."""
    if compact:
        return compact_json(organisation).decode("utf-8")
    return json.dumps(export_data(organisation), ensure_ascii=False, indent=2) + "\n"


RecordMemo = Callable[[OkrSet, Callable[[], bytes]], bytes]
"""(set, how to make its record) -> the record, perhaps remembered from an earlier run."""


def compact_json(organisation: Organisation, remembered: RecordMemo | None = None) -> bytes:
    """The export as compact JSON in UTF-8, written set by set and joined once (at company
    scale it is tens of megabytes). `mkdocs serve` passes `remembered`, which gives the
    records of sets whose content and links did not change since its last run."""
    sets = _sets_in_order(organisation)
    summary = _summary(organisation, len(sets))
    return _document(organisation, sets, organisation.diagnostics, summary, remembered)


def _document(
    organisation: Organisation,
    sets: list[OkrSet],
    diagnostics: list[Diagnostic],
    summary: dict[str, int],
    remembered: RecordMemo | None,
) -> bytes:
    """An export document of `sets` in compact JSON, its records joined once."""
    parts = [f'{{"version":{EXPORT_VERSION},"sets":['.encode()]
    for index, okr_set in enumerate(sets):
        if index:
            parts.append(b",")
        record = partial(_compact_record, organisation, okr_set)
        parts.append(record() if remembered is None else remembered(okr_set, record))
    tail = f'],"diagnostics":{_compact([d.as_dict() for d in diagnostics])}'
    parts.append(f'{tail},"summary":{_compact(summary)}}}\n'.encode())
    return b"".join(parts)


def cycle_file(index: str, cycle_id: str) -> str:
    """Where the site keeps a cycle's export: in a folder named after the index, beside it
    (`okrs.json` -> `okrs/2024-Q1.json`)."""
    stem = index[: -len(".json")] if index.endswith(".json") else index
    return f"{stem}/{cycle_id}.json"


def site_export(
    organisation: Organisation, index: str, remembered: RecordMemo | None = None
) -> list[tuple[str, bytes]]:
    """The site's export as (path, content): one document per cycle, in the form `okr export`
    writes (the whole company's would be tens of megabytes), and at `index` the index that
    names each cycle's file with its dates and count of sets, and holds every diagnostic and
    the whole summary."""
    by_cycle: dict[str, list[OkrSet]] = {}
    for okr_set in _sets_in_order(organisation):
        by_cycle.setdefault(okr_set.cycle.id, []).append(okr_set)
    files: list[tuple[str, bytes]] = []
    cycles = []
    for cycle_id, sets in by_cycle.items():
        name = cycle_file(index, cycle_id)
        paths = {s.path for s in sets}
        diagnostics = [d for d in organisation.diagnostics if d.path in paths]
        summary = _counts(diagnostics, len(sets), len(paths))
        files.append((name, _document(organisation, sets, diagnostics, summary, remembered)))
        cycle = sets[0].cycle
        cycles.append(
            {
                "cycle": cycle_id,
                "start": cycle.start.isoformat(),
                "end": cycle.end.isoformat(),
                "sets": len(sets),
                "file": posixpath.relpath(name, posixpath.dirname(index) or "."),
            }
        )
    document = {
        "version": EXPORT_VERSION,
        "cycles": cycles,
        "diagnostics": [d.as_dict() for d in organisation.diagnostics],
        "summary": _summary(organisation, sum(len(sets) for sets in by_cycle.values())),
    }
    return [(index, (_compact(document) + "\n").encode("utf-8")), *files]


def _compact_record(organisation: Organisation, okr_set: OkrSet) -> bytes:
    return _compact(set_record(organisation, okr_set)).encode("utf-8")


CSV_COLUMNS = [
    "cycle",
    "owner",
    "name",
    "level",
    "parent",
    "set_score",
    "objective_ref",
    "objective_title",
    "objective_type",
    "objective_weight",
    "objective_score",
    "aligns",
    "kr_ref",
    "kr_title",
    "kind",
    "start",
    "target",
    "unit",
    "weight",
    "current",
    "progress",
    "score",
    "dropped",
    "reason",
]


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection), and
# anyone who can open a pull request writes the titles.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(value: str | None) -> str:
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(organisation: Organisation) -> str:
    """One row per key result, with its objective's and set's columns repeated."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in export_data(organisation)["sets"]:
        for objective in record["objectives"]:
            for kr in objective["key_results"]:
                writer.writerow(
                    {
                        "cycle": record["cycle"],
                        "owner": record["owner"],
                        "name": _text_cell(record["name"]),
                        "level": record["level"],
                        "parent": record["parent"] or "",
                        "set_score": record["score"],
                        "objective_ref": objective["ref"],
                        "objective_title": _text_cell(objective["title"]),
                        "objective_type": objective["type"],
                        "objective_weight": objective["weight"],
                        "objective_score": objective["score"],
                        "aligns": " ".join(objective["aligns"]),
                        "kr_ref": kr["ref"],
                        "kr_title": _text_cell(kr["title"]),
                        "kind": kr["kind"],
                        "start": kr["start"],
                        "target": kr["target"],
                        "unit": _text_cell(kr["unit"]),
                        "weight": kr["weight"],
                        "current": kr["current"],
                        "progress": kr["progress"],
                        "score": kr["score"],
                        "dropped": kr["dropped"],
                        "reason": _text_cell(kr["reason"]),
                    }
                )
    return buffer.getvalue()
