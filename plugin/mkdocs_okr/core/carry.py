"""`okr carry`: drafts for a new cycle from the OKR sets of an old one."""

from __future__ import annotations

from dataclasses import dataclass

from .cycles import Cycle
from .diagnostics import Diagnostic
from .draft import KeyResultDraft, ObjectiveDraft, SetDraft, render_draft, retrospective_section
from .draft import texts as draft_texts
from .model import KeyResult, Objective, OkrSet, weights_whole
from .organisation import Goal, Organisation
from .refusals import refusal
from .retrospective import without_retrospective


@dataclass
class CarryResult:
    files: list[tuple[str, str]]  # (path in the OKR folder, text)
    problems: list[Diagnostic]


def carry(
    organisation: Organisation,
    old_cycle: str,
    new_cycle: Cycle,
    owners: list[str] | None = None,
    language: str = "en",
) -> CarryResult:
    """Drafts for `new_cycle` from the sets of `old_cycle` (all of them, or those of `owners`).

    Objectives and key results are copied without check-ins, `current`, scores and dropped
    key results; alignment to a set that is carried too is re-pointed to its copy. The body
    keeps everything but the old retrospective section.
    """
    texts = draft_texts(language)
    problems: list[Diagnostic] = []
    sets = organisation.sets_in(old_cycle)
    if owners:
        known = {s.owner for s in sets}
        problems += [
            refusal("carry-no-set", owner=owner, cycle=old_cycle)
            for owner in owners
            if owner not in known
        ]
        sets = [s for s in sets if s.owner in owners]
    elif not sets:
        problems.append(refusal("carry-empty-cycle", cycle=old_cycle))
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
            problems.append(refusal("carry-all-dropped", okr_set.path, ref=okr_set.ref))
            continue
        note = texts["carried"].format(ref=okr_set.ref)
        context = without_retrospective(okr_set.body)
        body = "\n\n".join(
            part for part in (note, context, retrospective_section(language)) if part
        )
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
    # Written without a cycle, the reference means the owner's set around the new cycle.
    if organisation.owner_set_in(owner, new_cycle) is target.okr_set:
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


def _weights(key_results: list[KeyResult]) -> list[float | None]:
    """The carried KRs' weights, scaled to sum to 100 when dropping KRs broke the sum."""
    if not any(kr.weight_given for kr in key_results):
        return [None] * len(key_results)
    weights = [kr.weight for kr in key_results]
    total = sum(weights)
    if weights_whole(total) or total <= 0:
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
