"""A large site's build holds each generated page packed until MkDocs reads it, and holds its
HTML only while the page is built (plugin `generated`, `on_page_context`, `on_post_page`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File

from mkdocs_okr import generated
from mkdocs_okr.generated import PackedFile
from mkdocs_okr.plugin import OkrPlugin

from .sitetools import copy_example


def test_a_packed_file_gives_back_its_text_and_bytes(tmp_path: Path) -> None:
    config = load_config(str(copy_example(tmp_path) / "mkdocs.yml"), site_dir=str(tmp_path / "s"))
    config.plugins._current_plugin = "okr"  # as while MkDocs runs a plugin's event
    text = "---\ntitle: 品牌\n---\n\n" + "<p>全员透明的 OKR</p>\n" * 2000
    packed = PackedFile.generated(config, "okr/x/index.md", content=text)
    plain = File.generated(config, "okr/x/index.md", content=text)
    assert packed.content_string == plain.content_string == text
    assert packed.content_bytes == plain.content_bytes
    assert packed._packed is not None and len(packed._packed) * 10 < len(text.encode())
    binary = PackedFile.generated(config, "okr/data.bin", content=b"\x00\x01" * 100)
    assert binary.content_bytes == b"\x00\x01" * 100
    binary.copy_file()
    assert Path(binary.abs_dest_path).read_bytes() == b"\x00\x01" * 100


def test_a_packed_file_says_modified_without_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load_config(str(copy_example(tmp_path) / "mkdocs.yml"), site_dir=str(tmp_path / "s"))
    config.plugins._current_plugin = "okr"
    packed = PackedFile.generated(config, "okr/data.json", content=b"{}" * 1000)

    def unpacked(data: bytes) -> bytes:
        raise AssertionError("asking whether a file changed unpacked it")

    monkeypatch.setattr(generated.zlib, "decompress", unpacked)
    assert packed.is_modified()


_WATCHER = """
from mkdocs.plugins import event_priority

SEEN = {}
PAGES = []


@event_priority(-100)  # after the okr plugin
def on_post_page(output, page, config):
    SEEN[page.file.src_uri] = (page.content, page.markdown, output)
    PAGES.append(page)
    return output
"""


def test_a_built_page_lets_go_of_its_html(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    (project / "watcher.py").write_text(_WATCHER, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as settings:
        settings.write("\nhooks:\n  - watcher.py\n")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    build(config)
    watcher = config.hooks["watcher.py"]
    seen = watcher.SEEN
    generated = [uri for uri in seen if uri in plugin.html_pages]
    assert len(generated) > 30
    for uri in generated:
        content, markdown, output = seen[uri]
        assert (content, markdown) == ("", ""), uri
        assert 'class="okr ' in output, uri  # what it held is in the page written
    # A built page keeps its title: the pages built after it show it in their navigation.
    titles = {page.file.src_uri: page.title for page in watcher.PAGES}
    assert titles["okr/2026-Q4/index.md"] == "周期 2026-Q4"
    assert all(titles[uri] for uri in generated)
    # The user's own pages keep theirs, as MkDocs leaves them.
    assert seen["index.md"][0]


def test_a_packed_file_given_new_content_gives_the_new_content(tmp_path: Path) -> None:
    config = load_config(str(copy_example(tmp_path) / "mkdocs.yml"), site_dir=str(tmp_path / "s"))
    config.plugins._current_plugin = "okr"
    first = PackedFile.generated(config, "okr/a/index.md", content="<p>一</p>")
    second = PackedFile.generated(config, "okr/b/index.md", content="<p>二</p>")
    assert first.content_string == first.content_string == "<p>一</p>"
    assert second.content_string == "<p>二</p>"
    first.content_string = "<p>三</p>"
    assert first.content_string == "<p>三</p>"
    assert second.content_string == "<p>二</p>"


_CONVERTED = """
from mkdocs.plugins import event_priority

PAGES = {}


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "okr/2026-Q4/brand/index.md":
        return "# 另一个插件的标题\\n\\n另一个插件的文字\\n"
    return markdown


@event_priority(-100)  # after the okr plugin
def on_post_page(output, page, config):
    PAGES[page.file.src_uri] = page
    return output
"""


def test_a_generated_page_skips_the_markdown_converter_only_while_its_text_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_example(tmp_path)
    (project / "converted.py").write_text(_CONVERTED, encoding="utf-8")
    settings = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "问题: okr/problems/index.md" in settings
    settings = settings.replace(
        "问题: okr/problems/index.md", "待解决的问题: okr/problems/index.md"
    )
    (project / "mkdocs.yml").write_text(settings + "\nhooks:\n  - converted.py\n", "utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["okr"]
    assert isinstance(plugin, OkrPlugin)
    converted: list[str] = []
    render = generated.Page.render

    def counted(page: generated.Page, config: Any, files: Any) -> None:
        converted.append(page.file.src_uri)
        render(page, config, files)

    monkeypatch.setattr(generated.Page, "render", counted)
    build(config)
    pages = config.hooks["converted.py"].PAGES
    html_pages = [uri for uri in plugin.html_pages if isinstance(pages[uri], generated.HtmlPage)]
    assert len(html_pages) > 30  # the set pages, out of the nav
    # The generated pages mkdocs.yml's nav names (okr/index.md, 问题: okr/problems/index.md)
    in_nav = ["okr/index.md", "okr/problems/index.md"]
    assert not set(in_nav) & set(html_pages)
    # Converted: the user's pages, the generated pages of the nav (their nav titles stay),
    # and the one page another plugin gave text; no other generated page.
    assert "index.md" in converted and set(in_nav) <= set(converted)
    assert set(html_pages) & set(converted) == {"okr/2026-Q4/brand/index.md"}
    assert pages["okr/problems/index.md"].title == "待解决的问题"  # the nav's title
    brand = (tmp_path / "site" / "okr" / "2026-Q4" / "brand" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<p>另一个插件的文字</p>" in brand
