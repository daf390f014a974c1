"""Material's search worker, corrected to search a run of Chinese characters whole.

Before it searches, Material's search worker cuts each run of Chinese characters in the query
into pieces that are words of the index (`segment`, in Material's
`src/templates/assets/javascripts/integrations/search/query/segment/index.ts`). It tries only
the pieces that end before the run's last character (`j < query.length`), so as soon as a
shorter piece is a word of the index, the last character is lost: on a site where jieba cut
some other 何 from a given name, a search for 何明 looks for 何 and does not find 何明's set
page. The plugin gives MkDocs the worker with that one bound changed (`j <= query.length`):
the whole run is tried too. It does so on every site that has the plugin and searches with
Material's search, whatever its `custom_dir`.

The text is changed in the build's `Files` (`on_files`; MkDocs adds the theme's files before
it), never in site_dir: MkDocs writes the corrected worker on every build, `--dirty` or not,
and no build copies Material's own over it afterwards.

Only the exact loop of the Material versions this was made for is changed (9.7.7 and 9.8.2
minify it the same way; tests/build/test_search_worker.py checks the installed one). A worker
without that loop, or whose loop already tries the whole run, is left as it is. Of the first
the build log says one line at info level, not a warning: `--strict` fails on warnings, and a
Material upgrade would then stop every publication of the site (its OKR updates included) for
a search that still works as Material's own does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from .core import messages
from .searchview import material_search_index

# How Material's base.html names the worker it loads (the name carries Material's build hash).
_NAMED_WORKER = re.compile(r'"(assets/javascripts/workers/search\.[0-9a-z]+\.min\.js)"')
ANY_WORKER = "assets/javascripts/workers/search.*.min.js"

# The segmenter's inner loop, minified, as Material ships it and as corrected.
SEGMENT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
WHOLE_RUN_LOOP = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def searching_whole_runs(worker: str) -> str | None:
    """The worker's text with its segmenter trying whole runs: `worker` itself when it already
    does; None when the segmenter's loop is not found exactly once (another Material)."""
    if worker.count(WHOLE_RUN_LOOP) == 1 and SEGMENT_LOOP not in worker:
        return worker
    if worker.count(SEGMENT_LOOP) == 1 and WHOLE_RUN_LOOP not in worker:
        return worker.replace(SEGMENT_LOOP, WHOLE_RUN_LOOP)
    return None


def named_worker(theme_dirs: Iterable[str]) -> str | None:
    """The search worker the theme's base.html loads: the base.html Jinja would use (the first
    of the theme's folders that holds one: a custom_dir's, else Material's)."""
    for folder in theme_dirs:
        base = Path(folder) / "base.html"
        if base.is_file():
            found = _NAMED_WORKER.search(base.read_text(encoding="utf-8"))
            return found[1] if found else None
    return None


def correct_search_worker(files: Files, config: MkDocsConfig) -> messages.Text | None:
    """Make the search worker among `files` try whole runs of Chinese characters, on a site
    that searches with Material's search (which needs Material's templates). Returns what to
    tell when its worker is not one this knows (the worker is then left as it is)."""
    if material_search_index(config) is None:
        return None  # Material's worker is not this site's search
    path = named_worker(config.theme.dirs)
    if path is None:
        return messages.text("okr.search-worker", file=ANY_WORKER)
    worker = files.get_file_from_path(path)
    if worker is None:
        return None  # no worker at all: there is no search to correct
    text = worker.content_string
    corrected = searching_whole_runs(text)
    if corrected is None:
        return messages.text("okr.search-worker", file=path)
    if corrected is not text:
        worker.content_string = corrected
    return None
