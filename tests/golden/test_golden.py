"""The golden corpus: broken OKR files, one problem each -> the exact diagnostics and exit status.

Each folder under `cases/` holds one or more OKR files and `expect.yaml`:

    about: what is wrong, in a few words
    base: false          # optional: leave out the valid files of `base/` (default: include)
    exit: 1              # what `okr check` exits with
    diagnostics:         # exactly these, no more (any severity)
      - file: social-media.md
        code: unknown-key
        line: 17
        column: 9        # 1-based, counting characters as an editor does
        severity: error
        says: ["tagret", "Did you mean `target`"]   # words the message must hold
        says_zh: ["tagret"]  # optional: words the Chinese message must hold

The files of `base/` (a company and a team set) are valid and join every case, so a case needs
only the file it breaks; a case file of the same name replaces a base file. Every case is the
valid baseline (`cases/valid-baseline/social-media.md`) with one change. Cases that must not be
committed (5 MB, NUL bytes, Latin-1, CRLF, 10,000 levels deep) are built in `GENERATED` below.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_okr.cli import main
from mkdocs_okr.core.diagnostics import CODES, Diagnostic
from mkdocs_okr.core.organisation import Organisation, analyse
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.core.texts.checkin import TEXTS as COMMAND_REFUSALS
from mkdocs_okr.core.texts.refusals import TEXTS as REFUSAL_TEXTS

REFUSALS = {key for key in REFUSAL_TEXTS if "." not in key}
GOLDEN = Path(__file__).parent
BASE = GOLDEN / "base"
CASES = sorted(path for path in (GOLDEN / "cases").iterdir() if path.is_dir())
BASELINE = (GOLDEN / "cases" / "valid-baseline" / "social-media.md").read_text(encoding="utf-8")

# Words a message for people who write OKRs must not contain: Python, pydantic and YAML-spec
# jargon, internal names, or a leaked exception. (A tag the writer typed, `!!str`, may be quoted.)
JARGON = re.compile(
    r"Traceback|Exception|pydantic|input_value|NoneType|(?<![!/])\b(str|int|dict|None|bool|float)\b"
    r"|_type\b|tag:yaml\.org|Event\b|Input should|String should|\bloc\b|errors\.pydantic"
)


@dataclass
class Case:
    """Files (None = cannot be read from disk) and what `analyse` must say about them."""

    name: str
    files: dict[str, bytes | None]
    expected: list[dict[str, Any]]
    exit: int
    about: str = ""
    extra: list[Callable[[Organisation], None]] = field(default_factory=list)


def base_files() -> dict[str, bytes | None]:
    return {path.name: path.read_bytes() for path in sorted(BASE.glob("*.md"))}


def committed_case(folder: Path) -> Case:
    expect = yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8"))
    files = base_files() if expect.get("base", True) else {}
    files.update({path.name: path.read_bytes() for path in sorted(folder.glob("*.md"))})
    return Case(folder.name, files, expect["diagnostics"], expect["exit"], expect["about"])


def assert_plain_words(message: str) -> None:
    """A message someone who never saw Python can act on: a sentence, no jargon, not huge."""
    assert message.strip() == message and message, repr(message)
    assert message[0].isupper() or message[0] in "`'", message
    assert message.endswith((".", "?")), message
    assert not JARGON.search(message), message
    assert len(message) < 600, message


HAN = re.compile(r"[\u4e00-\u9fff]")


def assert_plain_chinese(diagnostic: Diagnostic) -> None:
    """The Chinese message is Chinese: not empty, not the English text left untranslated, and
    free of jargon like the English one."""
    english, chinese = diagnostic.message, diagnostic.message_in("zh")
    assert chinese.strip() == chinese and chinese, repr(chinese)
    assert HAN.search(chinese), (diagnostic.code, chinese)
    assert chinese != english, (diagnostic.code, chinese)
    assert not JARGON.search(chinese), chinese
    assert chinese.endswith(("。", "？", ".")), chinese


def check(case: Case) -> Organisation:
    """`analyse` says exactly what the case expects, in plain words; returns the organisation."""
    organisation = analyse(sorted(case.files.items()), Settings())
    # `column: null` where the column is the YAML parser's own (libyaml's nesting limit).
    any_column = {(e["file"], e["code"]) for e in case.expected if e["column"] is None}
    got = sorted(
        (
            d.path,
            d.code,
            d.line,
            None if (d.path, d.code) in any_column else d.column,
            d.severity.value,
        )
        for d in organisation.diagnostics
    )
    want = sorted(
        (e["file"], e["code"], e["line"], e["column"], e["severity"]) for e in case.expected
    )
    shown = "\n".join(
        f"  {d.path}:{d.line}:{d.column} {d.code}: {d.message}" for d in organisation.diagnostics
    )
    assert got == want, f"{case.name} ({case.about}) said:\n{shown}"
    for diagnostic in organisation.diagnostics:
        assert_plain_words(diagnostic.message)
        assert_plain_chinese(diagnostic)
        for entry in case.expected:
            if (entry["file"], entry["code"], entry["line"]) == (
                diagnostic.path,
                diagnostic.code,
                diagnostic.line,
            ):
                for words in entry.get("says", []):
                    assert words in diagnostic.message, (case.name, words, diagnostic.message)
                chinese = diagnostic.message_in("zh")
                for words in entry.get("says_zh", []):
                    assert words in chinese, (case.name, words, chinese)
    errors = any(d.severity.value == "error" for d in organisation.diagnostics)
    assert int(errors) == case.exit, case.name
    for extra in case.extra:
        extra(organisation)
    return organisation


# --- cases built here, not committed ----------------------------------------------------------


def baseline_with(old: str, new: str) -> bytes:
    assert BASELINE.count(old) == 1, old
    return BASELINE.replace(old, new).encode("utf-8")


def error(
    code: str,
    line: int,
    column: int | None,
    *says: str,
    file: str = "social-media.md",
    severity: str = "error",
) -> dict[str, Any]:
    return {
        "file": file,
        "code": code,
        "line": line,
        "column": column,
        "severity": severity,
        "says": list(says),
    }


def huge_file() -> bytes:
    """A valid OKR file padded to 5 MB with an (otherwise harmless) Markdown body."""
    raw = BASELINE.encode("utf-8")
    return raw + b"\n" + b"x" * (5 * 1024 * 1024 - len(raw) - 1)


LATIN1_E = b"\xeb"  # e with diaeresis in Latin-1; in UTF-8 it would start a 3-byte character


def latin1_file() -> bytes:
    """The baseline with a name typed in a Latin-1 editor: 0xEB for the e with diaeresis."""
    return BASELINE.encode("utf-8").replace(
        "社媒运营 小王".encode(), "Zoë Müller".encode("latin-1")
    )


def bom_crlf(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")


def no_set_built(organisation: Organisation) -> None:
    assert [s.owner for s in organisation.sets if s.owner == "social-media"] == []


def baseline_loaded(organisation: Organisation) -> None:
    (okr_set,) = [s for s in organisation.sets if s.owner == "social-media"]
    assert okr_set.name == "社媒运营 小王"
    assert okr_set.positions["owner"] == (3, 8)  # the same place as in the LF file
    assert okr_set.body.startswith("## 复盘")


def alice_only_once(organisation: Organisation) -> None:
    assert sorted(s.owner for s in organisation.sets) == ["alice", "brand", "company"]


def with_base(files: dict[str, bytes | None]) -> dict[str, bytes | None]:
    return {**base_files(), **files}


def alone(raw: bytes | None) -> dict[str, bytes | None]:
    """The base files and one OKR file of the social-media specialist."""
    return with_base({"social-media.md": raw})


GENERATED = [
    Case(
        "file-too-large-5mb",
        alone(huge_file()),
        [error("file-too-large", 1, 1, "5,242,880 bytes", "at most 1,048,576 bytes")],
        1,
        "a 5 MB file is refused before parsing",
        [no_set_built],
    ),
    Case(
        "file-binary-nul",
        alone(baseline_with("通过短视频提升", "通过短视频\x00提升")),
        [error("file-binary", 9, 17, "NUL byte", "line 9, column 17")],
        1,
        "a NUL byte: not a text file",
        [no_set_built],
    ),
    Case(
        "file-binary-utf16",
        alone(BASELINE.encode("utf-16")),
        [error("file-binary", 1, None, "NUL byte", "UTF-16")],
        1,
        "a file saved as UTF-16 is full of NUL bytes",
    ),
    Case(
        "file-encoding-latin1",
        alone(latin1_file()),
        [
            error(
                "file-encoding",
                4,
                9,
                f"offset {latin1_file().index(LATIN1_E)}",
                "0xEB",
                "not valid UTF-8",
                "Latin-1",
            )
        ],
        1,
        "Latin-1 bytes: an error naming the byte offset",
        [no_set_built],
    ),
    Case(
        "bom-and-crlf-accepted",
        alone(bom_crlf(BASELINE.encode("utf-8"))),
        [],
        0,
        "a byte order mark and Windows line endings are fine",
        [baseline_loaded],
    ),
    Case(
        "bom-and-crlf-positions",
        alone(bom_crlf(baseline_with("        target: 10000\n", "        tagret: 10000\n"))),
        [error("unknown-key", 17, 9, "Did you mean `target`")],
        1,
        "under a BOM and CRLF, lines and columns are those an editor shows",
    ),
    Case(
        "lone-nel",
        alone(baseline_with("社媒运营 小王", "社媒运营\u0085小王")),
        [error("yaml-syntax", 4, 11, "U+0085", "line break")],
        1,
        "a lone NEL (U+0085), a line break for YAML only",
    ),
    Case(
        "line-separator",
        alone(baseline_with("社媒运营 小王", "社媒运营\u2028小王")),
        [error("yaml-syntax", 4, 11, "U+2028")],
        1,
        "a lone LINE SEPARATOR (U+2028)",
    ),
    Case(
        "nesting-10000-deep",
        alone(
            baseline_with("    tags: [growth]\n", "    tags: " + "[" * 10_000 + "]" * 10_000 + "\n")
        ),
        [error("yaml-too-deep", 12, None, "nested", "7 levels")],
        1,
        "lists nested 10,000 deep: refused, no recursion error",
    ),
    Case(
        "integer-5000-digits",
        alone(baseline_with("        target: 10000\n", "        target: " + "9" * 5000 + "\n")),
        [error("invalid-number", 17, 17, "5000 digits")],
        1,
        "a 5,000-digit integer (int() of it is slow, and no OKR value needs it)",
    ),
    Case(
        "file-unreadable",
        alone(None),
        [error("file-unreadable", 0, 0, "cannot be read")],
        1,
        "a file the operating system will not let us read",
    ),
    Case(
        "owners-equal-after-folding",
        with_base(
            {
                "alice.md": baseline_with("owner: social-media", "owner: alice"),
                "alice-2.md": baseline_with("owner: social-media", "owner: ａｌｉｃｅ"),
            }
        ),
        [error("invalid-id", 3, 8, "'ａｌｉｃｅ'", file="alice-2.md")],
        1,
        "alice and ａｌｉｃｅ are one owner after NFKC and case folding: the second is refused",
        [alice_only_once],
    ),
]


# --- the tests -----------------------------------------------------------------------------------


def test_base_files_are_valid() -> None:
    organisation = analyse(sorted(base_files().items()), Settings())
    assert organisation.diagnostics == []
    assert sorted(s.ref for s in organisation.sets) == ["2024-Q1/brand", "2024/company"]


def test_the_corpus_is_large_enough() -> None:
    broken = [c for c in CASES if c.name != "valid-baseline"]
    assert len(broken) + len(GENERATED) >= 45


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_committed_case(folder: Path) -> None:
    case = committed_case(folder)
    assert case.about
    assert all(entry.get("says") for entry in case.expected), "say what the message must name"
    check(case)


@pytest.mark.parametrize("case", GENERATED, ids=[c.name for c in GENERATED])
def test_generated_case(case: Case) -> None:
    check(case)


def test_every_diagnostic_code_has_a_golden_case() -> None:
    covered = {e["code"] for c in CASES for e in committed_case(c).expected}
    covered |= {e["code"] for c in GENERATED for e in c.expected}
    # A command's refusal is not found in a file: tests/core/test_refusals.py covers each one,
    # and the tests of okr score, --from-csv and apply-issue theirs (texts/checkin.py).
    # What `okr carry` tells about its drafts is not found in a file either:
    # tests/core/test_carry.py covers each one.
    carry_notes = {"carry-done-left-out", "carry-date-outside-cycle"}
    assert sorted(set(CODES) - covered - set(REFUSALS) - set(COMMAND_REFUSALS) - carry_notes) == []


def test_an_alias_bomb_is_refused_without_expanding() -> None:
    """The billion-laughs file: refused at its first anchor, one diagnostic, no set built."""
    case = committed_case(GOLDEN / "cases" / "yaml-alias-bomb")
    organisation = check(case)
    assert organisation.get("2024-Q1", "social-media") is None
    (mine,) = [f for f in organisation.files if f.path == "social-media.md"]
    assert [d.code for d in mine.diagnostics] == ["yaml-alias"]


# --- the real `okr` command on the same cases ------------------------------------------------


def write_case(case: Case, folder: Path) -> None:
    folder.mkdir()
    for name, raw in case.files.items():
        assert raw is not None
        (folder / name).write_bytes(raw)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_okr_check_prints_each_diagnostic_and_exits(
    folder: Path,
    language: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The real `okr check`: one `path:line:col: severity: message [code]` line each, and the
    expected exit status, in either language (the same codes, lines and columns)."""
    case = committed_case(folder)
    write_case(case, tmp_path / "okrs")
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml here: the default settings
    status = main(["--lang", language, "check", "okrs"])
    out = capsys.readouterr().out.splitlines()
    assert status == case.exit
    for entry in case.expected:
        line = f"okrs/{entry['file']}:{entry['line']}:{entry['column']}: {entry['severity']}: "
        printed = [
            text for text in out if text.startswith(line) and text.endswith(f"[{entry['code']}]")
        ]
        assert len(printed) == 1, (line, out)
    assert len(out) == len(case.expected) + 1  # and the summary line
    summary = f"{len(case.files)} files, " if language == "en" else f"{len(case.files)} 个文件，"
    assert out[-1].startswith(summary)
    if language == "zh" and case.expected:
        assert HAN.search(out[0].split(": ", 2)[-1]), out[0]


def test_okr_check_strict_fails_on_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = committed_case(GOLDEN / "cases" / "task-like")
    assert {e["severity"] for e in case.expected} == {"warning"}
    write_case(case, tmp_path / "okrs")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "okrs"]) == 0
    assert main(["check", "okrs", "--strict"]) == 1
    capsys.readouterr()


def test_okr_check_json_lists_the_diagnostics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = next(c for c in GENERATED if c.name == "file-encoding-latin1")
    write_case(case, tmp_path / "okrs")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "okrs", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    (diagnostic,) = report["diagnostics"]
    assert (diagnostic["path"], diagnostic["line"], diagnostic["column"]) == (
        "okrs/social-media.md",
        4,
        9,
    )
    assert diagnostic["code"] == "file-encoding"
    assert report["summary"]["error"] == 1
