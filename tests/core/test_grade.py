"""core.grade: `okr score` writes a key result's `score:` and nothing else, or refuses."""

from __future__ import annotations

import pytest

from mkdocs_okr.core.grade import parse_score_request, set_scores
from mkdocs_okr.core.load import load_text
from mkdocs_okr.core.settings import Settings

from .test_checkin import BLOCK, FLOW


def score(text: str, *given: str) -> str:
    requests = [parse_score_request(one) for one in given]
    assert all(requests)
    result = set_scores(text, "a.md", Settings(), [r for r in requests if r is not None])
    assert result.problems == []
    assert result.text is not None
    return result.text


def refused(text: str, *given: str) -> list[tuple[str, str]]:
    requests = [r for r in (parse_score_request(one) for one in given) if r is not None]
    result = set_scores(text, "a.md", Settings(), requests)
    assert result.text is None
    return [(p.code, p.message) for p in result.problems]


def scores_of(text: str) -> list[float | None]:
    loaded = load_text(text.encode(), "a.md", Settings(), Settings().calendar())
    assert loaded.okr_set is not None
    return [kr.score for o in loaded.okr_set.objectives for kr in o.key_results]


def test_a_block_key_result_gets_one_line_at_its_end() -> None:
    after = score(FLOW, "O1/KR2=0.7")
    old = FLOW.split("\n")
    assert after.split("\n") == [*old[:21], "        score: 0.7", *old[21:]]
    assert scores_of(after)[1] == 0.7


def test_an_existing_score_is_replaced_in_place_and_a_percentage_is_a_share() -> None:
    once = score(FLOW, "O1/KR1 = 40%")
    twice = score(once, "O1/KR1=０.６ # 差一点")
    assert twice == once.replace("score: 0.4", "score: 0.6")
    assert scores_of(twice)[0] == 0.6


def test_a_flow_key_result_and_block_ones_keep_their_comments() -> None:
    after = score(BLOCK, "O1/KR2=1", "O1/KR1=0.5")
    assert "      - {title: CPC, start: 1.5, target: 1, score: 1}" in after
    assert "        # the next one goes below\n" in after
    assert scores_of(after)[:2] == [0.5, 1]


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("O1/KR1=1.2", "score-out-of-range"),
        ("O1/KR1=120%", "score-out-of-range"),
        ("O1/KR1=7", "score-out-of-range"),
        ("O1/KR1=good", "score-not-a-number"),
        ("O1/KR9=0.5", "checkin-unknown-key-result"),
    ],
)
def test_refusals(given: str, code: str) -> None:
    assert [found for found, _message in refused(FLOW, given)] == [code]


def test_one_refusal_refuses_every_score() -> None:
    problems = refused(FLOW, "O1/KR1=0.5", "O1/KR2=1.5")
    assert problems == [
        ("score-out-of-range", "O1/KR2: the score 1.5 is outside 0 to 1 (0 % to 100 %).")
    ]
