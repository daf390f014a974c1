"""The schema of an OKR file's front matter, as pydantic models in strict mode.

Strict mode means no silent coercion: a number written as text, `50%`, or `true` where a
number belongs is an error, not a value. Pydantic's errors are turned into diagnostics that
name the line and column and speak plainly (see `schema_diagnostics`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
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

from .diagnostics import Diagnostic, make
from .frontmatter import Document, Path

OWNER = re.compile(r"[a-z][a-z0-9-]{0,63}")
ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,31}")
# Names Windows refuses as file names, whatever the extension.
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", re.IGNORECASE)


def _owner(value: str) -> str:
    if not OWNER.fullmatch(value) or _RESERVED.fullmatch(value):
        raise PydanticCustomError(
            "invalid-id",
            "'{value}' is not a usable owner id: use lower-case letters a-z, digits and '-', "
            "starting with a letter (for example social-media), at most 64 characters; not "
            "a name Windows reserves (con, nul ...).",
            {"value": value[:80]},
        )
    return value


def _identifier(value: str) -> str:
    if not ID.fullmatch(value):
        raise PydanticCustomError(
            "invalid-id",
            "'{value}' is not a usable id: use letters, digits, '-' and '_', starting with a "
            "letter (for example O1 or KR2), at most 32 characters.",
            {"value": value[:80]},
        )
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
    raise PydanticCustomError(
        "wrong-type",
        "must be a number (or true / false for a milestone), not {shown}",
        {"shown": describe(value)},
    )


OwnerId = Annotated[str, AfterValidator(_owner)]
Identifier = Annotated[str, AfterValidator(_identifier)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Number = Annotated[float, Field(allow_inf_nan=False)]
Weight = Annotated[float, Field(gt=0, le=10_000, allow_inf_nan=False)]
Day = Annotated[dt.date, BeforeValidator(_date)]
Value = Annotated[Any, AfterValidator(_number_or_boolean)]
Tags = list[Annotated[str, Field(min_length=1, max_length=64)]]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class CheckinIn(_Strict):
    date: Day
    value: Value
    note: Text | None = None


class KeyResultIn(_Strict):
    id: Identifier | None = None
    title: Text
    start: Number | None = None
    target: Number | None = None
    unit: Annotated[str, Field(max_length=64)] | None = None
    weight: Weight | None = None
    checkins: list[CheckinIn] = []
    current: Value | None = None
    score: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None = None
    status: Literal["active", "dropped"] | None = None
    reason: Text | None = None
    done: bool | None = None
    tags: Tags = []


class ObjectiveIn(_Strict):
    id: Identifier | None = None
    title: Text
    type: Literal["committed", "aspirational"] | None = None
    weight: Weight | None = None
    aligns: Annotated[list[Annotated[str, Field(max_length=200)]], BeforeValidator(_one_or_many)] = []
    tags: Tags = []
    key_results: Annotated[list[KeyResultIn], Field(min_length=1)]


class OkrSetIn(_Strict):
    cycle: Annotated[str, BeforeValidator(_cycle_text)]
    owner: OwnerId
    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    level: Literal["company", "team", "individual"]
    parent: OwnerId | None = None
    tags: Tags = []
    objectives: Annotated[list[ObjectiveIn], Field(min_length=1)]


_MODELS_AT_DEPTH: dict[str, type[BaseModel]] = {
    "": OkrSetIn,
    "objectives": ObjectiveIn,
    "key_results": KeyResultIn,
    "checkins": CheckinIn,
}
_FIELD_KIND = {
    "string_type": "text",
    "float_type": "a number",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "fields written as `name: value`",
    "dict_type": "fields written as `name: value`",
    "date_type": "a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD, without a time",
}


def describe(value: Any) -> str:
    """A value as a non-programmer would name it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    text = str(value)
    return f"the text '{text[:40]}{'...' if len(text) > 40 else ''}'"


def _model_for(loc: tuple[str | int, ...]) -> type[BaseModel]:
    names = [part for part in loc if isinstance(part, str) and part in _MODELS_AT_DEPTH]
    return _MODELS_AT_DEPTH[names[-1] if names else ""]


