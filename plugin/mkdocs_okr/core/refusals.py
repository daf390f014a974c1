"""Why `okr new`, `okr carry` or `okr checkin` writes nothing: each refusal a code and a text.

Every refusal is built here, from its code (registered in `diagnostics.CODES` and explained in
docs/diagnostics.md) and the values it quotes; its texts, in every language, are in
core/texts/refusals.py under the code's key.
"""

from __future__ import annotations

from .diagnostics import Diagnostic, make
from .messages import Argument, Text, text


def refusal(
    code: str, file: str = "", where: tuple[int, int] = (0, 0), /, **values: Argument
) -> Diagnostic:
    """The refusal `code` about `file` at `where` (line, column; 0 when not known), quoting
    `values` in its text (a `Text` value is a piece rendered in the reader's language)."""
    return make(code, file, where[0], where[1], text(code, **values))


def not_editable(reason: str, **values: Argument) -> Text:
    """The `why` of a `checkin-not-editable` refusal."""
    return text(f"checkin-not-editable.{reason}", **values)
