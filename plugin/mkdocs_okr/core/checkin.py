"""`okr checkin`: append check-ins to an OKR file as text, in the style the file already uses.

A check-in must not reformat the file its owner wrote by hand (see core/yamltext.py): the new
lines are inserted as text where ruamel.yaml found the key result and its `checkins:`. The
result is read back with the same reader as `okr check` and must hold exactly the old values
plus the new check-ins, or nothing is written.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import figures, messages
from .compare import diagnostic_changes
from .diagnostics import Diagnostic, Severity
from .frontmatter import read
from .issueform import Reading, ValueKind, parse_reading, plain, split_line, split_status
from .load import LoadedFile, load_text
from .model import KeyResult, OkrSet
from .refusals import not_editable, refusal
from .settings import Settings
from .yamltext import (
    FrontMatterText,
    TextEdit,
    front_matter_nodes,
    get,
    insert_in_flow,
    last_line,
    yaml_number,
    yaml_text,
)

MAX_NOTE = 2000


@dataclass
class EditResult:
    text: str | None  # None when refused
    problems: list[Diagnostic]


@dataclass(frozen=True)
class CheckinRequest:
    """`O1/KR1=6500 [at risk] # note` as typed: the value as plain text (full-width as ASCII),
    the status (`on-track`, `at-risk`, `off-track`) and the note of this key result."""

    objective: str
    key_result: str
    value_text: str
    status: str | None = None
    note: str | None = None

    @property
    def ref(self) -> str:
        return f"{self.objective}/{self.key_result}"


def parse_request(text: str) -> CheckinRequest | None:
    """A check-in as the issue form's progress lines write it (docs/issue-forms.md), or None."""
    parts = split_line(text)
    if parts is None:
        return None
    objective, key_result, value, note = parts
    split = split_status(value)
    if isinstance(split, str) or not split[0]:
        return None
    value_text, status = split
    return CheckinRequest(objective, key_result, value_text, status.value if status else None, note)


_TRUTH = {"true": True, "false": False}  # what YAML writes, and `okr checkin` always took


def parse_value(text: str, kr: KeyResult) -> tuple[float | bool, str] | str:
    """(value, YAML text) of a typed check-in value for `kr`, or the refusal code.

    The reading is the issue form's (issueform.parse_reading): thousands separators, a
    percentage of the way from start to target, done / not done (and true / false)."""
    text = plain(text.strip())
    lowered = text.lower()
    if lowered in _TRUTH:
        reading: Reading | None = Reading(ValueKind.DONE, _TRUTH[lowered])
    else:
        reading, _code = parse_reading(text)
    if reading is None or (reading.kind is not ValueKind.DONE and math.isinf(reading.amount)):
        return "checkin-milestone-value" if kr.kind == "milestone" else "checkin-not-a-number"
    if kr.kind == "milestone":
        if reading.kind is not ValueKind.DONE:
            return "checkin-milestone-value"
        return bool(reading.amount), "true" if reading.amount else "false"
    if reading.kind is ValueKind.DONE:
        return "checkin-number-value"
    if reading.kind is ValueKind.PERCENT:
        if kr.target is None:
            return "checkin-not-a-number"
        number = figures.shown(reading.value_for(kr.start, kr.target))
    else:
        number = float(reading.amount)
    value = int(number) if number == int(number) and abs(number) < 1e15 else number
    return value, yaml_number(number)


@dataclass(frozen=True)
class _Planned:
    """One check-in to write: where its key result is, and its value as typed and as read."""

    objective_index: int
    kr_index: int
    kr: KeyResult
    written: str
    value: float | bool
    note: str | None  # the key result's own note, else the one for every key result
    status: str | None


@dataclass(frozen=True)
class EditableFile:
    """An OKR file that loads as a set and can be edited as text (its byte order mark apart)."""

    bom: str
    text: str
    loaded: LoadedFile
    okr_set: OkrSet


