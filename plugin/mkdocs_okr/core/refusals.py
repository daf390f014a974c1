"""Why `okr new`, `okr carry` or `okr checkin` writes nothing: each refusal a code and a text.

Every refusal is built here, from its code (registered in `diagnostics.CODES` and explained in
docs/diagnostics.md) and the values it quotes, so each text exists once: a translation adds a
second table, not a second copy of the logic.
"""

from __future__ import annotations

from .diagnostics import Diagnostic, make

TEXTS: dict[str, str] = {
    # okr new
    "new-unknown-cycle": "'{cycle}' is not a cycle: write 2024, 2024-H1, 2024-Q1, 2024-B1, "
    "2024-01 or a custom cycle of the configuration.",
    "new-invalid-id": "'{given}' is not a usable {what} id: lower-case letters a-z, digits and "
    "'-', starting with a letter.",
    "new-parent-on-company": "A company OKR set is the top of the tree: leave out the parent.",
    "new-parent-missing": "A {level} OKR set needs a parent: the owner id of the team or company "
    "above it.",
    "new-invalid-reference": "'{reference}' is not a reference: write OWNER/OBJECTIVE or "
    "OWNER/OBJECTIVE/KR (for example brand/O1/KR2).",
    # okr carry
    "carry-no-set": "'{owner}' has no OKR set in cycle {cycle}.",
    "carry-empty-cycle": "No OKR set in cycle {cycle}.",
    "carry-all-dropped": "{ref}: every key result is dropped; there is nothing to carry.",
    # okr checkin
    "checkin-unreadable": "{path} cannot be read as an OKR file{first_error}. Run `okr check`.",
    "checkin-cr-line-breaks": "{path} uses old Mac line breaks (CR); save it with LF.",
    "checkin-date-outside-cycle": "The date {day} is outside the cycle {cycle} ({start} to {end}).",
    "checkin-given-twice": "{ref} is given twice.",
    "checkin-unknown-key-result": "{path} has no key result {ref} (it has {known}).",
    "checkin-dropped": "{ref} is dropped; it takes no more check-ins.",
    "checkin-milestone-value": "{ref}: it is a milestone: give true (done) or false (not done).",
    "checkin-number-value": "{ref}: it is a number to reach: give a number, not true or false.",
    "checkin-not-a-number": "{ref}: '{text}' is not a number: write it like 6500, 6,500, 1.8 "
    "or 76% (of the way from start to target), without units or words.",
    "checkin-not-after-latest": "{ref}: the latest check-in is dated {latest}; a new one must "
    "come after it, not on {day}.",
    "checkin-note-too-long": "The note is longer than 2,000 characters.",
    "checkin-not-editable": "{path}: {ref}: {why}; add the check-in by hand.",
    "checkin-read-back": "{path}: the edited file would not read back as intended; nothing "
    "written.",
}

# Why the text of a file cannot take a check-in (`checkin-not-editable`), by reason.
NOT_EDITABLE: dict[str, str] = {
    "unclosed": "the front matter is not closed",
    "unparsable": "ruamel.yaml cannot read the front matter",
    "not-mapping": "the front matter is not a mapping",
    "no-objectives": "cannot find `objectives:`",
    "no-key-results": "cannot find `key_results:`",
    "key-result-not-mapping": "the key result is not a mapping",
    "value-not-one-line": "`{key}:` is not a single value on one line",
    "checkins-unclosed": "cannot find the end of the `checkins:` list",
    "checkins-not-list": "`checkins:` is written but holds no list",
    "key-result-unclosed": "cannot find the end of the key result",
}


def refusal(
    code: str, file: str = "", where: tuple[int, int] = (0, 0), /, **values: object
) -> Diagnostic:
    """The refusal `code` about `file` at `where` (line, column; 0 when not known), quoting
    `values` in its text."""
    return make(code, file, where[0], where[1], TEXTS[code].format(**values))


def not_editable(reason: str, **values: object) -> str:
    """The `why` of a `checkin-not-editable` refusal."""
    return NOT_EDITABLE[reason].format(**values)
