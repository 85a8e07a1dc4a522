"""Sync between laptops and a real server: nothing lost, duplicated or silently overwritten."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from desktop.domain.records import BeneficiaryQuery
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, OutboxRow
from tests.e2e.conftest import server_records


def local_versions(laptop, row_type) -> dict[str, int]:
    with laptop.login.db.read() as uow:
        rows = uow.session.execute(
            select(row_type.id, row_type.server_version).where(row_type.deleted_at.is_(None))
        ).all()
    return dict(rows)


def outbox_count(laptop) -> int:
    with laptop.login.db.read() as uow:
        return uow.session.execute(select(func.count()).select_from(OutboxRow)).scalar_one()


def test_two_laptops_and_one_server_converge(laptops, sync_server):
    a, b = laptops(), laptops()
    made_on_a = [
        a.services.beneficiaries.create({"first_name": f"Amina{n}", "last_name": "Haddad"})
        for n in range(5)
    ]
    session_a = a.services.case_sessions.create(
        made_on_a[0].id, {"starts_at": datetime(2026, 3, 2, 10), "status": "done"}
    )
    a.services.beneficiaries.update(made_on_a[1].id, {"phone": "+961 70 123456"})
    made_on_b = [
        b.services.beneficiaries.create({"first_name": f"Omar{n}", "last_name": "Saleh"})
        for n in range(4)
    ]
    report_a = a.sync()
    assert (report_a.sent, report_a.errors, report_a.conflicts) == (6, 0, 0)
    report_b = b.sync()
    assert report_b.sent == 4 and report_b.received >= 6 and report_b.digest_ok
    report_a2 = a.sync()
    assert report_a2.received >= 4 and report_a2.digest_ok

    server_b = server_records(sync_server, a.server_user, "beneficiary")
    ids = {r.id for r in made_on_a + made_on_b}
    assert ids <= server_b.keys()
    for laptop in (a, b):
        versions = local_versions(laptop, BeneficiaryRow)
        assert {i: versions[i] for i in ids} == {i: server_b[i]["version"] for i in ids}
        assert outbox_count(laptop) == 0
        assert laptop.services.beneficiaries.count_visible() == 9
    assert session_a.id in local_versions(b, CaseSessionRow)
    phone = b.services.beneficiaries.get(made_on_a[1].id).phone
    assert phone == "+961 70 123456"


def test_edits_of_different_fields_merge_and_same_field_conflicts(laptops):
    a, b = laptops(), laptops()
    created = a.services.beneficiaries.create(
        {"first_name": "Layla", "last_name": "Nasser", "phone": "+33 6 11 22 33 44"}
    )
    a.sync()
    b.sync()
    a.services.beneficiaries.update(created.id, {"phone": "+33 6 99 99 99 99", "notes": "A"})
    b.services.beneficiaries.update(created.id, {"email": "layla@example.org", "notes": "B"})
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    merged = b.services.beneficiaries.get(created.id)
    assert merged.phone == "+33 6 99 99 99 99"  # theirs, merged in
    assert merged.email == "layla@example.org"  # mine, kept
    assert merged.notes == "B" and merged.sync_status.value == "conflict"
    from desktop.services.conflicts import ConflictService

    conflicts = ConflictService(b.login.db, b.login.actor).open_conflicts()
    assert [(c.field, c.local_value, c.server_value) for c in conflicts] == [("notes", "B", "A")]


def test_offline_delete_and_session_under_it(laptops, sync_server):
    a, b = laptops(), laptops()
    created = a.services.beneficiaries.create({"first_name": "Kamau", "last_name": "Otieno"})
    a.sync()
    b.sync()
    a.services.beneficiaries.delete(created.id)
    offline_session = b.services.case_sessions.create(
        created.id, {"starts_at": datetime(2026, 4, 1, 9), "follow_up_on": date(2026, 4, 20)}
    )
    a.sync()
    report = b.sync()
    assert report.deleted_on_server >= 1
    assert b.services.beneficiaries.count_visible() == 0
    with b.login.db.read() as uow:
        orphan = uow.session.execute(
            select(func.count())
            .select_from(CaseSessionRow)
            .where(CaseSessionRow.id == offline_session.id, CaseSessionRow.deleted_at.is_(None))
        ).scalar_one()
    assert orphan == 0 and outbox_count(b) == 0
    assert created.id not in server_records(sync_server, b.server_user, "beneficiary")
    history = b.services.audit.history(offline_session.id)
    assert history[0].action == "deleted_on_server"  # the offline work is kept in the audit


def test_search_finds_pulled_records(laptops):
    a, b = laptops(), laptops()
    a.services.beneficiaries.create({"first_name": "Wanjiru", "last_name": "Mwangi"})
    a.sync()
    b.sync()
    assert b.services.beneficiaries.list_page(BeneficiaryQuery(search="wanj")).total == 1


def test_a_push_between_the_last_pull_and_the_digest_is_no_false_alarm(
    laptops, sync_server, monkeypatch
):
    """The server's digest is of a later moment than this laptop's last pull: the laptop
    catches up and compares again instead of reporting a difference (and exiting 1)."""
    from desktop.sync.engine import SyncEngine

    a, b = laptops(), laptops()
    a.services.beneficiaries.create({"first_name": "Leila", "last_name": "Nasser"})
    b_record = b.services.beneficiaries.create({"first_name": "Karim", "last_name": "Aoun"})
    original = SyncEngine.verify
    interleaved = []

    def b_pushes_first(engine, report):
        if not interleaved:
            interleaved.append(True)
            assert b.sync().sent == 1  # b's own check runs through `original`
        return original(engine, report)

    monkeypatch.setattr(SyncEngine, "verify", b_pushes_first)
    report = a.sync()
    assert interleaved and report.digest_ok is True, report.warnings
    assert not any("differ from the server" in w for w in report.warnings)
    assert b_record.id in local_versions(a, BeneficiaryRow)  # pulled by the catch-up
