"""`okr checkin`: check-ins appended without touching anything else in the file."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from .okr_cli_support import BRAND, FISCAL, MKDOCS_YML, Run, write

EXAMPLE = Path(__file__).resolve().parents[2] / "okrs"

# A hand-written file: comments, odd quoting, key order of its own, block and flow styles.
HAND_WRITTEN = """---
# Ads specialist, checked in on Fridays
cycle: 2024-Q1
owner: ads
level: individual
parent: brand
objectives:
  - id: O1
    title: 'ROAS 翻倍'   # ambitious
    aligns: "brand/O1"
    key_results:
      - id: KR1
        target: 4
        start: 2
        title: ROAS 从 2 到 4
        checkins:
        - date: 2024-01-05
          value: 2.5   # first week
        current: 2.5
        unit: "x"
      - {id: KR2, title: "CPC 从 1.5 降到 1", start: 1.5, target: 1}
      - id: KR3
        title: 投放 SOP
        done: false
---
Notes stay as they are.
"""


def old_lines_kept(old: str, new: str, changed: tuple[str, ...]) -> list[str]:
    """The lines `new` adds; every old line is kept in order except those starting `changed`."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    added: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        assert tag != "delete", old_lines[i1:i2]
        if tag == "insert":
            added += new_lines[j1:j2]
        elif tag == "replace":
            # Each replaced old line is an updated `current:` (or the like), still present.
            replaced = old_lines[i1:i2]
            assert all(line.strip().startswith(changed) for line in replaced), replaced
            kept = [line for line in new_lines[j1:j2] if line.strip().startswith(changed)]
            assert len(kept) == len(replaced), (replaced, new_lines[j1:j2])
            added += [line for line in new_lines[j1:j2] if not line.strip().startswith(changed)]
    return added


@pytest.fixture
def ads(clean: Path) -> Path:
    return write(clean, "ads/2024-Q1.md", HAND_WRITTEN)


def test_round_trip_changes_only_the_checkin_lines(run: Run, clean: Path, ads: Path) -> None:
    result = run(
        "checkin",
        ads,
        "O1/KR1=3.1",
        "O1/KR2=1.4",
        "O1/KR3=true",
        "--date",
        "2024-01-12",
        "--note",
        "换了素材: 效果好",
    )
    assert result.code == 0, result.err
    assert result.lines == [
        f"{ads.as_posix()}: O1/KR1 = 3.1 on 2024-01-12",
        f"{ads.as_posix()}: O1/KR2 = 1.4 on 2024-01-12",
        f"{ads.as_posix()}: O1/KR3 = true on 2024-01-12",
    ]
    new = ads.read_text(encoding="utf-8")
    added = old_lines_kept(HAND_WRITTEN, new, ("current:", "done:", "- {id: KR2"))
    assert added == [
        "        - date: 2024-01-12",
        "          value: 3.1",
        '          note: "换了素材: 效果好"',
        "        checkins:",
        "        - date: 2024-01-12",
        "          value: true",
        '          note: "换了素材: 效果好"',
    ]
    assert "        current: 3.1\n" in new and "        done: true\n" in new
    assert (
        '      - {id: KR2, title: "CPC 从 1.5 降到 1", start: 1.5, target: 1, checkins: '
        '[{date: 2024-01-12, value: 1.4, note: "换了素材: 效果好"}]}\n'
    ) in new
    assert run("check", clean, "--strict").lines[-1] == "3 files, 3 OKR sets: 0 errors, 0 warnings."


