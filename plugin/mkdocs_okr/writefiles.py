"""Writing OKR files so that none is ever half-written, and a change of several files is whole.

Every file a command writes (`okr checkin`, `score`, `apply-issue`, `new`, `carry`, `init`) is
written whole to a temporary file in its own folder, then renamed over the old one: a rename in
one folder is atomic, so a reader (or a crash) sees the old file or the new one, never a part.
A change of several files first writes every temporary file; only then are they renamed, and if
a rename fails, the files already replaced get their old bytes back.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .core.compare import diagnostic_changes
from .core.diagnostics import Diagnostic, Severity
from .core.organisation import analyse
from .core.settings import Settings
from .okrfolder import read_folder


def _temporary_copy(target: Path, content: bytes) -> Path:
    """`content` in a new file beside `target` (same folder, so the rename stays atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def write_files(changes: list[tuple[Path, bytes]]) -> None:
    """Write every file of `changes`, or leave every one as it was (then raise the OSError)."""
    temporaries: list[tuple[Path, Path]] = []
    try:
        for target, content in changes:
            temporaries.append((target, _temporary_copy(target, content)))
    except BaseException:
        for _target, temporary in temporaries:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    # What each target held before (None: it did not exist), to put back on a failed rename.
    previous = [(target, target.read_bytes() if target.exists() else None) for target, _ in changes]
    done = 0
    try:
        for target, temporary in temporaries:
            os.replace(temporary, target)
            done += 1
    except BaseException:
        for target, old in previous[:done]:
            with contextlib.suppress(OSError):
                if old is None:
                    target.unlink()
                else:
                    os.replace(_temporary_copy(target, old), target)
        for _target, temporary in temporaries[done:]:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise


def errors_introduced(
    folder: Path, written: list[tuple[str, str]], settings: Settings
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(errors, other diagnostics) that writing these files (paths relative to the OKR folder)
    would add to the folder: the judgement of `okr check`, before anything is written."""
    before = read_folder(folder) if folder.is_dir() else []
    replaced = {path for path, _text in written}
    after = [(p, raw) for p, raw in before if p not in replaced]
    after += [(path, text.encode("utf-8")) for path, text in written]
    introduced, _fixed = diagnostic_changes(
        analyse(before, settings).diagnostics, analyse(after, settings).diagnostics
    )
    errors = [d for d in introduced if d.severity is Severity.ERROR]
    return errors, [d for d in introduced if d.severity is not Severity.ERROR]
