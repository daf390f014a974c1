"""Render the organisation into the site's pages: Markdown files holding one HTML block each.

Pure: no MkDocs. The MkDocs plugin adds these pages with `File.generated`; `okr render`
writes the very same pages into a folder for engines without plugins.
Every contributed text goes through Jinja's autoescape (or the body sanitiser); page titles
are given to the engine already escaped, because Material prints `page.title` raw.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..core import rhythm
from ..core.cycles import Cycle
from ..core.diagnostics import Severity
from ..core.model import KeyResult, Objective, OkrSet
from ..core.organisation import Organisation, Target, objective_ref
from .body import render_body
from .i18n import Labels

STYLESHEET = "okr.css"
LEVELS = ("company", "team", "individual")


@dataclass(frozen=True)
class RenderOptions:
    today: dt.date
    pages_dir: str = "okr"
    language: str = "en"
    directory_urls: bool = True
    edit_url: str | None = None
    """Prefix of the link that edits an OKR file; the file's path in the OKR folder is appended."""
    source_url: str | None = None
    """Prefix of the link that shows an OKR file; its path and `#L<line>` are appended."""
    template_dirs: tuple[str, ...] = ()
    """Folders searched for `okr/*.html` before the package's own templates (overrides)."""


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, e.g. okr/2024-Q1/brand.md
    title: str  # plain text
    markdown: str
    in_nav: bool
    edit_url: str | None = None
    okr_set: OkrSet | None = field(default=None, compare=False)


def stylesheet() -> str:
    return resources.files("mkdocs_okr").joinpath("templates", "okr", STYLESHEET).read_text("utf-8")


