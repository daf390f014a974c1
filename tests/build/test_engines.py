"""The same OKR pages from every engine: MkDocs, ProperDocs, and `okr render` + Zensical."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from mkdocs_okr.cli import main as okr

from .sitetools import REPO, copy_example, parse, run_mkdocs

# The OKR block of a built page: everything an engine's theme wraps around it is left out.
_OKR_BLOCK = re.compile(r'<div class="okr okr-.*?(?=</article>)', re.DOTALL)


def _okr_blocks(site: Path) -> dict[str, str]:
    blocks = {}
    for page in sorted((site / "okr").rglob("index.html")):
        match = _OKR_BLOCK.search(page.read_text(encoding="utf-8"))
        assert match, page
        blocks[page.relative_to(site).as_posix()] = match.group(0).strip()
    return blocks


def test_properdocs_publishes_the_same_pages_as_mkdocs(tmp_path: Path) -> None:
    with_mkdocs = copy_example(tmp_path / "mkdocs")
    with_properdocs = copy_example(tmp_path / "properdocs")
    assert run_mkdocs(with_mkdocs, "--strict").returncode == 0
    result = run_mkdocs(with_properdocs, "--strict", "-f", "mkdocs.yml", engine="properdocs")
    assert result.returncode == 0, result.stderr
    mkdocs_pages = _okr_blocks(with_mkdocs / "site")
    properdocs_pages = _okr_blocks(with_properdocs / "site")
    assert len(mkdocs_pages) > 30
    assert properdocs_pages == mkdocs_pages


def _plugin_pages(project: Path) -> dict[str, str]:
    """The pages the MkDocs plugin adds, read from the Files it returns (no build needed)."""
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    return {
        file.src_uri: file.content_string
        for file in files
        if file.src_uri.startswith("okr/") and file.src_uri.endswith((".md", ".css"))
    }


def test_okr_render_writes_exactly_the_plugins_pages(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "example")
    out = project / "docs" / "okr"
    assert okr(["render", "--config", str(project / "mkdocs.yml"), "--out", str(out)]) == 0
    written = {
        "okr/" + path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
        for path in out.rglob("*")
        if path.is_file() and path.suffix in (".md", ".css")
    }
    shutil.rmtree(out)  # the plugin must not see them as user files
    plugin_pages = _plugin_pages(project)
    assert len(plugin_pages) > 30
    assert written == plugin_pages


def test_okr_render_removes_pages_that_are_no_longer_generated(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "example")
    out = project / "docs" / "okr"
    assert okr(["render", "--config", str(project / "mkdocs.yml"), "--out", str(out)]) == 0
    assert (out / "2026-Q4" / "amazon-ads" / "index.md").is_file()
    (project / "okrs" / "2026-Q4" / "amazon-ads.md").unlink()
    assert okr(["render", "--config", str(project / "mkdocs.yml"), "--out", str(out)]) == 0
    assert not (out / "2026-Q4" / "amazon-ads").exists()
    assert (out / "2026-Q4" / "sales" / "index.md").is_file()


def test_zensical_publishes_the_rendered_pages(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "example")
    # Zensical has no plugin API: the recipe of docs/engines.md renders the pages first and
    # lists the stylesheet itself.
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - okr:\n(      .*\n)+", "\n", config)
    config += "extra_css:\n  - okr/okr.css\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    out = project / "docs" / "okr"
    today = ["--today", "2026-11-26"]
    assert okr(["render", "--config", str(project / "mkdocs.yml"), "--out", str(out), *today]) == 0
    result = subprocess.run(
        [str(Path(sys.executable).parent / "zensical"), "build", "--clean"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    page = parse(site / "okr" / "2026-Q4" / "social-media" / "index.html")
    assert page.title.startswith("社媒运营 小王")
    # Progress bars with their values, and alignment links that land on the exact KR.
    assert len(page.bars) > 5
    assert all("aria-valuenow" in bar.attrs for bar in page.bars)
    assert "../brand/#O1-KR2" in page.links
    team = parse(site / "okr" / "2026-Q4" / "brand" / "index.html")
    assert "O1-KR2" in team.ids
    assert any(link.endswith("social-media/#O1") for link in team.links)
    css = (site / "okr" / "okr.css").read_text(encoding="utf-8")
    assert ".okr-bar" in css


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_engine_versions_are_pinned_below_2(engine: str) -> None:
    """MkDocs 2.0 announces the removal of plugins: never let a plain install bring it."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf'"{engine}>=1\.6,<2"', text)


def test_okr_render_never_writes_outside_its_folder(tmp_path: Path) -> None:
    from mkdocs_okr.publish import UnsafePath, _inside

    out = tmp_path / "docs" / "okr"
    assert _inside(out, "2024/brand/index.md") == (out / "2024" / "brand" / "index.md").resolve()
    for escape in ("../outside.md", "../../etc/passwd", "/etc/passwd", "a/../../b.md"):
        try:
            _inside(out, escape)
        except UnsafePath:
            continue
        raise AssertionError(f"{escape} was allowed")
