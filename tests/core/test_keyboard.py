"""Slips of a Chinese keyboard (core/keyboard.py), the article's words as values, and no error
hiding another (core/partial.py, the `unaligned` hint, the notice on a set page).

Each slip's diagnostic, at its line and column in both languages, is in the golden corpus;
here: what the repair leaves to the parser, what is not a slip, and what the partial set holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from mkdocs_okr.core import keyboard
from mkdocs_okr.core.organisation import Organisation, analyse
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.render import RenderOptions
from mkdocs_okr.render.memo import Remember
from mkdocs_okr.render.site import SitePages


def slips(text: str) -> list[tuple[str, int, int]]:
    return [(s.code, s.line, s.column) for s in keyboard.repair(text)[1]]


def test_each_slip_is_repaired_in_place_and_yaml_reads_what_was_meant() -> None:
    typed = (
        "owner：social-media\n"
        "tags: [growth，brand]\n"
        "items:\n"
        "　 － {date：2024-01-12，value: ７６００}\n"
        "  - title: “提升影响力”\n"
        "    target: 3,500\n"
        "    score: 70%\n"
        "    current: 20%\n"
    )
    repaired, found = keyboard.repair(typed)
    assert yaml.safe_load(repaired) == {
        "owner": "social-media",
        "tags": ["growth", "brand"],
        "items": [
            {"date": dt.date(2024, 1, 12), "value": 7600},
            {"title": "提升影响力", "target": 3500, "score": 0.7, "current": 20},
        ],
    }
    assert [(s.code, s.line, s.column) for s in found] == [
        ("full-width-colon", 0, 5),
        ("full-width-comma", 1, 13),
        ("full-width-space", 3, 0),
        ("full-width-dash", 3, 2),
        ("full-width-colon", 3, 9),
        ("full-width-comma", 3, 20),
        ("full-width-digit", 3, 28),
        ("full-width-quote", 4, 11),
        ("thousands-separator", 5, 13),
        ("percent-value", 6, 11),
        ("percent-value", 7, 13),
    ]
    # One character for one: the next line's columns are where the writer sees them.
    assert [len(line) for line in repaired.split("\n")[1:3]] == [20, 6]


def test_full_width_punctuation_inside_a_text_is_not_a_slip() -> None:
    assert (
        slips(
            "title: 目标：提升曝光，增加粉丝\n"
            "checkins: [{date: 2024-01-05, value: 1200, note: 两条视频爆了，很好}]\n"
            "note: |\n"
            "  key：在文字块里\n"
            "  － 也是文字\n"
            "name: “出海”品牌\n"
            "target: 3500 # 3,500 in a comment\n"
            "title: 增长 70%\n"
        )
        == []
    )


def test_a_percentage_too_long_to_repair_in_place_is_reported_once() -> None:
    organisation = analyse([("a.md", SET.replace("score: 0.5", "score: 5%").encode())], Settings())
    assert [(d.code, d.line, d.column) for d in organisation.diagnostics] == [
        ("percent-value", 13, 16)
    ]
    assert "`score: 0.05`" in organisation.diagnostics[0].message


SET = """---
cycle: 2024-Q1
owner: company
level: company
objectives:
  - id: O1
    title: Grow
    type: committed
    key_results:
      - id: KR1
        title: Followers
        target: 100
        score: 0.5
