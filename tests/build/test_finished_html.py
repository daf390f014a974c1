"""Generated pages skip Python-Markdown: what MkDocs gets from the plugin is what the Markdown
pass made of the same text (content, table of contents, anchors), page by page."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .sitetools import REPO, copy_example

sys.path.insert(0, str(REPO / "bench"))

from generate import generate


def _site(project: Path) -> tuple[MkDocsConfig, Files]:
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    return config, files


def _through_markdown(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """The page as MkDocs makes it of its text, with no plugin in between."""
    page.read_source(config)
    page.render(config, files)
    return page


def _through_plugin(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """The page as a build makes it: MkDocs' own order of events and rendering."""
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(
        page.markdown, page=page, config=config, files=files
    )
    page.render(config, files)
    page.content = config.plugins.on_page_content(
        page.content, page=page, config=config, files=files
    )
    return page


def _generated_pages(config: MkDocsConfig, files: Files) -> list[tuple[Page, Page]]:
    okr_pages = [f for f in files if f.src_uri.startswith("okr/") and f.src_uri.endswith(".md")]
    return [(Page(None, f, config), Page(None, f, config)) for f in okr_pages]


def _assert_same(project: Path) -> int:
    config, files = _site(project)
    pages = _generated_pages(config, files)
    plugin = config.plugins["okr"]
    for old, new in pages:
        before = _through_markdown(old, config, files)
        after = _through_plugin(new, config, files)
        where = before.file.src_uri
        assert list(after.toc) == list(before.toc) == [], where
        assert after.present_anchor_ids == before.present_anchor_ids, where
        assert after.title == before.title, where
        assert after.meta == before.meta, where
        # The HTML waits outside the page until the page is built (MkDocs reads every page
        # before it builds the first): then it is what Python-Markdown made of the text.
        assert after.content == "", where
        plugin.on_page_context({}, page=after, config=config, nav=Navigation([], []))
        assert after.content == before.content, where
        assert after.markdown == before.markdown, where
    return len(pages)


def test_example_pages_are_what_python_markdown_made_of_them(tmp_path: Path) -> None:
    assert _assert_same(copy_example(tmp_path)) > 30


def test_generated_organisation_pages_are_what_python_markdown_made_of_them(
    tmp_path: Path,
) -> None:
    project = copy_example(tmp_path)
    shutil.rmtree(project / "okrs")
    generate(project / "okrs", 25, 1)
    config_path = project / "mkdocs.yml"
    config_path.write_text(
        config_path.read_text(encoding="utf-8").replace(
            'today: "2026-11-26"', 'today: "2024-02-15"'
        ),
        encoding="utf-8",
    )
    assert _assert_same(project) > 30  # the 25 set pages, the pages that gather them


def test_a_page_another_plugin_changed_goes_through_python_markdown(tmp_path: Path) -> None:
    config, files = _site(copy_example(tmp_path))
    page, _ = _generated_pages(config, files)[0]
    page.read_source(config)
    assert page.markdown
    changed = page.markdown + "\n*added by another plugin*\n"
    kept = config.plugins.on_page_markdown(changed, page=page, config=config, files=files)
    assert kept == changed
    page.markdown = kept
    page.render(config, files)
    content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    assert content.endswith("<p><em>added by another plugin</em></p>")


def test_pages_of_the_user_go_through_python_markdown(tmp_path: Path) -> None:
    config, files = _site(copy_example(tmp_path))
    file = files.get_file_from_path("index.md")
    assert file is not None
    page = _through_plugin(Page(None, file, config), config, files)
    assert page.content == _through_markdown(Page(None, file, config), config, files).content
    assert "<h1" in page.content or "<p>" in page.content
