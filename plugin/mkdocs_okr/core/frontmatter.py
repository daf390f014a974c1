"""Read an OKR file: split the YAML front matter from the Markdown body and build plain values.

PyYAML's own constructor surprises people (duplicate keys override silently, `yes` becomes
True, `010` becomes 8, `1:30` becomes 90, aliases expand into bombs) and raises exceptions
that are not `YAMLError`. So we take only the *event stream* from libyaml's C parser (fast,
and it carries anchors, explicit tags and positions) and build the values ourselves, with the
rules of the OKR format, remembering where each key and value stands in the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import keyboard, messages
from .diagnostics import Diagnostic, make
from .messages import Text

try:  # the C parser is about 8x faster; the pure-Python one gives the same events
    from yaml import _yaml as _libyaml

    _CParser: Any = _libyaml.CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None


def _events(yaml_text: str) -> Iterator[Any]:
    """The YAML events of the text, one at a time, then nothing.

    libyaml's parser is asked for each event directly: `yaml.parse` wraps it in a generator
    and a loader (a constructor and a resolver we never use), which cost a tenth of a check.
    Its `get_event` gives None once the stream has ended."""
    if _CParser is None:  # pragma: no cover - PyYAML built without libyaml
        return iter(yaml.parse(yaml_text, Loader=yaml.SafeLoader))
    return iter(_CParser(yaml_text).get_event, None)


# A path inside the front matter: mapping keys and list indices, as pydantic reports them.
Path = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column in the file

MAX_DEPTH = 32
# set -> objectives -> objective -> key_results -> key result -> checkins -> check-in
MAX_INT_DIGITS = 18
# Larger magnitudes overflow `current - start` to infinity and scores to NaN; no OKR counts
# anything near 10**18 (the largest 18-digit whole number is just below it).
MAX_MAGNITUDE = 1e18
DEFAULT_MAX_BYTES = 1024 * 1024

_BOOL_TRUE = {"true", "True", "TRUE"}
_BOOL_FALSE = {"false", "False", "FALSE"}
_BOOL_AMBIGUOUS = {"yes", "no", "on", "off"}  # what PyYAML turns into booleans
_NULL = {"", "~", "null", "Null", "NULL"}
_SPECIAL_WORDS = {w.lower() for w in (*_BOOL_TRUE, *_BOOL_FALSE, *_BOOL_AMBIGUOUS, *_NULL)}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[-+]?\.(inf|Inf|INF|nan|NaN|NAN)")
# What YAML 1.1 would silently turn into a number: octal, hex, binary, underscores, 1:30.
# Every repetition is unambiguous (digits up to the *first* underscore), so matching stays
# linear: `[0-9][0-9_]*_[0-9_]*` took minutes on a value of 1_1_1_... a megabyte long.
_SURPRISING_NUMBER = re.compile(
    r"[-+]?(0[0-9_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"
    r"|[0-9]+_[0-9_]*(\.[0-9_]*)?)"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
# A plain decimal number (`3.5`, `-0.25`): what most numbers of an OKR file are.
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]{0,14})\.[0-9]+")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]")
# Zero-width and other invisible characters that make two keys look alike.
_INVISIBLE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b-\x1f\x7f]"
)
# Characters YAML treats as line breaks but editors do not: line numbers would disagree.
_ODD_BREAKS = re.compile("[\u0085\u2028\u2029]")
# Text fields where a ` #` in an unquoted value is almost surely part of the text.
_TEXT_KEYS = {"title", "name", "note", "reason", "unit"}
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"


@dataclass
class Document:
    """The front matter's values with their positions, and the Markdown body."""

    data: dict[str, Any]
    value_positions: dict[Path, Position]
    key_positions: dict[Path, Position]
    body: str
    body_line: int  # the file line where the body starts

    def position(self, path: Path) -> Position:
        """Where the value at `path` is, or its nearest enclosing value that has a place."""
        for cut in range(len(path), -1, -1):
            found = self.value_positions.get(path[:cut])
            if found is not None:
                return found
        return (1, 1)

    def key_position(self, path: Path) -> Position:
        return self.key_positions.get(path) or self.position(path)


