"""core.compare: two sides of an OKR folder -> what changed for a pull request, without git."""

from __future__ import annotations

import pytest

from mkdocs_okr.core.compare import FLAGS, compare, diagnostic_changes, to_data
from mkdocs_okr.core.diagnostics import Diagnostic, Severity
from mkdocs_okr.core.settings import Settings

SET = """---
cycle: 2024-Q1
owner: company
level: company
objectives:
  - id: O1
    title: 增长
    key_results:
      - id: KR1
        title: 粉丝从 0 到 1000
        start: {start}
        target: {target}
{checkins}---
"""


def text(start: float = 0, target: float = 1000, checkins: str = "") -> bytes:
    return SET.format(start=start, target=target, checkins=checkins).encode()


def flag_codes(base: bytes, head: bytes, settings: Settings) -> list[str]:
    diff = compare([("a.md", base)], [("a.md", head)], settings)
    return [flag.code for _set, flag in diff.flags]


@pytest.mark.parametrize(
    ("start", "old", "new", "lowered"),
    [
        (0, 1000, 800, True),  # increasing metric, target lowered: easier
        (0, 1000, 1200, False),  # increasing, raised: harder
        (8, 5, 6, True),  # decreasing metric (a return rate), target raised: easier
        (8, 5, 4, False),  # decreasing, lowered: harder
    ],
)
def test_target_lowered_knows_the_direction(
    settings: Settings, start: float, old: float, new: float, lowered: bool
) -> None:
    codes = flag_codes(text(start, old), text(start, new), settings)
    assert ("target-lowered" in codes) is lowered
    assert "target-changed-after-checkins" not in codes  # no check-in yet


def test_target_changed_after_checkins_began(settings: Settings) -> None:
    checkins = "        checkins:\n          - {date: 2024-01-05, value: 100}\n"
    codes = flag_codes(text(checkins=checkins), text(target=1200, checkins=checkins), settings)
    assert codes == ["target-changed-after-checkins"]


def test_rewritten_checkins_are_flagged_but_new_ones_are_not(settings: Settings) -> None:
    one = "        checkins:\n          - {date: 2024-01-05, value: 100}\n"
    two = one + "          - {date: 2024-01-12, value: 300}\n"
    changed = "        checkins:\n          - {date: 2024-01-05, value: 150}\n"
    assert flag_codes(text(checkins=one), text(checkins=two), settings) == []
    assert flag_codes(text(checkins=two), text(checkins=changed), settings) == [
        "checkins-rewritten"
    ]
    diff = compare([("a.md", text(checkins=one))], [("a.md", text(checkins=two))], settings)
    kr = diff.sets[0].objectives[0].key_results[0]
    assert [(c.date.isoformat(), c.value) for c in kr.new_checkins] == [("2024-01-12", 300)]
    assert kr.value == (100, 300)


def test_every_flag_code_is_described() -> None:
    assert set(FLAGS) == {
        "target-lowered",
        "target-changed-after-checkins",
        "kr-dropped",
        "kr-removed",
        "objective-removed",
        "weights-not-100",
        "alignment-lost",
        "checkins-rewritten",
        "made-aspirational",
        "graded-not-done",
    }


def _diagnostic(path: str, line: int, message: str = "m") -> Diagnostic:
    return Diagnostic(Severity.WARNING, "task-like", path, line, 1, message)


def test_diagnostics_compare_by_what_not_where() -> None:
    base = [_diagnostic("a.md", 3), _diagnostic("a.md", 9), _diagnostic("b.md", 1, "gone")]
    head = [_diagnostic("a.md", 4), _diagnostic("c.md", 2, "new")]
    introduced, fixed = diagnostic_changes(base, head)
    # One of the two identical problems of a.md was fixed; the other only moved.
    assert introduced == [_diagnostic("c.md", 2, "new")]
    assert fixed == [_diagnostic("a.md", 9), _diagnostic("b.md", 1, "gone")]


def test_diagnostics_follow_a_renamed_file() -> None:
    introduced, fixed = diagnostic_changes(
        [_diagnostic("old.md", 3)], [_diagnostic("new.md", 3)], {"old.md": "new.md"}
    )
    assert (introduced, fixed) == ([], [])


def test_a_moved_file_that_never_parsed_is_a_rename_and_not_reported(settings: Settings) -> None:
    broken = b"no front matter\n"
    diff = compare([("x/a.md", broken)], [("y/a.md", broken)], settings)
    assert [(f.status, f.path, f.old_path) for f in diff.files] == [("renamed", "y/a.md", "x/a.md")]
    assert diff.unreadable == []  # unchanged bytes: the change did not touch the problem
    assert (diff.introduced, diff.fixed) == ([], [])
    assert not diff.empty  # a rename is worth a line


def test_a_broken_file_that_changed_is_reported_on_its_side(settings: Settings) -> None:
    diff = compare([("a.md", b"nothing\n")], [("a.md", b"still nothing\n")], settings)
    assert [(u.path, u.side, u.code) for u in diff.unreadable] == [
        ("a.md", "head", "front-matter-missing")
    ]
    assert diff.sets == []


def test_same_bytes_is_an_empty_diff(settings: Settings) -> None:
    diff = compare([("a.md", text())], [("a.md", text())], settings)
    assert diff.empty
    assert to_data(diff, "main", None)["empty"] is True


def test_json_numbers_as_written_computed_ones_rounded_whole_ones_integers(
    settings: Settings,
) -> None:
    # The same rule as the export (core/figures.py): a written value loses nothing.
    checkins = "        checkins:\n          - {date: 2024-01-05, value: 333.33333}\n"
    diff = compare(
        [("a.md", text(target=1000))], [("a.md", text(target=999, checkins=checkins))], settings
    )
    data = to_data(diff, "main", "HEAD")
    kr = data["sets"][0]["objectives"][0]["key_results"][0]
    assert kr["changes"] == [{"field": "target", "old": 1000, "new": 999}]
    assert kr["value"] == {"old": 0, "new": 333.33333}
    assert kr["new_checkins"][0]["value"] == 333.33333
    assert kr["progress"] == {"old": 0, "new": 0.3337}
