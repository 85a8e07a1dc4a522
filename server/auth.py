"""Accounts and tokens: login with throttling, refresh rotation with reuse detection, logout."""

from __future__ import annotations

import hashlib
import logging
import math
import uuid
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import Blueprint, Flask, current_app, g, request
from flask_jwt_extended import (
    JWTManager,
    create_access_token,
    create_refresh_token,
    current_user,
    get_jwt,
    jwt_required,
)
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import observability
from server.db import begin_write, utcnow
from server.errors import ApiError, ValidationFailed, error_response
from server.models import LoginFailure, RefreshToken, RevokedAccessToken, TokenFamily, User
from server.proxies import client_address
from server.records import iso_datetime
from server.validation import (
    ROLES,
    FieldError,
    clean_text,
    validate_password,
    validate_username,
)
from server.web import db, json_object, ok

log = logging.getLogger(__name__)

bp = Blueprint("auth", __name__, url_prefix="/api/auth")

password_hasher = PasswordHasher()
# Unknown users are checked against this so that they take as long as a wrong password.
_DUMMY_HASH = password_hasher.hash("caseload-dummy-password")
WRONG_CREDENTIALS = "wrong username or password"


def user_dict(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "organisation": user.organisation,
        "active": user.active,
        "created_at": iso_datetime(user.created_at),
        "last_login_at": iso_datetime(user.last_login_at),
    }


