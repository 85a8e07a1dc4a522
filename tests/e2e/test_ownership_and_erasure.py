"""Owners survive the server; deleted and reassigned records leave no personal bytes behind.

Real laptops (encrypted files in tmp_path) and a real server process on loopback. The
byte searches read the raw files, the decrypted SQLCipher pages (free space and WAL
frames included) and every row, the search index's shadow tables among them.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import httpx
import pytest
from sqlalchemy import select

from desktop.domain.enums import Role
from desktop.errors import NotFound
from desktop.store.tables import AuditEventRow, BeneficiaryRow, UserRow
from tests.bytesearch import laptop_leaks, server_leaks
from tests.e2e.conftest import server_records

LOCAL_PASSWORD = "local caseworker passphrase"


def personal_values() -> dict[str, str]:
    """Values no other record, label or id contains (a fresh tag each test)."""
    tag = uuid.uuid4().hex[:8]
    return {
        "first_name": f"Zephyrine{tag}",
        "last_name": f"Quillfeather{tag}",
        "email": f"zq{tag}@example.org",
        "address": f"{tag} Larkspur Close",
        "notes": f"Keeps a heron named Bartholomew{tag}",
        "summary": f"Talked about the heron sanctuary {tag}",
        "location": f"Larkspur hall {tag}",
        "outcome": f"Sanctuary referral {tag}",
        "later_notes": f"Moved the heron to Wexcombe{tag}",
    }


def make_record(laptop, values: dict[str, str], **owner) -> tuple[str, str]:
    services = laptop.services
    created = services.beneficiaries.create(
        {
            "first_name": values["first_name"],
            "last_name": values["last_name"],
            "email": values["email"],
            "address": values["address"],
            "notes": values["notes"],
        },
        **owner,
    )
    case_session = services.case_sessions.create(
        created.id,
        {
            "starts_at": datetime(2026, 3, 2, 10),
            "status": "done",
            "location": values["location"],
            "summary": values["summary"],
            "outcome": values["outcome"],
        },
    )
    return created.id, case_session.id


def leaks(laptop, values: dict[str, str]) -> dict[str, set[str]]:
    return laptop_leaks(laptop.paths.database, laptop.login.db.key, list(values.values()))


def server_db(server):
    return server.data_dir / "caseload.db"


def audit_changes(laptop, record_id: str) -> list[dict]:
    import json

    with laptop.login.db.read() as uow:
        rows = uow.session.execute(
            select(AuditEventRow.action, AuditEventRow.changes).where(
                AuditEventRow.entity_id == record_id
            )
        ).all()
    return [(action, json.loads(changes)) for action, changes in rows]


def test_a_record_deleted_on_the_server_leaves_no_personal_bytes_anywhere(laptops, sync_server):
    a, b = laptops(), laptops()
    values = personal_values()
    record_id, session_id = make_record(a, values)
    a.sync()
    b.sync()
    b.services.beneficiaries.update(record_id, {"notes": values["later_notes"]})
    b.sync()
    a.sync()
    assert a.services.beneficiaries.get(record_id).notes == values["later_notes"]
    everything = set(values.values())
    assert leaks(b, values)["dump"] == everything, "the check sees what is there"

    a.services.beneficiaries.delete(record_id)
    a.sync()  # the deleting laptop: erased once the server has the delete
    report = b.sync()  # the other laptop: erased when the tombstone arrives
    assert report.deleted_on_server == 1 and not report.failed

    for laptop in (a, b):
        assert leaks(laptop, values) == {}
        with pytest.raises(NotFound):
            laptop.services.beneficiaries.get(record_id)
        with laptop.login.db.read() as uow:
            row = uow.session.execute(
                select(BeneficiaryRow).where(BeneficiaryRow.id == record_id)
            ).scalar_one()
            # What stays: the id, the case number (made by the app), the tombstone, versions.
            assert row.deleted_at is not None and row.case_number and row.server_version
            assert (row.first_name, row.notes, row.email, row.date_of_birth) == ("", "", "", None)
        history = audit_changes(laptop, record_id)
        assert history, "who did what stays"
        assert all(pair == [None, None] for _, fields in history for pair in fields.values())
        assert any("notes" in fields for _, fields in history), "which fields changed stays"
        assert audit_changes(laptop, session_id)
    assert server_leaks(server_db(sync_server), list(values.values())) == {}


def test_owners_are_linked_by_username_and_unlinked_ones_wait(laptops, sync_server):
    a = laptops()
    organisation = a.server_user.organisation
    omar_server = sync_server.new_user("caseworker", organisation=organisation)
    omar = a.services.users.add(omar_server.username, Role.CASEWORKER, LOCAL_PASSWORD, "Omar S.")
    cara = a.services.users.add("cara_unlinked", Role.CASEWORKER, LOCAL_PASSWORD, "Cara Unlinked")
    omars_record, _ = make_record(a, personal_values(), caseworker_id=omar.id)
    caras_record, _ = make_record(a, personal_values(), caseworker_id=cara.id)

    report = a.sync()
    on_server = server_records(sync_server, a.server_user, "beneficiary")
    assert on_server[omars_record]["data"]["caseworker_id"] == omar_server.id
    assert caras_record not in on_server, "held, not made the supervisor's"
    assert report.held == 2 and not report.failed
    assert any("Cara Unlinked (cara_unlinked)" in warning for warning in report.warnings)

    # A second laptop of the organisation shows Omar as the owner.
    b = laptops()
    b.sync()
    shown = b.services.beneficiaries.get(omars_record)
    assert shown.caseworker_name == omar_server.username
    with b.login.db.read() as uow:
        owner = uow.session.get(UserRow, shown.caseworker_id)
        assert owner.server_user_id == omar_server.id and not owner.active

    # An admin makes Cara's account; the supervisor chooses it for her; her records go.
    cara_server = sync_server.new_user("caseworker", organisation=organisation)
    [account] = [x for x in a.account.organisation_accounts() if x.id == cara_server.id]
    a.account.link_user(cara.id, account)
    report = a.sync()
    assert report.held == 0 and report.sent == 2
    on_server = server_records(sync_server, a.server_user, "beneficiary")
    assert on_server[caras_record]["data"]["caseworker_id"] == cara_server.id
    b.sync()
    assert b.services.beneficiaries.get(caras_record).caseworker_name == cara_server.username


def test_a_record_reassigned_away_is_pushed_then_erased_from_the_caseworkers_laptop(
    laptops, sync_server
):
    supervisor = laptops()
    laptop = laptops("caseworker")
    other = sync_server.new_user("caseworker", organisation=supervisor.server_user.organisation)
    values = personal_values()
    record_id, session_id = make_record(laptop, values)
    laptop.sync()
    laptop.services.beneficiaries.update(record_id, {"notes": values["later_notes"]})
    laptop.services.case_sessions.update(session_id, {"outcome": values["outcome"] + " kept"})

    sync_server.login(supervisor.server_user)
    with httpx.Client(base_url=sync_server.base_url, timeout=30) as http:
        moved = http.put(
            f"/api/beneficiaries/{record_id}",
            json={"caseworker_id": other.id},
            headers=supervisor.server_user.headers,
        )
    assert moved.status_code == 200, moved.text

    report = laptop.sync()
    assert not report.failed, report.warnings
    # The unsent edits reached the server first...
    on_server = server_records(sync_server, other, "beneficiary")[record_id]["data"]
    assert (on_server["notes"], on_server["caseworker_id"]) == (values["later_notes"], other.id)
    sessions = server_records(sync_server, other, "case_session")
    assert sessions[session_id]["data"]["outcome"] == values["outcome"] + " kept"
    # ...then the record left this laptop, bytes included.
    with pytest.raises(NotFound):
        laptop.services.beneficiaries.get(record_id)
    assert laptop.services.beneficiaries.count_visible() == 0
    assert leaks(laptop, values) == {}


def test_records_an_older_release_sent_as_the_supervisors_go_back_to_their_owner(
    laptops, sync_server
):
    a = laptops()
    omar_server = sync_server.new_user("caseworker", organisation=a.server_user.organisation)
    record, _ = make_record(a, personal_values())
    a.sync()
    assert server_records(sync_server, a.server_user, "beneficiary")[record]["data"][
        "caseworker_id"
    ] == str(a.server_user.id)
    # What an older release left: Omar's record here, the supervisor's on the server.
    omar = a.services.users.add(omar_server.username, Role.CASEWORKER, LOCAL_PASSWORD, "Omar")
    with a.login.db.write() as uow:
        uow.session.execute(
            BeneficiaryRow.__table__.update()
            .where(BeneficiaryRow.id == record)
            .values(caseworker_id=omar.id)
        )
        uow.commit()

    report = a.sync()  # links Omar by username, then sends his record again
    assert report.sent >= 1 and not report.failed
    on_server = server_records(sync_server, a.server_user, "beneficiary")[record]["data"]
    assert on_server["caseworker_id"] == omar_server.id