def page_url(path: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) MkDocs gives the page at `path`."""
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both relative to the site root)."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target_dir, _slash, name = to_url.rpartition("/")
    relative = posixpath.relpath(target_dir or ".", base.rstrip("/") or ".")
    result = name if relative == "." else f"{relative}/{name}"
    return result or "./"


def anchor(objective: Objective, key_result: KeyResult | None = None) -> str:
    """Stable anchors from ids (not titles), so shared links survive a retitle."""
    return f"{objective.id}-{key_result.id}" if key_result else objective.id


class SiteRenderer:
    """Builds every page of the OKR site from one organisation."""

    def __init__(self, organisation: Organisation, options: RenderOptions) -> None:
        self.organisation = organisation
        self.options = options
        self.settings = organisation.settings
        self.labels = Labels(options.language)
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(list(options.template_dirs))]
        loaders.append(jinja2.PackageLoader("mkdocs_okr", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.do"],
        )
        self.env.globals.update(t=self.labels, r=self)
        self._current_url = ""
        self._errors_by_path: dict[str, int] = {}
        for diagnostic in organisation.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                self._errors_by_path[diagnostic.path] = self._errors_by_path.get(diagnostic.path, 0) + 1

    # Paths and links ---------------------------------------------------------------------

    def home_path(self) -> str:
        return f"{self.options.pages_dir}/index.md"

    def problems_path(self) -> str:
        return f"{self.options.pages_dir}/problems.md"

    def cycle_path(self, cycle: Cycle) -> str:
        return f"{self.options.pages_dir}/{cycle.id}/index.md"

    def tree_path(self, cycle: Cycle) -> str:
        return f"{self.options.pages_dir}/{cycle.id}/tree.md"

    def set_path(self, okr_set: OkrSet) -> str:
        return f"{self.options.pages_dir}/{okr_set.cycle.id}/{okr_set.owner}.md"

    def owner_path(self, owner: str) -> str:
        return f"{self.options.pages_dir}/owners/{owner}.md"

    def link(self, path: str, fragment: str | None = None) -> str:
        url = relative_url(self._current_url, page_url(path, self.options.directory_urls))
        return f"{url}#{fragment}" if fragment else url

    def link_set(self, okr_set: OkrSet) -> str:
        return self.link(self.set_path(okr_set))

    def link_target(self, target: Target) -> str:
        return self.link(self.set_path(target.okr_set), anchor(target.objective, target.key_result))

    def edit_url(self, okr_set: OkrSet) -> str | None:
        return self.options.edit_url + okr_set.path if self.options.edit_url else None

    def source_url(self, path: str, line: int) -> str | None:
        if not self.options.source_url:
            return None
        return f"{self.options.source_url}{path}" + (f"#L{line}" if line else "")

    # Facts the templates show --------------------------------------------------------------

    def expected(self, cycle: Cycle) -> float | None:
        """Expected progress, shown only while the cycle runs."""
        if rhythm.is_running(cycle, self.options.today):
            return rhythm.expected_progress(cycle, self.options.today)
        return None

    def pace(self, progress: float | None, cycle: Cycle) -> str | None:
        expected = self.expected(cycle)
        return None if expected is None else rhythm.pace(progress, expected, self.settings)

    def cycle_state(self, cycle: Cycle) -> str:
        if rhythm.is_running(cycle, self.options.today):
            return "running"
        return "ended" if rhythm.has_ended(cycle, self.options.today) else "upcoming"

    def is_current(self, cycle: Cycle) -> bool:
        """The current cycle: the shortest one with sets that contains today."""
        running = [c for c in self.organisation.cycles() if rhythm.is_running(c, self.options.today)]
        return bool(running) and min(running, key=lambda c: (c.days, c.id)) == cycle

    def is_stale(self, okr_set: OkrSet) -> bool:
        return rhythm.is_stale(okr_set, self.options.today, self.settings)

    def errors_in(self, okr_set: OkrSet) -> int:
        return self._errors_by_path.get(okr_set.path, 0)

    def unaligned(self, okr_set: OkrSet) -> list[Objective]:
        if okr_set.level == "company":
            return []
        return [o for o in okr_set.objectives if not self.aligns(okr_set, o)]

    def aligns(self, okr_set: OkrSet, objective: Objective) -> list[Target]:
        return self.organisation.aligns.get(objective_ref(okr_set, objective), [])

    def supported_by(self, okr_set: OkrSet, objective: Objective, key_result: KeyResult | None = None) -> list[Target]:
        ref = objective_ref(okr_set, objective)
        if key_result is not None:
            ref = f"{ref}/{key_result.id}"
        return self.organisation.supported_by.get(ref, [])

    def target(self, okr_set: OkrSet, objective: Objective) -> Target:
        return Target(okr_set, objective, None)

    def colour(self, value: float | None) -> str:
        if value is None:
            return "none"
        grading = self.settings.grading
        if value >= grading.green - 1e-9:
            return "green"
        return "yellow" if value >= grading.yellow - 1e-9 else "red"

    def bar(self, value: float | None, label: str, expected: float | None = None, small: bool = False) -> Markup:
        """An accessible progress bar: role=progressbar with values and the number as text."""
        return Markup(
            self.env.get_template("okr/bar.html").render(
                value=value, label=label, expected=expected, small=small, colour=self.colour(value)
            )
        )

    def cycle_stats(self, cycle: Cycle) -> dict[str, Any]:
        sets = self.organisation.sets_in(cycle.id)
        objectives = [o for s in sets for o in s.objectives]
        key_results = [kr for o in objectives for kr in o.active_key_results]
        scores = [s.score for s in sets if s.score is not None]
        expected = self.expected(cycle)
        on_track: int | None = None
        if expected is not None:
            on_track = sum(
                rhythm.pace(kr.progress, expected, self.settings) == rhythm.ON_TRACK for kr in key_results
            )
        elif self.cycle_state(cycle) == "ended":
            on_track = sum(kr.score >= self.settings.grading.green - 1e-9 for kr in key_results)
        return {
            "sets": len(sets),
            "objectives": len(objectives),
            "key_results": len(key_results),
            "average": sum(scores) / len(scores) if scores else None,
            "on_track": on_track,
        }

    def checkin_value(self, key_result: KeyResult, value: float | bool) -> str:
        if isinstance(value, bool):
            return self.labels["done"] if value else self.labels["not_done"]
        unit = f" {key_result.unit}" if key_result.unit else ""
        return f"{self.labels.number(value)}{unit}"

    def body(self, okr_set: OkrSet) -> Markup:
        return Markup(render_body(okr_set.body))  # noqa: S704 - sanitised by nh3 in render_body

    def tree_children(
        self, cycle: Cycle, okr_set: OkrSet, objective: Objective, key_result: KeyResult | None = None
    ) -> list[Target]:
        """Objectives of sets inside `cycle` that align to this objective (or KR)."""
        return [
            t for t in self.supported_by(okr_set, objective, key_result) if cycle.contains(t.okr_set.cycle)
        ]

    # Pages ----------------------------------------------------------------------------------

    def _page(self, path: str, title: str, template: str, in_nav: bool, **context: Any) -> Page:
        self._current_url = page_url(path, self.options.directory_urls)
        html = self.env.get_template(template).render(title=title, **context)
        okr_set = context.get("okr_set")
        edit = self.edit_url(okr_set) if isinstance(okr_set, OkrSet) else None
        # The title goes to the engine escaped: Material prints page.title without escaping.
        front_matter = json.dumps(str(escape(title)), ensure_ascii=False)
        markdown = f"---\ntitle: {front_matter}\n---\n\n{html.strip()}\n"
        return Page(path, title, markdown, in_nav, edit, okr_set if isinstance(okr_set, OkrSet) else None)

    def pages(self) -> list[Page]:
        organisation = self.organisation
        labels = self.labels
        cycles = organisation.cycles()
        pages = [
            self._page(self.home_path(), labels["okrs"], "okr/home.html", True, cycles=cycles),
            self._page(
                self.problems_path(),
                labels["problems"],
                "okr/problems.html",
                True,
                diagnostics=organisation.diagnostics,
                sets_by_path={s.path: s for s in organisation.sets},
            ),
        ]
        for cycle in cycles:
            sets = organisation.sets_in(cycle.id)
            by_level = {level: [s for s in sets if s.level == level] for level in LEVELS}
            pages.append(
                self._page(
                    self.cycle_path(cycle),
                    f"{labels['cycle']} {cycle.id}",
                    "okr/cycle.html",
                    True,
                    cycle=cycle,
                    by_level=by_level,
                )
            )
            roots = [s for s in sets if s.level == "company"]
            # A quarter's teams align to the year's company set: show it at the root too.
            if not roots:
                roots = sorted(
                    {t.okr_set.ref: t.okr_set for s in sets for o in s.objectives for t in self.aligns(s, o)
                     if t.okr_set.level == "company"}.values(),
                    key=lambda s: s.ref,
                )
            pages.append(
                self._page(
                    self.tree_path(cycle),
                    f"{labels['tree']} {cycle.id}",
                    "okr/tree.html",
                    False,  # reached from its cycle page; keeps the nav to one entry per cycle
                    cycle=cycle,
                    roots=roots,
                    cycle_sets={s.ref for s in sets},
                    unaligned=[(s, o) for s in sets for o in self.unaligned(s)],
                )
            )
        for okr_set in organisation.sets:
            pages.append(
                self._page(
                    self.set_path(okr_set),
                    f"{okr_set.name} · {okr_set.cycle.id}",
                    "okr/set.html",
                    False,
                    okr_set=okr_set,
                    parent=organisation.parent_of(okr_set),
                    children=organisation.children_of(okr_set),
                )
            )
        for owner in sorted({s.owner for s in organisation.sets}):
            history = organisation.history_of(owner)
            pages.append(
                self._page(
                    self.owner_path(owner),
                    history[-1].name,
                    "okr/owner.html",
                    False,
                    owner=owner,
                    history=history,
                )
            )
        return pages


def render_pages(organisation: Organisation, options: RenderOptions) -> list[Page]:
    """Every generated page of the OKR site."""
    return SiteRenderer(organisation, options).pages()
