"""Keep the user documentation in docs/ true to the code.

Each test reads a page of docs/ and compares what it states (codes, fields, flags, the
annotated example and its scores) with what the code does, so a change to either side that
leaves the other behind fails here.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from mkdocs_okr import cli
from mkdocs_okr.core import CODES, Settings, analyse
from mkdocs_okr.core.export import EXPORT_VERSION, export_data
from mkdocs_okr.core.messages import LANGUAGES, MESSAGES
from mkdocs_okr.core.schema import CheckinIn, KeyResultIn, ObjectiveIn, OkrSetIn
from mkdocs_okr.render.body import retrospective

DOCS = Path(__file__).resolve().parents[2] / "docs"
DIAGNOSTICS_SOURCE = Path(cli.__file__).parent / "core" / "diagnostics.py"

# The organisation around the documented examples: the sets their references point to.
COMPANY = """---
cycle: 2024
owner: company
level: company
objectives:
  - title: 2024 年成为亚马逊 3C 类目头部卖家
    key_results:
      - title: GMV 达到 1000 万美元
        target: 10000000
  - title: 提升品牌影响力
    key_results:
      - title: 目标国家品牌搜索量增长 50%
        target: 50
---
"""
BRAND = """---
cycle: 2024-Q1
owner: brand
level: team
parent: company
objectives:
  - title: 通过社媒和红人营销，提升品牌在目标市场的认知度
    aligns: company/O2
    key_results:
      - title: 品牌账号总粉丝增长 50000
        target: 50000
      - title: 社媒和红人带来的品牌提及增长 30%
        target: 30
  - title: 通过沉淀团队方法，让新人两周内独立上手
    aligns: company/O2
    key_results:
      - title: 完成团队工作手册
        done: false
---
"""
FINANCE = """---
cycle: 2024-Q1
owner: finance
level: team
parent: company
objectives:
  - title: 通过规范流程，按时完成所有季度财务报告
    type: committed
    aligns: company/O1
    key_results:
      - title: 第一季度报告按时提交
        done: false
