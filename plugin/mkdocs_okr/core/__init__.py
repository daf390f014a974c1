"""The pure core: load, validate, score and link OKR sets. No MkDocs, no logging.

Each name below is imported from its module on first use (PEP 562), not when the package is:
the schema builds pydantic models as it is imported, and a command that only reads its result
cache (a warm `okr check`) must not pay for that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .diagnostics import CODES, Diagnostic, Severity
    from .model import Checkin, KeyResult, Objective, OkrSet
    from .organisation import Goal, Organisation, analyse
    from .settings import Settings, settings_from_mapping

# Each exported name and the module of the core that defines it.
_EXPORTED_FROM = {
    "CODES": "diagnostics",
    "Diagnostic": "diagnostics",
    "Severity": "diagnostics",
    "Checkin": "model",
    "KeyResult": "model",
    "Objective": "model",
    "OkrSet": "model",
    "Goal": "organisation",
    "Organisation": "organisation",
    "analyse": "organisation",
    "Settings": "settings",
    "settings_from_mapping": "settings",
}

__all__ = [
    "CODES",
    "Checkin",
    "Diagnostic",
    "Goal",
    "KeyResult",
    "Objective",
    "OkrSet",
    "Organisation",
    "Settings",
    "Severity",
    "analyse",
    "settings_from_mapping",
]


def __getattr__(name: str) -> object:
    module = _EXPORTED_FROM.get(name)
    if module is None:
        # Not an export: `from mkdocs_okr.core import review` then imports the submodule.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
