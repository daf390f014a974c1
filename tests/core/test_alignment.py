"""Alignment and the organisation: references, supported-by links, loops, the org tree."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from mkdocs_okr.core import Diagnostic, Organisation, Settings, analyse
from mkdocs_okr.core.organisation import _loops
from mkdocs_okr.okrfolder import read_folder
from tests.core.okrfiles import write_set


def okr(
    folder: Path,
    owner: str,
    level: str,
    cycle: str,
    parent: str | None = None,
    aligns: list[str | list[str] | None] | None = None,
    name: str | None = None,
) -> Path:
    """An OKR set with one objective per entry of `aligns` (O1, O2 ...), each with KR1 and KR2."""
    front: dict[str, Any] = {"cycle": cycle, "owner": owner, "level": level}
    if parent is not None:
        front["parent"] = parent
    objectives = []
    for index, align in enumerate(aligns or [None], start=1):
        objective: dict[str, Any] = {"title": f"{owner} 目标 {index}"}
        if align is not None:
            objective["aligns"] = align
        objective["key_results"] = [
            {"title": "粉丝", "target": 100, "current": 50},
            {"title": "互动率", "target": 2, "current": 1},
        ]
        objectives.append(objective)
    front["objectives"] = objectives
    return write_set(folder, name or f"{cycle}/{owner}.md", front)


def load(folder: Path) -> Organisation:
    return analyse(read_folder(folder), Settings())


def codes(organisation: Organisation, *wanted: str) -> list[Diagnostic]:
    return [d for d in organisation.diagnostics if d.code in wanted]


def aligned(organisation: Organisation, ref: str) -> list[str]:
    return [target.ref for target in organisation.aligns[ref]]


def supporters(organisation: Organisation, ref: str) -> list[str]:
    return [source.ref for source in organisation.supported_by.get(ref, [])]


def where(path: Path, text: str) -> tuple[int, int]:
    """1-based line and column of the first `text` in the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} not in {path}")


def assert_links_consistent(organisation: Organisation) -> None:
    """Every `aligns` link has its `supported_by` twin and the other way round."""
    forward = {
        (source, target.ref)
        for source, targets in organisation.aligns.items()
        for target in targets
    }
    backward = {
        (source.ref, target)
        for target, sources in organisation.supported_by.items()
        for source in sources
    }
    assert forward == backward
    for sources in organisation.supported_by.values():
        assert all(source.key_result is None for source in sources)  # sources are objectives


@pytest.fixture
def org(tmp_path: Path) -> Organisation:
    """A company for 2024, a brand team and a person in 2024-Q1, a sales team in 2024."""
    okr(tmp_path, "company", "company", "2024", aligns=[None, None])
    okr(
        tmp_path,
        "brand",
        "team",
        "2024-Q1",
        "company",
        aligns=["company/O2", "2024/company/O1/KR2"],
    )
    okr(tmp_path, "social-media", "individual", "2024-Q1", "brand", aligns=["brand/O1/KR1"])
    okr(tmp_path, "sales", "team", "2024", "company", aligns=[["company/O1", "company/O2/KR1"]])
    return load(tmp_path)


def test_example_has_no_errors(org: Organisation) -> None:
    assert [d for d in org.diagnostics if d.severity.value == "error"] == []
    assert codes(org, "unaligned") == []  # every team and individual objective aligns
    assert len(org.sets) == 4


def test_reference_without_cycle_resolves_in_the_enclosing_cycle(org: Organisation) -> None:
    # A 2024-Q1 team writes company/O2 and gets the company's 2024 objective.
    assert aligned(org, "2024-Q1/brand/O1") == ["2024/company/O2"]
    assert org.aligns["2024-Q1/brand/O1"][0].okr_set.cycle.id == "2024"


def test_reference_with_cycle_and_key_result(org: Organisation) -> None:
    (target,) = org.aligns["2024-Q1/brand/O2"]
    assert target.ref == "2024/company/O1/KR2"
    assert target.key_result is not None and target.key_result.id == "KR2"
    assert target.objective.id == "O1"


