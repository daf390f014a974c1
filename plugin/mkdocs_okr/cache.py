"""The result cache of `okr check`: a warm run (nothing changed) skips all parsing.

The key is a hash of every OKR file's *content* (not its size or mtime, which an edit can keep),
of the options and of this program's version, so a changed file is always re-read. The cache
is never needed for correctness: a missing, unreadable or corrupt cache is a cold run, and a
cache that cannot be written is skipped. It lives in `.cache/okr/` beside mkdocs.yml, where
Material keeps its caches too, with a `.gitignore` of its own that ignores the whole folder.

Reading 10,000 files to hash them took most of a warm run, so the cache also keeps each file's
content digest under its stamp (size, modification and change times, inode: a write changes
the change time, which no tool sets back). A file whose stamp is the one stored is not read
again, unless it was modified in the last seconds before the cache was written: a second write
in the same tick of the clock could keep its stamp (git's "racy" files), so such a file is
hashed again until its stamp is old enough to trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .core.diagnostics import Diagnostic
from .core.sources import SourceFile

# 4: diagnostics stored as message keys and arguments; files' digests under stamps.
# 5: keyed on the options as written, and the OKR folder they name stored beside them.
FORMAT = 5

# A stamp is trusted when its file was last modified this long before the cache was written.
_RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class CheckResult:
    files: int
    sets: int
    diagnostics: list[Diagnostic]


def content_digest(raw: bytes | None) -> str:
    return "unreadable" if raw is None else hashlib.blake2b(raw, digest_size=20).hexdigest()


def check_key(digests: list[tuple[str, str]], options: str) -> str:
    """The key of a check: the program, the options as written (`project.WrittenOptions`:
    this version reads the same written options into the same settings) and each file's path
    and content digest."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{__version__}/{FORMAT}\0{options}\0".encode("utf-8", "backslashreplace"))
    for path, content in digests:
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0" + content.encode() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Stamped:
    """The files' content digests the last run stored, under their stamps."""

    digests: dict[str, tuple[list[int], str]]
    written_ns: int

    def digest_of(self, path: str, stamp: tuple[int, ...] | None) -> str | None:
        """The stored digest of `path`, if its stamp is the stored one and old enough."""
        if stamp is None:
            return None
        stored = self.digests.get(path)
        if stored is None or tuple(stored[0]) != stamp:
            return None
        modified_ns = stamp[1]
        return stored[1] if modified_ns < self.written_ns - _RACY_NS else None


@dataclass(frozen=True)
class Fingerprint:
    """Each file's content digest, the stamps to store with them, and the bytes of the files
    read to make them (a cold run parses those instead of reading them twice)."""

    digests: list[tuple[str, str]]
    stamps: dict[str, tuple[tuple[int, ...], str]]
    read: dict[str, bytes | None]

    def files(self, sources: list[SourceFile]) -> list[tuple[str, bytes | None]]:
        """Every file with its bytes, for the loader."""
        return [
            (source.path, self.read[source.path] if source.path in self.read else source.read())
            for source in sources
        ]


@dataclass(frozen=True)
class Lookup:
    """A folder's files looked up in the cache: their fingerprint, the check's key, and the
    stored result when it is the one of this key (None: the files must be checked)."""

    sources: list[SourceFile]
    seen: Fingerprint
    key: str
    result: CheckResult | None


class CheckCache:
    def __init__(self, directory: Path) -> None:
        self.file = directory / "check.json"
        self._stored: dict[str, object] | None = None

    def _data(self) -> dict[str, object]:
        """What the last run stored, read once."""
        if self._stored is None:
            try:
                data = json.loads(self.file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            self._stored = data if isinstance(data, dict) else {}
        return self._stored

    def _stamped(self) -> Stamped:
        data = self._data()
        stored, written_ns = data.get("stamps"), data.get("written_ns")
        if not isinstance(stored, dict) or not isinstance(written_ns, int):
            return Stamped({}, 0)
        digests: dict[str, tuple[list[int], str]] = {}
        try:
            for path, (stamp, digest) in stored.items():
                digests[str(path)] = ([int(n) for n in stamp], str(digest))
        except (ValueError, TypeError):  # a corrupt cache: every file is read
            return Stamped({}, 0)
        return Stamped(digests, written_ns)

    def fingerprint(self, sources: list[SourceFile]) -> Fingerprint:
        """The files' digests: stored ones where a file's stamp can be trusted, else hashed."""
        stamped = self._stamped()
        digests: list[tuple[str, str]] = []
        stamps: dict[str, tuple[tuple[int, ...], str]] = {}
        read: dict[str, bytes | None] = {}
        for source in sources:
            digest = stamped.digest_of(source.path, source.stamp)
            if digest is None:
                read[source.path] = source.read()
                digest = content_digest(read[source.path])
            digests.append((source.path, digest))
            if source.stamp is not None:
                stamps[source.path] = (source.stamp, digest)
        return Fingerprint(digests, stamps, read)

    def look_up(self, sources: list[SourceFile], options: str) -> Lookup:
        """The check of `sources` under the written `options`, if stored; what a cold run
        needs either way (the files it had to read, the key to store its result under)."""
        seen = self.fingerprint(sources)
        key = check_key(seen.digests, options)
        return Lookup(sources, seen, key, self.get(key))

    def okrs_dir(self, options: str) -> str | None:
        """The OKR folder (`okrs_dir`) that the last run read from these same written options:
        a warm run finds the folder without validating the options (pydantic) again. Only
        options that were valid are stored; a stale entry only makes the key differ."""
        data = self._data()
        folder = data.get("okrs_dir")
        return folder if data.get("options") == options and isinstance(folder, str) else None

    def get(self, key: str) -> CheckResult | None:
        data = self._data()
        try:
            if data.get("key") != key:
                return None
            return CheckResult(
                data["files"],  # type: ignore[arg-type]
                data["sets"],  # type: ignore[arg-type]
                [Diagnostic.from_stored(d) for d in data["diagnostics"]],  # type: ignore[attr-defined]
            )
        except (ValueError, KeyError, TypeError):
            return None

    def put(
        self,
        key: str,
        result: CheckResult,
        stamps: dict[str, tuple[tuple[int, ...], str]],
        options: str,
        okrs_dir: str,
    ) -> None:
        data = {
            "key": key,
            "options": options,
            "okrs_dir": okrs_dir,
            "written_ns": time.time_ns(),
            "stamps": {path: [list(stamp), digest] for path, (stamp, digest) in stamps.items()},
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
