"""core.newset: the text of a new OKR set, and why it cannot be written."""

from __future__ import annotations

from mkdocs_okr.core.newset import new_set, new_set_problems
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.settings import Settings

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
    problems = new_set_problems("2024-Q5", "Brand", "team", None, ["brand"], calendar)
    assert [p.code for p in problems] == [
        "new-unknown-cycle",
        "new-invalid-id",
        "new-parent-missing",
        "new-invalid-reference",
    ]
    assert [p.message for p in problems] == [
        "'2024-Q5' is not a cycle: write 2024, 2024-H1, 2024-Q1, 2024-B1, 2024-01 or a custom "
        "cycle of the configuration.",
        "'Brand' is not a usable owner id: lower-case letters a-z, digits and '-', starting with "
        "a letter.",
        "A team OKR set needs a parent: the owner id of the team or company above it.",
        "'brand' is not a reference: write OWNER/OBJECTIVE or OWNER/OBJECTIVE/KR (for example "
        "brand/O1/KR2).",
    ]
    (problem,) = new_set_problems("2024", "company", "company", "x", [], calendar)
    assert problem.code == "new-parent-on-company"
    assert problem.message == "A company OKR set is the top of the tree: leave out the parent."
