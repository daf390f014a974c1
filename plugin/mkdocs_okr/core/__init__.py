"""The pure core: load, validate, score and link OKR sets. No MkDocs, no logging."""

from .diagnostics import CODES, Diagnostic, Severity
from .model import Checkin, KeyResult, Objective, OkrSet
from .organisation import Goal, Organisation, analyse
from .settings import Settings, settings_from_mapping

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
