"""Read the OKR folder's files as they are at a git revision, without touching the work tree.

`okr diff` compares two revisions. Checking one out would overwrite the user's files (and fail
on uncommitted changes), so the blobs are read through git: `git ls-tree` lists the folder at
the revision and one `git cat-file --batch` process returns every file's bytes.
"""

from __future__ import annotations

import posixpath
import subprocess
from pathlib import Path

from .okrfolder import is_okr_path, read_folder


class GitError(Exception):
    """git is missing, this is not a repository, or a revision does not exist."""


def _git(root: Path | None, *args: str, stdin: bytes | None = None) -> bytes:
    # --literal-pathspecs: a folder named `okrs[1]` or `*` means just that folder.
    command = ["git", "--literal-pathspecs", *args]
    try:
        done = subprocess.run(command, cwd=root, input=stdin, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise GitError("git is not installed (or not on PATH).") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise GitError(f"`git {' '.join(args)}` failed: {message}")
    return done.stdout


def repository_root(start: Path) -> Path:
    """The top folder of the git work tree that holds `start`."""
    folder = start if start.is_dir() else start.parent
    try:
        output = _git(folder, "rev-parse", "--show-toplevel")
    except GitError as error:
        raise GitError(f"'{start}' is not inside a git repository ({error}).") from error
    return Path(output.decode("utf-8").strip())


def resolve_revision(root: Path, revision: str) -> str:
    """The commit id of `revision` (a branch, tag, `origin/main`, a sha ...)."""
    if revision.startswith("-"):
        raise GitError(f"'{revision}' is not a revision.")
    try:
        output = _git(
            root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except GitError as error:
        hint = (
            " In a CI job, check out the full history (actions/checkout with fetch-depth: 0)."
            if "/" in revision
            else ""
        )
        raise GitError(f"unknown revision '{revision}'.{hint}") from error
    return output.decode("ascii").strip()


def folder_in_repository(root: Path, folder: Path) -> str:
    """The folder's path relative to the repository root, with '/' ('' for the root)."""
    try:
        relative = folder.resolve().relative_to(root.resolve())
    except ValueError as error:
        raise GitError(f"the OKR folder '{folder}' is outside the repository {root}.") from error
    text = relative.as_posix()
    return "" if text == "." else text


def read_revision(root: Path, revision: str, folder: str) -> list[tuple[str, bytes]]:
    """Every OKR file below `folder` (relative to the root) at `revision`: (path in folder, bytes).

    A folder that does not exist at the revision has no files.
    """
    commit = resolve_revision(root, revision)
    listing = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", folder or ".")
    wanted: list[tuple[str, str]] = []
    prefix = f"{folder}/" if folder else ""
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _tab, raw_path = entry.partition(b"\t")
        mode, kind, object_id = meta.decode("ascii").split(" ")
        # Symbolic links (120000) and submodules are not files of the folder.
        if kind != "blob" or mode not in ("100644", "100755"):
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        if not path.startswith(prefix):
            continue
        relative = path[len(prefix) :]
        if is_okr_path(relative):
            wanted.append((relative, object_id))
    if not wanted:
        return []
    request = "".join(f"{object_id}\n" for _path, object_id in wanted).encode("ascii")
    output = _git(root, "cat-file", "--batch", stdin=request)
    files: list[tuple[str, bytes]] = []
    offset = 0
    for relative, object_id in wanted:
        header_end = output.index(b"\n", offset)
        header = output[offset:header_end].decode("ascii").split(" ")
        if len(header) != 3 or header[0] != object_id:
            raise GitError(f"git cat-file returned '{' '.join(header)}' for {object_id}.")
        size = int(header[2])
        start = header_end + 1
        files.append((relative, output[start : start + size]))
        offset = start + size + 1  # the contents are followed by a line feed
    return sorted(files)


def read_side(root: Path, revision: str | None, folder: Path) -> list[tuple[str, bytes | None]]:
    """The folder's files at `revision`, or in the work tree when `revision` is None."""
    if revision is None:
        return read_folder(folder) if folder.is_dir() else []
    return list(read_revision(root, revision, folder_in_repository(root, folder)))


def join(folder: str, relative: str) -> str:
    """A path in the folder as the repository shows it (`okrs/2024-Q1/brand.md`)."""
    return posixpath.join(folder, relative) if folder else relative
