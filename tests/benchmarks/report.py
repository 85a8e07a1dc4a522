"""Results: one row per line of issue 7's table, each with the baseline measured in the same run.

Issue 16 point 5, numbers that survive a busy machine: every row also records the load
average at its start and end and the CPU time of its measured work next to the wall time
(``time.process_time``: every thread of this process; work in subprocesses adds their
``RUSAGE_CHILDREN`` time). Rows with an absolute target take their samples through
``repeat`` (whole rounds until the rounds agree or a bound is reached) and are judged by
``judge``: on wall time on a quiet machine, on CPU time when the load average says other
processes took the cores (wall time is then mostly waiting for a core). The table says
which.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

# A machine is quiet while its 1-minute load average stays at or under this many runnable
# processes per core (this run's own process is one): wall time is then what a user sees.
QUIET_LOAD_PER_CORE = 0.5
# ``repeat``: whole rounds until the last rounds' statistic agrees within SPREAD, at most
# ROUNDS rounds (a busy machine rarely agrees: the bound keeps a run's length bounded).
SPREAD = 0.15
MIN_ROUNDS, ROUNDS = 2, 5


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (the worst of 20 samples is their p95)."""
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))  # ceil(0.95 n)
    return ordered[rank - 1]


def timed_ms(action: Callable[[], Any]) -> float:
    started = perf_counter()
    action()
    return (perf_counter() - started) * 1000


def load_average() -> float | None:
    """The 1-minute load average, or None where the system has none."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def cpu_seconds(children: bool = False) -> float:
    """CPU time (user + system) of this process's threads; with ``children``, plus that
    of its finished, waited-for subprocesses."""
    total = process_time()
    if children:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += usage.ru_utime + usage.ru_stime
    return total


@dataclass
class Samples:
    """Wall and CPU milliseconds of the same measured actions, in pairs."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rounds: int = 1
    spread: float | None = None  # relative spread of the rounds' statistic
    load: tuple[float | None, float | None] = (None, None)

    def time(self, action: Callable[[], Any], *, children: bool = False) -> Any:
        """Runs ``action`` once, adding its wall and CPU time; returns its result."""
        cpu = cpu_seconds(children)
        started = perf_counter()
        result = action()
        self.wall.append((perf_counter() - started) * 1000)
        self.cpu.append((cpu_seconds(children) - cpu) * 1000)
        return result

    def add(self, wall_ms: float, cpu_ms: float) -> None:
        self.wall.append(wall_ms)
        self.cpu.append(cpu_ms)

    def extend(self, other: Samples) -> None:
        self.wall += other.wall
        self.cpu += other.cpu


