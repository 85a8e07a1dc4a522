"""The records one sync push reads, loaded in batches before its changes are applied.

A push of 100 changes would otherwise look each record up on its own (two or three
queries a change); ``begin_record_cache`` loads the named beneficiaries, sessions and
case numbers with one query each (``db.one_of``), and the write functions of ``server.records``
read them through ``_get`` (``_created`` adds what a push makes; ``_flush`` flushes only
outside a push, whose end flushes once).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from server.db import one_of
from server.models import Beneficiary, CaseSession
from server.push_rows import NewRow, flush_new_rows_first, model_of

CACHE_KEY = "caseload_record_cache"


@dataclass
class RecordCache:
    """What one locked write batch (a sync push) already knows about records.

    `records` maps (class, id) to the record, or None when it does not exist; the
    `case_numbers` map a case number to the beneficiary holding it (None: free). While a
    cache is active the writes below keep both up to date and do not flush: the caller
    flushes once at the end of the batch. Any lookup the cache cannot answer falls back
    to a query (which autoflushes, so it sees the batch's pending records).
    """

    records: dict[tuple[type, str], Beneficiary | CaseSession | None] = field(default_factory=dict)
    case_numbers: dict[str, str | None] = field(default_factory=dict)
    # The records the batch creates as plain rows (server/push_rows.py), in order.
    new_rows: list[Any] = field(default_factory=list)
    # Generated case numbers found free, not handed out yet (generate_case_number).
    spare_case_numbers: list[str] = field(default_factory=list)


def begin_record_cache(
    session: Session,
    beneficiary_ids: set[str],
    session_ids: set[str],
    case_numbers: set[str],
) -> RecordCache:
    """Load the batch's records with one query per kind; writes stop flushing."""
    cache = RecordCache()
    found_sessions: list[CaseSession] = []
    if session_ids:
        found_sessions.extend(
            session.execute(
                select(CaseSession).where(one_of(session, CaseSession.id, session_ids))
            ).scalars()
        )
    for record in found_sessions:
        cache.records[(CaseSession, record.id)] = record
    for record_id in session_ids:
        cache.records.setdefault((CaseSession, record_id), None)
    wanted = beneficiary_ids | {s.beneficiary_id for s in found_sessions}
    if wanted:
        for record in session.execute(
            select(Beneficiary).where(one_of(session, Beneficiary.id, wanted))
        ).scalars():
            cache.records[(Beneficiary, record.id)] = record
    for record_id in wanted:
        cache.records.setdefault((Beneficiary, record_id), None)
    if case_numbers:
        rows = session.execute(
            select(Beneficiary.case_number, Beneficiary.id).where(
                one_of(session, Beneficiary.case_number, case_numbers)
            )
        ).all()
        for number, holder in rows:
            cache.case_numbers[number] = holder
    for number in case_numbers:
        cache.case_numbers.setdefault(number, None)
    session.info[CACHE_KEY] = cache
    event.listen(session, "before_flush", _new_rows_first)
    return cache


def _new_rows_first(session: Session, _context: Any, _instances: Any) -> None:
    cache = _cache(session)
    if cache is not None:
        flush_new_rows_first(session, cache.new_rows)


def end_record_cache(session: Session) -> None:
    if session.info.pop(CACHE_KEY, None) is not None:
        event.remove(session, "before_flush", _new_rows_first)


def _cache(session: Session) -> RecordCache | None:
    return session.info.get(CACHE_KEY)


def _get(session: Session, cls: type, record_id: str) -> Any:
    cache = _cache(session)
    if cache is None:
        return session.get(cls, record_id)
    key = (cls, record_id)
    if key not in cache.records:
        cache.records[key] = session.get(cls, record_id)
    return cache.records[key]


def _created(session: Session, record: Any) -> None:
    """A new record: remembered by an active cache (and flushed later), else flushed now.

    A `NewRow` (made only while a cache is active) stays out of the ORM session: the
    push inserts it with its batch (server/push_rows.py).
    """
    cache = _cache(session)
    if type(record) is NewRow:
        assert cache is not None
        cache.new_rows.append(record)
    else:
        session.add(record)
        if cache is None:
            session.flush()
            return
    cache.records[(model_of(record), record.id)] = record
    if isinstance(record, Beneficiary):
        cache.case_numbers[record.case_number] = record.id


def new_record(session: Session, model: type, **values: Any) -> Any:
    """A record being created: a plain `NewRow` inside a push, else the ORM object."""
    if _cache(session) is not None:
        return NewRow(model, **values)
    return model(**values)


def _flush(session: Session) -> None:
    if _cache(session) is None:
        session.flush()


# --- case numbers the server makes (records.upsert_beneficiary) ----------------------


def _case_number_candidate(when: datetime) -> str:
    return f"S{when:%Y}-{secrets.token_hex(4).upper()}"


def _case_number_candidates(when: datetime, count: int) -> set[str]:
    """`count` draws of `_case_number_candidate`, from one call for the random bytes."""
    prefix = f"S{when:%Y}-"
    digits = secrets.token_hex(4 * count).upper()
    return {prefix + digits[at : at + 8] for at in range(0, 8 * count, 8)}


def generate_case_number(session: Session, when: datetime) -> str:
    cache = _cache(session)
    if cache is not None:
        return _pooled_case_number(session, cache, when)
    while True:
        candidate = _case_number_candidate(when)
        exists = session.execute(
            select(Beneficiary.id).where(Beneficiary.case_number == candidate)
        ).first()
        if exists is None:
            return candidate


CASE_NUMBER_POOL = 64


def _pooled_case_number(session: Session, cache: RecordCache, when: datetime) -> str:
    """Inside a push: free numbers checked 64 at a time, one query for each 64.

    The batch's own numbers are the cache's, so the query needs no flush of its
    pending writes.
    """
    prefix = f"S{when:%Y}-"
    while True:
        pool = cache.spare_case_numbers
        while pool:
            candidate = pool.pop()
            if cache.case_numbers.get(candidate) is None and candidate.startswith(prefix):
                return candidate
        candidates = _case_number_candidates(when, CASE_NUMBER_POOL)
        with session.no_autoflush:
            taken = set(
                session.execute(
                    select(Beneficiary.case_number).where(
                        one_of(session, Beneficiary.case_number, candidates)
                    )
                ).scalars()
            )
        pool.extend(sorted(candidates - taken))
