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
    (empty,) = carry(org, "2024-Q1", cycle).problems
    assert (empty.code, empty.message) == ("carry-empty-cycle", "No OKR set in cycle 2024-Q1.")
    (ghost,) = carry(org, "2024", cycle, ["ghost"]).problems
    assert (ghost.code, ghost.message) == (
        "carry-no-set",
        "'ghost' has no OKR set in cycle 2024.",
    )
