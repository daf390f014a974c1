"""Prefilled issue-form links: GitHub only, under GitHub's URL limit, and read back unchanged."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_okr.core.issueform import (
    FIELDS,
    CheckinRequest,
    Form,
    GradeRequest,
    KeyResultScore,
    KeyResultUpdate,
    Reading,
    SetRef,
    Status,
    ValueKind,
    parse_issue,
)
from mkdocs_okr.core.issuelinks import MAX_URL_BYTES, checkin_url, grade_url, repository

REPO = "https://github.com/example/okrs"
SET = SetRef("2026-Q4", "social-media")
DAY = dt.date(2026, 11, 27)
# A note of reasonable length: what a marketer writes about a week in one line.
NOTE = "两条短视频在目标国家爆了，粉丝增长超出预期，下周继续投放"


def prefilled(url: str) -> dict[str, str]:
    query = parse_qs(urlsplit(url).query, keep_blank_values=True)
    assert all(len(values) == 1 for values in query.values()), query
    return {key: values[0] for key, values in query.items()}


def submitted(url: str, form: Form, language: str = "zh") -> str:
    """The issue body GitHub writes when the prefilled form is submitted unchanged."""
    values = prefilled(url)
    return "\n\n".join(
        f"### {spec.labels[language]}\n\n{values.get(spec.id) or '_No response_'}"
        for spec in FIELDS[form]
    )


def five_by_five(note: str | None = NOTE) -> list[KeyResultUpdate]:
    readings = [
        Reading(ValueKind.NUMBER, 7600),
        Reading(ValueKind.PERCENT, 76),
        Reading(ValueKind.DONE, True),
        Reading(ValueKind.NUMBER, 1234567.25),
        Reading(ValueKind.DONE, False),
    ]
    statuses = [None, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, None]
    return [
        KeyResultUpdate(f"O{o}", f"KR{k}", readings[k - 1], statuses[o - 1], note)
        for o in range(1, 6)
        for k in range(1, 6)
    ]


@pytest.mark.parametrize(
    ("url", "base"),
    [
        ("https://github.com/example/okrs", REPO),
        ("https://github.com/example/okrs/", REPO),
        ("https://github.com/example/okrs.git", REPO),
        ("http://www.github.com/example/okrs", REPO),
        ("https://GitHub.com/Example/my.okrs", "https://github.com/Example/my.okrs"),
    ],
)
def test_github_repositories(url: str, base: str) -> None:
    assert repository(url) == base


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://gitlab.com/example/okrs",
        "https://gitee.com/example/okrs",
        "https://github.com.evil.example/example/okrs",
        "https://evil.example/github.com/example/okrs",
        "https://github.com/example",
        "https://github.com/example/okrs/tree/main",
        "https://github.com/example/..",
        "https://github.com/example/okrs?x=1",
        "javascript:alert(1)//github.com/a/b",
        "https://user@github.com/example/okrs",
    ],
)
def test_no_link_for_other_places(url: str | None) -> None:
    assert repository(url) is None
    assert checkin_url(url, SET) is None
    assert grade_url(url, SET) is None


def test_a_checkin_link() -> None:
    url = checkin_url(REPO, SET, [KeyResultUpdate("O1", "KR1", Reading(ValueKind.NUMBER, 7600))])
    assert url == (
        "https://github.com/example/okrs/issues/new?template=okr-checkin.yml"
        "&title=OKR%20%E8%BF%9B%E5%B1%95%202026-Q4%2Fsocial-media"
        "&set=2026-Q4%2Fsocial-media&updates=O1%2FKR1%20%3D%207600"
    )
    # Input and textarea fields only, named by the form's ids: no dropdown, no date.
    assert set(prefilled(url)) == {"template", "title", "set", "updates"}


def test_five_objectives_of_five_key_results_with_chinese_notes_fit() -> None:
    url = checkin_url(REPO, SET, five_by_five())
    assert url is not None
    assert len(url.encode("ascii")) <= MAX_URL_BYTES
    assert NOTE in prefilled(url)["updates"]  # the notes are kept when they fit


def test_a_round_trip_gives_back_the_same_checkins() -> None:
    updates = five_by_five()
    url = checkin_url(REPO, SET, updates)
    assert url is not None
    parsed = parse_issue(Form.CHECKIN, submitted(url, Form.CHECKIN), DAY)
    assert parsed.problems == ()
    assert parsed.request == CheckinRequest(SET, DAY, tuple(updates))


def test_english_lines_read_back_too() -> None:
    updates = five_by_five(note="two videos went viral # and ### more")
    url = checkin_url(REPO, SET, updates, language="en")
    assert url is not None and "title=OKR%20check-in%20" in url
    parsed = parse_issue(Form.CHECKIN, submitted(url, Form.CHECKIN, "en"), DAY)
    assert parsed.request == CheckinRequest(SET, DAY, tuple(updates))


def test_a_grade_link_reads_back() -> None:
    scores = [
        KeyResultScore(f"O{o}", f"KR{k}", k / 5, NOTE) for o in range(1, 6) for k in range(1, 6)
    ]
    url = grade_url(REPO, SET, scores)
    assert url is not None and len(url) <= MAX_URL_BYTES
    assert "template=okr-grade.yml" in url
    parsed = parse_issue(Form.GRADE, submitted(url, Form.GRADE), DAY)
    assert parsed.request == GradeRequest(SET, DAY, tuple(scores), None)


def test_too_long_drops_the_notes_then_the_lines() -> None:
    long_note = "很长的备注" * 40
    url = checkin_url(REPO, SET, five_by_five(long_note))
    assert url is not None and len(url) <= MAX_URL_BYTES
    lines = prefilled(url)["updates"].split("\n")
    assert len(lines) == 25 and "#" not in prefilled(url)["updates"]
    many = [
        KeyResultUpdate(f"O{o}", f"KR{k}", Reading(ValueKind.NUMBER, 123456789))
        for o in range(1, 40)
        for k in range(1, 40)
    ]
    url = checkin_url(REPO, SET, many)
    assert url is not None and len(url) <= MAX_URL_BYTES
    assert "updates" not in prefilled(url) and prefilled(url)["set"] == str(SET)


IDS = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True)
NOTES = st.none() | st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    max_size=30,
).map(lambda text: text.strip() or None)
READINGS = st.one_of(
    st.builds(Reading, st.just(ValueKind.NUMBER), st.integers(-(10**12), 10**12).map(float)),
    st.builds(Reading, st.just(ValueKind.PERCENT), st.integers(0, 200).map(float)),
    st.builds(Reading, st.just(ValueKind.DONE), st.booleans()),
    st.builds(
        Reading,
        st.just(ValueKind.NUMBER),
        st.floats(-1e9, 1e9, allow_nan=False).map(lambda x: round(x, 3)),
    ),
)
UPDATES = st.lists(
    st.builds(
        KeyResultUpdate, IDS, IDS, READINGS, st.none() | st.sampled_from(list(Status)), NOTES
    ),
    max_size=6,
    unique_by=lambda update: update.ref,
)


@settings(max_examples=200, deadline=None)
@given(UPDATES, st.sampled_from(["zh", "en"]))
def test_any_checkin_reads_back(updates: list[KeyResultUpdate], language: str) -> None:
    url = checkin_url(REPO, SET, updates, language)
    assert url is not None
    parsed = parse_issue(Form.CHECKIN, submitted(url, Form.CHECKIN, language), DAY)
    if not updates:
        assert [problem.code for problem in parsed.problems] == ["nothing-given"]
        return
    assert parsed.problems == ()
    assert isinstance(parsed.request, CheckinRequest)
    assert parsed.request.updates == tuple(updates)
