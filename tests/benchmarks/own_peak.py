"""Runs a module as ``python -m`` would, and writes the peak RSS of this process alone.

    python -m tests.benchmarks.own_peak PEAK_FILE MODULE [ARGS...]

``wait4``'s ``ru_maxrss`` of a child is not the child's own peak on Linux: a child made by
fork (or vfork) from a large parent starts with the parent's pages counted, and exec
carries that high-water mark over. A full ``make bench`` run's parent holds several
hundred MB by the export rows, so every child reported the parent's size. ``VmHWM`` in
``/proc/self/status`` belongs to the memory map made at exec, so it is this process's
own; it is written in kB to PEAK_FILE when the interpreter exits.
"""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def high_water_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def main() -> None:
    peak_file, module, *arguments = sys.argv[1:]
    atexit.register(lambda: Path(peak_file).write_text(f"{high_water_kb()}\n"))
    sys.argv = [module, *arguments]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
