"""`okr remind`: who is due this week, in the site's language, with links and @mentions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .okr_cli_support import Run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The example organisation with its mkdocs.yml; social-media names a GitHub handle."""
    root = tmp_path / "site"
    shutil.copytree(ROOT / "okrs", root / "okrs")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    path = root / "okrs/2026-Q4/influencer.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nlevel:", "\ngithub: [ajie-kol, Team-2]\nlevel:", 1), "utf-8")
    return root


def test_stale_sets_and_key_results_behind(run: Run, example: Path) -> None:
    output = example / "remind.md"
    config = example / "mkdocs.yml"
    result = run("remind", "--output", output, "--today", "2026-11-27", "--config", config)
    assert result.code == 0, result.err
    text = output.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "## OKR 进展提醒（2026-11-27）"
    stale = lines[lines.index("超过 14 天没有更新进展的 OKR 集：") + 2]
    assert stale.startswith("- **红人专员 阿杰**（2026-Q4/influencer） @ajie-kol @Team-2 · ")
    assert "[填写本周进展](https://github.com/example/mkdocs-okr/issues/new?template=" in stale
    assert stale.endswith(" · 最近一次更新 2026-10-23")
    assert "    - O1/KR1 美国站整体 ACoS 从 30% 降到 22%：进度 44%，按时间应到 63%" in lines
    # A set checked in last week with every key result on pace is not named; one whose key
    # result is behind is, among the key results behind and not among the stale sets.
    assert "2026-Q4/finance" not in text
    assert text.index("（2026-Q4/social-media）") > text.index("落后于进度的关键结果：")


def test_english_and_nothing_due(run: Run, example: Path) -> None:
    config = example / "mkdocs.yml"
    result = run("remind", "--today", "2026-11-27", "--config", config, "--lang", "en")
    assert result.out.startswith("## OKR check-in reminder (2026-11-27)\n")
    assert "OKR sets with no check-in for more than 14 days:" in result.out
    output = example / "remind.md"
    # No cycle of the example runs in 2030: an empty file, which closes the reminder issue.
    result = run("remind", "-o", output, "--today", "2030-01-10", "--config", config)
    assert result.code == 0
    assert output.read_bytes() == b""


def test_names_from_files_cannot_mention_or_inject(run: Run, example: Path) -> None:
    path = example / "okrs/2026-Q4/influencer.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("name: 红人专员 阿杰", 'name: "<b>阿杰</b> @everyone [x](javascript:1)"'),
        encoding="utf-8",
    )
    result = run("remind", "--today", "2026-11-27", "--config", example / "mkdocs.yml")
    assert "<b>" not in result.out and "@everyone" not in result.out
    assert "&lt;b&gt;阿杰&lt;/b&gt; @\u200beveryone \\[x\\]\\(javascript:1\\)" in result.out


def test_a_handle_that_is_not_one_is_an_error(run: Run, example: Path) -> None:
    path = example / "okrs/2026-Q4/influencer.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("github: [ajie-kol, Team-2]", "github: ['@all x']"), "utf-8")
    result = run("check", example / "okrs", "--config", example / "mkdocs.yml")
    assert result.code == 1
    assert "influencer.md" in result.out
