"""Drafts of OKR files: what `okr new` and `okr carry` write, in the house style of
docs/format.md, with their texts in the site's language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, make
from .messages import text
from .model import OkrSet
from .yamltext import flow_list, yaml_number, yaml_text

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


def texts(language: str) -> dict[str, str]:
    return TEXTS.get(language, TEXTS["en"])


# The opening of every placeholder title, in every language ("Rewrite me:", "请改写："): a title
# that still starts with it was not rewritten, even if its example words were.
_PLACEHOLDER_OPENINGS = tuple(
    sorted(
        {
            match.group(0)
            for words in TEXTS.values()
            for key in ("objective", "key_result")
            if (match := re.match(r"[^:：]+[:：]", words[key]))
        }
    )
)


def is_placeholder(title: str) -> bool:
    """A title `okr new` wrote for a person to rewrite."""
    return title.strip().startswith(_PLACEHOLDER_OPENINGS)


def placeholder_problems(okr_set: OkrSet) -> list[Diagnostic]:
    """A warning for each placeholder title left in a set that is not a draft any more."""
    if okr_set.draft:
        return []
    found: list[Diagnostic] = []
    for objective in okr_set.objectives:
        titled = [(objective.title, objective.position)]
        titled += [
            (kr.title, kr.positions.get("title", kr.position)) for kr in objective.key_results
        ]
        found += [
            make("placeholder-text", okr_set.path, *position, text("placeholder-text", title=title))
            for title, position in titled
            if is_placeholder(title)
        ]
    return found


def retrospective_section(language: str) -> str:
    """A fresh, empty retrospective section for the end of a new draft."""
    words = texts(language)
    return f"## {words['retrospective']}\n\n{words['retrospective_text']}"


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
    draft: bool = True  # `status: draft` until a person has reviewed the set


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
    if draft.draft:
        lines.append("status: draft")
    if draft.tags:
        lines.append(f"tags: {flow_list(draft.tags)}")
    lines.append("objectives:")
    for objective in draft.objectives:
        lines += _objective_lines(objective)
    lines.append("---")
    body = draft.body.strip("\n")
    return "\n".join(lines) + "\n" + (body + "\n" if body else "")


def _objective_lines(objective: ObjectiveDraft) -> list[str]:
    lines = [f"  - id: {objective.id}", f"    title: {yaml_text(objective.title)}"]
    lines.append(f"    type: {objective.type}")
    if objective.weight is not None:
        lines.append(f"    weight: {yaml_number(objective.weight)}")
    if len(objective.aligns) == 1:
        lines.append(f"    aligns: {yaml_text(objective.aligns[0])}")
    elif objective.aligns:
        lines.append("    aligns:")
        lines += [f"      - {yaml_text(ref)}" for ref in objective.aligns]
    if objective.tags:
        lines.append(f"    tags: {flow_list(objective.tags)}")
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
            lines.append(f"        tags: {flow_list(kr.tags)}")
    return lines
