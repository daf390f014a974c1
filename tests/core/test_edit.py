"""core.edit: check-ins inserted as text in the file's own style; new and carried drafts."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_okr.core.edit import (
    CheckinRequest,
    add_checkins,
    body_before_retrospective,
    carry,
    new_set,
    new_set_problems,
    parse_request,
    yaml_text,
)
from mkdocs_okr.core.load import load_text
from mkdocs_okr.core.organisation import analyse
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
    result = add_checkins(text, "a.md", Settings(), ask(*given), day)
    assert result.text is None
    return result.problems


def lines(text: str) -> list[str]:
    return text.split("\n")


# Writing values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("社媒运营 小王", "社媒运营 小王"),
        ("brand/O1/KR2", "brand/O1/KR2"),
        ("yes", '"yes"'),  # YAML 1.1 would read true
        ("010", '"010"'),
        ("12", '"12"'),
        ("2024-01-05", '"2024-01-05"'),
        ("a: b", '"a: b"'),
        ("x #y", '"x #y"'),
        ("@home", '"@home"'),
        (" lead", '" lead"'),
        ("two\nlines", '"two\\nlines"'),
        ('say "hi"', 'say "hi"'),
        ("", '""'),
    ],
)
def test_yaml_text_is_plain_only_where_it_reads_back(value: str, written: str) -> None:
    assert yaml_text(value) == written


def test_yaml_text_in_flow_quotes_commas_and_brackets() -> None:
    assert yaml_text("a, b", flow=True) == '"a, b"'
    assert yaml_text("[x]", flow=True) == '"[x]"'
    assert yaml_text("a, b") == "a, b"  # fine outside a flow mapping


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
        (("O1/KR1=6,500",), DAY, "O1/KR1: '6,500' is not a number"),
        (("O1/KR1=50%",), DAY, "O1/KR1: '50%' is not a number"),
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


def test_parse_request() -> None:
    assert parse_request(" O1/KR2 = 1.8 ") == CheckinRequest("O1", "KR2", "1.8")
    assert [parse_request(t) for t in ("O1=3", "O1/KR1", "O1/KR1=", "/KR1=3", "a/b/c=1")] == [
        None
    ] * 5


# New sets ---------------------------------------------------------------------------------


def test_new_set_passes_check_and_has_a_retrospective() -> None:
    company = new_set("2024", "company", "company", language="zh")
    brand = new_set(
        "2024-Q2",
        "brand",
        "team",
        parent="company",
        name="品牌: 团队",
        aligns=["company/O1"],
        objective_type="committed",
    )
    organisation = analyse(
        [("2024/company.md", company.encode()), ("2024-Q2/brand.md", brand.encode())], Settings()
    )
    assert organisation.diagnostics == []
    assert "\n## 复盘\n" in company and "\n## Retrospective\n" in brand
    assert 'name: "品牌: 团队"' in brand and "    type: committed" in brand
    assert organisation.sets[1].objectives[0].key_results[0].target == 100


def test_new_set_problems() -> None:
    calendar = Settings().calendar()
    assert new_set_problems("2024-Q2", "brand", "team", "company", [], calendar) == []
    assert new_set_problems("2024-Q5", "Brand", "team", None, ["brand"], calendar) == [
        "'2024-Q5' is not a cycle: write 2024, 2024-H1, 2024-Q1, 2024-B1, 2024-01 or a custom "
        "cycle of the configuration.",
        "'Brand' is not a usable owner id: lower-case letters a-z, digits and '-', starting with "
        "a letter.",
        "A team OKR set needs a parent: the owner id of the team or company above it.",
        "'brand' is not a reference: write OWNER/OBJECTIVE or OWNER/OBJECTIVE/KR (for example "
        "brand/O1/KR2).",
    ]
    assert new_set_problems("2024", "company", "company", "x", [], calendar) == [
        "A company OKR set is the top of the tree: leave out the parent."
    ]


# Carry ------------------------------------------------------------------------------------

COMPANY = """---
cycle: 2024
owner: company
level: company
objectives:
  - id: O1
    title: 增长
    key_results:
      - {id: KR1, title: GMV, target: 1000}
---
"""
BRAND_Q1 = """---
cycle: 2024-Q1
owner: brand
name: 品牌团队
level: team
parent: company
tags: [marketing]
objectives:
  - id: O1
    title: 影响力
    type: committed
    weight: 3
    aligns: company/O1
    key_results:
      - id: KR1
        title: 粉丝
        target: 10000
        unit: 粉丝
        weight: 40
        checkins:
          - {date: 2024-01-05, value: 7600}
      - id: KR2
        title: 退货率
        start: 8
        target: 5
        weight: 30
        current: 4
        score: 1
      - id: KR3
        title: 抖音
        target: 10
        weight: 20
        status: dropped
        reason: 停止
      - id: KR4
        title: 手册
        weight: 10
        done: true
  - id: O2
    title: 全部放弃
    aligns: company/O1
    key_results:
      - {id: KR1, title: x, target: 3, status: dropped, reason: 不做了}