@dataclass
class ReadResult:
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _column(raw: bytes, offset: int) -> int:
    """The 1-based column of byte `offset`, counting characters as an editor does."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    prefix = raw[line_start:offset]
    if line_start == 0 and prefix.startswith(b"\xef\xbb\xbf"):
        prefix = prefix[3:]  # an editor does not show the byte order mark
    return len(prefix.decode("utf-8", "replace")) + 1


def decode(
    raw: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> text, refusing what is too large, binary or not UTF-8 (before any parsing)."""
    if len(raw) > max_bytes:
        return None, [
            make(
                "file-too-large",
                path,
                1,
                1,
                messages.text("file-too-large", size=len(raw), limit=max_bytes),
            )
        ]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        column = _column(raw, nul)
        return None, [
            make(
                "file-binary",
                path,
                line,
                column,
                messages.text("file-binary", offset=nul, line=line, column=column),
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start
        line = raw.count(b"\n", 0, offset) + 1
        column = _column(raw, offset)
        return None, [
            make(
                "file-encoding",
                path,
                line,
                column,
                messages.text(
                    "file-encoding",
                    offset=offset,
                    byte=f"{raw[offset]:02X}",
                    line=line,
                    column=column,
                ),
            )
        ]
    return text, []


def opens_front_matter(first_line: str) -> bool:
    """An OKR file's first line is `---` (trailing spaces and a CR allowed)."""
    return first_line.rstrip() == "---"


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter (`---` or `...`), or None when the
    first line does not open it or no line closes it. Lines may keep a trailing CR."""
    if not lines or not opens_front_matter(lines[0]):
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index
    return None


def split(text: str, path: str) -> tuple[str | None, str, int, list[Diagnostic]]:
    """Text -> (front matter YAML, body, first body line, diagnostics)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not opens_front_matter(lines[0]):
        return (
            None,
            "",
            1,
            [
                make(
                    "front-matter-missing",
                    path,
                    1,
                    1,
                    messages.text("front-matter-missing"),
                )
            ],
        )
    end = front_matter_end(lines)
    if end is not None:
        yaml_text = "\n".join(lines[1:end]) + "\n"
        body = "\n".join(lines[end + 1 :])
        return yaml_text, body, end + 2, []
    return (
        None,
        "",
        1,
        [
            make(
                "front-matter-unclosed",
                path,
                1,
                1,
                messages.text("front-matter-unclosed"),
            )
        ],
    )


def _clip(text: str, limit: int = 60) -> str:
    """User text quoted in a message: long enough to recognise, short enough to read."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Refused(Exception):
    """Stops building values; the diagnostic is already recorded."""


class _Frame:
    """A mapping or list being built, with the key waiting for its value."""

    __slots__ = ("is_map", "key", "path", "seen", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: Path) -> None:
        self.value: Any = value  # a dict when is_map, else a list
        self.is_map = isinstance(value, dict)
        self.path = path
        self.key: str | None = None
        self.seen: dict[str, Position] = {}

    def child_path(self) -> Path:
        return (*self.path, self.key if self.is_map else len(self.value))  # type: ignore[arg-type]

    def add(self, item: Any) -> None:
        if self.is_map:
            self.value[self.key] = item
            self.key = None
        else:
            self.value.append(item)


class _Builder:
    """Builds plain values from YAML events, recording positions and refusing surprises."""

    def __init__(self, path: str, line_offset: int, source: str) -> None:
        self.path = path
        self.line_offset = line_offset
        self.source = source
        self.comments = True  # whether the source holds a `#`: set by `build`
        self.diagnostics: list[Diagnostic] = []
        self.value_positions: dict[Path, Position] = {}
        self.key_positions: dict[Path, Position] = {}

    def where(self, mark: Any) -> Position:
        return (mark.line + self.line_offset, mark.column + 1)

    def report(self, code: str, mark: Any, message: Text, *, fatal: bool = False) -> None:
        line, column = self.where(mark)
        self.diagnostics.append(make(code, self.path, line, column, message))
        if fatal:
            raise _Refused

    def build(self, events: Any) -> Any:
        """Consume the events of one document and return its root value."""
        # This loop runs once per YAML node of every file (about 900 for a set with weekly
        # check-ins), so it is text for speed: scalars first, attribute lookups hoisted.
        # An explicit stack instead of recursion: 10,000 nested lists must not crash us.
        # A value can swallow a comment only where the text has a `#` at all.
        self.comments = "#" in self.source
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        offset = self.line_offset
        value_positions = self.value_positions
        stack: list[_Frame] = []
        top: _Frame | None = None
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    self.refuse_aliases_and_tags(event)
                if top is None:
                    node_path: Path = ()
                elif top.is_map:
                    if top.key is None:
                        top.key = self.take_key(event, top)
                        continue
                    node_path = (*top.path, top.key)
                else:
                    node_path = (*top.path, len(top.value))
                mark = event.start_mark
                value_positions[node_path] = (mark.line + offset, mark.column + 1)
                value = self.scalar(event, node_path)
                if top is None:
                    return value
                top.add(value)
            elif kind is mapping_end or kind is sequence_end:
                done = stack.pop()
                if not stack:
                    return done.value
                top = stack[-1]
                top.add(done.value)
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag is not None:
                    self.refuse_aliases_and_tags(event)
                if top is not None and top.is_map and top.key is None:
                    self.take_key(event, top)  # refuses a list or mapping as a key
                node_path = top.child_path() if top is not None else ()
                mark = event.start_mark
                value_positions[node_path] = (mark.line + offset, mark.column + 1)
                if len(stack) >= MAX_DEPTH:
                    self.report(
                        "yaml-too-deep",
                        event.start_mark,
                        messages.text("yaml-too-deep", depth=MAX_DEPTH),
                        fatal=True,
                    )
                top = _Frame({} if kind is mapping_start else [], node_path)
                stack.append(top)
            elif kind is alias_event:
                self.refuse_aliases_and_tags(event)
            elif kind is yaml.DocumentEndEvent or kind is yaml.StreamEndEvent:
                return None
        return None

    def refuse_aliases_and_tags(self, event: Any) -> None:
        if type(event) is yaml.AliasEvent:
            self.report(
                "yaml-alias",
                event.start_mark,
                messages.text("yaml-alias", alias=_clip(str(event.anchor))),
                fatal=True,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.report(
                "yaml-alias",
                event.start_mark,
                messages.text("yaml-alias.anchor", anchor=_clip(anchor)),
                fatal=True,
            )
        # libyaml sets a tag only where one is text (`!!str`, `!x`, even a bare `!`).
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag[len(_YAML_TAG_PREFIX) :] if tag.startswith(_YAML_TAG_PREFIX) else tag
            self.report(
                "yaml-tag",
                event.start_mark,
                messages.text("yaml-tag", tag=_clip(shown)),
                fatal=True,
            )

    def take_key(self, event: Any, frame: _Frame) -> str:
        if type(event) is not yaml.ScalarEvent:
            self.report(
                "wrong-type",
                event.start_mark,
                messages.text("wrong-type.key"),
                fatal=True,
            )
        key = str(event.value)
        position = self.where(event.start_mark)
        # A printable ASCII key (nearly every key) holds none of the invisible characters.
        if not (key.isascii() and key.isprintable()) and _INVISIBLE.search(key):
            shown = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", key)
            self.report(
                "invisible-character",
                event.start_mark,
                messages.text("invisible-character", key=_clip(shown)),
            )
            # Go on with the visible key, so this one problem is not reported again as an
            # unknown key plus a missing field.
            key = _INVISIBLE.sub("", key) or key
        if key in frame.seen:
            self.report(
                "duplicate-key",
                event.start_mark,
                messages.text("duplicate-key", key=_clip(key), first=frame.seen[key][0]),
            )
        frame.seen[key] = position
        key_path: Path = (*frame.path, key)
        self.key_positions[key_path] = position
        return key

    def scalar(self, event: Any, node_path: Path) -> Any:
        text: str = event.value
        if not event.implicit[0]:  # quoted or block scalar: always text
            return text
        # Most plain scalars are words: nothing but null, booleans and yes/no/on/off among
        # them needs a closer look.
        if text[:1].isalpha() and text.lower() not in _SPECIAL_WORDS:
            if self.comments and node_path and node_path[-1] in _TEXT_KEYS:
                self.check_comment(event, text)
            return text
        if text in _NULL:
            return None
        if text in _BOOL_TRUE:
            return True
        if text in _BOOL_FALSE:
            return False
        if text.lower() in _BOOL_AMBIGUOUS:
            self.report(
                "ambiguous-value",
                event.start_mark,
                messages.text("ambiguous-value", value=text),
            )
            return text
        # Dates and decimals (a check-in's), tried first: neither is anything listed below.
        if _DATE.fullmatch(text):
            return self.date(event, text)
        if _DECIMAL.fullmatch(text):
            return float(text)  # at most 15 digits before the point: below MAX_MAGNITUDE
        if _INT.fullmatch(text):
            digits = text.lstrip("+-")
            if len(digits) > MAX_INT_DIGITS:
                self.report(
                    "invalid-number",
                    event.start_mark,
                    messages.text("invalid-number.digits", start=text[:20], digits=len(digits)),
                )
                return text
            return int(text)
        if _NOT_FINITE.fullmatch(text):
            self.report(
                "invalid-number",
                event.start_mark,
                messages.text("invalid-number.not-finite", value=text),
            )
            return text
        if _SURPRISING_NUMBER.fullmatch(text):
            self.report(
                "ambiguous-value",
                event.start_mark,
                messages.text("ambiguous-value.number", value=_clip(text)),
            )
            return text
        if _FLOAT.fullmatch(text):
            number = float(text)
            if not abs(number) < MAX_MAGNITUDE:
                self.report(
                    "invalid-number",
                    event.start_mark,
                    messages.text("invalid-number.too-large", value=_clip(text)),
                )
                return text
            return number
        if _DATETIME.match(text):
            return text  # the schema reports it where a date is expected
        if self.comments and node_path and node_path[-1] in _TEXT_KEYS:
            self.check_comment(event, text)
        return text

    def date(self, event: Any, text: str) -> dt.date | str:
        year, month, day = map(int, text.split("-"))
        try:
            return dt.date(year, month, day)
        except ValueError:
            self.report(
                "invalid-date",
                event.start_mark,
                messages.text("invalid-date.not-a-day", value=text),
            )
            return text

    def check_comment(self, event: Any, text: str) -> None:
        end = event.end_mark.index
        line_end = self.source.find("\n", end)
        rest = self.source[end : line_end if line_end >= 0 else len(self.source)]
        if rest.lstrip().startswith("#"):
            comment = rest.strip()
            self.report(
                "comment-in-value",
                event.start_mark,
                messages.text("comment-in-value", value=_clip(text), comment=_clip(comment)),
            )


# libyaml's words for common mistakes -> the message saying what the writer of an OKR file
# should do (core/texts/files.py). Those of unclosed brackets and quotes take `opened`.
_PLAIN_PROBLEMS = [
    ("expected ',' or ']'", "yaml-syntax.list-unclosed"),
    ("expected ',' or '}'", "yaml-syntax.group-unclosed"),
    ("unexpected end of stream", "yaml-syntax.quote-unclosed"),
    ("mapping values are not allowed", "yaml-syntax.colon-in-value"),
    ("cannot start any token", "yaml-syntax.reserved-start"),
    ("expected key", "yaml-syntax.key-indent"),
    ("expected '-' indicator", "yaml-syntax.item-indent"),
    ("could not find expected ':'", "yaml-syntax.no-field-name"),
    ("unknown escape character", "yaml-syntax.escape"),
    ("expected alphabetic or numeric character", "yaml-syntax.anchor"),
    ("document start", "yaml-syntax.text-after"),
    ("directive", "yaml-syntax.directive"),
    ("tag", "yaml-syntax.tag"),
    ("expected node content", "yaml-syntax.missing-value"),
]


_NEVER_CLOSED = ("expected ',' or ']'", "expected ',' or '}'", "unexpected end of stream")
_OPENED = {key for words, key in _PLAIN_PROBLEMS if words in _NEVER_CLOSED}


def _syntax_message(error: yaml.MarkedYAMLError, yaml_text: str, line_offset: int) -> Text:
    """A YAML parser error in words someone who never read the YAML spec can act on."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    context = error.context_mark
    opened: Text | str = (
        messages.text("yaml-syntax.opened-on", line=context.line + line_offset)
        if context is not None
        else ""
    )
    lines = yaml_text.split("\n")
    bad_line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    indent = bad_line[: len(bad_line) - len(bad_line.lstrip(" \t"))]
    if "tab" in problem or "\t" in indent:
        return messages.text("yaml-syntax.tab")
    for words, key in _PLAIN_PROBLEMS:
        if words in problem:
            return messages.text(key, opened=opened) if key in _OPENED else messages.text(key)
    if not problem:
        return messages.text("yaml-syntax.malformed")
    return messages.text("yaml-syntax.problem", problem=problem)


def parse_front_matter(yaml_text: str, path: str, line_offset: int) -> tuple[Any, _Builder]:
    """YAML text -> root value (None when refused) and the builder holding positions."""
    builder = _Builder(path, line_offset, yaml_text)
    odd = _ODD_BREAKS.search(yaml_text)
    if odd:
        before = yaml_text[: odd.start()]
        line = before.count("\n") + line_offset
        column = odd.start() - (before.rfind("\n") + 1) + 1
        builder.diagnostics.append(
            make(
                "yaml-syntax",
                path,
                line,
                column,
                messages.text("yaml-syntax.line-break", code=f"{ord(odd.group()):04X}"),
            )
        )
        return None, builder
    # Slips of a Chinese keyboard are reported where typed and repaired, so the parser reads
    # what was meant and the rest of the file is still checked.
    yaml_text, slips = keyboard.repair(yaml_text)
    builder.source = yaml_text
    builder.diagnostics.extend(
        make(slip.code, path, slip.line + line_offset, slip.column + 1, slip.text) for slip in slips
    )
    try:
        events = _events(yaml_text)
        root = builder.build(events)
        # A second document in the same front matter (`--- x` inside it).
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                builder.report(
                    "yaml-multiple-documents",
                    event.start_mark,
                    messages.text("yaml-multiple-documents"),
                )
                return None, builder
    except _Refused:
        return None, builder
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.context_mark is not None and any(
            words in (error.problem or "") for words in _NEVER_CLOSED
        ):
            # The parser notices an unclosed bracket or quote lines later, often at the end
            # of the front matter; the writer has to fix the place where it opens.
            mark = error.context_mark
        line = (mark.line if mark else 0) + line_offset
        column = (mark.column if mark else 0) + 1
        problem = error.problem or "the YAML is not well formed"
        if "nesting depth" in problem:
            builder.diagnostics.append(
                make(
                    "yaml-too-deep",
                    path,
                    line,
                    column,
                    messages.text("yaml-too-deep.far"),
                )
            )
            return None, builder
        builder.diagnostics.append(
            make("yaml-syntax", path, line, column, _syntax_message(error, yaml_text, line_offset))
        )
        return None, builder
    except Exception as error:  # PyYAML raises more than YAMLError on odd input (TRAPS.md)
        builder.diagnostics.append(
            make(
                "yaml-syntax",
                path,
                line_offset,
                1,
                messages.text("yaml-syntax.error", error=type(error).__name__),
            )
        )
        return None, builder
    return root, builder


def read(raw: bytes, path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Bytes of one OKR file -> its document, or diagnostics saying why it cannot be read."""
    text, problems = decode(raw, path, max_bytes)
    if text is None:
        return ReadResult(None, problems)
    yaml_text, body, body_line, problems = split(text, path)
    if yaml_text is None:
        return ReadResult(None, problems)
    if not yaml_text.strip():
        return ReadResult(
            None,
            [
                make(
                    "front-matter-empty",
                    path,
                    1,
                    1,
                    messages.text("front-matter-empty"),
                )
            ],
        )
    root, builder = parse_front_matter(yaml_text, path, line_offset=2)
    diagnostics = builder.diagnostics
    if root is None and not diagnostics:
        diagnostics.append(
            make("front-matter-empty", path, 1, 1, messages.text("front-matter-empty.no-fields"))
        )
    if root is not None and not isinstance(root, dict):
        line, column = builder.value_positions.get((), (2, 1))
        kind = messages.text(
            f"front-matter-not-mapping.{'list' if isinstance(root, list) else 'single'}"
        )
        diagnostics.append(
            make(
                "front-matter-not-mapping",
                path,
                line,
                column,
                messages.text("front-matter-not-mapping", kind=kind),
            )
        )
        root = None
    if root is None:
        return ReadResult(None, diagnostics)
    document = Document(root, builder.value_positions, builder.key_positions, body, body_line)
    return ReadResult(document, diagnostics)
