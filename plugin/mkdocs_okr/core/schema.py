"""The schema of an OKR file's front matter, as pydantic models in strict mode.

Strict mode means no silent coercion: a number written as text, `50%`, or `true` where a
number belongs is an error, not a value. Pydantic's errors are turned into diagnostics that
name the line and column and speak plainly (see `schema_diagnostics`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import partial
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from . import messages
from .diagnostics import Diagnostic, make
from .frontmatter import Document, Path
from .keyboard import closest_value, synonym
from .messages import text

OWNER = re.compile(r"[a-z][a-z0-9-]{0,63}")
ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,31}")
# Names Windows refuses as file names, whatever the extension.
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", re.IGNORECASE)


# Names of pages the site keeps beside the set pages of a cycle (see render/site.py).
RESERVED_OWNERS = ("tree", "review")


def _owner(value: str) -> str:
    if value in RESERVED_OWNERS:
        raise _invalid_id("invalid-id.page-name", value)
    if not OWNER.fullmatch(value) or _RESERVED.fullmatch(value):
        raise _invalid_id("invalid-id.owner", value[:80], limit=64)
    return value


def _invalid_id(key: str, value: str, **more: int) -> PydanticCustomError:
    # The message key travels in the error's context; schema_diagnostics renders it.
    return PydanticCustomError("invalid-id", key, {"key": key, "value": value, **more})


def _identifier(value: str) -> str:
    # Ids become parts of page anchors and export refs; refuse Windows' names here too.
    if not ID.fullmatch(value) or _RESERVED.fullmatch(value):
        raise _invalid_id("invalid-id.id", value[:80], limit=32)
    return value


def _cycle_text(value: Any) -> Any:
    # `cycle: 2024` is a number in YAML; it means the year.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _date(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return value


def _number_or_boolean(value: Any) -> Any:
    if isinstance(value, (bool, int, float)):
        return value
    raise PydanticCustomError("wrong-type", "wrong-type.value")


OwnerId = Annotated[str, AfterValidator(_owner)]
Identifier = Annotated[str, AfterValidator(_identifier)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Number = Annotated[float, Field(allow_inf_nan=False)]
Weight = Annotated[float, Field(gt=0, le=10_000, allow_inf_nan=False)]
Day = Annotated[dt.date, BeforeValidator(_date)]
Value = Annotated[Any, AfterValidator(_number_or_boolean)]
Tags = list[Annotated[str, Field(min_length=1, max_length=64)]]
# The article's own words are accepted for these values (keyboard.SYNONYMS, docs/format.md).
ObjectiveType = Annotated[
    Literal["committed", "aspirational"], BeforeValidator(partial(synonym, "type"))
]
Level = Annotated[
    Literal["company", "team", "individual"], BeforeValidator(partial(synonym, "level"))
]
# A GitHub account's name, as @mentioned: letters, digits and single '-' inside, up to 39.
GithubHandle = Annotated[str, Field(pattern=r"^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CheckinIn(_Strict):
    date: Day
    value: Value
    # How the owner judged the key result that week (the forms' 正常 / 有风险 / 已延期).
    status: Literal["on-track", "at-risk", "off-track"] | None = None
    note: Text | None = None


class KeyResultIn(_Strict):
    id: Identifier | None = None
    title: Text
    start: Number | None = None
    target: Number | None = None
    unit: Annotated[str, Field(max_length=64)] | None = None
    weight: Weight | None = None
    checkins: list[CheckinIn] = Field(default_factory=list)
    current: Value | None = None
    score: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None = None
    status: Literal["active", "dropped"] | None = None
    reason: Text | None = None
    done: bool | None = None
    tags: Tags = Field(default_factory=list)


class ObjectiveIn(_Strict):
    id: Identifier | None = None
    title: Text
    type: ObjectiveType | None = None
    weight: Weight | None = None
    aligns: Annotated[
        list[Annotated[str, Field(max_length=200)]], BeforeValidator(_one_or_many)
    ] = Field(default_factory=list)
    tags: Tags = Field(default_factory=list)
    key_results: Annotated[list[KeyResultIn], Field(min_length=1)]


class OkrSetIn(_Strict):
    cycle: Annotated[str, BeforeValidator(_cycle_text)]
    owner: OwnerId
    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    level: Level
    parent: OwnerId | None = None
    status: Literal["draft", "active"] | None = None
    tags: Tags = Field(default_factory=list)
    # The owners' GitHub accounts, @mentioned by the weekly reminder (`okr remind`).
    github: list[GithubHandle] = Field(default_factory=list)
    objectives: Annotated[list[ObjectiveIn], Field(min_length=1)]


_MODELS_AT_DEPTH: dict[str, type[BaseModel]] = {
    "": OkrSetIn,
    "objectives": ObjectiveIn,
    "key_results": KeyResultIn,
    "checkins": CheckinIn,
}
# What a field of each of pydantic's types must hold (`part.kind.<type>` in core/texts/schema.py).
_FIELD_KINDS = (
    "string_type",
    "float_type",
    "int_type",
    "bool_type",
    "list_type",
    "model_type",
    "dict_type",
    "date_type",
    "date_from_datetime_inexact",
)


def describe(value: Any) -> messages.Text:
    """A value as a non-programmer would name it."""
    if value is None:
        return text("part.value.nothing")
    if isinstance(value, bool):
        return text("part.value.boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return text("part.value.number", value=str(value))
    if isinstance(value, dt.date):
        return text("part.value.date", value=value.isoformat())
    if isinstance(value, list):
        return text("part.value.list")
    if isinstance(value, dict):
        return text("part.value.fields")
    written = str(value)
    return text("part.value.text", value=f"{written[:40]}{'...' if len(written) > 40 else ''}")


def meant_field(name: str, allowed: list[str]) -> list[str]:
    """The field an unknown key was meant to be (`tagret` -> [target]), or []."""
    return difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)


def _model_for(loc: tuple[str | int, ...]) -> type[BaseModel]:
    names = [part for part in loc if isinstance(part, str) and part in _MODELS_AT_DEPTH]
    return _MODELS_AT_DEPTH[names[-1] if names else ""]


_LIST_ITEMS = {
    "objectives": "part.in.objective",
    "key_results": "part.in.key-result",
    "checkins": "part.in.check-in",
}
_DEFAULT_ID = {"objectives": "O", "key_results": "KR"}


def _where(loc: tuple[str | int, ...], data: Any) -> messages.Text | str:
    """`('objectives', 1, 'key_results', 0, 'target')` -> ' (in objective O2, key result KR1)'."""
    parts: list[messages.Text] = []
    node = data
    for index, part in enumerate(loc):
        if isinstance(part, int) and index > 0 and isinstance(node, list) and part < len(node):
            item = node[part]
            node = item
            field_name = str(loc[index - 1])
            kind = _LIST_ITEMS.get(field_name)
            if kind is None:  # an entry of `tags` or `aligns`: the label names it
                continue
            given = item.get("id") if isinstance(item, dict) else None
            if isinstance(given, str) and ID.fullmatch(given) and not _RESERVED.fullmatch(given):
                name = given
            else:
                name = f"{_DEFAULT_ID.get(field_name, '')}{part + 1}"
            parts.append(text(kind, name=name))
        elif isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        else:
            node = None
    if not parts:
        return ""
    names = dict(zip(("first", "second", "third"), parts, strict=False))
    return text(f"part.where.{len(parts)}", **names)


def _label(loc: tuple[str | int, ...]) -> messages.Text:
    """The field a diagnostic is about: '`target`', or 'entry 2 of `tags`'."""
    if not loc:
        return text("part.front-matter")
    if isinstance(loc[-1], int) and len(loc) > 1:
        return text("part.entry", number=loc[-1] + 1, name=str(loc[-2]))
    name = str(loc[-1])
    return text("part.field", name=f"{name[:60]}..." if len(name) > 60 else name)


def _range_words(name: str, kind: str, ctx: dict[str, Any]) -> messages.Text:
    """What range a field must be in, in words ('a number greater than 0 and at most 10,000')."""
    if name in ("score", "weight"):
        return text(f"part.range.{name}")
    bound = next(iter(ctx.values()), "?")
    if isinstance(bound, float):
        return text(f"part.range.{kind}", bound=bound)
    return text("part.range.any")


def schema_diagnostics(error: ValidationError, document: Document, path: str) -> list[Diagnostic]:
    """Pydantic's errors -> diagnostics at the right line and column, in plain words."""
    found: list[Diagnostic] = []
    for item in error.errors(include_url=False):
        loc: Path = tuple(item["loc"])
        kind = item["type"]
        name = str(loc[-1]) if loc else "front matter"
        label = _label(loc)
        where = _where(loc, document.data)
        value = item.get("input")
        ctx: dict[str, Any] = item.get("ctx") or {}
        line, column = document.position(loc)

        def add(code: str, message: messages.Text, at: tuple[int, int] = (line, column)) -> None:
            found.append(make(code, path, at[0], at[1], message))

        if kind == "missing":
            add(
                "missing-field",
                text("missing-field", label=label, where=where),
                document.position(loc[:-1]),
            )
        elif kind == "extra_forbidden":
            allowed = list(_model_for(loc[:-1]).model_fields)
            guess = meant_field(name, allowed)
            add(
                "unknown-key",
                text("unknown-key", label=label, where=where, guess=guess[0])
                if guess
                else text("unknown-key.known", label=label, where=where, fields=", ".join(allowed)),
                document.key_position(loc),
            )
        elif kind == "too_short":
            add("missing-field", text("missing-field.no-entry", label=label, where=where))
        elif kind == "literal_error":
            expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
            closest = closest_value(str(value), expected, name)
            shown: dict[str, messages.Argument] = {
                "label": label,
                "allowed": ", ".join(expected),
                "value": describe(value),
            }
            add(
                "invalid-value",
                text("invalid-value.guess", **shown, where=where, guess=closest)
                if closest
                else text("invalid-value", **shown, where=where),
            )
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            add(
                "out-of-range",
                text(
                    "out-of-range",
                    label=label,
                    range=_range_words(name, kind, ctx),
                    value=describe(value),
                    where=where,
                ),
            )
        elif kind == "string_too_short":
            add("missing-field", text("missing-field.empty-text", label=label, where=where))
        elif kind == "string_too_long":
            length = len(value) if isinstance(value, str) else 0
            limit = int(ctx.get("max_length", 0))
            add(
                "out-of-range",
                text("out-of-range.too-long", label=label, where=where, length=length, limit=limit),
            )
        elif kind == "finite_number":
            add("invalid-number", text("invalid-number", label=label, where=where))
        elif kind == "wrong-type":
            add(
                "wrong-type",
                text("wrong-type.value", label=label, value=describe(value), where=where),
            )
        elif kind == "invalid-id":
            values: dict[str, messages.Argument] = {
                name: v for name, v in ctx.items() if name != "key"
            }
            add("invalid-id", text(str(ctx["key"]), **values, where=where))
        elif (
            kind.startswith("date")
            and isinstance(value, str)
            and document.value_positions.get(loc) is not None
        ):
            add(
                "invalid-date",
                text("invalid-date", label=label, value=describe(value), where=where),
            )
        else:
            expected_kind = text(f"part.kind.{kind if kind in _FIELD_KINDS else 'other'}")
            key = "wrong-type"
            if isinstance(value, str) and kind == "float_type":
                key = "wrong-type.number-text"
            if isinstance(value, (int, float)) and kind == "string_type":
                key = "wrong-type.quote-text"
            if name == "cycle" and loc == ("cycle",):
                key = "wrong-type.cycle"
            add(
                "wrong-type",
                text(key, label=label, kind=expected_kind, value=describe(value), where=where),
            )
    return found
