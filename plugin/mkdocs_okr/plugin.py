"""The MkDocs plugin `okr`: a thin adapter from MkDocs to the pure core and renderer.

Hooks used, and why:
- on_startup: defining it makes MkDocs keep this instance across `mkdocs serve` rebuilds; only
  `serve` keeps memos (a one-off build would only hold every set in memory until its end).
- on_config: read the options with `options.read_options` (the same function, models and
  messages as `okr check`), add the CSS and the set pages' script (copy buttons, the check-in dialog), and
  unless `repository_facts` is on, put the package's
  `partials/source.html` before the theme's, so Material never asks the repository's host for
  stars and forks (the site works offline and on intranets; a user's custom_dir still wins).
- on_files: load, check and render every OKR set; log each diagnostic under the
  `mkdocs.plugins.okr` logger (so `--strict` counts it); add the pages as packed files
  (`generated.PackedFile`; nothing is written into docs_dir), each out-of-nav HTML page with
  its `generated.HtmlPage`, which skips Python-Markdown's converter for the empty text. Set pages stay out of the nav: a nav of thousands of
  entries is rendered into every page and makes builds quadratic. Correct Material's search
  worker among the theme's files, so that a Chinese name or title is searched whole
  (searchworker.py).
- on_nav: with an explicit `nav:` in mkdocs.yml, list the cycle pages after the OKR home (or
  add an OKR section); an automatic nav already holds them.
- on_page_markdown / on_page_content: a generated page is one block of finished HTML, which
  Python-Markdown would only copy (10 ms for a set page, most of a large site's build). The
  page is handed to Python-Markdown empty, with what the Markdown pass gave before: no table of
  contents (headings inside raw HTML never have one) and the ids other pages' links may point
  at. Its HTML comes back at on_page_context: MkDocs reads every page before it writes the
  first, and holding every generated page's HTML from the first read to the last write would
  fill the memory of a large site's build (the files stay packed meanwhile: `generated`).
- on_page_context: put a generated page's HTML in; point Material's "edit this page" button of
  a set page at its OKR file; before Material's search indexes a generated page, index it from
  the page without the parts search skips anyway (`searchview`: the same index, a fifth of the
  parsing). In a one-off build a forked process has made those entries already, while MkDocs
  built the pages (`searchahead`); on_post_build puts them where the page loop would have.
- on_post_page: a generated page's text is dropped once its HTML is made (see above).
- on_serve, on_pre_build, on_post_build, on_build_error, on_shutdown: watch the OKR folder
  during `mkdocs serve` (it lies outside docs_dir, so `serve` would not see edits) with the
  plugin's own watch (`watching`), cheaper than MkDocs', and resting while the site builds.
- on_env, on_post_page, on_post_build, on_build_error, on_shutdown: under `mkdocs serve --dirty`
  (what `make serve` runs), rebuild only the pages a save changed, exactly (serving.py).
"""

from __future__ import annotations

import html as html_text
import logging
import posixpath
import re
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils.templates import TemplateContext

from .clock import today as resolve_today
from .config import OkrConfig
from .core import messages
from .core.collector import cyclic_gc_paused
from .core.diagnostics import Diagnostic, Severity, format_text
from .core.export import site_export
from .core.organisation import analyse
from .core.settings import Settings
from .generated import HtmlPage
from .okrfolder import folder_sources
from .options import SiteOptions, read_options
from .project import reader_language, repo_link
from .render import RenderOptions, checkin_dialog, each_page, stylesheet
from .render.i18n import language_of
from .render.memo import ServeMemo
from .searchahead import SearchAhead, may_fork
from .searchview import index_lightly, material_search_index
from .searchworker import correct_search_worker
from .serving import ServeRebuilds
from .watching import FolderWatch, rebuild_request

log = get_plugin_logger("okr")

# Material's partials/source.html without `data-md-component="source"`: the attribute is what
# makes Material's script fetch the repository's stars and forks from its host's API.
QUIET_SOURCE_PARTIAL = str(Path(__file__).parent / "templates" / "quiet_source")

# An id attribute: in this HTML `id="` after a space can only be inside a tag, because every text
# in it has its `"` and `<` escaped (Jinja's autoescape, nh3 for bodies). A pattern that starts
# with the literal is found fifteen times faster than one that starts at each tag.
_ID = re.compile(r'id="([^"]*)"')

