"""The alignment tree of a cycle (render/tree.py): every set of the cycle is in it, under the
objectives of enclosing cycles it aligns to (context rows), whatever its chain looks like."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from mkdocs_okr.core.organisation import Goal, Organisation, analyse, objective_ref
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render.facts import SiteFacts
from mkdocs_okr.render.i18n import Labels
from mkdocs_okr.render.memo import Remember
from mkdocs_okr.render.paths import SitePaths
from mkdocs_okr.render.tree import CycleTree

EXAMPLE = Path(__file__).resolve().parents[2] / "okrs"
TODAY = dt.date(2024, 2, 16)


def _set(cycle: str, owner: str, level: str, *objectives: dict[str, Any]) -> tuple[str, bytes]:
    front = {"cycle": cycle, "owner": owner, "name": f"Name {owner}", "level": level}
    front["objectives"] = [
        {"id": f"O{n}", "title": f"{owner} goal {n}", **fields}
        | {"key_results": [{"id": "KR1", "title": "Done", "done": False}]}
        for n, fields in enumerate(objectives, start=1)
    ]
    text = "---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n"
    return (f"{cycle}/{owner}.md", text.encode())


def _tree(organisation: Organisation, cycle_id: str) -> CycleTree:
    cycle = organisation.sets_in(cycle_id)[0].cycle
    facts = SiteFacts(organisation, TODAY, Labels("en"))
    links = SitePaths("okr", True, None, None).links_from(f"okr/{cycle_id}/tree/index.md")
    return CycleTree(cycle, facts, links, Remember(""), None, lambda _t, _i: Markup(""))


def _shown(tree: CycleTree) -> set[str]:
    """Refs of the objectives the tree shows."""
    found: set[str] = set()
    waiting: list[Goal] = list(tree.roots())
    while waiting:
        goal = waiting.pop()
        ref = objective_ref(goal.okr_set, goal.objective)
        if ref not in found:
            found.add(ref)
            waiting += tree.children(goal.okr_set, goal.objective)
            waiting += [
                g for _kr, below in tree.key_results(goal.okr_set, goal.objective) for g in below
            ]
    return found


def test_every_cycles_tree_page_of_the_example_lists_each_of_its_sets() -> None:
    files = sorted(
        (str(path.relative_to(EXAMPLE)), path.read_bytes())
        for path in EXAMPLE.rglob("*.md")
        if path.name != "README.md"
    )
    organisation = analyse(files, Settings())
    options = RenderOptions(today=dt.date(2026, 11, 26))
    pages = {page.path: page.markdown for page in render_pages(organisation, options)}
    paths = options.paths()
    assert len(organisation.cycles()) >= 5  # a year, quarters and a month
    for cycle in organisation.cycles():
        tree_path = paths.tree(cycle)
        links = paths.links_from(tree_path)
        tree_page = pages[tree_path]
        for okr_set in organisation.sets_in(cycle.id):
            hrefs = [links.set(okr_set, o.id) for o in okr_set.objectives]
            assert any(f'href="{href}"' in tree_page for href in hrefs), (cycle.id, okr_set.ref)


def test_a_month_aligned_to_its_quarters_teams_hangs_under_them_as_context() -> None:
    organisation = analyse(
        [
            _set("2024", "company", "company", {}),
            _set("2024-Q1", "brand", "team", {"aligns": "company/O1"}, {}),
            _set("2024-02", "editor", "individual", {"aligns": "2024-Q1/brand/O1/KR1"}),
        ],
        Settings(),
    )
    tree = _tree(organisation, "2024-02")
    assert [goal.okr_set.owner for goal in tree.roots()] == ["company"]
    assert tree.context() == {"2024/company/O1", "2024-Q1/brand/O1"}
    # The team's other objective is no context: nothing of the month aligns to it.
    assert _shown(tree) == {"2024/company/O1", "2024-Q1/brand/O1", "2024-02/editor/O1"}
    facts, links = tree.facts, tree.links
    brand, editor = organisation.sets_in("2024-Q1")[0], organisation.sets_in("2024-02")[0]
    assert facts.tree_item(Goal(brand, brand.objectives[0], None), tree.cycle, links).context
    assert not facts.tree_item(Goal(editor, editor.objectives[0], None), tree.cycle, links).context


def test_a_chain_that_reaches_no_company_objective_still_shows_every_set() -> None:
    organisation = analyse(
        [
            # Two teams align to each other: neither chain reaches a root.
            _set("2024-Q1", "ads", "team", {"aligns": "kol/O1"}),
            _set("2024-Q1", "kol", "team", {"aligns": "ads/O1"}),
            # A team that aligns to nothing, with a member that aligns to it.
            _set("2024-Q1", "brand", "team", {}),
            _set("2024-Q1", "editor", "individual", {"aligns": "brand/O1"}),
            # A member that aligns to nothing and that nothing aligns to: listed apart.
            _set("2024-Q1", "alone", "individual", {}),
        ],
        Settings(),
    )
    tree = _tree(organisation, "2024-Q1")
    assert _shown(tree) == {
        "2024-Q1/ads/O1",
        "2024-Q1/kol/O1",
        "2024-Q1/brand/O1",
        "2024-Q1/editor/O1",
    }
    assert [goal.okr_set.owner for goal in tree.roots()] == ["brand", "ads"]
