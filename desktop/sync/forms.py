"""The organisation's form definition at the sync edge.

Pulled at the start of every sync, before any record change is applied, so that the
records that follow are read against the definition they were written with. An admin's
publish goes to the server first when this laptop syncs: the server numbers the
versions, so two laptops publishing at once cannot both make version N.

Endpoints (server/openapi.yaml): ``GET /api/forms`` → ``{"version", "definition"}``;
``POST /api/forms`` with ``{"definition", "base_version"}`` → ``{"version"}``, 409 when
someone published since ``base_version``.
"""

from __future__ import annotations

import logging
from typing import Any

from desktop.domain import forms
from desktop.services.forms import FormService

from .client import ApiFailure
from .run import SyncReport, SyncRun
from .wire import ProtocolError, require_keys

log = logging.getLogger(__name__)

FORMS_PATH = "/api/forms"


def read_published(data: Any) -> forms.FormSet | None:
    """The server's answer as a definition with its version; None when it has none."""
    data = require_keys(data, "version", "definition", what="the form definition")
    version = data["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ProtocolError("the form definition's version is not a whole number")
    if version == 0:
        return None
    try:
        return forms.from_document(data["definition"]).with_version(version)
    except forms.DefinitionError as exc:
        raise ProtocolError(
            f"the server's form definition {version} does not read: {exc}"
        ) from None


def sync_forms(run: SyncRun, report: SyncReport) -> None:
    """A version published here goes to the server, then the server's newest comes back:
    both before any record moves, so records travel with the definition they were
    checked against."""
    publish_local(run, report)
    pull_forms(run, report)


def publish_local(run: SyncRun, report: SyncReport) -> bool:
    """Sends the newest version published on this laptop since the server's last one.

    The server numbers versions for the organisation: the version comes back under the
    number the server gave it. Refused (another admin published first, or this user may
    not publish), it is kept as the draft and the sync says so; the server's version is
    then pulled and becomes current, and the admin publishes again over it.
    """
    service = FormService(run.db, run.actor)
    unsent = service.unsent()
    if unsent is None:
        return False
    newest, base = unsent
    try:
        published = publish_forms(run, newest, base)
    except ApiFailure as exc:
        if exc.status not in (403, 409):
            raise
        reason = (
            "another administrator published a newer one first"
            if exc.status == 409
            else "only an organisation administrator can publish it"
        )
        kept = service.keep_as_draft(newest)
        report.warnings.append(
            f"Form definition version {newest.version} was not sent to the server: {reason}."
            + (" It is kept as the draft, to publish again." if kept else "")
        )
        log.warning(
            "form definition %d not published on the server (%d)", newest.version, exc.status
        )
        return False
    service.store_pulled(published)
    log.info("form definition %d published on the server as %d", newest.version, published.version)
    return True


def pull_forms(run: SyncRun, report: SyncReport) -> bool:
    """Stores the server's definition when it is newer than this laptop's; True if so."""
    try:
        published = read_published(run.client.request("GET", FORMS_PATH))
    except ApiFailure as exc:
        if exc.status == 404:  # a server from before form definitions: nothing to pull
            return False
        raise
    if published is None:
        return False
    stored = FormService(run.db, run.actor).store_pulled(published)
    if stored:
        log.info("form definition version %d pulled", published.version)
        report.forms_version = published.version
    return stored


def publish_forms(run: SyncRun, draft: forms.FormSet, base_version: int) -> forms.FormSet:
    """Publishes ``draft`` on the server over ``base_version``; the version it got."""
    data = run.client.request(
        "POST",
        FORMS_PATH,
        json={"definition": forms.to_document(draft), "base_version": base_version},
    )
    version = require_keys(data, "version", what="the published form definition")["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version <= base_version:
        raise ProtocolError("the server gave the published definition no new version")
    return draft.with_version(version)
