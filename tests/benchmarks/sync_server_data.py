"""The first-sync benchmark's server: an office's database made once, cached.

The rows go in through the server's own tables (SQLAlchemy Core ``insert`` of the
models' tables, executemany in one transaction per chunk) into the server's own
encrypted database file, after the server made it (migrations, the accounts registered
through its API). The values are seeded and shaped like the app's: names, dates of birth,
phones, a summary per session. Each record gets its own sequence number in the order a
real office writes them (a beneficiary, then its sessions), and the counter ends at the
last one.

Cache key: (beneficiaries, sessions per beneficiary, seed, BUILD_VERSION). Each run works
on a copy of the cached folder, which the server brings to its migration head when it
starts (an index added later is built there, on the office's rows).
"""

from __future__ import annotations

import random
import shutil
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from server.schema import SESSION_KINDS, SESSION_STATUSES

from .dataset import CACHE_ROOT

BUILD_VERSION = "2"  # 2: sessions take the server's own kinds and statuses
SUPERVISOR = "bench_supervisor"
CASEWORKER_COUNT = 5
CHUNK = 20_000
FIRST = ("Amara", "Jonas", "Leila", "Pedro", "Mai", "Ana", "Omar", "Sofia", "Ivan", "Nia")
LAST = ("Okoye", "Berg", "Haddad", "Souza", "Tran", "Silva", "Khan", "Novak", "Diaz", "Ito")


def cache_dir(beneficiaries: int, sessions_per: int, seed: int) -> Path:
    key = f"b{beneficiaries}-s{sessions_per}-seed{seed}-v{BUILD_VERSION}"
    return CACHE_ROOT / f"server-{key}"


def prepare(work: Path, beneficiaries: int, sessions_per: int, seed: int) -> tuple[Path, float]:
    """A copy of the cached server folder in ``work`` (built first when missing);
    returns (its path, seconds spent building, 0 on a cache hit)."""
    cached = cache_dir(beneficiaries, sessions_per, seed)
    built = 0.0
    if not (cached / "done").exists():
        began = time.perf_counter()
        build(cached, beneficiaries, sessions_per, seed)
        built = time.perf_counter() - began
    target = work / "server"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(cached, target)
    (target / "done").unlink()
    return target, built


def build(folder: Path, beneficiaries: int, sessions_per: int, seed: int) -> None:
    from sqlalchemy import insert, select, update

    from server.config import ServerConfig
    from server.db import make_engine
    from server.models import Beneficiary, CaseSession, SyncCounter, User

    from .write_bench import Server

    shutil.rmtree(folder, ignore_errors=True)
    server = Server(folder)
    try:
        server.register(SUPERVISOR, "supervisor")
        for number in range(CASEWORKER_COUNT):
            server.register(f"bench_cw{number}", "caseworker")
    finally:
        server.stop()
    (folder / "server.log").unlink(missing_ok=True)
    config = ServerConfig.load(folder)
    engine = make_engine(config.database_url, config.db_key)
    rng = random.Random(seed)
    now = datetime(2026, 1, 5, 9, 0)
    try:
        with engine.begin() as connection:
            workers = list(
                connection.execute(
                    select(User.id).where(User.role == "caseworker").order_by(User.username)
                ).scalars()
            )
            seq = connection.execute(select(SyncCounter.value)).scalar_one()
        people: list[dict] = []
        visits: list[dict] = []

        def flush() -> None:
            with engine.begin() as connection:
                if people:
                    connection.execute(insert(Beneficiary.__table__), people)
                if visits:
                    connection.execute(insert(CaseSession.__table__), visits)
            people.clear()
            visits.clear()

        for number in range(1, beneficiaries + 1):
            owner = workers[number % len(workers)]
            seq += 1
            beneficiary_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            people.append(
                {
                    "id": beneficiary_id,
                    "case_number": f"SRV-{number:07d}",
                    "first_name": rng.choice(FIRST),
                    "last_name": rng.choice(LAST),
                    "date_of_birth": date(1950, 1, 1) + timedelta(days=rng.randrange(25_000)),
                    "gender": rng.choice(("female", "male", "other", None)),
                    "id_number": None,
                    "phone": f"+1555{rng.randrange(10**7):07d}",
                    "email": None,
                    "address": f"{rng.randrange(1, 300)} Market Street",
                    "preferred_language": None,
                    "status": "active",
                    "consent_given": True,
                    "consent_date": date(2025, 6, 1),
                    "notes": None,
                    "custom": {},
                    "form_version": 0,
                    "incomplete_fields": [],
                    "caseworker_id": owner,
                    "organisation": "default",
                    "version": 1,
                    "seq": seq,
                    "deleted": False,
                    "created_at": now,
                    "updated_at": now,
                    "updated_by": owner,
                }
            )
            for visit in range(sessions_per):
                seq += 1
                visits.append(
                    {
                        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "beneficiary_id": beneficiary_id,
                        "caseworker_id": owner,
                        "starts_at": now - timedelta(days=visit * 7, minutes=rng.randrange(600)),
                        "duration_minutes": 60,
                        "kind": rng.choice(SESSION_KINDS),
                        "location": "Office",
                        "status": rng.choice(SESSION_STATUSES),
                        "summary": f"Visit {visit + 1}: follow-up on the case plan.",
                        "outcome": None,
                        "follow_up_on": None,
                        "custom": {},
                        "form_version": 0,
                        "incomplete_fields": [],
                        "version": 1,
                        "seq": seq,
                        "deleted": False,
                        "created_at": now,
                        "updated_at": now,
                        "updated_by": owner,
                    }
                )
            if len(visits) >= CHUNK:
                flush()
        flush()
        with engine.begin() as connection:
            connection.execute(update(SyncCounter).values(value=seq))
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    (folder / "done").write_text("ok\n", encoding="ascii")
