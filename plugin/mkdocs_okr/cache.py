"""The result cache of `okr check`: a warm run (nothing changed) skips all parsing.

The key is a hash of every OKR file's *content* (not its size or mtime, which an edit can keep),
of the options and of this program's version, so a changed file is always re-read. The cache
is never needed for correctness: a missing, unreadable or corrupt cache is a cold run, and a
cache that cannot be written is skipped. It lives in `.cache/okr/` beside mkdocs.yml, where
Material keeps its caches too, with a `.gitignore` of its own that ignores the whole folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .core.diagnostics import Diagnostic
from .core.settings import Settings

FORMAT = 3  # diagnostics stored as message keys and arguments, pieces nested


@dataclass(frozen=True)
class CheckResult:
    files: int
    sets: int
    diagnostics: list[Diagnostic]


def check_key(files: list[tuple[str, bytes | None]], settings: Settings) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{__version__}/{FORMAT}\0{settings.model_dump_json()}\0".encode())
    for path, raw in files:
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(
            b"unreadable" if raw is None else hashlib.blake2b(raw, digest_size=20).digest()
        )
    return digest.hexdigest()


class CheckCache:
    def __init__(self, directory: Path) -> None:
        self.file = directory / "check.json"

    def get(self, key: str) -> CheckResult | None:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("key") != key:
                return None
            return CheckResult(
                data["files"],
                data["sets"],
                [Diagnostic.from_stored(d) for d in data["diagnostics"]],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: CheckResult) -> None:
        data = {
            "key": key,
            "files": result.files,
            "sets": result.sets,
            "diagnostics": [d.stored() for d in result.diagnostics],
        }
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            # A cache is no part of the project: keep it out of commits without asking the
            # user to edit their .gitignore (what pytest, ruff and mypy do with theirs).
            ignore = self.file.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            # Written whole and then renamed, so a reader never sees half a file.
            handle, temporary = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(data, stream, ensure_ascii=False)
            os.replace(temporary, self.file)
        except OSError:
            return
