"""The memos of `mkdocs serve` never change what the site shows: after any edit, the pages and
the export made with the memos of the previous runs equal the ones made from scratch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
import yaml

from mkdocs_okr.core.export import compact_json, to_json
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render import site as site_pages
from mkdocs_okr.render.memo import ServeMemo

Files = dict[str, bytes]
TEAMS = ("social", "ads", "kol")
MEMBERS = 40  # per team: 120 individuals, several parts of 50 on every long page


def _file(front: dict[str, Any], body: str = "") -> bytes:
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
    return text.encode()


def _key_results(seed: int, scored: bool = False) -> list[dict[str, Any]]:
    found = []
    for number in (1, 2):
        checkins = [
            {
                "date": dt.date(2024, 1, 5) + dt.timedelta(days=7 * week),
                "value": 10 * week + seed % 7,
            }
            for week in range(1 + (seed + number) % 7)
        ]
        kr: dict[str, Any] = {
            "id": f"KR{number}",
            "title": f"Followers {seed}-{number}",
            "start": 0,
            "target": 100,
            "checkins": checkins,
        }
        if scored:
            kr["score"] = round(((seed * 7 + number * 3) % 11) / 10, 1)
        found.append(kr)
    found.append({"id": "KR3", "title": f"Report {seed}", "done": seed % 3 == 0})
    return found


def organisation_files() -> Files:
    files: Files = {
        "2024/company.md": _file(
            {
                "cycle": 2024,
                "owner": "company",
                "name": "Company",
                "level": "company",
                "objectives": [
                    {"id": f"O{n}", "title": f"Grow {n}", "key_results": _key_results(n)}
                    for n in (1, 2)
                ],
            }
        )
    }
    seed = 0
    for team_number, team in enumerate(TEAMS):
        files[f"2024-Q1/{team}.md"] = _file(
            {
                "cycle": "2024-Q1",
                "owner": team,
                "name": f"Team {team}",
                "level": "team",
                "parent": "company",
                "objectives": [
                    {
                        "id": "O1",
                        "title": f"{team} reach",
                        "aligns": f"company/O{1 + team_number % 2}/KR1",
                        "key_results": _key_results(team_number, scored=True),
                    }
                ],
            }
        )
        for member in range(MEMBERS):
            seed += 1
            owner = f"{team}-{member:02d}"
            objectives = [
                {
                    "id": "O1",
                    "title": f"{owner} posts",
                    "type": "aspirational" if seed % 2 else "committed",
                    "aligns": f"{team}/O1/KR{1 + seed % 2}",
                    "key_results": _key_results(seed, scored=seed % 4 == 0),
                },
                {"id": "O2", "title": f"{owner} grows", "key_results": _key_results(seed + 1)},
            ]
            body = "## Retrospective\n\nWe learnt a lot.\n" if seed % 5 == 0 else ""
            files[f"2024-Q1/{owner}.md"] = _file(
                {
                    "cycle": "2024-Q1",
                    "owner": owner,
                    "name": f"Person {owner}",
                    "level": "individual",
                    "parent": team,
                    "objectives": objectives,
                },
                body,
            )
    return files


def _replace(path: str, old: str, new: str) -> Callable[[Files], None]:
    def edit(files: Files) -> None:
        text = files[path].decode()
        assert old in text, (path, old)
        files[path] = text.replace(old, new, 1).encode()

    return edit


def _remove(path: str) -> Callable[[Files], None]:
    return lambda files: files.pop(path) and None


def _add_copy(source: str, path: str, owner: str) -> Callable[[Files], None]:
    def edit(files: Files) -> None:
        text = files[source].decode().replace(f"owner: {source[8:-3]}", f"owner: {owner}")
        files[path] = text.encode()

    return edit


EDITS = {
    "a member's target changes": _replace("2024-Q1/ads-17.md", "target: 100", "target: 50"),
    "a team is renamed": _replace("2024-Q1/kol.md", "name: Team kol", "name: KOL crew"),
    "a company objective is retitled": _replace("2024/company.md", "Grow 2", "Grow twice"),
    "a member aligns elsewhere": _replace("2024-Q1/social-03.md", "social/O1/KR", "ads/O1/KR"),
    "an alignment breaks": _replace("2024-Q1/kol-30.md", "kol/O1/KR", "kol/O9/KR"),
    "a member leaves": _remove("2024-Q1/social-05.md"),
    # The owner now has a history page, and every link to them leads there instead.
    "an owner's second set": lambda files: files.update(
        {"2024/ads-03.md": files["2024-Q1/ads-03.md"].replace(b"cycle: 2024-Q1", b"cycle: 2024")}
    ),
    "the owner's second set goes": _remove("2024/ads-03.md"),
    "a member joins": _add_copy("2024-Q1/ads-02.md", "2024-Q1/ads-99.md", "ads-99"),
    "a file breaks": _replace("2024-Q1/ads-30.md", "level: individual", "level: [individual"),
    "an objective is tagged": _replace(
        "2024-Q1/kol-01.md", "key_results:", "tags: [retro]\n  key_results:"
    ),
    "a retrospective is written": lambda files: files.update(
        {"2024-Q1/kol-02.md": files["2024-Q1/kol-02.md"] + b"\n## Retrospective\n\nDone.\n"}
    ),
    "a team leaves": _remove("2024-Q1/ads.md"),
    "the team comes back": lambda files: files.update(
        {"2024-Q1/ads.md": organisation_files()["2024-Q1/ads.md"]}
    ),
}


class Serve:
    """A `mkdocs serve` rebuild, as the plugin makes it with its memo."""

    def __init__(self) -> None:
        self.memo = ServeMemo()
        self.pages, self.export = self.memo.pages, self.memo.export

    def site(
        self, files: Files, options: RenderOptions, settings: Settings | None = None
    ) -> tuple[dict[str, str], str]:
        memo = self.memo
        organisation = analyse(sorted(files.items()), settings or Settings(), memo.load)
        keys = memo.start(organisation)
        pages = render_pages(organisation, options, memo.pages, keys)
        export_text = compact_json(organisation, partial(memo.export_record, keys)).decode()
        memo.finish(keys)
        return {page.path: page.markdown for page in pages}, export_text


def fresh(
    files: Files, options: RenderOptions, settings: Settings | None = None
) -> tuple[dict[str, str], str]:
    organisation = analyse(sorted(files.items()), settings or Settings())
    pages = render_pages(organisation, options)
    return {page.path: page.markdown for page in pages}, to_json(organisation, compact=True)


@pytest.mark.parametrize(
    "today",
    [dt.date(2024, 2, 16), dt.date(2024, 4, 10)],  # in the quarter (this week), after it (reviews)
    ids=["running", "ended"],
)
def test_a_rebuild_with_memos_equals_a_build_from_scratch(today: dt.date) -> None:
    options = RenderOptions(today=today)
    files = organisation_files()
    serve = Serve()
    first = serve.site(files, options)
    assert first == fresh(files, options)
    assert len(first[0]) > len(files) + 5  # set pages, and the pages that gather them
    entries = serve.pages.computed

    assert serve.site(files, options) == first
    assert serve.pages.computed == 0 and serve.export.computed == 0

    edit = EDITS["a member's target changes"]
    edit(files)
    assert serve.site(files, options) == fresh(files, options)
    assert 0 < serve.pages.computed < entries / 10
    assert 0 < serve.export.computed <= 3  # the member, its team, the objectives it aligns to

    for name, edit in EDITS.items():
        edit(files)  # (the first edit again: one more check-in's worth of change)
        assert serve.site(files, options) == fresh(files, options), name
        # A saved file renders a small part of the site again, not all of it: a member's file
        # its pages and one part of each page that gathers sets; a team's also its members'
        # pages (they name the team) and their parts.
        # (Coming back to an earlier state may find everything in the memo.)
        # The company's file is named on every team's page too.
        limit = entries / 2 if "team" in name or "company" in name else entries / 10
        assert serve.pages.computed < limit, (name, serve.pages.computed, entries)
        assert serve.export.computed < len(files) / 2, name
        # However many rebuilds, the memo holds about one site's worth.
        assert len(serve.pages) <= 2 * entries, name


@pytest.mark.parametrize(
    "today", [dt.date(2024, 2, 16), dt.date(2024, 4, 10)], ids=["running", "ended"]
)
def test_a_rebuild_of_cut_pages_equals_a_build_from_scratch(
    today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the page limits patched down, the week, the cycle pages, the reviews, the
    calibration and the trees are cut into several pages; after every edit a rebuild still
    gives what a build from scratch gives (a later part of a team's week names the team, and a
    subtree's page moves with the tree)."""
    limits = {
        "BATCH": 10,
        "WEEK_SETS": 7,
        "CYCLE_ROWS": 30,
        "REVIEW_SETS": 20,
        "CALIBRATION_OWNERS": 20,
        "TREE_OBJECTIVES": 10,
    }
    for name, value in limits.items():
        monkeypatch.setattr(site_pages, name, value)
    options = RenderOptions(today=today)
    files = organisation_files()
    serve = Serve()
    first = serve.site(files, options)
    assert first == fresh(files, options)
    cut = ["okr/2024-Q1/2/index.md", "okr/2024-Q1/tree/2024/company/O1/index.md"]
    cut += ["okr/week/2024-Q1/ads/2/index.md"] if today.month == 2 else []
    cut += (
        ["okr/calibration/2/index.md", "okr/2024-Q1/review/2/index.md"] if today.month == 4 else []
    )
    assert set(cut) <= set(first[0])
    for name, edit in EDITS.items():
        edit(files)
        assert serve.site(files, options) == fresh(files, options), name


