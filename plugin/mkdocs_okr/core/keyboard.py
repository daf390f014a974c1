"""What a Chinese keyboard types where YAML needs ASCII, found before the YAML is parsed.

A Chinese input method types `：` for `:`, `，` for `,`, `－` for `-`, `“”` for quotes, a
full-width space (U+3000) and full-width digits `７６００`; people also write numbers as they
read them (`3,500`, `70%`). YAML then fails far from the slip, or reads something else without
a word (`target: 3,500` is a text, `{value: 3,500}` two fields). So the front matter's text is
scanned line by line first: each slip becomes a diagnostic at the character typed, saying what
to type instead, and is repaired in the text the parser reads, so the rest of the file is still
checked in the same run. Repairs keep every character in place where they can (one character
for one, a shorter number padded with spaces), so later positions on the line stay right.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .messages import Text, text

# Fields whose value is a number (`value` is a check-in's).
NUMBER_KEYS = frozenset({"start", "target", "current", "value", "weight", "score"})

# The article's own words, accepted as the values they mean (docs/format.md).
SYNONYMS: dict[str, dict[str, str]] = {
    "type": {"承诺型": "committed", "挑战型": "aspirational"},
    "level": {"公司": "company", "团队": "team", "个人": "individual"},
}

_FULL_WIDTH_SPACE = "\u3000"
_FULL_WIDTH_DASH = "－"
_OPENING_QUOTES = "“＂"
_CLOSING_QUOTES = "”＂"
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*([:：])")
# A key whose value is a `|` or `>` block: the lines below it are text, not YAML.
_BLOCK_START = re.compile(
    r"^[ \t\u3000]*(- )?[A-Za-z_][A-Za-z0-9_-]*[ \t]*[:：][ \t]+[|>][-+0-9]*[ \t]*(#.*)?$",
    re.MULTILINE,
)
# A character some slip needs: only the lines holding one are read.
_SUSPECT = re.compile("[：，－“”＂\u3000０-９%]|[0-9],[0-9]")
_SUSPECT_LINE = re.compile(f"^.*(?:{_SUSPECT.pattern}).*$", re.MULTILINE)
# Of those lines, the ones where a slip can be: Chinese text is full of `，`, `：` and `%`
# (`遇到阻碍：需要设计支持`, `从 48.6% 提升到 70%`), and reading every such line cost a fifth of a
# check. A `：` is a slip only after a key; a `，` only in a `[...]` or before a `key:`; `%` and
# `3,500` only in a number's value (NUMBER_KEYS); the other suspects are always read.
_ALWAYS_READ = re.compile("[－“”＂\u3000０-９]")
_KEY_THEN_FULL_WIDTH_COLON = re.compile("[A-Za-z_][A-Za-z0-9_-]*[ \t]*：")
_COMMA_THEN_KEY = re.compile("，[ \t]*[A-Za-z_][A-Za-z0-9_-]*[ \t]*:")
_NUMBER_AS_READ = re.compile(
    "(?:start|target|current|value|weight|score)[ \t]*:.*(?:%|[0-9],[0-9])"
)


def _slip_possible(line: str) -> bool:
    if _ALWAYS_READ.search(line):
        return True
    if "：" in line and _KEY_THEN_FULL_WIDTH_COLON.search(line):
        return True
    if "，" in line and ("[" in line or _COMMA_THEN_KEY.search(line)):
        return True
    return _NUMBER_AS_READ.search(line) is not None


# A full-width digit, point, comma, percent or sign -> its ASCII twin (one for one).
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")
_FULL_WIDTH_DIGIT = re.compile("[０-９]")
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")
_PERCENT = re.compile(r"([-+]?[0-9]+(\.[0-9]+)?)[ \t]*%")
# The end of a number in a flow group (`{value: 3,500}`) or on its own line.
_NUMBER_IN_FLOW = re.compile(r"[^\s,}\]]+(,[0-9]{3}(?![0-9]))*(\.[0-9]+)?")


@dataclass(frozen=True)
class Slip:
    """One slip of the keyboard: 0-based line and column in the front matter, what to say."""

    code: str
    line: int
    column: int
    text: Text


@dataclass
class _Line:
    chars: list[str]
    number: int
    slips: list[Slip]

    inserted: list[int] = field(default_factory=list)  # where a space was put in

    def report(self, code: str, column: int, message: Text) -> None:
        # At the column the writer sees: before the spaces put in by earlier repairs.
        typed = column - sum(1 for at in self.inserted if at < column)
        self.slips.append(Slip(code, self.number, typed, message))

    def insert_space(self, column: int) -> None:
        self.chars.insert(column, " ")
        self.inserted.append(column)

    def rest(self, column: int) -> str:
        return "".join(self.chars[column:])


def repair(yaml_text: str) -> tuple[str, list[Slip]]:
    """The front matter's text -> the text with every slip repaired, and the slips found."""
    slips: list[Slip] = []
    # This runs on every file: only the lines where a slip is possible are read.
    suspects: list[int] = []  # line numbers
    number, counted = 0, 0
    for match in _SUSPECT_LINE.finditer(yaml_text):
        if _slip_possible(match.group()):
            number += yaml_text.count("\n", counted, match.start())
            counted = match.start()
            suspects.append(number)
    if not suspects:
        return yaml_text, slips
    lines = yaml_text.split("\n")
    in_blocks = _block_lines(lines) if _BLOCK_START.search(yaml_text) else set()
    for number in suspects:
        original = lines[number]
        if number in in_blocks or original.lstrip().startswith("#"):
            continue
        indent = len(original) - len(original.lstrip(" \t" + _FULL_WIDTH_SPACE))
        line = _Line(list(original), number, slips)
        _indentation(line, indent)
        column = _dash(line, indent)
        column, key = _key(line, column)
        value = line.rest(column)
        if value.startswith(("[", "{")):
            _flow(line, column)
        else:
            _value(line, column, key, value.rstrip())
        lines[number] = "".join(line.chars)
    return "\n".join(lines), slips


