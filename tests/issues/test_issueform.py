"""Issue bodies exactly as GitHub writes them -> check-in and grade requests, or problems."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_okr.core.issueform import (
    FIELDS,
    MESSAGES,
    CheckinRequest,
    Form,
    GradeRequest,
    KeyResultScore,
    KeyResultUpdate,
    ParsedIssue,
    Reading,
    SetRef,
    Status,
    ValueKind,
    form_for_labels,
    parse_date,
    parse_issue,
    parse_set,
)
from mkdocs_okr.core.messages import placeholders

from ..core.test_chinese_punctuation import _strings, ascii_punctuation_in_chinese

DAY = dt.date(2026, 11, 27)
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "issue-forms.md"


def body(*fields: tuple[str, str], newline: str = "\n") -> str:
    """`### label`, a blank line, the value, per field: the body GitHub writes for a form."""
    text = "\n\n".join(f"### {label}\n\n{value or '_No response_'}" for label, value in fields)
    return text.replace("\n", newline)


def checkin(updates: str, okr_set: str = "2026-Q4/social-media", date: str = "") -> str:
    return body(("OKR 集", okr_set), ("日期", date), ("本周进展", updates))


def grade(scores: str, retrospective: str = "", okr_set: str = "2026-Q4/social-media") -> str:
    return body(("OKR 集", okr_set), ("日期", ""), ("评分", scores), ("复盘", retrospective))


def request(text: str, form: Form = Form.CHECKIN) -> CheckinRequest | GradeRequest:
    parsed = parse_issue(form, text, DAY)
    assert parsed.problems == (), parsed.problems
    assert parsed.request is not None
    return parsed.request


def updates(text: str) -> tuple[KeyResultUpdate, ...]:
    parsed = request(checkin(text))
    assert isinstance(parsed, CheckinRequest)
    return parsed.updates


def codes(text: str, form: Form = Form.CHECKIN) -> list[tuple[str, int]]:
    parsed = parse_issue(form, text, DAY)
    assert parsed.request is None
    return [(problem.code, problem.line) for problem in parsed.problems]


def number(amount: float) -> Reading:
    return Reading(ValueKind.NUMBER, amount)


# --- The body ------------------------------------------------------------------------------------


def test_a_checkin_as_github_writes_it() -> None:
    parsed = request(checkin("O1/KR1 = 7600 # 两条视频爆了\nO1/KR2 = 76%\nO2/KR1 = 完成"))
    assert parsed == CheckinRequest(
        SetRef("2026-Q4", "social-media"),
        DAY,  # the date field is `_No response_`: the day of the issue
        (
            KeyResultUpdate("O1", "KR1", number(7600), None, "两条视频爆了"),
            KeyResultUpdate("O1", "KR2", Reading(ValueKind.PERCENT, 76)),
            KeyResultUpdate("O2", "KR1", Reading(ValueKind.DONE, True)),
        ),
    )
    assert isinstance(parsed, CheckinRequest)
    assert [update.line for update in parsed.updates] == [11, 12, 13]


def test_crlf_bodies_read_as_lf_ones() -> None:
    lines = "O1/KR1 = 7600 # 备注\nO1/KR2 = not done"
    lf = parse_issue(Form.CHECKIN, checkin(lines, date="2026-11-20"), DAY)
    crlf = parse_issue(
        Form.CHECKIN,
        body(
            ("OKR 集", "2026-Q4/social-media"),
            ("日期", "2026-11-20"),
            ("本周进展", lines),
            newline="\r\n",
        ),
        DAY,
    )
    assert crlf == lf and lf.request is not None
    assert isinstance(lf.request, CheckinRequest)
    assert lf.request.date == dt.date(2026, 11, 20)
    assert lf.request.updates[0].note == "备注"  # no CR left at the end of a note


def test_a_note_may_hold_hashes_and_a_heading_of_its_own() -> None:
    text = checkin("O1/KR1 = 7600 # ### 日期 ## 注意 #1\n### 不是字段\nO1/KR2 = 5")
    assert codes(text) == [("line-unreadable", 12)]
    note = updates("O1/KR1 = 7600 # ### 日期 ## 注意 #1")[0].note
    assert note == "### 日期 ## 注意 #1"


def test_a_full_width_hash_starts_a_note_and_the_note_keeps_its_full_width_text() -> None:
    update = updates("O1/KR1 = ７６００ ＃ 第１名，增长７６％")[0]
    assert update.reading == number(7600)
    assert update.note == "第１名，增长７６％"


def test_split_on_known_labels_only() -> None:
    # A line `### 本周进展` inside the retrospective is text: that heading was seen already.
    text = grade("O1/KR1 = 0.7", retrospective="做得好\n\n### 评分\n\n### OKR 集\n\n下次更早开始")
    parsed = request(text, Form.GRADE)
    assert isinstance(parsed, GradeRequest)
    assert parsed.retrospective == "做得好\n\n### 评分\n\n### OKR 集\n\n下次更早开始"
    assert parsed.scores == (KeyResultScore("O1", "KR1", 0.7),)


def test_english_labels_are_known_too() -> None:
    text = body(
        ("OKR set", "2026-Q4/social-media"), ("Date", "2026-11-26"), ("Progress", "O1/KR1 = 1")
    )
    parsed = request(text)
    assert isinstance(parsed, CheckinRequest)
    assert parsed.date == dt.date(2026, 11, 26)
    assert parsed.updates[0].reading == number(1)


def test_a_missing_field_is_named() -> None:
    text = body(("OKR 集", "2026-Q4/social-media"), ("本周进展", "O1/KR1 = 1"))
    parsed = parse_issue(Form.CHECKIN, text, DAY)
    assert [(p.code, p.line) for p in parsed.problems] == [("field-missing", 0)]
    assert "日期" in parsed.problems[0].message
    # Named in the language of the body's own headings.
    english = body(("OKR set", "2026-Q4/social-media"), ("Progress", "O1/KR1 = 1"))
    assert "“Date”" in parse_issue(Form.CHECKIN, english, DAY).problems[0].message
    assert codes("", Form.GRADE) == [("field-missing", 0)] * 4
    assert parse_issue(Form.GRADE, None, DAY).problems[0].code == "field-missing"


def test_empty_lines_and_no_response_are_ignored_but_something_is_needed() -> None:
    assert len(updates("\n\nO1/KR1 = 1\n\n   \n_No response_\nO1/KR2 = 2\n")) == 2
    assert codes(checkin("")) == [("nothing-given", 11)]
    assert codes(grade(""), Form.GRADE) == [("nothing-given", 11)]


# --- Values ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "reading"),
    [
        ("7600", number(7600)),
        ("7,600", number(7600)),
        ("7，600", number(7600)),
        ("1,234,567.5", number(1234567.5)),
        ("７６００", number(7600)),
        ("７，６００", number(7600)),
        ("+12", number(12)),
        ("-3.5", number(-3.5)),
        ("−3.5", number(-3.5)),  # the minus sign U+2212
        ("0.25", number(0.25)),
        (".5", number(0.5)),
        ("76%", Reading(ValueKind.PERCENT, 76)),
        ("７６％", Reading(ValueKind.PERCENT, 76)),
        ("76 %", Reading(ValueKind.PERCENT, 76)),
        ("12.5%", Reading(ValueKind.PERCENT, 12.5)),
        ("done", Reading(ValueKind.DONE, True)),
        ("Done", Reading(ValueKind.DONE, True)),
        ("not done", Reading(ValueKind.DONE, False)),
        ("NOT  DONE", Reading(ValueKind.DONE, False)),
        ("完成", Reading(ValueKind.DONE, True)),
        ("已完成", Reading(ValueKind.DONE, True)),
        ("未完成", Reading(ValueKind.DONE, False)),
    ],
)
def test_every_accepted_value(written: str, reading: Reading) -> None:
    assert updates(f"O1/KR1 = {written}")[0].reading == reading


@pytest.mark.parametrize(
    "line",
    [
        "O1/KR1=7600",
        "O1/KR1 =7600",
        "  O1/KR1   =   7600  ",
        "Ｏ１／ＫＲ１ ＝ ７６００",
        "O1/KR1＝7600",
    ],
)
def test_spacing_and_full_width_signs(line: str) -> None:
    assert updates(line) == (KeyResultUpdate("O1", "KR1", number(7600)),)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("76,00", "value-invalid"),  # thousands come in threes
        ("7.600,5", "value-invalid"),
        ("1.2万", "value-invalid"),
        ("12k", "value-invalid"),
        ("", "value-invalid"),
        ("%", "value-invalid"),
        ("true", "value-invalid"),
        ("1e3", "value-invalid"),
        ("nan", "value-invalid"),
        ("inf", "value-invalid"),
        ("9" * 400, "number-too-large"),
        ("1" + "0" * 18, "number-too-large"),
        ("7600 [fine]", "status-unknown"),
    ],
)
def test_values_refused(written: str, code: str) -> None:
    assert codes(checkin(f"O1/KR1 = {written}")) == [(code, 11)]


def test_the_problem_names_the_line_of_the_body() -> None:
    text = checkin("O1/KR1 = 1\n\nO1/KR2 = lots\nO1/KR1 = 2\n没有等号\nO1 = 3")
    assert codes(text) == [
        ("value-invalid", 13),
        ("duplicate-key-result", 14),
        ("line-unreadable", 15),
        ("reference-invalid", 16),
    ]
    problems = parse_issue(Form.CHECKIN, text, DAY).problems
    assert problems[1].message == "O1/KR1 is given twice (first on line 11)"
    assert "“lots”" in problems[0].message


# --- Status words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("O1/KR1 = 7600 [正常]", Status.ON_TRACK),
        ("O1/KR1 = 7600 [有风险] # 预算没批", Status.AT_RISK),
        ("O1/KR1 = 7600 【已延期】", Status.OFF_TRACK),
        ("O1/KR1 = 7600 ［有风险］", Status.AT_RISK),
        ("O1/KR1 = 7600 有风险", Status.AT_RISK),
        ("O1/KR1 = 7600[At Risk]", Status.AT_RISK),
        ("O1/KR1 = 7600 [on-track]", Status.ON_TRACK),
        ("O1/KR1 = 7600 off track # late", Status.OFF_TRACK),
        ("O1/KR1 = not done at risk", Status.AT_RISK),
        ("O1/KR1 = 完成 [正常]", Status.ON_TRACK),
    ],
)
def test_a_status_per_line(line: str, status: Status) -> None:
    update = updates(line)[0]
    assert update.status is status
    assert update.reading.kind in (ValueKind.NUMBER, ValueKind.DONE)


def test_no_status_is_none() -> None:
    assert updates("O1/KR1 = 7600")[0].status is None


# --- Grades ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "score"),
    [
        ("0.7", 0.7),
        ("1", 1.0),
        ("0", 0.0),
        ("70%", 0.7),
        ("７０％", 0.7),
        ("０.７", 0.7),
        (".3", 0.3),
    ],
)
def test_scores_from_0_to_1_or_a_percentage(written: str, score: float) -> None:
    parsed = request(grade(f"O1/KR1 = {written} # 接近目标"), Form.GRADE)
    assert isinstance(parsed, GradeRequest)
    assert parsed.scores[0].score == pytest.approx(score)
    assert parsed.scores[0].note == "接近目标"
    assert parsed.retrospective is None


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("1.2", "score-out-of-range"),
        ("-0.1", "score-out-of-range"),
        ("120%", "score-out-of-range"),
        ("7", "score-out-of-range"),  # a 0-10 scale is not ours
        ("done", "score-invalid"),
        ("0.7 [正常]", "score-invalid"),  # a status belongs to a check-in
        ("high", "score-invalid"),
    ],
)
def test_scores_refused(written: str, code: str) -> None:
    assert codes(grade(f"O1/KR1 = {written}"), Form.GRADE) == [(code, 11)]


def test_a_retrospective_keeps_its_lines() -> None:
    parsed = request(grade("O1/KR1 = 1", retrospective="**做得好**\r\n\r\n- 视频\r\n"), Form.GRADE)
    assert isinstance(parsed, GradeRequest)
    assert parsed.retrospective == "**做得好**\n\n- 视频"


# --- The OKR set and the date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-Q4/social-media",
        "2026/brand",
        "2026-H1/a",
        "2026-07/x-1",
        "fy26-spring/brand",
        "２０２６-Q4/brand",
    ],
)
def test_sets_accepted(text: str) -> None:
    assert parse_set(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "../social-media",
        "2026-Q4/../x",
        "2026-Q4/a/b",
        "2026-Q4/../../etc/passwd",
        "2026-Q4\\social-media",
        "2026-Q4",
        "social-media",
        "/social-media",
        "2026-Q4/",
        "2026-Q4/Social-Media",
        "2026-Q4/social media",
        "2026-Q4/social-media\n::error::x",
        "::error::pwned/x",
        "2026-Q4/::error::x",
        "2026-Q4/soc\x00ial",
        "2026-Q4/social\u202emedia",
        "2026-Q4/tree",  # a page the site keeps in every cycle
        "2026-Q4/con",  # a name Windows reserves
        "a..b/x",
        ".hidden/x",
        "2026-Q4/{a}",
        "2026-Q4/*a",
        "2026-Q4/&a",
        "2026-Q4/'x'",
        "2026-Q4/<script>",
    ],
)
def test_sets_refused(text: str) -> None:
    assert parse_set(text) is None
    assert codes(checkin("O1/KR1 = 1", okr_set=text)) == [("set-invalid", 3)]


def test_an_empty_set_field() -> None:
    assert codes(checkin("O1/KR1 = 1", okr_set="")) == [("set-missing", 3)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-20", dt.date(2026, 11, 20)),
        ("2026/11/20", dt.date(2026, 11, 20)),
        ("2026.11.2", dt.date(2026, 11, 2)),
        ("2026年11月20日", dt.date(2026, 11, 20)),
        ("２０２６－１１－２０", dt.date(2026, 11, 20)),
    ],
)
def test_dates(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text", ["2026-02-30", "20261120", "11/20", "yesterday", "2026-11-20T08:00"]
)
def test_dates_refused(text: str) -> None:
    assert parse_date(text) is None
    assert codes(checkin("O1/KR1 = 1", date=text)) == [("date-invalid", 7)]


def test_a_date_after_the_issue_is_refused_one_day_is_allowed_for_time_zones() -> None:
    assert codes(checkin("O1/KR1 = 1", date="2026-11-29")) == [("date-in-future", 7)]
    parsed = request(checkin("O1/KR1 = 1", date="2026-11-28"))
    assert parsed.date == dt.date(2026, 11, 28)


# --- Hostile text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "O1/KR1 = 1 # <script>alert(1)</script>",
        "O1/KR1 = 1 # ::error file=x::pwned",
        "O1/KR1 = 1 # {a: 1} [b] &anchor *alias !tag | > ' \" % @ `",
        "O1/KR1 = 1 # $(rm -rf ~) `id` ${{ github.token }}",
    ],
)
def test_hostile_notes_are_kept_as_text(line: str) -> None:
    update = updates(line)[0]
    assert update.note == line.split("# ", 1)[1]
    assert update.reading == number(1)


@pytest.mark.parametrize(
    "line",
    [
        "<script>/KR1 = 1",
        "O1/KR1<img src=x> = 1",
        "::error::/KR1 = 1",
        "O1/KR1 = {1}",
        "O1/KR1 = *a",
        "O1/KR1 = !!python/object 1",
        "O1/KR1 = 1 | 2",
        "O1/KR1 = '1'",
        "O1/../KR1 = 1",
    ],
)
def test_hostile_lines_are_refused(line: str) -> None:
    problems = codes(checkin(line))
    assert len(problems) == 1
    assert problems[0][0] in ("reference-invalid", "value-invalid", "line-unreadable")


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\u2028", "\u202e", "\x85"])
def test_control_characters_are_refused(char: str) -> None:
    assert codes(checkin(f"O1/KR1 = 1 # a{char}b")) == [("control-character", 11)]
    text = grade("O1/KR1 = 1", retrospective=f"ok\nx{char}y")
    assert codes(text, Form.GRADE) == [("control-character", 16)]


def test_a_tab_and_an_emoji_sequence_are_plain_text() -> None:
    assert updates("O1/KR1 = 1 # a\tb 👩\u200d💻")[0].note == "a\tb 👩\u200d💻"


# --- Properties --------------------------------------------------------------------------------------

LABELS = [label for fields in FIELDS.values() for spec in fields for label in spec.labels.values()]
PIECES = st.sampled_from(
    [
        *(f"### {label}" for label in LABELS),
        "_No response_",
        "O1/KR1 = 7,600 [有风险] # x",
        "=",
        "#",
        "%",
        "\r\n",
        "\n",
        "[",
        "】",
    ]
)
BODIES = st.lists(st.one_of(st.text(), PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES, st.sampled_from(list(Form)), st.dates())
@example("### 本周进展\n\n" + "9" * 5000, Form.CHECKIN, DAY)
@example(
    "### OKR 集\n\n2026-Q4/x\n\n### 日期\n\n9999-12-31\n\n### 本周进展\n\nO1/KR1=1",
    Form.CHECKIN,
    dt.date.max,
)
def test_no_input_raises(text: str, form: Form, day: dt.date) -> None:
    parsed = parse_issue(form, text, day)
    assert isinstance(parsed, ParsedIssue)
    assert (parsed.request is None) == bool(parsed.problems)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for problem in parsed.problems:
        assert problem.code in MESSAGES and problem.code != "internal-error", problem
        assert 0 <= problem.line <= lines
        assert problem.message


# --- Forms, messages and the documentation ----------------------------------------------------------


def test_form_for_labels() -> None:
    assert form_for_labels(["bug", "okr-checkin"]) is Form.CHECKIN
    assert form_for_labels(["okr-grade"]) is Form.GRADE
    assert form_for_labels(["okr-grade", "okr-checkin"]) is None
    assert form_for_labels([]) is None


def test_every_problem_code_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("\n## Problems\n", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"^\| `([a-z-]+)` \|", section, re.MULTILINE)) == set(MESSAGES)


def test_a_percentage_is_of_the_way_from_start_to_target() -> None:
    assert Reading(ValueKind.PERCENT, 76).value_for(1000, 11000) == pytest.approx(8600)
    assert Reading(ValueKind.PERCENT, 50).value_for(10, 0) == pytest.approx(5)  # going down
    assert Reading(ValueKind.NUMBER, 7600).value_for(1000, 11000) == 7600


def test_a_message_quotes_at_most_a_short_piece_of_the_text() -> None:
    [problem] = parse_issue(Form.CHECKIN, checkin("x" * 10_000), DAY).problems
    assert problem.code == "line-unreadable"
    assert len(problem.message) < 200 and "x" * 80 + "…" in problem.message


def test_every_message_in_english_and_chinese_with_the_same_arguments() -> None:
    for code, texts in MESSAGES.items():
        assert set(texts) == {"en", "zh"}, code
        assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1, code


def test_a_problem_is_shown_in_the_language_asked() -> None:
    [problem] = parse_issue(Form.CHECKIN, checkin("O1/KR1 = 1\nO1/KR1 = 2"), DAY).problems
    assert problem.message == "O1/KR1 is given twice (first on line 11)"
    assert problem.message_in("zh") == "O1/KR1 写了两次（第一次在第 11 行）"
    assert problem.message_in("fr") == problem.message


def test_chinese_texts_use_full_width_punctuation() -> None:
    texts = {f"issueform.MESSAGES.{code}": texts["zh"] for code, texts in MESSAGES.items()}
    for path in sorted((ROOT / "plugin/mkdocs_okr/templates/github/zh").rglob("*.yml")):
        for where, text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")), path.name):
            texts[where] = text
    assert ascii_punctuation_in_chinese(texts) == []
