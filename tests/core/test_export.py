"""The export (a public interface): every field of the JSON, the CSV, a stable order."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from mkdocs_okr.core import Organisation, Settings, analyse
from mkdocs_okr.core.export import CSV_COLUMNS, export_data, site_export, to_csv, to_json
from mkdocs_okr.okrfolder import read_folder
from tests.core.okrfiles import write_set

COMPANY: dict[str, Any] = {
    "cycle": 2024,
    "owner": "company",
    "name": "3C 公司",
    "level": "company",
    "objectives": [
        {
            "title": "成为亚马逊 3C 前三",
            "type": "committed",
            "weight": 2,
            "key_results": [
                {"title": "GMV", "target": 1000, "unit": "万美元", "weight": 60, "current": 450},
                {
                    "title": "退货率",
                    "start": 8,
                    "target": 4,
                    "unit": "%",
                    "weight": 40,
                    "checkins": [
                        {"date": "2024-03-01", "value": 7, "note": "改包装"},
                        {"date": "2024-06-28", "value": 5},
                    ],
                    "score": 0.7,
                },
                {"title": "开新站", "target": 3, "status": "dropped", "reason": "政策变化"},
            ],
        },
        {
            "id": "O2",
            "title": "提升品牌影响力",
            "key_results": [{"title": "品牌手册", "done": True}],
        },
    ],
}
BRAND: dict[str, Any] = {
    "cycle": "2024-Q1",
    "owner": "brand",
    "name": "品牌团队",
    "level": "team",
    "parent": "company",
    "tags": ["marketing"],
    "objectives": [
        {
            "title": "社媒影响力",
            "aligns": ["company/O1/KR1", "2024/company/O2"],
            "tags": ["growth"],
            "key_results": [
                {
                    "title": "粉丝",
                    "target": 10000,
                    "checkins": [
                        {"date": "2024-01-05", "value": 1200},
                        {"date": "2024-01-12", "value": 6000},
                    ],
                }
            ],
        },
        {"title": "SOP", "key_results": [{"title": "写 SOP", "done": False, "tags": ["growth"]}]},
    ],
}


def kr_record(ref: str, title: str, **values: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "ref": ref,
        "id": ref.rsplit("/", 1)[1],
        "title": title,
        "kind": "numeric",
        "start": 0,
        "target": None,
        "unit": None,
        "weight": 1,
        "current": None,
        "progress": 0,
        "score": 0,
        "score_given": None,
        "dropped": False,
        "reason": None,
        "tags": [],
        "last_checkin": None,
        "checkins": [],
        "supported_by": [],
    }
    assert set(values) <= set(record)
    record.update(values)
    return record


# Worked out by hand (the export rounds to four decimals):
#   company O1 progress = (0.45 * 60 + 0.75 * 40) / 100 = 0.57   (KR3 is dropped)
#   company O1 score    = (0.45 * 60 + 0.70 * 40) / 100 = 0.55   (KR2 scored 0.7 by hand)
#   company O2 = 1 (milestone done)
#   company score    = (0.55 * 2 + 1 * 1) / 3 = 0.7
#   company progress = (0.57 * 2 + 1 * 1) / 3 = 0.71333 -> 0.7133
#   brand O1 = 6000 / 10000 = 0.6 (latest check-in); O2 = 0; brand = (0.6 + 0) / 2 = 0.3
EXPECTED_SETS: list[dict[str, Any]] = [
    {
        "ref": "2024/company",
        "path": "company.md",
        "cycle": "2024",
        "cycle_start": "2024-01-01",
        "cycle_end": "2024-12-31",
        "owner": "company",
        "name": "3C 公司",
        "level": "company",
        "parent": None,
        "parent_ref": None,
        "tags": [],
        "progress": 0.7133,
        "score": 0.7,
        "last_checkin": "2024-06-28",
        "objectives": [
            {
                "ref": "2024/company/O1",
                "id": "O1",
                "title": "成为亚马逊 3C 前三",
                "type": "committed",
                "weight": 2,
                "tags": [],
                "progress": 0.57,
                "score": 0.55,
                "aligns": [],
                "supported_by": [],
                "key_results": [
                    kr_record(
                        "2024/company/O1/KR1",
                        "GMV",
                        target=1000,
                        unit="万美元",
                        weight=60,
                        current=450,
                        progress=0.45,
                        score=0.45,
                        supported_by=["2024-Q1/brand/O1"],
                    ),
                    kr_record(
                        "2024/company/O1/KR2",
                        "退货率",
                        start=8,
                        target=4,
                        unit="%",
                        weight=40,
                        current=5,
                        progress=0.75,
                        score=0.7,
                        score_given=0.7,
                        last_checkin="2024-06-28",
                        checkins=[
                            {"date": "2024-03-01", "value": 7, "note": "改包装"},
                            {"date": "2024-06-28", "value": 5, "note": None},
                        ],
                    ),
                    kr_record(
                        "2024/company/O1/KR3",
                        "开新站",
                        target=3,
                        current=0,
                        dropped=True,
                        reason="政策变化",
                    ),
                ],
            },
            {
                "ref": "2024/company/O2",
                "id": "O2",
                "title": "提升品牌影响力",
                "type": "aspirational",
                "weight": 1,
                "tags": [],
                "progress": 1,
                "score": 1,
                "aligns": [],
                "supported_by": ["2024-Q1/brand/O1"],
                "key_results": [
                    kr_record(
                        "2024/company/O2/KR1",
                        "品牌手册",
                        kind="milestone",
                        start=None,
                        current=True,
                        progress=1,
                        score=1,
                    )
                ],
            },
        ],
    },
    {
        "ref": "2024-Q1/brand",
        "path": "brand/2024-Q1.md",
        "cycle": "2024-Q1",
        "cycle_start": "2024-01-01",
        "cycle_end": "2024-03-31",
        "owner": "brand",
        "name": "品牌团队",
        "level": "team",
        "parent": "company",
        "parent_ref": "2024/company",
        "tags": ["marketing"],
        "progress": 0.3,
        "score": 0.3,
        "last_checkin": "2024-01-12",
        "objectives": [
            {
                "ref": "2024-Q1/brand/O1",
                "id": "O1",
                "title": "社媒影响力",
                "type": "aspirational",
                "weight": 1,
                "tags": ["growth"],
                "progress": 0.6,
                "score": 0.6,
                "aligns": ["2024/company/O1/KR1", "2024/company/O2"],
                "supported_by": [],
                "key_results": [
                    kr_record(
                        "2024-Q1/brand/O1/KR1",
                        "粉丝",
                        target=10000,
                        current=6000,
                        progress=0.6,
                        score=0.6,
                        last_checkin="2024-01-12",
                        checkins=[
                            {"date": "2024-01-05", "value": 1200, "note": None},
                            {"date": "2024-01-12", "value": 6000, "note": None},
                        ],
                    )
                ],
            },
            {
                "ref": "2024-Q1/brand/O2",
                "id": "O2",
                "title": "SOP",
                "type": "aspirational",
                "weight": 1,
                "tags": [],
                "progress": 0,
                "score": 0,
                "aligns": [],
                "supported_by": [],
                "key_results": [
                    kr_record(
                        "2024-Q1/brand/O2/KR1",
                        "写 SOP",
                        kind="milestone",
                        start=None,
                        current=False,
                        tags=["growth"],
                    )
                ],
            },
        ],
    },
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_set(tmp_path, "company.md", COMPANY)
    write_set(tmp_path, "brand/2024-Q1.md", BRAND)
    return tmp_path


def load(folder: Path) -> Organisation:
    return analyse(read_folder(folder), Settings())


def test_json_holds_every_field(folder: Path) -> None:
    data = json.loads(to_json(load(folder)))
    assert list(data) == ["version", "sets", "diagnostics", "summary"]
    assert data["version"] == 1
    assert data["sets"] == EXPECTED_SETS
    # The one diagnostic: brand's O2 aligns to nothing. Paths are relative to the OKR folder.
    brand_o2_line = 1 + (folder / "brand/2024-Q1.md").read_text(
        encoding="utf-8"
    ).splitlines().index("- title: SOP")
    assert data["diagnostics"] == [
        {
            "severity": "warning",
            "code": "unaligned",
            "path": "brand/2024-Q1.md",
            "line": brand_o2_line,
            "column": 3,
            "message": "Objective O2 of this OKR set aligns to nothing. Add `aligns:` with "
            "the objective or key result above it that it serves, for example "
            "`aligns: company/O1`.",
        }
    ]
    assert data["summary"] == {"sets": 2, "files": 2, "errors": 0, "warnings": 1}


def test_documented_fields_are_present(folder: Path) -> None:
    # The fields docs/export.md promises to other tools; the rest may grow, these must stay.
    data = export_data(load(folder))
    for record in data["sets"]:
        assert {
            "cycle",
            "owner",
            "name",
            "level",
            "parent",
            "progress",
            "score",
            "objectives",
            "ref",
        } <= set(record)
        assert record["ref"] == f"{record['cycle']}/{record['owner']}"
        for objective in record["objectives"]:
            assert {"ref", "progress", "score", "aligns", "supported_by"} <= set(objective)
            assert objective["ref"] == f"{record['ref']}/{objective['id']}"
            for kr in objective["key_results"]:
                assert {
                    "ref",
                    "progress",
                    "score",
                    "supported_by",
                    "start",
                    "target",
                    "current",
                    "weight",
                    "unit",
                } <= set(kr)
                assert kr["ref"] == f"{objective['ref']}/{kr['id']}"


def test_refs_in_aligns_and_supported_by_exist(folder: Path) -> None:
    data = export_data(load(folder))
    refs = set()
    for record in data["sets"]:
        refs.add(record["ref"])
        for objective in record["objectives"]:
            refs.add(objective["ref"])
            refs.update(kr["ref"] for kr in objective["key_results"])
    pointed = [
        ref
        for record in data["sets"]
        for objective in record["objectives"]
        for items in [objective["aligns"], objective["supported_by"]]
        + [kr["supported_by"] for kr in objective["key_results"]]
        for ref in items
    ]
    assert pointed and all(isinstance(ref, str) and ref in refs for ref in pointed)


def test_objective_with_all_key_results_dropped_exports_null(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        {
            "cycle": "2024",
            "owner": "company",
            "level": "company",
            "objectives": [
                {"title": "a", "key_results": [{"title": "x", "target": 4, "current": 1}]},
                {
                    "title": "b",
                    "key_results": [
                        {"title": "y", "target": 1, "status": "dropped", "reason": "r"}
                    ],
                },
            ],
        },
    )
    (record,) = export_data(load(tmp_path))["sets"]
    assert [o["score"] for o in record["objectives"]] == [0.25, None]
    assert [o["progress"] for o in record["objectives"]] == [0.25, None]
    assert record["score"] == 0.25


def test_numbers_are_rounded_to_four_decimals(tmp_path: Path) -> None:
    write_set(
        tmp_path,
        "company.md",
        {
            "cycle": "2024",
            "owner": "company",
            "level": "company",
            "objectives": [
                {"title": "a", "key_results": [{"title": "x", "target": 3, "current": 1}]}
            ],
        },
    )
    text = to_json(load(tmp_path))
    assert '"progress": 0.3333,' in text
    assert '"target": 3,' in text  # whole numbers stay whole


def test_diagnostics_of_broken_files_are_exported(folder: Path) -> None:
    (folder / "broken.md").write_text("no front matter\n", encoding="utf-8")
    data = export_data(load(folder))
    assert [d["code"] for d in data["diagnostics"]] == ["unaligned", "front-matter-missing"]
    assert data["diagnostics"][1]["path"] == "broken.md"
    assert data["summary"] == {"sets": 2, "files": 3, "errors": 1, "warnings": 1}


def test_order_is_stable(folder: Path) -> None:
    first = to_json(load(folder))
    assert to_json(load(folder)) == first
    reversed_input = analyse(list(reversed(read_folder(folder))), Settings())
    assert to_json(reversed_input) == first
    assert to_csv(reversed_input) == to_csv(load(folder))


def test_sets_are_sorted_by_cycle_then_owner(tmp_path: Path) -> None:
    for cycle, owner in [("2024-Q2", "aa"), ("2024", "zz"), ("2024", "bb"), ("2023", "cc")]:
        write_set(
            tmp_path,
            f"{owner}-{cycle}.md",
            {
                "cycle": cycle,
                "owner": owner,
                "level": "company",
                "objectives": [{"title": "a", "key_results": [{"title": "x", "done": False}]}],
            },
        )
    refs = [record["ref"] for record in export_data(load(tmp_path))["sets"]]
    assert refs == ["2023/cc", "2024/bb", "2024/zz", "2024-Q2/aa"]


def test_csv_header_and_rows(folder: Path) -> None:
    text = to_csv(load(folder))
    rows = list(csv.reader(io.StringIO(text)))
    assert (
        rows[0]
        == CSV_COLUMNS
        == [
            "cycle",
            "owner",
            "name",
            "level",
            "parent",
            "set_score",
            "objective_ref",
            "objective_title",
            "objective_type",
            "objective_weight",
            "objective_score",
            "aligns",
            "kr_ref",
            "kr_title",
            "kind",
            "start",
            "target",
            "unit",
            "weight",
            "current",
            "progress",
            "score",
            "dropped",
            "reason",
        ]
    )
    company = ["2024", "company", "3C 公司", "company", "", "0.7"]
    o1 = ["2024/company/O1", "成为亚马逊 3C 前三", "committed", "2", "0.55", ""]
    o2 = ["2024/company/O2", "提升品牌影响力", "aspirational", "1", "1", ""]
    brand = ["2024-Q1", "brand", "品牌团队", "team", "company", "0.3"]
    b1 = [
        "2024-Q1/brand/O1",
        "社媒影响力",
        "aspirational",
        "1",
        "0.6",
        "2024/company/O1/KR1 2024/company/O2",
    ]
    b2 = ["2024-Q1/brand/O2", "SOP", "aspirational", "1", "0", ""]
    assert rows[1:] == [
        company
        + o1
        + [
            "2024/company/O1/KR1",
            "GMV",
            "numeric",
            "0",
            "1000",
            "万美元",
            "60",
            "450",
            "0.45",
            "0.45",
            "False",
            "",
        ],
        company
        + o1
        + [
            "2024/company/O1/KR2",
            "退货率",
            "numeric",
            "8",
            "4",
            "%",
            "40",
            "5",
            "0.75",
            "0.7",
            "False",
            "",
        ],
        company
        + o1
        + [
            "2024/company/O1/KR3",
            "开新站",
            "numeric",
            "0",
            "3",
            "",
            "1",
            "0",
            "0",
            "0",
            "True",
            "政策变化",
        ],
        company
        + o2
        + [
            "2024/company/O2/KR1",
            "品牌手册",
            "milestone",
            "",
            "",
            "",
            "1",
            "True",
            "1",
            "1",
            "False",
            "",
        ],
        brand
        + b1
        + [
            "2024-Q1/brand/O1/KR1",
            "粉丝",
            "numeric",
            "0",
            "10000",
            "",
            "1",
            "6000",
            "0.6",
            "0.6",
            "False",
            "",
        ],
        brand
        + b2
        + [
            "2024-Q1/brand/O2/KR1",
            "写 SOP",
            "milestone",
            "",
            "",
            "",
            "1",
            "False",
            "0",
            "0",
            "False",
            "",
        ],
    ]


def test_csv_quotes_commas_quotes_and_newlines(tmp_path: Path) -> None:
    title = 'GMV, "净" \n 增长'
    write_set(
        tmp_path,
        "company.md",
        {
            "cycle": "2024",
            "owner": "company",
            "level": "company",
            "objectives": [{"title": "a", "key_results": [{"title": title, "done": False}]}],
        },
    )
    (row,) = csv.DictReader(io.StringIO(to_csv(load(tmp_path))))
    assert row["kr_title"] == title


@pytest.mark.parametrize("title", ['=HYPERLINK("http://x")', "+1", "-1+1", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(tmp_path: Path, title: str) -> None:
    write_set(
        tmp_path,
        "company.md",
        {
            "cycle": "2024",
            "owner": "company",
            "name": title,
            "level": "company",
            "objectives": [
                {
                    "title": title,
                    "key_results": [
                        {
                            "title": title,
                            "target": 1,
                            "unit": title,
                            "status": "dropped",
                            "reason": title,
                        }
                    ],
                }
            ],
        },
    )
    organisation = load(tmp_path)
    (row,) = csv.DictReader(io.StringIO(to_csv(organisation)))
    for column in ["name", "objective_title", "kr_title", "unit", "reason"]:
        assert row[column] == "'" + title
    # The JSON keeps the text exactly as written.
    (record,) = export_data(organisation)["sets"]
    assert record["name"] == title
    assert record["objectives"][0]["key_results"][0]["title"] == title


def test_the_compact_export_is_the_same_data_in_one_line(folder: Path) -> None:
    (folder / "broken.md").write_text("no front matter\n", encoding="utf-8")
    organisation = load(folder)
    compact = to_json(organisation, compact=True)
    # Written set by set, it must be exactly what the JSON encoder writes for the whole.
    expected = json.dumps(export_data(organisation), ensure_ascii=False, separators=(",", ":"))
    assert compact == expected + "\n"
    assert json.loads(compact) == json.loads(to_json(organisation))


def test_the_site_export_is_an_index_and_one_document_per_cycle(folder: Path) -> None:
    """The site publishes each cycle's sets in the form of `okr export`, named by an index
    that holds every diagnostic; together the cycles' files hold the whole export."""
    (folder / "broken.md").write_text("no front matter\n", encoding="utf-8")
    organisation = load(folder)
    files = dict(site_export(organisation, "data/okrs.json"))
    assert list(files) == ["data/okrs.json", "data/okrs/2024.json", "data/okrs/2024-Q1.json"]
    index = json.loads(files["data/okrs.json"])
    whole = export_data(organisation)
    assert index["version"] == 1
    assert index["cycles"] == [
        {"cycle": "2024", "start": "2024-01-01", "end": "2024-12-31", "sets": 1,
         "file": "okrs/2024.json"},
        {"cycle": "2024-Q1", "start": "2024-01-01", "end": "2024-03-31", "sets": 1,
         "file": "okrs/2024-Q1.json"},
    ]  # fmt: skip
    assert index["diagnostics"] == whole["diagnostics"]
    assert index["summary"] == whole["summary"]
    documents = [json.loads(files["data/" + entry["file"]]) for entry in index["cycles"]]
    assert [s for d in documents for s in d["sets"]] == whole["sets"]
    for document, entry in zip(documents, index["cycles"], strict=True):
        assert list(document) == ["version", "sets", "diagnostics", "summary"]
        assert {s["cycle"] for s in document["sets"]} == {entry["cycle"]}
    # A diagnostic goes with its set's cycle; one of a file that did not load, only the index.
    assert [d["code"] for d in documents[1]["diagnostics"]] == ["unaligned"]
    assert documents[0]["diagnostics"] == []
    assert documents[1]["summary"] == {"sets": 1, "files": 1, "errors": 0, "warnings": 1}
