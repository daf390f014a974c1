"""A real `mkdocs build` of the example organisation: every page, link, bar and anchor."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .sitetools import copy_example, parse, run_mkdocs


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_example(tmp_path_factory.mktemp("example"))
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def export(site: Path) -> dict:
    """The published export: the index at the root and the cycles' files it names, read back
    as one document (the form of `okr export`)."""
    index = json.loads((site / "okrs.json").read_text(encoding="utf-8"))
    cycles = [json.loads((site / c["file"]).read_text(encoding="utf-8")) for c in index["cycles"]]
    assert [len(c["sets"]) for c in cycles] == [c["sets"] for c in index["cycles"]]
    sets = [s for cycle in cycles for s in cycle["sets"]]
    return {**index, "sets": sets}


def test_every_page_is_generated(site: Path, export: dict) -> None:
    assert (site / "okr" / "index.html").is_file()
    assert (site / "okr" / "problems" / "index.html").is_file()
    assert (site / "okr" / "okr.css").is_file()
    cycles = {s["cycle"] for s in export["sets"]}
    assert {"2026", "2026-Q3", "2026-Q4", "2026-11"} <= cycles
    for cycle in cycles:
        assert (site / "okr" / cycle / "index.html").is_file()
        assert (site / "okr" / cycle / "tree" / "index.html").is_file()
    sets_of: dict[str, int] = {}
    for okr_set in export["sets"]:
        assert (site / "okr" / okr_set["cycle"] / okr_set["owner"] / "index.html").is_file()
        sets_of[okr_set["owner"]] = sets_of.get(okr_set["owner"], 0) + 1
    # An owner's history page exists when they have several sets: one set's history would
    # say what its set page says.
    for owner, count in sets_of.items():
        assert (site / "okr" / "owners" / owner / "index.html").is_file() == (count > 1), owner
    assert 1 in sets_of.values() and max(sets_of.values()) > 1


def _internal_links(site: Path):
    for html in sorted(site.rglob("*.html")):
        page = parse(html)
        for href in page.links:
            parts = urlsplit(href)
            external = bool(parts.scheme or parts.netloc)
            if external or href == "#":
                continue
            yield html, href, parts


def test_every_internal_link_resolves(site: Path) -> None:
    broken: list[str] = []
    ids_cache: dict[Path, set[str]] = {}
    checked = 0
    for html, href, parts in _internal_links(site):
        if parts.path:
            # Material's 404 page links from the site root (/format/), every other page relatively.
            base = site if parts.path.startswith("/") else html.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
        else:
            target = html
        if not target.is_file():
            broken.append(f"{html.relative_to(site)} -> {href}")
            continue
        checked += 1
        if parts.fragment and target.suffix == ".html":
            ids = ids_cache.setdefault(target, parse(target).ids)
            if unquote(parts.fragment) not in ids:
                broken.append(f"{html.relative_to(site)} -> {href} (no such anchor)")
    assert checked > 500
    assert broken == []


def _bars_by_label(site: Path, cycle: str, owner: str) -> dict[str, int | None]:
    page = parse(site / "okr" / cycle / owner / "index.html")
    return {
        bar.attrs["aria-label"]: int(bar.attrs["aria-valuenow"])
        if "aria-valuenow" in bar.attrs
        else None
        for bar in page.bars
    }


def test_progress_bars_match_the_export(site: Path, export: dict) -> None:
    compared = 0
    for okr_set in export["sets"]:
        bars = _bars_by_label(site, okr_set["cycle"], okr_set["owner"])
        labels = {"得分 " + okr_set["name"]: okr_set["score"]}
        for objective in okr_set["objectives"]:
            labels["得分 " + objective["id"]] = objective["score"]
            for kr in objective["key_results"]:
                if not kr["dropped"]:
                    labels[f"得分 {objective['id']}/{kr['id']}"] = kr["score"]
        for label, score in labels.items():
            assert label in bars, (okr_set["ref"], label)
            # Half up, as the site shows it: 0.725 is 73 %.
            expected = None if score is None else math.floor(round(score * 100, 6) + 0.5)
            assert bars[label] == expected, (okr_set["ref"], label)
            compared += 1
    assert compared > 100


def test_bars_are_accessible(site: Path) -> None:
    page = parse(site / "okr" / "2026-Q4" / "social-media" / "index.html")
    assert page.bars
    for bar in page.bars:
        assert bar.attrs["aria-valuemin"] == "0"
        assert bar.attrs["aria-valuemax"] == "100"
        assert bar.attrs["aria-label"]
        assert bar.attrs["aria-valuetext"].endswith("%")


def test_alignment_links_go_both_ways(site: Path, export: dict) -> None:
    by_ref = {o["ref"]: (s, o) for s in export["sets"] for o in s["objectives"]}
    pairs = 0
    for ref, (okr_set, objective) in by_ref.items():
        page = parse(site / "okr" / okr_set["cycle"] / okr_set["owner"] / "index.html")
        for target in objective["aligns"]:
            cycle, owner, objective_id, *kr = target.split("/")
            fragment = objective_id + (f"-{kr[0]}" if kr else "")
            assert any(link.endswith(f"{owner}/#{fragment}") for link in page.links), (ref, target)
            other = parse(site / "okr" / cycle / owner / "index.html")
            assert any(
                link.endswith(f"{okr_set['owner']}/#{objective['id']}") for link in other.links
            ), (
                target,
                ref,
            )
            pairs += 1
    assert pairs >= 10


def test_set_pages_stay_out_of_the_navigation(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "okr/2026-Q4/social-media/" not in home
    assert "okr/" in home


def test_titles_and_labels_are_chinese(site: Path) -> None:
    page = parse(site / "okr" / "2026-Q4" / "social-media" / "index.html")
    assert page.title.startswith("社媒运营")
    assert "对齐到" in page.text and "被以下目标支撑" in page.text
    assert "2026年11月20日" in page.text


def test_material_chrome_is_named_in_chinese_and_readable(site: Path) -> None:
    """theme_overrides/ gives the search dialog a name in the site's language and loads the
    stylesheet that raises the footer's contrast (both checked by axe in tests/e2e)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search" data-md-component="search" role="dialog" aria-label="查找"' in home
    assert 'href="stylesheets/site.css"' in home
    css = (site / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert ".md-copyright" in css


def test_the_month_sits_inside_the_quarter(site: Path, export: dict) -> None:
    """The monthly cycle's sets align to the quarter's team and show up on its pages."""
    month = {s["owner"] for s in export["sets"] if s["cycle"] == "2026-11"}
    assert month == {"social-media", "video-editor"}
    brand = parse(site / "okr" / "2026-Q4" / "brand" / "index.html")
    assert any(link.endswith("2026-11/video-editor/#O1") for link in brand.links)
    home = parse(site / "okr" / "index.html")
    assert "2026-11" in home.text


def test_search_index_finds_key_results(site: Path, export: dict) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    kr = export["sets"][0]["objectives"][0]["key_results"][0]
    # jieba inserts zero-width spaces between Chinese words in the index.
    assert kr["title"].replace(" ", "")[:6] in titles.replace("\u200b", "").replace(" ", "")
    assert any(doc["location"].startswith("okr/2026-Q4/social-media/") for doc in index["docs"])


def _search_docs(site: Path) -> list[dict]:
    docs: list[dict] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )["docs"]
    return docs


