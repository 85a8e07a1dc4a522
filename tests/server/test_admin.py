"""server/admin.py on a real encrypted SQLite file and on PostgreSQL: accounts, the
organisation admin's limits, organisations and their rename, the action log."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server import admin
from server.auth import create_user, password_hasher
from server.db import begin_write, current_seq, make_engine, make_session_factory, upgrade, utcnow
from server.errors import ApiError
from server.models import (
    AdminAction,
    Beneficiary,
    FormDefinition,
    Organisation,
    Referral,
    TokenFamily,
    User,
)
from tests.server.conftest import PASSWORD, POSTGRES_URL_ENV, PostgresSchemas

NEW_PASSWORD = "a different long secret"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def session(request: pytest.FixtureRequest, tmp_path) -> Iterator[Session]:
    schemas = None
    if request.param == "postgres":
        if not os.environ.get(POSTGRES_URL_ENV):
            pytest.skip(f"{POSTGRES_URL_ENV} is not set")
        schemas = PostgresSchemas(os.environ[POSTGRES_URL_ENV])
        engine = make_engine(schemas.fresh_url())
    else:
        engine = make_engine(f"sqlite:///{tmp_path / 'caseload.db'}", os.urandom(32))
    upgrade(engine)
    try:
        with make_session_factory(engine)() as db:
            begin_write(db)
            yield db
    finally:
        engine.dispose()
        if schemas is not None:
            schemas.close()


def _name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def _error(call, *args, **kwargs) -> ApiError:
    with pytest.raises(ApiError) as caught:
        call(*args, **kwargs)
    return caught.value


def _family(db: Session, user: User) -> TokenFamily:
    family = TokenFamily(id=str(uuid.uuid4()), user_id=user.id, created_at=utcnow())
    db.add(family)
    db.flush()
    return family


def test_the_command_line_adds_accounts_and_their_organisation(session):
    user = admin.add_user(session, None, "Lead.One", PASSWORD, "admin", "Lead", "north")
    assert (user.role, user.organisation, user.active) == ("admin", "north", True)
    assert session.get(Organisation, "north") is not None
    (entry,) = admin.list_actions(session, "north")
    assert (entry.action, entry.target, entry.actor_id) == ("user.add", "Lead.One", None)
    assert entry.detail["new_organisation"] is True
    assert PASSWORD not in str(entry.detail)
    again = _error(admin.add_user, session, None, "lead.one", PASSWORD, "caseworker")
    assert again.status == 409 and again.fields == {"username": "is taken"}
    bad = _error(admin.add_user, session, None, "x", "short", "king")
    assert set(bad.fields) == {"username", "password", "role"}
    assert [u.username for u in admin.list_users(session, "north")] == ["Lead.One"]


def test_an_organisation_admin_manages_only_their_own_organisation(session):
    boss = admin.add_user(session, None, _name("boss"), PASSWORD, "admin", organisation="east")
    worker = admin.add_user(session, boss, _name("w"), PASSWORD, "caseworker")
    assert worker.organisation == "east"
    elsewhere = admin.add_user(session, None, _name("o"), PASSWORD, "caseworker", "", "west")
    refused = _error(admin.add_user, session, boss, _name("x"), PASSWORD, "caseworker", "", "west")
    assert refused.status == 403 and "organisation" in refused.fields
    for call, args in (
        (admin.set_active, (elsewhere, False)),
        (admin.reset_password, (elsewhere, NEW_PASSWORD)),
        (admin.set_role, (elsewhere, "admin")),
    ):
        error = _error(call, session, boss, *args)
        assert error.status == 404, call
    assert _error(admin.find_user, session, boss, elsewhere.username).status == 404
    assert admin.find_user(session, boss, worker.username.upper()) is worker
    assert admin.find_user(session, boss, worker.id) is worker

    supervisor = admin.add_user(session, boss, _name("s"), PASSWORD, "supervisor")
    assert _error(admin.set_role, session, supervisor, worker, "admin").status == 403
    assert _error(admin.add_organisation, session, boss, "mine").status == 403


def test_disable_and_reset_password_end_sessions(session):
    boss = admin.add_user(session, None, _name("boss"), PASSWORD, "admin", organisation="south")
    worker = admin.add_user(session, boss, _name("w"), PASSWORD, "caseworker")
    first, second = _family(session, worker), _family(session, worker)
    admin.reset_password(session, boss, worker, NEW_PASSWORD)
    assert password_hasher.verify(worker.password_hash, NEW_PASSWORD)
    assert first.revoked_reason == second.revoked_reason == "password_reset"
    third = _family(session, worker)
    admin.set_active(session, boss, worker.username, False)
    assert not worker.active and third.revoked_reason == "account_disabled"
    admin.set_active(session, boss, worker, True)
    assert worker.active
    weak = _error(admin.reset_password, session, boss, worker, "short")
    assert weak.status == 422 and "password" in weak.fields
    self_reset = _error(admin.reset_password, session, boss, boss, NEW_PASSWORD)
    assert self_reset.status == 403
    actions = [e.action for e in admin.list_actions(session, "south")]
    assert actions == ["user.enable", "user.disable", "user.reset_password", "user.add", "user.add"]


def test_change_password_keeps_the_current_session_only(session):
    user = admin.add_user(session, None, _name("me"), PASSWORD, "caseworker", organisation="o1")
    current, other = _family(session, user), _family(session, user)
    assert admin.change_password(session, user, NEW_PASSWORD, current.id) == 1
    assert current.revoked_at is None and other.revoked_reason == "password_changed"
    weak = _error(admin.change_password, session, user, "short", current.id)
    assert weak.fields and "new_password" in weak.fields


def test_the_last_active_admin_stays(session):
    org = _name("org")
    boss = admin.add_user(session, None, _name("boss"), PASSWORD, "admin", organisation=org)
    for call, args, field in (
        (admin.set_active, (boss, False), "active"),
        (admin.set_role, (boss, "supervisor"), "role"),
    ):
        error = _error(call, session, boss, *args)
        assert (error.status, error.code, list(error.fields)) == (409, "last_admin", [field])
    second = admin.add_user(session, boss, _name("boss2"), PASSWORD, "admin")
    admin.set_role(session, boss, second, "supervisor")
    assert _error(admin.set_active, session, boss, boss, False).code == "last_admin"
    admin.set_role(session, boss, second, "admin")
    admin.set_active(session, boss, boss, False)  # another admin remains
    assert not boss.active
    # The command line (the server's owner) is not held by the rule.
    admin.set_active(session, None, second, False)
    assert not second.active


def test_organisations_are_listed_added_and_renamed_everywhere(session):
    old = _name("Old Org")
    boss = admin.add_user(session, None, _name("boss"), PASSWORD, "admin", organisation=old)
    other = admin.add_user(session, None, _name("x"), PASSWORD, "caseworker", organisation="far")
    # An account made outside admin.py (development registration) still names one.
    create_user(session, _name("dev"), PASSWORD, organisation="unlisted")
    now = utcnow()
    records = []
    for owner, org in ((boss, old), (other, "far")):
        beneficiary = Beneficiary(
            id=str(uuid.uuid4()),
            case_number=_name("C"),
            caseworker_id=owner.id,
            organisation=org,
            seq=1,
            created_at=now,
            updated_at=now,
        )
        session.add(beneficiary)
        records.append(beneficiary)
    session.flush()
    referral = Referral(
        id=str(uuid.uuid4()),
        beneficiary_id=records[1].id,
        caseworker_id=other.id,
        organisation="far",
        to_organisation=old,
        seq=2,
        created_at=now,
        updated_at=now,
    )
    session.add(referral)
    session.add(
        FormDefinition(organisation=old, version=1, body={}, published_at=now, published_by=boss.id)
    )
    session.flush()

    names = {o.name: o for o in admin.list_organisations(session)}
    assert {old, "far", "unlisted"} <= set(names)
    assert (names[old].users, names[old].active_users) == (1, 1)
    added = admin.add_organisation(session, None, "Empty Office")
    assert added.name == "Empty Office"
    assert _error(admin.add_organisation, session, None, old).fields == {"name": "is taken"}
    assert "name" in _error(admin.add_organisation, session, None, " padded").fields

    taken = _error(admin.rename_organisation, session, None, old, "far")
    assert taken.status == 409 and taken.fields == {"new_name": "is taken"}
    missing = _error(admin.rename_organisation, session, None, "nowhere", "x")
    assert missing.status == 404 and missing.fields == {"name": "is not an organisation"}
    assert _error(admin.rename_organisation, session, boss, "far", "y").status == 403

    new = _name("New Org")
    renamed = admin.rename_organisation(session, None, old, new)
    assert (renamed.users, renamed.resent) == (1, 1)
    assert renamed.rows >= 5  # user, beneficiary, referral, form, the log's entries
    assert session.get(User, boss.id).organisation == new
    assert session.get(Beneficiary, records[0].id).organisation == new
    assert session.get(Beneficiary, records[1].id).organisation == "far"
    moved = session.get(Referral, referral.id)
    # The referral's receiver is a field the sender's laptops hold: a new version to pull.
    assert (moved.to_organisation, moved.version, moved.seq) == (new, 2, current_seq(session))
    assert session.get(FormDefinition, (new, 1)) is not None
    assert session.get(Organisation, old) is None and session.get(Organisation, new) is not None
    log = admin.list_actions(session, new)
    assert log[0].action == "organisation.rename" and log[0].detail["from"] == old
    assert [e.action for e in log[1:]] == ["user.add"]  # the old entries follow the name
    left = session.execute(select(AdminAction).where(AdminAction.organisation == old)).first()
    assert left is None
    # An organisation admin renames their own.
    newer = _name("Newer")
    admin.rename_organisation(session, session.get(User, boss.id), new, newer)
    assert session.get(User, boss.id).organisation == newer
