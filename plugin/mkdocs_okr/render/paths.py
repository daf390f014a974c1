"""Where each generated page lives, and the links between pages.

Every page is an index.md in a folder of its own: with directory URLs its source folder is then
its URL, so a relative link means the same to MkDocs (which leaves links in HTML alone) and to
Zensical (which resolves them against the source file, like Markdown links).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from ..core.cycles import Cycle
from ..core.model import KeyResult, Objective, OkrSet
from ..core.organisation import Goal


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


@dataclass(frozen=True)
class SitePaths:
    """The path of every page (relative to the docs folder), and the links out to the
    repository."""

    pages_dir: str
    directory_urls: bool
    edit_prefix: str | None = None
    """Prefix of the link that edits an OKR file; the file's path in the OKR folder is appended."""
    source_prefix: str | None = None
    """Prefix of the link that shows an OKR file; its path and `#L<line>` are appended."""

    def home(self) -> str:
        return f"{self.pages_dir}/index.md"

    def problems(self) -> str:
        return f"{self.pages_dir}/problems/index.md"

    def week(self) -> str:
        return f"{self.pages_dir}/week/index.md"

    def week_group(self, team: OkrSet | None, part: int) -> str:
        """The `part`th page of a team's week, or of the sets no team gathers (owners start
        with a letter: `others/<part>` meets no team, and a part number no owner)."""
        if team is None:
            return f"{self.pages_dir}/week/others/{part}/index.md"
        more = f"{part}/" if part > 1 else ""
        return f"{self.pages_dir}/week/{team.cycle.id}/{team.owner}/{more}index.md"

    def calibration(self, number: int = 1) -> str:
        """The calibration; its `number`th page."""
        more = f"{number}/" if number > 1 else ""
        return f"{self.pages_dir}/calibration/{more}index.md"

    def cycle(self, cycle: Cycle, number: int = 1) -> str:
        """The cycle's page; its `number`th page of sets (owners start with a letter)."""
        more = f"{number}/" if number > 1 else ""
        return f"{self.pages_dir}/{cycle.id}/{more}index.md"

    def tree(self, cycle: Cycle) -> str:
        return f"{self.pages_dir}/{cycle.id}/tree/index.md"

    def subtree(self, cycle: Cycle, goal: Goal) -> str:
        """The page of an objective's subtree in the cycle's alignment tree."""
        okr_set, objective = goal.okr_set, goal.objective
        where = f"{okr_set.cycle.id}/{okr_set.owner}/{objective.id}"
        return f"{self.pages_dir}/{cycle.id}/tree/{where}/index.md"

    def review(self, cycle: Cycle, number: int = 1) -> str:
        """The cycle's review; its `number`th page."""
        more = f"{number}/" if number > 1 else ""
        return f"{self.pages_dir}/{cycle.id}/review/{more}index.md"

    def set(self, okr_set: OkrSet) -> str:
        return f"{self.pages_dir}/{okr_set.cycle.id}/{okr_set.owner}/index.md"

    def owner(self, owner: str) -> str:
        return f"{self.pages_dir}/owners/{owner}/index.md"

    def url(self, path: str) -> str:
        return page_url(path, self.directory_urls)

    def edit_url(self, okr_set: OkrSet) -> str | None:
        # Quoted: a file name is contributed text, and Material prints page.edit_url raw.
        return self.edit_prefix + quote(okr_set.path) if self.edit_prefix else None

    def source_url(self, path: str, line: int) -> str | None:
        if not self.source_prefix:
            return None
        return f"{self.source_prefix}{quote(path)}" + (f"#L{line}" if line else "")

    def links_from(self, path: str) -> Links:
        return Links(self, self.url(path))


@dataclass(frozen=True)
class Links:
    """Relative links from one page (at `here`, its URL) to the others."""

    paths: SitePaths
    here: str

    def to(self, path: str, fragment: str | None = None) -> str:
        url = relative_url(self.here, self.paths.url(path))
        return f"{url}#{fragment}" if fragment else url

    def set(self, okr_set: OkrSet, fragment: str | None = None) -> str:
        return self.to(self.paths.set(okr_set), fragment)

    def goal(self, goal: Goal) -> str:
        return self.set(goal.okr_set, anchor(goal.objective, goal.key_result))
