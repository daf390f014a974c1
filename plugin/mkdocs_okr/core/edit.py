"""Text edits of OKR files for people who do not write YAML: new, check-in, carry.

Pure: each function takes text (and the settings or the organisation) and returns new text
plus the problems that stop it; the `okr` command reads and writes the files.

A check-in must not reformat the file its owner wrote by hand: comments, key order, quoting
and blank lines stay as they were. So the file is never dumped by a YAML library. ruamel.yaml
only *finds* the key result and its `checkins:` (with line and column), and the new lines are
inserted as text in the style the file already uses. The result is read back with the same
reader as `okr check` and must hold exactly the old values plus the new check-in.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .compare import diagnostic_changes
from .cycles import Calendar, Cycle
from .diagnostics import Severity
from .frontmatter import parse_front_matter, read
from .load import load_text, parse_reference
from .model import KeyResult, Objective, OkrSet
from .organisation import Goal, Organisation
from .schema import OWNER
from .settings import Settings

RETROSPECTIVE_TITLES = ("retrospective", "复盘", "review", "回顾")
_HEADING = re.compile(r"#{1,6}\s+(.*?)\s*#*\s*$")
# A number as people type it: no thousands separators, units, exponents or leading zeros.
_NUMBER = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?")

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "new_comment": "# A new OKR set: rewrite the titles and numbers, then run `okr check`.",
        "objective": "Rewrite me: through measure X, achieve an inspiring result Y",
        "key_result": "Rewrite me: by the end of the cycle, grow metric Z from 0 to 100",
        "context": "Context: why these objectives, and which goals above them they serve.",
        "retrospective": "Retrospective",
        "retrospective_text": "To fill in at the end of the cycle: what worked, what did not and "
        "why, what support is needed, lessons for the next cycle.",
        "carried_comment": "# Carried over from {old} by `okr carry`: a draft to review.",
        "carried": "Draft carried over from {ref}: review the objectives, the targets and the "
        "alignment before the cycle starts.",
    },
    "zh": {
        "new_comment": "# 新的 OKR 集：改写标题和数字，然后运行 `okr check`。",
        "objective": "请改写：通过措施 X，实现鼓舞人心的结果 Y",
        "key_result": "请改写：周期结束前，把指标 Z 从 0 提升到 100",
        "context": "背景：为什么定这些目标，承接了上级的哪些目标。",
        "retrospective": "复盘",
        "retrospective_text": "周期结束后填写：哪些做得好，哪些没做好、为什么，需要什么支持，"
        "下个周期的经验。",
        "carried_comment": "# 由 `okr carry` 从 {old} 结转：草稿，请检查。",
        "carried": "本草稿由 {ref} 结转而来：周期开始前请检查目标、指标和对齐关系。",
    },
}


def _texts(language: str) -> dict[str, str]:
    return TEXTS.get(language, TEXTS["en"])


# Writing YAML values ---------------------------------------------------------------------


def _reads_back(snippet: str, expected: Any) -> bool:
    root, builder = parse_front_matter(snippet, "<value>", 1)
    return not builder.diagnostics and root == expected


def yaml_text(text: str, flow: bool = False) -> str:
    """`text` as a YAML scalar: plain where our reader gives it back unchanged, else quoted."""
    if text and text == text.strip() and "\n" not in text and "\r" not in text:
        if flow:
            plain = not any(c in text for c in ",[]{}") and _reads_back(
                f"k: {{n: {text}}}\n", {"k": {"n": text}}
            )
        else:
            plain = _reads_back(f"k: {text}\n", {"k": text})
        if plain:
            return text
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def yaml_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def _flow_list(items: list[str]) -> str:
    return "[" + ", ".join(yaml_text(item, flow=True) for item in items) + "]"


# Drafts: what `okr new` and `okr carry` write ---------------------------------------------


@dataclass
class KeyResultDraft:
    id: str
    title: str
    start: float | None = None
    target: float | None = None
    unit: str | None = None
    weight: float | None = None
    done: bool | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class ObjectiveDraft:
    id: str
    title: str
    type: str
    key_results: list[KeyResultDraft]
    weight: float | None = None
    aligns: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass
class SetDraft:
    cycle: str
    owner: str
    level: str
    objectives: list[ObjectiveDraft]
    name: str | None = None
    parent: str | None = None
    tags: list[str] = field(default_factory=list)
    comment: str | None = None
    body: str = ""


def render_draft(draft: SetDraft) -> str:
    """A draft -> the text of an OKR file in the house style (docs/format.md)."""
    lines = ["---"]
    if draft.comment:
        lines.append(draft.comment)
    lines += [f"cycle: {yaml_text(draft.cycle)}", f"owner: {draft.owner}"]
    if draft.name and draft.name != draft.owner:
        lines.append(f"name: {yaml_text(draft.name)}")
    lines.append(f"level: {draft.level}")
    if draft.parent:
        lines.append(f"parent: {draft.parent}")
    if draft.tags:
        lines.append(f"tags: {_flow_list(draft.tags)}")
    lines.append("objectives:")
    for objective in draft.objectives:
        lines += [f"  - id: {objective.id}", f"    title: {yaml_text(objective.title)}"]
        lines.append(f"    type: {objective.type}")
        if objective.weight is not None:
            lines.append(f"    weight: {yaml_number(objective.weight)}")
        if len(objective.aligns) == 1:
            lines.append(f"    aligns: {yaml_text(objective.aligns[0])}")
        elif objective.aligns:
            lines.append("    aligns:")
            lines += [f"      - {yaml_text(ref)}" for ref in objective.aligns]
        if objective.tags:
            lines.append(f"    tags: {_flow_list(objective.tags)}")
        lines.append("    key_results:")
        for kr in objective.key_results:
            lines += [f"      - id: {kr.id}", f"        title: {yaml_text(kr.title)}"]
            if kr.target is not None:
                lines.append(f"        start: {yaml_number(kr.start or 0)}")
                lines.append(f"        target: {yaml_number(kr.target)}")
            if kr.unit:
                lines.append(f"        unit: {yaml_text(kr.unit)}")
            if kr.weight is not None:
                lines.append(f"        weight: {yaml_number(kr.weight)}")
            if kr.done is not None:
                lines.append(f"        done: {'true' if kr.done else 'false'}")
            if kr.tags:
                lines.append(f"        tags: {_flow_list(kr.tags)}")
    lines.append("---")
    body = draft.body.strip("\n")
    return "\n".join(lines) + "\n" + (body + "\n" if body else "")


def _retrospective(language: str) -> str:
    texts = _texts(language)
    return f"## {texts['retrospective']}\n\n{texts['retrospective_text']}"


def new_set_problems(
    cycle: str,
    owner: str,
    level: str,
    parent: str | None,
    aligns: list[str],
    calendar: Calendar,
) -> list[str]:
    """Why `okr new` cannot write this set (empty when it can)."""
    problems: list[str] = []
    if calendar.get(cycle) is None:
        problems.append(
            f"'{cycle}' is not a cycle: write 2024, 2024-H1, 2024-Q1, 2024-B1, 2024-01 or a "
            "custom cycle of the configuration."
        )
    for what, given in (("owner", owner), ("parent", parent)):
        if given is not None and not OWNER.fullmatch(given):
            problems.append(
                f"'{given}' is not a usable {what} id: lower-case letters a-z, digits and '-', "
                "starting with a letter."
            )
    if level == "company" and parent:
        problems.append("A company OKR set is the top of the tree: leave out the parent.")
    if level != "company" and not parent:
        problems.append(
            f"A {level} OKR set needs a parent: the owner id of the team or company above it."
        )
    problems += [
        f"'{reference}' is not a reference: write OWNER/OBJECTIVE or OWNER/OBJECTIVE/KR "
        "(for example brand/O1/KR2)."
        for reference in aligns
        if parse_reference(reference, calendar) is None
    ]
    return problems


def new_set(
    cycle: str,
    owner: str,
    level: str,
    *,
    parent: str | None = None,
    name: str | None = None,
    aligns: list[str] | None = None,
    objective_type: str = "aspirational",
    language: str = "en",
) -> str:
    """The text of a new OKR file: one objective, one key result, a retrospective section."""
    texts = _texts(language)
    draft = SetDraft(
        cycle=cycle,
        owner=owner,
        level=level,
        name=name,
        parent=parent,
        comment=texts["new_comment"],
        objectives=[
            ObjectiveDraft(
                id="O1",
                title=texts["objective"],
                type=objective_type,
                aligns=list(aligns or []),
                key_results=[
                    KeyResultDraft(id="KR1", title=texts["key_result"], start=0, target=100)
                ],
            )
        ],
        body=f"{texts['context']}\n\n{_retrospective(language)}",
    )
    return render_draft(draft)


# okr carry ------------------------------------------------------------------------------


def body_before_retrospective(body: str) -> str:
    """The body up to its retrospective heading (that belongs to the old cycle)."""
    kept: list[str] = []
    fenced = False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.fullmatch(line.strip())
        if match and match.group(1).strip().lower() in RETROSPECTIVE_TITLES:
            break
        kept.append(line)
    return "\n".join(kept).strip("\n")


def _owner_set_for(organisation: Organisation, owner: str, cycle: Cycle) -> OkrSet | None:
    """The set an unqualified `owner/...` reference written in `cycle` resolves to."""
    around = [s for s in organisation.history_of(owner) if s.cycle.contains(cycle)]
    if not around:
        return None
    return min(around, key=lambda s: (s.cycle != cycle, s.cycle.days, s.cycle.id))


def _carried_key_results(objective: Objective) -> list[KeyResult]:
    return [kr for kr in objective.key_results if not kr.dropped]


def _repoint(
    organisation: Organisation,
    target: Goal,
    old_cycle: str,
    new_cycle: Cycle,
    carried: set[str],
) -> str:
    """A reference from the new set to what `target` becomes in the new cycle."""
    owner = target.okr_set.owner
    objective = target.objective
    kr = target.key_result
    if target.okr_set.cycle.id == old_cycle and owner in carried:
        # The parent carried too: point at its copy, as far as the copy still holds it.
        if kr is not None and not kr.dropped:
            return f"{owner}/{objective.id}/{kr.id}"
        if _carried_key_results(objective):
            return f"{owner}/{objective.id}"
    ref = f"{owner}/{objective.id}" + (f"/{kr.id}" if kr else "")
    if _owner_set_for(organisation, owner, new_cycle) is target.okr_set:
        return ref
    return f"{target.okr_set.cycle.id}/{ref}"


def _new_range(kr: KeyResult) -> tuple[float, float]:
    """Start and target of a numeric key result in the next cycle.

    The new start is where the old cycle ended (its current value). The target stays while it
    is not reached; a reached one moves on by the same step (same direction, same ambition).
    """
    assert kr.target is not None
    current = kr.current
    if isinstance(current, bool) or current is None or current == kr.start:
        return kr.start, kr.target
    if kr.progress < 1:
        return float(current), kr.target
    return float(current), float(current) + (kr.target - kr.start)


def _whole(total: float) -> bool:
    return abs(total - 100) <= 1e-6 or abs(total - 1) <= 1e-9


def _weights(key_results: list[KeyResult]) -> list[float | None]:
    """The carried KRs' weights, scaled to sum to 100 when dropping KRs broke the sum."""
    if not any(kr.weight_given for kr in key_results):
        return [None] * len(key_results)
    weights = [kr.weight for kr in key_results]
    total = sum(weights)
    if _whole(total) or total <= 0:
        return list(weights)
    scaled = [round(w * 100 / total) for w in weights]
    # Rounding may leave the sum at 99 or 101: the largest weight absorbs the difference.
    largest = scaled.index(max(scaled))
    scaled[largest] += 100 - sum(scaled)
    return [float(w) for w in scaled]


