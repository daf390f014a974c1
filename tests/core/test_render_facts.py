"""What the pages show, prepared as facts (render/facts.py) and laid out by the templates.

Facts are plain values, tested without Jinja; the templates' escaping is tested on the page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from mkdocs_okr.core.diagnostics import make
from mkdocs_okr.core.messages import text
from mkdocs_okr.core.organisation import Organisation, analyse
from mkdocs_okr.core.settings import Grading, Settings
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render.facts import colour
from mkdocs_okr.render.memo import Remember
from mkdocs_okr.render.site import SitePages

TODAY = dt.date(2024, 2, 16)


def _file(front: dict[str, Any]) -> bytes:
    return ("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n").encode()


def _organisation(kr_score: float = 0.5) -> Organisation:
    company = {
        "cycle": "2024-Q1",
        "owner": "company",
        "name": "Company",
        "level": "company",
        "objectives": [
            {
                "id": "O1",
                "title": "Grow",
                "key_results": [
                    {
                        "id": "KR1",
                        "title": "Followers",
                        "start": 0,
                        "target": 100,
                        "score": kr_score,
                    }
                ],
            }
        ],
    }
    team = {
        "cycle": "2024-Q1",
        "owner": "ads",
        "name": "Ads",
        "level": "team",
        "parent": "company",
        "objectives": [
            {
                "id": "O1",
                "title": "Reach",
                "aligns": "company/O1/KR1",
                "key_results": [
                    {
                        "id": "KR1",
                        "title": "Clicks",
                        "start": 0,
                        "target": 1000,
                        "unit": "clicks",
                        "checkins": [
                            {"date": dt.date(2024, 1, 12), "value": 200},
                            {
                                "date": dt.date(2024, 2, 9),
                                "value": 500,
                                "status": "at-risk",
                                "note": "campaign",
                            },
                        ],
                    }
                ],
            }
        ],
    }
    files = [("2024-Q1/ads.md", _file(team)), ("2024-Q1/company.md", _file(company))]
    return analyse(files, Settings())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.7, "green"),  # exactly at the edge: the upper colour
        (0.695, "green"),  # shown as 70 %
        (0.7 - 1e-12, "green"),  # float noise below the edge, shown as 70 %
        (0.694, "yellow"),  # shown as 69 %
        (0.4, "yellow"),
        (0.395, "yellow"),  # shown as 40 %
        (0.394, "red"),
        (0.0, "red"),
        (None, "none"),
    ],
)
def test_a_bar_at_a_band_edge_takes_the_upper_colour(value: float | None, expected: str) -> None:
    assert colour(value, Grading()) == expected


def test_band_edges_follow_the_grading_options() -> None:
    strict = Grading(yellow=0.6, green=0.9)
    assert [colour(v, strict) for v in (0.9, 0.895, 0.894, 0.6, 0.595, 0.594)] == [
        "green",
        "green",
        "yellow",
        "yellow",
        "yellow",
        "red",
    ]


def test_a_bar_on_the_page_has_the_colour_of_its_value_as_shown() -> None:
    pages = render_pages(_organisation(kr_score=0.695), RenderOptions(today=TODAY))
    company = next(p for p in pages if p.path == "okr/2024-Q1/company/index.md").markdown
    assert 'okr-bar okr-bar--green okr-bar--small" role="progressbar"' in company
    assert 'aria-valuenow="70"' in company


def test_a_set_pages_facts_need_no_template() -> None:
    organisation = _organisation()
    options = RenderOptions(today=TODAY)
    site = SitePages(organisation, options, Remember("options"))
    ads = next(s for s in organisation.sets if s.owner == "ads")
    path = site.paths.set(ads)
    page = site.set_page(ads, site.paths.links_from(path))

    # ads has one set: its history would repeat this page, so the owner is not a link.
    assert page.owner_href is None
    assert not any(p.path.startswith("okr/owners/") for p in site.pages())
    assert page.parent is not None and page.parent_href == "../company/"
    (objective,) = page.objectives
    (up,) = objective.aligns
    assert up.href == "../company/#O1-KR1" and not up.other_cycle
    (kr,) = objective.key_results
    assert kr.bar is not None and kr.bar.value == pytest.approx(0.5)
    assert kr.bar.colour == "yellow" and kr.bar.small
    assert [(row.date, row.value, row.note, row.status) for row in kr.checkins] == [
        (dt.date(2024, 2, 9), "500 clicks", "campaign", "at-risk"),  # newest first
        (dt.date(2024, 1, 12), "200 clicks", "", ""),
    ]
    company = next(s for s in organisation.sets if s.owner == "company")
    company_page = site.set_page(company, site.paths.links_from(site.paths.set(company)))
    (supporter,) = company_page.objectives[0].key_results[0].supporters
    assert supporter.href == "../ads/#O1" and supporter.goal.okr_set is ads


def test_the_problems_page_prints_a_diagnostic_message_as_text() -> None:
    organisation = _organisation()
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    quoting = text("invalid-reference", reference=hostile)
    organisation.diagnostics.append(make("invalid-reference", "2024-Q1/ads.md", 12, 5, quoting))
    pages = render_pages(organisation, RenderOptions(today=TODAY))
    problems = next(p for p in pages if p.path == "okr/problems/index.md").markdown
    assert "<script" not in problems and "<img" not in problems
    assert (
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"
        in problems
    )
    assert "2024-Q1/ads.md:12:5" in problems


def test_a_checkins_status_shows_on_the_set_page_in_the_sites_language() -> None:
    pages = render_pages(_organisation(), RenderOptions(today=TODAY, language="zh"))
    ads = next(p for p in pages if p.path == "okr/2024-Q1/ads/index.md").markdown
    assert '<span class="okr-badge okr-badge--at-risk">有风险</span> campaign' in ads
