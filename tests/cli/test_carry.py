"""`okr carry OLD NEW`: the sets of a cycle copied into the next one as drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from .okr_cli_support import Run, write

SOCIAL = """---
cycle: 2024-Q1
owner: social-media
name: 社媒运营 小王
level: individual
parent: brand
objectives:
  - id: O1
    title: 提升影响力
    aligns: brand/O1/KR1
    key_results:
      - id: KR1
        title: 粉丝增长到 10000
        target: 10000
        weight: 60
        checkins:
          - {date: 2024-01-05, value: 1200}
          - {date: 2024-03-29, value: 6000, note: 季度末}
        score: 0.6
      - id: KR2
        title: 互动率从 1.2 到 2
        start: 1.2
        target: 2
        weight: 40
        current: 1.5
      - id: KR3
        title: Threads 粉丝
        target: 3000
        status: dropped
        reason: 停止运营
---
背景：我负责 Instagram。

## 复盘

Q1 的复盘。
"""


@pytest.fixture
def quarter(clean: Path) -> Path:
    write(clean, "2024-Q1/social-media.md", SOCIAL)
    return clean


def test_carry_writes_drafts_that_pass_check(run: Run, quarter: Path) -> None:
    result = run("carry", "2024-Q1", "2024-Q2", "--dir", quarter, "--lang", "en")
    assert result.code == 0, result.err
    assert result.lines == [
        f"wrote {(quarter / '2024-Q2/brand.md').as_posix()}",
        f"wrote {(quarter / '2024-Q2/social-media.md').as_posix()}",
        # A deadline of the old quarter, copied into the new one: the title must be rewritten.
        f"{(quarter / '2024-Q2/brand.md').as_posix()}:16:9: warning: 2024-Q2/brand/O1/KR1: the "
        "title '1月31日前 Instagram 增长 10000 个目标国家粉丝' names 1月31日, outside cycle "
        "2024-Q2; rewrite the date. [carry-date-outside-cycle]",
    ]
    assert result.err == ""  # no error and no warning in the new files
    text = (quarter / "2024-Q2" / "social-media.md").read_text(encoding="utf-8")
    assert text.startswith(
        "---\n# Carried over from 2024-Q1 by `okr carry`: a draft to review.\ncycle: 2024-Q2\n"
    )
    # The parent carried too: the alignment points at its copy (resolved in 2024-Q2).
    assert "    aligns: brand/O1/KR1\n" in text
    # No check-ins, no current, no score, no dropped KR; the new start is the old current.
    for gone in ("checkins", "current", "score", "dropped", "KR3", "Threads", "Q1 的复盘"):
        assert gone not in text
    # A draft until a person has reviewed it.
    assert "\nparent: brand\nstatus: draft\nobjectives:\n" in text
    assert "        title: 粉丝增长到 10000\n        start: 6000\n        target: 10000\n" in text
    assert "        title: 互动率从 1.2 到 2\n        start: 1.5\n        target: 2\n" in text
    assert "背景：我负责 Instagram。\n\n## Retrospective\n" in text
    check = run("check", quarter, "--strict")
    assert check.lines == ["5 files, 5 OKR sets: 0 errors, 0 warnings."]


def test_only_the_owners_asked_for(run: Run, quarter: Path) -> None:
    result = run("carry", "2024-Q1", "2024-Q2", "--owner", "social-media", "--dir", quarter)
    assert result.code == 0, result.err
    assert not (quarter / "2024-Q2" / "brand.md").exists()
    text = (quarter / "2024-Q2" / "social-media.md").read_text(encoding="utf-8")
    # The brand team has no 2024-Q2 set: the alignment keeps pointing at its 2024-Q1 KR.
    assert "    aligns: 2024-Q1/brand/O1/KR1\n" in text
    assert run("check", quarter).code == 0


def test_refuses_to_overwrite_and_writes_nothing(run: Run, quarter: Path) -> None:
    mine = write(quarter, "2024-Q2/social-media.md", "mine\n")
    result = run("carry", "2024-Q1", "2024-Q2", "--dir", quarter)
    assert result.code == 1
    assert result.err == (
        f"okr: error: {mine.as_posix()} exists; carry does not overwrite files.\n"
    )
    assert not (quarter / "2024-Q2" / "brand.md").exists()
    assert mine.read_text(encoding="utf-8") == "mine\n"


def test_refuses_a_second_set_of_an_owner(run: Run, quarter: Path) -> None:
    # The brand team already has a 2024-Q2 set, under another path.
    write(
        quarter,
        "brand/2024-Q2.md",
        (quarter / "brand" / "2024-Q1.md")
        .read_text("utf-8")
        .replace("cycle: 2024-Q1", "cycle: 2024-Q2"),
    )
    result = run("carry", "2024-Q1", "2024-Q2", "--owner", "brand", "--dir", quarter)
    assert result.code == 1
    assert "[duplicate-owner]" in result.err
    assert not (quarter / "2024-Q2" / "brand.md").exists()


@pytest.mark.parametrize(
    ("old", "new", "owner", "problem"),
    [
        ("2024-Q5", "2024-Q2", None, "'2024-Q5' is not a cycle."),
        ("2024-Q1", "2024-Q1", None, "the old and the new cycle are the same."),
        ("2023-Q4", "2024-Q1", None, "No OKR set in cycle 2023-Q4."),
        ("2024-Q1", "2024-Q2", "ghost", "'ghost' has no OKR set in cycle 2024-Q1."),
    ],
)
def test_refusals(
    run: Run, quarter: Path, old: str, new: str, owner: str | None, problem: str
) -> None:
    args = ["carry", old, new, "--dir", quarter] + (["--owner", owner] if owner else [])
    result = run(*args)
    assert result.code == 1
    assert result.err.startswith(f"okr: error: {problem}\n")
    assert not (quarter / new).exists() or new == "2024-Q1"


def test_carry_names_the_key_results_it_leaves_out_because_they_are_done(
    run: Run, quarter: Path
) -> None:
    social = quarter / "2024-Q1/social-media.md"
    social.write_text(
        SOCIAL.replace("        current: 1.5\n", "        current: 2\n"), encoding="utf-8"
    )
    result = run(
        "carry", "2024-Q1", "2024-Q2", "--dir", quarter, "--owner", "social-media", "--lang", "zh"
    )
    assert result.code == 0, result.err
    assert result.lines == [
        f"已写入 {(quarter / '2024-Q2/social-media.md').as_posix()}",
        f"{social.as_posix()}:20:9: info: 2024-Q1/social-media/O1/KR2：“互动率从 1.2 到 2”已完成"
        "（或已评 1.0 分），不结转到草稿。 [carry-done-left-out]",
    ]
    text = (quarter / "2024-Q2/social-media.md").read_text(encoding="utf-8")
    assert "KR2" not in text and "互动率" not in text
