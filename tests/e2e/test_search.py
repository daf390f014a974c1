"""Material's search on the example site, in real Chromium: the index leaves out the pages that
only gather sets, and still leads from a key result's title or an owner's name to the set."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def _search(page: Page, url: str, words: str) -> None:
    page.goto(url)
    page.keyboard.press("/")  # Material's search shortcut
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(words)  # Material searches on key events


def test_a_key_results_title_finds_its_set_page(page: Page, example_url: str) -> None:
    _search(page, example_url + "okr/", "负面舆情")
    # The index loads in a web worker; on a busy machine that takes a few seconds.
    result = page.locator(".md-search-result__item a[href*='okr/2026-Q4/brand/']").first
    expect(result).to_be_visible(timeout=30_000)
    result.click()
    expect(page.locator(".okr-set h1")).to_have_text("品牌推广团队")


def test_an_owners_name_finds_their_set_page(page: Page, example_url: str) -> None:
    _search(page, example_url, "小王")
    result = page.locator(".md-search-result__item a[href*='/social-media/']").first
    expect(result).to_be_visible(timeout=30_000)
    result.click()
    expect(page.locator(".okr-set h1, .okr-owner h1").first).to_contain_text("小王")


def test_pages_that_gather_sets_are_not_results(page: Page, example_url: str) -> None:
    # The tree and the week page repeat the sets' titles and notes; the set pages are the results.
    _search(page, example_url + "okr/", "黑五网一")
    expect(page.locator(".md-search-result__item a").first).to_be_visible(timeout=30_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert hrefs
    assert not [h for h in hrefs if "/tree/" in h or "/week/" in h or "/review/" in h]
