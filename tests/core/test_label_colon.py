"""A label and its value are joined by the language's own colon: "Source: okrs/..." on an
English site, "源文件：okrs/..." (full width, no space) on a Chinese one. The separator is one
label of the site (`label_colon` in render/i18n.py), used by every page and by `okr diff`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mkdocs_okr.core.organisation import analyse
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.okrfolder import read_folder
from mkdocs_okr.render import RenderOptions, render_pages
from mkdocs_okr.render.i18n import LABELS
from mkdocs_okr.render.pr_summary import DiffRenderer

EXAMPLE = Path(__file__).resolve().parents[2] / "okrs"
# The labels the pages show before a value, and the one the reason's bold label ends with.
JOINED = ["last_checkin", "expected", "tree_inner", "milestone", "source"]


def example_pages(language: str) -> str:
    organisation = analyse(read_folder(EXAMPLE), Settings())
    options = RenderOptions(today=dt.date(2026, 11, 20), language=language)
    return "\n".join(page.markdown for page in render_pages(organisation, options))


def test_chinese_pages_join_a_label_and_its_value_with_a_full_width_colon() -> None:
    text = example_pages("zh")
    for key in [*JOINED, "reason"]:
        label = LABELS["zh"][key]
        assert f"{label}:" not in text and f"{label}</strong>:" not in text, label
    for key in JOINED:
        assert f"{LABELS['zh'][key]}：" in text, key
    assert f"<strong>{LABELS['zh']['reason']}</strong>：" in text


def test_english_pages_keep_a_colon_and_a_space() -> None:
    text = example_pages("en")
    for key in JOINED:
        assert f"{LABELS['en'][key]}: " in text, key
    assert f"<strong>{LABELS['en']['reason']}</strong>: " in text


@pytest.mark.parametrize(("language", "colon"), [("zh", "："), ("en", ": ")])
def test_the_review_summary_uses_the_same_separator(language: str, colon: str) -> None:
    assert DiffRenderer(language).colon == LABELS[language]["label_colon"] == colon
