"""``make bench`` / ``make bench-quick``: issue 7's table, each row with its same-run baseline.

    python -m tests.benchmarks.run            # 100,000 beneficiaries x 10 sessions (cached)
    python -m tests.benchmarks.run --quick    # 10,000 beneficiaries, under 2 minutes

Writes ``build/bench.json`` (one object per row) and ``build/bench-details.json`` (every
sample, per-column and per-prefix timings, login steps), and prints the table.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from .dataset import REPO_ROOT, Dataset, prepare
from .report import Row, median, p95, save_details, table, write_json

WORK = REPO_ROOT / "build" / "bench-work"
# The groups of rows, each run unless --only names some.
GROUPS = ("ui", "start", "memory", "bulk", "sync", "rotation", "reports", "export", "import")
GROUPS += ("duplicates", "pull")


def machine() -> dict[str, Any]:
    import sqlite3

    import PySide6
    import sqlalchemy
    import sqlcipher3

    connection = sqlcipher3.connect(":memory:")
    cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    cipher_sqlite = connection.execute("SELECT sqlite_version()").fetchone()[0]
    connection.close()
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "sqlite (stdlib)": sqlite3.sqlite_version,
        "sqlcipher": f"{cipher} (SQLite {cipher_sqlite})",
        "pyside6": PySide6.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "load average at start": load,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _probe(kind: str, *args: str) -> tuple[float, str]:
    """(seconds from Popen to the probe's line, the line)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(WORK / "xdg")}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.probes", kind, *args],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline().strip()
    elapsed = time.perf_counter() - started
    process.wait(timeout=120)
    if not line:
        raise RuntimeError(f"probe {kind} printed nothing (exit {process.returncode})")
    return elapsed, line


def bench_start(dataset: Dataset, details: dict[str, Any]) -> Row:
    app, bare = [], []
    for _ in range(5):  # interleaved, so both see the same load
        app.append(_probe("start-app", str(dataset.root))[0] * 1000)
        bare.append(_probe("start-bare")[0] * 1000)
    details["start"] = {"app_ms": app, "bare_window_ms": bare}
    med, base = median(app), median(bare)
    return Row(
        "start (login window shown)",
        med,
        p95(app),
        "ms",
        base,
        med / base,
        "median ≤ 800 ms",
        med <= 800,
        "of a bare window",
    )


def _size(count: int) -> str:
    return f"{count / 1e6:g}M" if count >= 1_000_000 else f"{count / 1000:g}k"


def bench_memory(dataset: Dataset, details: dict[str, Any], runs: int) -> Row:
    app, bare = [], []
    for _ in range(runs):
        app.append(int(_probe("memory-app", str(dataset.root))[1].split()[1]) / 1024)
        bare.append(int(_probe("memory-bare")[1].split()[1]) / 1024)
    details["memory"] = {"app_main_window_mb": app, "bare_window_mb": bare}
    med, base = median(app), median(bare)
    return Row(
        f"memory (list open, {_size(dataset.beneficiaries)} / "
        f"{_size(dataset.beneficiaries * dataset.sessions_per)})",
        med,
        max(app),
        "MB RSS",
        base,
        med / base,
        "≤ 150 MB",
        med <= 150,
        "of a bare window",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 beneficiaries")
    parser.add_argument("--beneficiaries", type=int, help="override the size")
    parser.add_argument("--sessions-per-beneficiary", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", help="comma list of: " + ",".join(GROUPS))
    parser.add_argument("--json", type=Path, default=REPO_ROOT / "build" / "bench.json")
    parser.add_argument("--keep-work", action="store_true", help="keep build/bench-work")
    args = parser.parse_args(argv)
    args.json = args.json.resolve()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    count = args.beneficiaries or (10_000 if args.quick else 100_000)
    everything = set(GROUPS)
    only = set(args.only.split(",")) if args.only else everything
    started = time.perf_counter()
    info = machine()
    details: dict[str, Any] = {"machine": info, "mode": "quick" if args.quick else "full"}
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    dataset = prepare(WORK, count, args.sessions_per_beneficiary, args.seed)
    details["dataset"] = {
        "beneficiaries": count,
        "sessions": count * args.sessions_per_beneficiary,
        "schema": dataset.revision,
        "seed": args.seed,
        "generated_in_s": dataset.generated_in,
        "custom_fields": "tests/benchmarks/forms_bench.json (20 beneficiary, 10 session fields)",
        "custom_values_filled_in_s": dataset.filled_in,
    }
    rows: list[Row] = []

    def step(name: str, action) -> None:
        """Runs one measurement; a failure becomes a failed row, and the others still run."""
        begun = time.perf_counter()
        print(f"- {name} ...", file=sys.stderr, flush=True)
        try:
            result = action()
        except Exception as exc:
            traceback.print_exc()
            details.setdefault("errors", {})[name] = f"{type(exc).__name__}: {exc}"
            result = Row(name, math.nan, math.nan, "", None, None, "(did not run)", False)
        rows.extend(result if isinstance(result, list | tuple) else [result])
        print(f"  {time.perf_counter() - begun:.1f} s", file=sys.stderr, flush=True)

    from . import report_bench, ui_bench, write_bench

    if "ui" in only:
        step(
            "search, sort, scroll, open, login",
            lambda: ui_bench.run_all(dataset, args.quick, details),
        )
    if "start" in only:
        step("start", lambda: bench_start(dataset, details))
    if "memory" in only:
        step("memory", lambda: bench_memory(dataset, details, 1 if args.quick else 3))
    if "bulk" in only:
        step(
            "bulk write",
            lambda: write_bench.bench_bulk(WORK / "bulk", count, args.seed, 2, details),
        )
    if "sync" in only:
        step(
            "sync push",
            lambda: write_bench.bench_sync(
                WORK / "sync",
                2_000 if args.quick else 10_000,
                200 if args.quick else 1_000,
                args.seed,
                details,
            ),
        )
    if "reports" in only:
        step("reports", lambda: report_bench.bench_reports(dataset, args.quick, details))
    if "rotation" in only:
        step(
            "key rotation",
            lambda: write_bench.bench_rotation(dataset, WORK / "rotation", details),
        )
    if "export" in only:
        from . import export_bench

        step("export", lambda: export_bench.bench_export(dataset, args.quick, details))
    if "import" in only:
        from . import import_bench

        step("import", lambda: import_bench.bench_import(dataset, args.quick, details))
    if "duplicates" in only:
        from . import duplicate_bench

        step("duplicates", lambda: duplicate_bench.bench_duplicates(dataset, args.quick, details))
    if "pull" in only:
        from . import sync_bench

        step(
            "first sync",
            lambda: sync_bench.bench_first_sync(WORK / "pull", count, args.seed, details),
        )
    details["seconds"] = time.perf_counter() - started
    details["rows"] = [row.as_json() for row in rows]
    write_json(rows, args.json)
    save_details(details, args.json.with_name("bench-details.json"))
    print()
    print(
        f"{count:,} beneficiaries, {count * args.sessions_per_beneficiary:,} sessions; "
        f"{info['cores']} cores, load {info['load average at start']}"
    )
    print(table(rows))
    print(f"\n{args.json} written in {details['seconds']:.0f} s")
    if not args.keep_work:
        shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
