"""The result cache of `okr check` can never serve a stale result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_okr.cli import main

GOOD = """---
cycle: 2024
owner: company
level: company
objectives:
  - title: Grow
    key_results:
      - {title: Revenue, target: 100}
---
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "company.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_change_that_keeps_size_and_mtime_is_seen(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = project / "okrs" / "company.md"
    assert main(["check"]) == 0
    assert (project / ".cache" / "okr" / "check.json").is_file()
    before = os.stat(file)

    # Same length, same modification time: only the content tells the difference.
    broken = GOOD.replace("target: 100", "target: '1'")
    assert len(broken.encode()) == before.st_size
    _rewrite_keeping_times(file, broken, before)
    assert os.stat(file).st_mtime_ns == before.st_mtime_ns
    capsys.readouterr()

    assert main(["check"]) == 1
    assert "[wrong-type]" in capsys.readouterr().out


def test_a_warm_run_gives_the_same_output(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "okrs" / "copy.md").write_text(GOOD, encoding="utf-8")  # a second set of one owner
    cold = main(["check"]), capsys.readouterr().out
    warm = main(["check"]), capsys.readouterr().out
    uncached = main(["check", "--no-cache"]), capsys.readouterr().out
    assert cold == warm == uncached
    assert "duplicate-owner" in cold[1]


def test_a_corrupt_cache_is_a_cold_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    (project / ".cache" / "okr" / "check.json").write_text("{not json", encoding="utf-8")
    (project / "okrs" / "company.md").write_text(
        GOOD.replace("target: 100", "target: yes"), encoding="utf-8"
    )
    assert main(["check"]) == 1
    assert "ambiguous-value" in capsys.readouterr().out


def test_options_are_part_of_the_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "okrs" / "company.md").write_text(
        GOOD.replace("Revenue", "每天发帖"), encoding="utf-8"
    )
    assert main(["check", "--strict"]) == 1
    (project / "mkdocs.yml").write_text(
        "plugins:\n  - okr:\n      ignore: [task-like]\n", encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["check", "--strict"]) == 0


def test_no_cache_writes_nothing(project: Path) -> None:
    assert main(["check", "--no-cache"]) == 0
    assert not (project / ".cache").exists()


def _age(file: Path, seconds: int = 3600) -> None:
    """Date the file's last modification back, as a file not touched for a while."""
    past = os.stat(file).st_mtime_ns - seconds * 1_000_000_000
    os.utime(file, ns=(past, past))


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import mkdocs_okr.okrfolder as okrfolder

    seen: list[str] = []
    read = okrfolder._read_bytes

    def counted(file: str) -> bytes | None:
        seen.append(file)
        return read(file)

    monkeypatch.setattr(okrfolder, "_read_bytes", counted)
    return seen


def test_a_warm_run_reads_no_file_whose_stamp_it_stored(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _age(project / "okrs" / "company.md")
    assert main(["check"]) == 0
    cold = capsys.readouterr().out
    reads = _reads(monkeypatch)
    assert main(["check"]) == 0
    assert capsys.readouterr().out == cold
    assert reads == []


def test_a_rewrite_that_keeps_size_and_mtime_of_an_old_file_is_seen(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The stamp is trusted here (the file is old): its change time tells the rewrite.
    file = project / "okrs" / "company.md"
    _age(file)
    assert main(["check"]) == 0
    before = os.stat(file)
    _rewrite_keeping_times(file, GOOD.replace("target: 100", "target: '1'"), before)
    assert os.stat(file).st_size == before.st_size
    capsys.readouterr()
    assert main(["check"]) == 1
    assert "[wrong-type]" in capsys.readouterr().out


def test_a_file_modified_just_before_the_cache_was_written_is_read_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second write in the same tick of the clock could keep the stamp: not trusted yet.
    assert main(["check"]) == 0
    reads = _reads(monkeypatch)
    assert main(["check"]) == 0
    assert [Path(read).name for read in reads] == ["company.md"]


def test_a_changed_file_is_read_once(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The warm attempt reads the changed file to find the key; the cold run parses those bytes.
    _age(project / "okrs" / "company.md")
    assert main(["check"]) == 0
    (project / "okrs" / "company.md").write_text(
        GOOD.replace("target: 100", "target: '1'"), "utf-8"
    )
    capsys.readouterr()
    reads = _reads(monkeypatch)
    assert main(["check"]) == 1
    assert "[wrong-type]" in capsys.readouterr().out
    assert [Path(read).name for read in reads] == ["company.md"]


def _rewrite_keeping_times(file: Path, text: str, before: os.stat_result) -> None:
    """Write `text` and put back the access and modification times of `before`."""
    file.write_text(text, encoding="utf-8")
    os.utime(file, ns=(before.st_atime_ns, before.st_mtime_ns))
