"""The facts each page and fragment shows, prepared: the templates only lay them out and format
them (dates, numbers, percents), so a test of what a page says needs no Jinja.

Pure: the core's organisation in, dataclasses out. Links are made from the page they appear on
(`Links`); charts are inline SVG (`charts`), their text in words from the labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..core import review, rhythm
from ..core.cycles import Cycle
from ..core.diagnostics import Severity
from ..core.figures import at_least
from ..core.model import KeyResult, Objective, OkrSet
from ..core.organisation import Goal, Organisation, objective_ref
from ..core.settings import Grading, Settings
from . import charts
from .body import render_body, retrospective
from .i18n import Labels
from .paths import Links


def colour(value: float | None, grading: Grading) -> str:
    """The grading colour of a progress or score, judged as shown (0.695 shows 70 %: green
    when green starts at 0.7)."""
    if value is None:
        return "none"
    if at_least(value, grading.green):
        return "green"
    return "yellow" if at_least(value, grading.yellow) else "red"


@dataclass(frozen=True)
class Bar:
    """An accessible progress bar: its value (None: unmeasured), what it measures (read by
    screen readers), its grading colour and the expected progress by today (a mark)."""

    value: float | None
    label: str
    colour: str
    expected: float | None = None
    small: bool = False


def bar(
    value: float | None,
    label: str,
    grading: Grading,
    expected: float | None = None,
    small: bool = False,
) -> Bar:
    return Bar(value, label, colour(value, grading), expected, small)


@dataclass(frozen=True)
class Verdict:
    """An objective's verdict once its set is graded, and what it means in words."""

    name: str
    text: str


@dataclass(frozen=True)
class GoalLink:
    """A link to the other end of an alignment (an objective or key result)."""

    href: str
    goal: Goal
    other_cycle: bool  # the goal's cycle differs from the page's: shown next to it


@dataclass(frozen=True)
class SetRow:
    """A set's row in a table of sets."""

    okr_set: OkrSet
    href: str
    bar: Bar
    show_cycle: bool
    errors: int
    stale: bool
    unaligned: int


@dataclass(frozen=True)
class ObjectiveRow:
    """An objective in a list of objectives (the review's highlights)."""

    okr_set: OkrSet
    objective: Objective
    href: str
    bar: Bar
    verdict: Verdict | None


@dataclass(frozen=True)
class CheckinRow:
    date: dt.date
    value: str  # with its unit, or done / not done
    note: str
    status: str = ""  # on-track | at-risk | off-track, as the owner judged it; "" if not said


@dataclass(frozen=True)
class KeyResultView:
    key_result: KeyResult
    bar: Bar | None  # None when dropped
    pace: str | None
    supporters: list[GoalLink]
    trend: Markup
    checkins: list[CheckinRow]


@dataclass(frozen=True)
class ObjectiveView:
    objective: Objective
    bar: Bar
    pace: str | None
    verdict: Verdict | None
    aligns: list[GoalLink]
    supporters: list[GoalLink]
    key_results: list[KeyResultView]


@dataclass(frozen=True)
class TreeItem:
    """An objective in the alignment tree."""

    goal: Goal
    href: str
    bar: Bar
    other_cycle: bool
    context: bool  # from an enclosing cycle, shown above the page cycle's own sets


@dataclass(frozen=True)
class TreeKeyResult:
    """A key result in the alignment tree (objectives below align to it)."""

    okr_set: OkrSet
    objective: Objective
    key_result: KeyResult
    href: str
    bar: Bar


@dataclass(frozen=True)
class CycleCard:
    """A cycle on the home page: its figures, its state and its pages."""

    cycle: Cycle
    state: str
    current: bool
    figures: review.CycleFigures
    bar: Bar
    href: str
    tree_href: str
    review_href: str


@dataclass(frozen=True)
class Movement:
    """A key result checked in this week, as the week page shows it."""

    move: review.Movement
    href: str
    before: str
    now: str
    trend: Markup


@dataclass(frozen=True)
class Lagging:
    okr_set: OkrSet
    objective: Objective
    key_result: KeyResult
    pace: str
    href: str


@dataclass(frozen=True)
class WeekCounts:
    """A part of a team's week in the week's index: how many sets it holds, key results
    moved, sets silent and key results behind."""

    sets: int
    moved: int
    silent: int
    lagging: int


@dataclass(frozen=True)
class Silent:
    okr_set: OkrSet
    href: str
    stale: bool


@dataclass(frozen=True)
class ProblemRow:
    """Where a diagnostic was found: the set of the file (when it loaded) and the file's line
    in the repository (when the site knows the repository); its message in the site's
    language."""

    okr_set: OkrSet | None
    set_href: str | None
    source_url: str | None
    message: str


@dataclass(frozen=True)
class ProblemsNotice:
    """A set shown although its file has errors: how many, and the page that lists them."""

    errors: int
    href: str


