"""The OKR model: an OKR set (one owner's OKRs for one cycle) with objectives and key results.

Scores and progress are computed properties, exactly as docs/format.md states them, so there
is no stored derived state to fall out of step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .cycles import Cycle

Position = tuple[int, int]
LEVEL_RANK = {"company": 0, "team": 1, "individual": 2}


def clamp01(value: float) -> float:
    # `not value >= 0` also catches NaN: a score is never NaN, even from numbers the reader
    # refuses (a safety net; the loader keeps numbers far below overflow).
    return 0.0 if not value >= 0 else 1.0 if value > 1 else value


def weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    """Mean of (value, weight) pairs; None when there is nothing to average."""
    total = sum(weight for _value, weight in pairs)
    if not pairs or total <= 0:
        return None
    return clamp01(sum(value * weight for value, weight in pairs) / total)


def weights_whole(total: float) -> bool:
    """Weights that sum to 100 (per cent) or to 1 (Feishu's fractions of 1)."""
    return abs(total - 100) <= 1e-6 or abs(total - 1) <= 1e-9


@dataclass(slots=True)  # 10 per key result: slots keep a large organisation small
class Checkin:
    date: dt.date
    value: float | bool
    note: str | None
    position: Position
    status: str | None = None  # on-track | at-risk | off-track, as the owner judged it


# Key results, objectives and sets compare by identity (eq=False): each is one place in one
# file, and comparing them field by field made `set in sets` cost a walk of every check-in.
@dataclass(slots=True, eq=False)
class KeyResult:
    id: str
    title: str
    kind: str  # numeric | milestone | unmeasured
    start: float
    target: float | None
    unit: str | None
    weight: float
    weight_given: bool
    checkins: list[Checkin]
    current_given: float | bool | None
    score_given: float | None
    dropped: bool
    reason: str | None
    done_given: bool | None
    tags: list[str]
    position: Position
    positions: dict[str, Position] = field(default_factory=dict)

    @property
    def current(self) -> float | bool | None:
        """The latest known value: `current` if written, else the latest check-in, else start."""
        if self.current_given is not None:
            return self.current_given
        if self.checkins:
            return self.checkins[-1].value
        if self.kind == "milestone":
            return self.done_given
        if self.kind == "numeric":
            return self.start
        return None

    def value_before(self, day: dt.date) -> float | bool | None:
        """The value known before `day` from the check-ins: the last one dated earlier, else
        the value the key result started from (a numeric's `start`; a milestone not done)."""
        earlier = [c.value for c in self.checkins if c.date < day]
        if earlier:
            return earlier[-1]
        if self.kind == "milestone":
            return False
        return self.start if self.kind == "numeric" else None

    @property
    def done(self) -> bool:
        return self.kind == "milestone" and bool(self.current)

    @property
    def progress(self) -> float:
        """0..1: (current - start) / (target - start) clamped; a milestone is 0 or 1."""
        return self.progress_at(self.current)

    def progress_at(self, value: float | bool | None) -> float:
        """The progress this key result would have at `value` (a check-in's, say)."""
        if self.kind == "milestone":
            return 1.0 if value is True else 0.0
        if self.kind == "numeric" and self.target is not None:
            if isinstance(value, bool) or value is None or self.target == self.start:
                return 0.0
            return clamp01((value - self.start) / (self.target - self.start))
        return 0.0  # not measurable: counts as no progress until it is scored by hand

    @property
    def score(self) -> float:
        return self.score_given if self.score_given is not None else self.progress

    @property
    def last_checkin(self) -> dt.date | None:
        return self.checkins[-1].date if self.checkins else None


@dataclass(slots=True)
class Reference:
    """An `aligns` reference as written: `[CYCLE/]OWNER/OBJECTIVE[/KR]`."""

    text: str
    cycle: str | None
    owner: str
    objective: str
    key_result: str | None
    position: Position


@dataclass(slots=True, eq=False)
class Objective:
    id: str
    title: str
    type: str  # committed | aspirational
    weight: float
    aligns: list[Reference]
    tags: list[str]
    key_results: list[KeyResult]
    position: Position
    # An `aligns` is written (even one that could not be read, which is reported as such):
    # only an objective without one is reported as aligning to nothing.
    aligns_written: bool = False

    @property
    def active_key_results(self) -> list[KeyResult]:
        return [kr for kr in self.key_results if not kr.dropped]

    @property
    def weights_sum_to_100(self) -> bool:
        """False when KR weights are given and sum to neither 100 nor 1 (METHOD.md rule 9).

        Dropping a key result must not force its owner to rewrite the other weights: the
        weights as written (dropped ones included) may sum to 100 as well.
        """
        active = self.active_key_results
        if not any(kr.weight_given for kr in active):
            return True
        return weights_whole(sum(kr.weight for kr in active)) or weights_whole(
            sum(kr.weight for kr in self.key_results)
        )

    @property
    def progress(self) -> float | None:
        return weighted_mean([(kr.progress, kr.weight) for kr in self.active_key_results])

    @property
    def score(self) -> float | None:
        """Weighted mean of the non-dropped KRs' scores; None when every KR is dropped."""
        return weighted_mean([(kr.score, kr.weight) for kr in self.active_key_results])

    @property
    def last_checkin(self) -> dt.date | None:
        dates = [kr.last_checkin for kr in self.key_results if kr.last_checkin]
        return max(dates) if dates else None


@dataclass(slots=True, eq=False)
class OkrSet:
    """One owner's OKRs for one cycle: one file."""

    path: str  # relative to the OKR folder, with forward slashes
    cycle: Cycle
    owner: str
    name: str
    level: str  # company | team | individual
    parent: str | None
    objectives: list[Objective]
    tags: list[str]
    body: str
    body_line: int
    positions: dict[str, Position]
    github: list[str] = field(default_factory=list)  # handles the reminder @mentions
    # `status: draft`: written by `okr new` and `okr carry` until a person has reviewed the set.
    # A draft is shown, marked, but left out of the cycle's figures (core/review.py).
    draft: bool = False

    @property
    def ref(self) -> str:
        return f"{self.cycle.id}/{self.owner}"

    @property
    def progress(self) -> float | None:
        return weighted_mean(
            [(o.progress, o.weight) for o in self.objectives if o.progress is not None]
        )

    @property
    def score(self) -> float | None:
        return weighted_mean([(o.score, o.weight) for o in self.objectives if o.score is not None])

    @property
    def last_checkin(self) -> dt.date | None:
        dates = [o.last_checkin for o in self.objectives if o.last_checkin]
        return max(dates) if dates else None

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)


def key_result_in(objective: Objective, key_result_id: str) -> KeyResult | None:
    return next((kr for kr in objective.key_results if kr.id == key_result_id), None)
