"""Material's search entries of the generated pages, made on a second core while MkDocs builds
the pages on the first.

Indexing a generated page (Material's HTML parser, then jieba for every run of Chinese) took a
quarter of a 1,000-set site's build, all of it in MkDocs' page loop, one page at a time on one
core. But a generated page's HTML is finished in `on_files`, before the loop starts: a forked
process can index every such page while the parent renders Material's templates, and hand the
entries back before Material's `on_post_build` writes the index.

The index stays byte for byte the one the page loop would make:
- each page's entries go back where the loop would have appended them (the parent notes the
  position when it reaches the page);
- the child indexes a page from what the file says (its URL, the front matter's title and
  metadata, its HTML); the parent, reaching the page, compares that with the page MkDocs really
  built (a nav title, another plugin's metadata or table of contents) and indexes any page that
  differs itself, the usual way.
If the child dies, the parent indexes every page itself.

Only where forking is safe and pays: on Linux, in a process with one thread (`mkdocs build`;
`serve` runs threads and keeps its entries per page: serving.py), with a second core, and with
enough pages to outweigh the fork.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import meta as front_matter

from .core.workers import fork_is_safe, usable_cores
from .searchview import SearchIndex, SearchView, kept_out_of_search, leave_to_us, searched_html

# Fewer generated pages than this are indexed in the page loop: the child's start (a fork of a
# large process, jieba's dictionary loaded again) would cost more than it saves.
MIN_PAGES = 200

Entries = list[dict[str, Any]]


@dataclass(frozen=True)
class PageKey:
    """What a page's search entries depend on besides its HTML."""

    start: int  # where the HTML starts in the file's text (after the front matter)
    url: str
    title: Any
    meta: dict[str, Any]


@dataclass
class Waiting:
    """A page the parent reached: where its entries go, and the page as MkDocs built it."""

    position: int
    key: PageKey
    file: File


def may_fork(pages: int) -> bool:
    """Whether indexing `pages` generated pages in a forked process can pay here."""
    return pages >= MIN_PAGES and usable_cores() >= 2 and fork_is_safe()


class SearchAhead:
    """The generated pages' entries, made in a forked child; spliced into the parent's index."""

    def __init__(self, index: SearchIndex, files: list[File]) -> None:
        self.index = index
        self.files = {file.src_uri: file for file in files}
        self.waiting: list[Waiting] = []
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        # A forked child flushes the parent's unwritten output again when it exits.
        sys.stdout.flush()
        sys.stderr.flush()
        # With `fork`, the arguments are the parent's own objects, not pickled copies.
        self.process = context.Process(
            target=_index_in_child, args=(index, files, sender), daemon=True
        )
        self.process.start()
        sender.close()

    def take(self, page: Page, start: int) -> bool:
        """Leave the generated `page` (its HTML at `start` of its file's text) to the child, if
        the child can index it as MkDocs built it; then Material's own pass skips it."""
        if kept_out_of_search(page.meta) or page.toc:
            return False  # indexed as usual (or not at all)
        if page.file.src_uri not in self.files:
            return False
        key = PageKey(start, page.url, page.title, dict(page.meta))
        self.waiting.append(Waiting(len(self.index.entries), key, page.file))
        leave_to_us(page)
        return True

    def finish(self) -> None:
        """Put every taken page's entries where the page loop would have appended them."""
        made = self._receive()
        entries: Entries = self.index.entries
        # From the last position back, so the positions before stay true.
        for waiting in reversed(self.waiting):
            child = made.get(waiting.file.src_uri)
            if child is not None and child[0] == waiting.key:
                found = child[1]
            else:
                found = _entries(self.index, waiting.key, waiting.file)
            entries[waiting.position : waiting.position] = found
        self.waiting = []

    def cancel(self) -> None:
        """The build failed: stop the child."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.receiver.close()

    def _receive(self) -> dict[str, tuple[PageKey, Entries]]:
        try:
            made: dict[str, tuple[PageKey, Entries]] = pickle.loads(self.receiver.recv_bytes())
        except (EOFError, OSError):  # the child died (killed when memory ran out, say)
            made = {}
        self.process.join()
        self.receiver.close()
        return made


def _index_in_child(index: SearchIndex, files: list[File], sender: Connection) -> None:
    made: dict[str, tuple[PageKey, Entries]] = {}
    try:
        for file in files:
            text = file.content_string
            html, meta = front_matter.get_data(text)
            key = PageKey(len(text) - len(html), file.url, meta.get("title"), meta)
            if kept_out_of_search(meta):
                continue
            made[file.src_uri] = (key, _entries(index, key, file))
        sender.send_bytes(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # whatever failed here, the parent indexes the pages itself
        pass
    finally:
        sender.close()


def _entries(index: SearchIndex, key: PageKey, file: File) -> Entries:
    """Material's entries for one generated page, made by an index of the same settings."""
    alone = type(index)(**index.config)
    html = file.content_string[key.start :].strip()
    alone.add_entry_from_context(SearchView(searched_html(html), [], key.url, key.meta, key.title))
    found: Entries = alone.entries
    return found
