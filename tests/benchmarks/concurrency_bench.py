"""An office syncing at once (issue 16 point 3): N laptops' first syncs, all started together.

    python -m tests.benchmarks.concurrency_bench --laptops 20 --per-laptop 10000 --workers 1,2,4
    python -m tests.benchmarks.concurrency_bench --laptops 4 --per-laptop 500 --workers 2
    make bench ARGS="--only concurrency"      # 20 x 10,000 (--quick: 4 x 500)

For each configuration -- the server on SQLite with one worker process (the baseline),
then PostgreSQL (CASELOAD_TEST_POSTGRES_URL, else /tmp/pgurl; a fresh schema per run,
dropped after) with W worker processes -- ``office.start_office`` makes the server and
one caseworker account per laptop; each laptop (a copy of a cached, real encrypted
laptop folder holding its own beneficiaries, all in its outbox) is a process of its
own (``--mode threads``: threads of this process, whose GIL then limits the laptops)
that signs in and links, says it is ready, and starts its first ``SyncAccount.sync``
when every laptop is ready. Laptops go to the workers round-robin (no nginx).

Measured: wall time from the start to the last laptop's end; every push request's
latency as the laptop saw it (median, p95, max; the server's own duration from the
access log beside it); CPU seconds of the worker processes and of the PostgreSQL
backends serving them (/proc/<pid>/stat; the backends found by the workers'
application_name), of the laptops (each process's own CPU over its sync) and of the
whole machine (/proc/stat), sampled each second with the load average; errors (failed
syncs, 5xx or unanswered requests); then ``office.verify``: every laptop's records on
the server once, by their owner, no case number twice, every outbox empty.

Cached laptop folders: build/bench-cache/office-b<per>-s<sessions>-rev<schema>-seed<seed>,
one folder per laptop (each its own records and case-number prefix), copied per run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from time import perf_counter, process_time
from typing import Any

from .dataset import CACHE_ROOT, REPO_ROOT, head_revision
from .office import (
    PUSH_PATH,
    Laptop,
    Office,
    build_laptop,
    errors_of,
    postgres_url,
    start_office,
    verify,
)
from .report import Row, load_average, median, p95, save_details, table

CHILD_FLAG = "--laptop-child"
CHILD_COMMAND = (sys.executable, "-m", "tests.benchmarks.concurrency_bench", CHILD_FLAG)
P95_LIMIT_MS = 500
SAMPLE_SECONDS = 1.0
BUILD_VERSION = "1"
OFFICE_PER_LAPTOP = 10_000  # issue 16 point 3: 20 laptops × 10,000 beneficiaries


# -- laptops, cached -------------------------------------------------------------------


def laptop_cache(per_laptop: int, sessions_per: int, seed: int) -> Path:
    key = f"b{per_laptop}-s{sessions_per}-rev{head_revision()}-seed{seed}-v{BUILD_VERSION}"
    return CACHE_ROOT / f"office-{key}"


def laptop_copies(
    work: Path, count: int, per_laptop: int, sessions_per: int, seed: int
) -> tuple[list[Path], float]:
    """Fresh copies of ``count`` cached laptop folders (built when missing); the seconds
    spent building."""
    cache = laptop_cache(per_laptop, sessions_per, seed)
    built = 0.0
    copies = []
    for number in range(count):
        cached = cache / f"laptop-{number:02d}"
        if not (cached / "done").exists():
            began = perf_counter()
            build_laptop(cached, per_laptop, sessions_per, seed + number)
            (cached / "done").write_text("ok\n", encoding="ascii")
            built += perf_counter() - began
        target = work / f"laptop-{number:02d}"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(cached, target, ignore=shutil.ignore_patterns("done"))
        copies.append(target)
    return copies, built


# -- CPU and load, sampled -------------------------------------------------------------


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of a running process; None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> float:
    """Busy CPU seconds of the whole machine since boot, all cores (/proc/stat: user,
    nice, system, irq, softirq; not idle, iowait or steal)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(values) - values[3] - values[4] - values[7]) / os.sysconf("SC_CLK_TCK")


