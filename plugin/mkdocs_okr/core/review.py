"""The cycle rhythm's end and its weekly beat: verdicts, the score histogram, calibration across
cycles, and what moved this week (docs/method.md, rules 10, 15-19).

Verdicts judge an objective by its type: a committed objective aims at 1.0 (0.8-0.9 is
acceptable); for an aspirational one 0.6-0.7 is the sweet spot, 1.0 may mean it was not
ambitious enough, and below 0.4 it was too ambitious or poorly executed. Scores are judged as
they are shown, rounded to two decimals, so a reader never sees 0.80 judged as "missed".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from . import rhythm
from .cycles import Cycle
from .figures import at_least, hundredths, shown
from .model import KeyResult, Objective, OkrSet
from .organisation import Organisation
from .settings import Settings

# Verdict codes, in the order a reader should worry about them.
MISSED = "missed"  # committed, below `acceptable`
ACCEPTABLE = "acceptable"  # committed, from `acceptable` to below 1.0
ACHIEVED = "achieved"  # committed, 1.0
TOO_AMBITIOUS = "too-ambitious"  # aspirational, below `floor`
BELOW_SWEET_SPOT = "below-sweet-spot"  # aspirational, from `floor` to below the sweet spot
SWEET_SPOT = "sweet-spot"  # aspirational, within the sweet spot
ABOVE_SWEET_SPOT = "above-sweet-spot"  # aspirational, above the sweet spot, below 1.0
NOT_AMBITIOUS = "not-ambitious"  # aspirational, 1.0

HISTOGRAM_BINS = 10


def counted(sets: list[OkrSet]) -> list[OkrSet]:
    """The sets a cycle's figures count: not drafts (`status: draft`), whose placeholder titles
    and copied targets nobody has committed to yet."""
    return [s for s in sets if not s.draft]


def is_graded(okr_set: OkrSet, today: dt.date) -> bool:
    """Grades count once the cycle has ended, or once every active KR has a final score; a
    draft's never do."""
    if okr_set.draft:
        return False
    if rhythm.has_ended(okr_set.cycle, today):
        return True
    active = [kr for o in okr_set.objectives for kr in o.active_key_results]
    return bool(active) and all(map(is_scored, active))


def is_scored(key_result: KeyResult) -> bool:
    """A key result is graded once its owner writes its final `score`."""
    return key_result.score_given is not None


@dataclass(frozen=True)
class Standing:
    """What an objective shows next to its score, on every page: its pace while its cycle runs
    and it is not graded, its verdict once its set is graded; never both (a graded objective
    is judged by its verdict, not by the calendar)."""

    pace: str | None
    verdict: str | None


def key_result_pace(
    okr_set: OkrSet, key_result: KeyResult, today: dt.date, settings: Settings
) -> str | None:
    """on track / behind / at risk while the cycle runs; None once the key result is scored
    by hand or its set is graded, and for a dropped one."""
    cycle = okr_set.cycle
    # (A set graded while its cycle runs has every active key result scored.)
    if key_result.dropped or is_scored(key_result) or not rhythm.is_running(cycle, today):
        return None
    return rhythm.pace(key_result.progress, rhythm.expected_progress(cycle, today), settings)


def objective_standing(
    okr_set: OkrSet, objective: Objective, today: dt.date, settings: Settings
) -> Standing:
    """The one rule of what an objective shows: its verdict once its set is graded; before,
    while the cycle runs, its pace, unless every active key result is already scored by hand
    (then the calendar says nothing about it: it waits for its set's verdict)."""
    if is_graded(okr_set, today):
        return Standing(None, verdict(objective, settings))
    cycle = okr_set.cycle
    active = objective.active_key_results
    if not rhythm.is_running(cycle, today) or (active and all(map(is_scored, active))):
        return Standing(None, None)
    expected = rhythm.expected_progress(cycle, today)
    return Standing(rhythm.pace(objective.progress, expected, settings), None)


def verdict(objective: Objective, settings: Settings) -> str | None:
    """The verdict of an objective's score by its type; None when it has no score."""
    if objective.score is None:
        return None
    score = shown(objective.score)
    bands = settings.verdicts
    if objective.type == "committed":
        if score >= 1.0:
            return ACHIEVED
        return ACCEPTABLE if score >= bands.committed_acceptable else MISSED
    if score >= 1.0:
        return NOT_AMBITIOUS
    if score < bands.aspirational_floor:
        return TOO_AMBITIOUS
    low, high = bands.aspirational_sweet_spot
    if score < low:
        return BELOW_SWEET_SPOT
    return SWEET_SPOT if score <= high else ABOVE_SWEET_SPOT


