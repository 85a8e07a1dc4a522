"""The organisation's accounts, for supervisors linking a shared laptop's users to them."""

from __future__ import annotations

from flask import Blueprint
from flask_jwt_extended import jwt_required
from sqlalchemy import select

from server.errors import ApiError
from server.models import User
from server.web import actor, db, ok

bp = Blueprint("users", __name__, url_prefix="/api")


@bp.get("/users")
@jwt_required()
def list_users():
    """Every account of the caller's organisation (supervisors and admins only)."""
    who = actor()
    if not who.sees_organisation:
        raise ApiError(403, "forbidden", "Only supervisors and admins may list accounts.")
    accounts = (
        db()
        .execute(
            select(User)
            .where(User.organisation == who.user.organisation)
            .order_by(User.username_key, User.id)
        )
        .scalars()
    )
    return ok(
        [
            {
                "id": user.id,
                "username": user.username,
                "display_name": user.display_name,
                "role": user.role,
                "active": user.active,
            }
            for user in accounts
        ]
    )
