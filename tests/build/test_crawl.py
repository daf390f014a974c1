"""A crawler over the built example site: every internal link and anchor resolves, and every
generated OKR page is linked from another page and reachable from the home page; both as the
example is, and with the page limits patched down so its week, cycle and tree pages are split
as a company's are."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_okr.render import site as site_pages

from .sitetools import copy_example, run_mkdocs

SITE_URL = "http://127.0.0.1:8000/"  # site_url of mkdocs.yml: canonical links use it

# Limits small enough that the example splits: the week by team, the cycles' pages and reviews
# in pages of a few sets, the alignment trees by objective (and subtree).
SMALL_LIMITS = {
    "WEEK_SETS": 3,
    "CYCLE_ROWS": 4,
    "BATCH": 2,
    "REVIEW_SETS": 2,
    "TREE_OBJECTIVES": 4,
    "CALIBRATION_OWNERS": 3,
}


def _split_site(project: Path) -> Path:
    """The example built in this process (so the limits can be patched) with SMALL_LIMITS."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in SMALL_LIMITS.items():
            patch.setattr(site_pages, name, value)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        # MkDocs keeps one plugin instance for the process (as for `serve`): build from
        # scratch, without its memo, and leave it as it was for the tests that follow.
        patch.setattr(config.plugins["okr"], "remember", False)
        build(config)
    site = project / "site"
    # The limits did split the pages, or the crawl of this site proves nothing new.
    for split in (
        "okr/week/2026-Q4/brand/index.html",
        "okr/2026-Q4/2/index.html",
        "okr/2026-Q3/review/2/index.html",
        "okr/week/2026-Q4/brand/2/index.html",
        "okr/calibration/2/index.html",
        "okr/2026-Q4/tree/2026/company/O1/index.html",
    ):
        assert (site / split).is_file(), split
    return site


