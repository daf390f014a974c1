"""`okr score`: a key result's grade (`score:`, 0 to 1) written into its file as text.

The same care as `okr checkin` (core/checkin.py): the file's comments, quoting and key order
stay; only the `score:` value changes, or one `score:` line is added to the key result. The
edited text is read back with the checker's reader and must hold exactly the old values plus
the new scores, or nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.nodes import ScalarNode

from . import messages
from .checkin import (
    EditResult,
    NotEditable,
    find_key_result,
    key_result_node,
    open_for_edit,
    reads_back_as,
    unknown_key_result,
)
from .diagnostics import Diagnostic, make
from .issueform import parse_score, split_line
from .model import KeyResult
from .refusals import not_editable, refusal
from .settings import Settings
from .yamltext import (
    FrontMatterText,
    TextEdit,
    front_matter_nodes,
    get,
    insert_in_flow,
    last_line,
    yaml_number,
)


@dataclass(frozen=True)
class ScoreRequest:
    """`O1/KR1=0.7` (or `70%`) as typed; the score as plain text."""

    objective: str
    key_result: str
    score_text: str

    @property
    def ref(self) -> str:
        return f"{self.objective}/{self.key_result}"


def parse_score_request(text: str) -> ScoreRequest | None:
    """A grade as the issue form's score lines write it (`O1/KR1 = 0.7 # note`), or None.

    A note is read but has no place in the file: the retrospective holds the words."""
    parts = split_line(text)
    if parts is None or not parts[2]:
        return None
    return ScoreRequest(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class _Planned:
    objective_index: int
    kr_index: int
    kr: KeyResult
    score: float


def set_scores(
    text: str, path: str, settings: Settings, requests: list[ScoreRequest]
) -> EditResult:
    """Set `score:` of each requested key result to its grade; refuse all or none."""
    opened = open_for_edit(text, path, settings)
    if isinstance(opened, Diagnostic):
        return EditResult(None, [opened])
    planned: list[_Planned] = []
    problems: list[Diagnostic] = []
    seen: set[str] = set()
    for request in requests:
        ref = request.ref
        if ref in seen:
            problems.append(refusal("checkin-given-twice", path, ref=ref))
            continue
        seen.add(ref)
        found = find_key_result(opened.okr_set, request.objective, request.key_result)
        if found is None:
            problems.append(unknown_key_result(opened.okr_set, path, ref))
            continue
        o_index, k_index, kr = found
        score, code = parse_score(request.score_text)
        if score is None:
            where = kr.position
            code = code if code == "score-out-of-range" else "score-not-a-number"
            text_of = messages.text(code, ref=ref, text=request.score_text)
            problems.append(make(code, path, where[0], where[1], text_of))
            continue
        planned.append(_Planned(o_index, k_index, kr, score))
    if problems:
        return EditResult(None, problems)
    edited = opened.text
    for one in planned:
        try:
            found_text = front_matter_nodes(edited)
            if isinstance(found_text, str):
                raise NotEditable(found_text)
            edited = found_text.apply([_score_edit(found_text, one)])
        except NotEditable as refused:
            why = not_editable(refused.reason, **refused.values)
            return EditResult(
                None,
                [
                    refusal(
                        "checkin-not-editable",
                        path,
                        one.kr.position,
                        path=path,
                        ref=one.kr.id,
                        why=why,
                    )
                ],
            )

    def change(expected: dict[str, Any]) -> None:
        for one in planned:
            kr = expected["objectives"][one.objective_index]["key_results"][one.kr_index]
            kr["score"] = one.score

    if not reads_back_as(opened.text, edited, opened.loaded, change, settings):
        return EditResult(None, [refusal("checkin-read-back", path, path=path)])
    return EditResult(opened.bom + edited, [])


def _score_edit(found: FrontMatterText, one: _Planned) -> TextEdit:
    """The edit that sets the key result's `score:`: its value replaced, or a line added."""
    kr = key_result_node(found, one.objective_index, one.kr_index)
    written = yaml_number(one.score)
    pair = get(kr, "score")
    if pair is not None:
        node = pair[1]
        if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
            raise NotEditable("value-not-one-line", key="score")
        start, end = found.offset(node.start_mark), found.offset(node.end_mark)
        return TextEdit(start, end - start, written)
    if getattr(kr, "flow_style", False):
        close = found.offset(kr.end_mark) - 1
        if found.yaml[close] != "}":
            raise NotEditable("key-result-unclosed")
        return insert_in_flow(found.yaml, close, f"score: {written}")
    at = found.line_offset(last_line(kr, found.yaml_lines) + 1)
    return TextEdit(at, 0, " " * kr.start_mark.column + f"score: {written}" + found.newline)
