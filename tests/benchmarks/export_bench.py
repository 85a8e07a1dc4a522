"""Export rows: the whole office (every beneficiary and session, custom fields included)
through the real ``caseload export`` process, against the same library writing the same
rows' raw stored tuples in the same run.

- XLSX (issue 13 point 5: ≤ 60 s at 100,000 beneficiaries / 1,000,000 sessions): the
  baseline is the app's XLSX writer (``desktop/services/xlsx_writer.py``) fed the rows as
  SQLite returns them (custom values as one JSON text), the floor of an export through
  it. A second row keeps the choice of writer measured: openpyxl's write-only workbook
  against that writer on the same first ``SAMPLE`` session rows (openpyxl took 941 s for
  the whole office, which is why the app has its own writer).
- CSV: the baseline is ``csv.writer`` over the same raw tuples.

Each run is its own process, and its peak RSS is that process's own (``VmHWM``, written
at its exit by ``own_peak``: ``wait4``'s ``ru_maxrss`` reported the bench's own size): a
streaming export stays flat however many sessions there are. Its CPU time (user and
system, every thread: the XLSX is deflated on a second one) is reported beside the wall
time: on a shared machine it moves far less than the wall time does.

    python -m tests.benchmarks.export_bench baseline xlsx|csv|writers DATA_DIR FILE
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .dataset import ADMIN, PASSWORD, REPO_ROOT, Dataset
from .report import Row

CHUNK = 5_000
LIMIT_S = 60.0
SAMPLE = 30_000


def _measured(arguments: list[str]) -> tuple[float, float, str, float]:
    """(seconds, peak RSS in MB, standard output, CPU seconds) of one process run to its
    end."""
    env = {**os.environ, "CASELOAD_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    if arguments[0] != "-m":
        raise ValueError("a module to run: -m NAME ...")
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        seconds, out, cpu = _run([*OWN_PEAK, str(peak_file), *arguments[1:]], env)
        peak_mb = int(peak_file.read_text()) / 1024
    return seconds, peak_mb, out, cpu


# Runs a module and writes its own peak RSS (tests/benchmarks/own_peak.py).
OWN_PEAK = ("-m", "tests.benchmarks.own_peak")


def _run(arguments: list[str], env: dict[str, str]) -> tuple[float, str, float]:
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, *arguments],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out, err = process.stdout.read(), process.stderr.read()
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{arguments[:4]} failed ({process.returncode}): {err.strip()}")
    return seconds, out.strip(), usage.ru_utime + usage.ru_stime


def bench_export(dataset: Dataset, quick: bool, details: dict[str, Any]) -> list[Row]:
    work = dataset.root.parent / "export"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    sessions = dataset.beneficiaries * dataset.sessions_per
    size = f"{dataset.beneficiaries:,} beneficiaries / {sessions:,} sessions"
    rows, measured = [], {}
    try:
        for kind in ("xlsx", "csv"):
            target = work / f"office.{'xlsx' if kind == 'xlsx' else 'zip'}"
            app_s, app_mb, said, app_cpu = _measured(
                [
                    "-m",
                    "desktop",
                    "--data-dir",
                    str(dataset.root),
                    "export",
                    "--what",
                    "all",
                    "--format",
                    kind,
                    "--user",
                    ADMIN,
                    str(target),
                ]
            )
            expected = f"{dataset.beneficiaries:,} beneficiaries and {sessions:,} sessions"
            if expected not in said:
                raise RuntimeError(f"the export wrote something else: {said}")
            file_mb = target.stat().st_size / 1e6
            target.unlink()
            raw = work / f"raw.{kind}"
            base_s, base_mb, _, base_cpu = _measured(
                [
                    "-m",
                    "tests.benchmarks.export_bench",
                    "baseline",
                    kind,
                    str(dataset.root),
                    str(raw),
                ]
            )
            raw.unlink()
            measured[kind] = {
                "export_s": app_s,
                "export_cpu_s": app_cpu,
                "export_peak_rss_mb": app_mb,
                "file_mb": file_mb,
                "baseline_s": base_s,
                "baseline_cpu_s": base_cpu,
                "baseline_peak_rss_mb": base_mb,
            }
            library = "xlsx_writer" if kind == "xlsx" else "csv.writer"
            rows.append(
                Row(
                    f"export {kind.upper()} ({size}; CPU {app_cpu:.1f} s; "
                    f"peak RSS {app_mb:.0f} MB)",
                    app_s,
                    app_s,
                    "s",
                    base_s,
                    app_s / base_s,
                    f"≤ {LIMIT_S:.0f} s",
                    app_s <= LIMIT_S,
                    f"of {library} over the raw tuples",
                    [
                        f"file {file_mb:.0f} MB; baseline CPU {base_cpu:.1f} s, "
                        f"peak RSS {base_mb:.0f} MB"
                    ],
                )
            )
        rows.append(_writers_row(dataset, work, measured))
    finally:
        details["export"] = measured
        shutil.rmtree(work, ignore_errors=True)
    return rows


def _writers_row(dataset: Dataset, work: Path, measured: dict[str, Any]) -> Row:
    """The app's XLSX writer against openpyxl's write-only workbook, same rows, same run."""
    _s, _mb, said, _cpu = _measured(
        [
            "-m",
            "tests.benchmarks.export_bench",
            "baseline",
            "writers",
            str(dataset.root),
            str(work / "writers.xlsx"),
        ]
    )
    times = json.loads(said.splitlines()[-1])
    measured["writers"] = times
    ratio = times["own_s"] / times["openpyxl_s"]
    return Row(
        f"XLSX writer vs openpyxl write-only ({times['rows']:,} session rows)",
        times["own_s"],
        times["own_s"],
        "s",
        times["openpyxl_s"],
        ratio,
        "< 1× (why the app has its own writer)",
        ratio < 1,
        "of openpyxl write-only over the same rows",
        [f"openpyxl {times['openpyxl_s']:.2f} s, this writer {times['own_s']:.2f} s"],
    )


# -- the baseline, in its own process ------------------------------------------------------


def _raw_rows(connection: Any, sql: str):
    cursor = connection.execute(sql)
    while True:
        chunk = cursor.fetchmany(CHUNK)
        if not chunk:
            return
        yield from chunk


_TABLES = (
    ("beneficiaries", "SELECT * FROM beneficiaries WHERE deleted_at IS NULL"),
    ("sessions", "SELECT * FROM case_sessions WHERE deleted_at IS NULL"),
    ("tasks", "SELECT * FROM tasks WHERE deleted_at IS NULL"),
)


def baseline(kind: str, root: Path, target: Path) -> None:
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    login = LocalAccounts(DataPaths.resolve(root)).login(ADMIN, PASSWORD, check=False)
    try:
        with login.db.raw_connection() as connection:
            if kind == "xlsx":
                from desktop.services.xlsx_writer import Workbook

                with Workbook(target) as book:
                    for name, sql in _TABLES:
                        rows = _raw_rows(connection, sql)
                        first = next(rows, None)
                        if first is None:
                            continue
                        header = [f"c{n}" for n in range(len(first))]
                        book.sheet(name, header, itertools.chain([first], rows))
            elif kind == "writers":
                print(json.dumps(_writers(connection, target)))
            else:
                for name, sql in _TABLES:
                    with target.with_name(f"{target.stem}-{name}.csv").open(
                        "w", encoding="utf-8", newline=""
                    ) as stream:
                        csv.writer(stream).writerows(_raw_rows(connection, sql))
                target.touch()
                for name, _sql in _TABLES:
                    target.with_name(f"{target.stem}-{name}.csv").unlink()
    finally:
        login.close()


def _writers(connection: Any, target: Path) -> dict[str, float]:
    """Seconds each XLSX writer takes over the same first ``SAMPLE`` session rows."""
    from openpyxl import Workbook as LibraryWorkbook

    from desktop.services.xlsx_writer import Workbook

    rows = connection.execute(
        f"SELECT * FROM case_sessions WHERE deleted_at IS NULL LIMIT {SAMPLE}"
    ).fetchall()
    header = [f"c{n}" for n in range(len(rows[0]))]
    started = time.perf_counter()
    with Workbook(target) as book:
        book.sheet("sessions", header, rows)
    own = time.perf_counter() - started
    started = time.perf_counter()
    workbook = LibraryWorkbook(write_only=True)
    sheet = workbook.create_sheet("sessions")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(target)
    return {"rows": len(rows), "own_s": own, "openpyxl_s": time.perf_counter() - started}


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] != "baseline":
        sys.exit(__doc__)
    baseline(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
