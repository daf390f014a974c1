"""Loading in worker processes (core/workers.py) gives what loading in one process gives: the
same loaded files with the same sets, and the same diagnostics in the same order."""

from __future__ import annotations

import dataclasses
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mkdocs_okr.core import load, workers
from mkdocs_okr.core.load import LoadedFile, SourceFile, load_files
from mkdocs_okr.core.settings import Settings
from mkdocs_okr.okrfolder import folder_sources

from .okrfiles import write_set

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402

GOOD = {
    "cycle": "2025-Q3",
    "owner": "growth",
    "level": "company",
    "objectives": [
        {
            "id": "O1",
            "title": "Grow",
            "key_results": [{"id": "KR1", "title": "Leads", "target": 10, "current": 4}],
        }
    ],
}


@pytest.fixture
def forced_workers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Two workers for any folder, two files per task: a small folder is split as a large one."""
    monkeypatch.setattr(workers, "MIN_ITEMS_PER_WORKER", 1)
    monkeypatch.setattr(workers, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    # Without this, a thread of the test run would make both loads serial and prove nothing.
    assert workers.worker_count(2) == 2
    yield


def _serial(sources: list[SourceFile], settings: Settings) -> list[LoadedFile]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "worker_count", lambda items: 0)
        return load_files(sources, settings)


def _parallel(sources: list[SourceFile], settings: Settings) -> list[LoadedFile]:
    used: list[int] = []
    original = load.ordered_map

    def counted(*args: Any, **kwargs: Any) -> Any:
        used.append(args[2])
        return original(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(load, "ordered_map", counted)
        loaded = load_files(sources, settings)
    assert used == [2], "the load did not go through the workers"
    return loaded


def _plain(loaded: list[LoadedFile]) -> list[dict[str, Any]]:
    """Every field of every loaded file, set and diagnostic, as plain values (sets compare by
    identity, so two loads are compared by what they hold)."""
    return [dataclasses.asdict(file) for file in loaded]


def _assert_same_load(folder: Path, settings: Settings) -> list[LoadedFile]:
    sources = folder_sources(folder)
    serial, parallel = _serial(sources, settings), _parallel(sources, settings)
    assert [f.path for f in parallel] == [s.path for s in sources]
    assert [d for f in parallel for d in f.diagnostics] == [
        d for f in serial for d in f.diagnostics
    ]
    assert _plain(parallel) == _plain(serial)
    return parallel


def test_the_example_loads_the_same_in_workers(forced_workers: None, settings: Settings) -> None:
    loaded = _assert_same_load(REPO / "okrs", settings)
    assert len(loaded) > 4 and all(f.okr_set is not None for f in loaded)


def test_a_generated_organisation_loads_the_same_in_workers(
    forced_workers: None, settings: Settings, tmp_path: Path
) -> None:
    generate(tmp_path / "okrs", 120, seed=3)
    loaded = _assert_same_load(tmp_path / "okrs", settings)
    assert len(loaded) == 120


def test_broken_files_load_the_same_in_workers(
    forced_workers: None, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "okrs"
    write_set(folder, "a-good.md", GOOD)
    (folder / "b-yaml-error.md").write_text("---\ncycle: [2025-Q3\n---\n", encoding="utf-8")
    write_set(folder, "c-wrong-types.md", {**GOOD, "owner": "ads", "level": 3, "tags": "x"})
    (folder / "d-binary.md").write_bytes(b"---\nowner: \x00\n---\n")
    (folder / "e-not-utf8.md").write_bytes(b"---\nowner: \xff\xfe\n---\n")
    write_set(folder, "f-partial.md", {**GOOD, "owner": "seo", "colour": "red"})
    (folder / "g-link.md").symlink_to(folder / "a-good.md")  # read as unreadable
    (folder / "h-no-front-matter.md").write_text("# notes\n", encoding="utf-8")
    loaded = _assert_same_load(folder, settings)
    codes = {f.path: [d.code for d in f.diagnostics] for f in loaded}
    assert codes["a-good.md"] == []
    assert codes["b-yaml-error.md"] == ["yaml-syntax"]
    assert "wrong-type" in codes["c-wrong-types.md"]
    assert codes["d-binary.md"] == ["file-binary"]
    assert codes["e-not-utf8.md"] == ["file-encoding"]
    assert [f.partial for f in loaded if f.path == "f-partial.md"] == [True]
    assert codes["g-link.md"] == ["file-unreadable"]
    assert codes["h-no-front-matter.md"] == ["front-matter-missing"]


def test_results_come_back_in_order_from_other_processes(forced_workers: None) -> None:
    parent = os.getpid()
    found = workers.ordered_map(lambda index: (index, os.getpid()), 41, 2)
    assert [index for index, _pid in found] == list(range(41))
    assert parent not in {pid for _index, pid in found}


def test_a_killed_worker_leaves_the_work_to_this_process(forced_workers: None) -> None:
    parent = os.getpid()

    def dies_in_a_worker(index: int) -> int:
        if index == 7 and os.getpid() != parent:
            os._exit(1)  # as the kernel kills a process when memory runs out
        return index * index

    assert workers.ordered_map(dies_in_a_worker, 20, 2) == [i * i for i in range(20)]


@dataclasses.dataclass(slots=True)
class Pair:
    left: int
    right: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(slots=True, frozen=True)
class One:
    only: str


def test_slotted_dataclasses_come_back_whole(forced_workers: None) -> None:
    found = workers.ordered_map(lambda index: (Pair(index, ["x"] * index), One("o")), 5, 2, [One])
    assert found == [(Pair(index, ["x"] * index), One("o")) for index in range(5)]


def test_few_files_one_core_other_threads_or_no_linux_load_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    assert workers.worker_count(2 * workers.MIN_ITEMS_PER_WORKER) == 2
    assert workers.worker_count(2 * workers.MIN_ITEMS_PER_WORKER - 1) == 0
    monkeypatch.setattr(workers, "usable_cores", lambda: 1)
    assert workers.worker_count(100 * workers.MIN_ITEMS_PER_WORKER) == 0
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    with monkeypatch.context() as patch:
        patch.setattr(sys, "platform", "darwin")  # not safe to fork there
        assert workers.worker_count(100 * workers.MIN_ITEMS_PER_WORKER) == 0
    # `mkdocs serve` runs a watcher and a server: forking beside them is unsafe.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers.worker_count(100 * workers.MIN_ITEMS_PER_WORKER) == 0
    finally:
        stop.set()
        thread.join()


def test_no_worker_to_be_had_leaves_the_work_to_this_process(
    forced_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoProcesses:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise BlockingIOError(11, "Resource temporarily unavailable")  # fork's EAGAIN

    monkeypatch.setattr(workers, "ProcessPoolExecutor", NoProcesses)
    assert workers.ordered_map(lambda index: index * 3, 10, 2) == [i * 3 for i in range(10)]
