"""What a user meets on a first run of `okr`: a CSV that opens in Excel, plain words for a
wrong path, and a result cache that stays out of commits."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_okr.cli import main

from .okr_cli_support import COMPANY, Run, write

BOM = b"\xef\xbb\xbf"


def test_a_csv_file_starts_with_a_byte_order_mark(run: Run, clean: Path, tmp_path: Path) -> None:
    target = tmp_path / "okrs.csv"
    assert run("export", clean, "--format", "csv", "-o", target).code == 0
    raw = target.read_bytes()
    # Excel and WPS take a CSV for UTF-8 only with the mark; without it, Chinese is garbled.
    assert raw.startswith(BOM)
    assert not raw.startswith(BOM * 2)
    assert b"\r" not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["cycle"] == "2024"
    assert rows[1]["kr_title"] == "1月31日前 Instagram 增长 10000 个目标国家粉丝"


def test_a_csv_sent_to_a_file_by_the_shell_has_the_mark_too(run: Run, clean: Path) -> None:
    # `okr export --format csv > okrs.csv`: standard output is not a terminal.
    out = run("export", clean, "--format", "csv").out
    assert out.startswith("\ufeffcycle,owner,")


def test_a_csv_on_a_terminal_has_no_mark(
    run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run("export", clean, "--format", "csv").out.startswith("cycle,owner,")


def test_json_never_has_the_mark(run: Run, clean: Path, tmp_path: Path) -> None:
    target = tmp_path / "okrs.json"
    assert run("export", clean, "-o", target).code == 0
    assert target.read_bytes().startswith(b"{")
    assert run("export", clean).out.startswith("{")


def test_checkin_on_a_folder_says_so_in_plain_words(run: Run, clean: Path) -> None:
    result = run("checkin", clean, "O1/KR1=1")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(
        f"okr: error: '{clean}' is a folder; give the path of one OKR file"
    )
    assert "Errno" not in result.err
    assert result.err.count("\n") == 1


def test_checkin_on_a_missing_file_says_so_in_plain_words(run: Run, clean: Path) -> None:
    missing = clean / "brand" / "2024-Q2.md"
    result = run("checkin", missing, "O1/KR1=1")
    assert result.code == 2
    assert result.err == f"okr: error: the file '{missing}' does not exist.\n"
    assert not missing.exists()


def test_the_result_cache_stays_out_of_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "site"
    write(project / "okrs", "company/2024.md", COMPANY)
    (project / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - okr\n", encoding="utf-8")

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=project, capture_output=True, text=True, check=True
        ).stdout

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "OKRs")
    monkeypatch.chdir(project)
    assert main(["check"]) == 0
    assert (project / ".cache" / "okr" / "check.json").is_file()
    assert (project / ".cache" / "okr" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    assert git("status", "--porcelain", "--untracked-files=all") == ""
