"""The console's pages: sign-in, laptops, sync activity, forms, and (server/console/users.py)
the organisation's accounts and the log of administrative actions.

Every query is of the signed-in account's organisation. Nothing here reads beneficiaries
or sessions: the laptops and the activity are counts that laptops report.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from server.console.signin import (
    SignInRefused,
    bp,
    can_manage,
    current_user,
    page,
    sign_in,
    sign_out,
)
from server.models import Device, FormDefinition, SyncActivity, User
from server.web import db

ACTIVITY_SHOWN = 200
# (endpoint, label): the navigation, in order.
NAV = (
    ("console.users", "Users"),
    ("console.laptops", "Laptops"),
    ("console.activity", "Sync activity"),
    ("console.forms", "Forms"),
    ("console.actions", "Admin log"),
)


@bp.app_template_filter("when")
def when(value: datetime | None) -> str:
    return "never" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


@bp.app_template_filter("short_id")
def short_id(value: str | None) -> str:
    return (value or "")[:8]


@bp.context_processor
def _common() -> dict[str, Any]:
    user = current_user() if request.endpoint != "console.static" else None
    return {
        "me": user,
        "manages": user is not None and can_manage(user),
        "nav": NAV,
    }


def render(template: str, status: int = 200, **values: Any):
    return render_template(template, **values), status


@bp.errorhandler(HTTPException)
def _error(exc: HTTPException):
    messages = {
        400: "The form could not be accepted (it may have expired). Go back, reload and try again.",
        403: "Only organisation admins may do this.",
        404: "There is no such page.",
    }
    message = messages.get(exc.code or 500, exc.description or "Something went wrong.")
    return render("error.html", exc.code or 500, title=exc.name, message=message)


@bp.get("/")
def home():
    if current_user() is None:
        return redirect(url_for("console.sign_in_page"))
    return redirect(url_for("console.laptops"))


@bp.get("/sign-in")
def sign_in_page():
    if current_user() is not None:
        return redirect(url_for("console.home"))
    return render("sign_in.html", title="Sign in")


@bp.post("/sign-in")
def sign_in_form():
    username = request.form.get("username", "")
    try:
        sign_in(username, request.form.get("password", ""))
    except SignInRefused as exc:
        return render("sign_in.html", 401, title="Sign in", problem=str(exc), username=username)
    return redirect(url_for("console.home"))


@bp.post("/sign-out")
def sign_out_form():
    sign_out()
    return redirect(url_for("console.sign_in_page"))


def _names(organisation: str) -> dict[str, User]:
    users = db().execute(select(User).where(User.organisation == organisation)).scalars()
    return {user.id: user for user in users}


@bp.get("/laptops")
@page()
def laptops(me: User):
    devices = (
        db()
        .execute(
            select(Device)
            .where(Device.organisation == me.organisation)
            .order_by(Device.last_sync_at.desc(), Device.device_id)
        )
        .scalars()
        .all()
    )
    return render("laptops.html", title="Laptops", devices=devices, users=_names(me.organisation))


@bp.get("/activity")
@page()
def activity(me: User):
    rows = (
        db()
        .execute(
            select(SyncActivity)
            .where(SyncActivity.organisation == me.organisation)
            .order_by(SyncActivity.at.desc(), SyncActivity.id.desc())
            .limit(ACTIVITY_SHOWN)
        )
        .scalars()
        .all()
    )
    return render(
        "activity.html",
        title="Sync activity",
        rows=rows,
        users=_names(me.organisation),
        shown=ACTIVITY_SHOWN,
    )


def _label(item: dict[str, Any], languages: list[str]) -> str:
    label = item.get("label")
    if isinstance(label, dict):
        for language in [*languages, *label]:
            if isinstance(label.get(language), str):
                return label[language]
    return str(item.get("key", ""))


FLAGS_SHOWN = ("required", "personal", "shareable", "retired")
# How the page names the kinds of server/forms.py (KINDS); "{n}": the number of choices.
KIND_LABELS = {
    "text": "text",
    "long_text": "long text",
    "integer": "whole number",
    "decimal": "number",
    "date": "date",
    "yes_no": "yes or no",
    "choice": "one of {n} choices",
    "choices": "any of {n} choices",
}


def _fields(body: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    part = body.get(kind) if isinstance(body.get(kind), dict) else {}
    languages = body.get("languages") if isinstance(body.get("languages"), list) else []
    return [
        {
            "key": item.get("key", ""),
            "label": _label(item, languages),
            "kind": KIND_LABELS.get(item.get("kind"), str(item.get("kind", ""))).format(
                n=len(item.get("choices") or [])
            ),
            "flags": [flag for flag in FLAGS_SHOWN if item.get(flag) is True],
        }
        for item in part.get("fields") or []
        if isinstance(item, dict)
    ]


@bp.get("/forms")
@page()
def forms(me: User):
    versions = (
        db()
        .execute(
            select(FormDefinition)
            .where(FormDefinition.organisation == me.organisation)
            .order_by(FormDefinition.version.desc())
        )
        .scalars()
        .all()
    )
    current = versions[0] if versions else None
    parts = []
    if current is not None:
        parts = [
            ("Beneficiary fields", _fields(current.body, "beneficiary")),
            ("Session fields", _fields(current.body, "session")),
        ]
    return render(
        "forms.html",
        title="Forms",
        current=current,
        versions=versions,
        parts=parts,
        users=_names(me.organisation),
    )