def test_reference_in_the_same_cycle(org: Organisation) -> None:
    assert aligned(org, "2024-Q1/social-media/O1") == ["2024-Q1/brand/O1/KR1"]


def test_several_references_in_written_order(org: Organisation) -> None:
    assert aligned(org, "2024/sales/O1") == ["2024/company/O1", "2024/company/O2/KR1"]


def test_supported_by_is_the_reverse(org: Organisation) -> None:
    assert supporters(org, "2024/company/O2") == ["2024-Q1/brand/O1"]
    assert supporters(org, "2024/company/O1/KR2") == ["2024-Q1/brand/O2"]
    assert supporters(org, "2024/company/O1") == ["2024/sales/O1"]
    assert supporters(org, "2024/company/O2/KR1") == ["2024/sales/O1"]
    assert supporters(org, "2024-Q1/brand/O1/KR1") == ["2024-Q1/social-media/O1"]
    assert supporters(org, "2024-Q1/brand/O1") == []  # a KR's supporter is not the objective's
    assert_links_consistent(org)


def test_supported_by_is_sorted(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    for owner in ["zeta", "alpha", "mid"]:
        okr(tmp_path, owner, "team", "2024", "company", aligns=["company/O1"])
    organisation = load(tmp_path)
    assert supporters(organisation, "2024/company/O1") == [
        "2024/alpha/O1",
        "2024/mid/O1",
        "2024/zeta/O1",
    ]
    assert_links_consistent(organisation)


def test_own_cycle_first_then_smallest_enclosing(tmp_path: Path) -> None:
    for cycle in ["2024", "2024-H1", "2024-Q1"]:
        okr(tmp_path, "company", "company", cycle)
    okr(tmp_path, "q1", "team", "2024-Q1", "company", aligns=["company/O1"])
    okr(tmp_path, "feb", "team", "2024-02", "company", aligns=["company/O1"])
    okr(tmp_path, "q2", "team", "2024-Q2", "company", aligns=["company/O1"])
    okr(tmp_path, "h2", "team", "2024-H2", "company", aligns=["company/O1"])
    okr(tmp_path, "explicit", "team", "2024-Q1", "company", aligns=["2024/company/O1"])
    organisation = load(tmp_path)
    assert aligned(organisation, "2024-Q1/q1/O1") == ["2024-Q1/company/O1"]
    assert aligned(organisation, "2024-02/feb/O1") == ["2024-Q1/company/O1"]
    assert aligned(organisation, "2024-Q2/q2/O1") == ["2024-H1/company/O1"]
    assert aligned(organisation, "2024-H2/h2/O1") == ["2024/company/O1"]
    assert aligned(organisation, "2024-Q1/explicit/O1") == ["2024/company/O1"]
    assert codes(organisation, "unresolved-reference") == []
    assert_links_consistent(organisation)


def test_reference_never_resolves_to_a_cycle_outside(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024-Q2")
    team = okr(tmp_path, "brand", "team", "2024-Q1", "company", aligns=["company/O1"])
    organisation = load(tmp_path)
    (problem,) = codes(organisation, "unresolved-reference")
    assert problem.path == "2024-Q1/brand.md"
    assert (problem.line, problem.column) == where(team, "company/O1")
    assert "'company' has no OKR set in cycle 2024-Q1 or a cycle around it" in problem.message
    assert organisation.aligns["2024-Q1/brand/O1"] == []


@pytest.mark.parametrize(
    ("reference", "why"),
    [
        ("nobody/O1", "'nobody' has no OKR set in cycle 2024 or a cycle around it"),
        ("2023/company/O1", "'company' has no OKR set in cycle 2023"),
        ("company/O9", "2024/company has no objective 'O9' (it has O1, O2)"),
        (
            "company/O2/KR7",
            "objective 2024/company/O2 has no key result 'KR7' (it has KR1, KR2)",
        ),
    ],
)
def test_unresolved_reference_says_what_is_missing(
    tmp_path: Path, reference: str, why: str
) -> None:
    okr(tmp_path, "company", "company", "2024", aligns=[None, None])
    team = okr(tmp_path, "sales", "team", "2024", "company", aligns=[["company/O1", reference]])
    organisation = load(tmp_path)
    (problem,) = codes(organisation, "unresolved-reference")
    assert problem.severity.value == "error"
    assert problem.path == "2024/sales.md"
    assert (problem.line, problem.column) == where(team, reference)
    assert problem.message == f"Objective O1 aligns to '{reference}', but {why}."
    assert aligned(organisation, "2024/sales/O1") == ["2024/company/O1"]  # the good one stays
    assert_links_consistent(organisation)


def test_reference_to_a_broken_file_is_not_reported_twice(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    # Valid YAML, but not a valid OKR set: its cycle and owner are still known.
    (tmp_path / "2024/company.md").write_text(
        "---\ncycle: 2024\nowner: company\nlevel: company\nobjectives: []\n---\n", encoding="utf-8"
    )
    okr(tmp_path, "sales", "team", "2024", "company", aligns=["company/O1"])
    organisation = load(tmp_path)
    assert [d.path for d in organisation.diagnostics if d.severity.value == "error"] == [
        "2024/company.md"
    ]


def test_broken_file_elsewhere_does_not_hide_a_wrong_reference(tmp_path: Path) -> None:
    # The company's 2023 file is broken, but the 2024 reference points at 2024's set.
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023/company.md").write_text(
        "---\ncycle: 2023\nowner: company\nlevel: company\nobjectives: []\n---\n", encoding="utf-8"
    )
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "sales", "team", "2024", "company", aligns=["company/O9"])
    organisation = load(tmp_path)
    (problem,) = codes(organisation, "unresolved-reference")
    assert "2024/company has no objective 'O9'" in problem.message


@pytest.mark.parametrize("reference", ["brand/O2", "brand/O2/KR1", "2024-Q1/brand/O1/KR2"])
def test_self_alignment(tmp_path: Path, reference: str) -> None:
    okr(tmp_path, "company", "company", "2024")
    team = okr(tmp_path, "brand", "team", "2024-Q1", "company", aligns=[reference, "company/O1"])
    organisation = load(tmp_path)
    (problem,) = codes(organisation, "self-alignment")
    assert problem.severity.value == "error"
    assert (problem.line, problem.column) == where(team, reference)
    assert f"'{reference}' in its own OKR set" in problem.message
    assert organisation.aligns["2024-Q1/brand/O1"] == []
    assert_links_consistent(organisation)


def test_alignment_to_the_own_owner_in_another_cycle_is_not_self(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "brand", "team", "2024", "company", aligns=["company/O1"])
    okr(tmp_path, "brand", "team", "2024-Q1", "company", aligns=["2024/brand/O1"])
    organisation = load(tmp_path)
    assert codes(organisation, "self-alignment") == []
    assert aligned(organisation, "2024-Q1/brand/O1") == ["2024/brand/O1"]


def test_loop_of_two_is_reported_once_with_the_loop(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    first = okr(tmp_path, "alpha", "team", "2024", "company", aligns=[["company/O1", "beta/O1"]])
    okr(tmp_path, "beta", "team", "2024", "company", aligns=["alpha/O1/KR2"])
    organisation = load(tmp_path)
    (loop,) = codes(organisation, "alignment-cycle")
    assert loop.severity.value == "error"
    assert "2024/alpha/O1 -> 2024/beta/O1 -> 2024/alpha/O1" in loop.message
    # It points at the link that closes the loop, not at the objective's first reference.
    assert loop.path == "2024/alpha.md"
    assert (loop.line, loop.column) == where(first, "beta/O1")
    # The links stay, so the site can show them.
    assert aligned(organisation, "2024/beta/O1") == ["2024/alpha/O1/KR2"]
    assert_links_consistent(organisation)


def test_loop_of_three(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "cc", "team", "2024", "company", aligns=["aa/O1"])
    okr(tmp_path, "aa", "team", "2024", "company", aligns=["bb/O1"])
    okr(tmp_path, "bb", "team", "2024", "company", aligns=["cc/O1/KR1"])
    organisation = load(tmp_path)
    (loop,) = codes(organisation, "alignment-cycle")
    assert "2024/aa/O1 -> 2024/bb/O1 -> 2024/cc/O1 -> 2024/aa/O1" in loop.message
    assert loop.path == "2024/aa.md"


@pytest.mark.parametrize("entry", ["aa", "bb", "cc"])
def test_a_loop_is_reported_at_one_place_whatever_the_order_and_the_entry(
    tmp_path: Path, entry: str
) -> None:
    # `a0` (first in every order) leads into the loop at `entry`: the walk meets the loop there.
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "a0", "team", "2024", "company", aligns=[f"{entry}/O1"])
    okr(tmp_path, "aa", "team", "2024", "company", aligns=["bb/O1"])
    okr(tmp_path, "bb", "team", "2024", "company", aligns=["cc/O1"])
    okr(tmp_path, "cc", "team", "2024", "company", aligns=["aa/O1/KR1"])
    files = read_folder(tmp_path)
    reported = set()
    for order in itertools.permutations(files):
        (loop,) = codes(analyse(list(order), Settings()), "alignment-cycle")
        reported.add((loop.path, loop.line, loop.column, loop.message))
    # At the loop's smallest objective (2024/aa/O1), on its link into the loop.
    aa = tmp_path / "2024" / "aa.md"
    assert reported == {
        (
            "2024/aa.md",
            *where(aa, "bb/O1"),
            "These objectives align to each other in a loop: 2024/aa/O1 -> 2024/bb/O1 -> "
            "2024/cc/O1 -> 2024/aa/O1. Alignment must lead up the tree; remove one of the links.",
        )
    }


def test_the_loop_walk_does_not_depend_on_the_order_of_the_graph() -> None:
    edges = {"x": ["c"], "a": ["b"], "b": ["c"], "c": ["a"], "d": ["d2"], "d2": ["d"]}
    found = {
        tuple(tuple(loop) for loop in _loops({key: edges[key] for key in order}))
        for order in itertools.permutations(edges)
    }
    assert found == {(("a", "b", "c"), ("d", "d2"))}


def test_two_loops_are_two_diagnostics(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "aa", "team", "2024", "company", aligns=["bb/O1"])
    okr(tmp_path, "bb", "team", "2024", "company", aligns=["aa/O1"])
    okr(tmp_path, "cc", "team", "2024", "company", aligns=["dd/O1"])
    okr(tmp_path, "dd", "team", "2024", "company", aligns=["cc/O1"])
    organisation = load(tmp_path)
    messages = sorted(d.message for d in codes(organisation, "alignment-cycle"))
    assert len(messages) == 2
    assert "2024/aa/O1 -> 2024/bb/O1 -> 2024/aa/O1" in messages[0]
    assert "2024/cc/O1 -> 2024/dd/O1 -> 2024/cc/O1" in messages[1]


def test_no_loop_when_two_objectives_share_a_target(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "aa", "team", "2024", "company", aligns=["company/O1", "company/O1/KR1"])
    okr(tmp_path, "bb", "individual", "2024", "aa", aligns=[["aa/O1", "aa/O2"]])
    organisation = load(tmp_path)
    assert codes(organisation, "alignment-cycle") == []
    assert supporters(organisation, "2024/company/O1") == ["2024/aa/O1"]
    assert supporters(organisation, "2024/company/O1/KR1") == ["2024/aa/O2"]


def test_alignment_down_the_tree(tmp_path: Path) -> None:
    company = okr(tmp_path, "company", "company", "2024", aligns=["brand/O1"])
    okr(tmp_path, "brand", "team", "2024", "company", aligns=["company/O1/KR1"])
    okr(tmp_path, "writer", "individual", "2024", "brand", aligns=["brand/O1"])
    okr(tmp_path, "lead", "team", "2024", "company", aligns=["writer/O1"])
    organisation = load(tmp_path)
    down = codes(organisation, "alignment-down")
    assert [(d.path, d.severity.value) for d in down] == [
        ("2024/company.md", "warning"),
        ("2024/lead.md", "warning"),
    ]
    assert (down[0].line, down[0].column) == where(company, "brand/O1")
    assert "'brand/O1', a team OKR set below it" in down[0].message
    assert "'writer/O1', an individual OKR set below it" in down[1].message
    # Still a link: the warning says it is odd, not that it is not there.
    assert aligned(organisation, "2024/company/O1") == ["2024/brand/O1"]


def test_same_target_written_twice_is_one_link(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "brand", "team", "2024", "company", aligns=[["company/O1", "2024/company/O1"]])
    organisation = load(tmp_path)
    assert aligned(organisation, "2024/brand/O1") == ["2024/company/O1"]
    assert supporters(organisation, "2024/company/O1") == ["2024/brand/O1"]


# --- the org tree ---------------------------------------------------------------------------


def test_parent_in_the_same_cycle_first_then_enclosing(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "brand", "team", "2024", "company", aligns=["company/O1"])
    okr(tmp_path, "brand", "team", "2024-Q2", "company", aligns=["company/O1"])
    okr(tmp_path, "ann", "individual", "2024-Q1", "brand", aligns=["brand/O1"])
    okr(tmp_path, "bob", "individual", "2024-Q2", "brand", aligns=["brand/O1"])
    organisation = load(tmp_path)
    ann, bob = organisation.get("2024-Q1", "ann"), organisation.get("2024-Q2", "bob")
    assert ann is not None and bob is not None
    assert organisation.parent_of(ann) is organisation.get("2024", "brand")
    assert organisation.parent_of(bob) is organisation.get("2024-Q2", "brand")
    brand_q2 = organisation.get("2024-Q2", "brand")
    assert brand_q2 is not None
    assert organisation.parent_of(brand_q2) is organisation.get("2024", "company")
    company = organisation.get("2024", "company")
    assert company is not None and organisation.parent_of(company) is None


def test_children_of(org: Organisation) -> None:
    company, brand = org.get("2024", "company"), org.get("2024-Q1", "brand")
    assert company is not None and brand is not None
    assert [s.ref for s in org.children_of(company)] == ["2024-Q1/brand", "2024/sales"]
    assert [s.ref for s in org.children_of(brand)] == ["2024-Q1/social-media"]
    social = org.get("2024-Q1", "social-media")
    assert social is not None and org.children_of(social) == []


def test_children_go_to_the_nearest_parent_set(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "company", "company", "2024-Q1")
    okr(tmp_path, "brand", "team", "2024-Q1", "company", aligns=["company/O1"])
    okr(tmp_path, "sales", "team", "2024-Q2", "company", aligns=["company/O1"])
    organisation = load(tmp_path)
    year, quarter = organisation.get("2024", "company"), organisation.get("2024-Q1", "company")
    assert year is not None and quarter is not None
    assert [s.ref for s in organisation.children_of(quarter)] == ["2024-Q1/brand"]
    assert [s.ref for s in organisation.children_of(year)] == ["2024-Q2/sales"]


def test_unknown_parent(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    team = okr(tmp_path, "brand", "team", "2024", "compnay", aligns=["company/O1"])
    organisation = load(tmp_path)
    (problem,) = codes(organisation, "unknown-parent")
    assert problem.severity.value == "error"
    assert (problem.line, problem.column) == where(team, "compnay")
    assert "'compnay'" in problem.message


def test_parent_known_only_in_another_cycle_is_not_an_error(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2023")
    okr(tmp_path, "brand", "team", "2024", "company")
    organisation = load(tmp_path)
    assert codes(organisation, "unknown-parent") == []
    brand = organisation.get("2024", "brand")
    assert brand is not None and organisation.parent_of(brand) is None


def test_parent_below(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "ann", "individual", "2024", "company", aligns=["company/O1"])
    okr(tmp_path, "brand", "team", "2024", "ann", aligns=["company/O1"])
    organisation = load(tmp_path)
    (problem,) = codes(organisation, "parent-below")
    assert problem.path == "2024/brand.md"
    assert "The parent 'ann' is an individual OKR set, below this team one." in problem.message


def test_own_parent(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    team = okr(tmp_path, "brand", "team", "2024", "brand", aligns=["company/O1"])
    organisation = load(tmp_path)
    brand = organisation.get("2024", "brand")
    assert brand is not None
    assert organisation.parent_of(brand) is None  # walking up the tree ends
    assert organisation.children_of(brand) == []
    problems = [d for d in organisation.diagnostics if d.severity.value == "error"]
    line, column = where(team, "parent: brand")
    assert [(d.path, d.line, d.column) for d in problems] == [
        ("2024/brand.md", line, column + len("parent: "))
    ]
    assert "itself" in problems[0].message


def test_parents_in_a_loop_are_reported_once(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "aa", "team", "2024", "bb", aligns=["company/O1"])
    okr(tmp_path, "bb", "team", "2024", "cc", aligns=["company/O1"])
    okr(tmp_path, "cc", "team", "2024", "aa", aligns=["company/O1"])
    okr(tmp_path, "dd", "individual", "2024", "aa", aligns=["aa/O1"])  # hangs off the loop
    organisation = load(tmp_path)
    problems = [d for d in organisation.diagnostics if "loop" in d.message]
    assert len(problems) == 1
    assert problems[0].path == "2024/aa.md"
    assert problems[0].severity.value == "error"
    assert "2024/aa -> 2024/bb -> 2024/cc -> 2024/aa" in problems[0].message


def test_history_of(tmp_path: Path) -> None:
    for cycle in ["2024-Q2", "2023", "2024", "2024-Q1"]:
        okr(tmp_path, "company", "company", cycle)
    okr(tmp_path, "other", "company", "2022")
    organisation = load(tmp_path)
    assert [s.cycle.id for s in organisation.history_of("company")] == [
        "2023",
        "2024-Q1",
        "2024",
        "2024-Q2",
    ]
    assert organisation.history_of("nobody") == []


def test_cycles_newest_first(tmp_path: Path) -> None:
    for cycle in ["2024-Q2", "2023", "2024", "2024-Q1"]:
        okr(tmp_path, "company", "company", cycle)
    organisation = load(tmp_path)
    assert [c.id for c in organisation.cycles()] == ["2024-Q2", "2024", "2024-Q1", "2023"]
    assert [s.owner for s in organisation.sets_in("2024-Q1")] == ["company"]


def test_duplicate_owner_in_a_cycle(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024", name="a-company.md")
    second = okr(tmp_path, "company", "company", "2024", name="b-company.md")
    okr(tmp_path, "company", "company", "2024-Q1", name="c-company.md")  # another cycle: fine
    organisation = load(tmp_path)
    (problem,) = codes(organisation, "duplicate-owner")
    assert problem.severity.value == "error"
    assert problem.path == "b-company.md"
    line, column = where(second, "owner: company")
    assert (problem.line, problem.column) == (line, column + len("owner: "))
    assert "a-company.md" in problem.message
    assert [s.path for s in organisation.sets] == ["a-company.md", "c-company.md"]
    assert organisation.get("2024", "company") is organisation.sets[0]


def test_ignored_codes_are_not_reported(tmp_path: Path) -> None:
    okr(tmp_path, "company", "company", "2024")
    okr(tmp_path, "brand", "team", "2024", "company")  # unaligned
    okr(tmp_path, "sales", "team", "2024", "company", aligns=["company/O7"])  # unresolved
    reported = load(tmp_path)
    assert sorted(d.code for d in reported.diagnostics) == ["unaligned", "unresolved-reference"]
    quiet = analyse(read_folder(tmp_path), Settings(ignore=["unaligned"]))
    assert [d.code for d in quiet.diagnostics] == ["unresolved-reference"]
    assert [d for f in quiet.files for d in f.diagnostics if d.code == "unaligned"] == []
