"""Check-ins and grades sent from GitHub issue forms: the body of an issue -> typed requests.

A user without git or YAML opens a prefilled issue form (`.github/ISSUE_TEMPLATE/okr-checkin.yml`
or `okr-grade.yml`); GitHub writes the submitted fields into the issue body as `### <label>`, a
blank line and the value, per field, with `_No response_` for an empty one. This module reads
that body back. It is pure (no I/O) and never raises: what it cannot accept comes back as a
`Problem` with a stable code, the body line it came from and a plain message (docs/issue-forms.md
lists every code and the grammar of a line).

The body is split on the form's known field labels, in both languages the forms exist in, never
on any `###`: a note may hold `###` too.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from . import messages
from .cycles import CUSTOM_NAME, builtin
from .frontmatter import MAX_MAGNITUDE
from .messages import ISSUE
from .messages import MESSAGES as ALL_MESSAGES
from .schema import ID, OwnerId

NO_RESPONSE = "_No response_"  # what GitHub writes for an empty input or textarea


# --- The forms ---------------------------------------------------------------------------------


class Form(str, enum.Enum):
    """The two issue forms; the value is the form's label, which the workflow filters on."""

    CHECKIN = "okr-checkin"
    GRADE = "okr-grade"

    @property
    def template(self) -> str:
        """The form's file name under `.github/ISSUE_TEMPLATE/` (the `template=` of a link)."""
        return f"{self.value}.yml"


@dataclass(frozen=True)
class FormField:
    id: str  # the form's field id: prefilled links name fields by it
    kind: str  # input | textarea (the only kinds a link can prefill)
    labels: dict[str, str]  # language -> the label, which GitHub writes as `### <label>`
    required: bool


SET = FormField("set", "input", {"zh": "OKR 集", "en": "OKR set"}, True)
DATE = FormField("date", "input", {"zh": "日期", "en": "Date"}, False)
UPDATES = FormField("updates", "textarea", {"zh": "本周进展", "en": "Progress"}, True)
SCORES = FormField("scores", "textarea", {"zh": "评分", "en": "Scores"}, True)
RETROSPECTIVE = FormField("retrospective", "textarea", {"zh": "复盘", "en": "Retrospective"}, False)

# In the order of the forms. The free-text fields come last: a line of their text that reads
# exactly like a later field's heading could otherwise be taken for one.
FIELDS: dict[Form, tuple[FormField, ...]] = {
    Form.CHECKIN: (SET, DATE, UPDATES),
    Form.GRADE: (SET, DATE, SCORES, RETROSPECTIVE),
}
LANGUAGES = ("zh", "en")

# The issue's title, which a prefilled link fills in with the set's id after it.
TITLES: dict[Form, dict[str, str]] = {
    Form.CHECKIN: {"zh": "OKR 进展", "en": "OKR check-in"},
    Form.GRADE: {"zh": "OKR 评分", "en": "OKR grades"},
}


def form_for_labels(labels: Sequence[str]) -> Form | None:
    """The form an issue was written with, from its labels; None if neither or both."""
    forms = [form for form in Form if form.value in labels]
    return forms[0] if len(forms) == 1 else None


# --- What a body asks for ----------------------------------------------------------------------


class ValueKind(str, enum.Enum):
    NUMBER = "number"  # the key result's value itself: 7600
    PERCENT = "percent"  # percent of the way from start to target: 76%
    DONE = "done"  # a milestone: done / not done


class Status(str, enum.Enum):
    """How the owner judges a key result this week (Feishu's 正常 / 有风险 / 已延期)."""

    ON_TRACK = "on-track"
    AT_RISK = "at-risk"
    OFF_TRACK = "off-track"


STATUS_WORDS: dict[str, Status] = {
    "正常": Status.ON_TRACK,
    "有风险": Status.AT_RISK,
    "已延期": Status.OFF_TRACK,
    "on track": Status.ON_TRACK,
    "at risk": Status.AT_RISK,
    "off track": Status.OFF_TRACK,
}
DONE_WORDS = {"done": True, "完成": True, "已完成": True, "not done": False, "未完成": False}


@dataclass(frozen=True)
class SetRef:
    """`CYCLE/OWNER`: the OKR set (one owner's OKRs for one cycle) an issue is about."""

    cycle: str
    owner: str

    def __str__(self) -> str:
        return f"{self.cycle}/{self.owner}"


