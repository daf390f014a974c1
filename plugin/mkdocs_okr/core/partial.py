"""Validate what can be validated: the parts of a front matter that pass the schema.

Pydantic in strict mode refuses a whole model for one bad field, so a file with one unknown key
used to drop out of every other check (its parent, its alignments, the method's warnings): its
writer fixed one error and met the next in the following run. Here the schema's errors (already
reported) tell which parts to leave out: an unknown key or a bad optional field is removed, an
objective, key result or check-in that cannot stand is left out whole, a missing title is
replaced by the id. The rest is validated again and builds a partial OKR set, checked like any
other. Only when a field the set cannot do without is wrong (cycle, owner, level, objectives) is
there no set.

Leaving a part out can make the set look wrong in another way (a `target` left out looks like
a key result without a target). `Partial.explained` holds those places, so that the loader
does not report them a second time.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .frontmatter import Document, Path, Position
from .schema import _MODELS_AT_DEPTH, ID, OkrSetIn, meant_field

# Lists whose items can be left out one by one, and the id their items get by default.
_ITEMS = {"objectives": "O", "key_results": "KR", "checkins": "", "tags": "", "aligns": ""}
_ROUNDS = 6  # each round leaves out what the last one refused; nesting is 3 lists deep

# A part left out (its last name) -> the diagnostic it would cause, and where that diagnostic
# stands: the first `depth` parts of the path left out, then `then`.
_CONSEQUENCES: dict[str, tuple[str, int, Path]] = {
    "target": ("not-measurable", 4, ()),  # at the key result
    "done": ("not-measurable", 4, ()),
    "weight": ("weights-not-100", 2, ()),
    "key_results": ("weights-not-100", 2, ()),
    "checkins": ("current-mismatch", 4, ("current",)),
    "parent": ("parent-missing", 0, ()),  # at the top of the front matter
}


@dataclass
class Partial:
    """The validated parts (None when the set cannot be built), the document they were read
    from (list items left out, positions kept), and the code and place of each diagnostic a
    part left out would cause."""

    validated: OkrSetIn | None
    document: Document
    explained: set[tuple[str, Position]] = field(default_factory=set)


def validate_parts(document: Document, error: ValidationError) -> Partial:
    """The parts of `document` that pass the schema, given the error of the whole."""
    data = copy.deepcopy(document.data)
    current = Document(
        data,
        dict(document.value_positions),
        dict(document.key_positions),
        document.body,
        document.body_line,
    )
    partial = Partial(None, current)
    for _round in range(_ROUNDS):
        # Later items first, so that leaving one out does not move the ones still to do; and
        # nothing inside a part already left out.
        gone: list[Path] = []
        for loc in sorted(
            (tuple(item["loc"]) for item in error.errors()), key=_order, reverse=True
        ):
            if any(loc[: len(part)] == part for part in gone):
                continue
            part = _leave_out(partial, loc)
            if part is None:
                return partial
            gone.append(part)
        try:
            partial.validated = OkrSetIn.model_validate(current.data)
        except ValidationError as again:
            error = again
            continue
        return partial
    return partial


def _order(loc: Path) -> list[tuple[int, int, str]]:
    return [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in loc]


def _leave_out(partial: Partial, loc: Path) -> Path | None:
    """Leave out (or fill in) the smallest part around `loc` the set can do without -> its
    path; None when the set cannot do without any."""
    document = partial.document
    for cut in range(len(loc), 0, -1):
        path, container = loc[:cut], _at(document.data, loc[: cut - 1])
        name = path[-1]
        if isinstance(name, int):
            owner = path[-2] if len(path) > 1 else None
            if isinstance(owner, str) and owner in _ITEMS and isinstance(container, list):
                if name < len(container):
                    _explain(partial, path)
                    _drop_item(document, path[:-1], name)
                return path
            continue
        if not isinstance(container, dict):
            continue
        if name == "title" and (name not in container or _is_item(path[:-1])):
            container[name] = _default_id(path, container)  # shown under its id
            return path
        if name not in container:
            continue
        model = _MODELS_AT_DEPTH.get(_list_name(path[:-1]), OkrSetIn)
        known = model.model_fields.get(name)
        if known is None:
            # `tagret` is the writer's `target`: what a missing `target` causes is explained.
            meant = meant_field(str(name), list(model.model_fields))
            if meant:
                _explain(partial, (*path[:-1], meant[0]))
        if known is None or not known.is_required():
            _explain(partial, path)
            del container[name]
            return path
    return None


def _is_item(path: Path) -> bool:
    return (
        len(path) >= 2 and isinstance(path[-1], int) and path[-2] in ("objectives", "key_results")
    )


def _at(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _list_name(path: Path) -> str:
    names = [part for part in path if isinstance(part, str) and part in _MODELS_AT_DEPTH]
    return names[-1] if names else ""


def _default_id(path: Path, item_data: dict[str, Any]) -> str:
    """`('objectives', 1, 'title')` -> the objective's id, or O2 when it has none."""
    given = item_data.get("id")
    if isinstance(given, str) and ID.fullmatch(given):
        return given
    item = path[:-1]
    kind, index = item[-2], item[-1]
    if isinstance(kind, str) and isinstance(index, int):
        return f"{_ITEMS.get(kind, '')}{index + 1}"
    return "-"


def _explain(partial: Partial, path: Path) -> None:
    names = [part for part in path if isinstance(part, str)]
    consequence = _CONSEQUENCES.get(names[-1]) if names else None
    if consequence is None:
        return
    code, depth, then = consequence
    if len(path) >= depth:
        partial.explained.add((code, partial.document.position((*path[:depth], *then))))


def _drop_item(document: Document, list_path: Path, index: int) -> None:
    """Remove item `index` of the list at `list_path`; the positions of the items after it move
    up one index with it, so each value keeps its place in the file."""
    items = _at(document.data, list_path)
    del items[index]
    document.value_positions = _shifted(document.value_positions, list_path, index)
    document.key_positions = _shifted(document.key_positions, list_path, index)


def _shifted(positions: dict[Path, Position], list_path: Path, index: int) -> dict[Path, Position]:
    size = len(list_path)
    moved: dict[Path, Position] = {}
    for path, position in positions.items():
        if len(path) > size and path[:size] == list_path and isinstance(path[size], int):
            at = path[size]
            assert isinstance(at, int)
            if at == index:
                continue
            if at > index:
                path = (*list_path, at - 1, *path[size + 1 :])
        moved[path] = position
    return moved
