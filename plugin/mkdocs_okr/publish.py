"""`okr render`: the plugin's pages as files, for engines without a plugin API (Zensical) and
any generator that builds a folder of Markdown.

The pages come from the same renderer the MkDocs plugin uses, so both publish the same pages.
Every output path is built from validated cycle and owner ids, and is checked once more here
to stay inside the output folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .core.export import site_export
from .core.organisation import Organisation
from .render import RenderOptions, checkin_dialog, render_pages, stylesheet

EXPORT = "okrs.json"
"""The export's index in the output folder; each cycle's export is in `okrs/` beside it."""


@dataclass(frozen=True)
class Written:
    pages: int
    removed: int


class UnsafePath(ValueError):
    """A generated path that would leave the output folder (never expected: ids are validated)."""


def _inside(out: Path, relative: str) -> Path:
    target = (out / relative).resolve()
    if not target.is_relative_to(out.resolve()):
        raise UnsafePath(relative)
    return target


def render_folder(organisation: Organisation, options: RenderOptions, out: Path) -> Written:
    """Write every page, the stylesheet, the set pages' script and the export under `out`, which
    stands for the `pages_dir` folder of the site (for example docs/okr). Files of an earlier run
    that are no longer generated are removed, so a deleted OKR set does not leave a stale page
    behind."""
    prefix = options.pages_dir.strip("/") + "/"
    wanted: dict[Path, str] = {}
    for page in render_pages(organisation, options):
        relative = page.path[len(prefix) :] if page.path.startswith(prefix) else page.path
        wanted[_inside(out, relative)] = page.markdown
    wanted[_inside(out, "okr.css")] = stylesheet()
    wanted[_inside(out, checkin_dialog.SCRIPT)] = checkin_dialog.script()  # check-in dialog hook
    for name, exported in site_export(organisation, EXPORT):
        wanted[_inside(out, name)] = exported.decode("utf-8")
    marker = _inside(out, ".okr-render")
    removed = 0
    if out.is_dir() and marker.is_file():
        for old in sorted(out.rglob("*"), reverse=True):
            if old.is_file() and old.resolve() not in wanted and old != marker:
                old.unlink()
                removed += 1
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    for path, content in wanted.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    marker.write_text(
        "Written by `okr render`; every file here is replaced on the next run.\n", "utf-8"
    )
    return Written(len(wanted), removed)