@dataclass(frozen=True)
class Reading:
    """A value given for a key result: a number, percent of the way, or done / not done."""

    kind: ValueKind
    amount: float | bool

    def value_for(self, start: float, target: float) -> float:
        """The key result's value this reading stands for (a percent is of the way)."""
        if self.kind is ValueKind.PERCENT:
            return start + float(self.amount) / 100 * (target - start)
        return float(self.amount)


@dataclass(frozen=True)
class KeyResultLine:
    """A key result named on a line of `updates` or `scores`: `O1/KR1`."""

    objective: str
    key_result: str

    @property
    def ref(self) -> str:
        return f"{self.objective}/{self.key_result}"


@dataclass(frozen=True)
class KeyResultUpdate(KeyResultLine):
    """One line of a check-in: `O1/KR1 = 7600 [有风险] # note`."""

    reading: Reading
    status: Status | None = None
    note: str | None = None
    line: int = field(default=0, compare=False)  # 1-based line of the body; 0 when built


@dataclass(frozen=True)
class KeyResultScore(KeyResultLine):
    """One line of a grade: `O1/KR1 = 0.7 # note`, the score from 0 to 1."""

    score: float
    note: str | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class CheckinRequest:
    set: SetRef
    date: dt.date
    updates: tuple[KeyResultUpdate, ...]


@dataclass(frozen=True)
class GradeRequest:
    set: SetRef
    date: dt.date
    scores: tuple[KeyResultScore, ...]
    retrospective: str | None


# --- Problems ----------------------------------------------------------------------------------

# code -> language -> the message: every text a problem shows, kept with the core's other
# texts (core/texts/issues.py, keys `issue.<code>`). The codes are the same in every language
# (docs/issue-forms.md lists them).
MESSAGES: dict[str, dict[str, str]] = {
    key.removeprefix(ISSUE + "."): texts
    for key, texts in ALL_MESSAGES.items()
    if key.startswith(ISSUE + ".")
}


@dataclass(frozen=True)
class Problem:
    """Why a body (or one line of it) is refused. `line` is 1-based in the body, 0 if none."""

    code: str
    line: int
    details: tuple[tuple[str, str], ...] = ()  # the message's arguments, as shown

    @property
    def message(self) -> str:
        return self.message_in("en")

    def message_in(self, language: str) -> str:
        """The message in `language` (`en` or `zh`; English for any other)."""
        return messages.text(f"{ISSUE}.{self.code}", line=self.line, **dict(self.details)).render(
            language
        )


SHOWN_CHARACTERS = 80  # of a user's text quoted in a message: enough to find it again


def problem(code: str, line: int, **details: object) -> Problem:
    """The problem of `code` with the arguments of its message (a code must be known).

    Text quoted from the issue is cut to a length that names it without repeating a whole body.
    """
    if code not in MESSAGES:
        raise KeyError(f"unknown problem code {code!r}")  # a bug of this module, not of input
    shown = []
    for key, value in details.items():
        text = str(value)
        if len(text) > SHOWN_CHARACTERS:
            text = text[:SHOWN_CHARACTERS] + "…"
        shown.append((key, text))
    return Problem(code, line, tuple(shown))


@dataclass(frozen=True)
class ParsedIssue:
    """What an issue asks for; `request` is None exactly when there are problems."""

    form: Form
    request: CheckinRequest | GradeRequest | None
    problems: tuple[Problem, ...]


# --- Reading the body --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    text: str  # as written, blank lines around it removed; "" for `_No response_`
    line: int  # the body line of the value's first line
    label: str  # the field's label as the heading wrote it
    language: str  # the language of that label


def _lines(body: str) -> list[str]:
    # GitHub may send CRLF; a lone CR is a line break too. Other Unicode breaks stay inside a
    # line (and are refused as control characters where a line must be plain).
    return body.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def split_fields(body: str, form: Form) -> dict[str, _Value]:
    """The value of each field of `form` found in `body`, by field id.

    A line is a field's heading only if it is `### <label>` with a label of that form's field
    (in any language) seen for the first time: a repeated heading, or any other `###`, is text.
    """
    headings = {
        label: (spec.id, language)
        for spec in FIELDS[form]
        for language, label in spec.labels.items()
    }
    lines = _lines(body)
    starts: list[tuple[int, str, str]] = []  # (index of the heading line, field id, language)
    for index, line in enumerate(lines):
        text = line.rstrip()
        if not text.startswith("### "):
            continue
        found = headings.get(text[4:].strip())
        if found is not None and found[0] not in {seen for _i, seen, _l in starts}:
            starts.append((index, *found))
    values: dict[str, _Value] = {}
    for number, (index, field_id, language) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        first, last = index + 1, end
        while first < last and not lines[first].strip():
            first += 1
        while last > first and not lines[last - 1].strip():
            last -= 1
        text = "\n".join(lines[first:last])
        if text.strip() == NO_RESPONSE:
            text = ""
        values[field_id] = _Value(text, first + 1, lines[index][4:].strip(), language)
    return values