def _words(text: str) -> str:
    """Index text without jieba's zero-width spaces and other spaces, for comparisons."""
    return text.replace("\u200b", "").replace(" ", "")


def test_search_index_holds_at_most_5_kb_per_set(site: Path, export: dict) -> None:
    okr_docs = [doc for doc in _search_docs(site) if doc["location"].startswith("okr/")]
    # Measured as Material writes the index: compact JSON, non-ASCII escaped.
    size = sum(len(json.dumps(doc, separators=(",", ":"))) for doc in okr_docs)
    assert size / len(export["sets"]) < 5 * 1024


def test_search_leaves_out_the_pages_that_gather_sets(site: Path) -> None:
    pages = {doc["location"].split("#")[0] for doc in _search_docs(site)}
    gathering = re.compile(r"okr/(week|calibration)/|okr/\d[^/]*/((tree|review)/)?$")
    assert sorted(page for page in pages if gathering.fullmatch(page)) == []
    assert {"okr/", "okr/problems/", "okr/owners/brand/"} <= pages


def test_search_finds_each_set_by_its_titles_owner_and_latest_notes(
    site: Path, export: dict
) -> None:
    docs = _search_docs(site)
    for okr_set in export["sets"]:
        page = f"okr/{okr_set['cycle']}/{okr_set['owner']}/"
        text = _words(
            " ".join(d["title"] + " " + d["text"] for d in docs if d["location"].startswith(page))
        )
        assert _words(okr_set["name"]) in text, page
        assert okr_set["owner"] in text, page
        for objective in okr_set["objectives"]:
            assert _words(objective["title"]) in text, page
            for kr in objective["key_results"]:
                assert _words(kr["title"]) in text, page
                notes = [c["note"] for c in kr["checkins"] if c.get("note")]
                if notes:
                    assert _words(notes[-1]) in text, page
    # Bars' percentages, charts, the members' table and the supporters' links are on the page
    # (the team's member 小王 is listed there), not in the index.
    brand = _words(
        " ".join(
            d["text"]
            for d in docs
            if d["location"].startswith("okr/2026-Q4/brand/") and "#notes" not in d["location"]
        )
    )
    assert brand and "%" not in brand and "小王" not in brand


def test_edit_link_points_at_the_okr_file(site: Path) -> None:
    page = parse(site / "okr" / "2026-Q4" / "brand" / "index.html")
    assert "https://github.com/example/mkdocs-okr/edit/main/okrs/2026-Q4/brand.md" in page.links


def test_export_is_published(export: dict) -> None:
    assert export["version"] == 1
    assert export["summary"]["errors"] == 0


def test_the_example_shows_every_state(site: Path) -> None:
    """A new user sees every state of the rhythm somewhere in `make serve`."""
    html = "\n".join(p.read_text(encoding="utf-8") for p in (site / "okr").rglob("index.html"))
    for css_class in (
        "okr-badge--on-track",
        "okr-badge--behind",
        "okr-badge--at-risk",
        "okr-badge--stale",
        "okr-badge--dropped",
        "okr-verdict--missed",
        "okr-verdict--achieved",
        "okr-verdict--sweet-spot",
        "okr-verdict--not-ambitious",
        "okr-verdict--too-ambitious",
        "okr-flag--too-easy",
        "okr-card--current",
    ):
        assert css_class in html, css_class


def test_review_week_and_calibration_pages(site: Path) -> None:
    review = (site / "okr" / "2026-Q3" / "review" / "index.html").read_text(encoding="utf-8")
    assert review.count("okr-chart--histogram") == 2  # teams and individuals were graded
    assert "复盘" in review and 'id="retro-finance"' in review
    week = (site / "okr" / "week" / "index.html").read_text(encoding="utf-8")
    assert "okr-moved" in week and "okr-chart--small" in week
    calibration = (site / "okr" / "calibration" / "index.html").read_text(encoding="utf-8")
    assert 'id="calibration-influencer"' in calibration
