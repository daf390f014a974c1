"""The browser tests at company scale (slow: `make test-slow`), on a generated organisation of
1,000 sets with the example's settings: axe in both palettes on each kind of page, and
Material's search leading from a key result's title or an owner's name to the set page.

axe on 1,200 pages would take an hour: it runs on the first page of each kind a reader meets
following links from the home page (home, cycle, week, tree, set, review, problems,
calibration; an owner's history where an owner has several sets: the generated organisation
has one cycle of sets, so none), and on a second page of the kinds that split into several (the week per team,
the trees per objective, a cycle's later pages). Pages are told apart by the class the plugin
puts on each page's root (`okr okr-KIND`), never by their URL, so the picks follow the site's
structure when it changes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from ..build.test_crawl import Crawl, reachable
from .browser import serve
from .test_accessibility import BLOCKING, SCHEMES, _describe, _new_page, _run_axe
from .test_search import _search

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PAGE_KIND = re.compile(r'<div class="okr okr-([a-z0-9-]+)')
# Every site has these; a kind missing means a page kind stopped being linked. (An owner's
# history page exists only for owners with several sets.)
REQUIRED_KINDS = {"home", "cycle", "week", "tree", "set"}
# Kinds that come as an index and its parts: a second page of each is checked too.
SPLIT_KINDS = {"week", "tree", "cycle"}
# Big pages take a while to load and to check on a shared machine.
SLOW_PAGE_MS = 180_000


@pytest.fixture(scope="module")
def large_url(large_project: Path) -> Iterator[str]:
    with serve(large_project / "site") as url:
        yield url


def page_kinds(site: Path) -> dict[str, list[str]]:
    """URL paths of the pages to check, by kind, in the order a reader meets them."""
    picked: dict[str, list[str]] = {}
    for page in reachable(site, Crawl(site)):
        found = PAGE_KIND.search(page.read_text(encoding="utf-8"))
        if not found:
            continue
        paths = picked.setdefault(found.group(1), [])
        if len(paths) < (2 if found.group(1) in SPLIT_KINDS else 1):
            paths.append(page.parent.relative_to(site.resolve()).as_posix() + "/")
    return picked


@pytest.fixture(scope="module")
def kinds(large_project: Path) -> dict[str, list[str]]:
    found = page_kinds(large_project / "site")
    assert set(found) >= REQUIRED_KINDS, f"page kinds reached from the home page: {found}"
    return found


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_serious_violation_on_any_page_kind(
    browser: Browser, large_url: str, axe_script: Path, kinds: dict[str, list[str]], scheme: str
) -> None:
    reports: list[str] = []
    for kind, paths in sorted(kinds.items()):
        for path in paths:
            page = _new_page(browser, scheme)
            page.set_default_timeout(SLOW_PAGE_MS)
            try:
                page.goto(large_url + path, wait_until="load")
                assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
                assert page.locator(".okr").count() == 1, path
                violations = _run_axe(page, axe_script)
            finally:
                page.context.close()
            blocking = [v for v in violations if v["impact"] in BLOCKING]
            if blocking:
                reports.append(f"axe on {kind} page {path} ({scheme}):\n{_describe(blocking)}")
    assert not reports, "\n".join(reports)


def _front_matters(okrs: Path) -> list[dict[str, Any]]:
    sets = []
    for path in sorted(okrs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        # The C loader: the pure-Python one takes minutes over 1,000 sets.
        front: dict[str, Any] = yaml.load(
            text[len("---\n") : text.index("\n---\n")], Loader=yaml.CSafeLoader
        )
        sets.append(front)
    return sets


def _person(front: dict[str, Any]) -> str:
    """The person's own name in a generated individual set's name ("社媒运营 陈娟": 陈娟)."""
    return str(front["name"]).split(" ", 1)[-1]


@pytest.fixture(scope="module")
def searched(large_project: Path) -> dict[str, Any]:
    """An individual's set with a key-result title and a name no other set has, in Chinese."""
    sets = _front_matters(large_project / "okrs")
    titles = Counter(
        kr["title"] for front in sets for o in front["objectives"] for kr in o["key_results"]
    )
    people = Counter(_person(front) for front in sets if front["level"] == "individual")
    for front in sets:
        if front["level"] != "individual" or people[_person(front)] != 1:
            continue
        unique = [
            kr["title"]
            for o in front["objectives"]
            for kr in o["key_results"]
            if titles[kr["title"]] == 1 and re.search(r"[\u4e00-\u9fff]", kr["title"])
        ]
        if unique and re.search(r"[\u4e00-\u9fff]", front["name"]):
            return {"owner": front["owner"], "name": front["name"], "title": unique[0]}
    raise AssertionError("the generated organisation has no set with a unique name and title")


def _result(page: Page, owner: str) -> Any:
    # The index loads in a web worker; on a busy machine and a big index that takes a while.
    result = page.locator(f".md-search-result__item a[href*='/{owner}/']").first
    expect(result).to_be_visible(timeout=SLOW_PAGE_MS)
    return result


def test_a_key_results_title_finds_its_set_page_at_scale(
    page: Page, large_url: str, searched: dict[str, Any]
) -> None:
    page.set_default_timeout(SLOW_PAGE_MS)
    _search(page, large_url, searched["title"])
    _result(page, searched["owner"]).click()
    expect(page.locator(".okr-set h1")).to_contain_text(searched["name"])


def test_an_owners_name_finds_their_set_page_at_scale(
    page: Page, large_url: str, searched: dict[str, Any]
) -> None:
    page.set_default_timeout(SLOW_PAGE_MS)
    person = _person(searched)
    _search(page, large_url, person)
    _result(page, searched["owner"]).click()
    expect(page.locator(".okr-set h1, .okr-owner h1").first).to_contain_text(person)
