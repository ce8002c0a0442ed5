"""Timing shared by the benchmarks."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_of_interleaved(repeat: int, functions: list[Callable[[], object]]) -> list[float]:
    """The best time of each function, all run in turn ``repeat`` times: on a shared machine,
    noise then falls on every one alike instead of on whichever ran during a busy spell."""
    best = [float("inf")] * len(functions)
    # What was built before (fixtures, an earlier group's leftovers) is kept out of the garbage
    # collector's passes, which would otherwise bill its size to whichever function allocates
    # most: the timed work's own garbage is still collected.
    gc.collect()
    gc.freeze()
    try:
        for _ in range(repeat):
            for index, function in enumerate(functions):
                start = time.perf_counter()
                function()
                best[index] = min(best[index], time.perf_counter() - start)
    finally:
        gc.unfreeze()
    return best
