"""One answer to one question: what a key result or objective shows next to its score (pace
while it runs ungraded, verdict once graded), and what moved this week, as check-ins tell."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mkdocs_okr.core import Settings, review, rhythm
from mkdocs_okr.core.model import OkrSet
from mkdocs_okr.render.facts import SiteFacts
from mkdocs_okr.render.i18n import Labels
from mkdocs_okr.render.paths import SitePaths

from .test_rhythm import organisation, this_week

RUNNING = dt.date(2024, 2, 16)  # expected progress 47/91, about 0.52
ENDED = dt.date(2024, 4, 10)


def _set(*key_results: dict[str, Any], kind: str = "aspirational") -> dict[str, Any]:
    return {
        "cycle": "2024-Q1",
        "owner": "company",
        "level": "company",
        "objectives": [{"title": "Reach", "type": kind, "key_results": list(key_results)}],
    }


def low(**fields: Any) -> dict[str, Any]:
    """A key result far behind on RUNNING (5 of 100), with `fields` replaced."""
    kr = {
        "title": "Followers",
        "target": 100,
        "checkins": [{"date": dt.date(2024, 2, 9), "value": 5}],
    }
    return kr | fields


def _only_set(*key_results: dict[str, Any], kind: str = "aspirational") -> OkrSet:
    (okr_set,) = organisation(_set(*key_results, kind=kind)).sets
    return okr_set


def test_a_key_result_scored_by_hand_shows_no_pace() -> None:
    okr_set = _only_set(low(), low(title="Graded", score=0.2))
    behind, graded = okr_set.objectives[0].key_results
    settings = Settings()
    assert review.key_result_pace(okr_set, behind, RUNNING, settings) == rhythm.AT_RISK
    assert review.key_result_pace(okr_set, graded, RUNNING, settings) is None
    assert review.key_result_pace(okr_set, behind, ENDED, settings) is None  # the cycle ended


@pytest.mark.parametrize(
    ("today", "scores", "standing"),
    [
        (RUNNING, (None, None), (rhythm.AT_RISK, None)),  # running, ungraded: its pace
        (RUNNING, (0.8, None), (rhythm.AT_RISK, None)),  # partly scored: still the calendar
        # Every key result scored while the cycle runs: graded, its verdict and no pace (it
        # used to show "at risk" and "above the sweet spot" at once).
        (RUNNING, (0.8, 0.8), (None, review.ABOVE_SWEET_SPOT)),
        (ENDED, (None, None), (None, review.TOO_AMBITIOUS)),  # ended: a verdict only
    ],
)
def test_an_objective_shows_its_pace_or_its_verdict_never_both(
    today: dt.date,
    scores: tuple[float | None, float | None],
    standing: tuple[str | None, str | None],
) -> None:
    key_results = [
        low(title=f"KR {n}", **({"score": score} if score is not None else {}))
        for n, score in enumerate(scores)
    ]
    okr_set = _only_set(*key_results)
    found = review.objective_standing(okr_set, okr_set.objectives[0], today, Settings())
    assert (found.pace, found.verdict) == standing


def test_the_set_page_and_the_week_follow_the_rule() -> None:
    organisation_ = organisation(_set(low(), low(title="Graded", score=0.1)))
    okr_set = organisation_.sets[0]
    facts = SiteFacts(organisation_, RUNNING, Labels("en"))
    links = SitePaths("okr", True, None, None).links_from("okr/2024-Q1/company/index.md")
    view = facts.objective_view(okr_set, okr_set.objectives[0], links)
    assert [kr.pace for kr in view.key_results] == [rhythm.AT_RISK, None]
    (week,) = this_week(organisation_, RUNNING)
    assert [kr.title for _s, _o, kr, _pace in week.lagging] == ["Followers"]

    graded = organisation(_set(low(score=0.75), low(title="Two", score=0.7)))
    okr_set = graded.sets[0]
    view = SiteFacts(graded, RUNNING, Labels("en")).objective_view(
        okr_set, okr_set.objectives[0], links
    )
    assert view.pace is None and view.verdict is not None
    assert view.verdict.name == review.ABOVE_SWEET_SPOT


def test_a_milestone_completed_this_week_moves_from_not_done_to_done() -> None:
    milestone = {
        "title": "Launch",
        "done": True,
        "checkins": [
            {"date": dt.date(2024, 2, 2), "value": False, "note": "started"},
            {"date": dt.date(2024, 2, 14), "value": True, "note": "launched"},
        ],
    }
    first_week = {"title": "SOP", "done": True, "checkins": [{"date": RUNNING, "value": True}]}
    (week,) = this_week(organisation(_set(milestone, first_week)), RUNNING)
    moves = [(m.key_result.title, m.before, m.now) for m in week.moved]
    assert moves == [("Launch", False, True), ("SOP", False, True)]
    assert [(m.progress_before, m.progress_now) for m in week.moved] == [(0.0, 1.0)] * 2


def test_a_numeric_key_result_moves_from_its_last_value_before_the_week() -> None:
    kr = {
        "title": "Followers",
        "start": 10,
        "target": 110,
        "checkins": [
            {"date": dt.date(2024, 2, 2), "value": 30},
            {"date": dt.date(2024, 2, 12), "value": 50},
            {"date": dt.date(2024, 2, 15), "value": 60},
        ],
    }
    (week,) = this_week(organisation(_set(kr)), RUNNING)
    (move,) = week.moved
    assert (move.before, move.now) == (30, 60)
    assert (move.progress_before, move.progress_now) == (pytest.approx(0.2), pytest.approx(0.5))
