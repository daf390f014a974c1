"""Render the organisation into the site's pages: Markdown files holding one HTML block each.

Pure: no MkDocs. The MkDocs plugin adds these pages with `File.generated`; `okr render`
writes the very same pages into a folder for engines without plugins.

This module assembles pages: it asks `facts` for what each page shows, renders it through the
page's template (`templates/okr/*.html`, which only lays the facts out), and, under
`mkdocs serve`, takes the parts whose sets did not change from the memo (`Remember`). Paths and
links are `paths`; the alignment tree is `tree`.
No page grows with the company: the pages that gather sets are cut at the limits below (the
week by team, a cycle's sets, its review and the calibration in numbered pages, an alignment
tree by subtree), each far enough under a megabyte of HTML with the theme's ~60 KB around it.
Every contributed text goes through Jinja's autoescape (or the body sanitiser); page titles
are given to the engine already escaped, because Material prints `page.title` raw.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import resources
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup, escape

from ..core import review
from ..core.cycles import Cycle
from ..core.model import Objective, OkrSet
from ..core.organisation import Goal, Organisation
from ..core.workers import ordered_results, worker_count
from . import checkin_dialog
from .checkin_dialog import CheckinDialog
from .facts import (
    Bar,
    CalibrationRow,
    CycleCard,
    Lagging,
    ObjectiveView,
    ProblemRow,
    ProblemsNotice,
    Silent,
    SiteFacts,
    WeekCounts,
)
from .i18n import Labels
from .memo import Memo, Remember, SetKeys, fingerprint
from .paths import Links, SitePaths
from .tree import CycleTree, SubtreeKeys

STYLESHEET = "okr.css"
LEVELS = ("company", "team", "individual")
BATCH = 50
"""Sets per remembered part of a long page: a saved file renders one part of each page again."""
CYCLE_ROWS = 1000
"""Sets a cycle's page lists (about half a KB of HTML each); more are listed on further pages."""
CALIBRATION_OWNERS = 500
"""Owners a page of the calibration shows (about 600 bytes of HTML each); more go to further
pages."""
REVIEW_SETS = 250
"""Sets whose highlights and retrospectives a page of a cycle's review shows (up to 1.6 KB of
HTML each once graded, more with long retrospectives); more go to further pages."""
TREE_OBJECTIVES = 600
"""Objectives an alignment tree's page shows (about 1 KB of HTML each); a longer tree is cut
into a page per subtree."""
WEEK_SETS = 100
"""Running sets the week page shows itself; beyond, each team's week is a page of its own."""

T = TypeVar("T")


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
    repo_url: str | None = None  # check-in dialog hook
    """The site's repository (MkDocs' repo_url): on GitHub, its issue forms take check-ins."""

    def paths(self) -> SitePaths:
        return SitePaths(self.pages_dir, self.directory_urls, self.edit_url, self.source_url)


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, e.g. okr/2024-Q1/brand.md
    title: str  # plain text
    markdown: str
    in_nav: bool
    edit_url: str | None = None


@dataclass(frozen=True)
class SetPage:
    """What a set's page shows (set.html)."""

    okr_set: OkrSet
    owner_href: str | None  # None: the owner has no other set (no history page)
    parent: OkrSet | None
    parent_href: str | None
    cycle_href: str
    stale: bool
    bar: Bar
    objectives: list[ObjectiveView]
    members: list[Markup]  # parts of the table of its members' sets (empty: none)
    body: Markup
    edit_url: str | None
    checkin: CheckinDialog  # check-in dialog hook: references, buttons, the dialog's facts
    problems: ProblemsNotice | None  # the file has errors: the page shows what could be read


def stylesheet() -> str:
    own = (resources.files("mkdocs_okr") / "templates" / "okr" / STYLESHEET).read_text("utf-8")
    return own + "\n" + checkin_dialog.stylesheet()  # check-in dialog hook


