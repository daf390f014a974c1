"""Scoring, exactly as docs/format.md states it; every expected number is worked out by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mkdocs_okr.core import Organisation, Settings, analyse
from mkdocs_okr.core.model import KeyResult, Objective, OkrSet, weighted_mean
from mkdocs_okr.okrfolder import read_folder
from tests.core.okrfiles import write_set


def load(folder: Path) -> Organisation:
    organisation = analyse(read_folder(folder), Settings())
    errors = [d for d in organisation.diagnostics if d.severity.value == "error"]
    assert errors == [], errors  # the fixtures are meant to be valid files
    return organisation


def company(*objectives: dict[str, Any]) -> dict[str, Any]:
    return {"cycle": "2024", "owner": "company", "level": "company", "objectives": list(objectives)}


def objective(*key_results: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"title": "目标", **more, "key_results": list(key_results)}


def one_kr(folder: Path, **kr: Any) -> KeyResult:
    """Load a company set holding a single key result and return that key result."""
    write_set(folder, "company.md", company(objective({"title": "关键结果", **kr})))
    (okr_set,) = load(folder).sets
    return okr_set.objectives[0].key_results[0]


# --- numeric key results -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "target", "current", "expected"),
    [
        (0, 10000, 6000, 0.6),  # the article: 6,000 of 10,000 followers = 60 %
        (100, 200, 125, 0.25),
        (20, 5, 11, 0.6),  # decreasing metric: (11 - 20) / (5 - 20) = 0.6
        (0.5, 0.1, 0.4, 0.25),  # decreasing, fractions: (0.4 - 0.5) / (0.1 - 0.5)
        (0, 100, 150, 1.0),  # overshoot clamps to 1
        (0, 100, -20, 0.0),  # undershoot clamps to 0
        (20, 5, 2, 1.0),  # decreasing overshoot
        (20, 5, 25, 0.0),  # decreasing, went the wrong way
        (0, 100, 100, 1.0),
        (0, 100, 0, 0.0),
        (-10, 10, 0, 0.5),  # negative start
    ],
)
def test_numeric_progress(
    tmp_path: Path, start: float, target: float, current: float, expected: float
) -> None:
    kr = one_kr(tmp_path, start=start, target=target, current=current)
    assert kr.kind == "numeric"
    assert kr.progress == pytest.approx(expected)
    assert kr.score == pytest.approx(expected)


def test_start_defaults_to_zero(tmp_path: Path) -> None:
    kr = one_kr(tmp_path, target=40, current=10)
    assert kr.start == 0
    assert kr.progress == pytest.approx(0.25)


def test_current_defaults_to_latest_checkin(tmp_path: Path) -> None:
    kr = one_kr(
        tmp_path,
        start=0,
        target=10000,
        checkins=[
            {"date": "2024-01-05", "value": 1200, "note": "两条视频爆了"},
            {"date": "2024-01-12", "value": 3000},
        ],
    )
    assert kr.current == 3000
    assert kr.progress == pytest.approx(0.3)
    assert kr.last_checkin is not None and kr.last_checkin.isoformat() == "2024-01-12"


def test_current_defaults_to_start_without_checkins(tmp_path: Path) -> None:
    kr = one_kr(tmp_path, start=40, target=140)
    assert kr.current == 40
    assert kr.progress == 0.0


def test_written_current_wins_over_checkins(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(
            objective(
                {
                    "title": "粉丝",
                    "target": 10,
                    "current": 0,  # zero is a value, not "missing"
                    "checkins": [{"date": "2024-01-05", "value": 5}],
                }
            )
        ),
    )
    organisation = analyse(read_folder(tmp_path), Settings())
    assert [d.code for d in organisation.diagnostics] == ["current-mismatch"]
    kr = organisation.sets[0].objectives[0].key_results[0]
    assert kr.current == 0
    assert kr.progress == 0.0


# --- milestones, unmeasured key results, manual scores ------------------------------------


@pytest.mark.parametrize(("done", "expected"), [(True, 1.0), (False, 0.0)])
def test_milestone(tmp_path: Path, done: bool, expected: float) -> None:
    kr = one_kr(tmp_path, done=done)
    assert kr.kind == "milestone"
    assert kr.done is done
    assert kr.progress == expected
    assert kr.score == expected


def test_milestone_follows_its_latest_checkin(tmp_path: Path) -> None:
    kr = one_kr(
        tmp_path,
        done=False,
        checkins=[{"date": "2024-02-01", "value": False}, {"date": "2024-03-01", "value": True}],
    )
    assert kr.done is True
    assert kr.progress == 1.0


def test_key_result_without_target_or_done_counts_zero(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(objective({"title": "写一份总结"}, {"title": "粉丝", "target": 10, "current": 10})),
    )
    organisation = analyse(read_folder(tmp_path), Settings())
    assert [d.code for d in organisation.diagnostics] == ["not-measurable"]
    unmeasured, numeric = organisation.sets[0].objectives[0].key_results
    assert unmeasured.kind == "unmeasured"
    assert unmeasured.progress == 0.0
    assert unmeasured.score == 0.0
    assert numeric.progress == 1.0
    assert organisation.sets[0].objectives[0].score == pytest.approx(0.5)  # (0 + 1) / 2


def test_manual_score_overrides_score_not_progress(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(
            objective(
                {"title": "粉丝", "target": 10000, "current": 6000, "score": 0.9, "weight": 50},
                {"title": "互动率", "target": 2, "current": 1, "weight": 50},
            )
        ),
    )
    (okr_set,) = load(tmp_path).sets
    followers, engagement = okr_set.objectives[0].key_results
    assert followers.progress == pytest.approx(0.6)
    assert followers.score == pytest.approx(0.9)
    assert engagement.score == pytest.approx(0.5)
    goal = okr_set.objectives[0]
    assert goal.progress == pytest.approx(0.55)  # (0.6 * 50 + 0.5 * 50) / 100
    assert goal.score == pytest.approx(0.7)  # (0.9 * 50 + 0.5 * 50) / 100
    assert okr_set.progress == pytest.approx(0.55)
    assert okr_set.score == pytest.approx(0.7)


def test_manual_score_of_zero_is_a_score(tmp_path: Path) -> None:
    kr = one_kr(tmp_path, target=10, current=10, score=0)
    assert kr.progress == 1.0
    assert kr.score == 0.0


# --- objectives and sets ----------------------------------------------------------------


def test_objective_is_the_weighted_mean_of_its_key_results(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(
            objective(
                {"title": "GMV", "target": 100, "current": 100, "weight": 50},  # 1.0
                {"title": "评分", "start": 4, "target": 5, "current": 4.5, "weight": 30},  # 0.5
                {"title": "SOP", "done": False, "weight": 20},  # 0.0
            )
        ),
    )
    goal = load(tmp_path).sets[0].objectives[0]
    assert goal.score == pytest.approx(0.65)  # (50 + 15 + 0) / 100
    assert goal.progress == pytest.approx(0.65)


def test_weights_are_relative(tmp_path: Path) -> None:
    # Weights 1 and 3 weigh like 25 and 75.
    write_set(
        tmp_path,
        "company.md",
        company(
            objective(
                {"title": "a", "target": 10, "current": 10, "weight": 1},
                {"title": "b", "target": 10, "current": 2, "weight": 3},
            )
        ),
    )
    organisation = analyse(read_folder(tmp_path), Settings())
    assert organisation.sets[0].objectives[0].score == pytest.approx(0.4)  # (1 + 0.6) / 4


def test_unweighted_key_results_weigh_one_each(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(
            objective(
                {"title": "a", "target": 4, "current": 1},
                {"title": "b", "target": 4, "current": 2},
                {"title": "c", "target": 4, "current": 4},
            )
        ),
    )
    goal = load(tmp_path).sets[0].objectives[0]
    assert goal.score == pytest.approx(7 / 12)  # (0.25 + 0.5 + 1) / 3


def test_dropped_key_result_leaves_the_score(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(
            objective(
                {"title": "a", "target": 10, "current": 5, "weight": 60},
                {
                    "title": "b",
                    "target": 10,
                    "current": 10,
                    "weight": 40,
                    "status": "dropped",
                    "reason": "平台政策变化",
                },
            )
        ),
    )
    organisation = analyse(read_folder(tmp_path), Settings())
    goal = organisation.sets[0].objectives[0]
    assert goal.score == pytest.approx(0.5)  # only KR a counts
    assert goal.progress == pytest.approx(0.5)
    assert [kr.id for kr in goal.key_results] == ["KR1", "KR2"]  # still shown
    assert goal.key_results[1].dropped
    assert goal.key_results[1].reason == "平台政策变化"


def test_all_dropped_objective_has_no_score_and_leaves_the_set(tmp_path: Path) -> None:
    dropped = {"status": "dropped", "reason": "不再做"}
    write_set(
        tmp_path,
        "company.md",
        company(
            objective({"title": "a", "target": 10, "current": 5}, weight=2),  # 0.5
            objective({"title": "b", "target": 10, "current": 8}, weight=1),  # 0.8
            objective({"title": "c", "target": 10, "current": 10, **dropped}, weight=5),
        ),
    )
    okr_set = load(tmp_path).sets[0]
    first, second, gone = okr_set.objectives
    assert gone.score is None
    assert gone.progress is None
    assert first.score == pytest.approx(0.5)
    assert second.score == pytest.approx(0.8)
    assert okr_set.score == pytest.approx(0.6)  # (0.5 * 2 + 0.8 * 1) / 3; O3's weight unused
    assert okr_set.progress == pytest.approx(0.6)


def test_set_of_only_dropped_objectives_has_no_score(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(objective({"title": "a", "target": 10, "status": "dropped", "reason": "r"})),
    )
    okr_set = load(tmp_path).sets[0]
    assert okr_set.score is None
    assert okr_set.progress is None


def test_set_is_the_weighted_mean_of_objectives(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(
            objective({"title": "a", "target": 10, "current": 9}, weight=3),  # 0.9
            objective({"title": "b", "done": False}, weight=1),  # 0.0
            objective({"title": "c", "target": 10, "current": 6, "score": 0.2}),  # 0.2, weight 1
        ),
    )
    okr_set = load(tmp_path).sets[0]
    assert okr_set.score == pytest.approx(0.58)  # (2.7 + 0 + 0.2) / 5
    assert okr_set.progress == pytest.approx(0.66)  # (2.7 + 0 + 0.6) / 5


def test_equal_objective_weights_give_the_plain_mean(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        company(
            objective({"title": "a", "target": 10, "current": 2}),
            objective({"title": "b", "target": 10, "current": 6}),
        ),
    )
    assert load(tmp_path).sets[0].score == pytest.approx(0.4)


# --- the model used directly --------------------------------------------------------------


def make_kr(**changes: Any) -> KeyResult:
    values: dict[str, Any] = {
        "id": "KR1",
        "title": "t",
        "kind": "numeric",
        "start": 0.0,
        "target": 10.0,
        "unit": None,
        "weight": 1.0,
        "weight_given": False,
        "checkins": [],
        "current_given": None,
        "score_given": None,
        "dropped": False,
        "reason": None,
        "done_given": None,
        "tags": [],
        "position": (1, 1),
    }
    values.update(changes)
    return KeyResult(**values)


def make_objective(*key_results: KeyResult, weight: float = 1.0) -> Objective:
    return Objective("O1", "o", "aspirational", weight, [], [], list(key_results), (1, 1))


def test_model_objects_score_without_loading() -> None:
    objective_a = make_objective(
        make_kr(current_given=2.5, weight=1),  # 0.25
        make_kr(kind="milestone", target=None, done_given=True, weight=3),  # 1.0
    )
    objective_b = make_objective(make_kr(current_given=5.0, score_given=0.1), weight=3)
    assert objective_a.score == pytest.approx(0.8125)  # (0.25 + 3) / 4
    assert objective_b.progress == pytest.approx(0.5)
    assert objective_b.score == pytest.approx(0.1)
    year = Settings().calendar().get("2024")
    assert year is not None
    okr_set = OkrSet(
        "c.md", year, "c", "c", "company", None, [objective_a, objective_b], [], "", 1, {}
    )
    assert okr_set.score == pytest.approx((0.8125 + 0.3) / 4)
    assert okr_set.progress == pytest.approx((0.8125 + 1.5) / 4)


def test_weighted_mean_of_nothing_is_none() -> None:
    assert weighted_mean([]) is None
    assert weighted_mean([(0.5, 2.0), (1.0, 2.0)]) == pytest.approx(0.75)
