"""Signing in to the console and out, and the account a console request is for.

A console sign-in is a token family (server/auth.py) without tokens: signing out revokes
it, and so does whatever ends an account's logins (disabling it, a new password). Each
request checks the family, the account (still active, still an admin or supervisor) and
the session's age.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, g, redirect, session, url_for
from sqlalchemy.orm import Session

from server.auth import authenticate, revoke_family
from server.console.security import SESSION_LIFETIME, check_csrf, security_headers
from server.db import begin_write, utcnow
from server.errors import ApiError
from server.models import TokenFamily, User
from server.web import db

log = logging.getLogger(__name__)

bp = Blueprint(
    "console",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/console/static",
)
bp.before_request(check_csrf)
bp.after_request(security_headers)

CONSOLE_ROLES = ("admin", "supervisor")
NOT_FOR_ROLE = "The console is for organisation admins and supervisors."


class SignInRefused(Exception):
    """Why a sign-in did not happen, in words fit to show."""


def sign_in(username: str, password: str) -> User:
    """Checks the password (throttled as the API's login) and starts a console session."""
    if not username or not password:
        raise SignInRefused("Enter your username and password.")
    database = db()
    try:
        user = authenticate(database, username, password)
    except ApiError as exc:
        if exc.status == 429:
            wait = exc.headers.get("Retry-After", "a few")
            raise SignInRefused(f"Too many failed sign-ins. Try again in {wait} seconds.") from None
        raise SignInRefused("Wrong username or password.") from None
    if user.role not in CONSOLE_ROLES:
        database.rollback()
        log.info("console sign-in refused for user %s (role %s)", user.id, user.role)
        raise SignInRefused(NOT_FOR_ROLE)
    family = TokenFamily(id=str(uuid.uuid4()), user_id=user.id, created_at=utcnow())
    database.add(family)
    database.commit()
    session.clear()  # a fresh session (and CSRF token) for the signed-in account
    session.permanent = True
    session["fam"] = family.id
    session["uid"] = user.id
    log.info("user %s signed in to the console", user.id)
    return user


def sign_out() -> None:
    family_id = session.get("fam")
    session.clear()
    if isinstance(family_id, str):
        database = db()
        begin_write(database)
        revoke_family(database, family_id, "logout")
        database.commit()


def _signed_in(database: Session) -> User | None:
    family_id, user_id = session.get("fam"), session.get("uid")
    if not isinstance(family_id, str) or not isinstance(user_id, str):
        return None
    family = database.get(TokenFamily, family_id)
    if (
        family is None
        or family.revoked_at is not None
        or family.user_id != user_id
        or family.created_at < utcnow() - SESSION_LIFETIME
    ):
        return None
    user = database.get(User, user_id)
    if user is None or not user.active or user.role not in CONSOLE_ROLES:
        return None
    return user


def current_user() -> User | None:
    """The signed-in console account of this request, or None."""
    if "console_user" not in g:
        g.console_user = _signed_in(db())
    return g.console_user


def can_manage(user: User) -> bool:
    """Admins manage their organisation's accounts; supervisors only read."""
    return user.role == "admin"


def page(*, manage: bool = False) -> Callable:
    """A console view: signed in (else to the sign-in page), an admin when `manage`."""

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any):
            user = current_user()
            if user is None:
                if session.get("fam"):
                    session.clear()
                return redirect(url_for("console.sign_in_page"))
            if manage and not can_manage(user):
                abort(403)
            return view(user, *args, **kwargs)

        return wrapper

    return decorate