class Sampler:
    """Each SAMPLE_SECONDS: the load average, the machine's busy CPU and each group's
    processes' CPU (groups: name -> a function giving their pids now). A process first
    seen after the start (a new PostgreSQL backend) counts from 0."""

    def __init__(self, groups: dict[str, Any]):
        self.groups = groups
        self.first: dict[str, dict[int, float]] = {name: {} for name in groups}
        self.last: dict[str, dict[int, float]] = {name: {} for name in groups}
        self.timeline: list[dict[str, Any]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> None:
        self._began, self._machine = time.time(), machine_cpu()
        self._sample(initial=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    def _sample(self, initial: bool = False) -> None:
        point: dict[str, Any] = {
            "t": round(time.time() - self._began, 1),
            "load": load_average(),
            "machine_cpu_s": round(machine_cpu() - self._machine, 2),
        }
        for name, pids in self.groups.items():
            for pid in pids():
                cpu = process_cpu(pid)
                if cpu is None:
                    continue
                self.first[name].setdefault(pid, cpu if initial else 0.0)
                self.last[name][pid] = cpu
            point[name] = round(self.used(name), 2)
        self.timeline.append(point)

    def used(self, name: str) -> float:
        return sum(cpu - self.first[name][pid] for pid, cpu in self.last[name].items())

    def per_process(self, name: str) -> list[float]:
        return [round(cpu - self.first[name][pid], 2) for pid, cpu in self.last[name].items()]


class PgBackends:
    """The PostgreSQL backends the office's workers opened (found by their
    application_name): their pids for the sampler, and at each look what they were
    doing (running, waiting for a lock -- the sequence row --, idle in a transaction)."""

    def __init__(self, office: Office):
        import sqlalchemy as sa

        self.name = office.application_name
        self.engine = None
        if self.name is not None:
            self.engine = sa.create_engine(office.admin_url, pool_size=1, max_overflow=0)
        self.looks = 0
        self.states: Counter[str] = Counter()

    def __call__(self) -> list[int]:
        if self.engine is None:
            return []
        import sqlalchemy as sa

        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT pid, state, wait_event_type FROM pg_stat_activity "
                    "WHERE application_name = :name"
                ),
                {"name": self.name},
            ).all()
        self.looks += 1
        for _pid, state, waiting in rows:
            if state == "active":
                self.states["waiting for a lock" if waiting == "Lock" else "running"] += 1
            elif state and state.startswith("idle in transaction"):
                self.states["idle in a transaction"] += 1
        return [row[0] for row in rows]

    def summary(self) -> dict[str, float]:
        """The mean number of backends in each state over the looks."""
        return {state: round(n / max(self.looks, 1), 2) for state, n in self.states.items()}

    def dispose(self) -> None:
        if self.engine is not None:
            self.engine.dispose()


# -- the laptops, at once --------------------------------------------------------------


def _laptop_child(folder: str, url: str, username: str, out: str) -> int:
    """One laptop process: ready once linked, the sync on "go", its result to ``out``."""
    laptop = Laptop(Path(folder), url, username)
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return 1
    result = laptop.sync()
    print("synced", flush=True)  # the measured part ends here
    result.update(laptop.state())
    laptop.close()
    Path(out).write_text(json.dumps(result), encoding="utf-8")
    return 0


def _in_processes(folders, urls, usernames, work: Path, sampler_groups, timeout: float):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)}
    children, outs = [], []
    try:
        for number, (folder, url, username) in enumerate(
            zip(folders, urls, usernames, strict=True)
        ):
            outs.append(work / f"result-{number:02d}.json")
            with (work / f"laptop-{number:02d}.log").open("w") as err:
                children.append(
                    subprocess.Popen(
                        [*CHILD_COMMAND, str(folder), url, username, str(outs[-1])],
                        cwd=REPO_ROOT,
                        env=env,
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        stderr=err,
                        text=True,
                    )
                )
        for number, child in enumerate(children):
            if child.stdout.readline().strip() != "ready":
                log = (work / f"laptop-{number:02d}.log").read_text(errors="replace")
                raise RuntimeError(f"laptop {number} did not start: {log[-2000:]}")
        sampler = Sampler({**sampler_groups, "laptops": lambda: [c.pid for c in children]})
        sampler.start()
        # A laptop that hangs is killed after ``timeout``: its readline below then ends.
        watchdog = threading.Timer(timeout, lambda: [child.kill() for child in children])
        watchdog.start()
        go = time.time()
        for child in children:
            child.stdin.write("go\n")
            child.stdin.flush()
        try:
            for number, child in enumerate(children):
                if child.stdout.readline().strip() != "synced":
                    log = (work / f"laptop-{number:02d}.log").read_text(errors="replace")
                    raise RuntimeError(f"laptop {number} stopped: {log[-2000:]}")
            end = time.time()
            sampler.stop()
            for child in children:
                child.wait(timeout=120)
        finally:
            watchdog.cancel()
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=10)
            child.stdin.close()
            child.stdout.close()
    results = []
    for number, out in enumerate(outs):
        if not out.exists():
            log = (work / f"laptop-{number:02d}.log").read_text(errors="replace")
            raise RuntimeError(f"laptop {number} wrote no result: {log[-2000:]}")
        results.append(json.loads(out.read_text(encoding="utf-8")))
    laptops_cpu = sum(result["cpu_s"] for result in results)
    return results, go, end, sampler, laptops_cpu