def _block_lines(lines: list[str]) -> set[int]:
    """The lines inside `|` and `>` blocks: text, not YAML."""
    inside: set[int] = set()
    block_indent: int | None = None
    for number, written in enumerate(lines):
        indent = len(written) - len(written.lstrip(" \t" + _FULL_WIDTH_SPACE))
        if block_indent is not None and (not written.strip() or indent > block_indent):
            inside.add(number)
            continue
        block_indent = indent if _BLOCK_START.search(written) else None
    return inside


def _indentation(line: _Line, indent: int) -> None:
    spaces = [i for i in range(indent) if line.chars[i] == _FULL_WIDTH_SPACE]
    if spaces:
        line.report("full-width-space", spaces[0], text("full-width-space"))
        for i in spaces:
            line.chars[i] = " "


def _dash(line: _Line, column: int) -> int:
    """Past the list dashes (`- `, `－ `) at `column`; a full-width one is reported."""
    while column < len(line.chars) and line.chars[column] in ("-", _FULL_WIDTH_DASH):
        after = line.chars[column + 1] if column + 1 < len(line.chars) else " "
        if after not in (" ", "\t", _FULL_WIDTH_SPACE):
            break
        if line.chars[column] == _FULL_WIDTH_DASH:
            line.report("full-width-dash", column, text("full-width-dash"))
            line.chars[column] = "-"
        column += 1
        while column < len(line.chars) and line.chars[column] in (" ", "\t", _FULL_WIDTH_SPACE):
            if line.chars[column] == _FULL_WIDTH_SPACE:
                line.chars[column] = " "
            column += 1
    return column


def _key(line: _Line, column: int) -> tuple[int, str | None]:
    """Past `key:` at `column` (a full-width colon is reported and repaired) -> value start."""
    found = _KEY.match(line.rest(column))
    if found is None:
        return column, None
    colon = column + found.start(2)
    after = colon + 1
    if found.group(2) == "：":
        line.report("full-width-colon", colon, text("full-width-colon", field=found.group(1)))
        line.chars[colon] = ":"
        if after < len(line.chars) and line.chars[after] not in (" ", "\t"):
            line.insert_space(after)  # YAML needs a space after the colon
    elif after < len(line.chars) and line.chars[after] not in (" ", "\t"):
        return column, None  # `a:b` is a text (a time, a link), not a key
    while after < len(line.chars) and line.chars[after] in (" ", "\t", _FULL_WIDTH_SPACE):
        after += 1
    return after, found.group(1)