def test_memos_follow_the_options() -> None:
    files = organisation_files()
    serve = Serve()
    serve.site(files, RenderOptions(today=dt.date(2024, 2, 16)))
    later = RenderOptions(today=dt.date(2024, 3, 1), language="zh")
    assert serve.site(files, later) == fresh(files, later)
    # The core's options too: other grading colours.
    stricter = Settings.model_validate({"grading": {"green": 0.9, "yellow": 0.6}})
    assert serve.site(files, later, stricter) == fresh(files, later, stricter)


def test_a_member_supporting_another_team_is_shown_true_on_its_own_teams_page() -> None:
    """Cross-team alignment: kol-07 supports the ads team's key result. When the ads file breaks
    (its owner still readable, so the broken reference is not reported twice), kol-07's
    objective aligns to nothing, and the kol team's page, which lists kol-07 with its count of
    unaligned objectives, must say so after a rebuild as after a build from scratch."""
    options = RenderOptions(today=dt.date(2024, 2, 16))
    files = organisation_files()
    _replace("2024-Q1/kol-07.md", "aligns: kol/O1/KR", "aligns: ads/O1/KR")(files)
    serve = Serve()
    assert serve.site(files, options) == fresh(files, options)
    for edit in (
        _replace("2024-Q1/ads.md", "level: team", "level: teams"),  # ads is no set any more
        _replace("2024-Q1/ads.md", "level: teams", "level: team"),  # and is back
        _replace("2024-Q1/ads.md", "title: Followers 1-1", "title: Fans 1-1"),
    ):
        edit(files)
        pages, export_text = serve.site(files, options)
        expected_pages, expected_export = fresh(files, options)
        stale = [path for path in expected_pages if pages.get(path) != expected_pages[path]]
        assert stale == [] and pages.keys() == expected_pages.keys()
        assert export_text == expected_export