def _in_threads(folders, urls, usernames, work: Path, sampler_groups, timeout: float):
    laptops = [Laptop(f, u, n) for f, u, n in zip(folders, urls, usernames, strict=True)]
    results: list[Any] = [None] * len(laptops)
    barrier = threading.Barrier(len(laptops) + 1)

    def run(number: int) -> None:
        barrier.wait()
        results[number] = laptops[number].sync()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(laptops))]
    for thread in threads:
        thread.start()
    sampler = Sampler({**sampler_groups, "laptops": lambda: [os.getpid()]})
    sampler.start()
    cpu = process_time()
    barrier.wait()
    go = time.time()
    for thread in threads:
        thread.join(timeout=timeout)
    end = time.time()
    laptops_cpu = process_time() - cpu  # every laptop thread (and the sampler's)
    sampler.stop()
    for laptop, result in zip(laptops, results, strict=True):
        result.update(laptop.state())
        laptop.close()
    for result in results:
        result["cpu_s"] = None  # threads of one process: only their sum is known
    return results, go, end, sampler, laptops_cpu


def _stats(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"count": 0, "median": None, "p95": None, "max": None}
    return {
        "count": len(values),
        "median": round(median(values), 1),
        "p95": round(p95(values), 1),
        "max": round(max(values), 1),
    }


def run_office(
    work: Path,
    backend: str,
    workers: int,
    folders: list[Path],
    *,
    mode: str = "processes",
    pg_url: str | None = None,
    threads: int | None = None,
    timeout: float = 3600,
) -> dict[str, Any]:
    """One configuration: the office made, every laptop's first sync at once, measured
    and checked (see the module's docstring). The laptop folders are synced in place."""
    count = len(folders)
    usernames = [f"office_cw{number:02d}" for number in range(count)]
    load_before = load_average()
    office = start_office(work / "office", backend, workers, usernames, pg_url, threads)
    pg_pids = PgBackends(office)
    try:
        urls = [office.urls[number % workers] for number in range(count)]
        groups = {"server": lambda: office.pids, "postgresql": pg_pids}
        runner = _in_processes if mode == "processes" else _in_threads
        results, go, end, sampler, laptops_cpu = runner(
            folders, urls, usernames, work, groups, timeout
        )
        access = office.access_log()
        checked = verify(office, results)
    finally:
        office.stop()
        pg_pids.dispose()
    # To the last laptop's end of its sync (its process then writes its result and exits).
    wall = max(result["ended"] for result in results) - go
    records = checked["beneficiaries"]["on_laptops"] + checked["sessions"]["on_laptops"]
    machine, span = sampler.timeline[-1]["machine_cpu_s"], sampler.timeline[-1]["t"]
    cpu = {
        "server": round(sampler.used("server"), 2),
        "postgresql": round(sampler.used("postgresql"), 2),
        "laptops": round(laptops_cpu, 2),
        "machine": round(machine, 2),
    }
    cpu["others"] = round(machine - cpu["server"] - cpu["postgresql"] - cpu["laptops"], 2)
    pushes = [r for result in results for r in result["requests"] if r[1] == PUSH_PATH]
    measured: dict[str, Any] = {
        "backend": backend,
        "workers": workers,
        "laptops": count,
        "mode": mode,
        "server_threads": threads,
        "records": records,
        "wall_s": round(wall, 2),
        "wall_seen_s": round(end - go, 2),  # to the last "synced" line the bench read
        "latest_start_s": round(max(result["began"] for result in results) - go, 2),
        "laptop_wall_s": _stats([result["wall_s"] for result in results]),
        "load": {
            "before_setup": load_before,
            "start": sampler.timeline[0]["load"],
            "end": sampler.timeline[-1]["load"],
            "peak": max(point["load"] or 0 for point in sampler.timeline),
        },
        "push_ms": _stats([r[3] for r in pushes]),
        "server_push_ms": _stats(
            [float(e["duration_ms"]) for e in access if e.get("route") == PUSH_PATH]
        ),
        "laptop_urls": [result["url"] for result in results],
        "requests": dict(Counter(f"{r[0]} {r[1]}" for res in results for r in res["requests"])),
        "cpu_s": cpu,
        "cpu_us_per_record": {k: round(1e6 * v / records, 1) for k, v in cpu.items()},
        "server_cpu_per_worker_s": sampler.per_process("server"),
        "postgresql_backends": pg_pids.summary(),
        "busy_cores": round(machine / span, 2) if span else None,
        "errors": errors_of(results, access),
        "verify": checked,
        "reports": Counter(str(result["report"] or result["error"]) for result in results),
        "timeline": sampler.timeline,
    }
    measured["clean"] = checked["clean"] and not any(measured["errors"].values())
    measured["saturation"] = saturation(measured)
    return measured


