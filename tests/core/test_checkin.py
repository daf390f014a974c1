"""core.checkin: check-ins inserted as text in the file's own style, or refused."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_okr.core import checkin as checkin_module
from mkdocs_okr.core.checkin import CheckinRequest, add_checkins, parse_request
from mkdocs_okr.core.diagnostics import CODES
from mkdocs_okr.core.load import load_text
from mkdocs_okr.core.settings import Settings

DAY = dt.date(2024, 1, 12)


def ask(*given: str) -> list[CheckinRequest]:
    requests = [parse_request(text) for text in given]
    assert all(requests)
    return [r for r in requests if r is not None]


def checkin(text: str, *given: str, day: dt.date = DAY, note: str | None = None) -> str:
    result = add_checkins(text, "a.md", Settings(), ask(*given), day, note)
    assert result.problems == []
    assert result.text is not None
    return result.text


def refused(text: str, *given: str, day: dt.date = DAY) -> list[str]:
    """The refusals' messages (each a registered diagnostic code at the file)."""
    result = add_checkins(text, "a.md", Settings(), ask(*given), day)
    assert result.text is None
    assert all(p.code in CODES and p.path == "a.md" for p in result.problems)
    return [p.message for p in result.problems]


def lines(text: str) -> list[str]:
    return text.split("\n")


# Check-ins --------------------------------------------------------------------------------

FLOW = """---
# Brand team, reviewed every Friday
cycle: 2024-Q1
owner: brand
level: team
parent: company
objectives:
  - id: O1
    title: '提升品牌影响力'   # quoted on purpose
    aligns: company/O1
    key_results:
      - id: KR1
        title: "Instagram 增长 10000 粉丝"
        target: 10000
        checkins:
          - {date: 2024-01-05, value: 1200, note: 两条视频爆了}
        current: 1200  # keep in step
      - id: KR2
        target: 5
        start: 8
        title: 退货率
---
Body.
"""


def test_flow_checkin_goes_after_the_last_one_and_current_follows() -> None:
    after = checkin(FLOW, "O1/KR1=6500")
    old = lines(FLOW)
    assert lines(after) == [
        *old[:16],
        "          - {date: 2024-01-12, value: 6500}",
        "        current: 6500  # keep in step",
        *old[17:],
    ]


def test_a_kr_without_checkins_gets_them_in_the_files_style() -> None:
    after = checkin(FLOW, "O1/KR2=7.5", note="新的退货政策, 生效")
    old = lines(FLOW)
    assert lines(after) == [
        *old[:21],
        "        checkins:",
        '          - {date: 2024-01-12, value: 7.5, note: "新的退货政策, 生效"}',
        *old[21:],
    ]


def test_several_key_results_at_once_and_analyse_is_clean() -> None:
    after = checkin(FLOW, "O1/KR1=6500", "O1/KR2=7")
    loaded = load_text(after.encode(), "a.md", Settings(), Settings().calendar())
    assert loaded.okr_set is not None
    krs = loaded.okr_set.objectives[0].key_results
    assert [(c.date, c.value) for c in krs[0].checkins][-1] == (DAY, 6500)
    assert [(c.date, c.value) for c in krs[1].checkins] == [(DAY, 7)]
    assert krs[0].current_given == 6500
    assert [d.code for d in loaded.diagnostics] == []


BLOCK = """---
cycle: 2024-Q1
owner: ads
level: individual
parent: brand
objectives:
  - title: 广告
    aligns: brand/O1
    key_results:
      - title: ROAS 从 2 到 4
        start: 2
        target: 4
        checkins:
        - date: 2024-01-05
          value: 2.5
          note: |
            第一周

        # the next one goes below
      - {title: CPC, start: 1.5, target: 1}
      - title: 写投放 SOP
        done: false
---
"""


def test_block_checkins_stay_block_style_with_their_indentation() -> None:
    after = checkin(BLOCK, "O1/KR1=3", note="#1 week")
    old = lines(BLOCK)
    assert lines(after) == [
        *old[:17],
        "        - date: 2024-01-12",
        "          value: 3",
        '          note: "#1 week"',
        *old[17:],
    ]


