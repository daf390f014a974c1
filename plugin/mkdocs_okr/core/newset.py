"""`okr new`: the text of a new OKR set, and why it cannot be written."""

from __future__ import annotations

from .cycles import Calendar
from .diagnostics import Diagnostic
from .draft import KeyResultDraft, ObjectiveDraft, SetDraft, render_draft, retrospective_section
from .draft import texts as draft_texts
from .load import parse_reference
from .messages import text
from .refusals import refusal
from .schema import OWNER


def new_set_problems(
    cycle: str,
    owner: str,
    level: str,
    parent: str | None,
    aligns: list[str],
    calendar: Calendar,
) -> list[Diagnostic]:
    """Why `okr new` cannot write this set (empty when it can)."""
    problems: list[Diagnostic] = []
    if calendar.get(cycle) is None:
        problems.append(refusal("new-unknown-cycle", cycle=cycle))
    for what, given in (("owner", owner), ("parent", parent)):
        if given is not None and not OWNER.fullmatch(given):
            what_id = text(f"new-invalid-id.{what}")
            problems.append(refusal("new-invalid-id", given=given, what=what_id))
    if level == "company" and parent:
        problems.append(refusal("new-parent-on-company"))
    if level != "company" and not parent:
        problems.append(refusal("new-parent-missing", level=text(f"part.level.{level}")))
    problems += [
        refusal("new-invalid-reference", reference=reference)
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
    texts = draft_texts(language)
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
        body=f"{texts['context']}\n\n{retrospective_section(language)}",
    )
    return render_draft(draft)
