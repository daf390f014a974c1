"""core.retrospective: one rule for the section the site shows and `okr carry` leaves out."""

from __future__ import annotations

import pytest

from mkdocs_okr.core.carry import carry
from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.retrospective import retrospective, split_retrospective, without_retrospective
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.render import body as site_body

from .test_carry import COMPANY

# body -> (the section the site shows, the body `okr carry` keeps)
CASES = {
    "exact title": ("背景\n\n## 复盘\n\n做得好的。", "做得好的。", "背景"),
    "a title that begins with a word": (
        "Context.\n\n## Review of Q1\n\nLessons.",
        "Lessons.",
        "Context.",
    ),
    "any case, closing hashes": (
        "Context.\n\n### RETROSPECTIVE ###\n\nLessons.",
        "Lessons.",
        "Context.",
    ),
    "underlined heading": ("Context.\n\n回顾\n----\n\nLessons.", "Lessons.", "Context."),
    "subsections stay inside, a heading of the same level ends it": (
        "Context.\n\n## 复盘\n\n### 做得好的\n\nA.\n\n## Links\n\nB.",
        "### 做得好的\n\nA.",
        "Context.\n\n## Links\n\nB.",
    ),
    "a heading in a code block does not count": (
        "背景\n\n```\n## 复盘 in code\n```\n\n## Retrospective\n\nold",
        "old",
        "背景\n\n```\n## 复盘 in code\n```",
    ),
    "a heading in a quote does not count": (
        "> ## Review\n> quoted\n\nText.",
        None,
        "> ## Review\n> quoted\n\nText.",
    ),
    "a word in the text is not a heading": (
        "We review every Friday.",
        None,
        "We review every Friday.",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_section_and_what_is_left(name: str) -> None:
    body, section, kept = CASES[name]
    assert retrospective(body) == section
    assert without_retrospective(body) == kept


@pytest.mark.parametrize("name", list(CASES))
def test_the_site_shows_what_carry_leaves_out(name: str) -> None:
    body, section, kept = CASES[name]
    assert site_body.retrospective(body) == retrospective(body)
    organisation = analyse([("2024/company.md", (COMPANY + body).encode())], Settings())
    new_cycle = Settings().calendar().get("2025")
    assert new_cycle is not None
    result = carry(organisation, "2024", new_cycle)
    assert result.problems == []
    ((_path, draft),) = result.files
    if section is not None:
        assert section not in draft
    assert kept in draft


def test_an_empty_section_is_no_retrospective_but_is_still_left_out() -> None:
    body = "Context.\n\n## Retrospective\n\n## Next\n\nB."
    parts = split_retrospective(body)
    assert parts is not None and parts.section == ""
    assert retrospective(body) is None
    assert without_retrospective(body) == "Context.\n\n## Next\n\nB."
