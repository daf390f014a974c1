"""The OKR folder on disk: which files are OKR files, and their bytes or stamps.

The core reads only what it is given (`core.load.SourceFile`); this is where the plugin and the
`okr` command turn a folder into that.
"""

from __future__ import annotations

import os
import stat
from functools import partial
from pathlib import Path

from .core.sources import SourceFile


def _is_hidden(name: str) -> bool:
    """A file or folder named `_draft` or `.git` is not part of the OKR folder."""
    return name.startswith(("_", "."))


def is_okr_path(relative: str) -> bool:
    """Whether a path relative to the OKR folder (with '/') is an OKR file: every `*.md` except
    README.md and names starting with '_' or '.', in folders not named so either."""
    *folders, name = relative.split("/")
    if any(_is_hidden(folder) for folder in folders):
        return False
    return name.endswith(".md") and not _is_hidden(name) and name != "README.md"


def _okr_file_names(folder: Path) -> list[str]:
    """The paths (relative to `folder`, with forward slashes) of the OKR files, in order."""
    found: list[str] = []
    root = os.fspath(folder)
    for directory, subdirectories, files in os.walk(root):
        # A hidden folder holds no OKR file: not walking it saves reading `.git`.
        subdirectories[:] = sorted(d for d in subdirectories if not _is_hidden(d))
        relative = os.path.relpath(directory, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        found += [prefix + name for name in sorted(files) if is_okr_path(prefix + name)]
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