# Characters NFKC leaves alone that people type for '-', '[' and ']'.
_SIGNS = str.maketrans({"\u2212": "-", "【": "[", "】": "]"})


def _plain(text: str) -> str:
    """Full-width digits, signs and letters as ASCII (`７６％` -> `76%`, `【` -> `[`)."""
    return unicodedata.normalize("NFKC", text).translate(_SIGNS)


plain = _plain  # for `okr checkin`, which reads values as the forms do


# Line and paragraph separators and the bidirectional overrides that make text read other than
# it is stored; not every format character (emoji sequences hold zero-width joiners).
_INVISIBLE = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _has_control(text: str) -> bool:
    return any(
        (unicodedata.category(char) == "Cc" and char != "\t") or char in _INVISIBLE for char in text
    )


_OWNER_ID: TypeAdapter[str] = TypeAdapter(OwnerId)


def parse_set(text: str) -> SetRef | None:
    """`CYCLE/OWNER` with the core's rules for cycle and owner ids, or None."""
    plain = _plain(text.strip())
    cycle, slash, owner = plain.partition("/")
    if not slash or "/" in owner or _has_control(plain):
        return None
    if builtin(cycle) is None and (not CUSTOM_NAME.fullmatch(cycle) or ".." in cycle):
        return None
    try:
        _OWNER_ID.validate_python(owner)
    except ValidationError:
        return None
    return SetRef(cycle, owner)


_DATE = re.compile(
    r"([0-9]{4})(?:[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})|年([0-9]{1,2})月([0-9]{1,2})日?)"
)


def parse_date(text: str) -> dt.date | None:
    """2026-11-27 (also 2026/11/27, 2026.11.27, 2026年11月27日), or None."""
    match = _DATE.fullmatch(_plain(text.strip()))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups() if part is not None)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A number as people type it: an optional sign, digits with or without thousands separators in
# groups of three, an optional decimal part. No leading zero (`010`: ten, or eight as YAML 1.1
# reads it?).
_NUMBER = re.compile(
    r"[-+]?(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0)(?:\.[0-9]+)?|[-+]?\.[0-9]+"
)
_LINE = re.compile(r"(?P<ref>[^=]*?)\s*=\s*(?P<value>.*)")
_STATUS_TAIL = re.compile(r"(?P<head>.*?)\s*\[(?P<status>[^\[\]]*)\]")


def _number(text: str) -> float | None:
    """The number `text` writes; None if it is not one, infinity if an OKR file could not hold it."""
    if not _NUMBER.fullmatch(text):
        return None
    number = float(text.replace(",", ""))
    return number if math.isfinite(number) and abs(number) < MAX_MAGNITUDE else math.inf


def _split_note(line: str) -> tuple[str, str | None]:
    # Ids, values and status words never hold '#', so the first one starts the note.
    for index, char in enumerate(line):
        if char in "#＃":
            return line[:index], line[index + 1 :].strip() or None
    return line, None


def _reference(text: str) -> tuple[str, str] | None:
    objective, slash, key_result = text.partition("/")
    if slash and ID.fullmatch(objective) and ID.fullmatch(key_result):
        return objective, key_result
    return None


@dataclass
class _Line:
    """One line of `updates` or `scores`, cut into its parts (plain: full-width as ASCII)."""

    number: int
    objective: str
    key_result: str
    value: str  # plain
    note: str | None


def _cut_lines(value: _Value, example: str) -> tuple[list[_Line], list[Problem]]:
    lines: list[_Line] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for offset, raw in enumerate(value.text.split("\n")):
        number = value.line + offset
        if not raw.strip() or raw.strip() == NO_RESPONSE:
            continue
        if _has_control(raw):
            problems.append(problem("control-character", number))
            continue
        head, note = _split_note(raw)
        match = _LINE.fullmatch(_plain(head).strip())
        if not match:
            problems.append(problem("line-unreadable", number, text=raw.strip(), example=example))
            continue
        reference = _reference(match["ref"])
        if reference is None:
            problems.append(problem("reference-invalid", number, text=match["ref"]))
            continue
        ref = "/".join(reference)
        if ref in seen:
            problems.append(problem("duplicate-key-result", number, ref=ref, first=seen[ref]))
            continue
        seen[ref] = number
        lines.append(_Line(number, *reference, match["value"].strip(), note))
    return lines, problems


