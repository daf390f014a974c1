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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from typing import Any, TypeVar
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from ..core import review, rhythm
from ..core.cycles import Cycle
from ..core.figures import at_least
from ..core.memo import Memo, SetKeys, fingerprint
from ..core.model import KeyResult, Objective, OkrSet
from ..core.organisation import Goal, Organisation, objective_ref
from . import charts, checkin_dialog
from .body import render_body, retrospective
from .i18n import Labels

STYLESHEET = "okr.css"
LEVELS = ("company", "team", "individual")
BATCH = 50
"""Sets per remembered part of a long page: a saved file renders one part of each page again."""
TREE_DEPTH = 12  # the alignment tree stops here (and at a loop): a page must end

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


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, e.g. okr/2024-Q1/brand.md
    title: str  # plain text
    markdown: str
    in_nav: bool
    edit_url: str | None = None


def stylesheet() -> str:
    own = (resources.files("mkdocs_okr") / "templates" / "okr" / STYLESHEET).read_text("utf-8")
    return own + "\n" + checkin_dialog.stylesheet()  # check-in dialog hook


def page_url(path: str, directory_urls: bool) -> str:
    """The URL (relative to the site root) MkDocs gives the page at `path`."""
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=1 << 16)  # a page links to the same pages many times over
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


def _markup(html: str) -> Markup:
    # A Jinja call block gives Markup already; wrapping it again would copy a part that can
    # hold most of a page.
    return html if isinstance(html, Markup) else Markup(html)


