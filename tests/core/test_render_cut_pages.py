"""Long pages cut into several (render/site.py's limits patched down on the example): every set
is still shown, once, on the pages of its list; the week's index counts each team's week."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from mkdocs_okr.core import Settings, analyse
from mkdocs_okr.core.organisation import Organisation
from mkdocs_okr.okrfolder import read_folder
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render import site as site_pages

EXAMPLE = Path(__file__).resolve().parents[2] / "okrs"
TODAY = dt.date(2026, 11, 20)  # the example's quarter and month run


@pytest.fixture(scope="module")
def organisation() -> Organisation:
    return analyse(read_folder(EXAMPLE), Settings())


def _pages(organisation: Organisation, monkeypatch: pytest.MonkeyPatch, **limits: int) -> dict:
    for name, value in limits.items():
        monkeypatch.setattr(site_pages, name, value)
    pages = render_pages(organisation, RenderOptions(today=TODAY))
    return {page.path: page for page in pages}


def _set_links(markdown: str) -> list[str]:
    """The owners of the set rows' links of a cycle page (`href="<owner>/"` or `../<owner>/`)."""
    return re.findall(r'<td><a href="(?:\.\./)?([a-z][a-z0-9-]*)/"', markdown)


def test_a_cycles_sets_fill_its_pages_once_each(
    organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(organisation, monkeypatch, CYCLE_ROWS=2)
    owners = sorted(s.owner for s in organisation.sets_in("2026-Q4"))
    listed = _set_links(pages["okr/2026-Q4/index.md"].markdown)
    number = 2
    while f"okr/2026-Q4/{number}/index.md" in pages:
        page = pages[f"okr/2026-Q4/{number}/index.md"]
        assert not page.in_nav and page.title.endswith(f"({number}/{(len(owners) + 1) // 2})")
        listed += _set_links(page.markdown)
        number += 1
    assert number - 1 == (len(owners) + 1) // 2
    assert sorted(listed) == owners
    # Each page links to the others: the first to page 2, page 2 back to the first.
    assert 'href="2/"' in pages["okr/2026-Q4/index.md"].markdown
    assert 'href="../"' in pages["okr/2026-Q4/2/index.md"].markdown


def test_the_weeks_index_counts_each_teams_week(
    organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _pages(organisation, monkeypatch)["okr/week/index.md"].markdown
    pages = _pages(organisation, monkeypatch, WEEK_SETS=3)
    index = pages["okr/week/index.md"].markdown
    teams = {
        path: page
        for path, page in pages.items()
        if path.startswith("okr/week/") and path != "okr/week/index.md"
    }
    assert "okr/week/2026-Q4/brand/index.md" in teams
    assert "okr/week/2026-Q4/brand/2/index.md" in teams  # more than 3 sets: in parts
    for path, page in teams.items():
        assert f'href="{path[len("okr/week/") : -len("index.md")]}"' in index
        assert 'href="../../"' in page.markdown or 'href="../../../"' in page.markdown
    # The week's sections are the same, cut into the teams' pages.
    sections = re.findall(r'<section class="okr-week__team".*?</section>', whole, re.S)
    cut = [re.findall(r'<tr class="okr-moved"', page.markdown) for page in teams.values()]
    assert sum(len(moved) for moved in cut) == whole.count('<tr class="okr-moved"') > 0
    assert len(sections) == 4  # company, brand, finance, sales
    # The brand team's row: its 5 sets in two parts (3 + 2), each part's counts.
    rows = re.findall(r"<tr><td><a href=\"2026-Q4/brand/(?:2/)?\">.*?</tr>", index)
    assert [re.findall(r"<td>(\d+)</td>", row)[0] for row in rows] == ["3", "2"]
    # Each column says what it counts: sets, or key results.
    header = re.search(r"<thead>.*?</thead>", index, re.S)
    assert header is not None
    assert re.findall(r"<th>(.*?)</th>", header[0]) == [
        "Team",
        "OKR sets",
        "Key results moved this week",
        "OKR sets without a check-in this week",
        "Key results behind or at risk",
    ]


def test_the_years_tree_shows_its_own_sets_and_links_to_the_quarters(
    organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages(organisation, monkeypatch)
    year = pages["okr/2026/tree/index.md"].markdown
    assert "品牌推广团队" not in year  # a quarter's team is in the quarter's tree
    assert "品牌推广团队" in pages["okr/2026-Q4/tree/index.md"].markdown
    for quarter in ("2026-Q2", "2026-Q3", "2026-Q4", "2026-11"):
        assert f'href="../../{quarter}/tree/"' in year


def test_a_long_tree_links_each_top_objective_to_its_subtree(
    organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _pages(organisation, monkeypatch)["okr/2026-Q4/tree/index.md"].markdown
    pages = _pages(organisation, monkeypatch, TREE_OBJECTIVES=4)
    index = pages["okr/2026-Q4/tree/index.md"].markdown
    subtrees = {p: page for p, page in pages.items() if p.startswith("okr/2026-Q4/tree/20")}
    assert "okr/2026-Q4/tree/2026/company/O1/index.md" in subtrees
    assert 'href="2026/company/O1/"' in index
    # Every objective of the whole tree is drawn on one of its pages.
    items = re.compile(
        r'<div class="okr-tree__item[^"]*">\n<a href="[^"]*#([^"]+)"><span class="okr-tree__owner">([^<]+)<'
    )
    drawn = set(items.findall(index)) | {
        i for page in subtrees.values() for i in items.findall(page.markdown)
    }
    assert set(items.findall(whole)) == drawn
    assert len(drawn) > 10
