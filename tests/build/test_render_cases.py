"""The renderer on its own (no engine): organisations that once broke a page."""

from __future__ import annotations

import datetime as dt

from mkdocs_okr.core import Settings, analyse
from mkdocs_okr.render import RenderOptions, render_pages

MILESTONE_THIS_WEEK = """---
cycle: 2024-Q1
owner: company
level: company
objectives:
  - title: Ship
    key_results:
      - title: Launch the shop
        done: false
        checkins:
          - {date: 2024-02-12, value: true}
      - title: Revenue
        target: 100
        checkins:
          - {date: 2024-02-13, value: 40}
---
"""


def test_a_milestone_checked_in_this_week_renders_without_a_trend() -> None:
    organisation = analyse([("company.md", MILESTONE_THIS_WEEK.encode())], Settings())
    pages = {
        p.path: p.markdown
        for p in render_pages(organisation, RenderOptions(today=dt.date(2024, 2, 15)))
    }
    week = pages["okr/week/index.md"]
    assert "Launch the shop" in week and "Revenue" in week
    assert week.count("okr-chart--small") == 1  # only the numeric KR has a trend


def test_every_page_renders_in_both_languages_for_sets_without_checkins() -> None:
    bare = MILESTONE_THIS_WEEK.replace(
        "        checkins:\n          - {date: 2024-02-12, value: true}\n", ""
    )
    organisation = analyse([("company.md", bare.encode())], Settings())
    for language in ("en", "zh"):
        for today in (dt.date(2023, 12, 1), dt.date(2024, 2, 15), dt.date(2024, 6, 1)):
            pages = render_pages(organisation, RenderOptions(today=today, language=language))
            # home, week, calibration, problems, cycle, review, tree, the set (one set: no history)
            assert len(pages) >= 8