_INSERT = "<!--okr-insert-"
# The alignment tree's nesting (see SiteRenderer.tree); items come from tree_node/tree_kr.html.
_NODE = Markup('<li class="okr-tree__node">\n')
_CHILDREN = Markup('\n<ul class="okr-tree__children">\n')
_BRANCH = Markup('<li class="okr-tree__kr">\n')
_END_BRANCH = Markup("\n</ul>\n</li>\n")
_END_CHILDREN = Markup("</ul>")
_END_NODE = Markup("\n</li>\n")
SubtreePlace = tuple[str, str, int, tuple[str, ...]]
"""Where a subtree of the alignment tree stands: cycle, objective ref, depth, refs above it."""


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the process: a `mkdocs serve` rebuild makes a new renderer
    (its globals are that run's), and compiling the templates again cost a tenth of a second.
    Jinja keys each entry by the template's source, so an edited override is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class SiteRenderer:
    """Builds every page of the OKR site from one organisation."""

    def __init__(
        self,
        organisation: Organisation,
        options: RenderOptions,
        memo: Memo | None = None,
        keys: SetKeys | None = None,
    ) -> None:
        self.organisation = organisation
        self.options = options
        # With a memo and the sets' keys (made from the files' content digests), parts whose
        # sets did not change since the memo's last run are taken from it (`mkdocs serve`).
        self.memo = memo if keys is not None else None
        self.keys = keys if keys is not None else SetKeys(organisation, {})
        self._options_key = fingerprint([repr(options)])
        self._subtree_keys: dict[SubtreePlace, str] = {}
        self._last_subtree_keys: dict[SubtreePlace, str] = (
            self.memo.carry.get("subtree_keys", {}) if self.memo is not None else {}
        )
        self._affected: set[str] | None = None  # objective refs whose subtree may have changed
        # Objectives that something aligns to (to them or to one of their key results).
        self._has_support = {
            id(target.objective) for targets in organisation.aligns.values() for target in targets
        }
        self.settings = organisation.settings
        self.labels = Labels(options.language)
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(list(options.template_dirs))]
        loaders.append(jinja2.PackageLoader("mkdocs_okr", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            bytecode_cache=_COMPILED,
            # One renderer per build: no need to ask the file system, at every use of a
            # template, whether it changed (the bar alone is used thousands of times).
            auto_reload=False,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(t=self.labels, r=self)
        self._current_url = ""
        self._inserts: dict[str, list[Markup]] = {}  # placeholders of the current page

    # Paths and links ---------------------------------------------------------------------

    # Every page is an index.md in a folder of its own: with directory URLs its source folder
    # is then its URL, so a relative link means the same to MkDocs (which leaves links in HTML
    # alone) and to Zensical (which resolves them against the source file, like Markdown links).

    def home_path(self) -> str:
        return f"{self.options.pages_dir}/index.md"

    def problems_path(self) -> str:
        return f"{self.options.pages_dir}/problems/index.md"

    def week_path(self) -> str:
        return f"{self.options.pages_dir}/week/index.md"

    def calibration_path(self) -> str:
        return f"{self.options.pages_dir}/calibration/index.md"

    def cycle_path(self, cycle: Cycle) -> str:
        return f"{self.options.pages_dir}/{cycle.id}/index.md"

    def tree_path(self, cycle: Cycle) -> str:
        return f"{self.options.pages_dir}/{cycle.id}/tree/index.md"

    def review_path(self, cycle: Cycle) -> str:
        return f"{self.options.pages_dir}/{cycle.id}/review/index.md"

    def set_path(self, okr_set: OkrSet) -> str:
        return f"{self.options.pages_dir}/{okr_set.cycle.id}/{okr_set.owner}/index.md"

    def owner_path(self, owner: str) -> str:
        return f"{self.options.pages_dir}/owners/{owner}/index.md"

    def link(self, path: str, fragment: str | None = None) -> str:
        url = relative_url(self._current_url, page_url(path, self.options.directory_urls))
        return f"{url}#{fragment}" if fragment else url

    def link_set(self, okr_set: OkrSet) -> str:
        return self.link(self.set_path(okr_set))

    def link_target(self, target: Goal) -> str:
        return self.link(self.set_path(target.okr_set), anchor(target.objective, target.key_result))

    def edit_url(self, okr_set: OkrSet) -> str | None:
        # Quoted: a file name is contributed text, and Material prints page.edit_url raw.
        return self.options.edit_url + quote(okr_set.path) if self.options.edit_url else None

    def source_url(self, path: str, line: int) -> str | None:
        if not self.options.source_url:
            return None
        return f"{self.options.source_url}{quote(path)}" + (f"#L{line}" if line else "")

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
        running = [
            c for c in self.organisation.cycles() if rhythm.is_running(c, self.options.today)
        ]
        return bool(running) and min(running, key=lambda c: (c.days, c.id)) == cycle

    def is_stale(self, okr_set: OkrSet) -> bool:
        return rhythm.is_stale(okr_set, self.options.today, self.settings)

    def errors_in(self, okr_set: OkrSet) -> int:
        return self.keys.errors.get(okr_set.path, 0)

    def unaligned(self, okr_set: OkrSet) -> list[Objective]:
        if okr_set.level == "company":
            return []
        return [o for o in okr_set.objectives if not self.aligns(okr_set, o)]

    def aligns(self, okr_set: OkrSet, objective: Objective) -> list[Goal]:
        return self.organisation.aligns.get(objective_ref(okr_set, objective), [])

    def supported_by(
        self, okr_set: OkrSet, objective: Objective, key_result: KeyResult | None = None
    ) -> list[Goal]:
        ref = objective_ref(okr_set, objective)
        if key_result is not None:
            ref = f"{ref}/{key_result.id}"
        return self.organisation.supported_by.get(ref, [])

    def colour(self, value: float | None) -> str:
        if value is None:
            return "none"
        grading = self.settings.grading
        if at_least(value, grading.green):
            return "green"
        return "yellow" if at_least(value, grading.yellow) else "red"

    def bar(
        self, value: float | None, label: str, expected: float | None = None, small: bool = False
    ) -> Markup:
        """An accessible progress bar: role=progressbar with values and the number as text."""
        return self._render(
            "okr/bar.html",
            value=value,
            label=label,
            expected=expected,
            small=small,
            colour=self.colour(value),
        )

    def cycle_stats(self, cycle: Cycle) -> review.CycleFigures:
        today, settings = self.options.today, self.settings
        parts = [
            self.remembered_value(
                "figures", batch, partial(review.cycle_figures, batch, cycle, today, settings)
            )
            for batch in self.batches(self.organisation.sets_in(cycle.id))
        ]
        return (
            sum(parts[1:], parts[0]) if parts else review.cycle_figures([], cycle, today, settings)
        )

    def team_week(self, group: review.WeekGroup) -> review.TeamWeek:
        return review.team_week(group, self.options.today, self.settings)

    def review_parts(self, cycle: Cycle) -> list[ReviewPart]:
        today, settings = self.options.today, self.settings

        def part(sets: list[OkrSet]) -> ReviewPart:
            graded = [s for s in sets if review.is_graded(s, today)]
            judged = review.judged_objectives(graded, today, settings)
            return ReviewPart(
                sets, graded, review.histogram(graded), review.highlights(judged, settings)
            )

        return [
            self.remembered_value("review", batch, partial(part, batch))
            for batch in self.batches(self.organisation.sets_in(cycle.id))
        ]

    def unaligned_parts(self, sets: list[OkrSet]) -> list[UnalignedPart]:
        """The objectives of `sets` that align to nothing, in parts of BATCH sets."""
        return [
            self.remembered_value("unaligned", batch, partial(self._unaligned_part, batch))
            for batch in self.batches(sets)
        ]

    def _unaligned_part(self, sets: list[OkrSet]) -> UnalignedPart:
        return UnalignedPart(sets, [(s, o) for s in sets for o in self.unaligned(s)])

    def calibration_parts(self) -> list[list[OkrSet]]:
        """Every owner's sets, oldest first, in parts of about BATCH owners."""
        owners = sorted({s.owner for s in self.organisation.sets})
        return [
            [s for owner in part for s in self.organisation.history_of(owner)]
            for part in self.batches(owners)
        ]

    def calibration_entries(self, sets: list[OkrSet]) -> list[review.Calibration]:
        """The calibration of each owner of `sets` (grouped by owner, oldest first)."""
        found = []
        start = 0
        for end in range(1, len(sets) + 1):
            if end == len(sets) or sets[end].owner != sets[start].owner:
                entry = review.calibration_of(sets[start:end], self.options.today, self.settings)
                if entry is not None:
                    found.append(entry)
                start = end
        return found

    def is_graded(self, okr_set: OkrSet) -> bool:
        return review.is_graded(okr_set, self.options.today)

    def verdict(self, okr_set: OkrSet, objective: Objective) -> str | None:
        """The verdict of an objective once its set is graded (cycle ended or all scored)."""
        if not self.is_graded(okr_set):
            return None
        return review.verdict(objective, self.settings)

    def explain(self, verdict: str) -> str:
        bands = self.settings.verdicts
        low, high = bands.aspirational_sweet_spot
        return self.labels["explain_" + verdict].format(
            acceptable=f"{bands.committed_acceptable:g}",
            floor=f"{bands.aspirational_floor:g}",
            low=f"{low:g}",
            high=f"{high:g}",
        )

    def trend(self, okr_set: OkrSet, key_result: KeyResult, small: bool = False) -> Markup:
        """The check-ins of a numeric KR as a chart; a milestone has none (done or not)."""
        current = key_result.current
        if key_result.kind != "numeric" or isinstance(current, bool):
            return Markup("")
        label = self.labels["trend_label"].format(
            title=key_result.title,
            current=self.labels.number(current),
            target=self.labels.number(key_result.target),
            start=self.labels.number(key_result.start),
        )
        return charts.trend(key_result, okr_set.cycle, self.options.today, label, small=small)

    def histogram(self, counts: list[int], level: str) -> Markup:
        bins = [f"{index / 10:.1f}" for index in range(len(counts))]
        label = self.labels["distribution_label"].format(
            level=self.labels["level_" + level],
            counts=", ".join(f"{bins[i]}: {count}" for i, count in enumerate(counts) if count)
            or "0",
        )
        return charts.histogram(counts, label, bins)

    def score_chart(self, name: str, history: list[OkrSet]) -> Markup:
        scores = [(s.cycle.id, s.score) for s in history]
        label = self.labels["scores_label"].format(
            name=name, scores=", ".join(f"{c} {self.labels.score(v)}" for c, v in scores)
        )
        return charts.score_columns(scores, label)

    def retrospective(self, okr_set: OkrSet) -> Markup:
        found = retrospective(okr_set.body)
        return (
            Markup(render_body(found, id_prefix=f"{okr_set.owner}-retro-")) if found else Markup("")
        )

    def checkin_value(self, key_result: KeyResult, value: float | bool) -> str:
        if isinstance(value, bool):
            return self.labels["done"] if value else self.labels["not_done"]
        unit = f" {key_result.unit}" if key_result.unit else ""
        return f"{self.labels.number(value)}{unit}"

    def body(self, okr_set: OkrSet) -> Markup:
        return Markup(render_body(okr_set.body))

    def tree_children(
        self,
        cycle: Cycle,
        okr_set: OkrSet,
        objective: Objective,
        key_result: KeyResult | None = None,
    ) -> list[Goal]:
        """Objectives of sets inside `cycle` that align to this objective (or KR)."""
        return [
            t
            for t in self.supported_by(okr_set, objective, key_result)
            if cycle.contains(t.okr_set.cycle)
        ]

    def tree_key_results(
        self, cycle: Cycle, okr_set: OkrSet, objective: Objective
    ) -> list[tuple[KeyResult, list[Goal]]]:
        """The objective's key results that objectives inside `cycle` align to, with those."""
        found = []
        for kr in objective.key_results:
            below = self.tree_children(cycle, okr_set, objective, kr)
            if below:
                found.append((kr, below))
        return found

    # Remembered parts (`mkdocs serve`) ------------------------------------------------------

    def batches(self, items: Sequence[T]) -> list[list[T]]:
        """`items` in parts of BATCH, each remembered on its own."""
        return [list(items[at : at + BATCH]) for at in range(0, len(items), BATCH)]

    def remembered(
        self, kind: str, sets: Iterable[OkrSet], *extra: object, caller: Callable[[], str]
    ) -> Markup:
        """A part of the current page, from the memo when nothing it shows has changed.

        Templates wrap a part in `{% call r.remembered("kind", sets, extra...) %}`: `sets` are
        the sets it shows (the sets those show count too: see SetKeys), `extra` anything else
        it depends on besides the options and the page."""
        if self.memo is None:
            return _markup(caller())
        key = self.keys.of(sets, self._options_key, self._current_url, kind, *map(str, extra))
        return self.memo.get(key, lambda: _markup(caller()))

    def remembered_value(self, kind: str, sets: list[OkrSet], compute: Callable[[], T]) -> T:
        """A value computed from `sets` (and the options), from the memo when they are unchanged."""
        if self.memo is None:
            return compute()
        return self.memo.get(self.keys.of(sets, self._options_key, kind), compute)

    def tree(self, cycle: Cycle, roots: list[OkrSet]) -> Markup:
        """The alignment tree of `cycle` below the objectives of `roots`, as list items.

        Built here rather than by a recursive template: each subtree is remembered as a list of
        pieces, and the page joins them once (see `insert`) instead of copying every enclosing
        subtree; at company scale the tree is megabytes long."""
        pieces: list[Markup] = []
        for okr_set in roots:
            for objective in okr_set.objectives:
                pieces += self._tree_node(cycle, Goal(okr_set, objective, None), 0, ())
        return self._insert(pieces)

    def _insert(self, pieces: list[Markup]) -> Markup:
        """A placeholder the current page replaces with `pieces` when it joins its text."""
        token = f"{_INSERT}{len(self._inserts)}-->"
        self._inserts[token] = pieces
        return Markup(token)

    def _tree_node(
        self, cycle: Cycle, target: Goal, depth: int, seen: tuple[str, ...]
    ) -> list[Markup]:
        """A node of the tree with everything below it, from the memo when no set in that part
        of the tree has changed."""
        build = partial(self._tree_node_pieces, cycle, target, depth, seen)
        if self.memo is None:
            return build()
        below = self._subtree_key(cycle, target.okr_set, target.objective, depth, seen)
        key = fingerprint([self.keys.settings_key, self._options_key, self._current_url, below])
        return self.memo.get(key, build)

    def _affected_refs(self) -> set[str]:
        """The objectives with a changed set in their subtree: those of the sets whose view may
        have changed (SetKeys.dirty), and every objective up the alignment links from them. A
        set that left a subtree is dirty itself, and so is the set it left (it showed it)."""
        if self._affected is None:
            dirty = self.keys.dirty
            organisation = self.organisation
            if dirty is None or not self._last_subtree_keys:
                affected = {objective_ref(s, o) for s in organisation.sets for o in s.objectives}
            else:
                affected = set()
                waiting = [
                    (s, o) for s in organisation.sets if s.path in dirty for o in s.objectives
                ]
                while waiting:
                    okr_set, objective = waiting.pop()
                    ref = objective_ref(okr_set, objective)
                    if ref not in affected:
                        affected.add(ref)
                        waiting += [
                            (t.okr_set, t.objective) for t in organisation.aligns.get(ref, ())
                        ]
            self._affected = affected
        return self._affected

    def _tree_node_pieces(
        self, cycle: Cycle, target: Goal, depth: int, seen: tuple[str, ...]
    ) -> list[Markup]:
        okr_set, objective = target.okr_set, target.objective
        item = self._render("okr/tree_node.html", target=target, cycle=cycle)
        pieces = [_NODE, item]
        ref = objective_ref(okr_set, objective)
        if depth < TREE_DEPTH and ref not in seen:  # a loop, or a tree too deep, ends here
            direct = self.tree_children(cycle, okr_set, objective)
            branches = self.tree_key_results(cycle, okr_set, objective)
            if direct or branches:
                path = (*seen, ref)
                pieces.append(_CHILDREN)
                for child in direct:
                    pieces += self._tree_node(cycle, child, depth + 1, path)
                for kr, below in branches:
                    kr_item = self._render(
                        "okr/tree_kr.html", okr_set=okr_set, objective=objective, kr=kr
                    )
                    pieces += [_BRANCH, kr_item, _CHILDREN]
                    for child in below:
                        pieces += self._tree_node(cycle, child, depth + 1, path)
                    pieces.append(_END_BRANCH)
                pieces.append(_END_CHILDREN)
        pieces.append(_END_NODE)
        return pieces

    def _render(self, template: str, **context: Any) -> Markup:
        return Markup(self.env.get_template(template).render(**context).strip())

    def _subtree_key(
        self, cycle: Cycle, okr_set: OkrSet, objective: Objective, depth: int, seen: tuple[str, ...]
    ) -> str:
        if id(objective) not in self._has_support:
            return f"{self.keys.own(okr_set)}|{objective.id}"  # a leaf: nothing below it
        ref = objective_ref(okr_set, objective)
        memo_key = (cycle.id, ref, depth, seen)
        known = self._subtree_keys.get(memo_key)
        if known is None and ref not in self._affected_refs():
            known = self._last_subtree_keys.get(memo_key)  # nothing below it changed
            if known is not None:
                self._subtree_keys[memo_key] = known
        if known is not None:
            return known
        parts = [self.keys.own(okr_set), objective.id, str(depth)]
        if depth < TREE_DEPTH and ref not in seen:
            path = (*seen, ref)
            for child in self.tree_children(cycle, okr_set, objective):
                parts.append(
                    self._subtree_key(cycle, child.okr_set, child.objective, depth + 1, path)
                )
            for kr, children in self.tree_key_results(cycle, okr_set, objective):
                parts.append(kr.id)
                parts += [
                    self._subtree_key(cycle, c.okr_set, c.objective, depth + 1, path)
                    for c in children
                ]
        key = fingerprint(parts)
        self._subtree_keys[memo_key] = key
        return key

    # Pages ----------------------------------------------------------------------------------

    def _page(self, path: str, title: str, template: str, in_nav: bool, **context: Any) -> Page:
        self._current_url = page_url(path, self.options.directory_urls)
        self._inserts = {}
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
        okr_set = context.get("okr_set")
        edit = self.edit_url(okr_set) if isinstance(okr_set, OkrSet) else None
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
        markdown = "".join([f"---\ntitle: {front_matter}\n---\n\n", *pieces, "\n"])
        return Page(path, title, markdown, in_nav, edit)

    def pages(self) -> list[Page]:
        """Every page, the navigation's index pages first in the order the nav lists them."""
        organisation = self.organisation
        labels = self.labels
        today = self.options.today
        cycles = organisation.cycles()
        pages = [
            self._page(self.home_path(), labels["okrs"], "okr/home.html", True, cycles=cycles),
            self._page(
                self.week_path(),
                labels["week"],
                "okr/week.html",
                True,
                groups=review.week_groups(organisation, today),
                week_start=today - dt.timedelta(days=6),
            ),
        ]
        pages += [self._cycle_page(cycle) for cycle in cycles]
        pages.append(
            self._page(
                self.calibration_path(),
                labels["calibration"],
                "okr/calibration.html",
                True,
                parts=self.calibration_parts(),
            )
        )
        pages.append(
            self._page(
                self.problems_path(),
                labels["problems"],
                "okr/problems.html",
                True,
                diagnostics=organisation.diagnostics,
                sets_by_path={s.path: s for s in organisation.sets},
            )
        )
        for cycle in cycles:
            pages += [self._review_page(cycle), self._tree_page(cycle)]
        for okr_set in organisation.sets:
            path = self.set_path(okr_set)
            pages.append(self._remembered(path, [okr_set], partial(self._set_page, okr_set)))
        if self.memo is not None:
            # Kept for the next run, with the last run's for subtrees not visited in this one;
            # started afresh when the old ones would outnumber the objectives a few times.
            kept = {**self._last_subtree_keys, **self._subtree_keys}
            objectives = sum(len(s.objectives) for s in organisation.sets)
            self.memo.carry["subtree_keys"] = (
                kept if len(kept) <= 4 * objectives + 100 else self._subtree_keys
            )
        for owner in sorted({s.owner for s in organisation.sets}):
            history = organisation.history_of(owner)
            pages.append(
                self._remembered(
                    self.owner_path(owner),
                    history,
                    partial(
                        self._page,
                        self.owner_path(owner),
                        history[-1].name,
                        "okr/owner.html",
                        False,
                        owner=owner,
                        history=history,
                    ),
                )
            )
        return pages

    def _set_page(self, okr_set: OkrSet) -> Page:
        return self._page(
            self.set_path(okr_set),
            f"{okr_set.name} · {okr_set.cycle.id}",
            "okr/set.html",
            False,
            okr_set=okr_set,
            parent=self.organisation.parent_of(okr_set),
            children=self.organisation.children_of(okr_set),
            checkin=checkin_dialog.dialog_facts(  # check-in dialog hook
                okr_set,
                self.options.today,
                self.labels.language,
                self.options.repo_url,
                self.edit_url(okr_set),
            ),
        )

    def _remembered(self, path: str, shown: list[OkrSet], render: Callable[[], Page]) -> Page:
        """A set or owner page from the memo when nothing it shows has changed: the sets it
        names and the sets those show (SetKeys), their errors, and the options."""
        if self.memo is None:
            return render()
        if len(shown) == 1:
            key = self.keys.of_one(shown[0], self._options_key, path)
        else:
            key = self.keys.of(shown, self._options_key, path)
        return self.memo.get(key, render)

    def _cycle_page(self, cycle: Cycle) -> Page:
        sets = self.organisation.sets_in(cycle.id)
        return self._page(
            self.cycle_path(cycle),
            f"{self.labels['cycle']} {cycle.id}",
            "okr/cycle.html",
            True,
            cycle=cycle,
            by_level={level: [s for s in sets if s.level == level] for level in LEVELS},
        )

    def _review_page(self, cycle: Cycle) -> Page:
        parts = self.review_parts(cycle)
        counts = {level: [0] * review.HISTOGRAM_BINS for level in LEVELS}
        for part in parts:
            for level, bins in part.counts.items():
                counts[level] = [a + b for a, b in zip(counts[level], bins, strict=True)]
        return self._page(
            self.review_path(cycle),
            f"{self.labels['review']} {cycle.id}",
            "okr/review.html",
            False,  # reached from its cycle page and the home
            cycle=cycle,
            parts=parts,
            graded=sum(len(part.graded) for part in parts),
            counts=counts,
            highlighted={
                name: sum(len(getattr(part.highlights, name)) for part in parts)
                for name in ("missed", "full_marks", "under_floor")
            },
        )

    def _tree_page(self, cycle: Cycle) -> Page:
        sets = self.organisation.sets_in(cycle.id)
        roots = [s for s in sets if s.level == "company"]
        # A quarter's teams align to the year's company set: show that set at the root.
        if not roots:
            above: dict[str, OkrSet] = {}
            for batch in self.batches(sets):
                above.update(self.remembered_value("above", batch, partial(self._above, batch)))
            roots = [above[ref] for ref in sorted(above)]
        return self._page(
            self.tree_path(cycle),
            f"{self.labels['tree']} {cycle.id}",
            "okr/tree.html",
            False,  # reached from its cycle page; keeps the nav to one entry per cycle
            cycle=cycle,
            roots=roots,
            sets=sets,
        )

    def _above(self, sets: list[OkrSet]) -> dict[str, OkrSet]:
        """The company sets that objectives of `sets` align to, by ref."""
        return {
            t.okr_set.ref: t.okr_set
            for s in sets
            for o in s.objectives
            for t in self.aligns(s, o)
            if t.okr_set.level == "company"
        }


@dataclass
class UnalignedPart:
    sets: list[OkrSet]
    objectives: list[tuple[OkrSet, Objective]]


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
    """Every generated page of the OKR site; with a memo and the sets' keys, the parts whose
    sets did not change are taken from the memo's last run."""
    if memo is not None:
        memo.start()
    renderer = SiteRenderer(organisation, options, memo, keys)
    try:
        pages = renderer.pages()
    finally:
        # Jinja's contexts and macros of the pages just rendered are cyclic garbage that points
        # at the renderer (a template global): left as is, the renderer would keep every set
        # alive until the cyclic collector runs, and each collection of the rest of the build
        # would walk them. Emptied, the sets are freed as soon as the caller drops them.
        renderer.__dict__.clear()
    if memo is not None:
        memo.finish()
    return pages
