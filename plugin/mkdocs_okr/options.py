"""The `okr` plugin's options in mkdocs.yml: declared once, read alike by the plugin and `okr`.

Two pydantic models hold every option: the core's `Settings` (what judges OKR files) and
`SiteOptions` below (what shapes the site's pages). `read_options` validates what a mkdocs.yml
says against both; the MkDocs plugin (config.py, plugin.py) and the `okr` command (project.py)
call it with the same mapping, so `okr check` and `mkdocs build` can never read an option
differently. Documented in docs/configuration.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Strict, ValidationError, field_validator

from .core.settings import Settings, option_problems


class SiteOptions(BaseModel):
    """The options that shape the site, not the judgement of OKR files."""

    model_config = ConfigDict(extra="forbid")

    pages_dir: str = "okr"
    """The folder of the generated pages inside the site."""
    export: str = "okrs.json"
    """The file name of the JSON export at the site root; empty for none."""
    today: Annotated[dt.date, Strict()] | None = None
    """A fixed 'today' (YYYY-MM-DD) for a frozen example site; else SOURCE_DATE_EPOCH or the clock."""
    edit_uri: str | None = None
    """Path from repo_url to edit an OKR file, e.g. `edit/main/okrs/`. Default: from MkDocs' edit_uri."""
    source_uri: str | None = None
    """Path from repo_url to view an OKR file, e.g. `blob/main/okrs/`. Default: from edit_uri."""
    repository_facts: bool = False
    """Let Material fetch the repository's stars and forks from its host's API (a request that
    leaves the site: off, so the site works offline and on intranets)."""

    @field_validator("today", mode="before")
    @classmethod
    def _iso_day(cls, value: Any) -> Any:
        # Quoted or not, YYYY-MM-DD only: pydantic alone would also take a number of seconds.
        return dt.date.fromisoformat(value) if isinstance(value, str) else value


# Every option name, in the order docs/configuration.md lists them (the core's first).
OPTION_NAMES: tuple[str, ...] = (*Settings.model_fields, *SiteOptions.model_fields)


@dataclass(frozen=True)
class PluginOptions:
    settings: Settings = field(default_factory=Settings)
    site: SiteOptions = field(default_factory=SiteOptions)


def read_options(written: Mapping[str, Any] | None) -> tuple[PluginOptions, list[str]]:
    """The options as written under `plugins: - okr:` -> validated options, or the defaults
    and readable problems naming each option (`plugins.okr.limits.team.objectives: ...`).

    An option written empty (`stale_days:`, null) takes its default, as if left out. A name
    that is no option is a problem (the core's model refuses extra names).
    """
    given = {name: value for name, value in (written or {}).items() if value is not None}
    site = {name: value for name, value in given.items() if name in SiteOptions.model_fields}
    core = {name: value for name, value in given.items() if name not in site}
    problems: list[str] = []
    try:
        settings = Settings.model_validate(core)
    except ValidationError as error:
        settings = Settings()
        problems += option_problems(error)
    try:
        site_options = SiteOptions.model_validate(site)
    except ValidationError as error:
        site_options = SiteOptions()
        problems += option_problems(error)
    return PluginOptions(settings, site_options), problems
