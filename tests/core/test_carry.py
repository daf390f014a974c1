"""core.carry: drafts for a new cycle from the OKR sets of an old one."""

from __future__ import annotations

from mkdocs_okr.core.carry import carry
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.settings import Settings

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
status: draft
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
        weight: 100
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
    (empty,) = carry(org, "2024-Q1", cycle).problems
    assert (empty.code, empty.message) == ("carry-empty-cycle", "No OKR set in cycle 2024-Q1.")
    (ghost,) = carry(org, "2024", cycle, ["ghost"]).problems
    assert (ghost.code, ghost.message) == (
        "carry-no-set",
        "'ghost' has no OKR set in cycle 2024.",
    )


def test_carry_leaves_out_finished_key_results_and_names_them() -> None:
    org = analyse(
        [
            ("2024/company.md", COMPANY.encode()),
            ("2024-Q1/brand.md", BRAND_Q1.encode()),
        ],
        Settings(),
    )
    cycle = Settings().calendar().get("2024-Q2")
    assert cycle is not None
    result = carry(org, "2024-Q1", cycle, None, "en")
    brand = dict(result.files)["2024-Q2/brand.md"]
    # KR2 is graded 1.0 (its target reached too), KR4 is done: neither is carried.
    assert "KR2" not in brand and "KR4" not in brand
    assert [(n.code, n.line, n.message) for n in result.notes] == [
        (
            "carry-done-left-out",
            22,
            "2024-Q1/brand/O1/KR2: '退货率' is done (or graded 1.0) and is left out of the draft.",
        ),
        (
            "carry-done-left-out",
            35,
            "2024-Q1/brand/O1/KR4: '手册' is done (or graded 1.0) and is left out of the draft.",
        ),
    ]


FINISHED = """---
cycle: 2024-Q1
owner: brand
level: team
parent: company
objectives:
  - id: O1
    title: 影响力
    aligns: company/O1
    key_results:
      - {id: KR1, title: 粉丝 1 万, target: 10000, current: 12000}
      - {id: KR2, title: 手册, done: false, score: 1}
      - {id: KR3, title: 抖音, target: 10, status: dropped, reason: 停止}
---
"""


def test_a_set_with_every_key_result_finished_or_dropped_gets_no_draft() -> None:
    org = analyse(
        [("2024/company.md", COMPANY.encode()), ("2024-Q1/brand.md", FINISHED.encode())],
        Settings(),
    )
    cycle = Settings().calendar().get("2024-Q2")
    assert cycle is not None
    result = carry(org, "2024-Q1", cycle, None, "zh")
    assert result.files == [] and result.problems == []
    assert [n.message_in("zh") for n in result.notes] == [
        "2024-Q1/brand/O1/KR1：“粉丝 1 万”已完成（或已评 1.0 分），不结转到草稿。",
        "2024-Q1/brand/O1/KR2：“手册”已完成（或已评 1.0 分），不结转到草稿。",
        "2024-Q1/brand：所有 KR 都已完成或已放弃，不为它写草稿。",
    ]


DATED = """---
cycle: 2026-Q4
owner: company
level: company
objectives:
  - id: O1
    title: 11月30日前 黑五大促冲进类目前三
    key_results:
      - {id: KR1, title: by Nov 30 reach 5000 followers, target: 5000}
      - {id: KR2, title: 2026-11-30 上线新品, done: false}
      - {id: KR3, title: 11/30 完成直播 3 场, target: 3}
      - {id: KR4, title: 12月31日前 增长 50% 粉丝, target: 50}
      - {id: KR5, title: 转化率提升 1/3, target: 30}
---
"""


def test_carry_warns_about_dates_in_titles_outside_the_new_cycle() -> None:
    org = analyse([("2026-Q4/company.md", DATED.encode())], Settings())
    calendar = Settings().calendar()
    december = calendar.get("2026-12")
    assert december is not None
    result = carry(org, "2026-Q4", december, None, "en")
    assert result.problems == []
    ((path, draft),) = result.files
    lines = draft.split("\n")
    found = [(n.code, n.path, n.line, n.column, n.message) for n in result.notes]
    assert [f[4] for f in found] == [
        "2026-12/company/O1: the title '11月30日前 黑五大促冲进类目前三' names 11月30日, outside "
        "cycle 2026-12; rewrite the date.",
        "2026-12/company/O1/KR1: the title 'by Nov 30 reach 5000 followers' names Nov 30, outside "
        "cycle 2026-12; rewrite the date.",
        "2026-12/company/O1/KR2: the title '2026-11-30 上线新品' names 2026-11-30, outside cycle "
        "2026-12; rewrite the date.",
        "2026-12/company/O1/KR3: the title '11/30 完成直播 3 场' names 11/30, outside cycle "
        "2026-12; rewrite the date.",
    ]
    # Each note points at the title's line in the new draft, the file to edit now.
    for code, where, line, column, _message in found:
        assert (code, where) == ("carry-date-outside-cycle", path)
        assert lines[line - 1][column - 1 :].startswith("title: ")
    # "12月31日前" falls inside December; "1/3" is a share, read as January 3rd, outside: it is
    # written "1/3" with no day-month meaning only when followed by nothing; see the next test.
