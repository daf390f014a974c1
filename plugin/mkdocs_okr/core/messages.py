"""Every text the core says to a person, in each language a site may speak.

The core does not know which language a reader wants: a diagnostic (or a refusal) holds a
`Text`, a message key with its arguments, and the plugin, the `okr` command and the site render
it in the site's language (`theme.language`, or `--lang` / `OKR_LANG`). The codes stay the same
in every language; `tests/core/test_messages.py` fails when a key lacks a text in a language or
when the two texts of a key take different arguments.

A message built from pieces (a field's name, where in the file it is, how a value reads) takes
the pieces as `Text` arguments, rendered in the same language as the message. Pieces shared by
many codes have keys starting with `part.`. There is no way to show a plain string as a
diagnostic: a text missing in one language would slip through.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Union

from .texts import checkin as checkin_texts
from .texts import command, files, issues, keyboard, organisation, refusals, review, schema

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
    files.TEXTS,
    schema.TEXTS,
    organisation.TEXTS,
    refusals.TEXTS,
    issues.TEXTS,
    command.TEXTS,
    review.TEXTS,
    keyboard.TEXTS,
    checkin_texts.TEXTS,
)

PART = "part"  # the prefix of the keys of pieces shared by many messages
COMMAND = "okr"  # the prefix of what the `okr` command says besides diagnostics
ISSUE = "issue"  # the prefix of the problems of an issue form's body (core/issueform.py)


def language_of(requested: str | None) -> str:
    """`zh`, `zh-Hans`, `zh_TW` -> zh; `en`, `en-GB` -> en; anything else falls back to English."""
    if requested:
        primary = requested.strip().lower().replace("_", "-").split("-")[0]
        if primary in LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE


# An argument of a message: a value quoted as it is, or a piece rendered in the same language.
Argument = Union[str, int, float, "Text"]


@dataclass(frozen=True, slots=True)
class Text:
    """A message key and its arguments; rendered in a language only when shown."""

    key: str
    args: tuple[tuple[str, Argument], ...] = ()

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        values = {
            name: value.render(language) if isinstance(value, Text) else value
            for name, value in self.args
        }
        templates = MESSAGES[self.key]
        template = templates.get(language) or templates[DEFAULT_LANGUAGE]
        return template.format(**values)

    def stored(self) -> dict[str, object]:
        """The key and arguments as JSON data (a piece as a nested object)."""
        return {
            "key": self.key,
            "args": [
                [name, value.stored() if isinstance(value, Text) else value]
                for name, value in self.args
            ],
        }

    @classmethod
    def from_stored(cls, data: object) -> Text:
        if not isinstance(data, dict) or not isinstance(data.get("args"), list):
            raise TypeError("a stored text is an object with a key and a list of arguments")
        args: list[tuple[str, Argument]] = []
        for name, value in data["args"]:
            if isinstance(value, dict):
                args.append((str(name), cls.from_stored(value)))
            elif isinstance(value, (str, int, float)):
                args.append((str(name), value))
            else:
                raise TypeError(f"argument {name!r}")
        return cls(str(data["key"]), tuple(args))


def text(key: str, /, **args: Argument) -> Text:
    """The message `key` with its arguments (the key must be in MESSAGES)."""
    if key not in MESSAGES:
        raise KeyError(f"unknown message key {key!r}")
    return Text(key, tuple(args.items()))


def placeholders(template: str) -> set[str]:
    """The argument names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