def test_round_trip_on_the_example_organisation(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "okrs"
    shutil.copytree(EXAMPLE, folder)
    before_check = run("check", folder).lines[-1]
    path = folder / "2026-Q4" / "social-media.md"
    old = path.read_bytes()
    assert run("checkin", path, "O1/KR1=8100", "O1/KR2=1.81", "--date", "2026-11-27").code == 0
    new = path.read_bytes()
    added = old_lines_kept(old.decode(), new.decode(), ("current:",))
    assert added == [
        "          - {date: 2026-11-27, value: 8100}",
        "          - {date: 2026-11-27, value: 1.81}",
    ]
    assert len(new) - len(old) == len("\n".join(added)) + 1  # nothing else grew or shrank
    assert run("check", folder).lines[-1] == before_check


def test_current_follows_so_check_stays_quiet(run: Run, clean: Path) -> None:
    brand = write(
        clean,
        "brand/2024-Q1.md",
        BRAND.replace(
            "          - {date: 2024-01-12, value: 6000}\n",
            "          - {date: 2024-01-12, value: 6000}\n        current: 6000  # 手动维护\n",
        ),
    )
    assert run("checkin", brand, "O1/KR1=7000", "--date", "2024-01-19").code == 0
    text = brand.read_text(encoding="utf-8")
    assert (
        "          - {date: 2024-01-19, value: 7000}\n        current: 7000  # 手动维护\n" in text
    )
    assert run("check", clean, "--strict").code == 0


def test_date_defaults_to_today(run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    brand = clean / "brand" / "2024-Q1.md"
    assert run("checkin", brand, "O1/KR1=7000", "--today", "2024-01-19").code == 0
    assert "- {date: 2024-01-19, value: 7000}" in brand.read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1706227200")  # 2024-01-26
    assert run("checkin", brand, "O1/KR1=7500").lines == [
        f"{brand.as_posix()}: O1/KR1 = 7500 on 2024-01-26"
    ]


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("O1/KR9=1",), "has no key result O1/KR9 (it has O1/KR1)."),
        (("O1/KR1=abc",), "O1/KR1: 'abc' is not a number"),
        (("O1/KR1=true",), "O1/KR1: it is a number to reach: give a number, not true or false."),
        (("O1/KR1=1", "--date", "2024-04-02"), "The date 2024-04-02 is outside the cycle 2024-Q1"),
        (("O1/KR1=1", "--date", "2024-01-12"), "O1/KR1: the latest check-in is dated 2024-01-12"),
        (("O1-KR1=1",), "'O1-KR1=1' is not OBJECTIVE/KR=VALUE"),
    ],
)
def test_refusals_leave_the_file_unchanged(
    run: Run, clean: Path, args: tuple[str, ...], problem: str
) -> None:
    brand = clean / "brand" / "2024-Q1.md"
    before = brand.read_bytes()
    result = run("checkin", brand, *args)
    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("okr: error: ")
    assert problem in result.err
    assert brand.read_bytes() == before


def test_a_milestone_refuses_a_number(run: Run, clean: Path, ads: Path) -> None:
    result = run("checkin", ads, "O1/KR3=1", "--date", "2024-01-12")
    assert result.code == 1
    assert "O1/KR3: it is a milestone: give true (done) or false (not done)." in result.err
    assert ads.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_broken_file_is_refused(run: Run, broken: Path) -> None:
    result = run("checkin", broken / "ads" / "2024-Q1.md", "O1/KR1=3", "--date", "2024-01-12")
    assert result.code == 1
    assert "cannot be read as an OKR file (line 4: `level` must be one of" in result.err


def test_a_bad_date_is_a_usage_error(run: Run, clean: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        run("checkin", clean / "brand" / "2024-Q1.md", "O1/KR1=1", "--date", "2024-02-30")
    assert stopped.value.code == 2


def test_custom_cycles_come_from_mkdocs_yml(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "mkdocs.yml", MKDOCS_YML)  # FY24: 2024-04-01 to 2025-03-31
    fiscal = write(tmp_path, "goals/company/FY24.md", FISCAL)
    config = tmp_path / "mkdocs.yml"
    assert run("checkin", fiscal, "O1/KR1=2", "--date", "2025-01-10", "--config", config).code == 0
    assert "checkins: [{date: 2025-01-10, value: 2}]}" in fiscal.read_text(encoding="utf-8")
    refused = run("checkin", fiscal, "O1/KR1=3", "--date", "2025-04-01", "--config", config)
    assert "outside the cycle FY24 (2024-04-01 to 2025-03-31)" in refused.err
