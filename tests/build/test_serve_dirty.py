"""`mkdocs serve --dirty` (what `make serve` runs): after every kind of save, the site MkDocs
serves is byte for byte the site a build from scratch gives, while a page the save does not
touch keeps its output file from the last build."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_okr.core import messages
from mkdocs_okr.plugin import OkrPlugin
from mkdocs_okr.render.memo import ServeMemo

from .sitetools import copy_example

SERVE_URL = "http://127.0.0.1:8000/"

# A page of another cycle than the one edited below: no save of this test touches it until the
# configuration changes.
UNTOUCHED = "okr/2026-Q2/finance/index.html"


def _plugin_cache() -> dict[str, object]:
    # MkDocs keeps, for the whole process, every plugin instance that defines on_startup (that
    # is how `serve` keeps them from build to build).
    option = MkDocsConfig.plugins
    cache: dict[str, object] = option.plugin_cache
    return cache


def _load(project: Path, site_dir: Path) -> MkDocsConfig:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = SERVE_URL  # as `mkdocs serve` does
    return config


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


def _stamps(site_dir: Path) -> dict[str, tuple[int, int]]:
    return {
        path.relative_to(site_dir).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in site_dir.rglob("*.html")
    }


@pytest.fixture
def serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], Path]]:
    """A `mkdocs serve --dirty` session over a copy of the example: each call rebuilds (as a
    save does) and checks the served site against a build from scratch; it returns the site."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # the sitemap's dates and gzip stamp
    project = copy_example(tmp_path / "project")
    served = tmp_path / "served"
    served.mkdir()
    config = _load(project, served)
    plugins = dict(_plugin_cache())
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    plugin.serve_memo = ServeMemo()
    builds = 0

    def rebuild() -> Path:
        nonlocal builds
        builds += 1
        build(_load(project, served), serve_url=SERVE_URL, dirty=True)
        # From scratch: new plugin instances, a new site folder, no --dirty.
        kept = dict(_plugin_cache())
        _plugin_cache().clear()
        scratch = tmp_path / f"scratch-{builds}"
        try:
            build(_load(project, scratch), serve_url=SERVE_URL, dirty=False)
        finally:
            _plugin_cache().clear()
            _plugin_cache().update(kept)
        expected, got = _files(scratch), _files(served)
        assert sorted(got) == sorted(expected)
        differing = [name for name in expected if got[name] != expected[name]]
        assert differing == []
        shutil.rmtree(scratch)
        return served

    rebuild.project = project  # type: ignore[attr-defined]
    try:
        yield rebuild
    finally:
        config.plugins.on_shutdown()
        # Leave the process's plugin instances as a one-off build expects them.
        _plugin_cache().clear()
        _plugin_cache().update(plugins)
        for instance in plugins.values():
            if hasattr(instance, "search_index_prev"):
                instance.search_index_prev = None
                instance.is_dirty = False
            if isinstance(instance, OkrPlugin):
                instance.remember = True


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_save_serves_the_site_a_build_from_scratch_gives(
    serve: Callable[[], Path], caplog: pytest.LogCaptureFixture
) -> None:
    project: Path = serve.project  # type: ignore[attr-defined]
    okrs = project / "okrs"
    # A page of docs_dir links to a set page that comes and goes below.
    with (project / "docs" / "index.md").open("a", encoding="utf-8") as docs:
        docs.write("\n[欧洲站广告](okr/2026-Q4/amazon-ads-eu/index.md)\n")
    with caplog.at_level(logging.INFO):
        site = serve()
    # MkDocs' warning about dirty builds becomes one line in the site's language (Chinese).
    notice = messages.text("okr.serve-dirty").render("zh")
    assert [r.levelno for r in caplog.records if r.getMessage() == notice] == [logging.INFO]
    assert not [r for r in caplog.records if "'dirty' build" in r.getMessage()]
    before = _stamps(site)
    assert UNTOUCHED in before

    # A check-in: the set's progress changes on its page, its team's, the cycle's, the home.
    _edit(
        okrs / "2026-Q4" / "amazon-ads.md",
        "          - {date: 2026-11-20, value: 26.5, note: 黑五期间 CPC 还会上涨，目标风险较大}\n",
        "          - {date: 2026-11-20, value: 26.5, note: 黑五期间 CPC 还会上涨，目标风险较大}\n"
        "          - {date: 2026-11-25, value: 25.9}\n",
    )
    after = _stamps(serve())
    rewritten = [name for name in before if after.get(name) != before[name]]
    assert "okr/2026-Q4/amazon-ads/index.html" in rewritten
    assert UNTOUCHED not in rewritten  # the page a save does not touch is kept
    assert len(rewritten) < len(before) / 2

    # A title: every page that names the team.
    _edit(okrs / "2026-Q4" / "brand.md", "name: ", "name: 新名字·")
    serve()

    # A new set, then a set deleted: their pages come and go, with the links to them.
    text = (okrs / "2026-Q4" / "amazon-ads.md").read_text(encoding="utf-8")
    (okrs / "2026-Q4" / "amazon-ads-eu.md").write_text(
        text.replace("owner: amazon-ads", "owner: amazon-ads-eu").replace("小李", "小欧"),
        encoding="utf-8",
    )
    assert (serve() / "okr" / "2026-Q4" / "amazon-ads-eu" / "index.html").is_file()
    (okrs / "2026-Q4" / "amazon-ads-eu.md").unlink()
    assert not (serve() / "okr" / "2026-Q4" / "amazon-ads-eu").exists()

    # A file broken, then mended.
    influencer = okrs / "2026-Q4" / "influencer.md"
    good = influencer.read_text(encoding="utf-8")
    influencer.write_text(good.replace("objectives:", "objectives: [", 1), encoding="utf-8")
    serve()
    influencer.write_text(good, encoding="utf-8")
    serve()
    assert _stamps(site)[UNTOUCHED] == before[UNTOUCHED]

    # A set of a new cycle: the cycle's page joins the navigation every page shows, so every
    # page is built again.
    (okrs / "2027-Q1").mkdir()
    (okrs / "2027-Q1" / "amazon-ads.md").write_text(
        text.replace("cycle: 2026-Q4", "cycle: 2027-Q1"), encoding="utf-8"
    )
    assert (serve() / "okr" / "2027-Q1" / "index.html").is_file()
    assert _stamps(site)[UNTOUCHED] != before[UNTOUCHED]
    before = _stamps(site)

    # A page of docs_dir.
    with (project / "docs" / "index.md").open("a", encoding="utf-8") as docs:
        docs.write("\n本周起每周五更新进度。\n")
    serve()

    # A plugin option in mkdocs.yml: the repository's facts change every page's header.
    _edit(
        project / "mkdocs.yml",
        "      okrs_dir: okrs\n",
        "      okrs_dir: okrs\n      repository_facts: true\n",
    )
    serve()
    assert _stamps(site)[UNTOUCHED] != before[UNTOUCHED]


def test_a_one_off_build_is_not_a_served_one(tmp_path: Path) -> None:
    """Outside `serve`, `--dirty` keeps MkDocs' own behaviour: every generated page is written."""
    project = copy_example(tmp_path / "project")
    site = tmp_path / "site"
    build(_load(project, site), dirty=True)
    before = _stamps(site)
    build(_load(project, site), dirty=True)
    after = _stamps(site)
    assert before[UNTOUCHED] != after[UNTOUCHED]
    assert os.path.isfile(site / "search" / "search_index.json")
