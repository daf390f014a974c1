"""Which files of the OKR folder are read, and how unreadable ones are reported."""

from __future__ import annotations

from pathlib import Path

from mkdocs_okr.core import Settings, analyse
from mkdocs_okr.core.load import read_folder


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