def errors_by_path(organisation: Organisation) -> dict[str, int]:
    """How many errors were found in each file (a set's row shows its count)."""
    errors: dict[str, int] = {}
    for diagnostic in organisation.diagnostics:
        if diagnostic.severity is Severity.ERROR:
            errors[diagnostic.path] = errors.get(diagnostic.path, 0) + 1
    return errors


class SiteFacts:
    """The facts of one organisation on one day, in one language: what every page asks."""

    def __init__(self, organisation: Organisation, today: dt.date, labels: Labels) -> None:
        self.organisation = organisation
        self.today = today
        self.labels = labels
        self.settings: Settings = organisation.settings
        self.errors = errors_by_path(organisation)
        running = [c for c in organisation.cycles() if rhythm.is_running(c, today)]
        # The current cycle: the shortest one with sets that contains today.
        self.current = min(running, key=lambda c: (c.days, c.id)) if running else None

    # Small facts ---------------------------------------------------------------------------

    def expected(self, cycle: Cycle) -> float | None:
        """Expected progress, shown only while the cycle runs."""
        if rhythm.is_running(cycle, self.today):
            return rhythm.expected_progress(cycle, self.today)
        return None

    def cycle_state(self, cycle: Cycle) -> str:
        if rhythm.is_running(cycle, self.today):
            return "running"
        return "ended" if rhythm.has_ended(cycle, self.today) else "upcoming"

    def is_stale(self, okr_set: OkrSet) -> bool:
        return rhythm.is_stale(okr_set, self.today, self.settings)

    def aligns(self, okr_set: OkrSet, objective: Objective) -> list[Goal]:
        return self.organisation.aligns.get(objective_ref(okr_set, objective), [])

    def supported_by(
        self, okr_set: OkrSet, objective: Objective, key_result: KeyResult | None = None
    ) -> list[Goal]:
        return self.supported_by_ref(objective_ref(okr_set, objective), key_result)

    def supported_by_ref(self, ref: str, key_result: KeyResult | None = None) -> list[Goal]:
        """`supported_by` of the objective at `ref` (for callers that keep the refs made)."""
        if key_result is not None:
            ref = f"{ref}/{key_result.id}"
        return self.organisation.supported_by.get(ref, [])

    def problems_notice(self, okr_set: OkrSet, problems_href: str) -> ProblemsNotice | None:
        """The notice of a set whose file has errors (the set shows what could be read)."""
        count = self.errors.get(okr_set.path, 0)
        return ProblemsNotice(count, problems_href) if count else None

    def unaligned(self, okr_set: OkrSet) -> list[Objective]:
        """The objectives of a team or individual that align to nothing."""
        if okr_set.level == "company":
            return []
        return [o for o in okr_set.objectives if not self.aligns(okr_set, o)]

    def bar(
        self, value: float | None, label: str, expected: float | None = None, small: bool = False
    ) -> Bar:
        return bar(value, label, self.settings.grading, expected, small)

    def explained(self, name: str) -> Verdict:
        bands = self.settings.verdicts
        low, high = bands.aspirational_sweet_spot
        edge = self.labels.edge
        text = self.labels["explain_" + name].format(
            acceptable=edge(bands.committed_acceptable),
            floor=edge(bands.aspirational_floor),
            low=edge(low),
            high=edge(high),
        )
        return Verdict(name, text)

    def checkin_value(self, key_result: KeyResult, value: float | bool) -> str:
        if isinstance(value, bool):
            return self.labels["done"] if value else self.labels["not_done"]
        unit = f" {key_result.unit}" if key_result.unit else ""
        return f"{self.labels.number(value)}{unit}"

    # Charts --------------------------------------------------------------------------------

    def trend(self, okr_set: OkrSet, key_result: KeyResult, small: bool = False) -> Markup:
        """The check-ins of a numeric KR as a chart; a milestone has none (done or not)."""
        current = key_result.current
        if key_result.kind != "numeric" or isinstance(current, bool):
            return Markup("")
        label = self.labels["trend_label"].format(
            title=key_result.title,
            current=self.labels.number(current),
            target=self.labels.number(key_result.target),
            start=self.labels.number(key_result.start),
        )
        return charts.trend(key_result, okr_set.cycle, self.today, label, small=small)

    def histogram(self, counts: list[int], level: str) -> Markup:
        bins = [f"{index / 10:.1f}" for index in range(len(counts))]
        # A bin takes the grading colour of its lowest score.
        colours = [colour(index / 10, self.settings.grading) for index in range(len(counts))]
        label = self.labels["distribution_label"].format(
            level=self.labels["level_" + level],
            counts=", ".join(f"{bins[i]}: {count}" for i, count in enumerate(counts) if count)
            or "0",
        )
        return charts.histogram(counts, label, bins, colours)

    def score_chart(self, name: str, history: list[OkrSet]) -> Markup:
        scores = [(s.cycle.id, s.score) for s in history]
        label = self.labels["scores_label"].format(
            name=name, scores=", ".join(f"{c} {self.labels.score(v)}" for c, v in scores)
        )
        colours = [colour(score, self.settings.grading) for _cycle, score in scores]
        return charts.score_columns(scores, label, colours)

    # Prepared rows and views ---------------------------------------------------------------

    def goal_link(self, goal: Goal, links: Links, here_cycle: str) -> GoalLink:
        return GoalLink(links.goal(goal), goal, goal.okr_set.cycle.id != here_cycle)

    def set_row(self, okr_set: OkrSet, links: Links, show_cycle: bool = False) -> SetRow:
        score_label = f"{self.labels['score']} {okr_set.name}"
        return SetRow(
            okr_set,
            links.set(okr_set),
            self.bar(okr_set.score, score_label, self.expected(okr_set.cycle), small=True),
            show_cycle,
            self.errors.get(okr_set.path, 0),
            self.is_stale(okr_set),
            len(self.unaligned(okr_set)),
        )

    def objective_row(
        self, okr_set: OkrSet, objective: Objective, verdict: str, links: Links
    ) -> ObjectiveRow:
        label = f"{self.labels['score']} {okr_set.name} {objective.id}"
        return ObjectiveRow(
            okr_set,
            objective,
            links.set(okr_set, objective.id),
            self.bar(objective.score, label, None, small=True),
            self.explained(verdict),
        )

    def objective_view(self, okr_set: OkrSet, objective: Objective, links: Links) -> ObjectiveView:
        cycle = okr_set.cycle
        expected = self.expected(cycle)
        here = cycle.id
        standing = review.objective_standing(okr_set, objective, self.today, self.settings)
        return ObjectiveView(
            objective,
            self.bar(objective.score, f"{self.labels['score']} {objective.id}", expected),
            standing.pace,
            None if standing.verdict is None else self.explained(standing.verdict),
            [self.goal_link(g, links, here) for g in self.aligns(okr_set, objective)],
            [self.goal_link(g, links, here) for g in self.supported_by(okr_set, objective)],
            [self.key_result_view(okr_set, objective, kr, links) for kr in objective.key_results],
        )

    def key_result_view(
        self, okr_set: OkrSet, objective: Objective, kr: KeyResult, links: Links
    ) -> KeyResultView:
        cycle = okr_set.cycle
        label = f"{self.labels['score']} {objective.id}/{kr.id}"
        shown_bar = (
            None if kr.dropped else self.bar(kr.score, label, self.expected(cycle), small=True)
        )
        supporters = self.supported_by(okr_set, objective, kr)
        return KeyResultView(
            kr,
            shown_bar,
            review.key_result_pace(okr_set, kr, self.today, self.settings),
            [self.goal_link(g, links, cycle.id) for g in supporters],
            self.trend(okr_set, kr) if kr.kind == "numeric" and not kr.dropped else Markup(""),
            [
                CheckinRow(c.date, self.checkin_value(kr, c.value), c.note or "", c.status or "")
                for c in reversed(kr.checkins)
            ],
        )

    def tree_item(self, goal: Goal, cycle: Cycle, links: Links) -> TreeItem:
        okr_set, objective = goal.okr_set, goal.objective
        label = f"{self.labels['score']} {okr_set.name} {objective.id}"
        return TreeItem(
            goal,
            links.goal(goal),
            self.bar(objective.score, label, self.expected(okr_set.cycle), small=True),
            okr_set.cycle.id != cycle.id,
            not cycle.contains(okr_set.cycle),
        )

    def tree_key_result(
        self, okr_set: OkrSet, objective: Objective, kr: KeyResult, links: Links
    ) -> TreeKeyResult:
        label = f"{self.labels['score']} {okr_set.name} {objective.id}/{kr.id}"
        return TreeKeyResult(
            okr_set,
            objective,
            kr,
            links.set(okr_set, f"{objective.id}-{kr.id}"),
            self.bar(kr.score, label, self.expected(okr_set.cycle), small=True),
        )

    def movement(self, move: review.Movement, links: Links) -> Movement:
        kr = move.key_result
        return Movement(
            move,
            links.set(move.okr_set, f"{move.objective.id}-{kr.id}"),
            "–" if move.before is None else self.checkin_value(kr, move.before),
            self.checkin_value(kr, move.now),
            self.trend(move.okr_set, kr, small=True),
        )

    def body(self, okr_set: OkrSet) -> Markup:
        return Markup(render_body(okr_set.body))

    def retrospective(self, okr_set: OkrSet) -> Markup:
        found = retrospective(okr_set.body)
        if not found:
            return Markup("")
        return Markup(render_body(found, id_prefix=f"{okr_set.owner}-retro-"))


@dataclass(frozen=True)
class CalibrationRow:
    """An owner's calibration: the review's entry, a chart of the scores, each set's link."""

    entry: review.Calibration
    owner_href: str
    chart: Markup
    cycles: list[tuple[OkrSet, str]]
