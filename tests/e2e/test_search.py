"""Material's search on the example site, in real Chromium: the index leaves out the pages that
only gather sets, and still leads from a key result's title or an owner's name to the set; the
example's copy of Material's search worker searches a Chinese word whole."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import material
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
WORKERS = Path("assets") / "javascripts" / "workers"
# Material's query segmenter tries only the pieces of a Chinese run that end before its last
# character; the example's copy of the worker tries the whole run too (theme_overrides/README.md).
MATERIAL_SEGMENT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
WHOLE_RUN_SEGMENT_LOOP = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


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


def test_the_example_search_worker_is_materials_but_for_the_whole_run() -> None:
    """Fails on a Material upgrade (the worker's name or code changed): make the copy again."""
    ours = sorted((REPO / "theme_overrides" / WORKERS).glob("search.*.min.js"))
    assert len(ours) == 1, ours
    installed = Path(material.__file__).parent / "templates" / WORKERS / ours[0].name
    assert installed.is_file(), f"the installed Material has no {installed.name}: copy its worker"
    original = installed.read_text(encoding="utf-8")
    assert original.count(MATERIAL_SEGMENT_LOOP) == 1
    expected = original.replace(MATERIAL_SEGMENT_LOOP, WHOLE_RUN_SEGMENT_LOOP)
    same = ours[0].read_text(encoding="utf-8") == expected
    assert same, f"{ours[0]} is not {installed} with only the segmenter's loop bound changed"


def test_a_chinese_word_is_searched_whole(page: Page, example_url: str) -> None:
    # jieba keeps 否定词 whole in the ads team's objective and cuts 否定 off elsewhere, so the
    # index holds both; Material's own worker then searches "否定" and highlights only that.
    _search(page, example_url, "否定词")
    result = page.locator(".md-search-result__item a[href*='/amazon-ads/'][href*='#']").first
    expect(result).to_be_visible(timeout=30_000)
    highlighted = parse_qs(urlsplit(result.get_attribute("href") or "").query)["h"]
    assert highlighted == ["否定词"]