def _carry_objective(
    organisation: Organisation,
    okr_set: OkrSet,
    objective: Objective,
    old_cycle: str,
    new_cycle: Cycle,
    carried: set[str],
) -> ObjectiveDraft | None:
    key_results = _carried_key_results(objective)
    if not key_results:
        return None
    drafts: list[KeyResultDraft] = []
    for kr, weight in zip(key_results, _weights(key_results), strict=True):
        draft = KeyResultDraft(id=kr.id, title=kr.title, unit=kr.unit, weight=weight, tags=kr.tags)
        if kr.kind == "numeric":
            draft.start, draft.target = _new_range(kr)
        elif kr.kind == "milestone":
            draft.done = False
        drafts.append(draft)
    targets = organisation.aligns.get(f"{okr_set.ref}/{objective.id}", [])
    aligns = [_repoint(organisation, t, old_cycle, new_cycle, carried) for t in targets]
    return ObjectiveDraft(
        id=objective.id,
        title=objective.title,
        type=objective.type,
        weight=objective.weight if objective.weight != 1 else None,
        aligns=list(dict.fromkeys(aligns)),
        tags=objective.tags,
        key_results=drafts,
    )


@dataclass
class CarryResult:
    files: list[tuple[str, str]]  # (path in the OKR folder, text)
    problems: list[str]