def _where(loc: tuple[str | int, ...], data: Any) -> str:
    """`('objectives', 1, 'key_results', 0, 'target')` -> 'in objective O2, key result KR1'."""
    parts: list[str] = []
    node = data
    for index, part in enumerate(loc):
        if isinstance(part, int) and index > 0 and isinstance(node, list) and part < len(node):
            item = node[part]
            label = {"objectives": "objective", "key_results": "key result", "checkins": "check-in"}
            kind = label.get(str(loc[index - 1]), "item")
            default = {"objectives": "O", "key_results": "KR"}.get(str(loc[index - 1]))
            given = item.get("id") if isinstance(item, dict) else None
            name = given if isinstance(given, str) else f"{default}{part + 1}" if default else str(part + 1)
            parts.append(f"{kind} {name}")
            node = item
        elif isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        else:
            node = None
    return f" (in {', '.join(parts)})" if parts else ""


def schema_diagnostics(error: ValidationError, document: Document, path: str) -> list[Diagnostic]:
    """Pydantic's errors -> diagnostics at the right line and column, in plain words."""
    found: list[Diagnostic] = []
    for item in error.errors(include_url=False):
        loc: Path = tuple(item["loc"])
        kind = item["type"]
        name = str(loc[-1]) if loc else "front matter"
        where = _where(loc, document.data)
        value = item.get("input")
        if kind == "missing":
            line, column = document.position(loc[:-1])
            found.append(
                make("missing-field", path, line, column, f"`{name}` is required{where} but missing.")
            )
        elif kind == "extra_forbidden":
            line, column = document.key_position(loc)
            allowed = list(_model_for(loc[:-1]).model_fields)
            guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = f" Did you mean `{guess[0]}`?" if guess else f" Known fields here: {', '.join(allowed)}."
            found.append(
                make("unknown-key", path, line, column, f"`{name}` is not a field of the OKR format{where}.{hint}")
            )
        elif kind == "too_short":
            line, column = document.position(loc)
            found.append(
                make("missing-field", path, line, column, f"`{name}` must hold at least one entry{where}.")
            )
        elif kind == "literal_error":
            line, column = document.position(loc)
            expected = re.findall(r"'([^']*)'", item.get("ctx", {}).get("expected", ""))
            guess = difflib.get_close_matches(str(value), expected, n=1, cutoff=0.5)
            hint = f" Did you mean '{guess[0]}'?" if guess else ""
            found.append(
                make(
                    "invalid-value",
                    path,
                    line,
                    column,
                    f"`{name}` must be one of {', '.join(expected)}; {describe(value)} is not{where}.{hint}",
                )
            )
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            line, column = document.position(loc)
            bounds = {
                "score": "between 0 and 1 (0.7 means 70 %)",
                "weight": "a number greater than 0",
            }
            found.append(
                make(
                    "out-of-range",
                    path,
                    line,
                    column,
                    f"`{name}` must be {bounds.get(name, 'in range: ' + item['msg'].lower())}; "
                    f"here it is {describe(value)}{where}.",
                )
            )
        elif kind in ("string_too_long", "string_too_short"):
            line, column = document.position(loc)
            found.append(
                make("out-of-range", path, line, column, f"`{name}` {item['msg'].lower()}{where}.")
            )
        elif kind == "finite_number":
            line, column = document.position(loc)
            found.append(make("invalid-number", path, line, column, f"`{name}` must be a finite number{where}."))
        elif kind in ("invalid-id", "wrong-type"):
            line, column = document.position(loc)
            found.append(make(kind, path, line, column, f"`{name}` {item['msg']}{where}."
                              if kind == "wrong-type" else f"{item['msg']}{where}"))
        elif kind in _FIELD_KIND or kind.endswith("_type") or kind.startswith("date_"):
            if value is not None and isinstance(value, str) and kind.startswith("date") and (
                document.value_positions.get(loc) is not None
            ):
                line, column = document.position(loc)
                found.append(
                    make(
                        "invalid-date",
                        path,
                        line,
                        column,
                        f"`{name}` must be a date written YYYY-MM-DD; {describe(value)} is not{where}.",
                    )
                )
                continue
            line, column = document.position(loc)
            expected_kind = _FIELD_KIND.get(kind, "another kind of value")
            hint = ""
            if isinstance(value, str) and kind == "float_type":
                hint = " Write the number alone, without quotes, units or %, e.g. 2 for 2 %."
            if isinstance(value, (int, float)) and kind == "string_type":
                hint = " Put it in quotes if it is meant as text."
            found.append(
                make(
                    "wrong-type",
                    path,
                    line,
                    column,
                    f"`{name}` must be {expected_kind}, but here it is {describe(value)}{where}.{hint}",
                )
            )
        else:  # pragma: no cover - a pydantic error type we did not expect
            line, column = document.position(loc)
            found.append(make("wrong-type", path, line, column, f"`{name}`: {item['msg']}{where}."))
    return found
