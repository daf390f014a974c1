"""The crawler on a generated organisation of 1,000 sets with the example's settings (slow:
`make test-slow`): at company scale too, every internal link and anchor resolves, and every
generated page is linked from another page and reachable from the home page."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import LARGE_ORGANISATION_SETS
from .test_crawl import Crawl, broken_links, okr_pages, orphans, unreachable

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def crawl(large_project: Path) -> Crawl:
    """One crawler for the module: each page of the big site is read once."""
    return Crawl(large_project / "site")


def test_every_internal_link_and_anchor_resolves_at_scale(
    large_project: Path, crawl: Crawl
) -> None:
    broken, links, anchors = broken_links(large_project / "site", crawl)
    assert broken[:20] == [], f"{len(broken)} broken links"
    # At least a link to each set page and an anchor per set: the crawler did look.
    assert links > 10 * LARGE_ORGANISATION_SETS and anchors > LARGE_ORGANISATION_SETS


def test_no_generated_page_is_orphaned_at_scale(large_project: Path, crawl: Crawl) -> None:
    site = large_project / "site"
    assert len(okr_pages(site)) > LARGE_ORGANISATION_SETS  # a page per set, and more
    assert orphans(site, crawl)[:20] == []


def test_every_generated_page_is_reachable_at_scale(large_project: Path, crawl: Crawl) -> None:
    assert unreachable(large_project / "site", crawl)[:20] == []
