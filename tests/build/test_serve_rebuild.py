"""`mkdocs serve` rebuilds: only changed files are parsed and only affected pages rendered,
and the pages are always the ones a fresh build would give."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from mkdocs_okr.plugin import OkrPlugin
from mkdocs_okr.render.memo import ServeMemo

from .sitetools import copy_example


def _build(config: MkDocsConfig) -> dict[str, str]:
    files = config.plugins.on_files(Files([]), config=config)
    return {f.src_uri: f.content_string for f in files if f.src_uri.startswith("okr/")}


def _fresh(project: Path) -> dict[str, str]:
    config = load_config(str(project / "mkdocs.yml"))
    return _build(config.plugins.on_config(config))


def test_a_rebuild_parses_and_renders_only_what_changed(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    # MkDocs keeps plugin instances that define on_startup for the whole process (that is how
    # `serve` keeps them): start this test with an empty memo.
    plugin.serve_memo = memo = ServeMemo()

    first = _build(config)
    entries = memo.pages.computed  # every page and part, all rendered the first time
    sets = memo.load.parsed
    assert sets == len(list((project / "okrs").rglob("*.md"))) - 1  # README.md is not a set

    # Nothing changed: nothing parsed, no page or part of one rendered, the same pages.
    assert _build(config) == first
    assert memo.load.parsed == 0
    assert memo.pages.computed == 0

    # One file saved again with a new note: that file is parsed; its page and the pages that
    # show it are rendered again, the others come from the memo.
    file = project / "okrs" / "2026-Q4" / "amazon-ads.md"
    file.write_text(file.read_text(encoding="utf-8") + "\n本周新增一条说明。\n", encoding="utf-8")
    third = _build(config)
    assert memo.load.parsed == 1
    assert 1 <= memo.pages.computed < entries / 3
    assert third == _fresh(project)
    assert third != first


def test_a_changed_title_reaches_the_pages_that_link_to_it(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    _build(config)
    brand = project / "okrs" / "2026-Q4" / "brand.md"
    text = brand.read_text(encoding="utf-8")
    assert "name: " in text
    brand.write_text(text.replace("name: ", "name: 新名字·", 1), encoding="utf-8")
    pages = _build(config)
    # The member's page names its parent team: it must show the new name.
    assert "新名字·" in pages["okr/2026-Q4/social-media/index.md"]
    assert pages == _fresh(project)
