"""Which numbers in a title `okr carry` reads as a date (core/titledates.py).

A month/day pair without a year is a date only where a reader takes it for one: next to a
deadline word, or opening the title. Elsewhere "1/10" is a share ("完成 1/10 的达人签约")
and is carried as it is, without a warning."""

from __future__ import annotations

import pytest

from mkdocs_okr.core.carry import carry
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.core.titledates import dates_in

CALENDAR = Settings().calendar()


def written(title: str, cycle: str = "2026-Q4") -> list[str]:
    found = CALENDAR.get(cycle)
    assert found is not None
    return [date.written for date in dates_in(title, found)]


@pytest.mark.parametrize(
    "title",
    [
        "完成 1/10 的达人签约",
        "1/10 的预算投向抖音",
        "转化率提升 1/3",
        "转化率从 1/10 提升到 3/10",
        "签约 1/10 达人",
        "1/3 预算投抖音",
        "reach 1/3 of the stores",
        "on 1/3 of the stores",
        "好评率 11/30%",
    ],
)
def test_a_share_is_not_a_date(title: str) -> None:
    assert written(title) == []


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("11/30 完成直播 3 场", "11/30"),
        ("11/30前 上线新品", "11/30"),
        ("1/10 之前 完成达人签约", "1/10"),
        ("截止 1/10 签约 5 位达人", "1/10"),
        ("by 12/1 reach 5000 followers", "12/1"),
        ("launch before 1/10", "1/10"),
        ("2026/11/30 上线新品", "2026/11/30"),
        ("launch 11/30/2026", "11/30/2026"),
        ("2026-11-30 上线新品", "2026-11-30"),
        ("1月10日前 完成达人签约", "1月10日"),
        ("by Jan 10 sign 5 influencers", "Jan 10"),
    ],
)
def test_a_date_is_still_a_date(title: str, date: str) -> None:
    assert written(title) == [date]


SIGNING = """---
cycle: 2026-Q1
owner: influencer
level: company
objectives:
  - id: O1
    title: 扩大达人合作
    key_results:
      - {id: KR1, title: 完成 1/10 的达人签约, target: 10}
      - {id: KR2, title: 1/10前 完成 5 位达人签约, target: 5}
---
"""


def test_carry_keeps_a_share_and_still_warns_about_a_date() -> None:
    organisation = analyse([("2026-Q1/influencer.md", SIGNING.encode())], Settings())
    second_quarter = CALENDAR.get("2026-Q2")
    assert second_quarter is not None
    result = carry(organisation, "2026-Q1", second_quarter, None, "zh")
    ((_path, draft),) = result.files
    assert "title: 完成 1/10 的达人签约" in draft  # copied as written
    assert [(note.code, note.message_in("en")) for note in result.notes] == [
        (
            "carry-date-outside-cycle",
            "2026-Q2/influencer/O1/KR2: the title '1/10前 完成 5 位达人签约' names 1/10, outside "
            "cycle 2026-Q2; rewrite the date.",
        )
    ]