---
"""


def test_the_articles_words_are_the_values_they_mean() -> None:
    text = SET.replace("level: company", "level: 公司").replace("type: committed", "type: 承诺型")
    organisation = analyse([("a.md", text.encode())], Settings())
    assert organisation.diagnostics == []
    (okr_set,) = organisation.sets
    assert (okr_set.level, okr_set.objectives[0].type) == ("company", "committed")


def _front(front: dict[str, Any]) -> bytes:
    return ("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n").encode()


def _brand(objective_id: str = "B7") -> bytes:
    return _front(
        {
            "cycle": "2024-Q1",
            "owner": "brand",
            "level": "team",
            "parent": "company",
            "objectives": [
                {
                    "id": objective_id,
                    "title": "Reach",
                    "aligns": "company/O1",
                    "key_results": [{"title": "Mentions", "target": 300}],
                }
            ],
        }
    )


def _analyse(**files: bytes) -> Organisation:
    return analyse(
        [("company.md", SET.encode()), *((f"{name}.md", raw) for name, raw in files.items())],
        Settings(),
    )


MEMBER = """---
cycle: 2024-Q1
owner: social-media
level: individual
parent: brand
objectives:
  - id: O1
    title: 短视频
    key_results: []
  - id: O2
    title: 品牌
    aligns: brand/B7
    weight: lots
    key_results:
      - id: KR1
        title: 粉丝
        target: 100
        tagret: 200
      - id: KR2
        done: false
        weight: 50
      - id: KR3
        title: SOP
        done: false
        checkins:
          - {date: 2024-01-05, value: true, mood: good}
          - {date: 2024-01-12}
---
"""


def test_a_file_with_schema_errors_builds_its_set_from_the_parts_that_pass() -> None:
    organisation = _analyse(brand=_brand(), member=MEMBER.encode())
    codes = [(d.code, d.line, d.column) for d in organisation.diagnostics]
    assert codes == [
        ("missing-field", 9, 18),  # O1 without key results: left out
        ("wrong-type", 13, 13),  # weight: lots, left out
        ("unknown-key", 18, 9),  # tagret
        ("missing-field", 19, 9),  # KR2 has no title: shown under its id
        ("unknown-key", 26, 45),  # mood
        ("missing-field", 27, 13),  # a check-in without a value: left out
    ]
    okr_set = organisation.get("2024-Q1", "social-media")
    assert okr_set is not None
    (objective,) = okr_set.objectives
    # O1 left out, O2 keeps its id, its place in the file and its alignment.
    assert (objective.id, objective.position, objective.weight) == ("O2", (10, 5), 1.0)
    assert [goal.objective.id for goal in organisation.aligns["2024-Q1/social-media/O2"]] == ["B7"]
    assert [(kr.id, kr.title, kr.target) for kr in objective.key_results] == [
        ("KR1", "粉丝", 100),
        ("KR2", "KR2", None),
        ("KR3", "SOP", None),
    ]
    assert [c.date for c in objective.key_results[2].checkins] == [dt.date(2024, 1, 5)]


def test_the_unaligned_hint_names_an_objective_of_the_actual_parent() -> None:
    member = MEMBER.replace("    aligns: brand/B7\n", "")
    organisation = _analyse(brand=_brand("B7"), member=member.encode())
    (unaligned,) = [d for d in organisation.diagnostics if d.code == "unaligned"]
    assert "for example `aligns: brand/B7`" in unaligned.message
    assert "例如 `aligns: brand/B7`" in unaligned.message_in("zh")
    # An `aligns` of the wrong kind is reported as such, not as aligning to nothing.
    wrong = MEMBER.replace("aligns: brand/B7", "aligns: {brand: B7}")
    organisation = _analyse(brand=_brand("B7"), member=wrong.encode())
    assert "unaligned" not in [d.code for d in organisation.diagnostics]
    assert "wrong-type" in [d.code for d in organisation.diagnostics if d.line == 12]


def test_a_set_page_with_errors_carries_a_notice_linking_the_problems() -> None:
    organisation = _analyse(brand=_brand(), member=MEMBER.encode())
    site = SitePages(organisation, RenderOptions(today=dt.date(2024, 2, 16)), Remember("o"))
    member = organisation.get("2024-Q1", "social-media")
    brand = organisation.get("2024-Q1", "brand")
    assert member is not None and brand is not None
    notice = site.set_page(member, site.paths.links_from(site.paths.set(member))).problems
    assert notice is not None
    assert (notice.errors, notice.href) == (6, "../../problems/")
    assert site.set_page(brand, site.paths.links_from(site.paths.set(brand))).problems is None