def parse_reading(text: str) -> tuple[Reading | None, str | None]:
    """A check-in value (plain text): the reading, or the code of the problem with it."""
    lowered = " ".join(text.lower().split())
    if lowered in DONE_WORDS:
        return Reading(ValueKind.DONE, DONE_WORDS[lowered]), None
    percent = text.endswith("%")
    number = _number(text[:-1].rstrip() if percent else text)
    if number is None:
        return None, "value-invalid"
    if math.isinf(number):
        return None, "number-too-large"
    return Reading(ValueKind.PERCENT if percent else ValueKind.NUMBER, number), None


def parse_status(text: str) -> Status | None:
    """正常 / 有风险 / 已延期, on track / at risk / off track (any case, '-' for a space)."""
    return STATUS_WORDS.get(" ".join(text.lower().replace("-", " ").split()))


def split_status(value: str) -> tuple[str, Status | None] | str:
    """A value and the status written after it (`7600 [有风险]`, `7600 有风险`), or the code of
    the problem: a bracketed word that is no status. The value is plain text."""
    bracketed = _STATUS_TAIL.fullmatch(value)  # `7600 [有风险]`; 【】 and ［］ are plain [ ]
    if bracketed:
        status = parse_status(bracketed["status"])
        return (bracketed["head"], status) if status is not None else "status-unknown"
    lowered = value.lower()
    for words, word_status in STATUS_WORDS.items():
        shorter = value[: -len(words)].rstrip()
        if lowered.endswith(words) and shorter and parse_reading(shorter)[0] is not None:
            return shorter, word_status  # a status written without brackets: `7600 有风险`
    return value, None


def _update(line: _Line) -> KeyResultUpdate | Problem:
    split = split_status(line.value)
    if isinstance(split, str):
        text = _STATUS_TAIL.fullmatch(line.value)
        return problem(split, line.number, text=text["status"].strip() if text else line.value)
    value, status = split
    reading, code = parse_reading(value)
    if reading is None:
        return problem(code or "value-invalid", line.number, text=value)
    return KeyResultUpdate(line.objective, line.key_result, reading, status, line.note, line.number)


def split_line(text: str) -> tuple[str, str, str, str | None] | None:
    """`O1/KR1 = 7600 [有风险] # note` as (objective, key result, plain value, note), or None
    when it is not such a line: the grammar of a form's line, for `okr checkin` and `okr score`
    too."""
    if _has_control(text):
        return None
    head, note = _split_note(text)
    match = _LINE.fullmatch(_plain(head).strip())
    reference = _reference(match["ref"]) if match else None
    if match is None or reference is None:
        return None
    return reference[0], reference[1], match["value"].strip(), note


def parse_score(text: str) -> tuple[float | None, str | None]:
    """A grade (plain text): 0.7 or 70%, as a number from 0 to 1; or the problem's code."""
    percent = text.endswith("%")
    number = _number(text[:-1].rstrip() if percent else text)
    if number is None:
        return None, "score-invalid"
    score = number / 100 if percent else number
    if not 0 <= score <= 1:
        return None, "score-out-of-range"
    return score, None


def _score(line: _Line) -> KeyResultScore | Problem:
    score, code = parse_score(line.value)
    if score is None:
        return problem(code or "score-invalid", line.number, text=line.value)
    return KeyResultScore(line.objective, line.key_result, score, line.note, line.number)


_EXAMPLES = {Form.CHECKIN: "O1/KR1 = 7600", Form.GRADE: "O1/KR1 = 0.7"}


def parse_issue(form: Form, body: str | None, issue_day: dt.date) -> ParsedIssue:
    """What the issue body of `form` asks for, or every problem found in it.

    `issue_day` is the day the issue was opened: the check-in's date when the form leaves it
    empty, and the latest date accepted (plus one day, for time zones).
    """
    try:
        parsed = _parse(form, body or "", issue_day)
        problems = tuple(sorted(parsed.problems, key=lambda item: item.line))
        return ParsedIssue(parsed.form, parsed.request, problems)
    except Exception as error:  # never raise on an issue's text; a bug shows as a problem
        return ParsedIssue(form, None, (problem("internal-error", 0, error=repr(error)),))


