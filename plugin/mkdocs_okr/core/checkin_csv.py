"""`okr checkin --from-csv`: many check-ins, across OKR sets, from one spreadsheet.

The CSV is what Excel and WPS save: UTF-8 with or without a byte order mark, CRLF or LF line
ends. Its header row names the columns, in English or Chinese, in any order: `kr` (关键结果),
`value` (数值), and optionally `date` (日期), `status` (状态), `note` (备注). A key result is
named in full, `2026-Q4/social-media/O1/KR1`. Each row is one check-in, read with the grammar of
`okr checkin` (core/checkin.py); each refusal names the CSV's line. All or nothing: the caller
writes the files only when no row is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

from . import messages
from .checkin import CheckinRequest, add_checkins
from .diagnostics import Diagnostic, make
from .issueform import parse_date, parse_set, parse_status
from .organisation import Organisation
from .settings import Settings

COLUMNS: dict[str, str] = {
    "kr": "kr",
    "关键结果": "kr",
    "value": "value",
    "数值": "value",
    "date": "date",
    "日期": "date",
    "status": "status",
    "状态": "status",
    "note": "note",
    "备注": "note",
}
REQUIRED = ("kr", "value")


@dataclass(frozen=True)
class CsvResult:
    files: list[tuple[str, str]]  # (path in the OKR folder, new text) of every changed file
    problems: list[Diagnostic]  # each at the CSV's path and line; empty when all rows apply


def apply_csv(
    data: bytes,
    csv_path: str,
    organisation: Organisation,
    texts: Callable[[str], str],
    settings: Settings,
    today: dt.date,
) -> CsvResult:
    """The files the CSV's check-ins make, or every row's refusal.

    `texts(path)` gives the current text of an OKR file of the organisation."""
    problems: list[Diagnostic] = []

    def refuse(code: str, line: int, **values: str | int) -> None:
        problems.append(make(code, csv_path, line, 0, messages.text(code, **values)))

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        refuse("csv-unreadable", 0, error=str(error))
        return CsvResult([], problems)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    if not rows:
        refuse("csv-header", 1, columns="kr, value")
        return CsvResult([], problems)
    header_line, header = rows[0]
    names = [COLUMNS.get(cell.strip().lower()) for cell in header]
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        refuse("csv-header", header_line, columns=", ".join(missing))
        return CsvResult([], problems)
    edited: dict[str, str] = {}
    for line, row in rows[1:]:
        cells = {name: row[i].strip() for i, name in enumerate(names) if name and i < len(row)}
        parts = cells.get("kr", "").split("/")
        okr_set = parse_set("/".join(parts[:2])) if len(parts) == 4 else None
        if okr_set is None:
            refuse("csv-row", line, text=cells.get("kr", ""))
            continue
        found = organisation.get(okr_set.cycle, okr_set.owner)
        if found is None:
            refuse("csv-unknown-set", line, set=str(okr_set))
            continue
        day = parse_date(cells["date"]) if cells.get("date") else today
        status = parse_status(cells["status"]) if cells.get("status") else None
        if day is None or (cells.get("status") and status is None):
            refuse("csv-row", line, text=",".join(row))
            continue
        request = CheckinRequest(
            parts[2],
            parts[3],
            cells.get("value", ""),
            status.value if status else None,
            cells.get("note") or None,
        )
        before = edited.get(found.path) or texts(found.path)
        result = add_checkins(before, found.path, settings, [request], day)
        if result.text is None:
            for problem in result.problems:
                text_of = problem.text
                problems.append(make(problem.code, csv_path, line, 0, text_of))
            continue
        edited[found.path] = result.text
    if problems:
        return CsvResult([], problems)
    return CsvResult(sorted(edited.items()), [])