def test_a_set_whose_reference_stops_resolving_marks_its_own_team_dirty() -> None:
    """The invariant of render/memo.py, without rendering: what another team's file does to a
    member's references changes the member's own key, so the member's team (whose page lists
    the member's row) is among the sets whose view may have changed."""
    files = organisation_files()
    _replace("2024-Q1/kol-07.md", "aligns: kol/O1/KR", "aligns: ads/O1/KR")(files)
    memo = ServeMemo()
    before = analyse(sorted(files.items()), Settings(), memo.load)
    memo.finish(memo.start(before))
    _replace("2024-Q1/ads.md", "level: team", "level: teams")(files)
    after = analyse(sorted(files.items()), Settings(), memo.load)
    keys = memo.start(after)
    assert keys.dirty is not None
    assert {"2024-Q1/kol-07.md", "2024-Q1/kol.md"} <= keys.dirty
    assert "2024-Q1/social.md" not in keys.dirty  # nothing it shows changed


def test_a_subtree_edited_while_it_stood_elsewhere_is_shown_new_when_it_moves_back() -> None:
    """A chain of teams (kol supports ads, ads supports social): social moves to another
    company objective, kol is retitled while its subtree stands there, and social moves back.
    The kol subtree's key from before the move must not be taken for the truth."""
    options = RenderOptions(today=dt.date(2024, 2, 16))
    files = organisation_files()
    _replace("2024-Q1/ads.md", "aligns: company/O2/KR1", "aligns: social/O1")(files)
    _replace("2024-Q1/kol.md", "aligns: company/O1/KR1", "aligns: ads/O1")(files)
    serve = Serve()
    serve.site(files, options)
    for edit in (
        _replace("2024-Q1/social.md", "aligns: company/O1/KR1", "aligns: company/O2/KR1"),
        _replace("2024-Q1/kol.md", "kol reach", "kol reached"),
        _replace("2024-Q1/social.md", "aligns: company/O2/KR1", "aligns: company/O1/KR1"),
    ):
        edit(files)
        pages, _export = serve.site(files, options)
        expected, _ = fresh(files, options)
        assert [path for path in expected if pages.get(path) != expected[path]] == []


