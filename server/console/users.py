"""The console's account pages: the organisation's users (admins add, disable, enable,
reset passwords, change roles; supervisors read) and the log of administrative actions.

Every change goes through server/admin.py, which checks the actor's rights and scope and
writes the action log; these views only turn forms into calls and answers into pages.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for

from server import admin
from server.console.signin import bp, page
from server.db import begin_write
from server.errors import ApiError
from server.models import User
from server.validation import ROLES
from server.web import db

# How the log names each action (others show as recorded).
ACTION_LABELS = {
    admin.USER_ADD: "added user",
    admin.USER_DISABLE: "disabled user",
    admin.USER_ENABLE: "enabled user",
    admin.USER_RESET_PASSWORD: "reset the password of",
    admin.USER_SET_ROLE: "changed the role of",
    admin.USER_CHANGE_PASSWORD: "changed their own password",
    admin.ORGANISATION_ADD: "added organisation",
    admin.ORGANISATION_RENAME: "renamed organisation",
}
# Detail keys the log does not show: ids are no news to a reader.
DETAIL_HIDDEN = frozenset({"user_id"})


def _problem(exc: ApiError) -> str:
    if exc.fields:
        return "; ".join(f"{name.replace('_', ' ')} {text}" for name, text in exc.fields.items())
    return exc.message


def _users_page(me: User, status: int = 200, **form: Any):
    users = admin.list_users(db(), me.organisation)
    return render_template("users.html", title="Users", users=users, roles=ROLES, **form), status


@bp.get("/users")
@page()
def users(me: User):
    return _users_page(me)


@bp.post("/users")
@page(manage=True)
def add_user(me: User):
    values = {name: request.form.get(name, "") for name in ("username", "display_name", "role")}
    session = db()
    begin_write(session)
    try:
        user = admin.add_user(
            session,
            me,
            values["username"],
            request.form.get("password", ""),
            values["role"],
            display_name=values["display_name"],
            organisation=me.organisation,
        )
    except ApiError as exc:
        session.rollback()
        return _users_page(me, 422, entered=values, errors=exc.fields, problem=_problem(exc))
    session.commit()
    flash(f"Added {user.username} ({user.role}).", "ok")
    return redirect(url_for("console.users"))


def _change(me: User, user_id: str, change, done: str):
    """One change to one account through server/admin.py, then back to the list."""
    session = db()
    begin_write(session)
    try:
        user = admin.find_user(session, me, user_id, field="user")
        change(session, user)
    except ApiError as exc:
        session.rollback()
        flash(_problem(exc), "error")
        return redirect(url_for("console.users"))
    session.commit()
    flash(done.format(user=user.username, role=user.role), "ok")
    return redirect(url_for("console.users"))


@bp.post("/users/<user_id>/active")
@page(manage=True)
def set_active(me: User, user_id: str):
    active = request.form.get("active") == "1"
    return _change(
        me,
        user_id,
        lambda session, user: admin.set_active(session, me, user, active),
        "Enabled {user}." if active else "Disabled {user}; their sessions have ended.",
    )


@bp.post("/users/<user_id>/role")
@page(manage=True)
def set_role(me: User, user_id: str):
    role = request.form.get("role", "")
    return _change(
        me,
        user_id,
        lambda session, user: admin.set_role(session, me, user, role),
        "{user} is now {role}.",
    )


@bp.post("/users/<user_id>/password")
@page(manage=True)
def reset_password(me: User, user_id: str):
    password = request.form.get("password", "")
    return _change(
        me,
        user_id,
        lambda session, user: admin.reset_password(session, me, user, password),
        "Set a new password for {user}; their sessions have ended.",
    )


def _detail(entry: dict[str, Any]) -> str:
    detail = entry["detail"] or {}
    if "from" in detail and "to" in detail:
        return f"{detail['from']} → {detail['to']}"
    shown = []
    for name, value in detail.items():
        if name in DETAIL_HIDDEN or value is None or value is False or value in ("", 0):
            continue
        label = name.replace("_", " ")
        shown.append(label if value is True else f"{label}: {value}")
    return ", ".join(shown)


@bp.get("/actions")
@page()
def actions(me: User):
    session = db()
    names = {user.id: user.username for user in admin.list_users(session, me.organisation)}
    entries = [
        {
            **admin.action_dict(entry, names),
            "when": entry.at,
            "label": ACTION_LABELS.get(entry.action, entry.action),
        }
        for entry in admin.list_actions(session, me.organisation)
    ]
    for entry in entries:
        entry["summary"] = _detail(entry)
    return render_template(
        "actions.html", title="Admin log", entries=entries, shown=admin.ACTION_LOG_LIMIT
    )