def test_a_flow_key_result_gets_a_flow_list() -> None:
    after = checkin(BLOCK, "O1/KR2=1.4")
    assert (
        "      - {title: CPC, start: 1.5, target: 1, checkins: [{date: 2024-01-12, value: 1.4}]}"
        in (lines(after))
    )
    assert len(lines(after)) == len(lines(BLOCK))


def test_a_milestone_takes_true_and_its_done_follows() -> None:
    after = checkin(BLOCK, "O1/KR3=true")
    old = lines(BLOCK)
    # Block style, with the dash under the key, as KR1 writes its check-ins.
    assert lines(after) == [
        *old[:21],
        "        done: true",
        "        checkins:",
        "        - date: 2024-01-12",
        "          value: true",
        *old[22:],
    ]


def test_a_flow_list_gets_one_more_item() -> None:
    text = FLOW.replace(
        "        checkins:\n          - {date: 2024-01-05, value: 1200, note: 两条视频爆了}\n",
        "        checkins: [{date: 2024-01-05, value: 1200},\n"
        "                   {date: 2024-01-08, value: 1300}]\n",
    ).replace("current: 1200", "current: 1300")
    after = checkin(text, "O1/KR1=1500")
    assert (
        "                   {date: 2024-01-08, value: 1300}, {date: 2024-01-12, value: 1500}]"
        in (lines(after))
    )
    assert "checkins: [{date: 2024-01-12, value: 7}]" in checkin(text, "O1/KR2=7")


def test_crlf_and_byte_order_mark_are_kept() -> None:
    text = "\ufeff" + FLOW.replace("\n", "\r\n")
    after = checkin(text, "O1/KR1=6500")
    assert after.startswith("\ufeff---\r\n")
    assert "\n" not in after.replace("\r\n", "")
    assert (
        "          - {date: 2024-01-12, value: 6500}\r\n        current: 6500  # keep in step\r\n"
        in (after)
    )


@pytest.mark.parametrize(
    ("given", "day", "problem"),
    [
        (("O1/KR9=1",), DAY, "a.md has no key result O1/KR9 (it has O1/KR1, O1/KR2)."),
        (("O1/KR1=6,50",), DAY, "O1/KR1: '6,50' is not a number"),
        (("O1/KR1=1.2万",), DAY, "O1/KR1: '1.2万' is not a number"),
        (("O1/KR1=010",), DAY, "O1/KR1: '010' is not a number"),
        (("O1/KR1=nan",), DAY, "O1/KR1: 'nan' is not a number"),
        (("O1/KR1=true",), DAY, "O1/KR1: it is a number to reach: give a number, not true"),
        (("O1/KR1=5",), dt.date(2024, 4, 1), "The date 2024-04-01 is outside the cycle 2024-Q1"),
        (("O1/KR1=5",), dt.date(2024, 1, 5), "O1/KR1: the latest check-in is dated 2024-01-05"),
        (("O1/KR1=5", "O1/KR1=6"), DAY, "O1/KR1 is given twice."),
    ],
)
def test_refusals_leave_no_text(given: tuple[str, ...], day: dt.date, problem: str) -> None:
    problems = refused(FLOW, *given, day=day)
    assert any(p.startswith(problem) for p in problems), problems


def test_a_milestone_refuses_a_number_and_a_dropped_kr_refuses_all() -> None:
    assert refused(BLOCK, "O1/KR3=1") == [
        "O1/KR3: it is a milestone: give true (done) or false (not done)."
    ]
    dropped = FLOW.replace(
        "        title: 退货率\n",
        "        title: 退货率\n        status: dropped\n        reason: 政策变化\n",
    )
    assert refused(dropped, "O1/KR2=7") == ["O1/KR2 is dropped; it takes no more check-ins."]


def test_an_unreadable_file_is_refused() -> None:
    assert refused("---\ncycle: 2024-Q1\n", "O1/KR1=1") == [
        "a.md cannot be read as an OKR file (line 1: The front matter that starts on line 1 is "
        "never closed: add a line of three dashes (---) after the last YAML field.). "
        "Run `okr check`."
    ]


