"""`okr carry`: drafts for a new cycle from the OKR sets of an old one."""

from __future__ import annotations

from dataclasses import dataclass, field

from .cycles import Cycle
from .diagnostics import Diagnostic, make
from .draft import KeyResultDraft, ObjectiveDraft, SetDraft, render_draft, retrospective_section
from .draft import texts as draft_texts
from .figures import at_least
from .messages import text
from .model import KeyResult, Objective, OkrSet, weights_whole
from .organisation import Goal, Organisation
from .refusals import refusal
from .retrospective import without_retrospective
from .titledates import dates_outside
from .yamltext import yaml_text


@dataclass
class CarryResult:
    files: list[tuple[str, str]]  # (path in the OKR folder, text)
    problems: list[Diagnostic]  # refusals: nothing is written
    # What the person should know about the drafts written: key results left out because they
    # are done, dates in titles that fall outside the new cycle.
    notes: list[Diagnostic] = field(default_factory=list)


def carry(
    organisation: Organisation,
    old_cycle: str,
    new_cycle: Cycle,
    owners: list[str] | None = None,
    language: str = "en",
) -> CarryResult:
    """Drafts for `new_cycle` from the sets of `old_cycle` (all of them, or those of `owners`).

    Objectives and key results are copied without check-ins, `current`, scores, dropped key
    results and finished ones (each finished one is named in the notes); alignment to a set
    that is carried too is re-pointed to its copy. The body keeps everything but the old
    retrospective section. A date in a carried title that falls outside the new cycle is a note.
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
    notes: list[Diagnostic] = []
    for okr_set in sorted(sets, key=lambda s: s.owner):
        finished = [(o, kr) for o in okr_set.objectives for kr in o.key_results if _finished(kr)]
        notes += [_left_out(okr_set, objective, kr) for objective, kr in finished]
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
        if not objectives and finished:
            notes.append(
                make(
                    "carry-done-left-out",
                    okr_set.path,
                    0,
                    0,
                    text("carry-done-left-out.set", ref=okr_set.ref),
                )
            )
            continue
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
        path = f"{new_cycle.id}/{okr_set.owner}.md"
        rendered = render_draft(set_draft)
        files.append((path, rendered))
        notes += _dates_outside(path, set_draft, rendered, new_cycle)
    return CarryResult(files, problems, notes)


def _finished(kr: KeyResult) -> bool:
    """Done, its target reached, or graded 1.0: the next cycle has nothing left to do on it."""
    if kr.dropped:
        return False
    graded_full = kr.score_given is not None and at_least(kr.score_given, 1.0)
    return kr.done or graded_full or (kr.kind == "numeric" and at_least(kr.progress, 1.0))


def _is_carried(kr: KeyResult) -> bool:
    return not kr.dropped and not _finished(kr)


def _carried_key_results(objective: Objective) -> list[KeyResult]:
    return [kr for kr in objective.key_results if _is_carried(kr)]


def _left_out(okr_set: OkrSet, objective: Objective, kr: KeyResult) -> Diagnostic:
    line, column = kr.position
    ref = f"{okr_set.ref}/{objective.id}/{kr.id}"
    return make(
        "carry-done-left-out",
        okr_set.path,
        line,
        column,
        text("carry-done-left-out.key-result", ref=ref, title=kr.title),
    )


def _dates_outside(path: str, draft: SetDraft, rendered: str, cycle: Cycle) -> list[Diagnostic]:
    """A note for each date in a carried title that `cycle` does not hold, at the title's line
    in the new file (the file the person now edits)."""
    titles = [(o.id, o.title) for o in draft.objectives]
    titles += [(f"{o.id}/{kr.id}", kr.title) for o in draft.objectives for kr in o.key_results]
    lines = rendered.split("\n")
    notes: list[Diagnostic] = []
    for ref, title in titles:
        for date in dates_outside(title, cycle):
            written = f"title: {yaml_text(title)}"
            line = next((n for n, text in enumerate(lines, 1) if text.strip() == written), 0)
            column = lines[line - 1].index("title:") + 1 if line else 0
            notes.append(
                make(
                    "carry-date-outside-cycle",
                    path,
                    line,
                    column,
                    text(
                        "carry-date-outside-cycle",
                        ref=f"{cycle.id}/{draft.owner}/{ref}",
                        title=title,
                        date=date.written,
                        cycle=cycle.id,
                    ),
                )
            )
    return notes


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
        if kr is not None and _is_carried(kr):
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

    The new start is where the old cycle ended (its current value); the target stays (a
    reached one is not carried at all: `_finished`).
    """
    assert kr.target is not None
    current = kr.current
    if isinstance(current, bool) or current is None or current == kr.start:
        return kr.start, kr.target
    return float(current), kr.target


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
