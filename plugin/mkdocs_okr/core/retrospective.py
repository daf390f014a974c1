"""The retrospective section of an OKR set's body (复盘, METHOD.md rule 17).

One rule for the site (which shows the section on the set's page and the cycle review page)
and for `okr carry` (which leaves the old cycle's section out of the new draft): the section
starts at the first top-level heading (`#` to `######`, or underlined) whose text begins with
Retrospective, Review, 复盘 or 回顾, in any case (`## Review of Q1` counts). It runs until the
next heading of the same or a higher level, or to the end of the body. A heading inside a
code block, a quote or a list does not count.

A section is written when it holds more than the prompt `okr new` and `okr carry` put under the
heading (core/draft.py, in any language): the prompt alone is not shown as a retrospective.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

from .draft import TEXTS as DRAFT_TEXTS

RETROSPECTIVE_TITLES = ("retrospective", "复盘", "review", "回顾")

# The prompts written under a new set's retrospective heading, one per language.
_PROMPTS = frozenset(
    " ".join(words["retrospective_text"].split()) for words in DRAFT_TEXTS.values()
)

# Only the block structure matters here (where headings are, not what the text says).
_BLOCKS = MarkdownIt("commonmark")


@dataclass(frozen=True)
class BodyParts:
    """A body cut around its retrospective section (each part without its line breaks)."""

    before: str  # the body above the section's heading
    section: str  # the section's text under its heading, stripped
    after: str  # the body after the section (a heading of the same or a higher level on)
    heading: str = ""  # the section's heading as written


def split_retrospective(body: str) -> BodyParts | None:
    """The body around its retrospective section, or None when it has none."""
    lowered = body.lower()
    if not any(word in lowered for word in RETROSPECTIVE_TITLES):
        return None  # most bodies: no need to parse them
    tokens = _BLOCKS.parse(body)
    # markdown-it counts lines as `\n` does (the reader has made every line break one).
    lines = body.split("\n")
    heading: list[int] | None = None
    level = 0
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None or token.level != 0:
            continue
        this_level = int(token.tag[1])
        if heading is None:
            inline = tokens[index + 1]
            title = inline.content.strip().lower() if inline.type == "inline" else ""
            if title.startswith(RETROSPECTIVE_TITLES):
                heading, level = list(token.map), this_level
        elif this_level <= level:
            return _parts(lines, heading, token.map[0])
    if heading is None:
        return None
    return _parts(lines, heading, len(lines))


def _parts(lines: list[str], heading: list[int], end: int) -> BodyParts:
    return BodyParts(
        before="\n".join(lines[: heading[0]]).strip("\n"),
        section="\n".join(lines[heading[1] : end]).strip(),
        after="\n".join(lines[end:]).strip("\n"),
        heading="\n".join(lines[heading[0] : heading[1]]),
    )


def retrospective(body: str) -> str | None:
    """The Markdown of the body's retrospective section without the prompt of a new set, or None
    when it has none (or nothing is written in it)."""
    parts = split_retrospective(body)
    if parts is None:
        return None
    # Paragraphs are compared with their line breaks and spaces evened out, so a prompt
    # rewrapped by an editor is still the prompt.
    paragraphs = [p for p in parts.section.split("\n\n") if p.strip()]
    written = [p for p in paragraphs if " ".join(p.split()) not in _PROMPTS]
    if len(written) == len(paragraphs):
        return parts.section or None
    return "\n\n".join(written).strip() or None


def without_retrospective(body: str) -> str:
    """The body without its retrospective section (what `okr carry` keeps for the new cycle)."""
    parts = split_retrospective(body)
    if parts is None:
        return body.strip("\n")
    return "\n\n".join(part for part in (parts.before, parts.after) if part)


RETROSPECTIVE_HEADINGS = {"zh": "## 复盘", "en": "## Retrospective"}


def with_retrospective(body: str, section: str, language: str = "zh") -> str:
    """The body with `section` as its retrospective: the section's text replaced under its own
    heading, or a new section (`## 复盘` / `## Retrospective`) at the end. Line breaks are `\n`."""
    section = section.strip("\n")
    parts = split_retrospective(body)
    if parts is None:
        heading = RETROSPECTIVE_HEADINGS.get(language, RETROSPECTIVE_HEADINGS["en"])
        kept = body.strip("\n")
        return "\n\n".join(part for part in (kept, heading, section) if part) + "\n"
    pieces = (parts.before, parts.heading, section, parts.after)
    return "\n\n".join(piece for piece in pieces if piece) + "\n"
