"""`okr checkin --from-csv`: check-ins of many sets from one spreadsheet, all or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_okr import writefiles

from .okr_cli_support import Run


def csv_file(tmp_path: Path, text: str, bom: bool = True, crlf: bool = True) -> Path:
    data = text.replace("\n", "\r\n") if crlf else text
    path = tmp_path / "week.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + data.encode("utf-8"))
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.md")}


EXCEL = """关键结果,数值,日期,状态,备注
2024/company/O1/KR1,"４５０",2024-01-19,正常,"大促, 超预期"
2024-Q1/brand/O1/KR1,"7,600",2024/01/19,有风险,
2024-Q1/brand/O1/KR1,80%,2024-01-26,,第二周
"""


@pytest.mark.parametrize(("bom", "crlf"), [(True, True), (False, False)])
def test_excel_csv_checks_in_across_sets(
    run: Run, clean: Path, tmp_path: Path, bom: bool, crlf: bool
) -> None:
    result = run("checkin", "--from-csv", csv_file(tmp_path, EXCEL, bom, crlf), "--dir", clean)
    assert result.code == 0, result.err
    company = (clean / "company/2024.md").read_text(encoding="utf-8")
    brand = (clean / "brand/2024-Q1.md").read_text(encoding="utf-8")
    assert "        current: 450\n" in company
    assert "status: on-track" in company and '"大促, 超预期"' in company
    assert brand.endswith(
        "          - {date: 2024-01-12, value: 6000}\n"
        "          - {date: 2024-01-19, value: 7600, status: at-risk}\n"
        "          - {date: 2024-01-26, value: 8000, note: 第二周}\n---\n"
    )
    assert run("check", clean).code == 0


def test_one_bad_row_writes_nothing_and_names_its_line(
    run: Run, clean: Path, tmp_path: Path
) -> None:
    before = snapshot(clean)
    text = EXCEL + "2024-Q1/brand/O1/KR9,5,2024-01-30,,\n2024-Q1/nobody/O1/KR1,5,,,\nO1/KR1,5,,,\n"
    path = csv_file(tmp_path, text)
    result = run("checkin", "--from-csv", path, "--dir", clean)
    assert result.code == 1
    shown = path.as_posix()
    assert f"{shown}:5:0: error: brand/2024-Q1.md has no key result O1/KR9" in result.err
    assert (
        f"{shown}:6:0: error: There is no OKR set 2024-Q1/nobody. [csv-unknown-set]" in result.err
    )
    assert f"{shown}:7:0: error: “O1/KR1” cannot be read" in result.err
    assert snapshot(clean) == before


def test_a_header_without_the_columns_is_refused(run: Run, clean: Path, tmp_path: Path) -> None:
    result = run("checkin", "--from-csv", csv_file(tmp_path, "key result,v\nx,1\n"), "--dir", clean)
    assert result.code == 1
    assert "lacks the columns kr, value" in result.err and "[csv-header]" in result.err


def test_a_failed_second_write_leaves_every_file_as_it_was(
    run: Run, clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(clean)
    real_replace = writefiles.os.replace
    renames: list[object] = []

    def failing_second(source: object, target: object) -> None:
        renames.append(target)
        if len(renames) == 2:
            raise OSError(28, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(writefiles.os, "replace", failing_second)
    result = run("checkin", "--from-csv", csv_file(tmp_path, EXCEL), "--dir", clean)
    assert result.code == 1
    # The system's error number in plain words, not its English text.
    assert "nothing written: the files could not be saved (the disk is full)." in result.err
    assert snapshot(clean) == before


def test_files_and_a_csv_are_not_given_together(run: Run, clean: Path, tmp_path: Path) -> None:
    path = csv_file(tmp_path, EXCEL)
    assert run("checkin", clean / "brand/2024-Q1.md", "--from-csv", path).code == 2
    assert run("checkin").code == 2


def test_a_csv_that_is_not_utf8_is_refused(run: Run, clean: Path, tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("关键结果,数值\n2024-Q1/brand/O1/KR1,7600\n".encode("gbk"))
    before = snapshot(clean)
    result = run("checkin", "--from-csv", path, "--dir", clean)
    assert result.code == 1
    assert "is not UTF-8" in result.err and "[csv-unreadable]" in result.err
    assert snapshot(clean) == before
