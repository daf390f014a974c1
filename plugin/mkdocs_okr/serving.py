"""`mkdocs serve --dirty` (what `make serve` runs): rebuild only the pages a save changed.

MkDocs, given `--dirty`, skips every page whose `file.is_modified()` is false: it neither reads
nor templates it, and keeps its output file from the last build. For a file of docs_dir that
means "the source is older than its output"; a generated page always says modified. This module
makes that skip exact for a site with the `okr` plugin, or turns it off:

- A generated page is a `KeptFile`: modified when its text or its edit link differs from the
  last build's (compared in memory, the unchanged text is the very string the serve memo gave
  last time), or when its output file is missing.
- Everything else a page shows is compared once per build, and when it differs, site_dir is
  emptied so that every page is modified: mkdocs.yml (the plugin's options with it), the stamps
  of every file of docs_dir and of the theme's files (custom_dir's templates too), and the
  navigation (the kinds, titles and URLs of its items: every page shows it). A plugin this
  module does not know (anything but `okr` and Material's `search`) may keep something of each
  page: then every build empties site_dir.
- When generated pages appear or disappear, the pages of docs_dir are rebuilt (a link to a set
  page resolves, or not, by the files there are), and a page that disappeared has its output
  removed.
- A page MkDocs skips keeps its title, metadata and anchors from the last build (MkDocs would
  leave them empty; the navigation of every rebuilt page shows the titles, and links to the
  page's anchors are checked against its anchors).
- Material's search plugin, on a dirty build, merges its index by the first new entry's URL
  prefix, which is wrong when several pages are rebuilt or one URL begins another's. The index
  entries of each page are kept here, and before Material's `on_post_build` its index is given
  them all, in the order of the pages, with nothing to merge: Material writes it as a build from
  scratch would.

A one-off `mkdocs build` (with or without `--dirty`) does none of this: `ServeRebuilds.active`
is set only by `on_startup(command="serve", dirty=True)`.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .core import messages
from .generated import PackedFile
from .searchview import material_search

# Plugins whose per-page state this module keeps right (Material's search) or owns (okr).
KNOWN_PLUGINS = frozenset({"okr", "search", "material/search"})

# MkDocs' warning on every dirty build, which our guarantee makes misleading.
_DIRTY_WARNING = "A 'dirty' build is being performed"
_BUILD_LOGGER = "mkdocs.commands.build"


class KeptFile(File):
    """A generated file that says modified only when its output would change. Its text is
    kept as it is, not packed: the session holds every page's text anyway (to compare the next
    build's with), and packing every page again on each save cost a fifth of a rebuild."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


