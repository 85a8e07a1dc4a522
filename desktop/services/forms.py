"""The organisation's form definition: the draft an admin edits and the published versions.

Stored in ``form_definitions`` (migration 0010), each row the file's JSON: version 0 is
the draft, published versions count up from 1 and never change afterwards (a pulled
version may replace a local one of the same number: the server's word is final). The
definition a record is written with is the highest published version (``current``).

``current`` is read on every record write, so it is cached per open database and
checked against one indexed ``max(version)``: a new version (a publish, a pull, another
process) is parsed once, then reused.

Custom values in records: ``check_custom`` turns a record's ``custom`` mapping into the
stored JSON and the audit's ``custom.<key>`` entries, or a ValidationError naming each
``custom.<key>`` (the beneficiary and session services call it).
"""

from __future__ import annotations

import codecs
import json
import logging
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.auth.permissions import Permission, require
from desktop.domain import forms
from desktop.domain.enums import Entity
from desktop.domain.forms import DefinitionError, FormSet, RecordKind, read_stored
from desktop.domain.problems import CUSTOM_PREFIX, Problem
from desktop.domain.records import Actor
from desktop.errors import UserError, ValidationError
from desktop.resources import resource_path
from desktop.store.changes import record_audit
from desktop.store.custom_indexes import ensure_custom_indexes
from desktop.store.db import Database
from desktop.store.tables import FormDefinitionRow, utcnow

log = logging.getLogger(__name__)
B = TypeVar("B")
C = TypeVar("C")

DRAFT = 0  # the version number of the draft row
LOCAL, SERVER = "local", "server"  # where a version was published

# The parsed current definition of each open database (see current_forms).
_CURRENT: weakref.WeakKeyDictionary[Database, FormSet] = weakref.WeakKeyDictionary()
_CURRENT_LOCK = threading.Lock()


def current_forms(db: Database, session: Session) -> FormSet:
    """The highest published version (``forms.EMPTY`` when none), read in ``session``."""
    latest = session.execute(
        select(func.max(FormDefinitionRow.version)).where(FormDefinitionRow.version > DRAFT)
    ).scalar()
    if latest is None:
        return forms.EMPTY
    with _CURRENT_LOCK:
        cached = _CURRENT.get(db)
    if cached is not None and cached.version == latest:
        return cached
    body = session.execute(
        select(FormDefinitionRow.body).where(FormDefinitionRow.version == latest)
    ).scalar_one()
    found = forms.parse(body).with_version(latest)
    with _CURRENT_LOCK:
        _CURRENT[db] = found
    return found


def definitions_in(session: Session) -> FormSet:
    """``current_forms`` for code that has only a transaction (the sync's writes): read
    once per transaction and kept in its session."""
    found = session.info.get(_SESSION_KEY)
    if found is None:
        found = session.info[_SESSION_KEY] = _read_current(session)
    return found


_SESSION_KEY = "caseload.forms"


def server_version(session: Session) -> int:
    """The newest definition version the server numbered (0: none yet)."""
    latest = session.execute(
        select(func.max(FormDefinitionRow.version)).where(FormDefinitionRow.source == SERVER)
    ).scalar()
    return latest or 0


def _read_current(session: Session) -> FormSet:
    row = session.execute(
        select(FormDefinitionRow.version, FormDefinitionRow.body)
        .where(FormDefinitionRow.version > DRAFT)
        .order_by(FormDefinitionRow.version.desc())
        .limit(1)
    ).first()
    return forms.EMPTY if row is None else forms.parse(row.body).with_version(row.version)


def _forget_current(db: Database) -> None:
    with _CURRENT_LOCK:
        _CURRENT.pop(db, None)


def template_names() -> list[str]:
    """The example definitions shipped in resources/forms (``caseload init --form-template``)."""
    return sorted(path.stem for path in resource_path("forms").glob("*.json"))


def template_text(name: str) -> str:
    """An example definition's file; UserError naming the known ones for another name."""
    if name not in template_names():
        known = ", ".join(template_names()) or "none"
        raise UserError(f"No form template {name!r}; the templates are: {known}.")
    return resource_path("forms", f"{name}.json").read_text(encoding="utf-8")


def stored_text(values: Mapping[str, Any]) -> str:
    """Custom values as the ``custom`` column holds them: compact JSON, keys sorted."""
    return _STORED_TEXT(values)


# Made once: json.dumps builds an encoder per call when given options.
_STORED_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


@dataclass(frozen=True)
class CheckedCustom:
    """A record's custom values after a write: what to store and what the audit records."""

    values: dict[str, Any]
    text: str  # the ``custom`` column
    changes: dict[str, list[Any]]  # {"custom.<key>": [old, new]} for each changed field
    search: str  # the searchable fields' text (beneficiaries' ``custom_search``)
    version: int  # the definition version the values were checked against


