"""`okr export` of the example organisation gives the scores computed here by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_okr.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "okrs"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("export") / "okrs.json"
    assert (
        main(
            ["export", str(EXAMPLE), "--config", str(EXAMPLE.parent / "mkdocs.yml"), "-o", str(out)]
        )
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    refs: dict[str, dict] = {}
    for okr_set in data["sets"]:
        refs[okr_set["ref"]] = okr_set
        for objective in okr_set["objectives"]:
            refs[objective["ref"]] = objective
            for kr in objective["key_results"]:
                refs[kr["ref"]] = kr
    return refs


def test_social_media_q4_from_its_checkins(exported: dict[str, dict]) -> None:
    ref = "2026-Q4/social-media"
    # O1 (weight 70): KR1 0 -> 7600 of 10000 = 0.76 (weight 40); KR2 1.2 -> 1.78 of 2
    # = 0.58 / 0.8 = 0.725 (30); KR3 300 -> 500 of 600 = 200 / 300 = 0.6667 (30); KR4 dropped.
    kr1, kr2, kr3 = 0.76, 0.58 / 0.8, 200 / 300
    o1 = (kr1 * 40 + kr2 * 30 + kr3 * 30) / 100  # 0.7215
    # O2 (weight 30): KR1 a milestone, done = 1; KR2 0 -> 1 of 2 = 0.5; equal weights.
    o2 = (1.0 + 0.5) / 2
    assert exported[f"{ref}/O1/KR1"]["score"] == pytest.approx(kr1, abs=1e-4)
    assert exported[f"{ref}/O1/KR2"]["score"] == pytest.approx(kr2, abs=1e-4)
    assert exported[f"{ref}/O1/KR3"]["score"] == pytest.approx(kr3, abs=1e-4)
    assert exported[f"{ref}/O1/KR4"]["dropped"] is True
    assert exported[f"{ref}/O1"]["score"] == pytest.approx(o1, abs=1e-4)
    assert exported[f"{ref}/O2"]["score"] == pytest.approx(o2, abs=1e-4)
    assert exported[ref]["score"] == pytest.approx((o1 * 70 + o2 * 30) / 100, abs=1e-4)


def test_finance_q3_from_its_final_scores(exported: dict[str, dict]) -> None:
    ref = "2026-Q3/finance"
    # Final scores override progress: O1 (committed, weight 60) = 0.4*50 + 0.7*30 + 1*20 over
    # 100 = 0.61, missed; O2 (aspirational, weight 40) = 0.7.
    o1 = (0.4 * 50 + 0.7 * 30 + 1.0 * 20) / 100
    assert exported[f"{ref}/O1"]["score"] == pytest.approx(o1, abs=1e-4)
    assert exported[f"{ref}/O1/KR1"]["progress"] == 1  # done, though scored 0.4 by hand
    assert exported[f"{ref}/O2"]["score"] == pytest.approx(0.7, abs=1e-4)
    assert exported[ref]["score"] == pytest.approx((o1 * 60 + 0.7 * 40) / 100, abs=1e-4)


def test_alignment_of_the_example_both_ways(exported: dict[str, dict]) -> None:
    assert exported["2026-Q4/social-media/O1"]["aligns"] == ["2026-Q4/brand/O1/KR2"]
    assert "2026-Q4/social-media/O1" in exported["2026-Q4/brand/O1/KR2"]["supported_by"]
    # A quarter's team aligns to the company's objective of the year (no cycle written).
    brand_targets = [t for o in exported["2026-Q4/brand"]["objectives"] for t in o["aligns"]]
    assert any(t.startswith("2026/company/") for t in brand_targets)


def test_social_media_november_from_its_checkins(exported: dict[str, dict]) -> None:
    ref = "2026-11/social-media"
    # O1 (weight 70): KR1 0 -> 3000 of 3500 (weight 60); KR2 8000 -> 16800 of 20000
    # = 8800 / 12000 (weight 40). O2 (weight 30): one KR, 0 -> 7 of 10.
    kr1, kr2 = 3000 / 3500, 8800 / 12000
    o1 = (kr1 * 60 + kr2 * 40) / 100  # 0.8076
    o2 = 0.7
    assert exported[f"{ref}/O1/KR1"]["score"] == pytest.approx(kr1, abs=1e-4)
    assert exported[f"{ref}/O1/KR2"]["score"] == pytest.approx(kr2, abs=1e-4)
    assert exported[f"{ref}/O1"]["score"] == pytest.approx(o1, abs=1e-4)
    assert exported[f"{ref}/O2"]["score"] == pytest.approx(o2, abs=1e-4)
    assert exported[ref]["score"] == pytest.approx((o1 * 70 + o2 * 30) / 100, abs=1e-4)


def test_video_editor_november_with_a_falling_metric(exported: dict[str, dict]) -> None:
    ref = "2026-11/video-editor"
    # O2/KR2 measures a time that should fall: 4 -> 2.6 hours of 4 -> 2 = 1.4 / 2 = 0.7.
    # O2 (weight 40): the milestone KR1 is not done yet (0), equal weights; O1 (weight 60):
    # KR1 24 of 24 = 1 (weight 60), KR2 35 -> 41 of 45 = 0.6 (weight 40).
    o1 = (1.0 * 60 + 0.6 * 40) / 100
    o2 = (0.0 + 0.7) / 2
    assert exported[f"{ref}/O2/KR2"]["score"] == pytest.approx(0.7, abs=1e-4)
    assert exported[f"{ref}/O1"]["score"] == pytest.approx(o1, abs=1e-4)
    assert exported[f"{ref}/O2"]["score"] == pytest.approx(o2, abs=1e-4)
    assert exported[ref]["score"] == pytest.approx((o1 * 60 + o2 * 40) / 100, abs=1e-4)


def test_a_month_aligns_to_the_quarter_around_it(exported: dict[str, dict]) -> None:
    # Without a cycle, `brand/O1/KR2` resolves in the smallest enclosing cycle that has a
    # brand set: the quarter. A person's month may also serve the same person's quarter.
    assert exported["2026-11/social-media/O1"]["aligns"] == [
        "2026-Q4/social-media/O1/KR1",
        "2026-Q4/brand/O1/KR2",
    ]
    assert exported["2026-11/video-editor/O1"]["aligns"] == ["2026-Q4/brand/O1/KR2"]
    assert {"2026-11/social-media/O1", "2026-11/video-editor/O1"} <= set(
        exported["2026-Q4/brand/O1/KR2"]["supported_by"]
    )
    assert exported["2026-Q4/social-media/O1/KR1"]["supported_by"] == ["2026-11/social-media/O1"]
    # Across, to a collaborator at the same level: the influencer's quarter objective.
    assert exported["2026-11/social-media/O2"]["aligns"] == ["2026-Q4/influencer/O2"]
