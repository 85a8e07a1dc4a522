"""Request helpers shared by the blueprints: the per-request database session, bodies, replies."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, jsonify, request
from flask_jwt_extended import current_user
from sqlalchemy.orm import Session

from server.errors import ApiError, ValidationFailed
from server.records import Actor
from server.validation import FieldError, clean_text, parse_uuid

MAX_QUERY_INT = 2**62


def db() -> Session:
    """The request's database session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["caseload"].session_factory()
    return g.db_session


def close_db(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def actor() -> Actor:
    return Actor(current_user)


def ok(data: Any, status: int = 200, **extra: Any) -> Response:
    response = jsonify({"data": data, **extra})
    response.status_code = status
    return response


def json_object() -> dict[str, Any]:
    """The request body as a JSON object, or 400."""
    body = request.get_json(silent=True)
    if body is None:
        raise ApiError(400, "bad_request", "The request body must be JSON (application/json).")
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "The request body must be a JSON object.")
    return body


def path_id(value: str, what: str) -> str:
    """A record id from the URL; anything that is not a UUID cannot exist (404)."""
    try:
        return parse_uuid(value)
    except FieldError as exc:
        raise ApiError(404, "not_found", f"No such {what}.") from exc


def query_int(name: str, default: int | None, low: int, high: int) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValidationFailed({name: "must be a whole number"}) from exc
    if not low <= value <= high:
        raise ValidationFailed({name: f"must be between {low} and {high}"})
    return value


def query_text(name: str, max_len: int) -> str | None:
    raw = request.args.get(name)
    if raw is None:
        return None
    try:
        value = clean_text(raw)
    except FieldError as exc:
        raise ValidationFailed({name: str(exc)}) from exc
    if len(value) > max_len:
        raise ValidationFailed({name: f"must be at most {max_len} characters"})
    return value