def check_custom(
    definition_set: FormSet,
    kind: RecordKind,
    given: Any,
    stored: Mapping[str, Any] | None = None,
    *,
    require: bool = True,
) -> CheckedCustom:
    """``given`` (a record's ``values["custom"]``) checked against the definition.

    On a create ``stored`` is None and ``given`` is every value; on an update ``given``
    replaces the keys it names (None or "" clears one) and the other stored values stay.
    A stored value the definition now refuses (retired field, kind changed, choice
    removed, unknown field) may stay as it is, never change. Raises ValidationError with
    a ``custom.<key>`` name per problem, required fields included unless not ``require``
    (the duplicate check, on a form half filled in).
    """
    if given is None:
        given = {}
    if not isinstance(given, Mapping) or not all(isinstance(k, str) for k in given):
        raise ValidationError({"custom": Problem("custom_not_object", "custom")})
    before = dict(stored or {})
    merged = {**before, **given}
    definition = definition_set.of(kind)
    cleaned, problems, _incomplete = forms.check_values(
        definition, merged, stored=before, require=require
    )
    if problems:
        language = definition_set.default_language
        raise ValidationError(
            {
                CUSTOM_PREFIX + key: forms.value_problem(
                    definition.field(key), key, problem, merged.get(key), language
                )
                for key, problem in problems.items()
            }
        )
    changes = {
        CUSTOM_PREFIX + key: [before.get(key), cleaned.get(key)]
        for key in sorted(set(before) | set(cleaned))
        if before.get(key) != cleaned.get(key)
    }
    search = forms.search_text(definition, cleaned) if kind is RecordKind.BENEFICIARY else ""
    return CheckedCustom(cleaned, stored_text(cleaned), changes, search, definition_set.version)


def check_record_custom(
    db: Database, session: Session, kind: RecordKind, given: Any, stored: str | None
) -> CheckedCustom:
    """``check_custom`` against the current definition, in the write's own transaction;
    ``stored``: the record's ``custom`` column (None: a new record)."""
    before = None if stored is None else read_stored(stored)
    return check_custom(current_forms(db, session), kind, given, before)


def built_in(values: Mapping[str, Any]) -> dict[str, Any]:
    """A record's values without ``custom``: what the built-in fields' rules check."""
    return {name: value for name, value in values.items() if name != "custom"}


def checked_together(built: Callable[[], B], custom: Callable[[], C]) -> tuple[B, C]:
    """The built-in fields' check and the custom fields' check, both run: every problem
    of either in one ValidationError, so a form names them all at once."""
    problems: dict[str, Problem] = {}
    results: list[Any] = []
    for check in (built, custom):
        try:
            results.append(check())
        except ValidationError as exc:
            problems.update(exc.problems)
    if problems:
        raise ValidationError(problems)
    return results[0], results[1]