def open_for_edit(text: str, path: str, settings: Settings) -> EditableFile | Diagnostic:
    """The file ready for an edit of `okr checkin` or `okr score`, or the refusal saying why not."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom) :]
    loaded = load_text(text.encode("utf-8"), path, settings, settings.calendar())
    if loaded.okr_set is None or loaded.partial:
        # A set read only in part (some fields could not be read) would be rewritten without
        # them: refuse, and name the first error.
        first = next((d for d in loaded.diagnostics if d.severity is Severity.ERROR), None)
        detail = (
            messages.text("checkin-unreadable.first-error", line=first.line, message=first.text)
            if first
            else ""
        )
        return refusal("checkin-unreadable", path, path=path, first_error=detail)
    if re.search(r"\r(?!\n)", text):
        return refusal("checkin-cr-line-breaks", path, path=path)
    return EditableFile(bom, text, loaded, loaded.okr_set)


def add_checkins(
    text: str,
    path: str,
    settings: Settings,
    requests: list[CheckinRequest],
    day: dt.date,
    note: str | None = None,
) -> EditResult:
    """Append one check-in dated `day` to each requested key result; refuse all or none.

    `note` goes with every check-in whose request has no note of its own.

    Where a key result has `current:` (or, for a milestone, `done:`), it is set to the new
    value, or `okr check` would warn that it disagrees with the latest check-in.
    """
    opened = open_for_edit(text, path, settings)
    if isinstance(opened, Diagnostic):
        return EditResult(None, [opened])
    bom, text, loaded, okr_set = opened.bom, opened.text, opened.loaded, opened.okr_set
    if note is not None and not note.strip():
        note = None  # an empty --note writes no note
    planned, problems = _plan(okr_set, path, requests, day, note)
    if problems:
        return EditResult(None, problems)
    edited = text
    for one in planned:
        result = _write_one(edited, path, one, day)
        if isinstance(result, Diagnostic):
            return EditResult(None, [result])
        edited = result
    if not _reads_back_as_intended(text, edited, loaded, planned, day, settings):
        return EditResult(None, [refusal("checkin-read-back", path, path=path)])
    return EditResult(bom + edited, [])


def _plan(
    okr_set: OkrSet,
    path: str,
    requests: list[CheckinRequest],
    day: dt.date,
    note: str | None,
) -> tuple[list[_Planned], list[Diagnostic]]:
    """The check-ins to write, or every reason they cannot be."""
    problems: list[Diagnostic] = []
    planned: list[_Planned] = []
    cycle = okr_set.cycle
    if not cycle.contains_date(day):
        problems.append(
            refusal(
                "checkin-date-outside-cycle",
                path,
                okr_set.positions["cycle"],
                day=day.isoformat(),
                cycle=cycle.id,
                start=cycle.start.isoformat(),
                end=cycle.end.isoformat(),
            )
        )
    seen: set[str] = set()
    for request in requests:
        ref = request.ref
        if ref in seen:
            problems.append(refusal("checkin-given-twice", path, ref=ref))
            continue
        seen.add(ref)
        found = find_key_result(okr_set, request.objective, request.key_result)
        if found is None:
            problems.append(unknown_key_result(okr_set, path, ref))
            continue
        o_index, k_index, kr = found
        if kr.dropped:
            problems.append(refusal("checkin-dropped", path, kr.position, ref=ref))
            continue
        parsed = parse_value(request.value_text, kr)
        if isinstance(parsed, str):
            problems.append(refusal(parsed, path, kr.position, ref=ref, text=request.value_text))
            continue
        if kr.last_checkin is not None and day <= kr.last_checkin:
            problems.append(
                refusal(
                    "checkin-not-after-latest",
                    path,
                    kr.checkins[-1].position,
                    ref=ref,
                    latest=kr.last_checkin.isoformat(),
                    day=day.isoformat(),
                )
            )
            continue
        value, written = parsed
        if request.note is not None and len(request.note) > MAX_NOTE:
            problems.append(refusal("checkin-note-too-long", path))
            continue
        own_note = request.note or note
        planned.append(_Planned(o_index, k_index, kr, written, value, own_note, request.status))
    if note is not None and len(note) > MAX_NOTE:
        problems.append(refusal("checkin-note-too-long", path))
    return planned, problems


def unknown_key_result(okr_set: OkrSet, path: str, ref: str) -> Diagnostic:
    """The refusal of a key result the set does not have, naming those it has."""
    known = ", ".join(f"{o.id}/{kr.id}" for o in okr_set.objectives for kr in o.key_results)
    return refusal("checkin-unknown-key-result", path, path=path, ref=ref, known=known)


def find_key_result(
    okr_set: OkrSet, objective_id: str, key_result_id: str
) -> tuple[int, int, KeyResult] | None:
    """(objective's index, key result's index, key result) of `O1/KR1` in the set, or None."""
    for o_index, objective in enumerate(okr_set.objectives):
        if objective.id != objective_id:
            continue
        for k_index, kr in enumerate(objective.key_results):
            if kr.id == key_result_id:
                return o_index, k_index, kr
    return None


def _reads_back_as_intended(
    before_text: str,
    after_text: str,
    loaded: LoadedFile,
    planned: list[_Planned],
    day: dt.date,
    settings: Settings,
) -> bool:
    """The guard: the edited text holds exactly the old values plus the new check-ins (and
    `current` / `done` following them)."""

    def change(expected: dict[str, Any]) -> None:
        for one in planned:
            target = expected["objectives"][one.objective_index]["key_results"][one.kr_index]
            entry: dict[str, Any] = {"date": day, "value": one.value}
            if one.note:
                entry["note"] = one.note
            if one.status:
                entry["status"] = one.status
            target.setdefault("checkins", []).append(entry)
            for key in ("current", "done"):
                if key in target:
                    target[key] = one.value

    return reads_back_as(before_text, after_text, loaded, change, settings)


def reads_back_as(
    before_text: str,
    after_text: str,
    loaded: LoadedFile,
    change: Callable[[dict[str, Any]], None],
    settings: Settings,
) -> bool:
    """The guard of every edit: the edited text, read with the checker's reader, holds exactly
    the old values changed by `change`, and the checker finds no new problem in it."""
    path = loaded.path
    before = read(before_text.encode("utf-8"), path, settings.max_file_bytes)
    assert before.document is not None  # the file loaded
    expected = copy.deepcopy(before.document.data)
    change(expected)
    after = read(after_text.encode("utf-8"), path, settings.max_file_bytes)
    reloaded = load_text(after_text.encode("utf-8"), path, settings, settings.calendar())
    introduced, _fixed = diagnostic_changes(loaded.diagnostics, reloaded.diagnostics)
    same_reader_notes = Counter(d.code for d in after.diagnostics) == Counter(
        d.code for d in before.diagnostics
    )
    return (
        after.document is not None
        and after.document.data == expected
        and same_reader_notes
        and all(d.severity is Severity.INFO for d in introduced)
    )


class NotEditable(Exception):
    """The file's text cannot take the check-in: a reason of `checkin-not-editable`
    (core/texts/refusals.py)."""

    def __init__(self, reason: str, **values: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


def _write_one(text: str, path: str, one: _Planned, day: dt.date) -> str | Diagnostic:
    """One check-in into `text`: the new text, or the refusal saying why it cannot be made."""
    try:
        found = front_matter_nodes(text)
        if isinstance(found, str):
            raise NotEditable(found)
        update = {"current": one.written}
        if one.kr.kind == "milestone":
            update["done"] = one.written
        return found.apply(_edits_for(found, one, day, update))
    except NotEditable as refused:
        why = not_editable(refused.reason, **refused.values)
        return refusal(
            "checkin-not-editable", path, one.kr.position, path=path, ref=one.kr.id, why=why
        )


def _checkin_item(one: _Planned, day: dt.date, flow: bool) -> list[tuple[str, str]]:
    pairs = [("date", day.isoformat()), ("value", one.written)]
    if one.status:
        pairs.append(("status", one.status))
    if one.note:
        pairs.append(("note", yaml_text(one.note, flow=flow)))
    return pairs


def _flow_item(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def _block_item(pairs: list[tuple[str, str]], dash: int, content: int, newline: str) -> str:
    gap = " " * max(1, content - dash - 1)
    lines = [" " * dash + "-" + gap + f"{pairs[0][0]}: {pairs[0][1]}"]
    lines += [" " * content + f"{k}: {v}" for k, v in pairs[1:]]
    return newline.join(lines) + newline


def _any_checkins_style(root: Node) -> tuple[str, int] | None:
    """How the file writes check-ins elsewhere: (style, dash indent relative to the key).

    The style is `list` (`checkins: [{...}]`), `flow` (`- {date: ...}`) or `block`.
    """
    objectives = get(root, "objectives")
    if objectives is None or not isinstance(objectives[1], SequenceNode):
        return None
    for objective in objectives[1].value:
        krs = get(objective, "key_results")
        if krs is None or not isinstance(krs[1], SequenceNode):
            continue
        for kr in krs[1].value:
            found = get(kr, "checkins")
            if found is None or not isinstance(found[1], SequenceNode) or not found[1].value:
                continue
            key_node, sequence = found
            if getattr(sequence, "flow_style", False):
                return "list", 2
            style = "flow" if getattr(sequence.value[0], "flow_style", False) else "block"
            return style, max(0, sequence.start_mark.column - key_node.start_mark.column)
    return None


def key_result_node(found: FrontMatterText, objective_index: int, kr_index: int) -> MappingNode:
    """The YAML node of a key result, found by its indexes (raises NotEditable)."""
    objectives = get(found.root, "objectives")
    if objectives is None or not isinstance(objectives[1], SequenceNode):
        raise NotEditable("no-objectives")
    krs = get(objectives[1].value[objective_index], "key_results")
    if krs is None or not isinstance(krs[1], SequenceNode):
        raise NotEditable("no-key-results")
    kr = krs[1].value[kr_index]
    if not isinstance(kr, MappingNode):
        raise NotEditable("key-result-not-mapping")
    return kr


def _edits_for(
    found: FrontMatterText,
    one: _Planned,
    day: dt.date,
    update: dict[str, str],
) -> list[TextEdit]:
    """The edits (offsets in the YAML text) for one check-in and the values that follow it."""
    yaml, newline = found.yaml, found.newline
    kr = key_result_node(found, one.objective_index, one.kr_index)
    edits: list[TextEdit] = []
    for key, text in update.items():
        pair = get(kr, key)
        if pair is None:
            continue
        node = pair[1]
        if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
            raise NotEditable("value-not-one-line", key=key)
        start, end = found.offset(node.start_mark), found.offset(node.end_mark)
        edits.append(TextEdit(start, end - start, text))

    existing = get(kr, "checkins")
    if (
        existing is not None
        and isinstance(existing[1], SequenceNode)
        and (existing[1].value or existing[1].flow_style)
    ):
        sequence = existing[1]
        if sequence.flow_style:
            close = found.offset(sequence.end_mark) - 1
            if yaml[close] != "]":
                raise NotEditable("checkins-unclosed")
            item = _flow_item(_checkin_item(one, day, True))
            return [*edits, insert_in_flow(yaml, close, item)]
        last = sequence.value[-1]
        flow = bool(getattr(last, "flow_style", False))
        dash = sequence.start_mark.column
        pairs = _checkin_item(one, day, flow)
        text = (
            " " * dash + "- " + _flow_item(pairs) + newline
            if flow
            else _block_item(pairs, dash, last.start_mark.column, newline)
        )
        at = found.line_offset(last_line(sequence, found.yaml_lines) + 1)
        return [*edits, TextEdit(at, 0, text)]
    if existing is not None:
        raise NotEditable("checkins-not-list")

    # No `checkins:` yet: add one at the end of the key result, styled like the file's others.
    if getattr(kr, "flow_style", False):
        close = found.offset(kr.end_mark) - 1
        if yaml[close] != "}":
            raise NotEditable("key-result-unclosed")
        item = _flow_item(_checkin_item(one, day, True))
        return [*edits, insert_in_flow(yaml, close, f"checkins: [{item}]")]
    style, indent = _any_checkins_style(found.root) or ("flow", 2)
    key_column = kr.start_mark.column
    dash = key_column + indent
    pairs = _checkin_item(one, day, style != "block")
    lines = " " * key_column + "checkins:"
    if style == "list":
        lines += f" [{_flow_item(pairs)}]{newline}"
    elif style == "flow":
        lines += newline + " " * dash + "- " + _flow_item(pairs) + newline
    else:
        lines += newline + _block_item(pairs, dash, dash + 2, newline)
    at = found.line_offset(last_line(kr, found.yaml_lines) + 1)
    return [*edits, TextEdit(at, 0, lines)]
