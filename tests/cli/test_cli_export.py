"""`okr export`, and the installed command run as a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_okr import __version__

from .okr_cli_support import FISCAL, MKDOCS_YML, Run, write


def test_export_json_to_stdout(run: Run, clean: Path) -> None:
    result = run("export", clean)
    assert result.code == 0
    assert result.err == ""
    data = json.loads(result.out)
    assert [s["ref"] for s in data["sets"]] == ["2024/company", "2024-Q1/brand"]
    company, brand = data["sets"]
    assert company["score"] == 0.4  # 400 of 1000
    assert brand["score"] == 0.6  # latest check-in: 6000 of 10000
    assert brand["objectives"][0]["aligns"] == ["2024/company/O1/KR1"]
    assert company["objectives"][0]["key_results"][0]["supported_by"] == ["2024-Q1/brand/O1"]
    assert data["diagnostics"] == []


def test_export_json_is_the_default_and_stable(run: Run, clean: Path) -> None:
    first = run("export", clean, "--format", "json").out
    assert run("export", clean).out == first
    assert run("export", clean, "--format", "json").out == first


def test_export_csv(run: Run, clean: Path) -> None:
    result = run("export", clean, "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["kr_ref"], r["progress"], r["aligns"]) for r in rows] == [
        ("2024/company/O1/KR1", "0.4", ""),
        ("2024-Q1/brand/O1/KR1", "0.6", "2024/company/O1/KR1"),
    ]
    assert rows[1]["kr_title"] == "1月31日前 Instagram 增长 10000 个目标国家粉丝"


@pytest.mark.parametrize("output", ["json", "csv"])
@pytest.mark.parametrize("option", ["-o", "--output"])
def test_export_to_a_file(run: Run, clean: Path, tmp_path: Path, output: str, option: str) -> None:
    to_stdout = run("export", clean, "--format", output).out
    target = tmp_path / f"okrs.{output}"
    result = run("export", clean, "--format", output, option, target)
    assert result.code == 0
    assert result.out == ""
    assert target.read_bytes() == to_stdout.encode("utf-8")


def test_export_exits_one_on_errors_and_still_exports(run: Run, broken: Path) -> None:
    result = run("export", broken)
    assert result.code == 1
    data = json.loads(result.out)
    assert [d["code"] for d in data["diagnostics"]] == ["invalid-value", "unaligned"]
    assert len(data["sets"]) == 3  # the good files are all there


def test_export_reads_mkdocs_yml(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write(tmp_path / "goals", "company.md", FISCAL)
    monkeypatch.chdir(tmp_path)
    result = run("export")
    assert result.code == 0, result.err
    (record,) = json.loads(result.out)["sets"]
    assert (record["cycle"], record["cycle_start"], record["cycle_end"]) == (
        "FY24",
        "2024-04-01",
        "2025-03-31",
    )


def test_export_of_a_missing_folder_exits_two(run: Run) -> None:
    result = run("export", "nope")
    assert result.code == 2
    assert result.out == ""
    assert "the OKR folder 'nope' does not exist" in result.err


def test_version(run: Run) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("--version")
    assert exit_info.value.code == 0


# --- the real command ---------------------------------------------------------------------


def okr_command() -> list[str]:
    """The console script installed beside this Python, as `make test` installs it."""
    script = Path(sys.executable).parent / ("okr.exe" if os.name == "nt" else "okr")
    assert script.is_file(), f"{script} is missing: is the package installed?"
    return [str(script)]


def test_console_script(broken: Path) -> None:
    process = subprocess.run(
        [*okr_command(), "check", str(broken)],
        capture_output=True,
        cwd=broken.parent,
        check=False,
    )
    assert process.returncode == 1
    lines = process.stdout.decode("utf-8").splitlines()
    assert lines[0].startswith(f"{broken.as_posix()}/ads/2024-Q1.md:4:8: error: ")
    assert lines[-1] == "4 files, 3 OKR sets: 1 errors, 1 warnings."
    version = subprocess.run(
        [*okr_command(), "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0
    assert version.stdout.strip() == f"mkdocs-okr {__version__}"


def test_module_entry_point_writes_utf8_to_a_pipe(clean: Path) -> None:
    # A pipe on Windows has the locale's code page; ascii stands in for it here.
    environment = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs_okr.cli", "export", str(clean)],
        capture_output=True,
        cwd=clean.parent,
        env=environment,
        check=False,
    )
    assert process.returncode == 0, process.stderr.decode("utf-8", "replace")
    data = json.loads(process.stdout.decode("utf-8"))
    assert data["sets"][0]["name"] == "3C 电子公司"