class _CompiledTemplates(BytecodeCache):
    """The theme's compiled templates, in memory for the session. Jinja checks each against
    its template's source (a checksum) before using it."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class _DirtyNotice(logging.Filter):
    """Turns MkDocs' dirty-build warning into one info line in the site's language."""

    def __init__(self) -> None:
        super().__init__()
        self.language = "en"

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith(_DIRTY_WARNING):
            record.msg = messages.text("okr.serve-dirty").render(self.language)
            record.args = ()
            record.levelno, record.levelname = logging.INFO, logging.getLevelName(logging.INFO)
        return True


class ServeRebuilds:
    """What one `mkdocs serve --dirty` session remembers from build to build."""

    def __init__(self) -> None:
        self.active = False
        self._notice = _DirtyNotice()
        self._compiled = _CompiledTemplates()
        self._forget()

    def _forget(self) -> None:
        # Of the last finished build: each generated file's (text, edit link), the stamp of
        # everything that is not an OKR file, the navigation's digest, each page's title and
        # metadata and anchors, each page's search entries, the generated files' output paths.
        self._texts: dict[str, tuple[str | bytes, str | None]] = {}
        self._context = ""
        self._nav = ""
        self._facts: dict[str, tuple[str | None, MutableMapping[str, Any], set[str] | None]] = {}
        self._entries: dict[str, list[dict[str, Any]]] = {}
        self._outputs: dict[str, str] = {}
        # Of the build running now.
        self._new_texts: dict[str, tuple[str | bytes, str | None]] = {}
        self._titles: dict[str, str] = {}
        self._new_context = ""
        self._new_nav = ""
        self._new_outputs: dict[str, str] = {}
        self._pages: list[File] = []
        self._indexed = 0

    # Session ---------------------------------------------------------------------------------

    def start(self, *, command: str, dirty: bool) -> None:
        self.active = command == "serve" and dirty
        self._forget()
        logger = logging.getLogger(_BUILD_LOGGER)
        if self.active:
            logger.addFilter(self._notice)
        else:
            logger.removeFilter(self._notice)

    def stop(self) -> None:
        self.active = False
        self._forget()
        logging.getLogger(_BUILD_LOGGER).removeFilter(self._notice)

    def configure(self, language: str) -> None:
        self._notice.language = language
        self._new_texts, self._titles, self._new_outputs = {}, {}, {}

    # The build's steps, in MkDocs' order -------------------------------------------------------

    def generated(
        self,
        config: MkDocsConfig,
        path: str,
        content: str | bytes,
        *,
        inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
        title: str | None = None,
        edit_url: str | None = None,
    ) -> File:
        """`PackedFile.generated`, which under `serve --dirty` says modified only when it is."""
        if not self.active:
            return PackedFile.generated(config, path, content=content, inclusion=inclusion)
        file = KeptFile.generated(config, path, content=content, inclusion=inclusion)
        assert isinstance(file, KeptFile)  # File.generated makes an instance of its class
        last = self._texts.get(path)
        file.changed = last is None or last[1] != edit_url or not _same(last[0], content)
        self._new_texts[path] = (content, edit_url)
        self._new_outputs[path] = file.abs_dest_path
        if title is not None:
            self._titles[path] = title
        return file

    def files_ready(self, files: Files, config: MkDocsConfig, options: dict[str, Any]) -> None:
        """Stamp what the pages are made of besides the OKR files (after on_files)."""
        if not self.active:
            return
        digest = hashlib.sha256()
        if config.config_file_path:
            digest.update(Path(config.config_file_path).read_bytes())
        digest.update(repr(sorted(options.items())).encode())
        digest.update(repr(sorted(config.plugins)).encode())
        sources = [file.abs_src_path for file in files if not isinstance(file, KeptFile)]
        custom_dir = config.theme.custom_dir
        for path in _stamped(sorted(p for p in sources if p) + _tree(custom_dir)):
            digest.update(path.encode())
        self._new_context = digest.hexdigest()

    def nav_ready(self, nav: Navigation, config: MkDocsConfig, files: Files) -> None:
        """Decide what this build must rebuild besides the changed generated pages."""
        if not self.active:
            return
        self._new_nav = hashlib.sha256(repr(list(self._nav_items(nav.items))).encode()).hexdigest()
        unknown = sorted(set(config.plugins) - KNOWN_PLUGINS)
        search = material_search(config)
        if unknown or (search is None and _any_search(config)):
            reason = "unknown plugins"
        elif not self._texts:
            reason = "first build"
        elif self._new_context != self._context:
            reason = "configuration, docs or theme changed"
        elif self._new_nav != self._nav:
            reason = "navigation changed"
        else:
            reason = ""
        if reason:
            # Every output gone: every page, and every other file, says modified.
            utils.clean_directory(config.site_dir)
            self._facts, self._entries = {}, {}
        elif self._new_texts.keys() != self._texts.keys():
            # Links from docs_dir to generated pages may resolve differently now.
            for file in files.documentation_pages():
                if not isinstance(file, KeptFile) and os.path.isfile(file.abs_dest_path):
                    os.unlink(file.abs_dest_path)

    def pages_ready(self, env: Environment, files: Files, config: MkDocsConfig) -> None:
        """Before the pages are templated: the pages MkDocs skipped get last build's title,
        metadata and anchors (every rebuilt page's navigation shows titles; links to a skipped
        page's anchors are checked against them), and the theme's templates are
        not compiled again (MkDocs makes a new Jinja environment for each build)."""
        if not self.active:
            return
        env.bytecode_cache = self._compiled
        inclusion = InclusionLevel.is_in_serve
        self._pages = list(files.documentation_pages(inclusion=inclusion))
        search = material_search(config)
        self._indexed = len(search.search_index.entries) if search is not None else 0
        for file in self._pages:
            page = file.page
            if page is None or page.markdown is not None:
                continue
            facts = self._facts.get(file.src_uri)
            if facts is not None:
                page.title, page.meta, page.present_anchor_ids = facts

    def page_built(self, page: Page, config: MkDocsConfig) -> None:
        """Keep a templated page's title, metadata and search entries."""
        if not self.active:
            return
        src_uri = page.file.src_uri
        self._facts[src_uri] = (page.title, page.meta, page.present_anchor_ids)
        search = material_search(config)
        if search is not None:
            entries = search.search_index.entries
            self._entries[src_uri] = entries[self._indexed :]
            self._indexed = len(entries)

    def build_done(self, config: MkDocsConfig) -> None:
        """Before Material's on_post_build: the search index's entries, removed pages' outputs,
        and this build becomes the last build."""
        if not self.active:
            return
        search = material_search(config)
        if search is not None and search.config.enabled:
            # Material writes the index of these entries as they are: nothing to merge.
            search.search_index.entries = [
                entry for file in self._pages for entry in self._entries.get(file.src_uri, [])
            ]
            search.search_index_prev = None
        kept = set(self._new_outputs.values())
        for output in self._outputs.values():
            if output not in kept:
                _remove(output, config.site_dir)
        present = {file.src_uri for file in self._pages}
        self._facts = {uri: facts for uri, facts in self._facts.items() if uri in present}
        self._entries = {uri: found for uri, found in self._entries.items() if uri in present}
        self._texts, self._outputs = self._new_texts, self._new_outputs
        self._context, self._nav = self._new_context, self._new_nav
        self._new_texts, self._new_outputs, self._pages = {}, {}, []

    def build_failed(self) -> None:
        """A failed build may have written some pages: the next one rebuilds everything."""
        if self.active:
            self._forget()

    # Helpers -----------------------------------------------------------------------------------

    def _nav_items(self, items: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
        for item in items:
            if isinstance(item, Section):
                yield ("section", item.title, tuple(self._nav_items(item.children)))
            elif isinstance(item, Page):
                # Before the pages are read, a title is the one nav: gives, or None; a generated
                # page's comes from its text (a docs page's changes with its file's stamp).
                title = self._titles.get(item.file.src_uri, item.title)
                yield ("page", title, item.url)
            elif isinstance(item, Link):
                yield ("link", item.title, item.url)


def _same(last: str | bytes, content: str | bytes) -> bool:
    # The serve memo hands an unchanged page back as the same string: no comparison needed.
    return last is content or last == content


def _tree(folder: str | None) -> list[str]:
    if not folder or not os.path.isdir(folder):
        return []
    return sorted(
        os.path.join(root, name) for root, _dirs, names in os.walk(folder) for name in names
    )


def _stamped(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            yield f"{path}:missing"
            continue
        yield f"{path}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"


def _any_search(config: MkDocsConfig) -> bool:
    return any(name.endswith("search") for name in config.plugins)


def _remove(output: str, site_dir: str) -> None:
    """Remove an output file, and the folders it leaves empty (a build from scratch has none)."""
    try:
        os.unlink(output)
    except FileNotFoundError:
        return
    folder = os.path.dirname(output)
    root = os.path.abspath(site_dir)
    while os.path.abspath(folder).startswith(root + os.sep):
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)
