"""A one-off render (a build, `okr render`) makes the set pages in forked worker processes
(render/site.py `SitePages._set_pages`): the pages must be those one process makes, in the same
order; a render with a memo (`mkdocs serve`) keeps making them itself, one by one."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from mkdocs_okr.core import workers
from mkdocs_okr.core.organisation import Organisation, analyse
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.okrfolder import folder_sources
from mkdocs_okr.render import RenderOptions, each_page, site
from mkdocs_okr.render.memo import ServeMemo
from mkdocs_okr.render.site import Page

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402

OPTIONS = RenderOptions(today=dt.date(2024, 2, 15), language="zh")


@pytest.fixture
def organisation(tmp_path: Path, settings: Settings) -> Organisation:
    generate(tmp_path / "okrs", 90, seed=5)
    return analyse(folder_sources(tmp_path / "okrs"), settings)


def _pages(organisation: Organisation, workers_used: list[int], memo: Any = None) -> list[Page]:
    original = site.ordered_results

    def counted(*args: Any, **kwargs: Any) -> Any:
        workers_used.append(args[2])
        return original(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workers, "MIN_ITEMS_PER_WORKER", 1)
        patch.setattr(workers, "CHUNK_ITEMS", 4)
        patch.setattr(workers, "usable_cores", lambda: 2)
        patch.setattr(site, "ordered_results", counted)
        if memo is None:
            return list(each_page(organisation, OPTIONS))
        keys = memo.start(organisation)
        pages = list(each_page(organisation, OPTIONS, memo.pages, keys))
        memo.finish(keys)
        return pages


def _in_one_process(organisation: Organisation) -> list[Page]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(site, "worker_count", lambda items: 0)
        return list(each_page(organisation, OPTIONS))


def test_set_pages_made_in_workers_are_the_pages_of_one_process(
    organisation: Organisation,
) -> None:
    # Without this, a thread of the test run would keep the render in one process.
    assert workers.fork_is_safe()
    used: list[int] = []
    parallel = _pages(organisation, used)
    assert used == [2], "the set pages were not made by the workers"
    serial = _in_one_process(organisation)
    assert len([p for p in serial if p.path.count("/") == 3]) >= 90  # the set pages are there
    assert [p.path for p in parallel] == [p.path for p in serial]
    assert parallel == serial


def test_a_render_with_a_memo_makes_its_pages_itself(organisation: Organisation) -> None:
    used: list[int] = []
    memo = ServeMemo()
    with_memo = _pages(organisation, used, memo)
    assert used == []
    assert with_memo == _in_one_process(organisation)
