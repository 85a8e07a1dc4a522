"""Sync endpoints: batched push with idempotency keys, the change feed, and a digest."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]
from typing import Any

from flask import Blueprint, current_app, request
from flask_jwt_extended import jwt_required
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from server import households, observability, push_rows, records, referrals, tasks, transfers
from server.db import (
    SYNC_RUN,
    begin_deferred_seq_block,
    begin_feed_snapshot,
    begin_seq_block,
    begin_snapshot,
    begin_write,
    current_seq,
    end_seq_block,
    one_of,
    utcnow,
)
from server.errors import ApiError, ValidationFailed
from server.feed import count_after, feed_page, feed_sources, json_answer
from server.models import (
    Beneficiary,
    CaseSession,
    HouseholdLink,
    IdempotencyRecord,
    Referral,
    Task,
    Transfer,
)
from server.records import (
    BENEFICIARY,
    CASE_SESSION,
    ENTITIES,
    HOUSEHOLD_LINK,
    REFERRAL,
    TASK,
    TRANSFER,
    Actor,
    RecordConflict,
    RecordRejected,
    beneficiary_visibility,
    record_dict,
)
from server.validation import (
    MAX_INT32,
    FieldError,
    clean_text,
    field_path,
    parse_int,
    parse_uuid,
    unstorable_text,
)
from server.web import actor, body_storable, db, json_object, ok, query_int

log = logging.getLogger(__name__)

bp = Blueprint("sync", __name__, url_prefix="/api/sync")

MAX_KEY_LENGTH = 200
FEED_DEFAULT_LIMIT = 500
FEED_MAX_LIMIT = 1000
MAX_SEQ = 2**62


class ItemRejected(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str],
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.result = {
            "status": "rejected",
            "code": code,
            "http_status": status,
            "message": message,
            "errors": fields,
            **(extra or {}),
        }


def _json_encoder(sort_keys: bool, separators: tuple[str, str]) -> Callable[[Any], str]:
    """json.dumps(value, sort_keys=..., separators=...) (ASCII), with its encoder made once
    (json.dumps makes one per call) and no cycle check: what is encoded here is parsed
    JSON or built of it, without cycles."""
    item, key = separators
    if c_make_encoder is None:  # an interpreter without the C encoder
        return json.JSONEncoder(sort_keys=sort_keys, separators=separators).encode
    # (markers, default, encoder, indent, key and item separators, sort_keys, skipkeys, allow_nan)
    encode = c_make_encoder(
        None, None, encode_basestring_ascii, None, key, item, sort_keys, False, True
    )
    return lambda value: "".join(encode(value, 0))


# The text a change's fingerprint is taken of (canonical: sorted keys, no spaces).
_canonical = _json_encoder(True, (",", ":"))
# json.dumps(value) as it is by default: how an applied answer is remembered.
_plain_json = _json_encoder(False, (", ", ": "))


def _fingerprint(change: dict[str, Any], record_id: str) -> str:
    get = change.get
    canonical = {
        "entity": get("entity"),
        "id": record_id,
        "op": get("op"),
        "base_version": get("base_version"),
        "data": get("data"),
    }
    return hashlib.sha256(_canonical(canonical).encode("ascii")).hexdigest()


def _parse_change(change: Any, storable: bool = False) -> dict[str, Any]:
    """Check the envelope of one change; the record fields are checked by the records module.

    `storable`: every string of the request is known to pass clean_text (storable_json).
    """
    if not isinstance(change, dict):
        raise ItemRejected(
            422, "validation_error", "A change must be an object.", {"change": "must be an object"}
        )
    found = None if storable else unstorable_text(change)
    if found is not None:
        # Before anything else: ids, case numbers and beneficiary ids are looked up for the
        # whole batch before their field rules run. The record's fields are named bare, as
        # the field rules name them.
        path, problem = found
        if path[:1] == ("data",) and len(path) > 1:
            path = path[1:]
        raise ItemRejected(
            422,
            "validation_error",
            "The change is not valid.",
            {field_path(path, "change"): problem},
        )
    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    entity = change.get("entity")
    if entity not in ENTITIES:
        errors["entity"] = "must be one of: " + ", ".join(ENTITIES)
    op = change.get("op")
    if op not in ("upsert", "delete"):
        errors["op"] = "must be one of: upsert, delete"
    try:
        parsed["id"] = parse_uuid(change.get("id"))
    except FieldError as exc:
        errors["id"] = str(exc)
    base_version = change.get("base_version")
    if base_version is not None:
        try:
            parse_int(base_version, 0, MAX_INT32)
        except FieldError as exc:
            errors["base_version"] = str(exc)
    key = change.get("idempotency_key")
    try:
        if key is None or clean_text(key) == "":
            errors["idempotency_key"] = "is required"
        elif len(key) > MAX_KEY_LENGTH:
            errors["idempotency_key"] = f"must be at most {MAX_KEY_LENGTH} characters"
    except FieldError as exc:
        errors["idempotency_key"] = str(exc)
    data = change.get("data")
    if op == "upsert" and not isinstance(data, dict):
        errors["data"] = "must be an object"
    elif op == "delete" and data is not None and not isinstance(data, dict):
        errors["data"] = "must be an object or null"
    if errors:
        raise ItemRejected(422, "validation_error", "The change is not valid.", errors)
    parsed.update(
        entity=entity,
        op=op,
        base_version=base_version,
        key=key,
        data=data or {},
        storable=storable,
    )
    return parsed


def _apply(session: Session, who: Actor, change: dict[str, Any]) -> dict[str, Any]:
    """Apply one parsed change; returns the result fields (status, version, record, ...)."""
    record_id, base_version, data = change["id"], change["base_version"], change["data"]
    try:
        if change["entity"] == BENEFICIARY:
            if change["op"] == "upsert":
                result = records.upsert_beneficiary(
                    session, who, record_id, data, base_version, storable=change["storable"]
                )
            else:
                result = records.delete_beneficiary(
                    session, who, record_id, base_version, unconditional=False
                )
        elif change["entity"] == TASK:
            if change["op"] == "upsert":
                result = tasks.upsert_task(session, who, record_id, data, base_version)
            else:
                result = tasks.delete_task(
                    session, who, record_id, base_version, unconditional=False
                )
        elif change["entity"] == HOUSEHOLD_LINK:
            if change["op"] == "upsert":
                result = households.upsert_link(session, who, record_id, data, base_version)
            else:
                result = households.delete_link(
                    session, who, record_id, base_version, unconditional=False
                )
        elif change["entity"] == REFERRAL:
            if change["op"] == "upsert":
                result = referrals.upsert_referral(session, who, record_id, data, base_version)
            else:
                result = referrals.delete_referral(session, who, record_id, base_version)
        elif change["entity"] == TRANSFER:
            if change["op"] == "upsert":
                result = transfers.upsert_transfer(session, who, record_id, data, base_version)
            else:
                result = transfers.delete_transfer(
                    session, who, record_id, base_version, unconditional=False
                )
        elif change["op"] == "upsert":
            result = records.upsert_case_session(
                session, who, record_id, data, base_version, storable=change["storable"]
            )
        else:
            result = records.delete_case_session(
                session, who, record_id, base_version, unconditional=False
            )
    except RecordConflict as exc:
        return {
            "status": "conflict",
            "code": "version_conflict",
            "message": "The server has a different version of this record.",
            "version": exc.record.version,
            "record": record_dict(exc.record),
        }
    except RecordRejected as exc:
        raise ItemRejected(exc.status, exc.code, exc.message, exc.fields, exc.extra) from exc
    except ApiError as exc:  # field validation
        raise ItemRejected(exc.status, exc.code, exc.message, exc.fields or {}) from exc
    merged = {"merged_into": result.merged_into} if result.merged_into else {}
    return {
        **merged,
        "status": "applied",
        "version": result.record.version,
        # The organisation's required fields the record lacks (accepted, flagged).
        "incomplete_fields": list(getattr(result.record, "incomplete_fields", None) or []),
        "record": record_dict(result.record),
    }


def _head(raw: Any, storable: bool = False) -> dict[str, Any]:
    """What a result repeats of its change: id, entity and key, where they are clean text."""
    fields = raw if isinstance(raw, dict) else {}

    def text(name: str) -> str | None:
        value = fields.get(name)
        if not isinstance(value, str):
            return None
        return value if storable or unstorable_text(value) is None else None

    return {
        "id": text("id"),
        "entity": fields.get("entity") if fields.get("entity") in ENTITIES else None,
        "idempotency_key": text("idempotency_key"),
    }


def _parse(
    raw: Any, storable: bool = False
) -> tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any] | None]:
    """(head, parsed change, None), or (head, None, the rejection) for a bad envelope.

    `storable`: every string of the request passes clean_text (validation.storable_json).
    """
    head = _head(raw, storable)
    try:
        change = _parse_change(raw, storable)
    except ItemRejected as exc:
        if head["idempotency_key"] is not None and "idempotency_key" in exc.result["errors"]:
            head["idempotency_key"] = None
        return head, None, {**head, **exc.result}
    head["id"] = change["id"]
    change["fingerprint"] = _fingerprint(raw, change["id"])
    return head, change, None


def _remembered(outcome: dict[str, Any]) -> str:
    """An applied answer as stored for replays: without the record (personal data)."""
    return _plain_json({name: value for name, value in outcome.items() if name != "record"})


# The columns of an applied change's idempotency record, as `_process_batch` writes them.
REMEMBERED = ("user_id", "key", "fingerprint", "result", "created_at")


def _with_record(session: Session, who: Actor, change: dict[str, Any], answer: dict[str, Any]):
    """A replayed answer with the record as it is now.

    The version the change wrote answers as before. A record changed since (or deleted)
    answers as a conflict with its current copy, so the client merges instead of taking
    the newer copy for the one it sent; one the user may no longer see is refused.
    """
    if answer.get("status") != "applied" or "record" in answer:
        return answer
    classes = {
        BENEFICIARY: Beneficiary,
        TASK: Task,
        HOUSEHOLD_LINK: HouseholdLink,
        REFERRAL: Referral,
        TRANSFER: Transfer,
    }
    cls = classes.get(change["entity"], CaseSession)
    record = records._get(session, cls, change["id"])
    parent = record if cls is Beneficiary or record is None else None
    if record is not None and parent is None:
        parent = records._get(session, Beneficiary, record.beneficiary_id)
    if cls is Transfer:  # seen by both sides, not by the case's owner alone
        seen = record is not None and transfers.can_see_transfer(who, record)
    else:
        seen = parent is not None and records.can_see_beneficiary(who, parent)
    if record is None or not seen:
        return {
            **answer,
            "status": "rejected",
            "code": "forbidden",
            "http_status": 403,
            "message": "This record is no longer yours to see.",
            "errors": {"id": "not yours to see"},
        }
    if record.version == answer.get("version"):
        return {**answer, "record": record_dict(record)}
    return {
        **answer,
        "status": "conflict",
        "code": "version_conflict",
        "message": "The server has a different version of this record.",
        "version": record.version,
        "record": record_dict(record),
    }


def _replay(head: dict[str, Any], stored: tuple[str, str], fingerprint: str) -> dict[str, Any]:
    """The stored answer for a repeated key (see `_with_record`), or a reused key's rejection."""
    stored_fingerprint, stored_result = stored
    if stored_fingerprint == fingerprint:
        return json.loads(stored_result)
    return {
        **head,
        "status": "rejected",
        "code": "idempotency_key_reused",
        "http_status": 422,
        "message": "This idempotency key was used for a different change.",
        "errors": {"idempotency_key": "was already used for a different change"},
    }


