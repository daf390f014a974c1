"""Run one function over many items in worker processes: the same results, in the same order.

Loading is nearly all Python (parsing, validating, building the model; bench/profile_check.py),
so one process uses one core. A large OKR folder is split into chunks of consecutive items;
each worker process loads whole chunks and the parent puts the chunks back in their order, so a
caller sees exactly what a loop in one process would give. If a worker is killed, the parent
does the work itself (a `multiprocessing.Pool` would wait for the lost chunk for ever).

Why `fork` and only `fork`: a forked worker starts in milliseconds with every module imported
and the items already in its memory, so nothing but the results crosses a pipe. A spawned worker
would import pydantic and the schema again and be sent every file's bytes. But forking a process
that runs other threads is unsafe (a lock one of them holds stays locked in the child for good):
`mkdocs serve` runs a file watcher and an HTTP server. So a process with more than one thread
loads in one process, and so does every platform but Linux (macOS's system libraries are not
safe to fork, and Python's default there is `spawn`; Windows has no `fork`). Serving loses
nothing by it: it loads through `LoadMemo` and parses only the files that were saved. A plain
`mkdocs build` and `okr check` have one thread when they load, and use the workers.

Results come back pickled with a table of reducers for slotted dataclasses (the OKR model):
the default pickling of `slots=True` dataclasses calls Python code per field and made pickling
cost a fifth of the loading itself.
"""

from __future__ import annotations

import copyreg
import dataclasses
import io
import multiprocessing
import operator
import os
import pickle
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")

# Below this many items per worker, starting the worker and pickling its results costs more
# than it saves (measured: about 8 ms per OKR set loaded, 0.7 ms to pickle and unpickle it).
MIN_ITEMS_PER_WORKER = 200
# Items per task: small enough that the workers finish together, large enough that a task's
# round trip (a few hundred microseconds) does not count.
CHUNK_ITEMS = 32

# The function of the running `ordered_map`: set in the parent just before the workers are
# forked, so they inherit it (with the items it closes over) instead of receiving it pickled.
_running: Callable[[int], Any] | None = None
_reducers: dict[type, Callable[[Any], Any]] = {}


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def fork_is_safe() -> bool:
    """Whether this process may fork workers (see the module's docstring: Linux, one thread)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def worker_count(items: int) -> int:
    """How many worker processes to use for `items` items; 0 means: work in this process."""
    if not fork_is_safe():
        return 0
    workers = min(usable_cores(), items // MIN_ITEMS_PER_WORKER)
    return workers if workers >= 2 else 0


def ordered_map(
    function: Callable[[int], T],
    count: int,
    workers: int,
    compact: Iterable[type] = (),
) -> list[T]:
    """[function(0), function(1), ... function(count - 1)], computed by `workers` forked
    processes. `compact`: slotted dataclasses among the results, pickled field by field."""
    return list(ordered_results(function, count, workers, compact))


def ordered_results(
    function: Callable[[int], T],
    count: int,
    workers: int,
    compact: Iterable[type] = (),
) -> Iterator[T]:
    """`ordered_map`, one result at a time: a caller that packs or writes each result as it
    comes never holds them all (the pages of a large site, say)."""
    global _running
    if _running is not None:
        raise RuntimeError("ordered_map does not nest: its workers are forked from one parent")
    _reducers.clear()
    _reducers.update(_field_reducers(compact))
    chunks = [(start, min(start + CHUNK_ITEMS, count)) for start in range(0, count, CHUNK_ITEMS)]
    # A forked child flushes the parent's unwritten output again when it exits.
    sys.stdout.flush()
    sys.stderr.flush()
    _running = function
    given = 0
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for packed in pool.map(_run_chunk, chunks):
                for result in pickle.loads(packed):
                    given += 1
                    yield result
    except (BrokenProcessPool, OSError):
        # A worker was killed (by the kernel when memory ran out, say), or none could be
        # started (a limit on processes): rather than fail, do the rest of the work here, as
        # on one core. (What the function itself raises, it raises here again.)
        _running = None
        for index in range(given, count):
            yield function(index)
    finally:
        _running = None
        _reducers.clear()


def _run_chunk(bounds: tuple[int, int]) -> bytes:
    """In a worker: the results of one chunk, pickled."""
    function = _running
    if function is None:  # pragma: no cover - only a worker of ordered_map runs this
        raise RuntimeError("no ordered_map is running")
    return _pickled([function(index) for index in range(*bounds)])


def _pickled(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_reducers}
    pickler.dump(value)
    return buffer.getvalue()


def _field_reducers(classes: Iterable[type]) -> dict[type, Callable[[Any], Any]]:
    """For each dataclass: object -> (class, its fields in order), rebuilt by calling the class."""
    found: dict[type, Callable[[Any], Any]] = {}
    for cls in classes:
        fields: Sequence[dataclasses.Field[Any]] = dataclasses.fields(cls)
        if not all(f.init for f in fields):
            raise TypeError(f"{cls.__name__}: every field must be an argument of its __init__")
        found[cls] = _reducer(cls, operator.attrgetter(*(f.name for f in fields)))
    return found


def _reducer(cls: type, values: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # attrgetter of one name returns the value itself, not a 1-tuple.
    if len(dataclasses.fields(cls)) == 1:
        return lambda item: (cls, (values(item),))
    return lambda item: (cls, values(item))
