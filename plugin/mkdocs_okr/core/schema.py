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


# Names of pages the site keeps beside the set pages of a cycle (see render/site.py).
RESERVED_OWNERS = ("tree", "review")


def _owner(value: str) -> str:
    if value in RESERVED_OWNERS:
        raise PydanticCustomError(
            "invalid-id",
            "'{value}' is not a usable owner id: the site has a page of that name in every "
            "cycle (tree, review). Choose another id, for example {value}-team.",
            {"value": value},
        )
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
    # Ids become parts of page anchors and export refs; refuse Windows' names here too.
    if not ID.fullmatch(value) or _RESERVED.fullmatch(value):
        raise PydanticCustomError(
            "invalid-id",
            "'{value}' is not a usable id: use letters, digits, '-' and '_', starting with a "
            "letter (for example O1 or KR2), at most 32 characters; not a name Windows "
            "reserves (con, nul ...).",
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
    type: Literal["committed", "aspirational"] | None = None
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
    level: Literal["company", "team", "individual"]
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


_LIST_ITEMS = {"objectives": "objective", "key_results": "key result", "checkins": "check-in"}
_DEFAULT_ID = {"objectives": "O", "key_results": "KR"}


def _where(loc: tuple[str | int, ...], data: Any) -> str:
    """`('objectives', 1, 'key_results', 0, 'target')` -> ' (in objective O2, key result KR1)'."""
    parts: list[str] = []
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
            parts.append(f"{kind} {name}")
        elif isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        else:
            node = None
    return f" (in {', '.join(parts)})" if parts else ""


def _label(loc: tuple[str | int, ...]) -> str:
    """The field a diagnostic is about: '`target`', or 'entry 2 of `tags`'."""
    if not loc:
        return "The front matter"
    if isinstance(loc[-1], int) and len(loc) > 1:
        return f"entry {loc[-1] + 1} of `{loc[-2]}`"
    text = str(loc[-1])
    return f"`{text[:60]}...`" if len(text) > 60 else f"`{text}`"


def _range_words(name: str, kind: str, ctx: dict[str, Any]) -> str:
    """What range a field must be in, in words ('a number greater than 0 and at most 10,000')."""
    if name == "score":
        return "between 0 and 1 (0.7 means 70 %)"
    if name == "weight":
        return "a number greater than 0 and at most 10,000"
    bound = next(iter(ctx.values()), "?")
    words = {
        "greater_than": "greater than",
        "greater_than_equal": "at least",
        "less_than": "less than",
        "less_than_equal": "at most",
    }
    return f"{words.get(kind, 'within')} {bound:g}" if isinstance(bound, float) else "in range"


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

        def add(code: str, message: str, at: tuple[int, int] = (line, column)) -> None:
            found.append(make(code, path, at[0], at[1], message))

        if kind == "missing":
            add(
                "missing-field",
                f"{label} is required{where} but missing.",
                document.position(loc[:-1]),
            )
        elif kind == "extra_forbidden":
            allowed = list(_model_for(loc[:-1]).model_fields)
            guess = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = (
                f" Did you mean `{guess[0]}`?"
                if guess
                else f" Known fields here: {', '.join(allowed)}."
            )
            add(
                "unknown-key",
                f"{label} is not a field of the OKR format{where}.{hint}",
                document.key_position(loc),
            )
        elif kind == "too_short":
            add("missing-field", f"{label} must hold at least one entry{where}.")
        elif kind == "literal_error":
            expected = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
            guess = difflib.get_close_matches(str(value), expected, n=1, cutoff=0.5)
            hint = f" Did you mean '{guess[0]}'?" if guess else ""
            add(
                "invalid-value",
                f"{label} must be one of {', '.join(expected)}; {describe(value)} is "
                f"not{where}.{hint}",
            )
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            add(
                "out-of-range",
                f"{label} must be {_range_words(name, kind, ctx)}; here it is "
                f"{describe(value)}{where}.",
            )
        elif kind == "string_too_short":
            add("missing-field", f"{label} is empty{where}: write some text, or remove it.")
        elif kind == "string_too_long":
            length = len(value) if isinstance(value, str) else 0
            add(
                "out-of-range",
                f"{label} is too long{where}: {length:,} characters, at most "
                f"{ctx.get('max_length', '?'):,} are allowed.",
            )
        elif kind == "finite_number":
            add("invalid-number", f"{label} must be a finite number{where}.")
        elif kind == "wrong-type":
            add("wrong-type", f"{label} {item['msg']}{where}.")
        elif kind == "invalid-id":
            add("invalid-id", f"{item['msg'].rstrip('.')}{where}.")
        elif (
            kind.startswith("date")
            and isinstance(value, str)
            and document.value_positions.get(loc) is not None
        ):
            add(
                "invalid-date",
                f"{label} must be a date written YYYY-MM-DD; {describe(value)} is not{where}.",
            )
        else:
            expected_kind = _FIELD_KIND.get(kind, "another kind of value")
            hint = ""
            if isinstance(value, str) and kind == "float_type":
                hint = " Write the number alone, without quotes, units or %, e.g. 2 for 2 %."
            if isinstance(value, (int, float)) and kind == "string_type":
                hint = " Put it in quotes if it is meant as text."
            if name == "cycle" and loc == ("cycle",):
                hint = " Write a cycle id such as 2024, 2024-H1, 2024-Q1 or 2024-01."
            add(
                "wrong-type",
                f"{label} must be {expected_kind}, but here it is {describe(value)}{where}.{hint}",
            )
    return found