def _process(session: Session, who: Actor, raw: Any, storable: bool = False) -> dict[str, Any]:
    """One change in its own savepoint: the careful path, used when a batch raced."""
    head, change, rejected = _parse(raw, storable)
    if change is None:
        return rejected
    fingerprint = change["fingerprint"]
    for attempt in (1, 2):
        stored = session.execute(
            select(IdempotencyRecord).where(
                IdempotencyRecord.user_id == who.id, IdempotencyRecord.key == change["key"]
            )
        ).scalar_one_or_none()
        if stored is not None:
            answer = _replay(head, (stored.fingerprint, stored.result), fingerprint)
            return _with_record(session, who, change, answer)
        try:
            with session.begin_nested():
                outcome = {**head, **_apply(session, who, change)}
                if outcome["status"] == "applied":
                    # Only applied changes are remembered: a conflict or a rejection changed
                    # nothing, so answering a retry afresh is just as safe and more current.
                    session.add(
                        IdempotencyRecord(
                            user_id=who.id,
                            key=change["key"],
                            fingerprint=fingerprint,
                            result=_remembered(outcome),
                            created_at=utcnow(),
                        )
                    )
                    session.flush()
            return outcome
        except ItemRejected as exc:
            return {**head, **exc.result}
        except IntegrityError:
            # A concurrent writer stored the same record or key first; look again.
            log.debug("sync change for %s %s raced; retrying", change["entity"], change["id"])
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _held_with_parent(session: Session, parsed: list[tuple]) -> dict[int, int]:
    """Session deletes of a push that go with their beneficiary's delete in the same push.

    A beneficiary's delete tombstones its sessions in the same write, so the two are one
    unit. A client that also sends the sessions' own deletes (before the beneficiary's,
    children first) must not get them applied when the beneficiary's delete then
    conflicts: that would clear the sessions of a beneficiary that stays. Such session
    deletes are held and answered after their beneficiary's: applied with it (they are
    its tombstones), else rejected with `parent_not_deleted`, changing nothing. Returns
    the held change's index -> its beneficiary delete's index.
    """
    parents: dict[str, int] = {}
    for index, (_head, change, _rejected) in enumerate(parsed):
        if change is not None and change["entity"] == BENEFICIARY and change["op"] == "delete":
            parents.setdefault(change["id"], index)
    held: dict[int, int] = {}
    if not parents:
        return held
    for index, (_head, change, _rejected) in enumerate(parsed):
        if change is None or change["entity"] != CASE_SESSION or change["op"] != "delete":
            continue
        parent = records.case_session_parent(session, change["id"])
        if parent in parents:
            held[index] = parents[parent]
    return held


