"""Watching the OKR folder during `mkdocs serve`, at a price that does not grow into the rebuild.

MkDocs polls what it watches every half second with watchdog's PollingObserver (on purpose:
events from the file system never arrive from network or container mounts). Each poll takes a
snapshot of every file and compares it with the last in Python: with 5,000 OKR files about
0.2 s of the interpreter's time every 0.5 s, which a rebuild after a save shares with it. So the
plugin polls the OKR folder itself, by the same rule (every half second, every file's stamp),
but keeps one map of stamps and compares it with the last in one step, and does not look while
the site builds: a file saved meanwhile differs from the last look all the same, and is seen at
the first look after the build.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any

INTERVAL = 0.5  # seconds between two looks, as MkDocs' own watcher

# What tells a file's content may have changed: its modification time, size and inode (an
# editor that saves by renaming a new file over the old one changes the inode).
Stamp = tuple[int, int, int]


def folder_stamps(folder: str) -> dict[str, Stamp]:
    """Every file below `folder` with its stamp. Links to folders are followed, as MkDocs'
    poller does, each folder once (a link to a parent would loop). Files that vanish while the
    folder is read are left out: the next look sees the folder as it settled."""
    stamps: dict[str, Stamp] = {}
    pending = [folder]
    seen: set[tuple[int, int]] = set()
    while pending:
        directory = pending.pop()
        try:
            status = os.stat(directory)
            if (status.st_dev, status.st_ino) in seen:
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(directory) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir():
                            pending.append(entry.path)
                        else:
                            status = entry.stat()
                            stamps[entry.path] = (
                                status.st_mtime_ns,
                                status.st_size,
                                status.st_ino,
                            )
                    except OSError:
                        continue
        except OSError:
            continue
    return stamps


def rebuild_request(server: Any) -> Callable[[], None] | None:
    """How MkDocs' own watch handler asks its server for a rebuild (`mkdocs.livereload`, 1.6 and
    ProperDocs), or None for a server that does it another way: that one watches the folder
    with its own watcher."""
    condition = getattr(server, "_rebuild_cond", None)
    if not isinstance(condition, threading.Condition) or not hasattr(server, "_want_rebuild"):
        return None

    def request() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    return request


class FolderWatch:
    """Looks at a folder every `interval` seconds in a thread of its own, except while told the
    site builds, and calls `changed` when any file in it was added, removed or saved since the
    last look."""

    def __init__(
        self, folder: str, changed: Callable[[], None], interval: float = INTERVAL
    ) -> None:
        self.folder, self.changed, self.interval = folder, changed, interval
        self._stopped = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        # The first look happens here, not in the thread: a save right after `start` returns
        # differs from it.
        last = folder_stamps(self.folder)
        self._thread = threading.Thread(
            target=self._run, args=(last,), name="okr-folder-watch", daemon=True
        )
        self._thread.start()

    def _run(self, last: dict[str, Stamp]) -> None:
        while not self._stopped.wait(self.interval):
            self._idle.wait()
            if self._stopped.is_set():
                break
            now = folder_stamps(self.folder)
            if now != last:
                last = now
                self.changed()

    def building(self) -> None:
        self._idle.clear()

    def built(self) -> None:
        self._idle.set()

    def stop(self) -> None:
        self._stopped.set()
        self._idle.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
