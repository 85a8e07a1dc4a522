"""Python's cyclic garbage collector paused around a bulk write."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic garbage collection while a chunk (an import's, a pulled page) is built
    and written.

    A chunk allocates a few hundred thousand dicts and tuples, none in a reference cycle,
    and every few thousand allocations start a collection that walks the whole heap (the
    records still to import among it): a tenth of the import's time. The collector runs
    again, and collects anything left, after each chunk.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
