"""core.refusals: every refusal of `okr new`, `carry` and `checkin` is a registered code."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from mkdocs_okr.core import checkin as checkin_module
from mkdocs_okr.core.carry import carry
from mkdocs_okr.core.checkin import add_checkins
from mkdocs_okr.core.diagnostics import CODES, Severity
from mkdocs_okr.core.newset import new_set_problems
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.refusals import refusal
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.core.texts import review
from mkdocs_okr.core.texts.refusals import TEXTS as REFUSAL_TEXTS

from .test_carry import COMPANY
from .test_checkin import DAY, FLOW, ask

COMMANDS = ("new-", "carry-", "checkin-")
# Codes of the checker that share a command's prefix but are found in files.
FOUND_IN_FILES = {"checkin-outside-cycle", "checkin-order", "checkin-value-type"}
# The refusals' own texts (a key with a dot is a piece of one, such as a reason).
TEXTS = {key for key in REFUSAL_TEXTS if "." not in key}
NOT_EDITABLE = "checkin-not-editable."
# What `okr carry` tells about the drafts it writes: notes, not refusals (core/texts/review.py).
CARRY_NOTES = {key.split(".")[0] for key in review.TEXTS if key.startswith("carry-")}


def test_every_refusal_text_has_a_code_and_every_command_code_a_text() -> None:
    assert set(TEXTS) <= set(CODES)
    commands = {c for c in CODES if c.startswith(COMMANDS)} - FOUND_IN_FILES - CARRY_NOTES
    assert commands == set(TEXTS)
    assert {"carry-done-left-out", "carry-date-outside-cycle"} == CARRY_NOTES
    assert all(CODES[code][0] is not Severity.ERROR for code in CARRY_NOTES)
    assert all(CODES[code][0] is Severity.ERROR for code in TEXTS)
    pieces = {key.split(".")[0] for key in REFUSAL_TEXTS if "." in key}
    assert pieces <= TEXTS


def test_a_refusal_quotes_its_values_and_names_its_place() -> None:
    made = refusal("checkin-dropped", "okrs/a.md", (12, 9), ref="O1/KR2")
    assert (made.code, made.path, made.line, made.column) == ("checkin-dropped", "okrs/a.md", 12, 9)
    assert made.message == "O1/KR2 is dropped; it takes no more check-ins."
    # A quoted value with braces is text, not a place holder.
    assert refusal("checkin-given-twice", ref="{x}").message == "{x} is given twice."
    assert made.message_in("zh") == "O1/KR2 已放弃，不能再更新进度。"


def test_reasons_quote_only_what_they_are_given() -> None:
    reasons = {key: texts for key, texts in REFUSAL_TEXTS.items() if key.startswith(NOT_EDITABLE)}
    assert len(reasons) == 10
    for reason, texts in reasons.items():
        for text in texts.values():
            fields = {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name}
            assert fields <= {"key"}, reason


def test_every_refusal_is_made_by_its_command(monkeypatch: pytest.MonkeyPatch) -> None:
    calendar = Settings().calendar()
    made = [*new_set_problems("2024-Q5", "Brand", "team", None, ["brand"], calendar)]
    made += new_set_problems("2024", "company", "company", "x", [], calendar)

    dropped = COMPANY.replace("target: 1000}", "target: 1000, status: dropped, reason: 变了}")
    q2 = calendar.get("2024-Q2")
    assert q2 is not None
    organisation = analyse([("2024/company.md", dropped.encode())], Settings())
    made += carry(organisation, "2024-Q1", q2).problems
    made += carry(organisation, "2024", q2, ["ghost"]).problems
    made += carry(organisation, "2024", q2).problems

    def refused(text: str, *given: str, day: dt.date = DAY, note: str | None = None) -> None:
        result = add_checkins(text, "a.md", Settings(), ask(*given), day, note)
        assert result.text is None
        made.extend(result.problems)

    refused("---\ncycle: 2024-Q1\n", "O1/KR1=1")
    refused(FLOW.replace("Body.\n", "Body.\rOld Mac.\n"), "O1/KR1=1")
    refused(FLOW, "O1/KR1=5", "O1/KR1=6", "O1/KR9=1", day=dt.date(2024, 1, 5))
    refused(FLOW, "O1/KR1=true", "O1/KR2=6,50", note="x" * 2001)
    refused(
        FLOW.replace(
            "        title: 退货率\n", "        done: false\n        title: 退货率\n"
        ).replace("        target: 5\n        start: 8\n", ""),
        "O1/KR2=1",
    )
    refused(
        FLOW.replace(
            "        title: 退货率\n",
            "        title: 退货率\n        status: dropped\n        reason: 变了\n",
        ),
        "O1/KR2=1",
        day=dt.date(2024, 4, 1),
    )
    monkeypatch.setattr(checkin_module, "front_matter_nodes", lambda text: "unparsable")
    refused(FLOW, "O1/KR1=6500")
    monkeypatch.undo()
    monkeypatch.setattr(checkin_module, "_reads_back_as_intended", lambda *args: False)
    refused(FLOW, "O1/KR1=6500")

    assert {problem.code for problem in made} == set(TEXTS)
    assert all(problem.code in CODES for problem in made)
