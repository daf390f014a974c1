"""Material's search in real Chromium: on the example site the index leaves out the pages that
only gather sets, and still leads from a key result's title or an owner's name to the set; on
every site with the plugin (the example, and one without custom_dir) a Chinese word or name is
searched whole (the plugin corrects Material's search worker: searchworker.py)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from ..build.sitetools import run_mkdocs, write_project
from ..build.test_search_worker import ONE_HE_AND_ANOTHER
from .browser import serve

pytestmark = pytest.mark.e2e

SITE = r"""site_name: 星跃电子 OKR
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      separator: '[\s\u200b\-]'
  - okr:
      today: '2024-02-15'
"""


@pytest.fixture(scope="module")
def named_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # No custom_dir: the correction of the search worker is the plugin's alone.
    project = write_project(tmp_path_factory.mktemp("named"), ONE_HE_AND_ANOTHER)
    (project / "mkdocs.yml").write_text(SITE, encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


def _search(page: Page, url: str, words: str) -> None:
    page.goto(url)
    page.keyboard.press("/")  # Material's search shortcut
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type(words)
    # Material reads the query on keyup (or when its index is ready). Chinese text is typed as
    # an input method commits it, with no key of its own: the key that commits it comes last.
    page.keyboard.press("End")


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


def test_a_chinese_word_is_searched_whole(page: Page, example_url: str) -> None:
    # jieba keeps 否定词 whole in the ads team's objective and cuts 否定 off elsewhere, so the
    # index holds both; Material's own worker then searches "否定" and highlights only that.
    _search(page, example_url, "否定词")
    result = page.locator(".md-search-result__item a[href*='/amazon-ads/'][href*='#']").first
    expect(result).to_be_visible(timeout=30_000)
    highlighted = parse_qs(urlsplit(result.get_attribute("href") or "").query)["h"]
    assert highlighted == ["否定词"]


def test_an_owners_chinese_name_finds_only_their_set_page_on_a_site_without_custom_dir(
    page: Page, named_site_url: str
) -> None:
    _search(page, named_site_url, "何明")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=30_000)
    hrefs = results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    # 何明's set page, and no page of another 何 (Material's own worker searches 何*).
    assert [h for h in hrefs if "/he-ming/" in h], hrefs
    assert [h for h in hrefs if "/he-ming/" not in h] == []
