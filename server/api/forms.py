"""The organisation's form definition: read by every signed-in user, published by admins.

Each publish is the next version of the caller's organisation's definition; versions are
never changed or removed (a field is retired, not dropped), so a record written with an
older version can always be checked against what its laptop knew.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint
from flask_jwt_extended import jwt_required

from server import forms, records
from server.db import begin_write, utcnow
from server.errors import ApiError, ValidationFailed
from server.models import FormDefinition
from server.records import iso_datetime
from server.schema import FORM_VERSION_MAX
from server.validation import FieldError, parse_int
from server.web import actor, db, json_object, ok

log = logging.getLogger(__name__)

bp = Blueprint("forms", __name__, url_prefix="/api")


def _answer(row: FormDefinition | None) -> dict[str, Any]:
    """What GET and POST answer: the version and the definition's document."""
    if row is None:
        return {
            "version": 0,
            "definition": forms.empty_document(),
            "published_at": None,
            "published_by": None,
        }
    return {
        "version": row.version,
        "definition": {**row.body, "version": row.version},
        "published_at": iso_datetime(row.published_at),
        "published_by": row.published_by,
    }


def _current(organisation: str) -> FormDefinition | None:
    session = db()
    version = records.current_form_version(session, organisation)
    return session.get(FormDefinition, (organisation, version)) if version else None


@bp.get("/forms")
@jwt_required()
def get_forms():
    return ok(_answer(_current(actor().user.organisation)))


def _invalid(problems: list[tuple[str, str]]) -> ApiError:
    return ApiError(
        422,
        "invalid_definition",
        "The form definition cannot be published.",
        extra={"problems": [{"where": where, "message": message} for where, message in problems]},
    )


@bp.post("/forms")
@jwt_required()
def publish_forms():
    body = json_object()  # a body that is not JSON is a 400 for anyone (as everywhere)
    who = actor()
    if who.user.role != "admin":
        raise ApiError(403, "forbidden", "Only organisation admins may publish the forms.")
    try:
        base_version = parse_int(body.get("base_version"), 0, FORM_VERSION_MAX - 1)
    except FieldError as exc:
        raise ValidationFailed({"base_version": str(exc)}) from exc
    document = body.get("definition")
    try:
        new = forms.read(document)
    except forms.DefinitionInvalid as exc:
        raise _invalid(exc.problems) from exc
    organisation = who.user.organisation
    session = db()
    begin_write(session)  # one publisher at a time: versions follow each other
    current = records.forms_of(session, organisation)
    if base_version != current.version:
        raise ApiError(
            409,
            "version_conflict",
            "The forms were published again since this version; start from the current one.",
            extra={"version": current.version},
        )
    refused = forms.dropped(current, new)
    if refused:
        raise _invalid(refused)
    row = FormDefinition(
        organisation=organisation,
        version=current.version + 1,
        body={**document, "version": current.version + 1},
        published_at=utcnow(),
        published_by=who.id,
    )
    session.add(row)
    session.commit()
    log.info("forms version %d published by user %s", row.version, who.id)
    return ok(_answer(row), 201)
