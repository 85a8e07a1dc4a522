"""The organisation's accounts: listed for supervisors (linking a shared laptop's users to
them), managed by the organisation's admins (server/admin.py does the work and its checks).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask_jwt_extended import current_user, jwt_required

from server import admin
from server.auth import user_dict
from server.db import begin_write
from server.errors import ApiError, ValidationFailed
from server.models import User
from server.web import actor, db, json_object, ok, path_id, query_int

bp = Blueprint("users", __name__, url_prefix="/api")


@bp.get("/users")
@jwt_required()
def list_users():
    """Every account of the caller's organisation (supervisors and admins only)."""
    who = actor()
    if not who.sees_organisation:
        raise ApiError(403, "forbidden", "Only supervisors and admins may list accounts.")
    return ok(
        [
            {
                "id": user.id,
                "username": user.username,
                "display_name": user.display_name,
                "role": user.role,
                "active": user.active,
                "created_at": user_dict(user)["created_at"],
                "last_login_at": user_dict(user)["last_login_at"],
            }
            for user in admin.list_users(db(), who.user.organisation)
        ]
    )


def _text(body: dict[str, Any], name: str, required: bool = True) -> str:
    value = body.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value):
        raise ValidationFailed({name: "is required" if value in (None, "") else "must be text"})
    return value


def _target(user_id: str) -> User:
    """The account in the URL, once the write has started (404 outside the organisation)."""
    session = db()
    begin_write(session)
    return admin.find_user(
        session, session.get(User, current_user.id), path_id(user_id, "user"), "user_id"
    )


def _done(user: User, status: int = 200):
    db().commit()
    return ok(user_dict(user), status)


@bp.post("/users")
@jwt_required()
def add_user():
    body = json_object()
    username, password = _text(body, "username"), _text(body, "password")
    role = _text(body, "role")
    display_name = _text(body, "display_name", required=False)
    session = db()
    begin_write(session)
    me = session.get(User, current_user.id)
    user = admin.add_user(
        session,
        me,
        username,
        password,
        role,
        display_name,
        body.get("organisation", me.organisation),
    )
    return _done(user, 201)


@bp.post("/users/<user_id>/disable")
@jwt_required()
def disable_user(user_id: str):
    user = _target(user_id)
    return _done(admin.set_active(db(), db().get(User, current_user.id), user, False))


@bp.post("/users/<user_id>/enable")
@jwt_required()
def enable_user(user_id: str):
    user = _target(user_id)
    return _done(admin.set_active(db(), db().get(User, current_user.id), user, True))


@bp.post("/users/<user_id>/password")
@jwt_required()
def reset_password(user_id: str):
    password = _text(json_object(), "password")
    user = _target(user_id)
    return _done(admin.reset_password(db(), db().get(User, current_user.id), user, password))


@bp.post("/users/<user_id>/role")
@jwt_required()
def set_role(user_id: str):
    role = _text(json_object(), "role")
    user = _target(user_id)
    return _done(admin.set_role(db(), db().get(User, current_user.id), user, role))


@bp.get("/users/actions")
@jwt_required()
def list_actions():
    """The organisation's log of administrative actions, newest first (admins only)."""
    session = db()
    me = session.get(User, current_user.id)
    if me.role != admin.ADMIN:
        raise ApiError(403, "forbidden", "Only an organisation's admins may read its log.")
    limit = query_int("limit", admin.ACTION_LOG_LIMIT, 1, admin.ACTION_LOG_LIMIT)
    entries = admin.list_actions(session, me.organisation, limit)
    names = {u.id: u.username for u in admin.list_users(session, me.organisation)}
    return ok([admin.action_dict(entry, names) for entry in entries])
