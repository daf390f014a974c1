"""The files the plugin adds to a build, with their text kept small until MkDocs reads it.

A generated page is held by MkDocs from `on_files` until the page is written, and MkDocs reads
every page before it writes the first one. A 10,000-set site has about 500 million characters
of pages (two bytes each, once a page holds one Chinese character): held as they are, they
alone would fill the memory a build may take. Compressed (zlib's fastest level, about a
seventh of the size), they cost a few milliseconds per hundred pages to pack and unpack.
"""

from __future__ import annotations

import zlib

from mkdocs.structure.files import File


class PackedFile(File):
    """A `File.generated` whose content is stored compressed and unpacked on every read.
    MkDocs reads a file's content only through `_content` (`content_string`, `content_bytes`,
    `copy_file`, `is_modified`), so the rest of its behaviour is `File`'s own."""

    _packed: bytes | None = None
    _is_text: bool = True

    @property
    def _content(self) -> str | bytes | None:
        if self._packed is None:
            return None
        unpacked = zlib.decompress(self._packed)
        return unpacked.decode("utf-8") if self._is_text else unpacked

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