_LEVELS = {
    Severity.ERROR: logging.ERROR,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


class OkrPlugin(BasePlugin[OkrConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.settings = Settings()
        self.site = SiteOptions()
        self.folder = Path("okrs")
        self.edit_urls: dict[str, str] = {}
        self.nav_paths: list[str] = []
        self.html_pages: set[str] = set()
        """Generated pages (src_uri) whose text is finished HTML: Python-Markdown is skipped."""
        self._held: tuple[File, str, int] | None = None
        """The page between on_page_markdown and on_page_content: its HTML and where it starts
        in the file's text."""
        self._waiting: dict[str, int] = {}
        """Generated pages read but not yet built (src_uri -> where the HTML starts)."""
        # Kept across `mkdocs serve` rebuilds (on_startup keeps this instance): a rebuild
        # parses and renders only what changed.
        self.serve_memo = ServeMemo()
        self.remember = True  # keep the memo: unless on_startup says this is not `serve`
        # Under `mkdocs serve --dirty`: which pages MkDocs may keep from the last build.
        self.serving = ServeRebuilds()
        self.folder_watch: FolderWatch | None = None
        # A one-off build's search entries of the generated pages, made on a second core.
        self.search_ahead: SearchAhead | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Present so that MkDocs keeps one instance for all rebuilds of `mkdocs serve`.
        self.remember = command == "serve"
        self.serving.start(command=command, dirty=dirty)

    def on_shutdown(self) -> None:
        self.serving.stop()
        if self.folder_watch is not None:
            self.folder_watch.stop()
            self.folder_watch = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # The OKR folder lies outside docs_dir: without a watch, saving a set would not rebuild.
        # The plugin's own watch (watching.py) costs a rebuild far less than MkDocs' does.
        request = rebuild_request(server)
        if request is None:
            server.watch(str(self.folder))
            return server
        self.folder_watch = FolderWatch(str(self.folder), request)
        self.folder_watch.start()
        log.info(
            messages.text("okr.serve-watch", folder=self.settings.okrs_dir).render(
                _log_language(config)
            )
        )
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Every name written under `- okr:`, unknown ones too: read_options refuses those, as
        # `okr check` does with the same mapping.
        options, problems = read_options(dict(self.config))
        if problems:
            raise PluginError("Invalid options of the okr plugin:\n  " + "\n  ".join(problems))
        self.settings, self.site = options.settings, options.site
        settings = options.settings
        base = Path(config.config_file_path or ".").resolve().parent
        self.folder = base / settings.okrs_dir
        if not self.folder.is_dir():
            raise PluginError(
                f"The OKR folder '{self.folder}' (plugin option okrs_dir) does not exist."
            )
        css = posixpath.join(self.site.pages_dir, "okr.css")
        if css not in [str(path) for path in config.extra_css]:
            config.extra_css.append(css)
        # check-in dialog hook: the set pages' script (copy buttons, the dialog)
        script = posixpath.join(self.site.pages_dir, checkin_dialog.SCRIPT)
        if script not in [str(path) for path in config.extra_javascript]:
            config.extra_javascript.append(script)
        if not self.site.repository_facts and QUIET_SOURCE_PARTIAL not in config.theme.dirs:
            # After the user's custom_dir (theirs wins), before the theme's own templates.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, QUIET_SOURCE_PARTIAL)
        self.serving.configure(_log_language(config))
        return config

    def _options(self, config: MkDocsConfig) -> RenderOptions:
        today = resolve_today(self.site.today)
        custom_dir = config.theme.custom_dir
        link = partial(
            repo_link, config.repo_url, config.edit_uri, config.docs_dir, self.settings.okrs_dir
        )
        return RenderOptions(
            today=today,
            pages_dir=self.site.pages_dir.strip("/"),
            language=language_of(config.theme.get("language")),
            directory_urls=config.use_directory_urls,
            edit_url=link(self.site.edit_uri, "edit"),
            source_url=link(self.site.source_uri, "blob"),
            template_dirs=(custom_dir,) if custom_dir else (),
            repo_url=config.repo_url,  # check-in dialog hook
        )

    @event_priority(50)  # before other plugins read the files (search, tags, blog)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # What this makes is not cyclic garbage; under `mkdocs serve` the heap also holds the
        # last build's pages, which every collection would walk again and again.
        with cyclic_gc_paused():
            files = self._add_pages(files, config)
        self._search_ahead(files, config)
        unknown_worker = correct_search_worker(files, config)
        if unknown_worker is not None:
            # Info: a warning would fail `--strict` on a Material upgrade (searchworker.py).
            log.info(unknown_worker.render(_log_language(config)))
        self.serving.files_ready(files, config, dict(self.config))
        return files

    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        serve = self.serve_memo if self.remember else None
        organisation = analyse(
            folder_sources(self.folder), self.settings, serve.load if serve else None
        )
        self._log(organisation.diagnostics, config)
        options = self._options(config)
        keys = serve.start(organisation) if serve else None
        self.edit_urls = {}
        self.nav_paths = []
        self.html_pages = set()
        automatic_nav = config.nav is None
        in_config_nav = _paths_in(config.nav)
        self._waiting = {}
        pages = each_page(organisation, options, serve.pages if serve else None, keys)
        for page in pages:
            if page.in_nav:
                self.nav_paths.append(page.path)
            # With an explicit nav, on_nav places the index pages; MkDocs need not list them.
            in_nav = page.in_nav and automatic_nav
            inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
            generated = self.serving.generated(
                config,
                page.path,
                page.markdown,
                inclusion=inclusion,
                title=page.title,
                edit_url=page.edit_url,
            )
            added = self._add(files, generated, config)
            if added:
                self.html_pages.add(page.path)
                # MkDocs gives a page the nav's title only when it makes the page itself.
                if inclusion is InclusionLevel.NOT_IN_NAV and page.path not in in_config_nav:
                    HtmlPage(None, generated, config)
            if page.edit_url:
                self.edit_urls[page.path] = page.edit_url
        css = posixpath.join(options.pages_dir, "okr.css")
        self._add(files, self.serving.generated(config, css, stylesheet()), config)
        # check-in dialog hook: the set pages' script
        script = posixpath.join(options.pages_dir, checkin_dialog.SCRIPT)
        self._add(files, self.serving.generated(config, script, checkin_dialog.script()), config)
        if self.site.export:
            remembered = partial(serve.export_record, keys) if serve and keys else None
            for name, content in site_export(organisation, self.site.export, remembered):
                self._add(files, self.serving.generated(config, name, content), config)
        if serve and keys:
            serve.finish(keys)
        return files

    def _search_ahead(self, files: Files, config: MkDocsConfig) -> None:
        """Index the generated pages on a second core during the page loop (searchahead.py)."""
        if self.search_ahead is not None:  # a build that ended without on_post_build
            self.search_ahead.cancel()
            self.search_ahead = None
        index = material_search_index(config)
        if index is None or self.remember or not may_fork(len(self.html_pages)):
            return
        pages = [files.src_uris[uri] for uri in sorted(self.html_pages)]
        try:
            self.search_ahead = SearchAhead(index, pages)
        except OSError:  # no process to be had (a limit on processes or memory): index as usual
            self.search_ahead = None

    def _add(self, files: Files, file: File, config: MkDocsConfig) -> bool:
        if file.src_uri in files.src_uris:
            shadowing = messages.text("okr.page-in-docs", file=file.src_uri)
            log.warning(shadowing.render(_log_language(config)))
            return False
        files.append(file)
        return True

    def _log(self, diagnostics: list[Diagnostic], config: MkDocsConfig) -> None:
        base = Path(config.config_file_path or ".").resolve().parent
        try:
            shown = self.folder.relative_to(base).as_posix()
        except ValueError:
            shown = self.folder.as_posix()
        # The site's language, unless OKR_LANG asks for another one (as for `okr check`).
        language = _log_language(config)
        for diagnostic in diagnostics:
            # The same one-line form as `okr check`: a file name or message with a line break
            # must not start a GitHub workflow command of its own in a CI log.
            log.log(
                _LEVELS[diagnostic.severity],
                format_text(diagnostic, f"{shown}/{diagnostic.path}", language),
            )

    @event_priority(-100)  # last: the navigation as every page will show it
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        nav = self._place_index_pages(nav, config, files)
        self.serving.nav_ready(nav, config, files)
        return nav

    def _place_index_pages(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if config.nav is None or not self.nav_paths:
            return nav
        listed = {id(page) for page in nav.pages}
        pages = [
            file.page
            for path in self.nav_paths
            if (file := files.get_file_from_path(path)) is not None and file.page is not None
        ]
        missing = [page for page in pages if id(page) not in listed]
        if not missing:
            return nav
        home = pages[0]
        if id(home) in listed:
            section = home.parent
            container = section.children if section is not None else nav.items
            at = container.index(home) + 1
            for page in missing:
                page.parent = section
            container[at:at] = missing
        else:
            children: list[StructureItem] = list(missing)
            section = Section(title=missing[0].title or "OKR", children=children)
            for page in missing:
                page.parent = section
            nav.items.append(section)
        nav.pages = _pages_of(nav.items)
        for previous, following in zip([None, *nav.pages], [*nav.pages, None], strict=True):
            if previous is not None:
                previous.next_page = following
            if following is not None:
                following.previous_page = previous
        return nav

    @event_priority(-100)  # last: the text as every other plugin left it
    def on_page_markdown(
        self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        # Only the text this plugin generated: if another plugin changed it, Python-Markdown
        # reads it as before. (The front matter is gone: the text is the end of the file's.)
        file = page.file
        if file.src_uri in self.html_pages:
            text = file.content_string
            if text.endswith(markdown):
                self._held = (file, markdown, len(text) - len(markdown))
                return ""
        return markdown

    @event_priority(100)  # first: other plugins read the page's HTML
    def on_page_content(
        self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        held, self._held = self._held, None
        if held is None or held[0] is not page.file:
            return html
        file, finished, start = held
        # What MkDocs' Markdown pass collects from raw HTML, for links to this page's anchors.
        page.present_anchor_ids = _anchor_ids(finished)
        self._waiting[file.src_uri] = start
        return ""

    @event_priority(50)  # before the search plugin indexes the page
    def on_page_context(
        self, context: TemplateContext, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        start = self._waiting.pop(page.file.src_uri, None)
        if start is not None:
            finished = page.file.content_string[start:]
            page.markdown = finished
            # Python-Markdown gives a raw HTML block back as it is, without the surrounding space.
            page.content = finished.strip()
        edit_url = self.edit_urls.get(page.file.src_uri)
        if edit_url:
            page.edit_url = edit_url
        if page.file.src_uri in self.html_pages:
            index = material_search_index(config)
            ahead = self.search_ahead
            taken = ahead is not None and start is not None and ahead.take(page, start)
            if index is not None and not taken:
                index_lightly(index, page)
        return context

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.serving.pages_ready(env, files, config)
        return env

    @event_priority(-100)  # last: after the search plugin indexed the page
    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        self.serving.page_built(page, config)
        if page.file.src_uri in self.html_pages:
            # Made into `output` (see on_page_context). Not None: a page whose text is None
            # is an unread page to MkDocs, without a title for the later pages' navigation.
            page.content = page.markdown = ""
        return output

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.folder_watch is not None:
            self.folder_watch.building()

    @event_priority(100)  # first: Material's search writes the index this gives it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.search_ahead is not None:
            self.search_ahead.finish()
            self.search_ahead = None
        self.serving.build_done(config)
        if self.folder_watch is not None:
            self.folder_watch.built()

    def on_build_error(self, *, error: Exception) -> None:
        if self.search_ahead is not None:
            self.search_ahead.cancel()
            self.search_ahead = None
        self.serving.build_failed()
        if self.folder_watch is not None:
            self.folder_watch.built()


def _anchor_ids(html: str) -> set[str]:
    """The ids of the elements of finished HTML (the attribute follows a space in a tag)."""
    return {
        html_text.unescape(found[1])
        for found in _ID.finditer(html)
        if html[found.start() - 1].isspace()
    }


def _log_language(config: MkDocsConfig) -> str:
    """The language of the build's log lines: OKR_LANG, else the site's `theme.language`."""
    return reader_language(None, config.theme.get("language"))


def _paths_in(nav: Any) -> set[str]:
    """Every path a `nav:` setting of mkdocs.yml names (its strings, at any depth)."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        nav = list(nav.values())
    if isinstance(nav, list):
        return {path for item in nav for path in _paths_in(item)}
    return set()


def _pages_of(items: list[Any]) -> list[MkDocsPage]:
    """The pages of a nav in reading order (sections walked depth-first)."""
    found: list[MkDocsPage] = []
    for item in items:
        if isinstance(item, MkDocsPage):
            found.append(item)
        elif isinstance(item, Section):
            found.extend(_pages_of(item.children))
    return found
