"""The Markdown body of an OKR file -> safe HTML, and its retrospective section.

Bodies are rendered with markdown-it-py (raw HTML off, so `<script>` stays text) and then
sanitised with nh3 against an allow-list that keeps the markup Material styles: admonitions,
tables, code, task lists. The same HTML is published by every engine (MkDocs, ProperDocs,
Zensical), since no engine's Markdown extensions are involved.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

# The site shows the section `okr carry` leaves out: one rule, in the core.
from ..core.retrospective import retrospective as retrospective

_ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "input",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_ALLOWED_ATTRIBUTES = {
    "*": {"class", "id"},
    "a": {"href", "title"},
    "input": {"type", "checked", "disabled"},
    "td": {"style"},
    "th": {"style"},
    "abbr": {"title"},
}
_SLUG = re.compile(r"[^\w\u4e00-\u9fff-]+")


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        .enable(["table", "strikethrough"])
        .use(admon_plugin)
        .use(tasklists_plugin)
    )


_MARKDOWN = _parser()


def _heading_text(tokens: list[Token], index: int) -> str:
    inline = tokens[index + 1]
    return inline.content.strip() if inline.type == "inline" else ""


def _shift_headings(tokens: list[Token], prefix: str) -> None:
    """Body headings go one level below the page's objectives and get prefixed ids."""
    seen: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type not in ("heading_open", "heading_close"):
            continue
        level = min(int(token.tag[1]) + 1, 6)
        token.tag = f"h{level}"
        if token.type == "heading_open":
            slug = _SLUG.sub("-", _heading_text(tokens, index).lower()).strip("-") or "section"
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            token.attrSet("id", f"{prefix}{slug}" + (f"-{count}" if count else ""))


def render_body(markdown: str, id_prefix: str = "notes-") -> str:
    """Markdown -> sanitised HTML with headings moved down a level and ids prefixed."""
    if not markdown.strip():
        return ""
    tokens = _MARKDOWN.parse(markdown)
    _shift_headings(tokens, id_prefix)
    html = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})
    return clean(html)


def clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
        strip_comments=True,
    )
