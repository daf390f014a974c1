"""Every message key has a text in every language, and the texts of a key take the same
arguments (a Chinese text that forgot `{value}` would print a message without the value)."""

from __future__ import annotations

import pytest

from mkdocs_okr.core import messages
from mkdocs_okr.core.diagnostics import CODES, Diagnostic, Severity, format_text, make
from mkdocs_okr.core.messages import LANGUAGES, MESSAGES, Text, language_of, placeholders


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_a_text_in_every_language_with_the_same_arguments(key: str) -> None:
    texts = MESSAGES[key]
    assert set(texts) == set(LANGUAGES), key
    assert all(text.strip() for text in texts.values()), key
    assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1, key


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_belongs_to_a_code(key: str) -> None:
    assert key.split(".")[0] in CODES, key


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


def test_a_plain_text_is_shown_as_it_is() -> None:
    diagnostic = Diagnostic(Severity.ERROR, "yaml-syntax", "a.md", 1, 1, "as written")
    assert diagnostic.text == Text.plain("as written")
    assert diagnostic.message_in("zh") == "as written"
