"""What the loader is given for one OKR file, in a module of its own: the `okr` command lists
and stamps the folder's files (okrfolder.py) without importing the loader and its schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceFile:
    """One OKR file as the loader is given it: its path in the OKR folder, how to read its bytes
    (None when it cannot be read), and optionally a stamp that changes whenever its content may
    have changed (size, modification and change times, inode). A memo does not read a file
    whose stamp it has seen: `mkdocs serve` re-reads only the files that were saved."""

    path: str
    read: Callable[[], bytes | None]
    stamp: tuple[int, ...] | None = None