def _parent_not_deleted(head: dict[str, Any]) -> dict[str, Any]:
    return {
        **head,
        "status": "rejected",
        "code": "parent_not_deleted",
        "http_status": 409,
        "message": "This session is deleted with its beneficiary, "
        "and the beneficiary's delete was not applied.",
        "errors": {"id": "is deleted with its beneficiary, whose delete was not applied"},
    }


def _unit_order(count: int, held: dict[int, int]) -> list[int]:
    """The order changes are applied in: as sent, held session deletes after the rest."""
    return [i for i in range(count) if i not in held] + sorted(held)


def _process_all(
    session: Session, who: Actor, raws: list[Any], storable: bool = False
) -> list[dict[str, Any]]:
    """The careful path (`_process` per change) with the same units as `_process_batch`."""
    parsed = [_parse(raw, storable) for raw in raws]
    held = _held_with_parent(session, parsed)
    results: list[dict[str, Any] | None] = [None] * len(raws)
    for index in _unit_order(len(raws), held):
        parent = results[held[index]] if index in held else None
        if parent is not None and parent["status"] != "applied":
            results[index] = _parent_not_deleted(parsed[index][0])
        else:
            results[index] = _process(session, who, raws[index], storable)
    return [result for result in results if result is not None]


def _process_batch(
    session: Session,
    who: Actor,
    raws: list[Any],
    *,
    lock_late: bool = False,
    storable: bool = False,
) -> list[dict[str, Any]]:
    """All changes of a push with a constant number of queries.

    The idempotency records and the records the batch touches are loaded with one `IN`
    query each; the changes are then applied in order in memory (later ones see earlier
    ones), sequence numbers are counted in memory (see `db.begin_seq_block`), and the new
    rows go out in one flush. The record writes raise before they change anything, so a
    rejected or conflicting change needs no savepoint. An `IntegrityError` (a writer that
    does not take the lock) propagates: the caller redoes the push item by item.

    With `lock_late` (PostgreSQL) the batch is read, validated and built without the
    write lock, with placeholder numbers; `push_rows.lock_and_number` takes the lock,
    shared with other such pushes, and the numbers just before the writes (or raises
    `LockFirst`). `storable`: see `_parse`.
    """
    parsed = [_parse(raw, storable) for raw in raws]
    changes = [change for _head, change, _rejected in parsed if change is not None]
    keys = {change["key"] for change in changes}
    stored: dict[str, tuple[str, str]] = {}
    if keys:
        rows = session.execute(
            select(
                IdempotencyRecord.key, IdempotencyRecord.fingerprint, IdempotencyRecord.result
            ).where(
                IdempotencyRecord.user_id == who.id,
                one_of(session, IdempotencyRecord.key, keys),
            )
        ).all()
        for key, fingerprint, result in rows:
            stored[key] = (fingerprint, result)
    beneficiary_ids: set[str] = set()
    session_ids: set[str] = set()
    case_numbers: set[str] = set()
    for change in changes:
        if change["key"] in stored:
            continue
        data = change["data"]
        if change["entity"] == BENEFICIARY:
            beneficiary_ids.add(change["id"])
            if isinstance(data.get("case_number"), str):
                case_numbers.add(data["case_number"])
        else:
            session_ids.add(change["id"])
            if isinstance(data.get("beneficiary_id"), str):
                beneficiary_ids.add(data["beneficiary_id"])
    cache = records.begin_record_cache(session, beneficiary_ids, session_ids, case_numbers)
    if lock_late:
        push_rows.watch_stored_writes(session, cache)
    try:
        held = _held_with_parent(session, parsed)
        slots: list[dict[str, Any] | None] = [None] * len(parsed)
        remembered: list[tuple[str, str, str, str, Any]] = []  # in REMEMBERED's order
        user_id = who.id
        for index in _unit_order(len(parsed), held):
            head, change, rejected = parsed[index]
            if change is None:
                slots[index] = rejected
                continue
            fingerprint = change["fingerprint"]
            if change["key"] in stored:
                answer = _replay(head, stored[change["key"]], fingerprint)
                slots[index] = _with_record(session, who, change, answer)
                continue
            parent = slots[held[index]] if index in held else None
            if parent is not None and parent["status"] != "applied":
                slots[index] = _parent_not_deleted(head)
                continue
            try:
                outcome = {**head, **_apply(session, who, change)}
            except ItemRejected as exc:
                slots[index] = {**head, **exc.result}
                continue
            if outcome["status"] == "applied":
                # Only applied changes are remembered (see _process).
                result = _remembered(outcome)
                remembered.append((user_id, change["key"], fingerprint, result, utcnow()))
                stored[change["key"]] = (fingerprint, result)
            slots[index] = outcome
        # The new records first (the ORM flush may hold rows pointing at them), one
        # executemany per table; then the changes to stored records; then the keys.
        if lock_late:
            push_rows.lock_and_number(session, cache)
        push_rows.insert_new_rows(session, cache.new_rows)
        session.info[push_rows.INSERTED_KEY] = len(cache.new_rows)
        session.flush()
        if remembered:
            push_rows.insert_plain(
                session.connection(), IdempotencyRecord.__table__, REMEMBERED, remembered
            )
    finally:
        if lock_late:
            cache.unwatch()
        records.end_record_cache(session)
    return [result for result in slots if result is not None]