def test_a_file_with_a_schema_error_is_refused_though_its_set_is_shown() -> None:
    """The site shows the parts of such a file that could be read; an edit waits for the fix."""
    broken = FLOW.replace("        target: 10000\n", "        target: 10000\n        tagret: 1\n")
    assert load_text(broken.encode(), "a.md", Settings(), Settings().calendar()).okr_set
    (message,) = refused(broken, "O1/KR1=1500")
    assert message.startswith("a.md cannot be read as an OKR file (line 15: `tagret`")


def test_parse_request() -> None:
    assert parse_request(" O1/KR2 = 1.8 ") == CheckinRequest("O1", "KR2", "1.8")
    assert [parse_request(t) for t in ("O1=3", "O1/KR1", "O1/KR1=", "/KR1=3", "a/b/c=1")] == [
        None
    ] * 5


def test_an_edit_that_would_not_read_back_as_meant_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An edit gone wrong (here: the check-in written with another value) must never reach the
    # file: the read-back guard compares the edited file with the values meant.
    def wrong_value(one: object, day: dt.date, flow: bool) -> list[tuple[str, str]]:
        return [("date", day.isoformat()), ("value", "1")]

    monkeypatch.setattr(checkin_module, "_checkin_item", wrong_value)
    result = add_checkins(FLOW, "a.md", Settings(), ask("O1/KR1=6500"), DAY)
    assert result.text is None
    assert [(p.code, p.message) for p in result.problems] == [
        (
            "checkin-read-back",
            "a.md: the edited file would not read back as intended; nothing written.",
        )
    ]


# The line of the check-in form: numbers as people type them, a status, a note per key result


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("O1/KR1=6,500", "value: 6500"),
        ("O1/KR1=７６００", "value: 7600"),
        ("O1/KR1＝７，６００", "value: 7600"),
        ("O1/KR1=76%", "value: 7600"),  # 76 % of the way from 0 to 10000
        ("O1/KR1=７６％", "value: 7600"),
        ("O1/KR1=33.333%", "value: 3333.3"),  # in hundredths of the unit
        ("O1/KR2=50%", "value: 6.5"),  # a decreasing metric: from 8 halfway to 5
        ("O1/KR2=-3.5", "value: -3.5"),
    ],
)
def test_values_read_as_the_form_reads_them(given: str, written: str) -> None:
    after = checkin(FLOW, given)
    assert f"{{date: 2024-01-12, {written}" in after, after


def test_a_status_and_a_note_per_key_result() -> None:
    after = checkin(
        FLOW,
        "O1/KR1 = 6500 [有风险] # 预算还没批, 等下周",
        "O1/KR2=7 at risk",
        note="每周复盘",
    )
    assert (
        '          - {date: 2024-01-12, value: 6500, status: at-risk, note: "预算还没批, 等下周"}'
        in after
    )
    assert "          - {date: 2024-01-12, value: 7, status: at-risk, note: 每周复盘}" in after
    loaded = load_text(after.encode(), "a.md", Settings(), Settings().calendar())
    assert loaded.okr_set is not None
    checkins = [kr.checkins[-1] for kr in loaded.okr_set.objectives[0].key_results]
    assert [(c.status, c.note) for c in checkins] == [
        ("at-risk", "预算还没批, 等下周"),
        ("at-risk", "每周复盘"),
    ]


def test_a_status_in_a_block_checkin() -> None:
    after = checkin(BLOCK, "O1/KR1=3 【已延期】")
    assert "        - date: 2024-01-12\n          value: 3\n          status: off-track\n" in after


def test_a_milestone_takes_done_words() -> None:
    assert "done: true" in checkin(BLOCK, "O1/KR3=完成")
    assert "done: false" in checkin(BLOCK, "O1/KR3=not done")


@pytest.mark.parametrize(
    "given", ["O1/KR1=7600 [maybe]", "O1/KR1", "O1/KR1=", "O1/KR1 = 7600\n::error::x"]
)
def test_lines_that_are_not_a_checkin(given: str) -> None:
    assert parse_request(given) is None
