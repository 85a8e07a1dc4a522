"""The benchmark database: made once through the real CLI (`caseload init/users add/demo`), cached.

The cache key is (beneficiaries, sessions per beneficiary, schema head revision, seed), so a
new migration or another size makes a new database and a repeated run reuses the old one.
Every run works on a copy of the cached folder, so the cache never changes under a benchmark
(logins write audit rows, the app writes logs).

Issue 12 point 8: the organisation's own fields. A second cached folder (key: the one above
plus a hash of ``forms_bench.json`` and of ``FILL_VERSION``) is the first one with that
definition published (version 1), seeded random custom values on every beneficiary (20
fields) and session (10 fields), written with chunked SQL UPDATEs on the raw connection,
and the list's custom indexes (``ensure_custom_indexes``). It is filled here rather than by
``caseload demo`` so the benchmark does not depend on how the demo generator fills them.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
CACHE_ROOT = REPO_ROOT / "build" / "bench-cache"
ADMIN = "benchadmin"
PASSWORD = "bench-secret-passphrase-7"
CASEWORKERS = ("amara.okoye", "jonas.berg", "leila.haddad", "pedro.souza", "mai.tran")
FORMS_FILE = Path(__file__).with_name("forms_bench.json")
FILL_VERSION = "1"  # a change to fill_custom's values makes a new cached folder
FILL_CHUNK = 20_000


@dataclass(frozen=True)
class Dataset:
    root: Path  # the data dir (database, key slots) of this run's copy
    beneficiaries: int
    sessions_per: int
    seed: int
    revision: str
    generated_in: float | None  # seconds, when this run generated it (None: cache hit)
    filled_in: float | None = None  # seconds the custom values took (None: cache hit)

    @property
    def forms(self) -> Any:
        """The definition the custom values were written with (published as version 1)."""
        return bench_forms()


class NoRoom(RuntimeError):
    """The disk cannot hold what a benchmark is about to write: said before it starts."""


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def ensure_room(where: Path, needed: int, what: str) -> None:
    """Raises NoRoom, naming the sizes, unless ``where``'s disk has ``needed`` bytes and
    a margin free (a copy of tens of GB that fails at its end helps no one)."""
    where.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(where).free
    margin = 1 << 30
    if free < needed + margin:
        raise NoRoom(
            f"{what} needs {needed / 1e9:.1f} GB (and 1 GB to spare) on the disk of "
            f"{where}; {free / 1e9:.1f} GB are free"
        )


def copy_folder(source: Path, target: Path) -> None:
    """``source`` copied to ``target`` once the disk is known to hold it; a copy cut
    short is removed."""
    ensure_room(target.parent, folder_bytes(source), f"copying {source.name}")
    try:
        shutil.copytree(source, target)
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise


def bench_forms() -> Any:
    from desktop.domain import forms

    return forms.parse(FORMS_FILE.read_text(encoding="utf-8")).with_version(1)


def forms_key() -> str:
    digest = hashlib.sha256(FORMS_FILE.read_bytes() + FILL_VERSION.encode())
    return digest.hexdigest()[:10]


def head_revision() -> str:
    from desktop.store.schema import head_revision as head

    return head()


def cache_dir(beneficiaries: int, sessions_per: int, seed: int) -> Path:
    return CACHE_ROOT / f"b{beneficiaries}-s{sessions_per}-rev{head_revision()}-seed{seed}"


# Issue 16 point 4: `caseload demo`'s rate, per tenth of the build (beneficiaries/s
# between progress lines), written by ``generate`` for run.py's build row.
BUILD_RATES = CACHE_ROOT / "last-build-rates.json"


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system) a running process has used (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _demo_with_rates(args: list[str], env: dict[str, str], total: int) -> list[dict[str, Any]]:
    """Runs ``caseload demo`` reading its progress ("\rN / M beneficiaries" per chunk):
    the rate of each tenth of the build, with the load average there."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", *args],
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    segments: list[dict[str, Any]] = []
    step = max(1, total // 10)
    began = last_time = time.perf_counter()
    last_cpu = 0.0
    last_done, buffer = 0, b""
    assert process.stderr is not None
    while chunk := process.stderr.read1(4096):
        buffer += chunk
        *lines, buffer = buffer.replace(b"\r", b"\n").split(b"\n")
        for line in lines:
            text = line.decode(errors="replace").strip()
            if "/" not in text or not text.endswith("beneficiaries"):
                continue
            done = int(text.split("/", 1)[0].replace(",", ""))
            now = time.perf_counter()
            if done - last_done >= step or done == total:
                cpu = _cpu_of(process.pid)
                segments.append(
                    {
                        "up_to": done,
                        "rate": (done - last_done) / (now - last_time),
                        "cpu_rate": (done - last_done) / max(cpu - last_cpu, 1e-6),
                        "at_s": now - began,
                        "load": os.getloadavg()[0],
                    }
                )
                last_done, last_time, last_cpu = done, now, cpu
    out = process.stdout.read().decode() if process.stdout else ""
    if process.wait() != 0:
        raise RuntimeError(f"caseload demo failed:\n{out}\n{buffer.decode(errors='replace')}")
    # The indexes made again after the load, and the commit: the end of the build.
    segments.append({"finished_s": time.perf_counter() - began})
    return segments


def _cli(*args: str, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"caseload {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")


def init_folder(root: Path, caseworkers: Sequence[str], env: dict[str, str]) -> None:
    """`caseload init` with the bench's admin, then `users add` of each caseworker."""
    data = ["--data-dir", str(root)]
    _cli(*data, "init", "--admin", ADMIN, "--display-name", "Bench Admin", env=env)
    for username in caseworkers:
        display = username.replace(".", " ").title()
        role = ["--role", "caseworker", "--display-name", display]
        _cli(*data, "users", "add", username, *role, env=env)


def generate(target: Path, beneficiaries: int, sessions_per: int, seed: int) -> float:
    """`caseload init`, five caseworkers, `caseload demo`; returns seconds taken."""
    building = target.with_name(target.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    env = {**os.environ, "CASELOAD_PASSWORD": PASSWORD, "CASELOAD_NEW_PASSWORD": PASSWORD}
    started = time.perf_counter()
    data = ["--data-dir", str(building)]
    init_folder(building, CASEWORKERS, env)
    demo = ["demo", "--beneficiaries", str(beneficiaries)]
    demo += ["--sessions-per-beneficiary", str(sessions_per), "--seed", str(seed)]
    rates = _demo_with_rates([*data, *demo, "--user", ADMIN], env, beneficiaries)
    elapsed = time.perf_counter() - started
    BUILD_RATES.write_text(
        json.dumps({"beneficiaries": beneficiaries, "segments": rates}, indent=1) + "\n"
    )
    shutil.rmtree(building / "logs", ignore_errors=True)
    shutil.rmtree(building / "backups", ignore_errors=True)
    building.rename(target)
    return elapsed


def custom_cache_dir(beneficiaries: int, sessions_per: int, seed: int) -> Path:
    base = cache_dir(beneficiaries, sessions_per, seed)
    return base.with_name(f"{base.name}-forms{forms_key()}")


# Seeded values per kind, then checked by the definition's own clean_value (what the write
# path stores). Skewed where a real caseload is: most cases low risk, few critical.
_WEIGHTS = {"risk_level": (50, 30, 15, 5)}
_NAMES = (
    "Amina", "Joseph", "Fatima", "Samuel", "Grace", "Ibrahim", "Esther", "Musa", "Ruth",
    "Daniel", "Halima", "Peter", "Mariam", "John", "Zainab", "Paul",
)  # fmt: skip
_SURNAMES = ("Okello", "Achieng", "Mensah", "Diallo", "Kamara", "Banda", "Osei", "Mwangi")
_PLACES = ("Riverside", "Hilltop", "Market", "Lakeview", "Old Town", "Station", "Airfield")
_NOTES = (
    "Lives with an elderly grandmother.",
    "Arrived alone; no documents.",
    "Needs a ramp at the distribution point.",
    "Works nights; visit in the afternoon.",
    "Sibling in the same programme.",
)


def _value_maker(item: Any) -> Callable[[random.Random], Any]:
    from desktop.domain.forms import CustomKind

    kind = item.kind
    if kind is CustomKind.CHOICE:
        values = item.choice_values
        weights = _WEIGHTS.get(item.key)
        return lambda rng: rng.choices(values, weights)[0]
    if kind is CustomKind.CHOICES:
        values = item.choice_values
        return lambda rng: [v for v in values if rng.random() < 0.3]
    if kind is CustomKind.YES_NO:
        return lambda rng: rng.random() < 0.3
    if kind is CustomKind.INTEGER:
        low = item.minimum if item.minimum is not None else 0
        high = item.maximum if item.maximum is not None else 100
        return lambda rng: rng.randint(low, min(high, low + 12))
    if kind is CustomKind.DECIMAL:
        high = int(item.maximum * 100) if item.maximum is not None else 200_000
        return lambda rng: str(Decimal(rng.randint(0, high)) / 100)
    if kind is CustomKind.DATE:
        first = date(2020, 1, 1)
        return lambda rng: (first + timedelta(days=rng.randrange(2_500))).isoformat()
    if kind is CustomKind.LONG_TEXT:
        return lambda rng: rng.choice(_NOTES)
    if "phone" in item.key:
        return lambda rng: f"+256 7{rng.randrange(10**8):08d}"
    if "document" in item.key:
        return lambda rng: f"P{rng.randrange(10**7):07d}"
    if "name" in item.key:
        return lambda rng: f"{rng.choice(_NAMES)} {rng.choice(_SURNAMES)}"
    return lambda rng: rng.choice(_PLACES)


def _custom_rows(definition: Any, count: int, rng: random.Random, checked: bool):
    """``count`` records' custom values: each field has a value 90 % of the time
    (required ones always)."""
    from desktop.domain.forms import clean_value

    makers = [(item, _value_maker(item)) for item in definition.fields]
    for _ in range(count):
        values = {}
        for item, make in makers:
            if item.required or rng.random() < 0.9:
                value = make(rng)
                values[item.key] = clean_value(item, value) if checked else value
        yield values


def fill_custom(root: Path, seed: int) -> float:
    """Publishes the bench definition in ``root``'s database and writes custom values on
    every record, then the list's custom indexes; returns seconds taken."""
    from desktop.auth.accounts import LocalAccounts
    from desktop.domain import forms
    from desktop.paths import DataPaths
    from desktop.store.custom_indexes import ensure_custom_indexes
    from desktop.store.tables import FormDefinitionRow, utcnow

    started = time.perf_counter()
    definition = bench_forms()
    rng = random.Random(seed)
    # The default check: trusted after the CLI's clean close, stamped clean again after.
    login = LocalAccounts(DataPaths.resolve(root)).login(ADMIN, PASSWORD)
    try:
        with login.db.raw_connection() as connection:
            # Generated test data: no need to zero freed space or to sync each chunk
            # (1M session rows: 30 s instead of 10 min). The app's own connections keep theirs.
            connection.execute("PRAGMA secure_delete = 0")
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA cache_size = -200000")
            pks = [pk for (pk,) in connection.execute("SELECT pk FROM beneficiaries ORDER BY pk")]
            rows = _custom_rows(definition.beneficiary, len(pks), rng, checked=True)
            for first in range(0, len(pks), FILL_CHUNK):
                chunk = []
                for pk in pks[first : first + FILL_CHUNK]:
                    values = next(rows)
                    text = forms.search_text(definition.beneficiary, values)
                    chunk.append((json.dumps(values, ensure_ascii=False), text, pk))
                connection.executemany(
                    "UPDATE beneficiaries SET custom = ?, custom_search = ?, form_version = 1 "
                    "WHERE pk = ?",
                    chunk,
                )
                connection.commit()
            sessions = [r for (r,) in connection.execute("SELECT rowid FROM case_sessions")]
            rows = _custom_rows(definition.session, len(sessions), rng, checked=False)
            for first in range(0, len(sessions), FILL_CHUNK * 5):
                connection.executemany(
                    "UPDATE case_sessions SET custom = ?, form_version = 1 WHERE rowid = ?",
                    [
                        (json.dumps(next(rows), ensure_ascii=False), rowid)
                        for rowid in sessions[first : first + FILL_CHUNK * 5]
                    ],
                )
                connection.commit()
        with login.db.write() as uow:
            uow.session.add(
                FormDefinitionRow(
                    version=1,
                    body=forms.dumps(definition),
                    source="local",
                    created_at=utcnow(),
                    created_by=login.actor.id,
                )
            )
            ensure_custom_indexes(uow.session, definition)
            uow.commit()
    finally:
        login.close()
    return time.perf_counter() - started


def _older_revision(custom: Path) -> Path | None:
    """The newest cached folder of the same data made at an older schema revision of this
    tree's chain (a cache another branch made at a revision this tree has not is skipped:
    its schema is not one of ours)."""
    from desktop.store.schema import MIGRATIONS

    known = {path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}
    head = head_revision()
    name = custom.name
    revision = f"-rev{head}-"
    pattern = name.replace(revision, "-rev*-")
    older = [
        found
        for found in custom.parent.glob(pattern)
        if (found / "caseload.db").exists()
        and found.name.split("-rev", 1)[1].split("-", 1)[0] < head
        and found.name.split("-rev", 1)[1].split("-", 1)[0] in known
    ]
    return max(older, key=lambda found: found.name) if older else None


def migrate_cached(older: Path, custom: Path) -> float:
    """The same data migrated to head by the app's own open (as an office's upgrade
    does), cached under head's name: a new migration needs no regeneration."""
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    started = time.perf_counter()
    building = custom.with_name(custom.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    copy_folder(older, building)
    LocalAccounts(DataPaths.resolve(building)).login(ADMIN, PASSWORD).close()
    shutil.rmtree(building / "logs", ignore_errors=True)
    shutil.rmtree(building / "backups", ignore_errors=True)
    building.rename(custom)
    return time.perf_counter() - started


def prepare(work: Path, beneficiaries: int, sessions_per: int, seed: int) -> Dataset:
    """A fresh copy of the cached database in ``work`` (generated first when missing)."""
    cached = cache_dir(beneficiaries, sessions_per, seed)
    generated_in = filled_in = None
    custom = custom_cache_dir(beneficiaries, sessions_per, seed)
    older = None if (custom / "caseload.db").exists() else _older_revision(custom)
    if older is not None:
        print(
            f"migrating {older.relative_to(REPO_ROOT)} to revision {head_revision()} ...",
            file=sys.stderr,
            flush=True,
        )
        generated_in = migrate_cached(older, custom)
    elif not (custom / "caseload.db").exists() and not (cached / "caseload.db").exists():
        shutil.rmtree(cached, ignore_errors=True)
        cached.parent.mkdir(parents=True, exist_ok=True)
        print(
            f"generating {beneficiaries:,} beneficiaries x {sessions_per} sessions "
            f"(cached in {cached.relative_to(REPO_ROOT)}) ...",
            file=sys.stderr,
            flush=True,
        )
        generated_in = generate(cached, beneficiaries, sessions_per, seed)
    if not (custom / "caseload.db").exists():
        print(
            f"filling custom values ({FORMS_FILE.name}; cached in "
            f"{custom.relative_to(REPO_ROOT)}) ...",
            file=sys.stderr,
            flush=True,
        )
        building = custom.with_name(custom.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        copy_folder(cached, building)
        filled_in = fill_custom(building, seed)
        shutil.rmtree(building / "logs", ignore_errors=True)
        shutil.rmtree(building / "backups", ignore_errors=True)
        shutil.rmtree(custom, ignore_errors=True)
        building.rename(custom)
    copy = work / "data"
    shutil.rmtree(copy, ignore_errors=True)
    copy_folder(custom, copy)
    return Dataset(
        copy, beneficiaries, sessions_per, seed, head_revision(), generated_in, filled_in
    )


if __name__ == "__main__":  # python -m tests.benchmarks.dataset N M SEED: warm the cache
    count, per, seed_arg = (int(a) for a in sys.argv[1:4])
    target_dir = cache_dir(count, per, seed_arg)
    if target_dir.exists():
        print(f"cached: {target_dir}")
    else:
        target_dir.parent.mkdir(parents=True, exist_ok=True)
        print(f"generated in {generate(target_dir, count, per, seed_arg):.1f} s: {target_dir}")