@pytest.fixture(scope="module", params=["as-is", "split"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_example(tmp_path_factory.mktemp("crawl"))
    if request.param == "split":
        return _split_site(project)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@dataclass
class Links:
    """What one HTML page points at, and the anchors it offers."""

    hrefs: list[str] = field(default_factory=list)  # <a href>: what a reader follows
    assets: list[str] = field(default_factory=list)  # <link href>, <script src>, <img src>
    anchors: set[str] = field(default_factory=set)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links = Links()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.links.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.links.anchors.add(values["name"])
        if tag == "a" and "href" in values:
            self.links.hrefs.append(values["href"])
        elif tag == "link" and "href" in values:
            self.links.assets.append(values["href"])
        elif tag in ("script", "img", "source") and "src" in values:
            self.links.assets.append(values["src"])


def _read(path: Path) -> Links:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.links


class Crawl:
    """Pages of a site read once each, links resolved to files inside it."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()
        self._pages: dict[Path, Links] = {}

    def page(self, path: Path) -> Links:
        if path not in self._pages:
            self._pages[path] = _read(path)
        return self._pages[path]

    def resolve(self, page: Path, href: str) -> tuple[Path, str] | None:
        """The file and fragment an internal link leads to; None for an external link."""
        if href.startswith(SITE_URL):
            href = "/" + href[len(SITE_URL) :]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return None
        if parts.path.startswith("/"):
            target = self.site / unquote(parts.path).lstrip("/")
        elif parts.path:
            target = page.parent / unquote(parts.path)
        else:
            target = page
        target = target.resolve()
        if target.is_dir():
            target = target / "index.html"
        return target, unquote(parts.fragment)

    def problem(self, page: Path, href: str) -> str | None:
        """Why the link is broken, or None when it resolves (file, and anchor if any)."""
        resolved = self.resolve(page, href)
        if resolved is None:
            return None
        target, fragment = resolved
        if not target.is_relative_to(self.site):
            return "leads outside the site"
        if not target.is_file():
            return "no such file"
        if fragment and target.suffix == ".html" and fragment not in self.page(target).anchors:
            return f"no anchor #{fragment}"
        return None


def _html_pages(site: Path) -> list[Path]:
    return sorted(path.resolve() for path in site.rglob("*.html"))


def okr_pages(site: Path) -> list[Path]:
    return sorted(path.resolve() for path in (site / "okr").rglob("index.html"))


def broken_links(site: Path, crawl: Crawl | None = None) -> tuple[list[str], int, int]:
    """Every internal link or anchor that does not resolve, and how many links and anchors
    resolved."""
    crawl = crawl or Crawl(site)
    broken: list[str] = []
    links = anchors = 0
    for page in _html_pages(site):
        found = crawl.page(page)
        for href in found.hrefs + found.assets:
            problem = crawl.problem(page, href)
            if problem is not None:
                broken.append(f"{page.relative_to(crawl.site)} -> {href}: {problem}")
            elif crawl.resolve(page, href) is not None:
                links += 1
                anchors += "#" in href
    return broken, links, anchors


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken, links, anchors = broken_links(site)
    assert broken == []
    # Enough was checked that a crawler that silently skipped everything would fail here.
    assert links > 1000 and anchors > 200


def orphans(site: Path, crawl: Crawl | None = None) -> list[str]:
    """Generated pages no other page links to."""
    crawl = crawl or Crawl(site)
    linked_from: dict[Path, set[Path]] = {}
    for page in _html_pages(site):
        for href in crawl.page(page).hrefs:
            resolved = crawl.resolve(page, href)
            if resolved is not None and resolved[0] != page:
                linked_from.setdefault(resolved[0], set()).add(page)
    return [
        str(page.relative_to(crawl.site)) for page in okr_pages(site) if not linked_from.get(page)
    ]


def reachable(site: Path, crawl: Crawl | None = None) -> list[Path]:
    """The pages a reader reaches by following links from the home page, nearest first."""
    crawl = crawl or Crawl(site)
    start = (site / "index.html").resolve()
    seen = {start}
    order = [start]
    queue = deque([start])
    while queue:
        page = queue.popleft()
        for href in crawl.page(page).hrefs:
            resolved = crawl.resolve(page, href)
            if resolved is None:
                continue
            target = resolved[0]
            if target.suffix == ".html" and target.is_file() and target not in seen:
                seen.add(target)
                order.append(target)
                queue.append(target)
    return order


def unreachable(site: Path, crawl: Crawl | None = None) -> list[str]:
    """Generated pages a reader cannot reach by following links from the home page."""
    crawl = crawl or Crawl(site)
    seen = set(reachable(site, crawl))
    return [str(page.relative_to(crawl.site)) for page in okr_pages(site) if page not in seen]


def test_no_generated_page_is_orphaned(site: Path) -> None:
    assert len(okr_pages(site)) > 30
    assert orphans(site) == []


def test_every_generated_page_is_reachable_from_the_home_page(site: Path) -> None:
    assert unreachable(site) == []


def test_the_crawler_finds_what_is_broken(tmp_path: Path) -> None:
    """The control: a tiny site with one of each fault is reported fault by fault."""
    (tmp_path / "okr" / "a").mkdir(parents=True)
    (tmp_path / "okr" / "orphan").mkdir(parents=True)
    (tmp_path / "index.html").write_text(
        '<a href="okr/a/">a</a> <a href="okr/a/#here">anchor</a> <a href="okr/a/#gone">gone</a> '
        '<a href="okr/missing/">missing</a> <a href="../../etc/passwd">out</a> '
        f'<a href="{SITE_URL}okr/a/">canonical</a> <a href="https://example.com/">external</a>',
        encoding="utf-8",
    )
    (tmp_path / "okr" / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="../../">home</a>', encoding="utf-8"
    )
    (tmp_path / "okr" / "orphan" / "index.html").write_text(
        "<p>nobody links here</p>", encoding="utf-8"
    )
    crawl = Crawl(tmp_path)
    home = (tmp_path / "index.html").resolve()
    problems = {href: crawl.problem(home, href) for href in crawl.page(home).hrefs}
    assert problems == {
        "okr/a/": None,
        "okr/a/#here": None,
        "okr/a/#gone": "no anchor #gone",
        "okr/missing/": "no such file",
        "../../etc/passwd": "leads outside the site",
        f"{SITE_URL}okr/a/": None,
        "https://example.com/": None,
    }
    assert orphans(tmp_path) == ["okr/orphan/index.html"]
    assert unreachable(tmp_path) == ["okr/orphan/index.html"]
