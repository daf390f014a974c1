"""The cyclic garbage collector, paused while OKR sets are loaded and linked.

Loading and linking make millions of small objects and no cyclic garbage. The cyclic collector
would walk the growing heap of sets over and over (bench/profile_check.py: 28 % of loading
10,000 sets; linking 5,000 took three times longer with it), and under `mkdocs serve` the heap
also holds the last build's pages. Reference counting still frees everything that is not in a
cycle while the collector is paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block; nested blocks leave it to the outermost."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
