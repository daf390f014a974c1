"""Fixtures for the `okr` command's tests: OKR folders, and a way to run it in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_okr.cli import main

from .okr_cli_support import BRAND, BROKEN, COMPANY, UNALIGNED, Result, Run, write


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    """A folder without a single diagnostic."""
    folder = tmp_path / "okrs"
    write(folder, "company/2024.md", COMPANY)
    write(folder, "brand/2024-Q1.md", BRAND)
    return folder


@pytest.fixture
def warned(clean: Path) -> Path:
    """A folder with one warning and no error."""
    write(clean, "social-media/2024-Q1.md", UNALIGNED)
    return clean


@pytest.fixture
def broken(warned: Path) -> Path:
    """A folder with one error and one warning."""
    write(warned, "ads/2024-Q1.md", BROKEN)
    return warned


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run `okr ARGS...` in this process; its exit code and what it printed.

    It starts in an empty folder, so the repository's own mkdocs.yml is never read.
    """
    start = tmp_path / "cwd"
    start.mkdir()
    monkeypatch.chdir(start)
    monkeypatch.delenv("OKR_LANG", raising=False)  # the reader's choice must not leak in

    def runner(*args: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return runner
