"""The language of what `okr` prints: `--lang`, else OKR_LANG, else `theme.language` of
mkdocs.yml; English otherwise. Diagnostics, the summary, annotations, JSON and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .okr_cli_support import Run, write

ZH_LINE = "error: `level` 只能是 company, team, individual 其中之一，不能是文字“teem”"
EN_LINE = "error: `level` must be one of company, team, individual; the text 'teem' is not."
ZH_SUMMARY = "4 个文件，3 份 OKR：1 个错误，1 个警告。"
EN_SUMMARY = "4 files, 3 OKR sets: 1 errors, 1 warnings."


def site(tmp_path: Path, language: str) -> Path:
    return write(tmp_path, "mkdocs.yml", f"site_name: x\ntheme:\n  language: {language}\n")


def assert_chinese(lines: list[str]) -> None:
    assert any(ZH_LINE in line for line in lines), lines
    assert lines[-1] == ZH_SUMMARY


def assert_english(lines: list[str]) -> None:
    assert any(EN_LINE in line for line in lines), lines
    assert lines[-1] == EN_SUMMARY


def test_english_by_default(run: Run, broken: Path) -> None:
    assert_english(run("check", broken).lines)


def test_lang_zh(run: Run, broken: Path) -> None:
    assert_chinese(run("--lang", "zh", "check", broken).lines)


def test_okr_lang_variable(run: Run, broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OKR_LANG", "zh_CN")
    assert_chinese(run("check", broken).lines)


def test_theme_language_of_the_site(run: Run, broken: Path, tmp_path: Path) -> None:
    assert_chinese(run("check", broken, "--config", site(tmp_path, "zh")).lines)


def test_lang_en_wins_over_a_chinese_site(
    run: Run, broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = site(tmp_path, "zh")
    assert_english(run("--lang", "en", "check", broken, "--config", config).lines)
    monkeypatch.setenv("OKR_LANG", "en")
    assert_english(run("check", broken, "--config", config).lines)


def test_another_language_falls_back_to_english(
    run: Run, broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_english(run("check", broken, "--config", site(tmp_path, "fr")).lines)
    monkeypatch.setenv("OKR_LANG", "de")
    assert_english(run("check", broken).lines)


def test_github_annotations_and_json_speak_the_language(run: Run, broken: Path) -> None:
    lines = run("--lang", "zh", "check", broken, "--format", "github").lines
    (annotation,) = [line for line in lines if line.startswith("::error ")]
    assert "::`level` 只能是 company, team, individual 其中之一" in annotation
    report = json.loads(run("--lang", "zh", "check", broken, "--format", "json").out)
    messages = [d["message"] for d in report["diagnostics"]]
    assert any(message.startswith("`level` 只能是") for message in messages), messages


def test_a_cached_result_shows_in_the_language_asked(
    run: Run, broken: Path, tmp_path: Path
) -> None:
    config = site(tmp_path, "en")
    assert_english(run("check", broken, "--config", config).lines)
    assert (tmp_path / ".cache" / "okr").is_dir()
    assert_chinese(run("--lang", "zh", "check", broken, "--config", config).lines)


def test_refusals_speak_the_language(run: Run, clean: Path, broken: Path) -> None:
    brand = clean / "brand" / "2024-Q1.md"
    result = run("--lang", "zh", "checkin", brand, "O1/KR9=1", "--date", "2024-01-12")
    assert result.code == 1
    assert "没有关键结果 O1/KR9" in result.err
    assert "没有改动。" in result.err
    result = run("--lang", "zh", "checkin", broken / "ads" / "2024-Q1.md", "O1/KR1=3")
    assert "无法作为 OKR 文件读取（第 4 行：`level` 只能是" in result.err
    result = run("--lang", "zh", "new", "--cycle", "2024-Q5", "--owner", "x", "--level", "team")
    assert "“2024-Q5”不是一个周期" in result.err
    result = run("--lang", "zh", "carry", "2024-Q1", "2024-Q1", "--dir", clean)
    assert "旧周期和新周期是同一个。" in result.err
    result = run("--lang", "zh", "checkin", brand, "O1-KR1=1")
    assert "“O1-KR1=1”不是 目标/关键结果=数值" in result.err
    result = run("--lang", "zh", "score", brand, "O1-KR1=0.7")
    assert "“O1-KR1=0.7”不是 目标/关键结果=评分" in result.err


def test_a_subcommand_lang_still_works(run: Run, tmp_path: Path) -> None:
    result = run("new", "--cycle", "2024-Q5", "--owner", "x", "--level", "team", "--lang", "zh")
    assert "“2024-Q5”不是一个周期" in result.err