---
"""
# writing-okrs.md shows parts of an individual's file; this is the rest of it.
FRAGMENT_HEAD = """---
cycle: 2024-Q1
owner: example-person
level: individual
parent: brand
"""


def read_doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under the heading line `heading`, up to the next heading of its level or above."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.split("\n")
    assert heading in lines, f"heading {heading!r} is missing"
    start = lines.index(heading) + 1
    end = start
    in_code = False
    while end < len(lines):
        in_code ^= lines[end].startswith("```")
        match = None if in_code else re.match(r"(#+) ", lines[end])
        if match and len(match.group(1)) <= level:
            break
        end += 1
    return "\n".join(lines[start:end])


def table_names(text: str) -> list[str]:
    """The names in the first column of the tables in `text`, written as `name`."""
    return re.findall(r"^\| `([A-Za-z_][A-Za-z0-9_-]*)` \|", text, re.MULTILINE)


def organisation_with(files: dict[str, str]) -> Any:
    surrounding = {
        "2024/company.md": COMPANY,
        "2024-Q1/brand.md": BRAND,
        "2024-Q1/finance.md": FINANCE,
    }
    everything = {**surrounding, **files}
    return analyse([(path, text.encode()) for path, text in everything.items()], Settings())


# --- docs/diagnostics.md ---------------------------------------------------------------------


def source_groups() -> list[list[str]]:
    """The codes of `CODES` grouped by the comment lines that head each group in the source."""
    source = DIAGNOSTICS_SOURCE.read_text(encoding="utf-8")
    body = source[source.index("CODES: dict") : source.index("\n}\n")]
    groups: list[list[str]] = []
    for line in body.split("\n"):
        if re.match(r"\s+# ", line):
            groups.append([])
        code = re.match(r'\s+"([a-z0-9-]+)": \(', line) or re.match(r'\s+"([a-z0-9-]+)":$', line)
        if code:
            groups[-1].append(code.group(1))
    return groups


def test_every_code_has_a_heading_and_every_heading_a_code() -> None:
    headings = re.findall(r"^### (.+)$", read_doc("diagnostics.md"), re.MULTILINE)
    assert sorted(set(CODES) - set(headings)) == [], "codes without a heading"
    assert sorted(set(headings) - set(CODES)) == [], "headings that name no code"
    assert headings == list(CODES), "headings not in the order of CODES"


def test_codes_are_grouped_as_in_the_source() -> None:
    text = read_doc("diagnostics.md")
    groups_in_docs = [
        re.findall(r"^### (.+)$", part, re.MULTILINE)
        for part in re.split(r"^## .+$", text, flags=re.MULTILINE)[1:]
    ]
    assert groups_in_docs == source_groups()
    assert sum(len(group) for group in groups_in_docs) == len(CODES)


@pytest.mark.parametrize("code", list(CODES))
def test_each_code_states_its_severity_and_a_fix(code: str) -> None:
    text = section(read_doc("diagnostics.md"), f"### {code}")
    stated = re.findall(r"^Severity: \*\*(\w+)\*\*$", text, re.MULTILINE)
    assert stated == [CODES[code][0].value]
    assert re.search(r"^Fix: |[.)] Fix: ", text, re.MULTILINE), f"{code}: no fix"
    assert "```" in text or "Example: " in text, f"{code}: no example"


def messages_block(code: str) -> str:
    """The texts of `code` as docs/diagnostics.md shows them: each message key with its
    English and Chinese template (`{name}` is a value filled in)."""
    keys = [key for key in MESSAGES if key.split(".")[0] == code]
    lines = ["Messages:", "", "```text"]
    for key in keys:
        lines += [key, *(f"  {language}: {MESSAGES[key][language]}" for language in LANGUAGES)]
    return "\n".join([*lines, "```"])


@pytest.mark.parametrize("code", list(CODES))
def test_each_code_shows_its_messages_in_every_language(code: str) -> None:
    text = section(read_doc("diagnostics.md"), f"### {code}")
    block = messages_block(code)
    assert block in text, f"docs/diagnostics.md, ### {code}: add or update\n{block}"
    assert text.count("Messages:") == 1


def test_links_to_diagnostics_name_real_codes() -> None:
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for code in re.findall(r"\]\((?:\.\./)?diagnostics\.md#([^)]+)\)", text):
            assert code in CODES, f"{page.name} links to unknown code {code}"


# --- docs/format.md --------------------------------------------------------------------------

FIELD_SECTIONS: list[tuple[type[BaseModel], str]] = [
    (OkrSetIn, "### OKR set fields"),
    (ObjectiveIn, "### Objective fields"),
    (KeyResultIn, "### Key result fields"),
    (CheckinIn, "### Check-in fields"),
]


@pytest.mark.parametrize(("model", "heading"), FIELD_SECTIONS)
def test_format_documents_every_field(model: type[BaseModel], heading: str) -> None:
    documented = table_names(section(read_doc("format.md"), heading))
    assert sorted(documented) == sorted(model.model_fields)
    assert len(documented) == len(set(documented)), "a field documented twice"


def annotated_example() -> str:
    match = re.search(r"^```yaml\n(---\n.*?)^```$", read_doc("format.md"), re.MULTILINE | re.DOTALL)
    assert match, "docs/format.md has no ```yaml block starting with ---"
    return match.group(1)


def test_annotated_example_passes_the_checks() -> None:
    example = annotated_example()
    organisation = organisation_with({"2024-01/social-media.md": example})
    problems = [d for d in organisation.diagnostics if d.path == "2024-01/social-media.md"]
    assert problems == []
    assert organisation.get("2024-01", "social-media") is not None
    # The example must show every field of the format at least once.
    for model, _heading in FIELD_SECTIONS:
        for name in model.model_fields:
            assert re.search(rf"^\s*(- )?{{?{name}:", example, re.MULTILINE) or (
                f"{{{name}:" in example or f", {name}:" in example
            ), f"the example does not show `{name}`"


def test_worked_example_numbers_are_the_computed_ones() -> None:
    organisation = organisation_with({"2024-01/social-media.md": annotated_example()})
    record = next(s for s in export_data(organisation)["sets"] if s["owner"] == "social-media")
    computed: dict[str, tuple[Any, Any]] = {"set": (record["progress"], record["score"])}
    for objective in record["objectives"]:
        computed[objective["id"]] = (objective["progress"], objective["score"])
        for kr in objective["key_results"]:
            values = (None, None) if kr["dropped"] else (kr["progress"], kr["score"])
            computed[f"{objective['id']}/{kr['id']}"] = values
    table = section(read_doc("format.md"), "### Worked example")
    rows = re.findall(r"^\| `([^`]+)` \|.*\| ([-0-9.]+) \| ([-0-9.]+) \|$", table, re.MULTILINE)
    assert {item for item, _p, _s in rows} == set(computed)
    for item, progress, score in rows:
        stated = tuple(None if cell == "-" else float(cell) for cell in (progress, score))
        assert stated == computed[item], item


# --- whole OKR files shown in the docs, and the quick references ---------------------------

# Pages whose code blocks starting with `---` are whole OKR files, in every language.
WHOLE_FILE_PAGES = ["format.md", "quick-reference.md", "zh/quick-reference.md"]
QUICK_REFERENCES = ["quick-reference.md", "zh/quick-reference.md"]
# The headings of the quick references' field tables, per page, in the order of FIELD_SECTIONS.
QUICK_REFERENCE_HEADINGS = {
    "quick-reference.md": ["### Set", "### Objective", "### Key result", "### Check-in"],
    "zh/quick-reference.md": ["### OKR 集", "### 目标", "### 关键结果", "### 打卡记录"],
}


def whole_files(page: str) -> list[str]:
    """The ```yaml and ```markdown blocks of `page` that are whole OKR files (start with ---)."""
    return re.findall(
        r"^```(?:yaml|markdown)\n(---\n.*?)^```$", read_doc(page), re.MULTILINE | re.DOTALL
    )


@pytest.mark.parametrize("page", WHOLE_FILE_PAGES)
def test_whole_file_examples_pass_the_checks(page: str) -> None:
    examples = whole_files(page)
    assert examples, f"docs/{page} shows no whole OKR file"
    for example in examples:
        organisation = organisation_with({"2024-01/social-media.md": example})
        problems = [d for d in organisation.diagnostics if d.path == "2024-01/social-media.md"]
        assert problems == [], f"docs/{page}: {problems}"
        assert organisation.get("2024-01", "social-media") is not None


@pytest.mark.parametrize("page", QUICK_REFERENCES)
def test_quick_reference_lists_every_field(page: str) -> None:
    text = read_doc(page)
    headings = QUICK_REFERENCE_HEADINGS[page]
    for (model, _format_heading), heading in zip(FIELD_SECTIONS, headings, strict=True):
        documented = table_names(section(text, heading))
        assert documented == list(model.model_fields), f"docs/{page} {heading}"


@pytest.mark.parametrize("page", QUICK_REFERENCES)
def test_quick_reference_example_shows_each_kind_of_key_result(page: str) -> None:
    (example,) = whole_files(page)
    organisation = organisation_with({"2024-01/social-media.md": example})
    okr_set = organisation.get("2024-01", "social-media")
    assert okr_set is not None
    record = next(s for s in export_data(organisation)["sets"] if s["owner"] == "social-media")
    key_results = [kr for objective in record["objectives"] for kr in objective["key_results"]]
    kinds = {
        "raise": any(kr["target"] is not None and kr["target"] > kr["start"] for kr in key_results),
        "lower": any(kr["target"] is not None and kr["target"] < kr["start"] for kr in key_results),
        "milestone": any(kr["target"] is None and not kr["dropped"] for kr in key_results),
        "dropped": any(kr["dropped"] for kr in key_results),
        "check-ins": any(kr["checkins"] for kr in key_results),
    }
    assert all(kinds.values()), kinds
    body = example.split("\n---\n", 1)[1]
    assert retrospective(body), f"docs/{page}: the example has no retrospective section"


# --- docs/export.md --------------------------------------------------------------------------

EXPORT_FIXTURE = """---
cycle: 2024-01
owner: social-media
name: 社媒运营 小王
level: individual
parent: brand
tags: [growth]
objectives:
  - title: 通过短视频提升品牌在 Instagram 上的影响力
    aligns: brand/O1/KR1
    key_results:
      - title: Instagram 增长 10000 个粉丝
        target: 10000
        unit: 粉丝
        checkins:
          - {date: 2024-01-05, value: 1200, note: 开箱视频}
      - title: 每天发布 2 条帖子
        done: false
