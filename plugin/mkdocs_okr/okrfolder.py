"""The OKR folder on disk: which files are OKR files, and their bytes or stamps.

The core reads only what it is given (`core.load.SourceFile`); this is where the plugin and the
`okr` command turn a folder into that.
"""

from __future__ import annotations

import os
import stat
from functools import partial
from pathlib import Path

from .core.load import SourceFile


def find_okr_files(folder: Path) -> list[Path]:
    """Every `*.md` below `folder`, except README.md and names starting with '_' or '.'."""
    return [folder / relative for relative in _okr_file_names(folder)]


def _okr_file_names(folder: Path) -> list[str]:
    """The paths (relative to `folder`, with forward slashes) of `find_okr_files`, in order."""
    found: list[str] = []
    root = os.fspath(folder)
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(("_", ".")))
        relative = os.path.relpath(directory, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith(("_", ".")) and name != "README.md":
                found.append(prefix + name)
    return found


def folder_sources(folder: Path) -> list[SourceFile]:
    """Every OKR file below `folder`, stamped but not read yet. A file that is a symbolic link
    reads as None: it could point at any file of the machine, and messages quote what they
    read."""
    found: list[SourceFile] = []
    root = os.fspath(folder)
    for relative in _okr_file_names(folder):
        file = os.path.join(root, relative)
        try:
            status = os.lstat(file)
        except OSError:
            found.append(SourceFile(relative, _unreadable))
            continue
        if stat.S_ISLNK(status.st_mode):
            found.append(SourceFile(relative, _unreadable))
            continue
        stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        found.append(SourceFile(relative, partial(_read_bytes, file), stamp))
    return found


def _read_bytes(file: str) -> bytes | None:
    try:
        with open(file, "rb") as opened:
            return opened.read()
    except OSError:
        return None


def read_folder(folder: Path) -> list[tuple[str, bytes | None]]:
    """Every OKR file below `folder` as (path relative to it, bytes); None for a file that
    cannot be read, or that is a symbolic link."""
    return [(source.path, source.read()) for source in folder_sources(folder)]


def _unreadable() -> None:
    return None