def carry(
    organisation: Organisation,
    old_cycle: str,
    new_cycle: Cycle,
    owners: list[str] | None = None,
    language: str = "en",
) -> CarryResult:
    """Drafts for `new_cycle` from the sets of `old_cycle` (all of them, or those of `owners`).

    Objectives and key results are copied without check-ins, `current`, scores and dropped
    key results; alignment to a set that is carried too is re-pointed to its copy.
    """
    texts = _texts(language)
    problems: list[str] = []
    sets = organisation.sets_in(old_cycle)
    if owners:
        known = {s.owner for s in sets}
        problems += [
            f"'{owner}' has no OKR set in cycle {old_cycle}."
            for owner in owners
            if owner not in known
        ]
        sets = [s for s in sets if s.owner in owners]
    elif not sets:
        problems.append(f"No OKR set in cycle {old_cycle}.")
    carried = {s.owner for s in sets}
    files: list[tuple[str, str]] = []
    for okr_set in sorted(sets, key=lambda s: s.owner):
        objectives = [
            draft
            for objective in okr_set.objectives
            if (
                draft := _carry_objective(
                    organisation, okr_set, objective, old_cycle, new_cycle, carried
                )
            )
            is not None
        ]
        if not objectives:
            problems.append(
                f"{okr_set.ref}: every key result is dropped; there is nothing to carry."
            )
            continue
        context = body_before_retrospective(okr_set.body)
        note = texts["carried"].format(ref=okr_set.ref)
        body = "\n\n".join(part for part in (note, context, _retrospective(language)) if part)
        set_draft = SetDraft(
            cycle=new_cycle.id,
            owner=okr_set.owner,
            level=okr_set.level,
            name=okr_set.name,
            parent=okr_set.parent,
            tags=okr_set.tags,
            comment=texts["carried_comment"].format(old=old_cycle),
            objectives=objectives,
            body=body,
        )
        files.append((f"{new_cycle.id}/{okr_set.owner}.md", render_draft(set_draft)))
    return CarryResult(files, problems)


