"""Material's search indexes a generated page from the page without what it skips anyway
(plugin `searchview`): the index must be byte for byte the one Material makes of whole pages."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import mkdocs_okr.plugin
from mkdocs_okr.searchview import searched_html

from .sitetools import REPO, copy_example

sys.path.insert(0, str(REPO / "bench"))

from generate import generate


def _index(project: Path, site: str) -> bytes:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / site))
    build(config)
    return (project / site / "search" / "search_index.json").read_bytes()


def _whole_and_searched(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes]:
    searched = _index(project, "searched")
    with monkeypatch.context() as patch:
        # No Material index found: Material parses every whole page itself, as before.
        patch.setattr(mkdocs_okr.plugin, "material_search_index", lambda config: None)
        whole = _index(project, "whole")
    return whole, searched


def test_the_example_sites_index_is_the_one_of_whole_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole, searched = _whole_and_searched(copy_example(tmp_path), monkeypatch)
    assert b"okr/2026-Q4/" in searched  # set pages are indexed at all
    assert searched == whole


def test_a_generated_organisations_index_is_the_one_of_whole_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chinese and English sets, milestones, notes, members' tables, drafts of nothing.
    project = copy_example(tmp_path)
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text(encoding="utf-8").replace("2026-11-26", "2024-02-15"),
        encoding="utf-8",
    )
    for old in (project / "okrs").iterdir():
        if old.is_dir():
            for file in sorted(old.rglob("*"), reverse=True):
                file.unlink() if file.is_file() else file.rmdir()
            old.rmdir()
        else:
            old.unlink()
    generate(project / "okrs", 60, 1)
    whole, searched = _whole_and_searched(project, monkeypatch)
    assert b"okr/2024-Q1/" in searched
    assert searched == whole


def test_the_searched_html_drops_skipped_elements_and_keeps_headings() -> None:
    html = (
        '<h2 id="members" data-search-exclude="true">Members</h2>\n'
        '<p>kept <span data-search-exclude="true">42 %</span> words</p>\n'
        '<table><tr><td data-search-exclude="true">2024-01-05</td></tr></table>'
    )
    light = searched_html(html)
    assert '<h2 id="members" data-search-exclude="true">Members</h2>' in light
    assert "42 %" not in light and "2024-01-05" not in light
    assert "<tr>" not in light  # a row left empty gives no words
    assert "kept  words" in light
