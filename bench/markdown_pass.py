"""MkDocs hooks that put back what the okr plugin did before its pages skipped Python-Markdown
and before its search exclusions: the `before` variant of bench/page_html.py.

Hooks run after the plugin's on_files (priority 50) and on_page_content (100), so:
- on_files forgets which pages are finished HTML: every page goes through Python-Markdown again;
- on_page_markdown drops the `search: exclude` of the pages that gather sets;
- on_page_content removes every `data-search-exclude`: the search plugin indexes all of it.

The built HTML is the same either way (Material removes the attributes once it has read them).
"""

from __future__ import annotations

from typing import Any

_EXCLUDE = ' data-search-exclude="true"'


def on_files(files: Any, config: Any) -> Any:
    config.plugins["okr"].html_pages.clear()
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    page.meta.pop("search", None)
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return html.replace(_EXCLUDE, "")