def _monthly(owner: str, aligns: str) -> bytes:
    return _file(
        {
            "cycle": "2024-02",
            "owner": owner,
            "name": f"Month {owner}",
            "level": "individual",
            "parent": owner.split("-")[0],
            "objectives": [
                {
                    "id": "O1",
                    "title": f"{owner} in February",
                    "aligns": aligns,
                    "key_results": _key_results(len(owner)),
                }
            ],
        }
    )


def test_a_monthly_tree_under_its_quarters_objectives_follows_every_edit() -> None:
    """Monthly sets align to the quarter's team objectives: the month's tree draws those (and
    the year's company objectives above them) as context rows. Moving a monthly set to another
    team, moving the team above it, retitling a context row and removing the set must each show
    after a rebuild as after a build from scratch."""
    options = RenderOptions(today=dt.date(2024, 2, 16))
    files = organisation_files()
    files["2024-02/social-01.md"] = _monthly("social-01", "2024-Q1/social/O1/KR1")
    files["2024-02/ads-01.md"] = _monthly("ads-01", "2024-Q1/ads/O1")
    serve = Serve()
    pages, _export = serve.site(files, options)
    tree = pages["okr/2024-02/tree/index.md"]
    assert "Month social-01" in tree and "Month ads-01" in tree and "Team social" in tree
    for edit in (
        _replace("2024-02/social-01.md", "social/O1/KR1", "kol/O1/KR2"),
        _replace("2024-Q1/kol.md", "aligns: company/O1/KR1", "aligns: company/O2"),
        _replace("2024-Q1/ads.md", "ads reach", "ads reached"),
        _replace("2024/company.md", "Grow 2", "Grow twice"),
        _remove("2024-02/ads-01.md"),
        _replace("2024-02/social-01.md", "kol/O1/KR2", "social/O1/KR1"),
    ):
        edit(files)
        pages, _export = serve.site(files, options)
        expected, _ = fresh(files, options)
        assert [path for path in expected if pages.get(path) != expected[path]] == []