def _flow(line: _Line, start: int) -> None:
    """A `[...]` or `{...}` on one line: full-width commas and colons between its items."""
    opened: list[str] = []
    quote: str | None = None
    column = start
    while column < len(line.chars):
        char = line.chars[column]
        if quote is not None:
            quote = None if char == quote else quote
        elif char in "'\"" and "".join(line.chars[start:column]).rstrip()[-1:] in "[{,:":
            quote = char  # a quote opens a value only at its start (`it's` is text)
        elif char in "[{":
            opened.append(char)
            if char == "{":
                column = _flow_entry(line, column + 1)
                continue
        elif char in "]}":
            if opened:
                opened.pop()
            if not opened:
                return
        elif opened and char in ",，":
            # In a group, a `，` before `key:` separates fields; otherwise it is in the text.
            if char == "，" and (opened[-1] == "[" or _KEY.match(line.rest(column + 1).lstrip())):
                line.report("full-width-comma", column, text("full-width-comma"))
                line.chars[column] = ","
            if line.chars[column] == "," and opened[-1] == "{":
                column = _flow_entry(line, column + 1)
                continue
        column += 1


def _flow_entry(line: _Line, column: int) -> int:
    """One `key: value` of a flow group, starting at `column` -> where the scan goes on."""
    while column < len(line.chars) and line.chars[column] == " ":
        column += 1
    found = _KEY.match(line.rest(column))
    if found is None:
        return column
    value_start, key = _key(line, column)
    if key in NUMBER_KEYS:
        number = _NUMBER_IN_FLOW.match(line.rest(value_start))
        if number is not None:
            _value(line, value_start, key, number.group().rstrip())
            return value_start + len(number.group())
    return value_start


def _value(line: _Line, column: int, key: str | None, value: str) -> None:
    """A scalar value at `column`: full-width quotes around it, or a number typed as read."""
    if not value:
        return
    if value[0] in _OPENING_QUOTES and value[-1] in _CLOSING_QUOTES and len(value) > 1:
        _quotes(line, column, value)
        return
    if key not in NUMBER_KEYS:
        return
    typed = value.split(" #")[0].rstrip()
    half = typed.translate(_HALF_WIDTH)
    digit = _FULL_WIDTH_DIGIT.search(typed)
    if digit is not None:
        number = half.replace(",", "").replace("%", "").strip()
        line.report(
            "full-width-digit",
            column + digit.start(),
            text("full-width-digit", typed=typed, number=number),
        )
    if _THOUSANDS.fullmatch(half.rstrip("%").rstrip()):
        number = half.replace(",", "").replace("%", "").strip()
        line.report(
            "thousands-separator",
            column + half.index(","),
            text("thousands-separator", typed=typed, number=number),
        )
        half = half.replace(",", "")
    percent = _PERCENT.fullmatch(half)
    if percent is not None:
        half = _percent(line, column, key, typed, percent.group(1))
    if half != typed:
        _replace(line, column, typed, half)


def _percent(line: _Line, column: int, key: str, typed: str, number: str) -> str:
    """Report `70%`; -> the number to read instead (`0.7` for a score, `20` for a target)."""
    if key == "score":
        fraction = f"{float(number) / 100:g}"
        line.report(
            "percent-value",
            column,
            text("percent-value.score", typed=typed, number=fraction),
        )
        return fraction
    if key == "weight":  # a weight is a share already: no unit
        line.report(
            "percent-value", column, text("percent-value.weight", typed=typed, number=number)
        )
        return number
    line.report(
        "percent-value",
        column,
        text("percent-value.number", field=key, typed=typed, number=number),
    )
    return number


def _replace(line: _Line, column: int, typed: str, repaired: str) -> None:
    """Put `repaired` where `typed` was; padded with spaces when shorter, so the line keeps its
    columns. A longer repair is left out: the schema then refuses the value as typed, at the
    place already reported (the loader reports one problem per place)."""
    if len(repaired) > len(typed):
        return
    line.chars[column : column + len(typed)] = list(repaired.ljust(len(typed)))


def _quotes(line: _Line, column: int, value: str) -> None:
    line.report(
        "full-width-quote",
        column,
        text("full-width-quote", opening=value[0], closing=value[-1]),
    )
    inside = value[1:-1]
    for mark in ('"', "'"):
        if mark not in inside and "\\" not in inside:
            line.chars[column] = mark
            line.chars[column + len(value) - 1] = mark
            return


def closest_value(value: str, allowed: list[str], field: str) -> str | None:
    """The allowed value or synonym of `field` closest to `value` (difflib), or None."""
    candidates = [*allowed, *SYNONYMS.get(field, {})]
    guess = difflib.get_close_matches(value, candidates, n=1, cutoff=0.5)
    return guess[0] if guess else None


def synonym(field: str, value: object) -> object:
    """The value a synonym of `field` stands for (`承诺型` -> committed); others as given."""
    if isinstance(value, str):
        return SYNONYMS.get(field, {}).get(value.strip(), value)
    return value
