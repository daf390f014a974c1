"""No generated page grows with the company: the pages that gather sets are cut at their limits
(render/site.py: WEEK_SETS, CYCLE_ROWS, REVIEW_SETS, CALIBRATION_OWNERS, TREE_OBJECTIVES).

A real company's pages are measured by `bench/`; here a generated organisation of a few hundred
sets with the limits patched down about tenfold must keep every page under a tenth of a
megabyte and a half, where one uncut page of each kind is larger."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from mkdocs_okr.core import Settings, analyse
from mkdocs_okr.core.organisation import Organisation
from mkdocs_okr.okrfolder import read_folder
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render import site as site_pages

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402

SETS = 300
PAGE_BYTES = 150 * 1024
LOW_LIMITS = {
    "WEEK_SETS": 8,
    "CYCLE_ROWS": 100,
    "REVIEW_SETS": 100,
    "CALIBRATION_OWNERS": 100,
    "TREE_OBJECTIVES": 60,
}
RUNNING = dt.date(2024, 2, 20)  # the quarter runs: everyone's week
ENDED = dt.date(2024, 5, 1)  # the quarter ended: its review and the calibration


@pytest.fixture(scope="module")
def organisation(tmp_path_factory: pytest.TempPathFactory) -> Organisation:
    folder = tmp_path_factory.mktemp("generated") / "okrs"
    generate(folder, SETS, seed=1)
    return analyse(read_folder(folder), Settings())


def _sizes(organisation: Organisation, today: dt.date) -> dict[str, int]:
    pages = render_pages(organisation, RenderOptions(today=today, language="zh"))
    return {page.path: len(page.markdown.encode("utf-8")) for page in pages}


@pytest.mark.parametrize("today", [RUNNING, ENDED], ids=["running", "ended"])
def test_no_page_outgrows_the_limits(
    organisation: Organisation, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in LOW_LIMITS.items():
        monkeypatch.setattr(site_pages, name, value)
    sizes = _sizes(organisation, today)
    too_big = {path: size for path, size in sizes.items() if size > PAGE_BYTES}
    assert too_big == {}
    cut = [
        "okr/2024-Q1/2/index.md",
        "okr/2024-Q1/tree/2024/company/O1/index.md",
        *(["okr/week/index.md"] if today == RUNNING else []),
        *(
            ["okr/2024-Q1/review/2/index.md", "okr/calibration/2/index.md"]
            if today == ENDED
            else []
        ),
    ]
    assert set(cut) <= set(sizes)


def test_uncut_the_same_pages_are_too_big(
    organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The control: with no limits, each page that the limits cut above is over PAGE_BYTES
    (so the test above measures something)."""
    for name in LOW_LIMITS:
        monkeypatch.setattr(site_pages, name, 10**9)
    running, ended = _sizes(organisation, RUNNING), _sizes(organisation, ENDED)
    assert running["okr/week/index.md"] > PAGE_BYTES
    assert running["okr/2024-Q1/tree/index.md"] > PAGE_BYTES
    assert running["okr/2024-Q1/index.md"] > PAGE_BYTES
    assert ended["okr/2024-Q1/review/index.md"] > PAGE_BYTES
    assert ended["okr/calibration/index.md"] > PAGE_BYTES
