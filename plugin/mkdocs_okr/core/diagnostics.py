"""Diagnostics: every problem the core finds, as data.

The core never raises for bad user input and never logs. It returns `Diagnostic` values; the
MkDocs plugin logs them and the `okr` command prints them. Every code is listed in `CODES` and
documented in docs/diagnostics.md (a test keeps the two in step).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .messages import DEFAULT_LANGUAGE, Text


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file, at a 1-based line and column (0 when unknown).

    `text` is the message key and its arguments: the reader's language is chosen when it is
    shown (`message_in`)."""

    severity: Severity
    code: str
    path: str
    line: int
    column: int
    text: Text

    def __post_init__(self) -> None:
        # A plain string would show in one language only, whatever the reader's.
        if not isinstance(self.text, Text):
            raise TypeError(f"{self.code}: the message must be a messages.text(...): {self.text!r}")

    @property
    def message(self) -> str:
        """The message in English (the default language)."""
        return self.text.render(DEFAULT_LANGUAGE)

    def message_in(self, language: str) -> str:
        return self.text.render(language)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self, language: str = DEFAULT_LANGUAGE) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message_in(language),
        }

    def stored(self) -> dict[str, object]:
        """What a cache keeps: the key and arguments, so any language can be shown later."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            **self.text.stored(),
        }

    @classmethod
    def from_stored(cls, data: dict[str, object]) -> Diagnostic:
        return cls(
            Severity(data["severity"]),
            str(data["code"]),
            str(data["path"]),
            int(data["line"]),  # type: ignore[call-overload]
            int(data["column"]),  # type: ignore[call-overload]
            Text.from_stored(data),
        )


# code -> (default severity, one-line summary). The summary is what docs/diagnostics.md explains.
CODES: dict[str, tuple[Severity, str]] = {
    # Reading the file
    "file-unreadable": (Severity.ERROR, "the file cannot be read"),
    "file-too-large": (Severity.ERROR, "the file is larger than the size limit"),
    "file-binary": (Severity.ERROR, "the file holds NUL bytes, so it is not a text file"),
    "file-encoding": (Severity.ERROR, "the file is not valid UTF-8"),
    "front-matter-missing": (Severity.ERROR, "the file does not start with a `---` line"),
    "front-matter-unclosed": (Severity.ERROR, "the front matter has no closing `---` line"),
    "front-matter-empty": (Severity.ERROR, "the front matter holds nothing"),
    "front-matter-not-mapping": (Severity.ERROR, "the front matter is a list or a single value"),
    # YAML
    "yaml-syntax": (Severity.ERROR, "the YAML cannot be parsed"),
    "yaml-multiple-documents": (Severity.ERROR, "the front matter holds more than one document"),
    "yaml-alias": (Severity.ERROR, "YAML anchors and aliases (`&a`, `*a`) are not allowed"),
    "yaml-tag": (Severity.ERROR, "explicit YAML tags (`!!python/...`, `!x`) are not allowed"),
    "yaml-too-deep": (Severity.ERROR, "the YAML is nested too deeply"),
    "duplicate-key": (Severity.ERROR, "a key is written twice in the same mapping"),
    "ambiguous-value": (Severity.ERROR, "a value YAML would silently change (yes/no, 010, 1:30)"),
    "comment-in-value": (Severity.WARNING, "an unquoted ` #` cut a text value short"),
    "invisible-character": (Severity.ERROR, "a key holds an invisible or zero-width character"),
    # What a Chinese keyboard types where YAML needs ASCII (core/keyboard.py)
    "full-width-colon": (Severity.ERROR, "a full-width colon `：` after a key"),
    "full-width-comma": (
        Severity.ERROR,
        "a full-width comma `，` between items of `[...]` or `{...}`",
    ),
    "full-width-dash": (Severity.ERROR, "a full-width dash `－` starting a list item"),
    "full-width-quote": (Severity.ERROR, "a value in full-width quotes `“...”` or `＂...＂`"),
    "full-width-space": (Severity.ERROR, "a full-width space (U+3000) in the indentation"),
    "full-width-digit": (Severity.ERROR, "a number written with full-width digits `７６００`"),
    "thousands-separator": (Severity.ERROR, "a number written with commas (`3,500`)"),
    "percent-value": (Severity.ERROR, "a score or value written as a percentage (`70%`)"),
    # Schema
    "unknown-key": (Severity.ERROR, "a key that the OKR format does not know"),
    "missing-field": (Severity.ERROR, "a required field is missing"),
    "wrong-type": (Severity.ERROR, "a value has the wrong type"),
    "invalid-value": (Severity.ERROR, "a value is not one of the allowed ones"),
    "invalid-number": (Severity.ERROR, "a number is not finite (NaN, infinity) or too large"),
    "invalid-date": (Severity.ERROR, "a date that does not exist or is not written YYYY-MM-DD"),
    "invalid-id": (Severity.ERROR, "an owner or id that is not a safe name"),
    "invalid-cycle": (Severity.ERROR, "a cycle id that is not known"),
    "out-of-range": (Severity.ERROR, "a score, weight or value outside its range"),
    "start-equals-target": (Severity.ERROR, "a numeric key result whose start equals its target"),
    "numeric-and-milestone": (
        Severity.ERROR,
        "a key result with both a target and `done`",
    ),
    "reason-missing": (Severity.WARNING, "a dropped key result without a `reason`"),
    "parent-missing": (Severity.ERROR, "a team or individual OKR set without a `parent`"),
    "parent-on-company": (Severity.WARNING, "a company OKR set with a `parent`"),
    # Across files
    "duplicate-owner": (Severity.ERROR, "two OKR sets of one owner in the same cycle"),
    "duplicate-id": (Severity.ERROR, "two objectives, or two key results, with the same id"),
    "unknown-parent": (Severity.ERROR, "the `parent` owner has no OKR set"),
    "parent-below": (Severity.WARNING, "the parent is at a lower level than the set"),
    "invalid-reference": (Severity.ERROR, "an `aligns` reference that is not written right"),
    "unresolved-reference": (Severity.ERROR, "an `aligns` reference to nothing that exists"),
    "self-alignment": (Severity.ERROR, "an objective that aligns to its own OKR set"),
    "alignment-cycle": (Severity.ERROR, "objectives that align to each other in a loop"),
    "alignment-down": (Severity.WARNING, "an objective that aligns to a lower level"),
    # Check-ins
    "checkin-outside-cycle": (Severity.ERROR, "a check-in dated outside the set's cycle"),
    "checkin-order": (Severity.ERROR, "check-ins not in date order"),
    "checkin-value-type": (Severity.ERROR, "a check-in value of the wrong kind for its KR"),
    "current-mismatch": (Severity.WARNING, "`current` differs from the latest check-in"),
    # Method (docs/method.md), warnings whose limits are configurable
    "too-many-objectives": (Severity.WARNING, "more objectives than the level's limit"),
    "too-many-key-results": (Severity.WARNING, "more key results than the limit"),
    "weights-not-100": (Severity.WARNING, "the KR weights of an objective do not sum to 100"),
    "not-measurable": (Severity.WARNING, "a key result with no target and no `done`"),
    "task-like": (Severity.WARNING, "a key result that reads like a routine task"),
    "unaligned": (Severity.WARNING, "a team or individual objective that aligns to nothing"),
    "placeholder-text": (
        Severity.WARNING,
        "a title `okr new` wrote as a placeholder, in a set that is not a draft",
    ),
    # Refusals of `okr new` (core/refusals.py holds their texts)
    "new-unknown-cycle": (Severity.ERROR, "the cycle of the new set is not a cycle"),
    "new-invalid-id": (Severity.ERROR, "the owner or parent is not a usable id"),
    "new-parent-on-company": (Severity.ERROR, "a parent given for a company OKR set"),
    "new-parent-missing": (Severity.ERROR, "no parent given for a team or individual set"),
    "new-invalid-reference": (Severity.ERROR, "an `--aligns` that is not a reference"),
    # Refusals of `okr carry`
    "carry-no-set": (Severity.ERROR, "an `--owner` with no OKR set in the old cycle"),
    "carry-empty-cycle": (Severity.ERROR, "the old cycle has no OKR set"),
    "carry-all-dropped": (Severity.ERROR, "every key result of a set is dropped"),
    # What `okr carry` tells about its drafts
    "carry-done-left-out": (Severity.INFO, "a key result already done is not carried"),
    "carry-date-outside-cycle": (
        Severity.WARNING,
        "a carried title names a date outside the new cycle",
    ),
    # Refusals of `okr checkin`
    "checkin-unreadable": (Severity.ERROR, "the file does not pass as an OKR file"),
    "checkin-cr-line-breaks": (Severity.ERROR, "the file uses old Mac line breaks (CR)"),
    "checkin-date-outside-cycle": (Severity.ERROR, "the date is outside the set's cycle"),
    "checkin-given-twice": (Severity.ERROR, "one key result is given twice"),
    "checkin-unknown-key-result": (Severity.ERROR, "the set has no such key result"),
    "checkin-dropped": (Severity.ERROR, "the key result is dropped"),
    "checkin-milestone-value": (Severity.ERROR, "a number given for a milestone"),
    "checkin-number-value": (Severity.ERROR, "true or false given for a number to reach"),
    "checkin-not-a-number": (Severity.ERROR, "the value is not a plain number"),
    "checkin-not-after-latest": (Severity.ERROR, "the date is not after the latest check-in"),
    "checkin-note-too-long": (Severity.ERROR, "the note is longer than 2,000 characters"),
    "checkin-not-editable": (Severity.ERROR, "the file's text cannot take the check-in"),
    "checkin-read-back": (Severity.ERROR, "the edited file would not read back as intended"),
    # Refusals of `okr score` (core/texts/checkin.py holds their texts)
    "score-not-a-number": (Severity.ERROR, "a score that is not a number or a percentage"),
    "score-out-of-range": (Severity.ERROR, "a score outside 0 to 1"),
    # Refusals of `okr checkin --from-csv`
    "csv-unreadable": (Severity.ERROR, "the CSV file is not UTF-8"),
    "csv-header": (Severity.ERROR, "the CSV's header row lacks a column"),
    "csv-row": (Severity.ERROR, "a row of the CSV cannot be read"),
    "csv-unknown-set": (Severity.ERROR, "a row names an OKR set that does not exist"),
    # Refusals of `okr apply-issue`
    "apply-no-form": (Severity.ERROR, "the issue was not written with an OKR form"),
    "apply-not-member": (Severity.ERROR, "the issue's author is not a member of the repository"),
    "apply-unknown-set": (Severity.ERROR, "the issue names an OKR set that does not exist"),
    "apply-broken-set": (Severity.ERROR, "the OKR set of the issue has errors of its own"),
    "apply-not-written": (Severity.ERROR, "the OKR files could not be written"),
}


def make(
    code: str,
    path: str,
    line: int,
    column: int,
    message: Text,
    severity: Severity | None = None,
) -> Diagnostic:
    """Build a diagnostic with the code's default severity (a code must be registered).

    The message is a `Text` (`messages.text(key, ...)`), never a plain string: every diagnostic
    must be readable in every language of the site."""
    default, _summary = CODES[code]
    return Diagnostic(severity or default, code, path, line, column, message)


def one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def format_text(diagnostic: Diagnostic, shown_path: str, language: str = DEFAULT_LANGUAGE) -> str:
    """`path:line:col: severity: message [code]`, the form of `okr check` and of the build log.

    Always one line, even when a message quotes text (or a file name) with line breaks: a second
    line could pass for a diagnostic, or for a workflow command on CI.
    """
    path = one_line(shown_path)
    if path.lstrip().startswith(("::", "##[")):
        # A file named `::error::x.md` must not pass for a workflow command (`##[` is the
        # runner's older syntax).
        path = "./" + path
    return (
        f"{path}:{diagnostic.line}:{diagnostic.column}: "
        f"{diagnostic.severity.value}: {one_line(diagnostic.message_in(language))} [{diagnostic.code}]"
    )


def count_by_severity(diagnostics: list[Diagnostic]) -> dict[str, int]:
    counts = {severity.value: 0 for severity in Severity}
    for diagnostic in diagnostics:
        counts[diagnostic.severity.value] += 1
    return counts
