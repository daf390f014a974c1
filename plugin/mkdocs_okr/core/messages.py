"""Every text the core says to a person, in each language a site may speak.

The core does not know which language a reader wants: a diagnostic (or a refusal) holds a
`Text`, a message key with its arguments, and the plugin, the `okr` command and the site render
it in the site's language (`theme.language`, or `--lang` / `OKR_LANG`). The codes stay the same
in every language; `tests/core/test_messages.py` fails when a key lacks a text in a language or
when the two texts of a key take different arguments.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from .texts import checkin as checkin_texts
from .texts import review

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"


def _collect(*catalogues: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    collected: dict[str, dict[str, str]] = {}
    for catalogue in catalogues:
        for key, texts in catalogue.items():
            if key in collected:
                raise ValueError(f"message key {key!r} is defined twice")
            collected[key] = texts
    return collected


# key -> language -> template for str.format (arguments by name). A key is a diagnostic code,
# or a code and a dot and what tells its messages apart (`invalid-cycle.custom`). The texts
# live in core/texts/, one module per topic.
MESSAGES: dict[str, dict[str, str]] = _collect(
    review.TEXTS,
    checkin_texts.TEXTS,
)

_PLAIN = ""  # the key of a text given as it is, in one language only (see Text.plain)


def language_of(requested: str | None) -> str:
    """`zh`, `zh-Hans`, `zh_TW` -> zh; `en`, `en-GB` -> en; anything else falls back to English."""
    if requested:
        primary = requested.strip().lower().replace("_", "-").split("-")[0]
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class Text:
    """A message key and its arguments; rendered in a language only when shown."""

    key: str
    args: tuple[tuple[str, str | int | float], ...] = ()

    @classmethod
    def plain(cls, text: str) -> Text:
        """A text written in one language only (shown as it is in every language)."""
        return cls(_PLAIN, (("text", text),))

    @property
    def is_plain(self) -> bool:
        return self.key == _PLAIN

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        values = dict(self.args)
        if self.is_plain:
            return str(values["text"])
        templates = MESSAGES[self.key]
        template = templates.get(language) or templates[DEFAULT_LANGUAGE]
        return template.format(**values)


def text(key: str, **args: str | int | float) -> Text:
    """The message `key` with its arguments (the key must be in MESSAGES)."""
    if key not in MESSAGES:
        raise KeyError(f"unknown message key {key!r}")
    return Text(key, tuple(args.items()))


def placeholders(template: str) -> set[str]:
    """The argument names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
