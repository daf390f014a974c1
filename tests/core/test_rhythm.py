"""The weekly rhythm and the cycle end with a fixed today: before, during and after a cycle."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from mkdocs_okr.core import Organisation, Settings, analyse, review, rhythm
from mkdocs_okr.core.cycles import builtin
from mkdocs_okr.core.model import Objective

Q1 = builtin("2024-Q1")  # 2024-01-01 .. 2024-03-31, 91 days (leap year)
assert Q1 is not None


def organisation(*sets: dict[str, Any]) -> Organisation:
    files = [
        (
            f"{s['cycle']}/{s['owner']}.md",
            ("---\n" + yaml.safe_dump(s, allow_unicode=True) + "---\n").encode(),
        )
        for s in sets
    ]
    result = analyse(files, Settings())
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    return result


# --- expected progress ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2023, 12, 31), 0.0),  # before the cycle
        (dt.date(2024, 1, 1), 1 / 91),  # the end of the first day
        (dt.date(2024, 2, 15), 46 / 91),  # 31 days of January + 15 of February
        (dt.date(2024, 3, 30), 90 / 91),
        (dt.date(2024, 3, 31), 1.0),  # the last day
        (dt.date(2024, 6, 1), 1.0),  # after the cycle
    ],
)
def test_expected_progress_is_the_share_of_the_cycle_elapsed(
    today: dt.date, expected: float
) -> None:
    assert rhythm.expected_progress(Q1, today) == pytest.approx(expected)


def test_running_and_ended() -> None:
    assert not rhythm.is_running(Q1, dt.date(2023, 12, 31))
    assert rhythm.is_running(Q1, dt.date(2024, 1, 1))
    assert rhythm.is_running(Q1, dt.date(2024, 3, 31))
    assert not rhythm.has_ended(Q1, dt.date(2024, 3, 31))
    assert rhythm.has_ended(Q1, dt.date(2024, 4, 1))


# --- on track, behind, at risk (defaults: behind past 0.1, at risk past 0.25) ---------------


@pytest.mark.parametrize(
    ("progress", "expected", "pace"),
    [
        (0.5, 0.5, rhythm.ON_TRACK),
        (0.9, 0.5, rhythm.ON_TRACK),  # ahead
        (0.4, 0.5, rhythm.ON_TRACK),  # exactly 0.1 behind is still on track
        (0.39, 0.5, rhythm.BEHIND),
        (0.25, 0.5, rhythm.BEHIND),  # exactly 0.25 behind
        (0.24, 0.5, rhythm.AT_RISK),
        (0.0, 1.0, rhythm.AT_RISK),
        (None, 0.5, None),
    ],
)
def test_pace(progress: float | None, expected: float, pace: str | None) -> None:
    assert rhythm.pace(progress, expected, Settings()) == pace


@pytest.mark.parametrize("tenths", range(1, 10))
def test_a_gap_of_exactly_the_tolerance_is_judged_alike_at_every_level(tenths: int) -> None:
    # 0.8 - 0.7 is 0.10000000000000009 in floating point, 0.5 - 0.4 is 0.09999999999999998:
    # both are a gap of 10 points as shown, so both are on track with the default tolerance.
    progress = (tenths - 1) / 10
    expected = tenths / 10
    assert rhythm.pace(progress, expected, Settings()) == rhythm.ON_TRACK
    # One hundredth more behind is behind, wherever it happens.
    assert rhythm.pace(progress - 0.01, expected, Settings()) == rhythm.BEHIND


def test_tolerances_are_configurable() -> None:
    strict = Settings.model_validate({"tolerance": {"behind": 0.0, "at_risk": 0.05}})
    assert rhythm.pace(0.49, 0.5, strict) == rhythm.BEHIND
    assert rhythm.pace(0.44, 0.5, strict) == rhythm.AT_RISK


# --- stale sets --------------------------------------------------------------------------------


def _team(checkin_dates: list[str]) -> dict[str, Any]:
    return {
        "cycle": "2024-Q1",
        "owner": "company",
        "level": "company",
        "objectives": [
            {
                "title": "O",
                "key_results": [
                    {
                        "title": "KR",
                        "target": 100,
                        "checkins": [
                            {"date": dt.date.fromisoformat(day), "value": 10 * (i + 1)}
                            for i, day in enumerate(checkin_dates)
                        ],
                    }
                ],
            }
        ],
    }


@pytest.mark.parametrize(
    ("dates", "today", "stale"),
    [
        (["2024-02-01"], dt.date(2024, 2, 15), False),  # 14 days: not more than 14
        (["2024-02-01"], dt.date(2024, 2, 16), True),  # 15 days
        ([], dt.date(2024, 1, 15), False),  # counted from the cycle's start
        ([], dt.date(2024, 1, 16), True),
        (["2024-01-05"], dt.date(2024, 4, 20), False),  # the cycle has ended
        ([], dt.date(2023, 12, 1), False),  # not started
    ],
)
def test_stale(dates: list[str], today: dt.date, stale: bool) -> None:
    (okr_set,) = organisation(_team(dates)).sets
    assert rhythm.is_stale(okr_set, today, Settings()) is stale


# --- verdicts at every band edge ------------------------------------------------------------


def _objective(kind: str, score: float) -> Objective:
    okr_set = organisation(
        {
            "cycle": "2024-Q1",
            "owner": "company",
            "level": "company",
            "objectives": [
                {
                    "title": "O",
                    "type": kind,
                    "key_results": [{"title": "KR", "target": 1, "score": score}],
                }
            ],
        }
    ).sets[0]
    return okr_set.objectives[0]


@pytest.mark.parametrize(
    ("kind", "score", "verdict"),
    [
        ("committed", 1.0, review.ACHIEVED),
        ("committed", 0.99, review.ACCEPTABLE),
        ("committed", 0.8, review.ACCEPTABLE),
        ("committed", 0.799, review.ACCEPTABLE),  # shown as 0.80, judged as shown
        ("committed", 0.79, review.MISSED),
        ("committed", 0.0, review.MISSED),
        ("aspirational", 1.0, review.NOT_AMBITIOUS),
        ("aspirational", 0.99, review.ABOVE_SWEET_SPOT),
        ("aspirational", 0.71, review.ABOVE_SWEET_SPOT),
        ("aspirational", 0.7, review.SWEET_SPOT),
        ("aspirational", 0.65, review.SWEET_SPOT),
        ("aspirational", 0.6, review.SWEET_SPOT),
        ("aspirational", 0.59, review.BELOW_SWEET_SPOT),
        ("aspirational", 0.4, review.BELOW_SWEET_SPOT),
        ("aspirational", 0.39, review.TOO_AMBITIOUS),
        ("aspirational", 0.0, review.TOO_AMBITIOUS),
    ],
)
def test_verdict_band_edges(kind: str, score: float, verdict: str) -> None:
    assert review.verdict(_objective(kind, score), Settings()) == verdict


def test_verdict_bands_are_configurable() -> None:
    settings = Settings.model_validate(
        {
            "verdicts": {
                "committed_acceptable": 0.9,
                "aspirational_sweet_spot": [0.5, 0.8],
                "aspirational_floor": 0.3,
            }
        }
    )
    assert review.verdict(_objective("committed", 0.85), settings) == review.MISSED
    assert review.verdict(_objective("aspirational", 0.78), settings) == review.SWEET_SPOT
    assert review.verdict(_objective("aspirational", 0.35), settings) == review.BELOW_SWEET_SPOT


def test_a_set_is_graded_when_its_cycle_ended_or_every_kr_is_scored() -> None:
    unscored = organisation(_team(["2024-01-05"])).sets[0]
    assert not review.is_graded(unscored, dt.date(2024, 2, 1))
    assert review.is_graded(unscored, dt.date(2024, 4, 1))
    scored = organisation(
        {
            "cycle": "2024-Q1",
            "owner": "company",
            "level": "company",
            "objectives": [
                {"title": "O", "key_results": [{"title": "KR", "target": 1, "score": 0.5}]}
            ],
        }
    ).sets[0]
    assert review.is_graded(scored, dt.date(2024, 2, 1))


# --- histogram ---------------------------------------------------------------------------------


def test_histogram_counts_objective_scores_per_level() -> None:
    def scored(owner: str, level: str, scores: list[float]) -> dict[str, Any]:
        return {
            "cycle": "2024-Q1",
            "owner": owner,
            "level": level,
            **({"parent": "company"} if level != "company" else {}),
            "objectives": [
                {
                    "title": f"O{i}",
                    "aligns": "company/O1",
                    "key_results": [{"title": "KR", "target": 1, "score": s}],
                }
                if level != "company"
                else {"title": f"O{i}", "key_results": [{"title": "KR", "target": 1, "score": s}]}
                for i, s in enumerate(scores)
            ],
        }

    result = organisation(
        scored("company", "company", [0.0, 1.0]),
        scored("brand", "team", [0.1, 0.19, 0.7, 0.699]),
        scored("ann", "individual", [0.95, 0.999]),
    )
    counts = review.histogram(result.sets)
    assert counts["company"] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    # 0.699 is shown as 0.70 and falls in the 0.7 bin, like 0.7; 0.19 in the 0.1 bin.
    assert counts["team"] == [0, 2, 0, 0, 0, 0, 0, 2, 0, 0]
    # 0.999 is shown as 1.00: the last bin holds 0.9 up to 1.0 inclusive.
    assert counts["individual"] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 2]


# --- this week ---------------------------------------------------------------------------------


def this_week(organisation: Organisation, today: dt.date) -> list[review.TeamWeek]:
    """The weekly meeting as the site groups it: per team, the 7 days ending `today`."""
    return [
        review.team_week(group, today, organisation.settings)
        for group in review.week_groups(organisation, today)
    ]


def test_this_week_lists_changes_silence_and_lagging() -> None:
    company = {
        "cycle": "2024-Q1",
        "owner": "company",
        "level": "company",
        "objectives": [{"title": "Grow", "key_results": [{"title": "Revenue", "target": 100}]}],
    }
    team = {
        "cycle": "2024-Q1",
        "owner": "brand",
        "level": "team",
        "parent": "company",
        "objectives": [
            {
                "title": "Reach",
                "aligns": "company/O1",
                "key_results": [
                    {
                        "title": "Followers",
                        "target": 10000,
                        "checkins": [
                            {"date": dt.date(2024, 2, 2), "value": 3000},
                            {"date": dt.date(2024, 2, 9), "value": 4500},
                        ],
                    },
                    {"title": "SOP", "done": False},
                ],
            }
        ],
    }
    member = {
        "cycle": "2024-Q1",
        "owner": "ann",
        "level": "individual",
        "parent": "brand",
        "objectives": [
            {
                "title": "Posts",
                "aligns": "brand/O1/KR1",
                "key_results": [
                    {
                        "title": "Videos",
                        "target": 20,
                        "checkins": [{"date": dt.date(2024, 1, 26), "value": 12}],
                    }
                ],
            }
        ],
    }
    weeks = this_week(organisation(company, team, member), dt.date(2024, 2, 10))
    by_team = {w.team.owner if w.team else None: w for w in weeks}
    assert list(by_team) == ["company", "brand"]  # the company first, then each team

    brand = by_team["brand"]
    assert [s.owner for s in brand.sets] == ["brand", "ann"]
    (moved,) = brand.moved
    assert (moved.key_result.title, moved.before, moved.now) == ("Followers", 3000, 4500)
    assert (moved.progress_before, moved.progress_now) == (pytest.approx(0.3), pytest.approx(0.45))
    assert [s.owner for s in brand.silent] == ["ann"]
    # expected on Feb 10: 41/91 = 0.45. Followers 0.45 on track; SOP 0 at risk; Videos 0.6 on track.
    assert [(kr.title, pace) for _s, _o, kr, pace in brand.lagging] == [("SOP", rhythm.AT_RISK)]

    assert by_team["company"].silent == [by_team["company"].sets[0]]
    assert by_team["company"].moved == []


def test_nothing_runs_outside_the_cycle() -> None:
    assert this_week(organisation(_team(["2024-01-05"])), dt.date(2024, 5, 1)) == []


# --- calibration across cycles --------------------------------------------------------------


def _graded(cycle: str, kind: str, score: float) -> dict[str, Any]:
    return {
        "cycle": cycle,
        "owner": "company",
        "level": "company",
        "objectives": [
            {
                "title": "O",
                "type": kind,
                "key_results": [{"title": "KR", "target": 1, "score": score}],
            }
        ],
    }


@pytest.mark.parametrize(
    ("kind", "scores", "flags"),
    [
        ("aspirational", [1.0, 1.0], ["too-easy"]),
        ("aspirational", [1.0, 0.7], []),
        ("aspirational", [0.7, 1.0], []),
        ("committed", [0.5, 0.6], ["keeps-missing"]),
        ("committed", [0.5, 1.0], []),
        ("aspirational", [1.0], []),  # one cycle is not a pattern
    ],
)
def test_calibration_flags(kind: str, scores: list[float], flags: list[str]) -> None:
    cycles = ["2023-Q3", "2023-Q4"][-len(scores) :]
    result = organisation(*[_graded(c, kind, s) for c, s in zip(cycles, scores, strict=True)])
    (entry,) = review.calibration(result, dt.date(2024, 6, 1))
    assert [s.cycle.id for s in entry.history] == cycles
    assert entry.flags == flags


def test_review_highlights_what_to_discuss_first() -> None:
    def graded(owner: str, kind: str, score: float) -> dict[str, Any]:
        return {**_graded("2023-Q4", kind, score), "owner": owner}

    result = organisation(
        graded("company", "committed", 0.3),  # missed, and under the floor
        {**graded("sales", "committed", 0.85), "level": "team", "parent": "company"},
        {**graded("brand", "aspirational", 1.0), "level": "team", "parent": "company"},
        {**graded("ads", "aspirational", 0.35), "level": "team", "parent": "company"},
    )
    judged = review.judged_objectives(result.sets, dt.date(2024, 6, 1), Settings())
    found = review.highlights(judged, Settings())
    assert [j.okr_set.owner for j in found.missed] == ["company"]
    assert [j.okr_set.owner for j in found.full_marks] == ["brand"]
    assert sorted(j.okr_set.owner for j in found.under_floor) == ["ads", "company"]


def test_cycle_figures_before_during_and_after() -> None:
    company = {
        "cycle": "2024-Q1",
        "owner": "company",
        "level": "company",
        "objectives": [
            {
                "title": "O",
                "key_results": [
                    {"title": "ahead", "target": 100, "current": 90},  # 0.9
                    {"title": "behind", "target": 100, "current": 20},  # 0.2
                    {"title": "gone", "target": 100, "status": "dropped", "reason": "r"},
                ],
            }
        ],
    }
    (okr_set,) = organisation(company).sets
    figures = review.cycle_figures([okr_set], Q1, dt.date(2024, 2, 15), Settings())  # 46/91 elapsed
    assert (figures.sets, figures.objectives, figures.key_results) == (1, 1, 2)
    assert figures.average == pytest.approx(0.55)
    assert figures.on_track == 1  # 0.9 is on track, 0.2 trails 0.51 by more than 0.1
    assert (
        review.cycle_figures([okr_set], Q1, dt.date(2024, 5, 1), Settings()).on_track == 1
    )  # 0.9 green
    assert review.cycle_figures([okr_set], Q1, dt.date(2023, 12, 1), Settings()).on_track is None


def test_a_key_result_graded_in_a_running_cycle_counts_by_its_grade() -> None:
    # Progress 0.2 trails the expected 0.51 (behind), but the owner graded it 0.8 (green):
    # once graded, the grade is what the home's "on track" figure counts, as on the set page.
    company = {
        "cycle": "2024-Q1",
        "owner": "company",
        "level": "company",
        "objectives": [
            {
                "title": "O",
                "key_results": [
                    {"title": "graded", "target": 100, "current": 20, "score": 0.8},
                    {"title": "ungraded", "target": 100, "current": 20},
                ],
            }
        ],
    }
    (okr_set,) = organisation(company).sets
    figures = review.cycle_figures([okr_set], Q1, dt.date(2024, 2, 15), Settings())
    assert figures.on_track == 1