def _deadlock(exc: OperationalError) -> bool:
    """PostgreSQL chose this transaction to break a deadlock (SQLSTATE 40P01)."""
    return getattr(exc.orig, "sqlstate", None) == "40P01"


SYNC_RUN_HEADER = "X-Caseload-Sync-Run"
_SYNC_RUN_PATTERN = re.compile(r"[A-Za-z0-9-]{8,64}")


def _sync_run(value: str | None, *, field: str = SYNC_RUN_HEADER) -> str | None:
    """A client's sync run id (letters, digits and dashes, 8 to 64), or None when absent."""
    if value is None:
        return None
    if not _SYNC_RUN_PATTERN.fullmatch(value):
        raise ValidationFailed({field: "must be 8 to 64 letters, digits or dashes"})
    return value


@bp.post("/push")
@jwt_required()
@observability.batch_of_records
def push():
    body = json_object(per_item="changes")
    changes = body.get("changes")
    limit = current_app.extensions["caseload"].config.max_push_changes
    if not isinstance(changes, list):
        raise ValidationFailed({"changes": "must be a list"})
    if len(changes) > limit:
        raise ValidationFailed({"changes": f"must hold at most {limit} changes"})
    who = actor()
    # The signed-in user behind its request-local proxy: read once per change below.
    get_user = getattr(who.user, "_get_current_object", None)
    if get_user is not None:
        who = Actor(get_user())
    user_id = who.id  # read now: a failed flush leaves the user unreadable until rollback
    run = _sync_run(request.headers.get(SYNC_RUN_HEADER))
    storable = body_storable()  # the changes' strings need no walk of their own
    session = db()
    session.info[SYNC_RUN] = run
    try:
        results = None
        if session.get_bind().dialect.name == "postgresql":
            # Read, check and build without the lock; then hold it, shared, to write.
            session.commit()
            session.expire_all()
            begin_deferred_seq_block(session)
            try:
                results = _process_batch(session, who, changes, lock_late=True, storable=storable)
            except push_rows.LockFirst:
                log.debug("sync push by user %s rebuilt with the lock held throughout", user_id)
                end_seq_block(session, write=False)
                session.rollback()
        if results is None:
            begin_write(session)
            begin_seq_block(session, len(changes))
            results = _process_batch(session, who, changes, storable=storable)
            end_seq_block(session)
        session.commit()
    except (IntegrityError, OperationalError) as exc:
        if isinstance(exc, OperationalError) and not _deadlock(exc):
            raise
        # Another writer stored one of these records or keys first (or, on PostgreSQL,
        # was storing some of them while this push waited for it, and it for this one:
        # pushes that share the write lock add rows in their own order): start again and
        # take the changes one savepoint at a time.
        log.info("sync push by user %s raced; redoing it change by change", user_id)
        end_seq_block(session, write=False)
        session.rollback()
        session.info.pop(records.FORMS_KEY, None)  # a definition may be published meanwhile
        begin_write(session)
        results = _process_all(session, who, changes, storable)
        session.commit()
    finally:
        end_seq_block(session, write=False)
        session.info.pop(SYNC_RUN, None)
    push_rows.note_inserted(session.get_bind(), session.info.pop(push_rows.INSERTED_KEY, 0))
    observability.sync_pushed(log, who.id, results)
    return ok({"results": results})


