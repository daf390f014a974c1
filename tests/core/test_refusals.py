"""core.refusals: every refusal of `okr new`, `carry` and `checkin` is a registered code."""

from __future__ import annotations

import string

from mkdocs_okr.core.diagnostics import CODES, Severity
from mkdocs_okr.core.refusals import NOT_EDITABLE, TEXTS, refusal

COMMANDS = ("new-", "carry-", "checkin-")
# Codes of the checker that share a command's prefix but are found in files.
FOUND_IN_FILES = {"checkin-outside-cycle", "checkin-order", "checkin-value-type"}


def test_every_refusal_text_has_a_code_and_every_command_code_a_text() -> None:
    assert set(TEXTS) <= set(CODES)
    commands = {c for c in CODES if c.startswith(COMMANDS)} - FOUND_IN_FILES
    assert commands == set(TEXTS)
    assert all(CODES[code][0] is Severity.ERROR for code in TEXTS)


def test_a_refusal_quotes_its_values_and_names_its_place() -> None:
    made = refusal("checkin-dropped", "okrs/a.md", (12, 9), ref="O1/KR2")
    assert (made.code, made.path, made.line, made.column) == ("checkin-dropped", "okrs/a.md", 12, 9)
    assert made.message == "O1/KR2 is dropped; it takes no more check-ins."
    # A quoted value with braces is text, not a place holder.
    assert refusal("checkin-given-twice", ref="{x}").message == "{x} is given twice."


def test_reasons_quote_only_what_they_are_given() -> None:
    for reason, text in NOT_EDITABLE.items():
        fields = {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name}
        assert fields <= {"key"}, reason
