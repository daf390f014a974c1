"""`okr check`: output formats, exit status, annotations that cannot be hijacked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .okr_cli_support import FISCAL, MKDOCS_YML, Run, write

TEXT_LINE = re.compile(
    r"(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): .+ \[[a-z-]+\]"
)


def test_clean_folder_exits_zero(run: Run, clean: Path) -> None:
    result = run("check", clean)
    assert result.code == 0
    assert result.lines == ["2 files, 2 OKR sets: 0 errors, 0 warnings."]
    assert result.err == ""


def test_text_format_and_summary(run: Run, broken: Path) -> None:
    result = run("check", broken)
    assert result.code == 1
    assert result.lines == [
        f"{broken.as_posix()}/ads/2024-Q1.md:4:8: error: `level` must be one of company, team, "
        "individual; the text 'teem' is not. Did you mean 'team'? [invalid-value]",
        f"{broken.as_posix()}/social-media/2024-Q1.md:7:5: warning: Objective O1 of this "
        "OKR set aligns to nothing. Add `aligns:` with the objective or key result above it "
        "that it serves, for example `aligns: brand/O1`. [unaligned]",
        "4 files, 3 OKR sets: 1 errors, 1 warnings.",
    ]
    assert all(TEXT_LINE.fullmatch(line) for line in result.lines[:-1])


def test_relative_folder_is_shown_as_given(
    run: Run, broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken.parent)
    result = run("check", "okrs")
    assert result.lines[0].startswith("okrs/ads/2024-Q1.md:4:8: error: ")


@pytest.mark.parametrize(
    ("fixture", "strict", "code"),
    [
        ("clean", False, 0),
        ("clean", True, 0),
        ("warned", False, 0),
        ("warned", True, 1),
        ("broken", False, 1),
        ("broken", True, 1),
    ],
)
def test_exit_status(
    run: Run, request: pytest.FixtureRequest, fixture: str, strict: bool, code: int
) -> None:
    folder: Path = request.getfixturevalue(fixture)
    result = run("check", folder, *(["--strict"] if strict else []))
    assert result.code == code


def test_warning_is_printed_without_strict(run: Run, warned: Path) -> None:
    result = run("check", warned)
    assert result.code == 0
    assert result.lines[-1] == "3 files, 3 OKR sets: 0 errors, 1 warnings."
    assert "[unaligned]" in result.lines[0]


def test_json_format(run: Run, broken: Path) -> None:
    result = run("check", broken, "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    assert data["summary"] == {"files": 4, "sets": 3, "error": 1, "warning": 1, "info": 0}
    assert [
        (d["severity"], d["code"], d["path"], d["line"], d["column"]) for d in data["diagnostics"]
    ] == [
        ("error", "invalid-value", f"{broken.as_posix()}/ads/2024-Q1.md", 4, 8),
        ("warning", "unaligned", f"{broken.as_posix()}/social-media/2024-Q1.md", 7, 5),
    ]
    assert "Did you mean 'team'?" in data["diagnostics"][0]["message"]


def test_json_format_exit_status_follows_strict(run: Run, warned: Path) -> None:
    assert run("check", warned, "--format", "json").code == 0
    assert run("check", warned, "--format", "json", "--strict").code == 1


# --- GitHub annotations ---------------------------------------------------------------------

ANNOTATION = re.compile(
    r"::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:\n]*)(,line=\d+)?(,col=\d+)?,title=(?P<title>[^,:\n]*)"
    r"::(?P<message>[^\n]*)"
)
# User text with everything that could break out of a workflow command.
EVIL = "x\n::error file=evil.md::pwned %25 a,b:c\r\n::warning::also"


def unescape(text: str) -> str:
    for escaped, raw in [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]:
        text = text.replace(escaped, raw)
    return text


def evil_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "okrs"
    quoted = json.dumps(EVIL, ensure_ascii=False)  # a YAML double-quoted string
    write(
        folder,
        "a,b:c%d\n::warning::x.md",  # a file name is user text too
        "---\ncycle: 2024\nowner: company\nlevel: company\nobjectives:\n"
        f"  - title: {quoted}\n"
        f"    aligns: {quoted}\n"
        "    key_results:\n"
        f"      - title: {json.dumps('daily ' + EVIL, ensure_ascii=False)}\n"
        "        target: 1\n"
        "---\n",
    )
    return folder


def test_github_annotations_cannot_be_hijacked(run: Run, tmp_path: Path) -> None:
    folder = evil_folder(tmp_path)
    result = run("check", folder, "--format", "github")
    assert result.code == 1
    expected = run("check", folder, "--format", "json")
    diagnostics = json.loads(expected.out)["diagnostics"]
    assert {d["code"] for d in diagnostics} == {"invalid-reference", "task-like"}
    assert any("pwned" in d["message"] for d in diagnostics)  # the user text is quoted

    commands = [line for line in result.lines if line.lstrip().startswith(("::", "##["))]
    # Exactly one annotation per diagnostic, each one of ours: no line of user text can
    # start a workflow command of its own.
    assert len(commands) == len(diagnostics)
    for line, diagnostic in zip(commands, diagnostics, strict=True):
        match = ANNOTATION.fullmatch(line)
        assert match, line
        assert match["command"] == diagnostic["severity"]
        assert match["title"] == f"okr {diagnostic['code']}"
        assert unescape(match["file"]) == diagnostic["path"]
        assert unescape(match["message"]) == diagnostic["message"]
        assert "%0A" in match["file"] and "%25" in match["file"]
        assert "%3A" in match["file"] and "%2C" in match["file"]
    pwned = next(m for m in map(ANNOTATION.fullmatch, commands) if m and "pwned" in m["message"])
    assert "%0A::error file=evil.md::pwned %2525 a,b:c%0D%0A::warning::also" in pwned["message"]
    # The plain lines are printed too (annotations show only 10 per step), one per diagnostic.
    plain = [line for line in result.lines if not line.startswith("::")]
    assert len(plain) == len(diagnostics) + 1
    assert plain[-1] == "1 files, 1 OKR sets: 1 errors, 1 warnings."


def test_text_format_keeps_one_line_per_diagnostic(run: Run, tmp_path: Path) -> None:
    folder = evil_folder(tmp_path)
    result = run("check", folder)
    assert len(result.lines) == 3  # two diagnostics and the summary
    assert all(TEXT_LINE.fullmatch(line) for line in result.lines[:2])
    assert not any(line.lstrip().startswith("::") for line in result.lines)


@pytest.mark.parametrize("name", ["::error::x.md", "##[error]x.md"])
def test_file_named_like_a_command_in_the_current_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    write(tmp_path, name, "no front matter\n")
    monkeypatch.chdir(tmp_path)
    for output in ("text", "github"):
        result = run("check", ".", "--format", output)
        assert result.code == 1
        commands = [line for line in result.lines if line.startswith(("::", "##["))]
        assert len(commands) == (1 if output == "github" else 0)
        assert f"./{name}:1:1: error:" in result.out


def test_annotation_without_line_or_column(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "okrs"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "binary.md").write_bytes(b"\x00\x01")
    result = run("check", folder, "--format", "github")
    (annotation,) = [line for line in result.lines if line.startswith("::")]
    match = ANNOTATION.fullmatch(annotation)
    assert match and match["command"] == "error"
    json_result = json.loads(run("check", folder, "--format", "json").out)
    (diagnostic,) = json_result["diagnostics"]
    for part, value in (("line", diagnostic["line"]), ("col", diagnostic["column"])):
        assert (f",{part}=" in annotation) == bool(value)


# --- where the folder comes from --------------------------------------------------------------


def test_folder_and_settings_from_mkdocs_yml(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write(tmp_path / "goals", "company.md", FISCAL)  # FY24 exists only in mkdocs.yml
    write(tmp_path / "okrs", "broken.md", "not an OKR file\n")  # the default folder: unused
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.err == ""
    assert result.lines == ["1 files, 1 OKR sets: 0 errors, 0 warnings."]
    assert result.code == 0


def test_config_option_reads_another_mkdocs_yml(run: Run, tmp_path: Path) -> None:
    site = tmp_path / "site-repo"
    site.mkdir()
    (site / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write(site / "goals", "company.md", FISCAL)
    result = run("check", "--config", site / "mkdocs.yml")
    assert result.code == 0, result.out
    assert result.lines == ["1 files, 1 OKR sets: 0 errors, 0 warnings."]


def test_bare_plugin_entry_uses_okrs(
    run: Run, broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (broken.parent / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - search\n  - okr\n", encoding="utf-8"
    )
    monkeypatch.chdir(broken.parent)
    result = run("check")
    assert result.code == 1
    assert result.lines[0].startswith("okrs/ads/2024-Q1.md:4:8: error:")


def test_no_mkdocs_yml_uses_okrs(run: Run, warned: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(warned.parent)
    result = run("check", "--strict")
    assert result.code == 1
    assert result.lines[0].startswith("okrs/social-media/2024-Q1.md:7:5: warning:")


def test_bad_plugin_option_exits_two(
    run: Run, clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean.parent / "mkdocs.yml").write_text(
        "plugins:\n  - okr:\n      okrs_dirr: okrs\n", encoding="utf-8"
    )
    monkeypatch.chdir(clean.parent)
    result = run("check")
    assert result.code == 2
    assert "plugins.okr.okrs_dirr" in result.err


def test_missing_folder_exits_two(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check", "nope")
    assert result.code == 2
    assert result.out == ""
    assert result.err == "okr: error: the OKR folder 'nope' does not exist.\n"
    # Without DIR and without mkdocs.yml: ./okrs, which is not there either.
    result = run("check")
    assert result.code == 2
    assert "the OKR folder 'okrs' does not exist" in result.err


def test_file_instead_of_folder_exits_two(run: Run, tmp_path: Path) -> None:
    (tmp_path / "okrs.md").write_text("x", encoding="utf-8")
    result = run("check", tmp_path / "okrs.md")
    assert result.code == 2
    assert "is not a folder" in result.err


def test_usage_errors_exit_two(run: Run, clean: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("check", clean, "--format", "xml")
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        run()
    assert exit_info.value.code == 2


def test_ignore_option_of_mkdocs_yml(
    run: Run, warned: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (warned.parent / "mkdocs.yml").write_text(
        "plugins:\n  - okr:\n      ignore: [unaligned]\n", encoding="utf-8"
    )
    monkeypatch.chdir(warned.parent)
    result = run("check", "--strict")
    assert result.code == 0
    assert result.lines == ["3 files, 3 OKR sets: 0 errors, 0 warnings."]