# okr checkin ----------------------------------------------------------------------------


@dataclass
class EditResult:
    text: str | None  # None when refused
    problems: list[str]


@dataclass(frozen=True)
class CheckinRequest:
    """`O1/KR1=6500` as typed."""

    objective: str
    key_result: str
    value_text: str

    @property
    def ref(self) -> str:
        return f"{self.objective}/{self.key_result}"


def parse_request(text: str) -> CheckinRequest | None:
    ref, equals, value = text.partition("=")
    parts = ref.strip().split("/")
    if not equals or len(parts) != 2 or not all(parts) or not value.strip():
        return None
    return CheckinRequest(parts[0].strip(), parts[1].strip(), value.strip())


def parse_value(text: str, kind: str) -> tuple[float | bool | None, str, str | None]:
    """(value, YAML text, problem) of a typed check-in value for a KR of `kind`."""
    lowered = text.lower()
    if kind == "milestone":
        if lowered in ("true", "false"):
            return lowered == "true", lowered, None
        return None, "", "it is a milestone: give true (done) or false (not done)"
    if lowered in ("true", "false"):
        return None, "", "it is a number to reach: give a number, not true or false"
    if not _NUMBER.fullmatch(text):
        return (
            None,
            "",
            (
                f"'{text}' is not a number: write it plainly, like 6500 or 1.8 (no thousands "
                "separators, units or %)"
            ),
        )
    written = text.lstrip("+")
    number = float(written)
    return (int(number) if "." not in written else number), written, None