def _parse(form: Form, body: str, issue_day: dt.date) -> ParsedIssue:
    values = split_fields(body, form)
    language = next((value.language for value in values.values()), LANGUAGES[0])
    problems = [
        problem("field-missing", 0, label=spec.labels[language])
        for spec in FIELDS[form]
        if spec.id not in values
    ]
    if problems:
        return ParsedIssue(form, None, tuple(problems))
    okr_set = _read_set(values[SET.id], problems)
    day = _read_date(values[DATE.id], issue_day, problems)
    if form is Form.CHECKIN:
        updates = _read_lines(values[UPDATES.id], form, _update, problems)
        if problems or okr_set is None:
            return ParsedIssue(form, None, tuple(problems))
        return ParsedIssue(form, CheckinRequest(okr_set, day, updates), ())
    scores = _read_lines(values[SCORES.id], form, _score, problems)
    retrospective = values[RETROSPECTIVE.id]
    for offset, text in enumerate(retrospective.text.split("\n")):
        if _has_control(text):
            problems.append(problem("control-character", retrospective.line + offset))
    if problems or okr_set is None:
        return ParsedIssue(form, None, tuple(problems))
    return ParsedIssue(form, GradeRequest(okr_set, day, scores, retrospective.text or None), ())


def _read_set(value: _Value, problems: list[Problem]) -> SetRef | None:
    okr_set = parse_set(value.text)
    if not value.text:
        problems.append(problem("set-missing", value.line, label=value.label))
    elif okr_set is None:
        problems.append(problem("set-invalid", value.line, text=value.text))
    return okr_set


def _read_date(value: _Value, issue_day: dt.date, problems: list[Problem]) -> dt.date:
    if not value.text:
        return issue_day
    given = parse_date(value.text)
    if given is None:
        problems.append(problem("date-invalid", value.line, text=value.text))
    elif (given - issue_day).days > 1:
        problems.append(problem("date-in-future", value.line, date=given, today=issue_day))
    else:
        return given
    return issue_day


_Item = TypeVar("_Item", KeyResultUpdate, KeyResultScore)


def _read_lines(
    value: _Value,
    form: Form,
    read: Callable[[_Line], _Item | Problem],
    problems: list[Problem],
) -> tuple[_Item, ...]:
    """The lines of `updates` or `scores`, each read by `read`; their problems into `problems`."""
    lines, line_problems = _cut_lines(value, _EXAMPLES[form])
    problems.extend(line_problems)
    if not lines and not line_problems:
        problems.append(
            problem("nothing-given", value.line, label=value.label, example=_EXAMPLES[form])
        )
    items = [read(line) for line in lines]
    problems.extend(item for item in items if isinstance(item, Problem))
    return tuple(item for item in items if not isinstance(item, Problem))


# --- Writing lines (for prefilled links) -------------------------------------------------------


def _number_text(number: float) -> str:
    return str(int(number)) if number == int(number) and abs(number) < 1e15 else repr(number)


def format_reading(reading: Reading, language: str = "zh") -> str:
    if reading.kind is ValueKind.DONE:
        words = {"zh": ("完成", "未完成"), "en": ("done", "not done")}[language]
        return words[0] if reading.amount else words[1]
    text = _number_text(float(reading.amount))
    return text + "%" if reading.kind is ValueKind.PERCENT else text


_STATUS_SHOWN = {
    "zh": {Status.ON_TRACK: "正常", Status.AT_RISK: "有风险", Status.OFF_TRACK: "已延期"},
    "en": {Status.ON_TRACK: "on track", Status.AT_RISK: "at risk", Status.OFF_TRACK: "off track"},
}


def format_update(update: KeyResultUpdate, language: str = "zh", note: bool = True) -> str:
    """The line a user would type for `update` (the parser reads it back as the same update)."""
    text = f"{update.ref} = {format_reading(update.reading, language)}"
    if update.status is not None:
        text += f" [{_STATUS_SHOWN[language][update.status]}]"
    if note and update.note:
        text += f" # {update.note}"
    return text


def format_score(score: KeyResultScore, note: bool = True) -> str:
    text = f"{score.ref} = {_number_text(score.score)}"
    return text + (f" # {score.note}" if note and score.note else "")