def timed(action: Callable[[], Any], *, children: bool = False) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call of ``action``."""
    samples = Samples()
    samples.time(action, children=children)
    return samples.wall[0], samples.cpu[0]


def repeat(
    round_: Callable[[], Samples],
    statistic: Callable[[Sequence[float]], float] | None = None,
    *,
    spread: float = SPREAD,
    min_rounds: int = MIN_ROUNDS,
    max_rounds: int = ROUNDS,
) -> Samples:
    """Runs ``round_`` (one full set of a row's samples) until the last two rounds'
    ``statistic`` (p95 by default) of the wall time agree within ``spread`` of each other,
    or ``max_rounds`` ran. Returns every round's samples pooled, with the spread of the
    rounds' statistic, how many rounds ran and the load average at start and end."""
    statistic = statistic or p95
    load_start = load_average()
    pooled = Samples()
    values: list[float] = []
    for number in range(1, max_rounds + 1):
        done = round_()
        pooled.extend(done)
        values.append(statistic(done.wall))
        if number >= min_rounds and _spread(values[-2:]) <= spread:
            break
    pooled.rounds = len(values)
    pooled.spread = _spread(values)
    pooled.load = (load_start, load_average())
    return pooled


def _spread(values: Sequence[float]) -> float:
    """(max - min) / min of ``values``, 0 for fewer than two."""
    if len(values) < 2:
        return 0.0
    low = min(values)
    return (max(values) - low) / low if low > 0 else math.inf


def quiet(load: tuple[float | None, float | None]) -> bool:
    """Whether the load average at a row's start and end leaves the cores to this run."""
    cores = os.cpu_count() or 1
    known = [value for value in load if value is not None]
    return bool(known) and max(known) <= QUIET_LOAD_PER_CORE * cores


@dataclass(frozen=True)
class Judged:
    """A measured statistic against a limit, on the wall or the CPU time."""

    on: str  # "wall" or "cpu"
    value: float
    passed: bool


def judge(
    samples: Samples, limit: float, statistic: Callable[[Sequence[float]], float] | None = None
) -> Judged:
    """An absolute target (``statistic`` of the samples ≤ ``limit`` ms): on the wall time
    when the machine was quiet, else on the CPU time of the same work."""
    statistic = statistic or p95
    on = "wall" if quiet(samples.load) else "cpu"
    value = statistic(samples.wall if on == "wall" else samples.cpu)
    return Judged(on, value, value <= limit)


@dataclass
class Row:
    name: str
    median: float
    p95: float
    unit: str
    baseline: float | None  # the baseline's median, same unit
    ratio: float | None  # how the baseline compares; the meaning is in `ratio_means`
    target: str
    passed: bool
    ratio_means: str = ""
    notes: list[str] = field(default_factory=list)
    # Issue 16 point 5. The CPU time of the same samples (ms; for a rate, CPU seconds of
    # the whole measured work), the load average at the row's start and end, the rounds
    # ``repeat`` ran and their spread, and what an absolute target was judged on.
    cpu_median: float | None = None
    cpu_p95: float | None = None
    load: tuple[float | None, float | None] = (None, None)
    rounds: int | None = None
    spread: float | None = None
    judged_on: str = "wall"
    # Wall and CPU seconds of the whole step that made the row (set by run.py's step,
    # subprocesses included): the CPU figure of a row measured as a rate.
    step_seconds: tuple[float, float] | None = None

    @classmethod
    def timed(
        cls,
        name: str,
        samples: Samples,
        baseline: float | None,
        ratio: float | None,
        target: str,
        judged: Judged,
        ratio_means: str = "",
        *,
        also: bool = True,
        notes: list[str] | None = None,
    ) -> Row:
        """A row of wall-time samples with an absolute target ``judged``; ``also``: any
        other condition of the row's target (a ratio), judged on the wall time."""
        return cls(
            name,
            median(samples.wall),
            p95(samples.wall),
            "ms",
            baseline,
            ratio,
            target,
            judged.passed and also,
            ratio_means,
            notes or [],
            cpu_median=median(samples.cpu),
            cpu_p95=p95(samples.cpu),
            load=samples.load,
            rounds=samples.rounds,
            spread=samples.spread,
            judged_on=judged.on,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "median": _number(self.median),
            "p95": _number(self.p95),
            "unit": self.unit,
            "baseline": None if self.baseline is None else round(self.baseline, 3),
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "target": self.target,
            "pass": self.passed,
            "cpu_median": _optional(self.cpu_median),
            "cpu_p95": _optional(self.cpu_p95),
            "load_start": self.load[0],
            "load_end": self.load[1],
            "rounds": self.rounds,
            "spread": _optional(self.spread),
            "judged_on": self.judged_on,
            "step_wall_s": None if self.step_seconds is None else round(self.step_seconds[0], 2),
            "step_cpu_s": None if self.step_seconds is None else round(self.step_seconds[1], 2),
        }


def _optional(value: float | None) -> float | None:
    return None if value is None else _number(value)


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 3)


def _fmt(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(rows: Sequence[Row]) -> str:
    """A Markdown table (printed, and pasted into docs/performance.md)."""
    lines = [
        "| what | median | p95 | unit | baseline (same run) | ratio | target | pass "
        "| CPU median | CPU p95 | load start–end | rounds (spread) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = "–" if row.ratio is None else f"{_fmt(row.ratio)}× {row.ratio_means}".strip()
        verdict = "PASS" if row.passed else "FAIL"
        if math.isnan(row.median):  # nothing measured this run (a cached build)
            verdict = "not measured"
        elif row.judged_on == "cpu":
            verdict += " (on CPU)"
        load = "–" if row.load == (None, None) else f"{_fmt(row.load[0])}–{_fmt(row.load[1])}"
        rounds = "–" if row.rounds is None else str(row.rounds)
        if row.spread is not None:
            rounds += f" ({row.spread * 100:.0f} %)"
        lines.append(
            f"| {row.name} | {_fmt(row.median)} | {_fmt(row.p95)} | {row.unit} | "
            f"{_fmt(row.baseline)} | {ratio} | {row.target} | {verdict} | "
            f"{_fmt(row.cpu_median)} | {_fmt(row.cpu_p95)} | {load} | {rounds} |"
        )
    judged = [row.name for row in rows if row.judged_on == "cpu"]
    if judged:
        lines.append("")
        lines.append(
            "Judged on CPU time (the load average left no core free, so wall time was "
            f"mostly waiting for one): {', '.join(judged)}."
        )
    return "\n".join(lines)


def write_json(rows: Sequence[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([row.as_json() for row in rows], indent=2) + "\n", encoding="utf-8")


def save_details(details: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(details, indent=2, default=str) + "\n", encoding="utf-8")


def row_dict(row: Row) -> dict[str, Any]:
    return asdict(row)
