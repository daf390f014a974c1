"""What Material's search reads of a generated page: the page without what it skips anyway.

Material's search plugin indexes a page by feeding its whole HTML to an `html.parser` parser
written in Python (about 3 ms per kilobyte here). A set page is mostly charts, progress bars and
check-in rows marked `data-search-exclude`: the parser walks every tag of them only to drop
them, and indexing took more time than anything else in a large site's build. Handing the
parser the page without those elements gives it a fifth of the work and the same index,
because it would have kept nothing of them.

Kept on purpose, so the sections come out as before:
- excluded headings: to Material an excluded heading still starts a section, and the text after
  it, up to the next heading, belongs to that (unindexed) section;
- the text around a removed element: the parser joins a page's text nodes and collapses runs of
  white space, so "a <x>...</x> b" and "a  b" give it the same words.

Whether the two indexes really are the same is tested on whole sites (tests/build/
test_search_view.py), for the Material version pinned in constraints.txt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

try:  # Material is a dependency; a site may still use another theme's search
    from material.plugins.search.plugin import SearchPlugin
except ImportError:  # pragma: no cover
    SearchPlugin = None

# An excluded element that is not a heading, up to its first closing tag of the same name: the
# generated HTML puts the attribute on elements that hold no element of their own name, which
# is also where Material's parser ends what it skips.
_EXCLUDED = re.compile(
    r'<(?!h[1-6]\b)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\sdata-search-exclude="true"[^>]*>.*?</\1>',
    re.DOTALL,
)
# What is left of a bar or a check-in row once its text is gone: elements holding nothing but
# white space give the parser no words (kept tags it opens and closes again are dropped).
_EMPTY = re.compile(r"<(span|tr|td|div)\b[^>]*>\s*</\1>")


def searched_html(html: str) -> str:
    """`html` without the elements Material's search would skip."""
    light = _EXCLUDED.sub("", html)
    while True:
        lighter = _EMPTY.sub("", light)
        if lighter == light:
            return light
        light = lighter


class SearchIndex(Protocol):
    """Material's `SearchIndex`: its settings, its entries, and how a page is added."""

    config: dict[str, Any]
    entries: list[dict[str, Any]]

    def add_entry_from_context(self, page: Any) -> None: ...


@dataclass
class SearchView:
    """What Material's index reads of a page (`SearchIndex.add_entry_from_context`)."""

    content: str
    toc: Any
    url: str
    meta: dict[str, Any]
    title: str | None


def material_search(config: MkDocsConfig) -> Any:
    """Material's search plugin of this site, if that is its search (or None)."""
    if SearchPlugin is None:  # pragma: no cover
        return None
    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin):
            return plugin
    return None


def material_search_index(config: MkDocsConfig) -> SearchIndex | None:
    """Material's search index of this build, or None with another search plugin (or none):
    then every page is indexed by whatever plugin there is, from its whole HTML."""
    search = material_search(config)
    if search is None or not search.config.enabled:
        return None
    index: SearchIndex = search.search_index
    return index


def kept_out_of_search(meta: Mapping[str, Any]) -> bool:
    """Whether a page's metadata keeps it out of Material's search (`search: exclude: true`;
    metadata Material could not read as settings counts as keeping it out)."""
    search = meta.get("search") or {}
    return not isinstance(search, dict) or bool(search.get("exclude"))


def leave_to_us(page: Page) -> None:
    """Tell Material's own pass to leave `page` alone: this plugin indexes it."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def index_lightly(index: SearchIndex, page: Page) -> None:
    """Index `page` from its searched HTML, and tell Material's own pass to leave it alone.
    A page its metadata already keeps out of search is left as it is."""
    if kept_out_of_search(page.meta) or page.content is None:
        return
    view = SearchView(searched_html(page.content), page.toc, page.url, dict(page.meta), page.title)
    index.add_entry_from_context(view)
    leave_to_us(page)
