"""The original REST endpoints for beneficiaries and their case sessions."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response
from flask_jwt_extended import jwt_required
from sqlalchemy import func, or_, select

from server import records, schema
from server.db import begin_write
from server.errors import ApiError, ValidationFailed
from server.models import Beneficiary, CaseSession
from server.records import (
    RecordConflict,
    RecordRejected,
    beneficiary_dict,
    beneficiary_visibility,
    case_session_dict,
)
from server.validation import MAX_INT32, FieldError, parse_int
from server.web import actor, db, json_object, ok, path_id, query_int, query_text

bp = Blueprint("records", __name__, url_prefix="/api")

MAX_PAGE_SIZE = 100
SEARCHABLE = schema.searchable(schema.BENEFICIARY)


def _rejected(exc: RecordRejected) -> ApiError:
    return ApiError(exc.status, exc.code, exc.message, exc.fields or None, extra=exc.extra)


def _conflict(exc: RecordConflict) -> ApiError:
    return ApiError(
        409,
        "version_conflict",
        "The record was changed by someone else; here is the server copy.",
        extra={"record": records.record_dict(exc.record)},
    )


def _body_version(body: dict[str, Any]) -> int | None:
    """The optional `version` a client sends to make a PUT conditional."""
    if body.get("version") is None:
        return None
    try:
        return parse_int(body["version"], 1, MAX_INT32)
    except FieldError as exc:
        raise ValidationFailed({"version": str(exc)}) from exc


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@bp.get("/beneficiaries")
@jwt_required()
def list_beneficiaries():
    page = query_int("page", None, 1, 10_000_000)
    per_page = query_int("per_page", None, 1, MAX_PAGE_SIZE)
    limit = query_int("limit", None, 1, MAX_PAGE_SIZE)
    offset = query_int("offset", None, 0, 10**9)
    search = query_text("search", 200)
    status = query_text("status", 20)
    if status is not None and status not in schema.BENEFICIARY_STATUSES:
        raise ValidationFailed(
            {"status": "must be one of: " + ", ".join(schema.BENEFICIARY_STATUSES)}
        )
    if limit is not None or offset is not None:
        limit = limit or 20
        offset = offset or 0
        page = offset // limit + 1
        per_page = limit
    else:
        page = page or 1
        per_page = per_page or 20
        limit, offset = per_page, (page - 1) * per_page

    conditions = [beneficiary_visibility(actor()), Beneficiary.deleted.is_(False)]
    if search and search.strip():
        pattern = f"%{_escape_like(search.strip().lower())}%"
        # The declared searchable fields, and the full name as people type it.
        columns = [getattr(Beneficiary, name) for name in SEARCHABLE]
        columns.append(Beneficiary.first_name + " " + Beneficiary.last_name)
        conditions.append(
            or_(*(func.lower(column).like(pattern, escape="\\") for column in columns))
        )
    if status:
        conditions.append(Beneficiary.status == status)
    session = db()
    total = session.execute(select(func.count()).select_from(Beneficiary).where(*conditions))
    total_count = total.scalar_one()
    rows = session.execute(
        select(Beneficiary)
        .where(*conditions)
        .order_by(Beneficiary.last_name, Beneficiary.first_name, Beneficiary.id)
        .limit(limit)
        .offset(offset)
    ).scalars()
    return ok(
        [beneficiary_dict(b) for b in rows],
        meta={
            "total": total_count,
            "page": page,
            "per_page": per_page,
            "limit": limit,
            "offset": offset,
        },
    )


@bp.post("/beneficiaries")
@jwt_required()
def create_beneficiary():
    body = json_object()
    session = db()
    begin_write(session)
    try:
        result = records.upsert_beneficiary(session, actor(), records.new_id(), body, None)
    except RecordRejected as exc:
        raise _rejected(exc) from exc
    session.commit()
    return ok(beneficiary_dict(result.record), 201)


@bp.get("/beneficiaries/<record_id>")
@jwt_required()
def get_beneficiary(record_id: str):
    beneficiary = records.get_visible_beneficiary(db(), actor(), path_id(record_id, "beneficiary"))
    if beneficiary is None:
        raise ApiError(404, "not_found", "No such beneficiary.")
    return ok(beneficiary_dict(beneficiary))


def _write_or_404(fn, *args, **kwargs):
    """Run a record write; records the caller may not see answer 404 so ids do not leak."""
    try:
        return fn(*args, **kwargs)
    except RecordRejected as exc:
        if exc.code in ("forbidden", "not_found") and "id" in exc.fields:
            raise ApiError(404, "not_found", "No such record.") from exc
        raise _rejected(exc) from exc
    except RecordConflict as exc:
        if exc.record.deleted:
            raise ApiError(404, "not_found", "No such record.") from exc
        raise _conflict(exc) from exc


@bp.put("/beneficiaries/<record_id>")
@jwt_required()
def update_beneficiary(record_id: str):
    record_id = path_id(record_id, "beneficiary")
    body = json_object()
    version = _body_version(body)
    session = db()
    begin_write(session)
    if session.get(Beneficiary, record_id) is None:
        raise ApiError(404, "not_found", "No such beneficiary.")
    result = _write_or_404(
        records.upsert_beneficiary,
        session,
        actor(),
        record_id,
        body,
        version,
        unconditional=version is None,
    )
    session.commit()
    return ok(beneficiary_dict(result.record))


@bp.delete("/beneficiaries/<record_id>")
@jwt_required()
def delete_beneficiary(record_id: str):
    record_id = path_id(record_id, "beneficiary")
    session = db()
    begin_write(session)
    existing = session.get(Beneficiary, record_id)
    if existing is None or existing.deleted:
        raise ApiError(404, "not_found", "No such beneficiary.")
    _write_or_404(records.delete_beneficiary, session, actor(), record_id, None, unconditional=True)
    session.commit()
    return Response(status=204)


@bp.get("/beneficiaries/<record_id>/sessions")
@jwt_required()
def list_case_sessions(record_id: str):
    session = db()
    beneficiary = records.get_visible_beneficiary(
        session, actor(), path_id(record_id, "beneficiary")
    )
    if beneficiary is None:
        raise ApiError(404, "not_found", "No such beneficiary.")
    rows = session.execute(
        select(CaseSession)
        .where(CaseSession.beneficiary_id == beneficiary.id, CaseSession.deleted.is_(False))
        .order_by(CaseSession.starts_at.desc(), CaseSession.id)
    ).scalars()
    return ok([case_session_dict(s) for s in rows])


@bp.post("/beneficiaries/<record_id>/sessions")
@jwt_required()
def create_case_session(record_id: str):
    record_id = path_id(record_id, "beneficiary")
    body = json_object()
    session = db()
    begin_write(session)
    if records.get_visible_beneficiary(session, actor(), record_id) is None:
        raise ApiError(404, "not_found", "No such beneficiary.")
    result = _write_or_404(
        records.upsert_case_session,
        session,
        actor(),
        records.new_id(),
        body,
        None,
        fixed={schema.SESSION_PARENT: record_id},
    )
    session.commit()
    return ok(case_session_dict(result.record), 201)


@bp.get("/sessions/<record_id>")
@jwt_required()
def get_case_session(record_id: str):
    case_session = records.get_visible_case_session(db(), actor(), path_id(record_id, "session"))
    if case_session is None:
        raise ApiError(404, "not_found", "No such session.")
    return ok(case_session_dict(case_session))


@bp.put("/sessions/<record_id>")
@jwt_required()
def update_case_session(record_id: str):
    record_id = path_id(record_id, "session")
    body = json_object()
    version = _body_version(body)
    session = db()
    begin_write(session)
    if session.get(CaseSession, record_id) is None:
        raise ApiError(404, "not_found", "No such session.")
    result = _write_or_404(
        records.upsert_case_session,
        session,
        actor(),
        record_id,
        body,
        version,
        unconditional=version is None,
    )
    session.commit()
    return ok(case_session_dict(result.record))


@bp.delete("/sessions/<record_id>")
@jwt_required()
def delete_case_session(record_id: str):
    record_id = path_id(record_id, "session")
    session = db()
    begin_write(session)
    existing = session.get(CaseSession, record_id)
    if existing is None or existing.deleted:
        raise ApiError(404, "not_found", "No such session.")
    _write_or_404(
        records.delete_case_session, session, actor(), record_id, None, unconditional=True
    )
    session.commit()
    return Response(status=204)