def histogram(sets: list[OkrSet]) -> dict[str, list[int]]:
    """Objective scores per level in ten bins: [0, 0.1), [0.1, 0.2) ... [0.9, 1.0]."""
    counts = {level: [0] * HISTOGRAM_BINS for level in ("company", "team", "individual")}
    for okr_set in sets:
        for objective in okr_set.objectives:
            if objective.score is None:
                continue
            index = min(hundredths(objective.score) // 10, HISTOGRAM_BINS - 1)
            counts[okr_set.level][index] += 1
    return counts


@dataclass(frozen=True)
class CycleFigures:
    """The headline figures of one cycle (the OKR home shows them per cycle)."""

    sets: int
    objectives: int
    key_results: int  # not dropped
    scores: tuple[float, ...]  # the sets' scores
    on_track: int | None  # running: KRs on track; ended: KRs scored green; upcoming: None

    @property
    def average(self) -> float | None:
        """The mean set score. `fsum` is exact, so figures added up in parts give the same."""
        return math.fsum(self.scores) / len(self.scores) if self.scores else None

    def __add__(self, other: CycleFigures) -> CycleFigures:
        on_track = (
            None
            if self.on_track is None and other.on_track is None
            else (self.on_track or 0) + (other.on_track or 0)
        )
        return CycleFigures(
            self.sets + other.sets,
            self.objectives + other.objectives,
            self.key_results + other.key_results,
            self.scores + other.scores,
            on_track,
        )


def cycle_figures(
    sets: list[OkrSet], cycle: Cycle, today: dt.date, settings: Settings
) -> CycleFigures:
    """The headline figures of `sets` of one cycle, drafts left out."""
    sets = counted(sets)
    objectives = [o for s in sets for o in s.objectives]
    key_results = [kr for o in objectives for kr in o.active_key_results]
    scores = tuple(score for s in sets if (score := s.score) is not None)
    on_track: int | None = None
    if rhythm.is_running(cycle, today):
        # A key result scored by hand is judged by its grade, as on its set page, not its pace.
        expected = rhythm.expected_progress(cycle, today)
        on_track = sum(
            at_least(kr.score, settings.grading.green)
            if is_scored(kr)
            else rhythm.pace(kr.progress, expected, settings) == rhythm.ON_TRACK
            for kr in key_results
        )
    elif rhythm.has_ended(cycle, today):
        on_track = sum(at_least(kr.score, settings.grading.green) for kr in key_results)
    return CycleFigures(len(sets), len(objectives), len(key_results), scores, on_track)


@dataclass
class Judged:
    okr_set: OkrSet
    objective: Objective
    verdict: str


def judged_objectives(sets: list[OkrSet], today: dt.date, settings: Settings) -> list[Judged]:
    """Every scored objective of the graded sets, with its verdict."""
    found: list[Judged] = []
    for okr_set in sets:
        if not is_graded(okr_set, today):
            continue
        for objective in okr_set.objectives:
            judged = verdict(objective, settings)
            if judged is not None:
                found.append(Judged(okr_set, objective, judged))
    return found


@dataclass
class Highlights:
    """What a cycle review discusses first (docs/method.md, rule 19)."""

    missed: list[Judged]  # committed objectives below `committed_acceptable`
    full_marks: list[Judged]  # aspirational objectives at 1.0: ambitious enough?
    under_floor: list[Judged]  # any objective below `aspirational_floor`


def highlights(judged: list[Judged], settings: Settings) -> Highlights:
    floor = settings.verdicts.aspirational_floor
    return Highlights(
        missed=[j for j in judged if j.verdict == MISSED],
        full_marks=[j for j in judged if j.verdict == NOT_AMBITIOUS],
        under_floor=[
            j for j in judged if j.objective.score is not None and shown(j.objective.score) < floor
        ],
    )


@dataclass
class Calibration:
    """One owner's graded cycles, oldest first, and what their pattern suggests."""

    owner: str
    name: str
    history: list[OkrSet]
    flags: list[str] = field(default_factory=list)  # too-easy | keeps-missing


def calibration(organisation: Organisation, today: dt.date) -> list[Calibration]:
    """Per owner: scores across graded cycles, flagged when aspirational objectives score 1.0,
    or committed ones are missed, in each of the last `calibration_cycles` graded cycles."""
    found = [
        calibration_of(organisation.history_of(owner), today, organisation.settings)
        for owner in sorted({s.owner for s in organisation.sets})
    ]
    return [entry for entry in found if entry is not None]


def calibration_of(history: list[OkrSet], today: dt.date, settings: Settings) -> Calibration | None:
    """One owner's calibration from their sets, oldest first; None when none is graded yet."""
    graded = [s for s in history if is_graded(s, today)]
    if not graded:
        return None
    entry = Calibration(graded[-1].owner, graded[-1].name, graded)
    needed = settings.verdicts.calibration_cycles
    recent = graded[-needed:]
    if len(recent) == needed:
        verdicts = [{verdict(o, settings) for o in s.objectives} for s in recent]
        if all(NOT_AMBITIOUS in v for v in verdicts):
            entry.flags.append("too-easy")
        if all(MISSED in v for v in verdicts):
            entry.flags.append("keeps-missing")
    return entry


@dataclass
class Movement:
    """A key result checked in during the week: its value before and now."""

    okr_set: OkrSet
    objective: Objective
    key_result: KeyResult
    before: float | bool | None
    now: float | bool
    progress_before: float
    progress_now: float


@dataclass
class TeamWeek:
    """One team's week: its set and its members' sets."""

    team: OkrSet | None
    sets: list[OkrSet]
    moved: list[Movement]
    silent: list[OkrSet]  # no check-in this week
    lagging: list[tuple[OkrSet, Objective, KeyResult, str]]  # behind or at risk

    def moved_in(self, okr_set: OkrSet) -> list[Movement]:
        return [m for m in self.moved if m.okr_set is okr_set]


@dataclass
class WeekGroup:
    """Whose week one section of the weekly meeting shows: a team (or the company) with its
    members, or (team None) the running sets no team gathers."""

    team: OkrSet | None
    sets: list[OkrSet]


def week_groups(organisation: Organisation, today: dt.date) -> list[WeekGroup]:
    """The sections of the weekly meeting, in the running cycles: the company's own set first,
    then each team with its members, then the rest."""
    running = [s for s in organisation.sets if rhythm.is_running(s.cycle, today)]
    # By identity: comparing sets field by field made this quadratic in practice.
    is_running = {id(s) for s in running}
    placed: set[int] = set()
    groups: list[WeekGroup] = []
    teams = [s for s in running if s.level != "individual"]
    for team in sorted(teams, key=lambda s: (s.level != "company", s.name, s.cycle.id)):
        members = (
            []
            if team.level == "company"
            else [
                c
                for c in organisation.children_of(team)
                if c.level == "individual" and id(c) in is_running
            ]
        )
        groups.append(WeekGroup(team, [team, *members]))
        placed.update(id(s) for s in (team, *members))
    rest = [s for s in running if id(s) not in placed]
    if rest:
        groups.append(WeekGroup(None, rest))
    return groups


def team_week(group: WeekGroup, today: dt.date, settings: Settings) -> TeamWeek:
    """What moved in the 7 days ending `today`, who stayed silent and what lags behind."""
    week_start = today - dt.timedelta(days=6)
    week = TeamWeek(group.team, group.sets, [], [], [])
    for okr_set in group.sets:
        checked = False
        for objective in okr_set.objectives:
            for kr in objective.active_key_results:
                recent = [c for c in kr.checkins if week_start <= c.date <= today]
                if recent:
                    checked = True
                    # Before: the state at the week's start, from the check-ins (a milestone's
                    # `done: true` is its state now, not before the week that completed it).
                    before = kr.value_before(week_start)
                    now = kr.current if kr.current is not None else recent[-1].value
                    week.moved.append(
                        Movement(
                            okr_set,
                            objective,
                            kr,
                            before,
                            now,
                            kr.progress_at(before),
                            kr.progress_at(now),
                        )
                    )
                pace = key_result_pace(okr_set, kr, today, settings)
                if pace in (rhythm.BEHIND, rhythm.AT_RISK):
                    week.lagging.append((okr_set, objective, kr, pace))
        if not checked:
            week.silent.append(okr_set)
    return week
