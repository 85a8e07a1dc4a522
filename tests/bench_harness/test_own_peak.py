"""The export rows' peak RSS is the child's own, not the size of the bench that ran it.

On Linux a forked child's ``ru_maxrss`` starts from its parent's pages, so in a full
``make bench`` run (a parent of several hundred MB) every export reported the parent's
size (820 MB in each of four processes).
"""

from __future__ import annotations

from tests.benchmarks import export_bench

PARENT_MB = 400


def test_a_small_child_of_a_large_parent_reports_its_own_peak():
    ballast = bytearray(PARENT_MB * 1024 * 1024)  # this process: over 400 MB resident
    _seconds, peak_mb, out, _cpu = export_bench._measured(
        ["-m", "tests.bench_harness.allocate", "1"]
    )
    assert out == str(1024 * 1024)
    assert peak_mb < PARENT_MB / 2, peak_mb
    assert len(ballast) == PARENT_MB * 1024 * 1024


def test_what_a_child_holds_is_counted():
    _seconds, small, _out, _cpu = export_bench._measured(
        ["-m", "tests.bench_harness.allocate", "1"]
    )
    _seconds, large, _out, _cpu = export_bench._measured(
        ["-m", "tests.bench_harness.allocate", "300"]
    )
    assert large - small > 290, (small, large)
