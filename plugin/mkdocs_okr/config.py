"""The `okr` plugin's options as MkDocs sees them: derived from the one declaration.

Every option is declared once, by the pydantic models that `mkdocs_okr.options.read_options`
validates against (the `okr` command reads them through the same function). MkDocs only needs
their names, so it accepts them without a warning; it takes each value as written and leaves
the checking to `read_options`, whose messages name the option (docs/configuration.md).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base

from .options import OPTION_NAMES


class _AsWritten(base.BaseConfigOption[Any]):
    """A value taken as written in mkdocs.yml (None when left out); read_options checks it."""


class OkrConfig(base.Config):  # type: ignore[no-untyped-call]
    """One MkDocs option per field of the option models (see options.py)."""


# MkDocs collects a Config's options from its class attributes; these are made from the names
# of the models' fields instead, so that a new option is declared in one place only.
OkrConfig._schema = tuple((name, _AsWritten()) for name in OPTION_NAMES)
