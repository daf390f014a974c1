"""KR weights that sum to 100 (or to 1, Feishu's fractions): one rule for the lint, `okr diff`
and `okr carry` (Objective.weights_sum_to_100)."""

from __future__ import annotations

import pytest

from mkdocs_okr.core.carry import carry
from mkdocs_okr.core.compare import compare
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.settings import Settings


def company(*weights: float, dropped: int | None = None) -> bytes:
    krs = ""
    for index, weight in enumerate(weights, start=1):
        status = ", status: dropped, reason: 变了" if index == dropped else ""
        krs += f"      - {{id: KR{index}, title: K{index}, target: 10, weight: {weight}{status}}}\n"
    return (
        "---\ncycle: 2024-Q1\nowner: company\nlevel: company\nobjectives:\n  - id: O1\n"
        f"    title: 增长\n    key_results:\n{krs}---\n"
    ).encode()


@pytest.mark.parametrize(
    ("weights", "whole"),
    [((60, 40), True), ((0.5, 0.5), True), ((0.3, 0.3, 0.4), True), ((60, 30), False)],
)
def test_the_lint_the_diff_and_carry_agree(weights: tuple[float, ...], whole: bool) -> None:
    organisation = analyse([("a.md", company(*weights))], Settings())
    warned = [d.code for d in organisation.diagnostics] == ["weights-not-100"]
    assert warned is not whole
    assert organisation.sets[0].objectives[0].weights_sum_to_100 is whole
    # `okr diff` flags an objective whose weights stop being whole.
    diff = compare([("a.md", company(50, 50))], [("a.md", company(*weights))], Settings())
    flags = [flag.code for _set, flag in diff.flags]
    assert ("weights-not-100" in flags) is not whole


def test_carry_rescales_only_weights_that_dropping_broke() -> None:
    new_cycle = Settings().calendar().get("2024-Q2")
    assert new_cycle is not None

    def carried(text: bytes) -> str:
        organisation = analyse([("2024-Q1/company.md", text)], Settings())
        ((_path, draft),) = carry(organisation, "2024-Q1", new_cycle).files
        return draft

    fractions = carried(company(0.5, 0.5))
    assert "weight: 0.5\n" in fractions and "weight: 50" not in fractions
    broken = carried(company(50, 30, 20, dropped=3))
    assert "weight: 62\n" in broken and "weight: 38\n" in broken
