"""Request helpers shared by the blueprints: the per-request database session, bodies, replies."""

from __future__ import annotations

import re
from typing import Any

from flask import Response, current_app, g, jsonify, request
from flask_jwt_extended import current_user
from sqlalchemy.orm import Session

from server.errors import ApiError, ValidationFailed
from server.records import Actor
from server.validation import (
    MAX_JSON_DEPTH,
    FieldError,
    clean_text,
    field_path,
    json_depth,
    parse_uuid,
    storable_json,
    unstorable_text,
)

MAX_QUERY_INT = 2**62
_INT_RE = re.compile(r"-?[0-9]{1,20}")


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


def json_object(*, per_item: str | None = None) -> dict[str, Any]:
    """The request body as a JSON object: 400 when it is not one, 422 for unstorable text.

    Every string in the body, object keys included, is checked here, before a handler can
    use one in a lookup (PostgreSQL refuses NUL, no driver encodes a lone surrogate). The
    entries of the list named `per_item` are left to the caller, which answers a bad entry
    on its own (a sync push rejects that change and applies the rest).
    """
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        # The parser gives up on very deep nesting: the client's mistake, not a bug.
        raise _too_deep() from None
    if body is None:
        raise ApiError(400, "bad_request", "The request body must be JSON (application/json).")
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "The request body must be a JSON object.")
    if json_depth(body) > MAX_JSON_DEPTH:
        raise _too_deep()
    if body_storable():
        return body
    checked = body
    if per_item is not None and isinstance(body.get(per_item), list):
        checked = {name: value for name, value in body.items() if name != per_item}
    found = unstorable_text(checked)
    if found is not None:
        path, problem = found
        raise ValidationFailed({field_path(path): problem})
    return body


def body_storable() -> bool:
    """Whether every string of the request body passes clean_text, told from its bytes
    (validation.storable_json); False means its values must be walked. Remembered for
    the request."""
    if "body_storable" not in g:
        g.body_storable = storable_json(request.get_data(cache=True))
    return g.body_storable


def _too_deep() -> ApiError:
    return ApiError(
        400,
        "bad_request",
        f"The request body nests too deeply (at most {MAX_JSON_DEPTH} levels).",
    )


def path_id(value: str, what: str) -> str:
    """A record id from the URL; anything that is not a UUID cannot exist (404)."""
    try:
        return parse_uuid(value)
    except FieldError as exc:
        raise ApiError(404, "not_found", f"No such {what}.") from exc


def query_int(name: str, default: int | None, low: int, high: int) -> int | None:
    raw = request.args.get(name)
    if raw is None:
        return default
    # Digits only: int() would also take spaces, "_", "+" and other scripts' digits.
    if not _INT_RE.fullmatch(raw):
        raise ValidationFailed({name: "must be a whole number"})
    value = int(raw)
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