class FormService:
    """Reading the organisation's definition (anyone) and changing it (admins)."""

    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor

    # -- reading -----------------------------------------------------------------------

    def current(self) -> FormSet:
        """The published definition records are written with (``forms.EMPTY``: none)."""
        with self._db.read() as uow:
            return current_forms(self._db, uow.session)

    def draft(self) -> FormSet | None:
        """The unpublished draft (version 0), or None when no admin is editing one."""
        with self._db.read() as uow:
            body = uow.session.execute(
                select(FormDefinitionRow.body).where(FormDefinitionRow.version == DRAFT)
            ).scalar()
        return None if body is None else forms.parse(body).with_version(DRAFT)

    def versions(self) -> list[tuple[int, str]]:
        """Every published version and where it was published (local or server)."""
        with self._db.read() as uow:
            rows = uow.session.execute(
                select(FormDefinitionRow.version, FormDefinitionRow.source)
                .where(FormDefinitionRow.version > DRAFT)
                .order_by(FormDefinitionRow.version)
            ).all()
        return [(row.version, row.source) for row in rows]

    def export_text(self, draft: bool = False) -> str:
        """The file of the current definition (or of the draft), as ``forms.dumps`` writes it."""
        if draft:
            found = self.draft()
            if found is None:
                raise UserError("There is no draft of the form definition to export.")
            return forms.dumps(found)
        return forms.dumps(self.current())

    # -- changing (admins) ---------------------------------------------------------------

    def save_draft(self, definition: FormSet) -> None:
        """Keeps ``definition`` as the draft; refuses (DefinitionError) what the current
        version forbids, such as removing a published field instead of retiring it."""
        require(self._actor, Permission.MANAGE_FORMS)
        # Through the file format: what is stored is exactly what parse accepts.
        checked = forms.parse(forms.dumps(definition.with_version(DRAFT)))
        with self._db.write() as uow:
            refused = forms.changes_refused(current_forms(self._db, uow.session), checked)
            if refused:
                raise DefinitionError(refused)
            self._put(uow.session, DRAFT, forms.dumps(checked), LOCAL)
            uow.commit()
        log.info("form definition draft saved by %s", self._actor.id)

    def discard_draft(self) -> None:
        require(self._actor, Permission.MANAGE_FORMS)
        with self._db.write() as uow:
            uow.session.execute(delete(FormDefinitionRow).where(FormDefinitionRow.version == DRAFT))
            uow.commit()

    def import_text(self, text: str | bytes, *, dry_run: bool = False) -> FormSet:
        """A definition file checked (DefinitionError names every problem) and, unless
        ``dry_run``, saved as the draft. Nothing is written when it has a problem."""
        require(self._actor, Permission.MANAGE_FORMS)
        # Windows editors start a UTF-8 file with a byte order mark, which JSON refuses.
        if isinstance(text, bytes):
            text = text.removeprefix(codecs.BOM_UTF8)
        else:
            text = text.removeprefix("\ufeff")
        definition = forms.parse(text).with_version(DRAFT)
        refused = forms.changes_refused(self.current(), definition)
        if refused:
            raise DefinitionError(refused)
        if not dry_run:
            self.save_draft(definition)
        return definition

    def publish(self) -> FormSet:
        """The draft becomes the next version (an audit event says who and which)."""
        require(self._actor, Permission.MANAGE_FORMS)
        with self._db.write() as uow:
            session = uow.session
            body = session.execute(
                select(FormDefinitionRow.body).where(FormDefinitionRow.version == DRAFT)
            ).scalar()
            if body is None:
                raise UserError("There is no draft to publish: import or edit a definition first.")
            draft = forms.parse(body)
            current = current_forms(self._db, session)
            refused = forms.changes_refused(current, draft)
            if refused:  # a version pulled since the draft was saved
                raise DefinitionError(refused)
            if current.version and draft.with_version(0) == current.with_version(0):
                raise UserError(f"The draft is the same as version {current.version}.")
            version = current.version + 1
            published = draft.with_version(version)
            self._put(session, version, forms.dumps(published), LOCAL)
            ensure_custom_indexes(session, published)  # the list's columns and filters
            session.execute(delete(FormDefinitionRow).where(FormDefinitionRow.version == DRAFT))
            record_audit(
                session,
                user_id=self._actor.id,
                action="form_publish",
                entity=Entity.FORM_DEFINITION,
                entity_id=str(version),
                changes=_published_changes(current, published),
            )
            uow.commit()
        _forget_current(self._db)
        log.info("form definition version %d published by %s", version, self._actor.id)
        return published

    def store_pulled(self, definition: FormSet) -> bool:
        """Stores a version the server published (the sync, for any user); True if new.

        A local version of the same number is replaced by the server's: the server
        decides what version N is for the whole organisation.
        """
        if definition.version <= DRAFT:
            raise ValueError("a pulled definition has a published version number")
        body = forms.dumps(definition)
        with self._db.write() as uow:
            session = uow.session
            row = session.get(FormDefinitionRow, definition.version)
            if row is not None and row.body == body:
                return False
            self._put(session, definition.version, body, SERVER)
            session.flush()  # the newest version (this one, or one pulled before) lists
            ensure_custom_indexes(session, current_forms(self._db, session))
            record_audit(
                session,
                user_id=None,
                action="form_pulled",
                entity=Entity.FORM_DEFINITION,
                entity_id=str(definition.version),
                changes={"version": [None, definition.version]},
            )
            uow.commit()
        _forget_current(self._db)
        log.info("form definition version %d pulled from the server", definition.version)
        return True

    def unsent(self) -> tuple[FormSet, int] | None:
        """The newest version published here since the server's newest, and that base
        version; None when the server has every version (the sync sends this one)."""
        with self._db.read() as uow:
            base = server_version(uow.session)
            row = uow.session.execute(
                select(FormDefinitionRow.version, FormDefinitionRow.body)
                .where(FormDefinitionRow.source == LOCAL, FormDefinitionRow.version > base)
                .order_by(FormDefinitionRow.version.desc())
                .limit(1)
            ).first()
        return None if row is None else (forms.parse(row.body).with_version(row.version), base)

    def keep_as_draft(self, definition: FormSet) -> bool:
        """A version the server refused becomes the draft, unless one is being edited
        (the sync, for any user: the admin's work stays to publish again). True if kept."""
        with self._db.write() as uow:
            if uow.session.get(FormDefinitionRow, DRAFT) is not None:
                return False
            self._put(uow.session, DRAFT, forms.dumps(definition.with_version(DRAFT)), LOCAL)
            uow.commit()
        return True

    def _put(self, session: Session, version: int, body: str, source: str) -> None:
        row = session.get(FormDefinitionRow, version)
        if row is None:
            row = FormDefinitionRow(version=version)
            session.add(row)
        row.body = body
        row.source = source
        row.created_at = utcnow()
        row.created_by = self._actor.id if source == LOCAL else None


def _published_changes(old: FormSet, new: FormSet) -> dict[str, list[Any]]:
    """The audit's summary of a publish: the version, and each kind's field keys."""
    changes: dict[str, list[Any]] = {"version": [old.version or None, new.version]}
    for kind in RecordKind:
        before = [item.key for item in old.of(kind).active]
        after = [item.key for item in new.of(kind).active]
        if before != after:
            changes[f"{kind.value}.fields"] = [before, after]
    return changes
