"""A reader's journey through the example site in real headless Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_home_cycle_set_align_and_back(page: Page, example_url: str) -> None:
    page.goto(example_url + "okr/")
    expect(page.locator("h1#okr")).to_be_visible()
    # The current cycle is the shortest running one: the month, inside the quarter.
    current = page.locator(".okr-card--current")
    expect(current).to_have_count(1)
    expect(current.locator("h2")).to_contain_text("2026-11")

    current.locator("h2 a").click()
    expect(page).to_have_url(re.compile(r"/okr/2026-11/$"))
    page.get_by_role("link", name="社媒运营 小王").first.click()
    expect(page).to_have_url(re.compile(r"/okr/2026-11/social-media/$"))

    # "Aligns to" crosses from the month to the exact key result of the team's quarter page.
    up = page.locator(".okr-links--up a[href*='/brand/']").first
    href = up.get_attribute("href") or ""
    fragment = href.split("#", 1)[1]
    up.click()
    expect(page).to_have_url(re.compile(r"/okr/2026-Q4/brand/#" + re.escape(fragment) + "$"))
    target = page.locator(f"[id='{fragment}']")
    expect(target).to_be_in_viewport()

    # "Supported by" on that key result names the month and leads back to the objective.
    back = target.locator(".okr-links--down a", has_text="社媒运营 小王").filter(has_text="2026-11")
    expect(back).to_have_count(1)
    back.click()
    expect(page).to_have_url(re.compile(r"/okr/2026-11/social-media/#O\d+$"))
    objective_id = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"h2[id='{objective_id}']")).to_be_in_viewport()


def test_search_finds_a_key_result_by_its_title(page: Page, example_url: str) -> None:
    page.goto(example_url + "okr/")
    page.keyboard.press("/")  # Material's search shortcut
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    search.fill("Instagram 增长")
    result = page.locator(".md-search-result__item a").first
    # The index loads in a web worker; on a busy machine that takes a few seconds.
    expect(result).to_be_visible(timeout=30_000)
    result.click()
    expect(page).to_have_url(re.compile(r"/okr/.+/"))
    expect(page.locator(".okr-set")).to_be_visible()


def test_tree_links_every_level(page: Page, example_url: str) -> None:
    page.goto(example_url + "okr/2026-Q4/tree/")
    expect(page.locator(".okr-tree__root > li").first).to_be_visible()
    # crown (company), trunk (teams) and leaves (individuals) are all in the tree
    text = page.locator(".okr-tree__root").inner_text()
    assert "星跃电子" in text or "公司" in text
    assert "品牌推广团队" in text
    assert "社媒运营 小王" in text


def test_review_page_shows_verdicts_and_the_histogram(page: Page, example_url: str) -> None:
    page.goto(example_url + "okr/2026-Q3/review/")
    missed = page.locator("#missed + table .okr-verdict--missed")
    expect(missed.first).to_be_visible()
    expect(missed.first).to_have_text("未达成")
    histogram = page.locator("svg.okr-chart--histogram").first
    expect(histogram).to_be_visible()
    # The chart says what it shows in words (its <title>), and its bars are really drawn.
    assert "得分分布" in (histogram.locator("title").text_content() or "")
    heights = [
        float(h or 0)
        for h in histogram.locator("rect").evaluate_all(
            "els => els.map(e => e.getAttribute('height'))"
        )
    ]
    assert sum(h > 0 for h in heights) >= 2


def test_this_week_page_shows_movement_and_a_trend(page: Page, example_url: str) -> None:
    page.goto(example_url + "okr/week/")
    brand = page.locator("section.okr-week__team", has=page.locator("h2", has_text="品牌推广团队"))
    expect(brand.locator("tr.okr-moved").first).to_be_visible()
    expect(brand.locator(".okr-silent")).to_contain_text("红人专员")
    sparkline = brand.locator("svg.okr-chart--small").first
    expect(sparkline).to_be_visible()
    box = sparkline.bounding_box()
    assert box is not None and box["width"] > 50
