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