def create_user(
    session: Session,
    username: str,
    password: str,
    role: str = "caseworker",
    display_name: str = "",
    organisation: str = "default",
) -> User:
    """Add an account (the caller commits). Raises ValidationFailed / ApiError(409)."""
    errors: dict[str, str] = {}
    for name, check, value in (
        ("username", validate_username, username),
        ("password", validate_password, password),
    ):
        try:
            check(value)
        except FieldError as exc:
            errors[name] = str(exc)
    if role not in ROLES:
        errors["role"] = "must be one of: " + ", ".join(ROLES)
    for name, value, limit in (
        ("display_name", display_name, 200),
        ("organisation", organisation, 100),
    ):
        try:
            clean_text(value)
            if len(value) > limit:
                errors[name] = f"must be at most {limit} characters"
        except FieldError as exc:
            errors[name] = str(exc)
    if not errors and not organisation.strip():
        errors["organisation"] = "must not be empty"
    if errors:
        raise ValidationFailed(errors)
    key = username.lower()
    if session.execute(select(User.id).where(User.username_key == key)).first() is not None:
        raise ApiError(409, "username_taken", "This username is taken.", {"username": "is taken"})
    user = User(
        id=str(uuid.uuid4()),
        username=username,
        username_key=key,
        display_name=display_name,
        password_hash=password_hasher.hash(password),
        role=role,
        organisation=organisation,
        active=True,
        created_at=utcnow(),
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError as exc:
        raise ApiError(
            409, "username_taken", "This username is taken.", {"username": "is taken"}
        ) from exc
    return user


# --- JWT wiring ---------------------------------------------------------------------


def _auth_error(code: str, message: str):
    return error_response(401, code, message, headers={"WWW-Authenticate": "Bearer"})


def init_jwt(app: Flask) -> JWTManager:
    jwt = JWTManager(app)

    @jwt.user_lookup_loader
    def _load_user(_header: dict, payload: dict) -> User | None:
        user = db().get(User, str(payload.get("sub")))
        if user is None or not user.active:
            return None
        return user

    @jwt.token_in_blocklist_loader
    def _is_revoked(_header: dict, payload: dict) -> bool:
        session = db()
        family_id = payload.get("fam")
        if not isinstance(family_id, str):
            return True
        if payload.get("type") == "refresh":
            family = session.get(TokenFamily, family_id)
            if family is None or family.revoked_at is not None:
                return True
            return session.get(RefreshToken, str(payload.get("jti"))) is None
        # Every request asks this: one query for the family, the revoked access tokens and
        # the user the token names, which lands in the session so the user lookup that
        # follows (_load_user) needs no query of its own. The session holds its objects
        # weakly: the user is kept for the request (`g`), or it is gone by then and
        # `_load_user` reads it again (one more query per request, 0.6 ms of 2.9).
        found = session.execute(
            select(TokenFamily.revoked_at, RevokedAccessToken.jti, User)
            .select_from(TokenFamily)
            .outerjoin(RevokedAccessToken, RevokedAccessToken.jti == str(payload.get("jti")))
            .outerjoin(User, User.id == str(payload.get("sub")))
            .where(TokenFamily.id == family_id)
        ).first()
        if found is None:  # no such family
            return True
        revoked_at, revoked_jti, g.caseload_token_user = found
        return revoked_at is not None or revoked_jti is not None

    @jwt.unauthorized_loader
    def _missing(_reason: str):
        return _auth_error("missing_token", "Sign in first: no access token was sent.")

    @jwt.invalid_token_loader
    def _invalid(_reason: str):
        return _auth_error("invalid_token", "The token is not valid.")

    @jwt.expired_token_loader
    def _expired(_header: dict, _payload: dict):
        return _auth_error("token_expired", "The token has expired.")

    @jwt.revoked_token_loader
    def _revoked(_header: dict, _payload: dict):
        return _auth_error("token_revoked", "The token has been revoked.")

    @jwt.needs_fresh_token_loader
    def _needs_fresh(_header: dict, _payload: dict):
        return _auth_error("fresh_token_required", "Sign in again to do this.")

    @jwt.user_lookup_error_loader
    def _no_user(_header: dict, _payload: dict):
        return _auth_error("user_not_found", "The account no longer exists or is disabled.")

    @jwt.token_verification_failed_loader
    def _verification_failed(_header: dict, _payload: dict):
        return _auth_error("invalid_token", "The token is not valid.")

    return jwt


def issue_tokens(session: Session, user: User, family_id: str) -> dict[str, Any]:
    """A new access/refresh pair in a family; the refresh jti is recorded for rotation."""
    settings = current_app.extensions["caseload"].config
    claims = {"fam": family_id}
    access = create_access_token(
        identity=str(user.id), additional_claims=claims, expires_delta=settings.access_token_ttl
    )
    refresh_jti = uuid.uuid4().hex
    now = utcnow()
    refresh = create_refresh_token(
        identity=str(user.id),
        additional_claims={**claims, "jti": refresh_jti},
        expires_delta=settings.refresh_token_ttl,
    )
    session.add(
        RefreshToken(
            jti=refresh_jti,
            family_id=family_id,
            user_id=user.id,
            issued_at=now,
            expires_at=now + settings.refresh_token_ttl,
        )
    )
    return {
        "access_token": access,
        "refresh_token": refresh,
        "token_type": "Bearer",
        "expires_in": int(settings.access_token_ttl.total_seconds()),
        "refresh_expires_in": int(settings.refresh_token_ttl.total_seconds()),
        "user": user_dict(user),
    }


def revoke_family(session: Session, family_id: str, reason: str) -> None:
    family = session.get(TokenFamily, family_id)
    if family is not None and family.revoked_at is None:
        family.revoked_at = utcnow()
        family.revoked_reason = reason


# --- login throttling ----------------------------------------------------------------


def _account_key(username: Any) -> str:
    if isinstance(username, str):
        try:
            clean = clean_text(username).lower()
        except FieldError:
            clean = ""
        if clean and len(clean) <= 64:
            return clean
        return "h:" + hashlib.sha256(username.encode("utf-8", "replace")).hexdigest()[:62]
    return "h:invalid"


def login_delay(failures: int, free: int, first: timedelta, cap: timedelta) -> timedelta | None:
    """How long to wait after the last of `failures`: nothing for the first `free` ones,
    then `first`, doubling with each failure, up to `cap`."""
    if failures < free:
        return None
    return min(cap, first * 2 ** min(failures - free, 20))


def _failures(session: Session, since: datetime, *conditions: Any) -> tuple[int, datetime | None]:
    """How many failures match since `since`, and when the latest was."""
    count, latest = session.execute(
        select(func.count(), func.max(LoginFailure.failed_at)).where(
            LoginFailure.failed_at > since, *conditions
        )
    ).one()
    return count, latest


def _retry_after(session: Session, account_key: str, address: str) -> tuple[int, str] | None:
    """Seconds until another attempt is allowed and which limit holds it, or None.

    Growing delays per (account, client) pair and per client keep one client's typos from
    locking anyone else out; the per-account ceiling (OWASP ASVS: at most 100 failures an
    hour) holds against many clients, who each pay the delays to get there.
    """
    settings = current_app.extensions["caseload"].config
    now = utcnow()
    since = now - settings.login_window
    waits: list[tuple[float, str]] = []
    for limit, free, conditions in (
        (
            "account and client",
            settings.login_free_attempts,
            (LoginFailure.account_key == account_key, LoginFailure.address == address),
        ),
        ("client", settings.login_client_free_attempts, (LoginFailure.address == address,)),
    ):
        count, latest = _failures(session, since, *conditions)
        delay = login_delay(count, free, settings.login_first_delay, settings.login_max_delay)
        if delay is not None and latest is not None:
            waits.append(((latest + delay - now).total_seconds(), limit))
    oldest_counted = session.execute(
        select(LoginFailure.failed_at)
        .where(LoginFailure.account_key == account_key, LoginFailure.failed_at > since)
        .order_by(LoginFailure.failed_at.desc())
        .offset(settings.login_max_failures - 1)
        .limit(1)
    ).scalar_one_or_none()
    if oldest_counted is not None:
        # The oldest of the last N failures must leave the window first.
        waits.append(((oldest_counted + settings.login_window - now).total_seconds(), "account"))
    seconds, limit = max(waits, default=(0.0, ""))
    if seconds <= 0:
        return None
    return max(1, math.ceil(seconds)), limit


def _throttled(wait: int, limit: str) -> ApiError:
    # Lockouts are logged (ASVS); which limit, never the username or the address.
    log.warning("login throttled by the %s limit (retry in %ss)", limit, wait)
    observability.login_throttled(limit)
    return ApiError(
        429,
        "too_many_attempts",
        "Too many failed sign-ins. Try again later.",
        headers={"Retry-After": str(wait)},
        extra={"retry_after": wait},
    )


def request_client_address() -> str:
    """The client of this request, behind the configured trusted proxies (server/proxies.py)."""
    settings = current_app.extensions["caseload"].config
    return client_address(
        request.remote_addr, request.headers.getlist("X-Forwarded-For"), settings.trusted_proxies
    )[:64]


# --- endpoints -----------------------------------------------------------------------


@bp.post("/register")
def register():
    settings = current_app.extensions["caseload"].config
    if not settings.dev:
        raise ApiError(
            403, "registration_closed", "Accounts are made by an administrator on this server."
        )
    body = json_object()
    missing = {n: "is required" for n in ("username", "password") if body.get(n) is None}
    if missing:
        raise ValidationFailed(missing)
    session = db()
    begin_write(session)
    user = create_user(
        session,
        body["username"],
        body["password"],
        role=body.get("role", "caseworker"),
        display_name=body.get("display_name", ""),
        organisation=body.get("organisation", "default"),
    )
    session.commit()
    log.info("user %s registered (development mode)", user.id)
    return ok(user_dict(user), 201)


def _refuse_throttled(
    session: Session, account_key: str, address: str, *, lock: bool = False
) -> None:
    """ApiError 429 while this client or this account waits after failed sign-ins.
    ``lock``: checked again under the write lock (rolled back before the refusal), so
    parallel attempts that all passed the first check do not each count, or a burst
    would skip the delays."""
    if lock:
        begin_write(session)
    throttle = _retry_after(session, account_key, address)
    if throttle is not None:
        if lock:
            session.rollback()
        raise _throttled(*throttle)


def _count_failure(session: Session, account_key: str, address: str) -> None:
    """A wrong password from this client on this account, committed (under the lock)."""
    session.add(LoginFailure(account_key=account_key, address=address, failed_at=utcnow()))
    session.commit()


def authenticate(session: Session, username: str, password: str) -> User:
    """The active account these credentials sign in to, throttled (the API's login and the
    web console's sign-in share it). Raises ApiError 429 or 401; a failure is committed.

    On success the write transaction stays open with this client's failures forgiven;
    the caller records the sign-in and commits.
    """
    account_key = _account_key(username)
    address = request_client_address()
    _refuse_throttled(session, account_key, address)
    user = session.execute(
        select(User).where(User.username_key == account_key)
    ).scalar_one_or_none()
    verified = False
    try:
        clean_text(password)
    except FieldError:
        password, user = "\ufffd", None  # cannot be anyone's password; still hash once
    try:
        if user is not None and user.active:
            verified = password_hasher.verify(user.password_hash, password)
        else:
            password_hasher.verify(_DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        verified = False
    _refuse_throttled(session, account_key, address, lock=True)
    if not verified or user is None or not user.active:
        _count_failure(session, account_key, address)
        log.info("failed sign-in from an address (account known: %s)", user is not None)
        raise ApiError(401, "invalid_credentials", WRONG_CREDENTIALS)
    # This client's own failures on this account are forgiven; others' still count
    # towards the account's ceiling.
    session.execute(
        delete(LoginFailure).where(
            LoginFailure.account_key == account_key, LoginFailure.address == address
        )
    )
    settings = current_app.extensions["caseload"].config
    session.execute(
        delete(LoginFailure).where(LoginFailure.failed_at < utcnow() - settings.login_window)
    )
    session.execute(delete(RevokedAccessToken).where(RevokedAccessToken.expires_at < utcnow()))
    if password_hasher.check_needs_rehash(user.password_hash):
        user.password_hash = password_hasher.hash(password)
    user.last_login_at = utcnow()
    return user


def _required_strings(body: dict, *names: str) -> list[str]:
    """The body's values of ``names``, each a non-empty string, or one error naming all."""
    values = [body.get(name) for name in names]
    fields = {
        name: "is required"
        for name, value in zip(names, values, strict=True)
        if not isinstance(value, str) or not value
    }
    if fields:
        raise ValidationFailed(fields)
    return values


@bp.post("/login")
def login():
    username, password = _required_strings(json_object(), "username", "password")
    session = db()
    user = authenticate(session, username, password)
    family = TokenFamily(id=str(uuid.uuid4()), user_id=user.id, created_at=utcnow())
    session.add(family)
    session.flush()  # the refresh token row refers to the family
    tokens = issue_tokens(session, user, family.id)
    session.commit()
    log.info("user %s signed in", user.id)
    return ok(tokens)


@bp.post("/refresh")
@jwt_required(refresh=True)
def refresh():
    claims = get_jwt()
    settings = current_app.extensions["caseload"].config
    session = db()
    begin_write(session)
    jti, family_id = str(claims["jti"]), str(claims["fam"])
    token = session.get(RefreshToken, jti)
    family = session.get(TokenFamily, family_id)
    if token is None or family is None or family.revoked_at is not None:
        session.rollback()
        raise ApiError(401, "token_revoked", "The token has been revoked.")
    now = utcnow()
    if token.used_at is not None:
        if now - token.used_at <= settings.refresh_reuse_grace:
            session.rollback()
            raise ApiError(401, "token_already_used", "This refresh token was just used.")
        revoke_family(session, family_id, "reuse_detected")
        session.commit()
        log.warning("refresh token reuse detected: token family %s revoked", family_id)
        raise ApiError(401, "token_reused", "The token was already used; sign in again.")
    token.used_at = now
    tokens = issue_tokens(session, current_user, family_id)
    session.commit()
    return ok(tokens)


@bp.post("/logout")
@jwt_required(verify_type=False)
def logout():
    claims = get_jwt()
    session = db()
    begin_write(session)
    revoke_family(session, str(claims["fam"]), "logout")
    if claims.get("type") == "access":
        expires = datetime(1970, 1, 1) + timedelta(seconds=int(claims["exp"]))
        if session.get(RevokedAccessToken, str(claims["jti"])) is None:
            session.add(RevokedAccessToken(jti=str(claims["jti"]), expires_at=expires))
    session.commit()
    log.info("user %s signed out", current_user.id)
    return ok({"revoked": True})


@bp.get("/profile")
@jwt_required()
def profile():
    return ok(user_dict(current_user))


@bp.post("/password")
@jwt_required()
def change_password():
    """The signed-in user's new password; their other sessions end. A wrong current
    password counts as a failed sign-in (the same throttling)."""
    from server import admin  # admin.py builds on this module

    current, new = _required_strings(json_object(), "current_password", "new_password")
    session = db()
    user = current_user
    account_key, address = user.username_key, request_client_address()
    _refuse_throttled(session, account_key, address)
    try:
        clean_text(current)
        verified = password_hasher.verify(user.password_hash, current)
    except (FieldError, VerifyMismatchError, VerificationError, InvalidHashError):
        verified = False
    _refuse_throttled(session, account_key, address, lock=True)
    if not verified:
        _count_failure(session, account_key, address)
        log.info("wrong current password for user %s", user.id)
        raise ApiError(
            403,
            "wrong_password",
            "The current password is wrong.",
            {"current_password": "is not your current password"},
        )
    if new == current:
        session.rollback()
        raise ValidationFailed({"new_password": "is your current password"})
    user = session.get(User, user.id)
    ended = admin.change_password(session, user, new, str(get_jwt()["fam"]))
    session.commit()
    log.info("user %s changed their password (%d other sessions ended)", user.id, ended)
    return ok({"changed": True, "sessions_ended": ended})