NAMES = {
    "server": "the workers",
    "postgresql": "PostgreSQL",
    "laptops": "the laptops",
    "others": "other processes",
}


def saturation(measured: dict[str, Any]) -> str:
    """Where the run saturated, from its CPU figures (a sentence for the details)."""
    cores = os.cpu_count() or 1
    wall = measured["wall_s"] or 1
    cpu = measured["cpu_s"]
    share = {
        k: cpu[k] / max(cpu["machine"], 1e-9) for k in ("server", "postgresql", "laptops", "others")
    }
    busy = measured["busy_cores"] or 0
    top = max(share, key=share.get)
    workers = measured["server_cpu_per_worker_s"] or [0]
    per_worker = max(workers) / wall
    text = (
        f"machine busy {busy:.2f} of {cores} cores on average; of its CPU: workers "
        f"{share['server']:.0%}, PostgreSQL {share['postgresql']:.0%}, laptops "
        f"{share['laptops']:.0%}, other processes {share['others']:.0%};"
        f" busiest worker {per_worker:.2f} cores"
    )
    backends = measured.get("postgresql_backends")
    if backends:
        text += "; PostgreSQL backends on average " + ", ".join(
            f"{n:.1f} {state}" for state, n in sorted(backends.items())
        )
    if busy >= 0.9 * cores:
        return f"{text}: the cores are saturated (largest user: {NAMES[top]})."
    if per_worker >= 0.85:
        return f"{text}: the busiest worker is at one core (its GIL)."
    return f"{text}: neither the cores nor a worker saturated (waiting: locks, fsync)."


# -- rows ------------------------------------------------------------------------------


def configurations(workers: list[int], sqlite: bool, pg_url: str | None) -> list[tuple[str, int]]:
    runs = [("SQLite", 1)] if sqlite else []
    if pg_url:
        runs += [("PostgreSQL", count) for count in workers]
    return runs


def rows_of(runs: list[dict[str, Any]], per_laptop: int) -> list[Row]:
    baseline = next((r["wall_s"] for r in runs if r["backend"] == "SQLite"), None)
    rows = []
    for run in runs:
        push, cpu = run["push_ms"], run["cpu_us_per_record"]
        several = run["backend"] == "PostgreSQL" and run["workers"] > 1
        name = (
            f"office at once: {run['backend']} × {run['workers']} worker"
            f"{'s' if run['workers'] > 1 else ''}, {run['laptops']} laptops × {per_laptop:,} "
            f"(push p95 {push['p95']:.0f} ms, max {push['max']:.0f}; CPU µs/record server "
            f"{cpu['server']:.0f}, PG {cpu['postgresql']:.0f}, laptops {cpu['laptops']:.0f}; "
            f"busy {run['busy_cores']:.2f} cores)"
        )
        clean = run["clean"]
        faster = baseline is not None and run["wall_s"] < baseline
        if several:
            target = (
                f"faster than SQLite × 1; 0 errors, lost, duplicated; push p95 ≤ {P95_LIMIT_MS} ms"
            )
            passed = clean and faster and push["p95"] <= P95_LIMIT_MS
        else:
            target = "0 errors, lost, duplicated (for comparison)"
            passed = clean
        errors = sum(run["errors"].values())
        checked = run["verify"]["beneficiaries"]
        rows.append(
            Row(
                name,
                run["wall_s"],
                run["wall_s"],  # one run: a single sample
                "s wall",
                baseline,
                None if baseline is None else baseline / run["wall_s"],
                target,
                passed,
                "faster than SQLite × 1 (wall)",
                [
                    f"errors {errors}, lost {checked['lost']}, duplicated {checked['duplicated']}",
                    run["saturation"],
                ],
                cpu_median=sum(run["cpu_s"][k] for k in ("server", "postgresql", "laptops")),
                load=(run["load"]["start"], run["load"]["end"]),
            )
        )
    return rows