def batches(items: Sequence[T], size: int | None = None) -> list[list[T]]:
    """`items` in parts of `size` (default BATCH: each part remembered on its own)."""
    size = size or BATCH
    return [list(items[at : at + size]) for at in range(0, len(items), size)]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the process: a `mkdocs serve` rebuild makes a new
    environment (its labels are that run's), and compiling the templates again cost a tenth of
    a second. Jinja keys each entry by the template's source, so an edited override is compiled
    again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def environment(labels: Labels, template_dirs: tuple[str, ...] = ()) -> jinja2.Environment:
    """The templates' environment: the global `labels` and the filters that format facts."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(list(template_dirs))]
    loaders.append(jinja2.PackageLoader("mkdocs_okr", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=_COMPILED,
        # One environment per build: no need to ask the file system, at every use of a
        # template, whether it changed (the bar alone is used thousands of times).
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # A fragment (a part of a page) is exactly its file, final line break included.
        keep_trailing_newline=True,
    )
    env.globals["labels"] = labels
    env.filters.update(
        date=labels.date,
        number=labels.number,
        percent=labels.percent,
        score=labels.score,
        whole_percent=labels.whole_percent,
    )
    return env


_INSERT = "<!--okr-insert-"


class SitePages:
    """Assembles every page of the OKR site from one organisation."""

    def __init__(self, organisation: Organisation, options: RenderOptions, remember: Remember):
        self.organisation = organisation
        self.options = options
        self.paths = options.paths()
        self.labels = Labels(options.language)
        self.facts = SiteFacts(organisation, options.today, self.labels)
        self.remember = remember
        memo, keys = remember.memo, remember.keys
        self.subtrees = (
            SubtreeKeys(organisation, keys, memo) if memo is not None and keys is not None else None
        )
        self.env = environment(self.labels, options.template_dirs)
        self._inserts: dict[str, list[Markup]] = {}  # placeholders of the current page

    # Rendering ------------------------------------------------------------------------------

    def fragment(self, template: str, **context: Any) -> Markup:
        """A part of a page, as its template gives it."""
        return Markup(self.env.get_template(template).render(**context))

    def _item(self, template: str, item: object) -> Markup:
        return Markup(self.env.get_template(template).render(item=item).strip())

    def _part(
        self, kind: str, sets: list[OkrSet], links: Links, render: Callable[[], Markup], *extra: str
    ) -> Markup:
        """A part of the page at `links.here` that shows `sets`, remembered until one of them
        (or a set they show) changes. `render` prepares its facts and renders it."""
        return self.remember.part(sets, (links.here, kind, *extra), render)

    def _value(self, kind: str, sets: list[OkrSet], compute: Callable[[], T]) -> T:
        """A value computed from `sets` (and the options), remembered like a part."""
        return self.remember.part(sets, (kind,), compute)

    def _insert(self, pieces: list[Markup]) -> Markup:
        """A placeholder the current page replaces with `pieces` when it joins its text."""
        token = f"{_INSERT}{len(self._inserts)}-->"
        self._inserts[token] = pieces
        return Markup(token)

    def _page(
        self,
        path: str,
        title: str,
        template: str,
        in_nav: bool,
        searched: bool = True,
        **context: Any,
    ) -> Page:
        """A page; one that is not `searched` only gathers what set pages say (the search
        index would hold every set again) and is left out of the engine's search."""
        pieces = list(self.env.get_template(template).generate(title=title, **context))
        if self._inserts:
            pieces = [
                inserted
                for piece in pieces
                for inserted in (
                    self._inserts.get(piece, (piece,))
                    if len(piece) < 40 and piece.startswith(_INSERT)
                    else (piece,)
                )
            ]
            self._inserts = {}
        shown = context.get("page")
        edit = shown.edit_url if isinstance(shown, SetPage) else None
        # The title goes to the engine escaped: Material prints page.title without escaping.
        front_matter = json.dumps(str(escape(title)), ensure_ascii=False)
        # One join of the pieces, stripped at both ends: a page can be megabytes long, and each
        # copy of it counts on a `mkdocs serve` rebuild.
        while pieces and (not pieces[0] or pieces[0].isspace()):
            del pieces[0]
        while pieces and (not pieces[-1] or pieces[-1].isspace()):
            pieces.pop()
        if pieces:
            pieces[0] = pieces[0].lstrip()
            pieces[-1] = pieces[-1].rstrip()
        search = "" if searched else "search:\n  exclude: true\n"
        markdown = "".join([f"---\ntitle: {front_matter}\n{search}---\n\n", *pieces, "\n"])
        return Page(path, title, markdown, in_nav, edit)

    # Shared parts ---------------------------------------------------------------------------

    def set_table(self, sets: list[OkrSet], links: Links, show_cycle: bool = False) -> list[Markup]:
        """A table of sets as parts of BATCH rows."""
        return [
            self._part(
                "set-rows",
                part,
                links,
                partial(self._set_rows, part, links, show_cycle),
                str(show_cycle),
            )
            for part in batches(sets)
        ]

    def _set_rows(self, sets: list[OkrSet], links: Links, show_cycle: bool) -> Markup:
        rows = [self.facts.set_row(s, links, show_cycle) for s in sets]
        return self.fragment("okr/set_rows.html", rows=rows)

    # Pages ----------------------------------------------------------------------------------

    def pages(self) -> Iterator[Page]:
        """Every page, the navigation's index pages first in the order the nav lists them; one
        at a time, so a caller that keeps each page small (the plugin packs them) never holds
        the text of every page of a large site at once."""
        organisation = self.organisation
        cycles = organisation.cycles()
        yield self._home(cycles)
        yield from self._week()
        for cycle in cycles:
            yield from self._cycle_pages(cycle)
        yield from self._calibration_pages()
        yield self._problems()
        for cycle in cycles:
            yield from self._review_pages(cycle)
            yield from self._tree_pages(cycle)
        yield from self._set_pages(organisation.sets)
        if self.subtrees is not None:
            self.subtrees.keep()
        for owner in sorted({s.owner for s in organisation.sets}):
            history = organisation.history_of(owner)
            if len(history) > 1:  # one set's history would say what its set page says
                path = self.paths.owner(owner)
                yield self.remember.page(path, history, partial(self._owner_page, history))

    def owner_page(self, owner: str) -> str:
        """Where a link to an owner leads: their history page when they have several sets,
        else their one set's page (a history of one set says nothing new, and each page costs
        the engine's template)."""
        history = self.organisation.history_of(owner)
        return self.paths.set(history[0]) if len(history) == 1 else self.paths.owner(owner)

    def _home(self, cycles: list[Cycle]) -> Page:
        path = self.paths.home()
        links = self.paths.links_from(path)
        return self._page(
            path,
            self.labels["okrs"],
            "okr/home.html",
            True,
            cards=[self._cycle_card(cycle, links) for cycle in cycles],
            links={
                "week": links.to(self.paths.week()),
                "calibration": links.to(self.paths.calibration()),
                "problems": links.to(self.paths.problems()),
            },
        )

    def _cycle_card(self, cycle: Cycle, links: Links) -> CycleCard:
        figures = self._cycle_figures(cycle)
        label = f"{self.labels['average_score']} {cycle.id}"
        return CycleCard(
            cycle,
            self.facts.cycle_state(cycle),
            cycle == self.facts.current,
            figures,
            self.facts.bar(figures.average, label, self.facts.expected(cycle)),
            links.to(self.paths.cycle(cycle)),
            links.to(self.paths.tree(cycle)),
            links.to(self.paths.review(cycle)),
        )

    def _cycle_figures(self, cycle: Cycle) -> review.CycleFigures:
        today, settings = self.options.today, self.organisation.settings
        parts: list[review.CycleFigures] = [
            self._value(
                "figures", batch, partial(review.cycle_figures, batch, cycle, today, settings)
            )
            for batch in batches(self.organisation.sets_in(cycle.id))
        ]
        if not parts:
            return review.cycle_figures([], cycle, today, settings)
        return sum(parts[1:], parts[0])

    def _week_groups(self) -> list[tuple[review.WeekGroup, int]]:
        """The week's sections, each with its part number: each team (or the company) with
        its members, and the running sets no team gathers as a group of their own; a group of
        more than WEEK_SETS sets is cut in parts of WEEK_SETS."""
        return [
            (review.WeekGroup(group.team, part), number)
            for group in review.week_groups(self.organisation, self.options.today)
            for number, part in enumerate(batches(group.sets, WEEK_SETS), start=1)
        ]

    def _week(self) -> Iterator[Page]:
        """The weekly meeting's page. When more than WEEK_SETS sets run, it lists the teams with
        their counts, and each team's week is a page of its own (a set's week is about 8 KB of
        HTML, so a page of everyone would be megabytes long at company scale)."""
        path = self.paths.week()
        links = self.paths.links_from(path)
        groups = self._week_groups()
        if sum(len(group.sets) for group, _number in groups) <= WEEK_SETS:
            yield self._week_page(path, self.labels["week"], [g for g, _n in groups], None)
            return
        rows = []
        for group, number in groups:
            group_path = self.paths.week_group(group.team, number)
            counts = self._value("week-counts", group.sets, partial(self._week_counts, group))
            rows.append((group.team, number, counts, links.to(group_path)))
        yield self._page(
            path,
            self.labels["week"],
            "okr/week.html",
            True,
            searched=False,
            sections=[],
            rows=rows,
            index_href=None,
            week_start=self.options.today - dt.timedelta(days=6),
            today=self.options.today,
        )
        # Each team's page once the index is made: a caller takes one page at a time.
        for group, number in groups:
            title = group.team.name if group.team else self.labels["other_sets"]
            if number > 1:
                title = f"{title} ({number})"
            group_path = self.paths.week_group(group.team, number)
            yield self._week_page(group_path, f"{self.labels['week']} · {title}", [group], path)

    def _week_counts(self, group: review.WeekGroup) -> WeekCounts:
        week = review.team_week(group, self.options.today, self.organisation.settings)
        return WeekCounts(len(group.sets), len(week.moved), len(week.silent), len(week.lagging))

    def _week_page(
        self, path: str, title: str, groups: list[review.WeekGroup], index: str | None
    ) -> Page:
        """A page of the week's `groups`; `index`: the week's index page it belongs to."""
        links = self.paths.links_from(path)
        sections = [
            self._part(
                "week",
                # A later part of a team's week names the team without holding its set: the
                # members' views hold their parent's key (memo.py's invariant).
                group.sets,
                links,
                partial(self._week_section, group, links),
                group.team.path if group.team else "",
            )
            for group in groups
        ]
        today = self.options.today
        return self._page(
            path,
            title,
            "okr/week.html",
            index is None,
            searched=False,
            sections=sections,
            rows=[],
            index_href=links.to(index) if index else None,
            week_start=today - dt.timedelta(days=6),
            today=today,
        )

    def _week_section(self, group: review.WeekGroup, links: Links) -> Markup:
        week = review.team_week(group, self.options.today, self.organisation.settings)
        moved = [
            self._part("week-moved", [okr_set], links, partial(self._moved, week, okr_set, links))
            for okr_set in week.sets
        ]
        return self.fragment(
            "okr/week_team.html",
            week=week,
            team_href=links.set(week.team) if week.team else "",
            moved=moved,
            silent=[Silent(s, links.set(s), self.facts.is_stale(s)) for s in week.silent],
            lagging=[
                Lagging(s, o, kr, pace, links.set(s, f"{o.id}-{kr.id}"))
                for s, o, kr, pace in week.lagging
            ],
        )

    def _moved(self, week: review.TeamWeek, okr_set: OkrSet, links: Links) -> Markup:
        moves = [self.facts.movement(m, links) for m in week.moved_in(okr_set)]
        return self.fragment("okr/week_moved.html", moves=moves)

    def _cycle_pages(self, cycle: Cycle) -> Iterator[Page]:
        """The cycle's sets by level, in pages of CYCLE_ROWS rows."""
        sets = self.organisation.sets_in(cycle.id)

        def context(shown: list[OkrSet], links: Links) -> dict[str, Any]:
            return {
                "cycle": cycle,
                "state": self.facts.cycle_state(cycle),
                "expected": self.facts.expected(cycle),
                "links": {
                    "tree": links.to(self.paths.tree(cycle)),
                    "review": links.to(self.paths.review(cycle)),
                },
                "tables": {
                    level: self.set_table([s for s in shown if s.level == level], links)
                    for level in LEVELS
                },
            }

        return self._paged(
            [s for level in LEVELS for s in sets if s.level == level],
            CYCLE_ROWS,
            partial(self.paths.cycle, cycle),
            f"{self.labels['cycle']} {cycle.id}",
            "okr/cycle.html",
            True,
            context,
        )

    def _paged(
        self,
        items: list[T],
        size: int,
        path_of: Callable[[int], str],
        title: str,
        template: str,
        in_nav: bool,
        context: Callable[[list[T], Links], dict[str, Any]],
    ) -> Iterator[Page]:
        """A long list in pages of `size` items: the first at `path_of(1)` (and in the nav
        when `in_nav`), the next at `path_of(2)`..., each with its `context(items, links)` and
        links to every page of the list (`pager`)."""
        on_pages = batches(items, size) or [[]]
        paths = [path_of(number) for number in range(1, len(on_pages) + 1)]
        for number, (path, shown) in enumerate(zip(paths, on_pages, strict=True), start=1):
            links = self.paths.links_from(path)
            yield self._page(
                path,
                title if number == 1 else f"{title} ({number}/{len(on_pages)})",
                template,
                in_nav and number == 1,
                searched=False,
                pager=self._pager(paths, number, links),
                **context(shown, links),
            )

    @staticmethod
    def _pager(paths: list[str], number: int, links: Links) -> list[tuple[int, str | None]]:
        """Links from the `number`th of `paths` (pages of one long list) to every one of them."""
        return [
            (shown, None if shown == number else links.to(other))
            for shown, other in enumerate(paths, start=1)
        ]

    def _calibration_pages(self) -> Iterator[Page]:
        """Every owner's calibration, in parts of about BATCH owners (their sets, oldest first),
        CALIBRATION_OWNERS owners a page."""
        organisation = self.organisation

        def context(owners: list[str], links: Links) -> dict[str, Any]:
            parts = []
            for owners_part in batches(owners):
                histories = [organisation.history_of(owner) for owner in owners_part]
                sets = [s for history in histories for s in history]
                rows = partial(self._calibration_rows, histories, links)
                parts.append(self._part("calibration", sets, links, rows))
            return {"parts": parts}

        return self._paged(
            sorted({s.owner for s in organisation.sets}),
            CALIBRATION_OWNERS,
            self.paths.calibration,
            self.labels["calibration"],
            "okr/calibration.html",
            True,
            context,
        )

    def _calibration_rows(self, histories: list[list[OkrSet]], links: Links) -> Markup:
        rows = []
        for history in histories:
            entry = review.calibration_of(history, self.options.today, self.organisation.settings)
            if entry is not None:
                rows.append(
                    CalibrationRow(
                        entry,
                        links.to(self.owner_page(entry.owner)),
                        self.facts.score_chart(entry.name, entry.history),
                        [(s, links.set(s)) for s in entry.history],
                    )
                )
        return self.fragment("okr/calibration_rows.html", rows=rows)

    def _problems(self) -> Page:
        path = self.paths.problems()
        links = self.paths.links_from(path)
        by_path = {s.path: s for s in self.organisation.sets}
        rows = []
        for diagnostic in self.organisation.diagnostics:
            okr_set = by_path.get(diagnostic.path)
            rows.append(
                (
                    diagnostic,
                    ProblemRow(
                        okr_set,
                        links.set(okr_set) if okr_set else None,
                        self.paths.source_url(diagnostic.path, diagnostic.line),
                        diagnostic.message_in(self.labels.language),
                    ),
                )
            )
        return self._page(path, self.labels["problems"], "okr/problems.html", True, rows=rows)

    def _review_pages(self, cycle: Cycle) -> Iterator[Page]:
        """The cycle's review: its histograms on every page, the highlights and the
        retrospectives of REVIEW_SETS sets a page."""
        today, settings = self.options.today, self.organisation.settings

        def judge(sets: list[OkrSet]) -> ReviewPart:
            graded = [s for s in sets if review.is_graded(s, today)]
            judged = review.judged_objectives(graded, today, settings)
            return ReviewPart(
                sets, graded, review.histogram(graded), review.highlights(judged, settings)
            )

        parts: list[ReviewPart] = [
            self._value("review", batch, partial(judge, batch))
            for batch in batches(self.organisation.sets_in(cycle.id))
        ]
        counts = {level: [0] * review.HISTOGRAM_BINS for level in LEVELS}
        for part in parts:
            for level, bins in part.counts.items():
                counts[level] = [a + b for a, b in zip(counts[level], bins, strict=True)]
        histograms = [
            (level, self.facts.histogram(counts[level], level))
            for level in LEVELS
            if sum(counts[level])
        ]

        def context(shown: list[ReviewPart], links: Links) -> dict[str, Any]:
            return {
                "cycle": cycle,
                "links": {
                    "cycle": links.to(self.paths.cycle(cycle)),
                    "tree": links.to(self.paths.tree(cycle)),
                },
                "graded": sum(len(part.graded) for part in parts),
                "histograms": histograms,
                "highlights": self._highlights(shown, links),
                "floor": self.labels.edge(settings.verdicts.aspirational_floor),
                "retrospectives": [
                    self._part(
                        "retrospectives",
                        part.sets,
                        links,
                        partial(self._retrospectives, part.sets, links),
                    )
                    for part in shown
                ],
            }

        return self._paged(
            parts,
            max(1, REVIEW_SETS // BATCH),
            partial(self.paths.review, cycle),
            f"{self.labels['review']} {cycle.id}",
            "okr/review.html",
            False,  # reached from its cycle page and the home
            context,
        )

    def _highlights(self, parts: list[ReviewPart], links: Links) -> dict[str, list[Markup]]:
        """The review's highlights of `parts`: name -> parts of rows (empty: none)."""
        highlights: dict[str, list[Markup]] = {}
        for name in ("missed", "full_marks", "under_floor"):
            shown = any(getattr(part.highlights, name) for part in parts)
            highlights[name] = (
                [
                    self._part(
                        "review-" + name,
                        part.sets,
                        links,
                        partial(self._objective_rows, getattr(part.highlights, name), links),
                    )
                    for part in parts
                ]
                if shown
                else []
            )
        return highlights

    def _objective_rows(self, judged: list[review.Judged], links: Links) -> Markup:
        rows = [self.facts.objective_row(j.okr_set, j.objective, j.verdict, links) for j in judged]
        return self.fragment("okr/objective_rows.html", rows=rows)

    def _retrospectives(self, sets: list[OkrSet], links: Links) -> Markup:
        return Markup("").join(
            self._part("retrospective", [s], links, partial(self._retrospective, s, links))
            for s in sets
        )

    def _retrospective(self, okr_set: OkrSet, links: Links) -> Markup:
        return self.fragment(
            "okr/retrospective.html",
            okr_set=okr_set,
            href=links.set(okr_set),
            retrospective=self.facts.retrospective(okr_set),
        )

    def _tree_pages(self, cycle: Cycle) -> list[Page]:
        """The cycle's alignment tree; when it shows more than TREE_OBJECTIVES objectives, its
        page lists the objectives at the top, and each one's subtree is a page of its own (cut
        again below while too long)."""
        path = self.paths.tree(cycle)
        links = self.paths.links_from(path)
        sets = self.organisation.sets_in(cycle.id)
        tree = CycleTree(cycle, self.facts, links, self.remember, self.subtrees, self._item)
        roots = tree.roots()
        pages: dict[str, Page] = {}
        if sum(tree.size(root) for root in roots) <= TREE_OBJECTIVES:
            pieces = tree.pieces()
        else:
            pieces = []
            for root in roots:
                if tree.size(root) == 1:
                    pieces += tree.node(root, 0, ())
                else:
                    page = self._subtree_page(tree, root, 0, (), pages)
                    pieces += tree.leaf(root, links.to(page))
        unaligned = [
            (part, self._value("unaligned", part, partial(self._unaligned, part)))
            for part in batches(sets)
        ]
        index = self._page(
            path,
            f"{self.labels['tree']} {cycle.id}",
            "okr/tree.html",
            False,  # reached from its cycle page; keeps the nav to one entry per cycle
            searched=False,
            tree=self._insert(pieces),
            index_href=None,
            inner=[
                (inner, links.to(self.paths.tree(inner)))
                for inner in self.organisation.cycles()
                if inner.id != cycle.id and cycle.contains(inner)
            ],
            unaligned=[
                self._part(
                    "unaligned", part, links, partial(self._unaligned_items, objectives, links)
                )
                for part, objectives in unaligned
            ]
            if any(objectives for _part, objectives in unaligned)
            else [],
        )
        return [index, *pages.values()]

    def _subtree_page(
        self, tree: CycleTree, goal: Goal, depth: int, seen: tuple[str, ...], pages: dict[str, Page]
    ) -> str:
        """Make the page of `goal`'s subtree in `tree` (and those it links to) into `pages`;
        its path. An objective reached twice (it supports two) has one page."""
        path = self.paths.subtree(tree.cycle, goal)
        if path in pages:
            return path
        links = self.paths.links_from(path)
        here = tree.at(links)
        if tree.size(goal) <= TREE_OBJECTIVES:
            pieces = here.node(goal, depth, seen)
        else:
            pieces = here.outline(
                goal,
                depth,
                seen,
                lambda below, at, path_: self._subtree_page(tree, below, at, path_, pages),
            )
        okr_set = goal.okr_set
        pages[path] = self._page(
            path,
            f"{self.labels['tree']} {tree.cycle.id} · {okr_set.name} {goal.objective.id}",
            "okr/tree.html",
            False,
            searched=False,
            tree=self._insert(pieces),
            index_href=links.to(self.paths.tree(tree.cycle)),
            inner=[],
            unaligned=None,
        )
        return path

    def _unaligned(self, sets: list[OkrSet]) -> list[tuple[OkrSet, Objective]]:
        return [(s, o) for s in sets for o in self.facts.unaligned(s)]

    def _unaligned_items(self, objectives: list[tuple[OkrSet, Objective]], links: Links) -> Markup:
        items = [(s, o, links.set(s, o.id)) for s, o in objectives]
        return self.fragment("okr/unaligned_items.html", items=items)

    def set_page(self, okr_set: OkrSet, links: Links) -> SetPage:
        """The facts of a set's page."""
        facts = self.facts
        parent = self.organisation.parent_of(okr_set)
        children = self.organisation.children_of(okr_set)
        owner = self.owner_page(okr_set.owner)
        return SetPage(
            okr_set,
            None if owner == self.paths.set(okr_set) else links.to(owner),
            parent,
            links.set(parent) if parent else None,
            links.to(self.paths.cycle(okr_set.cycle)),
            facts.is_stale(okr_set),
            facts.bar(
                okr_set.score,
                f"{self.labels['score']} {okr_set.name}",
                facts.expected(okr_set.cycle),
            ),
            [facts.objective_view(okr_set, o, links) for o in okr_set.objectives],
            self.set_table(children, links) if children else [],
            facts.body(okr_set),
            self.paths.edit_url(okr_set),
            checkin_dialog.dialog_facts(  # check-in dialog hook
                okr_set,
                self.options.today,
                self.labels.language,
                self.options.repo_url,
                self.paths.edit_url(okr_set),
            ),
            facts.problems_notice(okr_set, links.to(self.paths.problems())),
        )

    def _set_pages(self, sets: list[OkrSet]) -> Iterator[Page]:
        """Every set's page. Nearly all of a large site's pages, and each one depends only on
        what the other pages already made (facts, paths): without a memo to keep them (a
        one-off build or render), forked worker processes render them on every core."""
        workers = worker_count(len(sets)) if self.remember.memo is None else 0
        if workers:
            yield from ordered_results(
                lambda index: self._set_page(sets[index]), len(sets), workers
            )
            return
        for okr_set in sets:
            path = self.paths.set(okr_set)
            # The owner's link depends on how many sets they have, which other files decide.
            key = f"{path}|{self.owner_page(okr_set.owner)}"
            yield self.remember.page(key, [okr_set], partial(self._set_page, okr_set))

    def _set_page(self, okr_set: OkrSet) -> Page:
        path = self.paths.set(okr_set)
        return self._page(
            path,
            f"{okr_set.name} · {okr_set.cycle.id}",
            "okr/set.html",
            False,
            page=self.set_page(okr_set, self.paths.links_from(path)),
        )

    def _owner_page(self, history: list[OkrSet]) -> Page:
        path = self.paths.owner(history[-1].owner)
        links = self.paths.links_from(path)
        title = history[-1].name
        return self._page(
            path,
            title,
            "okr/owner.html",
            False,
            owner=history[-1].owner,
            chart=self.facts.score_chart(title, history),
            table=self.set_table(list(reversed(history)), links, show_cycle=True),
        )


@dataclass
class ReviewPart:
    """The review of a part of a cycle's sets: which are graded, their histogram, highlights."""

    sets: list[OkrSet]
    graded: list[OkrSet]
    counts: dict[str, list[int]]
    highlights: review.Highlights


def render_pages(
    organisation: Organisation,
    options: RenderOptions,
    memo: Memo | None = None,
    keys: SetKeys | None = None,
) -> list[Page]:
    """Every generated page of the OKR site; with `mkdocs serve`'s memo and the sets' keys
    (`ServeMemo`), the parts whose sets did not change are taken from the memo's last run."""
    return list(each_page(organisation, options, memo, keys))


def each_page(
    organisation: Organisation,
    options: RenderOptions,
    memo: Memo | None = None,
    keys: SetKeys | None = None,
) -> Iterator[Page]:
    """The pages of `render_pages`, rendered one at a time as the caller asks for them."""
    remember = Remember(fingerprint([repr(options)]), memo, keys)
    return SitePages(organisation, options, remember).pages()
