"""The files the plugin adds to a build, with their text kept small until MkDocs reads it.

A generated page is held by MkDocs from `on_files` until the page is written, and MkDocs reads
every page before it writes the first one. A 10,000-set site has about 500 million characters
of pages (two bytes each, once a page holds one Chinese character): held as they are, they
alone would fill the memory a build may take. Compressed (zlib's fastest level, about a
seventh of the size), they cost a few milliseconds per hundred pages to pack and unpack.
"""

from __future__ import annotations

import zlib
from typing import ClassVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class PackedFile(File):
    """A `File.generated` whose content is stored compressed and unpacked on every read.
    MkDocs reads a file's content only through `_content` (`content_string`, `content_bytes`,
    `copy_file`, `is_modified`), so the rest of its behaviour is `File`'s own."""

    _packed: bytes | None = None
    _is_text: bool = True
    # The last content unpacked, by its packed bytes (held here, so no other bytes object can
    # take their identity): MkDocs reads a page, and the plugin reads it again at once.
    _last: ClassVar[tuple[bytes | None, str | bytes | None]] = (None, None)

    @property
    def _content(self) -> str | bytes | None:
        packed = self._packed
        if packed is None:
            return None
        last_packed, last = PackedFile._last
        if last_packed is packed:
            return last
        unpacked = zlib.decompress(packed)
        content = unpacked.decode("utf-8") if self._is_text else unpacked
        PackedFile._last = (packed, content)
        return content

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        if value is None:
            self._packed = None
            return
        self._is_text = isinstance(value, str)
        data = value.encode("utf-8") if isinstance(value, str) else value
        self._packed = zlib.compress(data, 1)

    def is_modified(self) -> bool:
        # File's own test reads `_content` only to see it is there: no need to unpack it.
        return self._packed is not None or super().is_modified()


class HtmlPage(Page):
    """A generated page whose text is finished HTML, out of the nav. The plugin hands it to
    Python-Markdown empty (plugin.on_page_markdown); MkDocs would still build a Markdown
    converter with every extension of the site for it (about a millisecond a page), only to
    convert nothing. What that conversion gives is known: no HTML, no table of contents, no
    title, no anchors. A page another plugin gave text is converted as usual.
    Made in on_files, so MkDocs uses it instead of making a Page (it allows a plugin that)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown != "":
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
