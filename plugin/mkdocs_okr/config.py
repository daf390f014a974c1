"""The `okr` plugin's options in mkdocs.yml (documented in docs/configuration.md).

The options that judge OKR files are validated by the core's `Settings` model, which the `okr`
command reads too; here they are only declared so MkDocs accepts them.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class OkrConfig(base.Config):  # type: ignore[no-untyped-call]
    okrs_dir = c.Type(str, default="okrs")
    """The folder of OKR files, relative to mkdocs.yml."""
    pages_dir = c.Type(str, default="okr")
    """The folder of the generated pages inside the site."""
    export = c.Type(str, default="okrs.json")
    """The file name of the JSON export at the site root; empty for none."""
    today = c.Optional(c.Type(str))
    """A fixed 'today' (YYYY-MM-DD) for a frozen example site; else SOURCE_DATE_EPOCH or the clock."""
    edit_uri = c.Optional(c.Type(str))
    """Path from repo_url to edit an OKR file, e.g. `edit/main/okrs/`. Default: from MkDocs' edit_uri."""
    source_uri = c.Optional(c.Type(str))
    """Path from repo_url to view an OKR file, e.g. `blob/main/okrs/`. Default: from edit_uri."""

    # Options of the core (checked by mkdocs_okr.core.settings.Settings).
    default_type = c.Type(str, default="aspirational")
    limits = c.Type(dict, default={})
    cycles = c.Type(dict, default={})
    grading = c.Type(dict, default={})
    task_words = c.Optional(c.Type(list))
    max_file_bytes = c.Optional(c.Type(int))
    stale_days = c.Optional(c.Type(int))
    tolerance = c.Type(dict, default={})
    verdicts = c.Type(dict, default={})
    ignore = c.Type(list, default=[])

    CORE_OPTIONS = (
        "okrs_dir",
        "default_type",
        "limits",
        "cycles",
        "grading",
        "task_words",
        "max_file_bytes",
        "stale_days",
        "tolerance",
        "verdicts",
        "ignore",
    )

    def core_options(self) -> dict[str, object]:
        """The options the core's Settings take; unset ones are left to the core's defaults."""
        return {
            key: self[key]
            for key in self.CORE_OPTIONS
            if self[key] is not None and self[key] != {} and not (key == "ignore" and not self[key])
        }
