"""The change feed's queries: who sees which rows, a page in seq order, its answer.

A page costs what it returns, not the office: each table's rows are found by walking a
``seq`` index from the cursor (see `feed_sources`), first as bare sequence numbers to
find where the page ends, then the page's own rows by those numbers as plain rows (no
ORM objects, no join), serialised straight to JSON and gzipped when the client accepts
it.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from flask import Response, request
from sqlalchemy import Column, ColumnElement, Engine, Select, and_, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.visitors import replacement_traverse

from server import schema, transfers
from server.db import one_of
from server.models import (
    Beneficiary,
    CaseSession,
    HouseholdLink,
    RecordDeparture,
    Referral,
    Task,
    Transfer,
)
from server.records import (
    BENEFICIARY,
    CASE_SESSION,
    HOUSEHOLD_LINK,
    REFERRAL,
    TASK,
    TRANSFER,
    Actor,
    _record_dict,
    beneficiary_visibility,
)

# Each record kind's feed name and wire fields (as server.records.record_dict has them).
KINDS: dict[Any, tuple[str, tuple[schema.Field, ...]]] = {
    Beneficiary: (BENEFICIARY, schema.BENEFICIARY),
    CaseSession: (CASE_SESSION, schema.CASE_SESSION),
    Task: (TASK, schema.TASK),
    HouseholdLink: (HOUSEHOLD_LINK, schema.HOUSEHOLD_LINK),
    Referral: (REFERRAL, schema.REFERRAL),
    Transfer: (TRANSFER, schema.TRANSFER),
}
# Answers smaller than this go as they are (gzip's header and the CPU are not worth it).
GZIP_MIN_BYTES = 1024
# zlib level 1: measured on feed pages of 500 records (docs/performance.md, First sync):
# level 1 shrinks a page about 6x at a fraction of the cost of level 6.
GZIP_LEVEL = 1


def page_after(
    model: Any, condition: ColumnElement[bool], after: int, limit: int, upto: int | None = None
) -> Select:
    """The sequence numbers of the first ``limit`` of ``model``'s feed rows after ``after``
    (and up to ``upto``, where the feed ends: db.begin_feed_snapshot).

    Bare numbers: the feed merges them across tables to find where its page ends, then
    reads that page's rows with `page_rows`.
    """
    query = select(model.seq).where(model.seq > after, condition)
    if upto is not None:
        query = query.where(model.seq <= upto)
    return query.order_by(model.seq).limit(limit)


def page_rows(on: Session | Engine, model: Any, seqs: list[int]) -> Select:
    """``model``'s rows with these sequence numbers (found visible by `page_after` in the
    same snapshot), as plain rows; the caller puts the page in seq order."""
    return select(*model.__table__.columns).where(one_of(on, model.seq, seqs))


def feed_page(
    session: Session,
    sources: list[tuple[Any, ColumnElement[bool]]],
    after: int,
    limit: int,
    *,
    upto: int | None = None,
) -> tuple[list[dict[str, Any]], bool]:
    """(the next ``limit`` feed entries after ``after`` in seq order, whether more follow
    up to ``upto``).

    Sequence numbers are unique across tables (one counter), so the ``limit``-th smallest
    of the tables' first ``limit + 1`` is where this page ends.
    """
    firsts: list[tuple[int, int]] = []  # (seq, index of its source)
    for index, (model, condition) in enumerate(sources):
        query = page_after(model, condition, after, limit + 1, upto)
        numbers = session.execute(query).scalars()
        firsts += [(seq, index) for seq in numbers]
    if not firsts:
        return [], False
    firsts.sort()
    has_more = len(firsts) > limit
    last = firsts[min(limit, len(firsts)) - 1][0]
    wanted: dict[int, list[int]] = {}
    for seq, index in firsts:
        if seq <= last:
            wanted.setdefault(index, []).append(seq)
    entries: list[dict[str, Any]] = []
    for index, seqs in sorted(wanted.items()):
        model = sources[index][0]
        rows = session.execute(page_rows(session, model, seqs))
        if model is RecordDeparture:
            entries += [_departure_change(row) for row in rows]
            continue
        entity, fields = KINDS[model]
        entries += [
            {
                "entity": entity,
                "id": row.id,
                "seq": row.seq,
                "version": row.version,
                "deleted": row.deleted,
                "data": _record_dict(row, fields),
            }
            for row in rows
        ]
    entries.sort(key=lambda entry: entry["seq"])
    return entries, has_more


def json_answer(payload: dict[str, Any]) -> Response:
    """``{"data": payload}`` as compact JSON, gzipped when the client accepts gzip."""
    body = json.dumps({"data": payload}, separators=(",", ":"), ensure_ascii=False).encode()
    response = Response(body, mimetype="application/json")
    response.vary.add("Accept-Encoding")
    if len(body) >= GZIP_MIN_BYTES and "gzip" in request.accept_encodings:
        packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # 31: the gzip container
        response.set_data(packer.compress(body) + packer.flush())
        response.headers["Content-Encoding"] = "gzip"
    return response


def _off_index(element: Any) -> Any:
    """The owner columns of a transfer as ``column || ''``: same value, no index."""
    owner = ("organisation", "caseworker_id", "to_caseworker_id")
    if isinstance(element, Column) and element.table is Transfer.__table__:
        return element.concat("") if element.key in owner else None
    return None


def count_after(
    model: Any, condition: ColumnElement[bool], after: int, upto: int | None = None
) -> Select:
    """How many of ``model``'s feed rows come after ``after`` (up to ``upto``): a range on
    its seq index.

    Its cost is what is left after ``after``, not the office (see ``feed_sources``).
    """
    query = select(func.count()).select_from(model).where(model.seq > after, condition)
    return query if upto is None else query.where(model.seq <= upto)


def feed_sources(who: Actor, exclude_run: str | None) -> list[tuple[Any, ColumnElement[bool]]]:
    """Per table, which of its rows are in this caller's feed (the seq range aside).

    The page and the count must walk a seq index from the cursor, so that their cost is
    what is left, not the office. Beneficiaries: the owner column's equality and the seq
    range are one index (organisation or caseworker, then seq; migration 0015), which
    also gives seq order. Sessions, tasks, links and referrals walk their own seq index
    and reach their beneficiary through a correlated EXISTS (a join lets the planner
    start from the office's beneficiaries). Transfers (a few per case) compare their
    owner columns as expressions, which no index serves, so their seq index is walked.
    """
    visible = beneficiary_visibility(who)
    beneficiaries: ColumnElement[bool] = visible
    case_sessions: ColumnElement[bool] = (
        select(Beneficiary.id).where(Beneficiary.id == CaseSession.beneficiary_id, visible).exists()
    )
    tasks_seen: ColumnElement[bool] = (
        select(Beneficiary.id).where(Beneficiary.id == Task.beneficiary_id, visible).exists()
    )
    links_seen: ColumnElement[bool] = (
        select(Beneficiary.id)
        .where(Beneficiary.id == HouseholdLink.beneficiary_id, visible)
        .exists()
    )
    # The sender's organisation's referrals, by their beneficiary (the receiving
    # organisation reads its incoming ones through /api/referrals/incoming, never here).
    referrals_seen: ColumnElement[bool] = (
        select(Beneficiary.id).where(Beneficiary.id == Referral.beneficiary_id, visible).exists()
    )
    if exclude_run is not None:
        links_seen = and_(links_seen, HouseholdLink.sync_run.is_distinct_from(exclude_run))
        beneficiaries = and_(beneficiaries, Beneficiary.sync_run.is_distinct_from(exclude_run))
        case_sessions = and_(case_sessions, CaseSession.sync_run.is_distinct_from(exclude_run))
        tasks_seen = and_(tasks_seen, Task.sync_run.is_distinct_from(exclude_run))
        referrals_seen = and_(referrals_seen, Referral.sync_run.is_distinct_from(exclude_run))
    transfers_seen: ColumnElement[bool] = replacement_traverse(
        transfers.transfer_visibility(who), {}, _off_index
    )
    if exclude_run is not None:
        transfers_seen = and_(transfers_seen, Transfer.sync_run.is_distinct_from(exclude_run))
    sources: list[tuple[Any, ColumnElement[bool]]] = [
        (Beneficiary, beneficiaries),
        (CaseSession, case_sessions),
        (Task, tasks_seen),
        (HouseholdLink, links_seen),
        (Referral, referrals_seen),
        (Transfer, transfers_seen),
    ]
    if not who.sees_organisation:
        # Reassigned away from this caseworker (and not back): their laptop removes it.
        sources.append(
            (
                RecordDeparture,
                and_(
                    RecordDeparture.caseworker_id == who.id,
                    select(Beneficiary.id)
                    .where(
                        Beneficiary.id == RecordDeparture.beneficiary_id,
                        Beneficiary.caseworker_id != who.id,
                    )
                    .exists(),
                ),
            )
        )
    return sources


def _departure_change(departure: RecordDeparture) -> dict[str, Any]:
    """A feed entry saying the beneficiary (and its sessions) left this caseload."""
    return {
        "entity": BENEFICIARY,
        "id": departure.beneficiary_id,
        "seq": departure.seq,
        "version": departure.version,
        "deleted": False,
        "left": True,
        "data": None,
    }
