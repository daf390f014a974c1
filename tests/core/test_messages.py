"""Every message key has a text in every language, and the texts of a key take the same
arguments (a Chinese text that forgot `{value}` would print a message without the value).
Every registered code has its texts, and no diagnostic is made from a plain string."""

from __future__ import annotations

import pytest

from mkdocs_okr.core import messages
from mkdocs_okr.core.diagnostics import CODES, Diagnostic, Severity, format_text, make
from mkdocs_okr.core.messages import (
    COMMAND,
    ISSUE,
    LANGUAGES,
    MESSAGES,
    PART,
    Text,
    language_of,
    placeholders,
)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_a_text_in_every_language_with_the_same_arguments(key: str) -> None:
    texts = MESSAGES[key]
    assert set(texts) == set(LANGUAGES), key
    assert all(text.strip() for text in texts.values()), key
    assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1, key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_belongs_to_a_code(key: str) -> None:
    assert key.split(".")[0] in {*CODES, PART, COMMAND, ISSUE}, key


def test_every_code_has_its_texts_in_every_language() -> None:
    """Lists every code without a text, so whoever adds a code sees what to write."""
    missing = [
        f"{code}: no {language} text"
        for code in CODES
        for language in LANGUAGES
        if not any(
            key.split(".")[0] == code and MESSAGES[key].get(language, "").strip()
            for key in MESSAGES
        )
    ]
    assert missing == []


def test_a_text_missing_in_one_language_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MESSAGES, "task-like", {"en": "{kr} '{word}'"})
    with pytest.raises(AssertionError, match="task-like: no zh text"):
        test_every_code_has_its_texts_in_every_language()


@pytest.mark.parametrize(
    ("asked", "language"),
    [("zh", "zh"), ("zh-Hans", "zh"), ("zh_TW", "zh"), ("en", "en"), ("fr", "en"), (None, "en")],
)
def test_language_of(asked: str | None, language: str) -> None:
    assert language_of(asked) == language


def test_a_diagnostic_is_shown_in_the_language_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(
        MESSAGES, "task-like", {"en": "'{title}' reads like a task", "zh": "“{title}”像日常任务"}
    )
    diagnostic = make("task-like", "a.md", 3, 5, messages.text("task-like", title="每天发帖"))
    assert diagnostic.message == "'每天发帖' reads like a task"
    assert diagnostic.message_in("zh") == "“每天发帖”像日常任务"
    assert format_text(diagnostic, "okrs/a.md", "zh") == (
        "okrs/a.md:3:5: warning: “每天发帖”像日常任务 [task-like]"
    )
    stored = Diagnostic.from_stored(diagnostic.stored())
    assert stored == diagnostic
    assert stored.message_in("zh") == diagnostic.message_in("zh")


def test_a_plain_string_is_no_diagnostic() -> None:
    with pytest.raises(TypeError, match=r"messages\.text"):
        make("yaml-syntax", "a.md", 1, 1, "as written")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"messages\.text"):
        Diagnostic(Severity.ERROR, "yaml-syntax", "a.md", 1, 1, "as written")  # type: ignore[arg-type]


def test_a_piece_is_shown_in_the_language_of_its_message() -> None:
    level = messages.text("part.level.team")
    diagnostic = make("parent-missing", "a.md", 1, 1, messages.text("parent-missing", level=level))
    assert diagnostic.message.startswith("A team OKR set needs a `parent`")
    assert diagnostic.message_in("zh").startswith("团队的 OKR 需要写 `parent`")
    stored = Diagnostic.from_stored(diagnostic.stored())
    assert stored == diagnostic
    assert stored.message_in("zh") == diagnostic.message_in("zh")


def test_an_unknown_key_is_refused() -> None:
    with pytest.raises(KeyError):
        messages.text("task-like.nothing-of-that-name")
    assert isinstance(messages.text("task-like", kr="O1/KR1", word="x"), Text)
