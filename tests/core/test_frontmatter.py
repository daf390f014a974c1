"""The front-matter reader: positions, body, line endings, the values it builds, what it refuses."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mkdocs_okr.core.diagnostics import Diagnostic
from mkdocs_okr.core.frontmatter import Document, decode, read, split

SAMPLE = """\
---
cycle: 2024-Q1
owner: social-media
objectives:
  - id: O1
    title: 提升品牌影响力
    key_results:
      - title: 粉丝增长
        target: 10000
        checkins:
          - {date: 2024-01-05, value: 1200}
---
# 复盘

第一周。
"""


def document(text: str | bytes) -> Document:
    """Read a file that must be accepted without any diagnostic."""
    result = read(text.encode("utf-8") if isinstance(text, str) else text, "x.md")
    assert result.diagnostics == []
    assert result.document is not None
    return result.document


def problems(text: str | bytes, max_bytes: int = 1024 * 1024) -> list[tuple[str, int, int]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return [(d.code, d.line, d.column) for d in read(raw, "x.md", max_bytes).diagnostics]


def only(text: str | bytes) -> Diagnostic:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    (diagnostic,) = read(raw, "x.md").diagnostics
    return diagnostic


def front(yaml_text: str) -> str:
    return "---\n" + yaml_text + "---\n"


# --- positions ------------------------------------------------------------------------------


def test_positions_of_values_are_file_lines_and_columns() -> None:
    doc = document(SAMPLE)
    assert doc.position(("cycle",)) == (2, 8)
    assert doc.position(("owner",)) == (3, 8)
    assert doc.position(("objectives",)) == (5, 3)  # the list starts at its first `-` item
    assert doc.position(("objectives", 0)) == (5, 5)
    assert doc.position(("objectives", 0, "title")) == (6, 12)
    assert doc.position(("objectives", 0, "key_results", 0, "target")) == (9, 17)


def test_positions_inside_flow_collections() -> None:
    doc = document(SAMPLE)
    checkin = ("objectives", 0, "key_results", 0, "checkins", 0)
    assert doc.position(checkin) == (11, 13)
    assert doc.position((*checkin, "date")) == (11, 20)
    assert doc.position((*checkin, "value")) == (11, 39)


def test_positions_of_keys() -> None:
    doc = document(SAMPLE)
    assert doc.key_position(("owner",)) == (3, 1)
    assert doc.key_position(("objectives", 0, "title")) == (6, 5)
    assert doc.key_position(("objectives", 0, "key_results", 0, "target")) == (9, 9)


def test_a_missing_path_falls_back_to_its_nearest_parent() -> None:
    doc = document(SAMPLE)
    assert doc.position(("objectives", 0, "weight")) == (5, 5)
    assert doc.position(("objectives", 7, "title")) == (5, 3)
    assert doc.position(("nothing",)) == (2, 1)  # the front matter itself
    assert doc.key_position(("objectives", 0, "weight")) == (5, 5)


def test_columns_count_characters_not_bytes() -> None:
    doc = document(front("name: 社媒运营\ntags: [品牌, 增长]\n"))
    assert doc.position(("tags", 1)) == (3, 12)


# --- body -------------------------------------------------------------------------------------


def test_body_and_the_line_it_starts_on() -> None:
    doc = document(SAMPLE)
    assert doc.body == "# 复盘\n\n第一周。\n"
    assert doc.body_line == 13
    assert SAMPLE.splitlines()[doc.body_line - 1] == "# 复盘"


def test_a_file_without_body() -> None:
    doc = document(front("owner: a\n").rstrip("\n"))
    assert doc.body == ""
    assert doc.body_line == 4


def test_dots_close_the_front_matter_too() -> None:
    doc = document("---\nowner: a\n...\nbody\n")
    assert doc.data == {"owner": "a"}
    assert doc.body == "body\n"


def test_delimiters_may_carry_trailing_spaces() -> None:
    doc = document("---  \nowner: a\n--- \t\nbody\n")
    assert doc.data == {"owner": "a"}


def test_split_leaves_the_yaml_and_the_body() -> None:
    yaml_text, body, body_line, found = split("---\na: 1\n---\nB\n", "x.md")
    assert (yaml_text, body, body_line, found) == ("a: 1\n", "B\n", 4, [])


# --- byte order mark and line endings --------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        SAMPLE.replace("\n", "\r").encode("utf-8"),  # classic Mac line ends
    ],
    ids=["bom", "crlf", "bom-crlf", "cr"],
)
def test_bom_and_line_endings_change_nothing(raw: bytes) -> None:
    plain = document(SAMPLE)
    doc = document(raw)
    assert doc.data == plain.data
    assert doc.value_positions == plain.value_positions
    assert doc.key_positions == plain.key_positions
    assert doc.body == plain.body
    assert doc.body_line == plain.body_line


# --- values -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("0", 0),
        ("10000", 10000),
        ("-5", -5),
        ("+5", 5),
        ("2.5", 2.5),
        ("-0.25", -0.25),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e3", 1000.0),
        ("1.5E-2", 0.015),
        ("123456789012345678", 123456789012345678),  # 18 digits: still a number
        ("9.9e17", 9.9e17),  # just below the largest magnitude
        ("2024-01-05", dt.date(2024, 1, 5)),
        ("2024-02-29", dt.date(2024, 2, 29)),  # a leap day
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("", None),
        ("~", None),
        ("null", None),
        ("NULL", None),
        ("粉丝", "粉丝"),
        ("'010'", "010"),  # quoted: text, as written
        ('"yes"', "yes"),
        ("'1:30'", "1:30"),
        ("'2024-01-05'", "2024-01-05"),  # quoted dates are text; the schema reads them
        ("2024-01-05 10:00", "2024-01-05 10:00"),  # a time: left as text for the schema
        ("|\n  two\n  lines", "two\nlines\n"),
        ("[1, two, 3.5]", [1, "two", 3.5]),
        ("{a: 1, b: [true]}", {"a": 1, "b": [True]}),
    ],
)
def test_values_built(written: str, value: Any) -> None:
    doc = document(front(f"x: {written}\n"))
    assert doc.data == {"x": value}
    assert type(doc.data["x"]) is type(value)


def test_nested_values_built() -> None:
    doc = document(SAMPLE)
    assert doc.data == {
        "cycle": "2024-Q1",
        "owner": "social-media",
        "objectives": [
            {
                "id": "O1",
                "title": "提升品牌影响力",
                "key_results": [
                    {
                        "title": "粉丝增长",
                        "target": 10000,
                        "checkins": [{"date": dt.date(2024, 1, 5), "value": 1200}],
                    }
                ],
            }
        ],
    }


def test_long_number_like_text_is_read_in_one_pass() -> None:
    """`1_1_1...x` once sent the ambiguous-number pattern into quadratic backtracking."""
    text = "1_" * 200_000 + "x"
    assert document(front(f"x: {text}\n")).data == {"x": text}
    assert problems(front("x: " + "1_" * 200_000 + "\n")) == [("ambiguous-value", 2, 4)]


def test_a_year_alone_is_a_number_the_schema_turns_into_a_cycle() -> None:
    assert document(front("cycle: 2024\n")).data == {"cycle": 2024}


def test_comments_after_non_text_fields_are_fine() -> None:
    doc = document(front("cycle: 2024-Q1   # the quarter\ntarget: 10  # followers\n"))
    assert doc.data == {"cycle": "2024-Q1", "target": 10}


def test_a_key_with_an_invisible_character_is_read_as_the_visible_key() -> None:
    result = read(front("ti\u200btle: 粉丝\n").encode("utf-8"), "x.md")
    assert [d.code for d in result.diagnostics] == ["invisible-character"]
    assert "<U+200B>" in result.diagnostics[0].message
    assert result.document is not None
    assert result.document.data == {"title": "粉丝"}


# --- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("owner: a\n", ("front-matter-missing", 1, 1)),
        ("\n---\nowner: a\n---\n", ("front-matter-missing", 1, 1)),
        ("", ("front-matter-missing", 1, 1)),
        ("---\nowner: a\n", ("front-matter-unclosed", 1, 1)),
        ("---\n---\n", ("front-matter-empty", 1, 1)),
        ("---\n\n  \n---\n", ("front-matter-empty", 1, 1)),
        ("---\n# only a comment\n---\n", ("front-matter-empty", 1, 1)),
        (front("- a\n- b\n"), ("front-matter-not-mapping", 2, 1)),
        (front("just words\n"), ("front-matter-not-mapping", 2, 1)),
        (front("a: [1, 2\nb: 3\n"), ("yaml-syntax", 2, 4)),
        (front("a: 'open\n"), ("yaml-syntax", 2, 4)),
        (front("a: 1\n\tb: 2\n"), ("yaml-syntax", 3, 1)),
        (front("a: b: c\n"), ("yaml-syntax", 2, 5)),
        (front("a: @x\n"), ("yaml-syntax", 2, 4)),
        (front("a: 1\n--- # again\nb: 2\n"), ("yaml-multiple-documents", 3, 1)),
        (front("a: &x 1\n"), ("yaml-alias", 2, 4)),
        (front("a: *x\n"), ("yaml-alias", 2, 4)),
        (front("a: !!python/object:os.system 1\n"), ("yaml-tag", 2, 4)),
        (front("a: !!str 1\n"), ("yaml-tag", 2, 4)),
        (front("a: !local 1\n"), ("yaml-tag", 2, 4)),
        (front("a: ! 1\n"), ("yaml-tag", 2, 4)),
        (front("a: !<tag:x> 1\n"), ("yaml-tag", 2, 4)),
        (front("a: !!map {b: 1}\n"), ("yaml-tag", 2, 4)),
        (front("a: " + "[" * 40 + "]" * 40 + "\n"), ("yaml-too-deep", 2, 35)),
        (front("a: 1\nb: 2\na: 3\n"), ("duplicate-key", 4, 1)),
        (front("a:\n  b: 1\n  b: 1\n"), ("duplicate-key", 4, 3)),
        (front("a: yes\n"), ("ambiguous-value", 2, 4)),
        (front("a: off\n"), ("ambiguous-value", 2, 4)),
        (front("a: NO\n"), ("ambiguous-value", 2, 4)),
        (front("a: 010\n"), ("ambiguous-value", 2, 4)),
        (front("a: 0x1F\n"), ("ambiguous-value", 2, 4)),
        (front("a: 1_000\n"), ("ambiguous-value", 2, 4)),
        (front("a: 1:30\n"), ("ambiguous-value", 2, 4)),
        (front("a: .nan\n"), ("invalid-number", 2, 4)),
        (front("a: -.inf\n"), ("invalid-number", 2, 4)),
        (front("a: 1e400\n"), ("invalid-number", 2, 4)),
        (front("a: -1.7e308\n"), ("invalid-number", 2, 4)),  # finite, but overflows scores
        (front("a: 1e18\n"), ("invalid-number", 2, 4)),
        (front("a: " + "9" * 19 + "\n"), ("invalid-number", 2, 4)),
        (front("a: 2024-02-30\n"), ("invalid-date", 2, 4)),
        (front("a: 2023-13-01\n"), ("invalid-date", 2, 4)),
        (front("title: 第 #1 名\n"), ("comment-in-value", 2, 8)),
        (front("own\u200ber: a\n"), ("invisible-character", 2, 1)),
        (front("a: x\u0085y\n"), ("yaml-syntax", 2, 5)),
        (front("a: x\u2029y\n"), ("yaml-syntax", 2, 5)),
        (front("[a]: 1\n"), ("wrong-type", 2, 1)),
    ],
)
def test_refusals(text: str, expected: tuple[str, int, int]) -> None:
    assert problems(text) == [expected]


def test_a_refused_file_has_no_document_but_a_warning_keeps_it() -> None:
    assert read(front("a: &x 1\n").encode(), "x.md").document is None
    warned = read(front("title: 第 #1 名\n").encode(), "x.md")
    assert warned.document is not None
    assert warned.document.data == {"title": "第"}


def test_an_alias_bomb_is_refused_at_its_first_anchor() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    result = read(front("\n".join(lines) + "\n").encode(), "x.md")
    assert result.document is None
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("yaml-alias", 2, 5)]


def test_ten_thousand_levels_of_nesting_are_refused() -> None:
    deep = front("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    (diagnostic,) = read(deep.encode(), "x.md").diagnostics
    assert (diagnostic.code, diagnostic.line) == ("yaml-too-deep", 2)


def test_messages_point_at_the_first_occurrence_of_a_duplicate_key() -> None:
    assert "first on line 2" in only(front("a: 1\nb: 2\na: 3\n")).message


def test_an_unclosed_list_is_reported_where_it_opens() -> None:
    diagnostic = only(front("a: [1, 2\nb: 3\nc: 4\n"))
    assert (diagnostic.line, diagnostic.column) == (2, 4)
    assert "not closed" in diagnostic.message


def test_tabs_are_named_in_the_message() -> None:
    assert "tab" in only(front("a:\n\t- 1\n")).message


def test_tags_are_shown_as_written() -> None:
    message = only(front("a: !!python/object/apply:os.system ['ls']\n")).message
    assert "!!python/object/apply:os.system" in message
    assert "tag:yaml.org" not in message


# --- decoding -------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_parsing() -> None:
    raw = front("a: [\n").encode() + b"x" * 2000  # broken YAML: never parsed
    assert problems(raw, max_bytes=1024) == [("file-too-large", 1, 1)]


def test_a_nul_byte_is_reported_with_its_place() -> None:
    diagnostic = only(b"---\nname: \xe7\xa4\xbe\x00\n---\n")
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("file-binary", 2, 8)
    assert "offset 13" in diagnostic.message


def test_latin1_bytes_are_reported_with_their_offset() -> None:
    raw = "---\nname: 社 Zoë\n---\n".encode().replace("ë".encode(), b"\xeb")
    diagnostic = only(raw)
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("file-encoding", 2, 11)
    assert f"offset {raw.index(b'Zo') + 2}" in diagnostic.message
    assert "0xEB" in diagnostic.message


def test_decode_strips_the_byte_order_mark() -> None:
    assert decode(b"\xef\xbb\xbf---\n", "x.md") == ("---\n", [])
