"""Results: one row per line of issue 7's table, each with the baseline measured in the same run."""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any


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
        }


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
        "| what | median | p95 | unit | baseline (same run) | ratio | target | pass |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ratio = "–" if row.ratio is None else f"{_fmt(row.ratio)}× {row.ratio_means}".strip()
        lines.append(
            f"| {row.name} | {_fmt(row.median)} | {_fmt(row.p95)} | {row.unit} | "
            f"{_fmt(row.baseline)} | {ratio} | {row.target} | "
            f"{'PASS' if row.passed else 'FAIL'} |"
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
