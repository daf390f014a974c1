"""Every percentage, score and colour the site shows follows core/figures.py: a figure is
rounded once, half up in hundredths, and judged against an edge as it is shown."""

from __future__ import annotations

import datetime as dt
import re

from mkdocs_okr.core.settings import Settings
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render.facts import SiteFacts
from mkdocs_okr.render.i18n import Labels

from .test_rhythm import organisation

ENDED = dt.date(2024, 4, 10)


def _scored(score: float) -> dict[str, object]:
    return {
        "cycle": "2024-Q1",
        "owner": "company",
        "level": "company",
        "objectives": [
            {"title": "Grow", "key_results": [{"title": "Sales", "target": 1, "score": score}]}
        ],
    }


def test_a_score_column_has_the_colour_of_its_score_as_shown() -> None:
    found = organisation(_scored(0.695))  # shown 0.70: green starts there
    facts = SiteFacts(found, ENDED, Labels("en"))
    chart = facts.score_chart("Company", found.sets)
    assert 'okr-chart__bin--green"' in chart
    stricter = Settings.model_validate({"grading": {"green": 0.9, "yellow": 0.6}})
    found.settings = stricter
    chart = SiteFacts(found, ENDED, Labels("en")).score_chart("Company", found.sets)
    assert 'okr-chart__bin--yellow"' in chart


def test_histogram_bins_take_the_grading_colours() -> None:
    found = organisation(_scored(0.5))
    found.settings = Settings.model_validate({"grading": {"green": 0.9, "yellow": 0.6}})
    chart = SiteFacts(found, ENDED, Labels("en")).histogram([1] * 10, "company")
    colours = re.findall(r"okr-chart__bin--(\w+)", chart)
    assert colours == ["red"] * 6 + ["yellow"] * 3 + ["green"]


def test_a_verdicts_edges_are_written_as_they_judge() -> None:
    labels = Labels("en")
    assert [labels.edge(v) for v in (0.4, 0.855, 1.0)] == ["0.4", "0.86", "1"]


def test_the_expected_mark_stands_at_the_percent_it_shows() -> None:
    running = dt.date(2024, 2, 16)  # 47 of 91 days: 51.6 %, shown 52 %
    pages = render_pages(organisation(_scored(0.5)), RenderOptions(today=running))
    (page,) = [p for p in pages if p.path == "okr/2024-Q1/company/index.md"]
    assert 'style="left: 52%" title="expected by today 52 %"' in page.markdown