class _Lines:
    """A file's text as lines (with their line breaks), and character offsets of lines."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.newline = "\r\n" if self.lines and self.lines[0].endswith("\r") else "\n"
        self.starts: list[int] = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line] + column


def _front_matter_end(lines: list[str]) -> int | None:
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index
    return None


def _get(mapping: Node, key: str) -> tuple[ScalarNode, Node] | None:
    if not isinstance(mapping, MappingNode):
        return None
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _last_line(node: Node, yaml_lines: list[str]) -> int:
    """The last line (0-based, in the YAML) that holds part of `node`."""
    if isinstance(node, ScalarNode):
        line = node.end_mark.line
        if node.end_mark.column == 0 and line > node.start_mark.line:
            # A block scalar (`|`) ends at the start of the next line, after blank lines.
            line -= 1
            while line > node.start_mark.line and not yaml_lines[line].strip():
                line -= 1
        return int(line)
    if getattr(node, "flow_style", False):
        return int(node.end_mark.line)
    children: list[Node] = []
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            children += [key_node, value_node]
    elif isinstance(node, SequenceNode):
        children = list(node.value)
    return max((_last_line(child, yaml_lines) for child in children), default=node.start_mark.line)


def _any_checkins_style(root: Node) -> tuple[str, int] | None:
    """How the file writes check-ins elsewhere: (style, dash indent relative to the key).

    The style is `list` (`checkins: [{...}]`), `flow` (`- {date: ...}`) or `block`.
    """
    objectives = _get(root, "objectives")
    if objectives is None or not isinstance(objectives[1], SequenceNode):
        return None
    for objective in objectives[1].value:
        krs = _get(objective, "key_results")
        if krs is None or not isinstance(krs[1], SequenceNode):
            continue
        for kr in krs[1].value:
            found = _get(kr, "checkins")
            if found is None or not isinstance(found[1], SequenceNode) or not found[1].value:
                continue
            key_node, sequence = found
            if getattr(sequence, "flow_style", False):
                return "list", 2
            style = "flow" if getattr(sequence.value[0], "flow_style", False) else "block"
            return style, max(0, sequence.start_mark.column - key_node.start_mark.column)
    return None


@dataclass
class _Edit:
    offset: int
    remove: int
    insert: str


def _checkin_item(day: dt.date, value: str, note: str | None, flow: bool) -> list[tuple[str, str]]:
    pairs = [("date", day.isoformat()), ("value", value)]
    if note:
        pairs.append(("note", yaml_text(note, flow=flow)))
    return pairs


def _flow_item(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def _block_item(pairs: list[tuple[str, str]], dash: int, content: int, newline: str) -> str:
    gap = " " * max(1, content - dash - 1)
    lines = [" " * dash + "-" + gap + f"{pairs[0][0]}: {pairs[0][1]}"]
    lines += [" " * content + f"{k}: {v}" for k, v in pairs[1:]]
    return newline.join(lines) + newline


def _insert_in_flow(yaml: str, close: int, item: str) -> _Edit:
    """Insert `item` before the closing bracket at `close` of a flow collection."""
    before = yaml[:close].rstrip()
    if before.endswith(("[", "{")):
        return _Edit(close, 0, item)
    if before.endswith(","):
        return _Edit(close, 0, " " + item)
    return _Edit(len(before), 0, ", " + item)


def _edits_for(
    yaml: str,
    root: Node,
    objective_index: int,
    kr_index: int,
    day: dt.date,
    value_text: str,
    note: str | None,
    update: dict[str, str],
    newline: str,
) -> list[_Edit] | str:
    """Offsets (in the YAML text) of the edits for one check-in, or why it cannot be made."""
    yaml_lines = yaml.split("\n")
    starts = [0]
    for line in yaml_lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(mark: Any) -> int:
        return int(starts[mark.line] + mark.column)

    objectives = _get(root, "objectives")
    if objectives is None or not isinstance(objectives[1], SequenceNode):
        return "cannot find `objectives:`"
    objective = objectives[1].value[objective_index]
    krs = _get(objective, "key_results")
    if krs is None or not isinstance(krs[1], SequenceNode):
        return "cannot find `key_results:`"
    kr = krs[1].value[kr_index]
    if not isinstance(kr, MappingNode):
        return "the key result is not a mapping"
    edits: list[_Edit] = []
    for key, text in update.items():
        found = _get(kr, key)
        if found is None:
            continue
        node = found[1]
        if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
            return f"`{key}:` is not a single value on one line"
        edits.append(
            _Edit(offset(node.start_mark), offset(node.end_mark) - offset(node.start_mark), text)
        )

    existing = _get(kr, "checkins")
    if (
        existing is not None
        and isinstance(existing[1], SequenceNode)
        and (existing[1].value or existing[1].flow_style)
    ):
        sequence = existing[1]
        if sequence.flow_style:
            close = offset(sequence.end_mark) - 1
            if yaml[close] != "]":
                return "cannot find the end of the `checkins:` list"
            edits.append(
                _insert_in_flow(yaml, close, _flow_item(_checkin_item(day, value_text, note, True)))
            )
            return edits
        last = sequence.value[-1]
        flow = bool(getattr(last, "flow_style", False))
        dash = sequence.start_mark.column
        content = last.start_mark.column
        at = _last_line(sequence, yaml_lines) + 1
        pairs = _checkin_item(day, value_text, note, flow)
        text = (
            " " * dash + "- " + _flow_item(pairs) + newline
            if flow
            else _block_item(pairs, dash, content, newline)
        )
        edits.append(_Edit(starts[at] if at < len(starts) else len(yaml), 0, text))
        return edits
    if existing is not None:
        return "`checkins:` is written but holds no list"

    # No `checkins:` yet: add one at the end of the key result, styled like the file's others.
    if getattr(kr, "flow_style", False):
        close = offset(kr.end_mark) - 1
        if yaml[close] != "}":
            return "cannot find the end of the key result"
        item = _flow_item(_checkin_item(day, value_text, note, True))
        edits.append(_insert_in_flow(yaml, close, f"checkins: [{item}]"))
        return edits
    style, indent = _any_checkins_style(root) or ("flow", 2)
    key_column = kr.start_mark.column
    dash = key_column + indent
    pairs = _checkin_item(day, value_text, note, style != "block")
    lines = " " * key_column + "checkins:"
    if style == "list":
        lines += f" [{_flow_item(pairs)}]{newline}"
    elif style == "flow":
        lines += newline + " " * dash + "- " + _flow_item(pairs) + newline
    else:
        lines += newline + _block_item(pairs, dash, dash + 2, newline)
    at = _last_line(kr, yaml_lines) + 1
    edits.append(_Edit(starts[at] if at < len(starts) else len(yaml), 0, lines))
    return edits


def _find(okr_set: OkrSet, request: CheckinRequest) -> tuple[int, int, KeyResult] | None:
    for o_index, objective in enumerate(okr_set.objectives):
        if objective.id != request.objective:
            continue
        for k_index, kr in enumerate(objective.key_results):
            if kr.id == request.key_result:
                return o_index, k_index, kr
    return None


def add_checkins(
    text: str,
    path: str,
    settings: Settings,
    requests: list[CheckinRequest],
    day: dt.date,
    note: str | None = None,
) -> EditResult:
    """Append one check-in dated `day` to each requested key result; refuse all or none.

    Where a key result has `current:` (or, for a milestone, `done:`), it is set to the new
    value, or `okr check` would warn that it disagrees with the latest check-in.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom) :]
    calendar = settings.calendar()
    loaded = load_text(text.encode("utf-8"), path, settings, calendar)
    okr_set = loaded.okr_set
    if okr_set is None:
        first = next((d for d in loaded.diagnostics if d.severity is Severity.ERROR), None)
        where = f" (line {first.line}: {first.message})" if first else ""
        return EditResult(None, [f"{path} cannot be read as an OKR file{where}. Run `okr check`."])
    if re.search(r"\r(?!\n)", text):
        return EditResult(None, [f"{path} uses old Mac line breaks (CR); save it with LF."])
    problems: list[str] = []
    planned: list[tuple[int, int, KeyResult, str, float | bool]] = []
    seen: set[str] = set()
    if not okr_set.cycle.contains_date(day):
        problems.append(
            f"The date {day.isoformat()} is outside the cycle {okr_set.cycle.id} "
            f"({okr_set.cycle.start.isoformat()} to {okr_set.cycle.end.isoformat()})."
        )
    for request in requests:
        if request.ref in seen:
            problems.append(f"{request.ref} is given twice.")
            continue
        seen.add(request.ref)
        found = _find(okr_set, request)
        if found is None:
            known = ", ".join(f"{o.id}/{kr.id}" for o in okr_set.objectives for kr in o.key_results)
            problems.append(f"{path} has no key result {request.ref} (it has {known}).")
            continue
        o_index, k_index, kr = found
        if kr.dropped:
            problems.append(f"{request.ref} is dropped; it takes no more check-ins.")
            continue
        value, written, refused = parse_value(request.value_text, kr.kind)
        if refused is not None or value is None:
            problems.append(f"{request.ref}: {refused}.")
            continue
        if kr.last_checkin is not None and day <= kr.last_checkin:
            problems.append(
                f"{request.ref}: the latest check-in is dated {kr.last_checkin.isoformat()}; a "
                f"new one must come after it, not on {day.isoformat()}."
            )
            continue
        planned.append((o_index, k_index, kr, written, value))
    if note is not None and not note.strip():
        note = None  # an empty --note writes no note
    if note is not None and len(note) > 2000:
        problems.append("The note is longer than 2,000 characters.")
    if problems:
        return EditResult(None, problems)

    before = read(text.encode("utf-8"), path, settings.max_file_bytes)
    expected = before.document
    assert expected is not None  # the file loaded above
    data = copy.deepcopy(expected.data)
    for o_index, k_index, kr, written, value in planned:
        edited, why = _apply_one(text, o_index, k_index, kr, day, written, note)
        if edited is None:
            return EditResult(None, [f"{path}: {kr.id}: {why}; add the check-in by hand."])
        text = edited
        target = data["objectives"][o_index]["key_results"][k_index]
        entry: dict[str, Any] = {"date": day, "value": value}
        if note:
            entry["note"] = note
        target.setdefault("checkins", []).append(entry)
        for key in ("current", "done"):
            if key in target:
                target[key] = value
    # Read the result back with the checker's reader: it must say exactly what we meant.
    after = read(text.encode("utf-8"), path, settings.max_file_bytes)
    reloaded = load_text(text.encode("utf-8"), path, settings, calendar)
    introduced, _fixed = diagnostic_changes(loaded.diagnostics, reloaded.diagnostics)
    same_reader_notes = Counter(d.code for d in after.diagnostics) == Counter(
        d.code for d in before.diagnostics
    )
    if (
        after.document is None
        or after.document.data != data
        or not same_reader_notes
        or any(d.severity is not Severity.INFO for d in introduced)
    ):
        return EditResult(
            None, [f"{path}: the edited file would not read back as intended; nothing written."]
        )
    return EditResult(bom + text, [])


def _apply_one(
    text: str,
    o_index: int,
    k_index: int,
    kr: KeyResult,
    day: dt.date,
    written: str,
    note: str | None,
) -> tuple[str | None, str | None]:
    """One check-in into `text`: (the new text, None), or (None, why not)."""
    lines = _Lines(text)
    end = _front_matter_end(lines.lines)
    if end is None:
        return None, "the front matter is not closed"
    yaml = "\n".join(lines.lines[1:end]) + "\n"
    try:
        root = YAML(typ="rt").compose(yaml)
    except Exception as error:  # ruamel raises many kinds; the file was readable to our reader
        return None, f"ruamel.yaml cannot read the front matter ({type(error).__name__})"
    if not isinstance(root, MappingNode):
        return None, "the front matter is not a mapping"
    update = {"current": written}
    if kr.kind == "milestone":
        update["done"] = written
    edits = _edits_for(yaml, root, o_index, k_index, day, written, note, update, lines.newline)
    if isinstance(edits, str):
        return None, edits
    base = lines.starts[1]  # the YAML starts on the file's second line
    for edit in sorted(edits, key=lambda e: e.offset, reverse=True):
        at = base + edit.offset
        text = text[:at] + edit.insert + text[at + edit.remove :]
    return text, None
