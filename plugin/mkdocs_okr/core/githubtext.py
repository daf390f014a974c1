"""Text from OKR files and issues shown on GitHub (an issue's answer, the reminder) as inert
Markdown: it can neither mention anyone, nor carry HTML or markup, nor span lines."""

from __future__ import annotations

import re

# Markdown's punctuation that can start markup.
_MARKUP = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def inert(text: str) -> str:
    """`text` on one line, shown as written: HTML escaped, markup escaped, no @mention."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKUP.sub(r"\\\1", text)
    # A zero-width space after @ keeps GitHub from notifying anyone (@everyone, @org/team).
    return text.replace("@", "@\u200b")
