"""writefiles: a file is replaced whole or not at all; a change of several files is whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_okr import writefiles
from mkdocs_okr.writefiles import write_files


def test_files_are_written_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"old a")
    write_files([(tmp_path / "a.md", b"new a"), (tmp_path / "sub" / "b.md", b"new b")])
    assert (tmp_path / "a.md").read_bytes() == b"new a"
    assert (tmp_path / "sub" / "b.md").read_bytes() == b"new b"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.md", "b.md", "sub"]


def test_when_the_second_rename_fails_the_first_file_gets_its_bytes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third = tmp_path / "a.md", tmp_path / "b.md", tmp_path / "new.md"
    first.write_bytes(b"a\r\nold\r\n")
    second.write_bytes(b"b old")
    renames: list[str] = []
    real_replace = os.replace

    def failing_second(source: str | Path, target: str | Path) -> None:
        renames.append(Path(target).name)
        if len(renames) == 2:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(writefiles.os, "replace", failing_second)
    with pytest.raises(OSError, match="No space"):
        write_files([(third, b"created"), (second, b"b new"), (first, b"a new")])
    monkeypatch.undo()
    assert first.read_bytes() == b"a\r\nold\r\n"
    assert second.read_bytes() == b"b old"
    assert not third.exists()  # created by the first rename, removed again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def test_when_a_temporary_file_cannot_be_written_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_bytes(b"a old")
    second.write_bytes(b"b old")
    real_fdopen = os.fdopen
    calls: list[int] = []

    def failing_second(fd: int, mode: str) -> object:
        calls.append(fd)
        if len(calls) == 2:
            os.close(fd)
            raise OSError(13, "Permission denied")
        return real_fdopen(fd, mode)

    monkeypatch.setattr(writefiles.os, "fdopen", failing_second)
    with pytest.raises(OSError, match="Permission"):
        write_files([(first, b"a new"), (second, b"b new")])
    monkeypatch.undo()
    assert (first.read_bytes(), second.read_bytes()) == (b"a old", b"b old")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]
