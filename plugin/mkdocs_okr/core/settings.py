"""Settings of the core: the plugin's options in `mkdocs.yml` that judge OKR files.

This model is their one declaration: the MkDocs plugin and the `okr` command read them through
it (mkdocs_okr/options.py, which adds the options that only shape the site), so both judge
OKR files by the same rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .cycles import CUSTOM_NAME, Calendar, builtin
from .diagnostics import CODES

LEVELS = ("company", "team", "individual")
# Folders and pages the site generates beside the cycle folders (see render/site.py).
RESERVED_CYCLE_NAMES = ("owners", "problems", "week", "calibration", "index")
Level = Literal["company", "team", "individual"]
ObjectiveType = Literal["committed", "aspirational"]


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid")

    objectives: int = Field(5, ge=1)
    """Most objectives an OKR set of this level should have (docs/method.md, rule 8)."""
    key_results: int = Field(5, ge=1)
    """Most key results an objective should have."""


def _default_limits() -> dict[Level, Limits]:
    # The article: 3-5 objectives and 3-5 KRs each; company and team may have more; an
    # individual at most 3 objectives.
    return {
        "company": Limits(objectives=5, key_results=5),
        "team": Limits(objectives=5, key_results=5),
        "individual": Limits(objectives=3, key_results=5),
    }


class CustomCycle(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> CustomCycle:
        if self.end < self.start:
            raise ValueError("a cycle's end must not be before its start")
        return self


class Grading(BaseModel):
    """Colour bands of scores (Google's practice: 0-0.3 red, 0.4-0.6 yellow, 0.7-1 green)."""

    model_config = ConfigDict(extra="forbid")

    yellow: float = Field(0.4, ge=0, le=1)
    """Scores from here up (and below `green`) are yellow."""
    green: float = Field(0.7, ge=0, le=1)
    """Scores from here up are green."""


class Tolerance(BaseModel):
    """How far progress may trail the expected share of the cycle (0.1 = 10 points)."""

    model_config = ConfigDict(extra="forbid")

    behind: float = Field(0.1, ge=0, le=1)
    """Trailing by more than this is *behind*."""
    at_risk: float = Field(0.25, ge=0, le=1)
    """Trailing by more than this is *at risk*."""


class Verdicts(BaseModel):
    """Where the verdicts of graded objectives change (docs/method.md, rules 10 and 19)."""

    model_config = ConfigDict(extra="forbid")

    committed_acceptable: float = Field(0.8, ge=0, le=1)
    """A committed objective from here up to below 1.0 is acceptable; below, missed."""
    aspirational_sweet_spot: tuple[float, float] = (0.6, 0.7)
    """The sweet spot of an aspirational objective (both ends included)."""
    aspirational_floor: float = Field(0.4, ge=0, le=1)
    """Below this an aspirational objective was too ambitious or poorly executed."""
    calibration_cycles: int = Field(2, ge=2)
    """An owner is flagged when the same pattern holds in this many graded cycles in a row."""

    @model_validator(mode="after")
    def _ordered(self) -> Verdicts:
        low, high = self.aspirational_sweet_spot
        if not 0 <= self.aspirational_floor <= low <= high < 1:
            raise ValueError("need 0 <= aspirational_floor <= sweet spot low <= high < 1")
        return self


class Settings(BaseModel):
    """The options of the `okr` plugin that judge OKR files (docs/configuration.md)."""

    model_config = ConfigDict(extra="forbid")

    okrs_dir: str = "okrs"
    """The folder of OKR files, relative to mkdocs.yml."""
    default_type: ObjectiveType = "aspirational"
    """The type of an objective that does not say `type:`."""
    limits: dict[Level, Limits] = Field(default_factory=_default_limits)
    """Most objectives per set and key results per objective, by level (warnings)."""
    cycles: dict[str, CustomCycle] = Field(default_factory=dict)
    """Custom cycles by name, each with `start` and `end` dates."""
    grading: Grading = Field(default_factory=Grading)
    """Where the score colours change."""
    task_words: list[str] = Field(
        default_factory=lambda: [
            "每天",
            "每日",
            "每周",
            "日常",
            "坚持",
            "daily",
            "every day",
            "each day",
            "every week",
            "routine",
        ]
    )
    """Words that make a key result read like a routine task (warning `task-like`)."""
    max_file_bytes: int = Field(1024 * 1024, ge=1024)
    """Larger OKR files are refused before parsing."""
    stale_days: int = Field(14, ge=1)
    """A set with no check-in for more than this many days in a running cycle is stale."""
    tolerance: Tolerance = Field(default_factory=Tolerance)
    """When a key result, objective or set is behind or at risk."""
    verdicts: Verdicts = Field(default_factory=Verdicts)
    """Bands of the grading verdicts and of calibration across cycles."""
    ignore: list[str] = Field(default_factory=list)
    """Diagnostic codes not to report at all (for example `task-like`)."""

    @field_validator("limits", mode="before")
    @classmethod
    def _over_the_default_limits(cls, value: Any) -> Any:
        # Raising the team's limit must not lift an individual's 3 objectives to the model's
        # 5: a level or a field left out keeps its default.
        if not isinstance(value, dict):
            return value
        merged: dict[Any, Any] = {
            level: limits.model_dump() for level, limits in _default_limits().items()
        }
        for level, given in value.items():
            default = merged.get(level)
            if isinstance(given, dict) and isinstance(default, dict):
                given = {**default, **given}
            merged[level] = given
        return merged

    @model_validator(mode="after")
    def _known_codes(self) -> Settings:
        unknown = [code for code in self.ignore if code not in CODES]
        if unknown:
            raise ValueError(f"unknown diagnostic codes in ignore: {', '.join(unknown)}")
        return self

    @model_validator(mode="after")
    def _custom_names(self) -> Settings:
        for name in self.cycles:
            if name in RESERVED_CYCLE_NAMES:
                raise ValueError(f"'{name}' names a page of the site; choose another cycle name")
            if not CUSTOM_NAME.fullmatch(name) or builtin(name) is not None:
                raise ValueError(
                    f"custom cycle name '{name}' must be letters, digits, '-', '_' or '.', and "
                    "not a built-in cycle id"
                )
        return self

    def limits_for(self, level: str) -> Limits:
        return next((limits for name, limits in self.limits.items() if name == level), Limits())

    def calendar(self) -> Calendar:
        return Calendar({name: (c.start, c.end) for name, c in self.cycles.items()})


def option_problems(error: ValidationError) -> list[str]:
    """Each problem of an options model, named as in mkdocs.yml (`plugins.okr.stale_days: ...`)."""
    return [
        f"plugins.okr.{'.'.join(str(part) for part in e['loc'])}: {e['msg']}"
        for e in error.errors()
    ]


def settings_from_mapping(options: dict[str, Any] | None) -> tuple[Settings, list[str]]:
    """Core options as written in mkdocs.yml -> Settings, or the defaults and readable problems."""
    try:
        return Settings.model_validate(options or {}), []
    except ValidationError as error:
        return Settings(), option_problems(error)