@bp.get("/changes")
@jwt_required()
def changes():
    since = query_int("since", 0, 0, MAX_SEQ)
    limit = query_int("limit", FEED_DEFAULT_LIMIT, 1, FEED_MAX_LIMIT)
    # The laptop that pushed in this run has those versions already (it applied the
    # push results before it pulls); they are left out, not sent back to it.
    exclude_run = _sync_run(request.args.get("exclude_run"), field="exclude_run")
    count_remaining = query_int("count_remaining", 0, 0, 1)
    session = db()
    who = actor()
    # Every change numbered up to `upto` is in this snapshot or was rolled back (see
    # db.begin_feed_snapshot): the page stops there, and an answer with nothing more to
    # come may move the cursor there without skipping anything. On PostgreSQL, writers
    # still open keep `upto` below the last number handed out, `head_seq`.
    head_seq, upto = begin_feed_snapshot(session)
    if since > head_seq:
        raise ApiError(
            410,
            "sync_reset",
            "The server's change sequence is behind this cursor; run a full resync.",
            extra={"server_seq": head_seq},
        )
    sources = feed_sources(who, exclude_run)
    page, has_more = feed_page(session, sources, since, limit, upto=upto)
    # Without more to come, every change up to `upto` was considered in this snapshot
    # (the ones left out by visibility or run included), so the cursor moves there.
    next_since = page[-1]["seq"] if has_more else max(since, upto)
    observability.records_pulled(
        "departure" if entry.get("left") else entry["entity"] for entry in page
    )
    extra: dict[str, Any] = {}
    if count_remaining:
        # Asked for once per pull (a progress total): the count walks what is left.
        extra["remaining"] = (
            sum(
                session.execute(count_after(model, cond, next_since, upto)).scalar_one()
                for model, cond in sources
            )
            if has_more
            else 0
        )
    return json_answer({"changes": page, "next_since": next_since, "has_more": has_more, **extra})


def _digest(pairs: list[tuple[str, int]]) -> dict[str, Any]:
    lines = sorted(f"{record_id}:{version}" for record_id, version in pairs)
    return {
        "count": len(lines),
        "sha256": hashlib.sha256("\n".join(lines).encode("ascii")).hexdigest(),
    }


@bp.get("/digest")
@jwt_required()
def digest():
    session = db()
    who = actor()
    begin_snapshot(session)
    head_seq = current_seq(session)
    visible = beneficiary_visibility(who)
    beneficiary_pairs = session.execute(
        select(Beneficiary.id, Beneficiary.version).where(visible, Beneficiary.deleted.is_(False))
    ).all()
    session_pairs = session.execute(
        select(CaseSession.id, CaseSession.version)
        .join(Beneficiary, Beneficiary.id == CaseSession.beneficiary_id)
        .where(visible, CaseSession.deleted.is_(False))
    ).all()
    return ok(
        {
            "seq": head_seq,
            "entities": {
                BENEFICIARY: _digest([(r[0], r[1]) for r in beneficiary_pairs]),
                CASE_SESSION: _digest([(r[0], r[1]) for r in session_pairs]),
            },
        }
    )