---
背景：品牌团队。

## 复盘

Q1 做得不错。
"""
SOCIAL_Q1 = """---
cycle: 2024-Q1
owner: social-media
level: individual
parent: brand
objectives:
  - id: O1
    title: 社媒
    aligns: [brand/O1/KR1, brand/O1/KR3, brand/O2]
    key_results:
      - {id: KR1, title: 发帖, target: 10}
---
"""


def carried(new: str, owners: list[str] | None = None) -> dict[str, str]:
    org = analyse(
        [
            ("2024/company.md", COMPANY.encode()),
            ("2024-Q1/brand.md", BRAND_Q1.encode()),
            ("2024-Q1/social-media.md", SOCIAL_Q1.encode()),
        ],
        Settings(),
    )
    cycle = Settings().calendar().get(new)
    assert cycle is not None
    result = carry(org, "2024-Q1", cycle, owners, "zh")
    assert result.problems == []
    return dict(result.files)


def test_carry_copies_objectives_and_key_results_as_a_draft() -> None:
    files = carried("2024-Q2")
    assert list(files) == ["2024-Q2/brand.md", "2024-Q2/social-media.md"]
    assert (
        files["2024-Q2/brand.md"]
        == """---
# 由 `okr carry` 从 2024-Q1 结转：草稿，请检查。
cycle: 2024-Q2
owner: brand
name: 品牌团队
level: team
parent: company
tags: [marketing]
objectives:
  - id: O1
    title: 影响力
    type: committed
    weight: 3
    aligns: company/O1
    key_results:
      - id: KR1
        title: 粉丝
        start: 7600
        target: 10000
        unit: 粉丝
        weight: 50
      - id: KR2
        title: 退货率
        start: 4
        target: 1
        weight: 38
      - id: KR4
        title: 手册
        weight: 12
        done: false
---
本草稿由 2024-Q1/brand 结转而来：周期开始前请检查目标、指标和对齐关系。

背景：品牌团队。

## 复盘

周期结束后填写：哪些做得好，哪些没做好、为什么，需要什么支持，下个周期的经验。
"""
    )
    # Alignment follows the carried parent; a dropped KR's objective, or the old cycle.
    assert (
        "    aligns:\n      - brand/O1/KR1\n      - brand/O1\n      - 2024-Q1/brand/O2\n"
        in (files["2024-Q2/social-media.md"])
    )
    everything = [
        ("2024/company.md", COMPANY.encode()),
        ("2024-Q1/brand.md", BRAND_Q1.encode()),
        ("2024-Q1/social-media.md", SOCIAL_Q1.encode()),
        *((path, text.encode()) for path, text in files.items()),
    ]
    diagnostics = analyse(everything, Settings()).diagnostics
    assert [d for d in diagnostics if d.path.startswith("2024-Q2")] == []


def test_carry_without_the_parent_keeps_pointing_at_the_old_cycle() -> None:
    files = carried("2024-Q2", ["social-media"])
    assert list(files) == ["2024-Q2/social-media.md"]
    assert (
        "      - 2024-Q1/brand/O1/KR1\n      - 2024-Q1/brand/O1/KR3\n      - 2024-Q1/brand/O2\n"
        in files["2024-Q2/social-media.md"]
    )


def test_carry_into_another_year_qualifies_the_company_reference() -> None:
    brand = carried("2025-Q1")["2025-Q1/brand.md"]
    assert "    aligns: 2024/company/O1\n" in brand


def test_carry_reports_unknown_owners_and_empty_cycles() -> None:
    org = analyse([("2024/company.md", COMPANY.encode())], Settings())
    cycle = Settings().calendar().get("2024-Q2")
    assert cycle is not None
    assert carry(org, "2024-Q1", cycle).problems == ["No OKR set in cycle 2024-Q1."]
    assert carry(org, "2024", cycle, ["ghost"]).problems == [
        "'ghost' has no OKR set in cycle 2024."
    ]


def test_body_before_retrospective() -> None:
    body = "背景\n\n```\n## 复盘 in code\n```\n\n## Retrospective ##\n\nold"
    assert body_before_retrospective(body) == "背景\n\n```\n## 复盘 in code\n```"
