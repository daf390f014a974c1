"""Which files of the OKR folder are read, and how unreadable ones are reported."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs_okr.core import Settings, analyse
from mkdocs_okr.core.load import LoadMemo
from mkdocs_okr.okrfolder import folder_sources, is_okr_path, read_folder

from .okrfiles import write_set


def test_only_markdown_files_outside_hidden_and_underscore_names(tmp_path: Path) -> None:
    for name in (
        "a.md",
        "sub/b.md",
        "README.md",
        "_draft.md",
        ".hidden.md",
        "_wip/c.md",
        "notes.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    assert [path for path, _raw in read_folder(tmp_path)] == ["a.md", "sub/b.md"]


def test_the_folder_and_a_git_revision_select_the_same_files(tmp_path: Path) -> None:
    names = ["a.md", "sub/b.md", "README.md", "sub/README.md", "_draft.md", ".hidden.md"]
    names += ["_wip/c.md", ".git/d.md", "sub/_old/e.md", "notes.txt", "a.md.txt", "x/y/z.md"]
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    # `okr diff` reads a revision's listing through is_okr_path; the site walks the folder.
    walked = [path for path, _raw in read_folder(tmp_path)]
    assert walked == ["a.md", "sub/b.md", "x/y/z.md"]
    assert sorted(name for name in names if is_okr_path(name)) == walked


def test_a_symbolic_link_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("---\ncycle: TOP-SECRET-VALUE\n---\n", encoding="utf-8")
    folder = tmp_path / "okrs"
    folder.mkdir()
    (folder / "link.md").symlink_to(secret)
    files = read_folder(folder)
    assert files == [("link.md", None)]
    (diagnostic,) = analyse(files, Settings()).diagnostics
    assert diagnostic.code == "file-unreadable"
    assert "symbolic link" in diagnostic.message
    assert "TOP-SECRET" not in diagnostic.message


def test_serve_reads_only_files_whose_stamp_changed(tmp_path: Path) -> None:
    for owner in ("a", "b", "c"):
        write_set(tmp_path, f"{owner}.md", _front(owner, "Launch the shop"))
    memo = LoadMemo()
    first = analyse(folder_sources(tmp_path), Settings(), memo)
    assert memo.read == 3 and memo.parsed == 3 and not first.diagnostics

    analyse(folder_sources(tmp_path), Settings(), memo)
    assert memo.read == 0 and memo.parsed == 0  # nothing saved: nothing read

    # Saved with other words of the same length, and the old modification time put back (as
    # some editors and `touch -r` do): the change time still moves, so the file is read again.
    path = tmp_path / "b.md"
    status = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("Launch", "Reopen"), encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size and path.stat().st_mtime_ns == status.st_mtime_ns
    again = analyse(folder_sources(tmp_path), Settings(), memo)
    assert memo.read == 1 and memo.parsed == 1
    titles = {s.owner: s.objectives[0].title for s in again.sets}
    assert titles == {"a": "Launch the shop", "b": "Reopen the shop", "c": "Launch the shop"}


def test_a_file_that_becomes_unreadable_is_reported_under_serve(tmp_path: Path) -> None:
    path = write_set(tmp_path, "a.md", _front("a", "Launch the shop"))
    memo = LoadMemo()
    analyse(folder_sources(tmp_path), Settings(), memo)
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere.txt")
    (diagnostic,) = analyse(folder_sources(tmp_path), Settings(), memo).diagnostics
    assert diagnostic.code == "file-unreadable"


def _front(owner: str, title: str) -> dict[str, object]:
    return {
        "cycle": "2024-Q1",
        "owner": owner,
        "level": "company",
        "objectives": [{"title": title, "key_results": [{"title": "Orders", "target": 10}]}],
    }