---
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A folder with mkdocs.yml and a small organisation; returns the mkdocs.yml."""
    files = {
        "2024/company.md": COMPANY,
        "2024-Q1/brand.md": BRAND,
        "2024-01/social-media.md": EXPORT_FIXTURE,
    }
    for relative, text in files.items():
        path = tmp_path / "okrs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: test\nplugins:\n  - okr\n", encoding="utf-8")
    return config


def exported(config: Path, form: str) -> str:
    out = config.parent / f"export.{form}"
    status = cli.main(["export", "--config", str(config), "--format", form, "--output", str(out)])
    assert status == 0
    return out.read_text(encoding="utf-8-sig")  # the CSV starts with a byte order mark


def test_export_documents_every_json_field(site: Path) -> None:
    data = json.loads(exported(site, "json"))
    sets = data["sets"]
    objectives = [o for s in sets for o in s["objectives"]]
    key_results = [kr for o in objectives for kr in o["key_results"]]
    checkins = [c for kr in key_results for c in kr["checkins"]]
    assert sets and objectives and key_results and checkins and data["diagnostics"]
    actual = {
        "### Top level": [data],
        "### OKR set": sets,
        "### Objective": objectives,
        "### Key result": key_results,
        "### Check-in": checkins,
        "### Diagnostic": data["diagnostics"],
        "### Summary": [data["summary"]],
    }
    text = read_doc("export.md")
    for heading, records in actual.items():
        keys = {key for record in records for key in record}
        assert sorted(table_names(section(text, heading))) == sorted(keys), heading


def test_export_states_the_current_version(site: Path) -> None:
    assert json.loads(exported(site, "json"))["version"] == EXPORT_VERSION
    stated = re.findall(r"The current version is \*\*(\d+)\*\*", read_doc("export.md"))
    assert stated == [str(EXPORT_VERSION)]


def test_export_documents_every_csv_column(site: Path) -> None:
    header = next(csv.reader(io.StringIO(exported(site, "csv"))))
    assert table_names(section(read_doc("export.md"), "## CSV")) == header


# --- docs/cli.md -----------------------------------------------------------------------------


def sub_commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return dict(actions[0].choices)


def options_of(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]


def test_cli_documents_every_command_flag_and_choice() -> None:
    text = read_doc("cli.md")
    for name, parser in sub_commands().items():
        part = section(text, f"## `okr {name}`")
        for action in options_of(parser):
            if not action.option_strings:  # a positional argument, documented by its name
                assert f"`{action.dest.upper()}`" in part, f"okr {name}: {action.dest}"
            for flag in action.option_strings:
                assert f"`{flag}" in part, f"okr {name}: {flag}"
            for choice in action.choices or []:
                assert f"`{choice}`" in part, f"okr {name} {action.option_strings}: {choice}"
    for action in options_of(cli.build_parser()):
        for flag in action.option_strings:
            assert f"`okr {flag}`" in text, flag


def test_cli_headings_name_real_commands() -> None:
    headings = re.findall(r"^## `okr (\S+)`$", read_doc("cli.md"), re.MULTILINE)
    assert sorted(headings) == sorted(sub_commands())


def test_cli_documents_the_json_output(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--config", str(site), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    text = section(read_doc("cli.md"), "### json")
    for key in [*printed, *printed["summary"]]:
        assert f'"{key}"' in text, key
    assert set(printed["diagnostics"][0]) == set(
        table_names(section(read_doc("export.md"), "### Diagnostic"))
    )


def test_cli_exit_statuses_are_the_documented_ones(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documented = re.findall(
        r"^\| ([0-9]) \|", section(read_doc("cli.md"), "## Exit status"), re.MULTILINE
    )
    assert documented == ["0", "1", "2"]
    assert cli.main(["check", "--config", str(site)]) == 0
    assert cli.main(["check", "--config", str(site), "--strict"]) == 1  # the task-like warning
    assert cli.main(["check", str(site.parent / "missing"), "--config", str(site)]) == 2
    broken = site.parent / "okrs" / "2024-01" / "broken.md"
    broken.write_text("---\ncycle: 2024-01\n---\n", encoding="utf-8")
    assert cli.main(["check", "--config", str(site)]) == 1
    assert cli.main(["export", "--config", str(site), "-o", str(site.parent / "x.json")]) == 1
    capsys.readouterr()


# --- docs/writing-okrs.md (every language) and docs/method.md ---------------------------------


# The guide in every language; each example's first line says what `okr check` reports.
GUIDES = ["writing-okrs.md", "zh/writing-okrs.md"]


def guide_examples(page: str) -> list[tuple[str, str]]:
    blocks = re.findall(
        r"^```yaml\n(# okr check: [^\n]*\n.*?)^```$",
        read_doc(page),
        re.MULTILINE | re.DOTALL,
    )
    return [(block.split("\n", 1)[0], block) for block in blocks]


@pytest.mark.parametrize("page", GUIDES)
def test_guide_has_examples(page: str) -> None:
    assert len(guide_examples(page)) >= 5


def test_guides_in_every_language_make_the_same_claims() -> None:
    """A translation shows the same examples, in the same order, with the same outcome."""
    english = [claim for claim, _block in guide_examples(GUIDES[0])]
    for page in GUIDES[1:]:
        assert [claim for claim, _block in guide_examples(page)] == english, page


@pytest.mark.parametrize(
    ("claim", "block"),
    [example for page in GUIDES for example in guide_examples(page)],
)
def test_guide_examples_report_what_they_say(claim: str, block: str) -> None:
    stated = claim.removeprefix("# okr check: ").strip()
    expected = set() if stated == "no problems" else {code.strip() for code in stated.split(",")}
    assert expected <= set(CODES)
    organisation = organisation_with({"2024-Q1/example-person.md": FRAGMENT_HEAD + block + "---\n"})
    found = {d.code for d in organisation.diagnostics if d.path == "2024-Q1/example-person.md"}
    assert found == expected
    assert organisation.get("2024-Q1", "example-person") is not None


def test_method_has_one_row_per_rule() -> None:
    rows = re.findall(r"^\| ([0-9]+) \|", read_doc("method.md"), re.MULTILINE)
    assert rows == [str(number) for number in range(1, 21)]