def bench_office(
    work: Path,
    laptops: int,
    per_laptop: int,
    workers: list[int],
    details: dict[str, Any],
    *,
    sessions_per: int = 0,
    seed: int = 7,
    mode: str = "processes",
    sqlite: bool = True,
    partial: Path | None = None,
    threads: int | None = None,
) -> list[Row]:
    """Every configuration (SQLite × 1, then PostgreSQL × each of ``workers``), its rows;
    ``partial``: the runs so far are saved there after each one."""
    pg_url = postgres_url()
    runs = []
    built_total = 0.0
    for backend, count in configurations(workers, sqlite, pg_url):
        place = work / f"{backend.lower()}-{count}"
        shutil.rmtree(place, ignore_errors=True)
        place.mkdir(parents=True)
        folders, built = laptop_copies(place, laptops, per_laptop, sessions_per, seed)
        built_total += built
        print(f"  {backend} × {count} ...", file=sys.stderr, flush=True)
        run = run_office(place, backend, count, folders, mode=mode, pg_url=pg_url, threads=threads)
        print(
            f"  {backend} × {count}: {run['wall_s']:.1f} s, push p95 {run['push_ms']['p95']} ms,"
            f" clean {run['clean']}; {run['saturation']}",
            file=sys.stderr,
            flush=True,
        )
        runs.append(run)
        shutil.rmtree(place, ignore_errors=True)
        if partial is not None:
            save_details({"runs so far": runs}, partial)
    details["concurrency"] = {
        "laptops": laptops,
        "per_laptop": per_laptop,
        "sessions_per_beneficiary": sessions_per,
        "mode": mode,
        "laptops_built_s": built_total,
        "postgresql": bool(pg_url),
        "no_nginx": "laptops spread over the workers round-robin, each to one worker",
        "runs": runs,
    }
    return rows_of(runs, per_laptop)


def bench_concurrency(work: Path, count: int, quick: bool, details: dict[str, Any]) -> list[Row]:
    """run.py's group: 20 laptops × a tenth of the size each, at most 10,000 (from 100k:
    20 × 10,000, the issue's office) on 1, 2 and 4 PostgreSQL workers; --quick: 4 × 500
    on 1 and 2."""
    if quick:
        return bench_office(work, 4, 500, [1, 2], details)
    return bench_office(work, 20, max(1, min(OFFICE_PER_LAPTOP, count // 10)), [1, 2, 4], details)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [CHILD_FLAG]:
        return _laptop_child(*argv[1:5])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--per-laptop", type=int, default=10_000, help="beneficiaries each")
    parser.add_argument("--sessions-per", type=int, default=0, help="sessions per beneficiary")
    parser.add_argument("--workers", default="1,2,4", help="PostgreSQL worker counts")
    parser.add_argument("--mode", choices=("processes", "threads"), default="processes")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite baseline")
    parser.add_argument("--server-threads", type=int, help="waitress threads per worker")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, default=REPO_ROOT / "build" / "bench-concurrency.json")
    args = parser.parse_args(argv)
    details: dict[str, Any] = {"load average at start": load_average()}
    rows = bench_office(
        REPO_ROOT / "build" / "bench-work" / "concurrency",
        args.laptops,
        args.per_laptop,
        [int(w) for w in args.workers.split(",") if w],
        details,
        sessions_per=args.sessions_per,
        seed=args.seed,
        mode=args.mode,
        sqlite=not args.no_sqlite,
        partial=args.json.with_suffix(".partial.json"),
        threads=args.server_threads,
    )
    details["rows"] = [row.as_json() for row in rows]
    save_details(details, args.json)
    print(table(rows))
    for row in rows:
        print(f"- {row.name}: " + " | ".join(row.notes))
    print(f"\n{args.json} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
