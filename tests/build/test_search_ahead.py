"""A one-off build indexes the generated pages in a forked process while MkDocs builds the pages
(plugin `searchahead`): the search index must be byte for byte the one the page loop makes,
whatever another plugin changed on a page, and whether or not the child lives to the end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_okr import searchahead
from mkdocs_okr.core.workers import fork_is_safe

from .sitetools import copy_example

# A hook another site might have: boost the set pages in search (metadata the front matter
# of a generated page does not hold).
BOOST_HOOK = """
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.count("/") == 3:
        page.meta["search"] = {"boost": 2}
    return markdown
"""


def _index(project: Path, site: str) -> bytes:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / site))
    # What `mkdocs build` says first; only a one-off build indexes ahead.
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return (project / site / "search" / "search_index.json").read_bytes()


def _ahead_and_in_loop(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[bytes, bytes, list[int]]:
    """The index made with the child indexing every generated page, the index made in the page
    loop, and how many pages the child sent back."""
    sent: list[int] = []
    receive = searchahead.SearchAhead._receive

    def counted(self: searchahead.SearchAhead) -> Any:
        made = receive(self)
        sent.append(len(made))
        return made

    with monkeypatch.context() as patch:
        patch.setattr(searchahead, "MIN_PAGES", 1)
        patch.setattr(searchahead, "usable_cores", lambda: 2)
        patch.setattr(searchahead.SearchAhead, "_receive", counted)
        # Without this, a thread of the test run would keep the build in one process.
        assert fork_is_safe()
        ahead = _index(project, "ahead")
    with monkeypatch.context() as patch:
        patch.setattr(searchahead, "MIN_PAGES", 10**9)
        in_loop = _index(project, "in-loop")
    return ahead, in_loop, sent


def test_the_index_made_ahead_is_the_page_loops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ahead, in_loop, sent = _ahead_and_in_loop(copy_example(tmp_path), monkeypatch)
    assert len(sent) == 1 and sent[0] > 20  # the child indexed the example's generated pages
    assert b"okr/2026-Q4/" in ahead
    assert ahead == in_loop


def test_a_page_another_plugin_changed_is_indexed_as_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_example(tmp_path)
    (project / "boost.py").write_text(BOOST_HOOK, encoding="utf-8")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nhooks:\n  - boost.py\n")
    ahead, in_loop, sent = _ahead_and_in_loop(project, monkeypatch)
    assert sent and sent[0] > 20
    assert b'"boost":2' in ahead
    assert ahead == in_loop


def test_a_child_that_dies_leaves_the_index_to_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*args: Any) -> None:
        os._exit(1)

    monkeypatch.setattr(searchahead, "_index_in_child", killed)
    ahead, in_loop, sent = _ahead_and_in_loop(copy_example(tmp_path), monkeypatch)
    assert sent == [0]
    assert b"okr/2026-Q4/" in ahead
    assert ahead == in_loop


def test_forking_needs_pages_a_second_core_and_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(searchahead, "usable_cores", lambda: 2)
    assert searchahead.may_fork(searchahead.MIN_PAGES)
    assert not searchahead.may_fork(searchahead.MIN_PAGES - 1)
    monkeypatch.setattr(searchahead, "usable_cores", lambda: 1)
    assert not searchahead.may_fork(10 * searchahead.MIN_PAGES)
    monkeypatch.setattr(searchahead, "usable_cores", lambda: 2)
    monkeypatch.setattr(searchahead, "fork_is_safe", lambda: False)
    assert not searchahead.may_fork(10 * searchahead.MIN_PAGES)


def test_a_child_that_fails_says_nothing_and_leaves_the_index_to_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    parent = os.getpid()
    entries = searchahead._entries

    def fails_in_the_child(*args: Any) -> Any:
        if os.getpid() != parent:
            raise ValueError("a page the child cannot index")
        return entries(*args)

    monkeypatch.setattr(searchahead, "_entries", fails_in_the_child)
    ahead, in_loop, sent = _ahead_and_in_loop(copy_example(tmp_path), monkeypatch)
    assert sent == [0]
    assert ahead == in_loop
    assert "Traceback" not in capfd.readouterr().err
