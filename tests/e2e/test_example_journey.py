"""A reader's journey through the example site in real headless Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_home_cycle_set_align_and_back(page: Page, example_url: str) -> None:
    page.goto(example_url + "okr/")
    expect(page.locator("h1#okr")).to_be_visible()
    current = page.locator(".okr-card--current")
    expect(current).to_have_count(1)
    expect(current.locator("h2")).to_contain_text("2026-Q4")

    current.locator("h2 a").click()
    expect(page).to_have_url(re.compile(r"/okr/2026-Q4/$"))
    page.get_by_role("link", name="社媒运营 小王").first.click()
    expect(page).to_have_url(re.compile(r"/okr/2026-Q4/social-media/$"))

    # "Aligns to" lands on the exact key result of the team's page.
    up = page.locator(".okr-links--up a").first
    href = up.get_attribute("href") or ""
    fragment = href.split("#", 1)[1]
    up.click()
    expect(page).to_have_url(re.compile(r"/okr/2026-Q4/brand/#" + re.escape(fragment) + "$"))
    target = page.locator(f"[id='{fragment}']")
    expect(target).to_be_in_viewport()

    # "Supported by" on that key result leads back to the objective we came from.
    back = target.locator(".okr-links--down a", has_text="社媒运营 小王").first
    back.click()
    expect(page).to_have_url(re.compile(r"/okr/2026-Q4/social-media/#O\d+$"))
    objective_id = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"h2[id='{objective_id}']")).to_be_in_viewport()


def test_search_finds_a_key_result_by_its_title(page: Page, example_url: str) -> None:
    page.goto(example_url + "okr/")
    page.keyboard.press("/")  # Material's search shortcut
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    search.fill("Instagram 增长")
    result = page.locator(".md-search-result__item a").first
    expect(result).to_be_visible()
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
