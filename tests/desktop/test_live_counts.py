"""The live beneficiaries per caseworker (migration 0019): the "of N" of the list, kept by
triggers in the transaction of every write, equal to a count of the rows after each one."""

from __future__ import annotations

from sqlalchemy import text

from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.store.tables import new_id, utcnow

COUNTED = (
    "SELECT caseworker_id, count(*) FROM beneficiaries WHERE deleted_at IS NULL "
    "GROUP BY caseworker_id"
)


def kept(login) -> dict[str, int]:
    with login.db.read() as uow:
        rows = uow.session.execute(text("SELECT caseworker_id, live FROM live_counts"))
        return {owner: live for owner, live in rows if live}


def counted(login) -> dict[str, int]:
    with login.db.read() as uow:
        return dict(uow.session.execute(text(COUNTED)).all())


def assert_kept(login) -> None:
    assert kept(login) == counted(login)


def test_the_counter_follows_create_reassign_delete_and_merge(office):
    admin = office.services("admin")
    cara = office.services("cara")
    session = office.login("admin")  # reads the counter and the rows
    people = [
        cara.beneficiaries.create({"first_name": f"Person{n}", "last_name": "Haddad"})
        for n in range(5)
    ]
    assert_kept(session)
    assert cara.beneficiaries.count_visible() == 5
    assert admin.beneficiaries.count_visible() == 5

    colin = next(u for u in admin.users.caseworkers() if u.username == "colin")
    admin.beneficiaries.reassign(people[0].id, colin.id)
    assert_kept(session)
    assert cara.beneficiaries.count_visible() == 4

    admin.beneficiaries.delete(people[1].id)
    assert_kept(session)
    assert admin.beneficiaries.count_visible() == 4

    sam = office.services("sam")
    event = sam.merges.merge(people[2].id, people[3].id)
    assert_kept(session)
    assert admin.beneficiaries.count_visible() == 3
    sam.merges.undo(event.id)
    assert_kept(session)
    assert admin.beneficiaries.count_visible() == 4


def test_the_counter_follows_the_bulk_path_and_raw_sql_writes(office):
    """The bulk path adds a chunk's counts at once; sync apply and erasure write rows
    with SQL of their own (inserts, tombstones, revivals, hard deletes): the triggers
    count those too."""
    admin = office.services("admin")
    session = office.login("admin")
    owners = [u.id for u in admin.users.caseworkers()]
    BulkImporter(session.db, session.actor, chunk_size=7).import_records(
        demo_records(30, 1, seed=3), total=30, caseworker_ids=owners
    )
    assert_kept(session)
    assert admin.beneficiaries.count_visible() == 30

    now = utcnow()
    pulled = new_id()
    with session.db.write() as uow:
        connection = uow.session.connection()
        connection.exec_driver_sql(
            "INSERT INTO beneficiaries (id, case_number, first_name, last_name, caseworker_id, "
            "gender, status, consent_given, preferred_language, phone, email, address, notes, "
            "created_at, created_by, updated_at, updated_by, version, sync_status, custom, "
            "custom_search, form_version) "
            "SELECT ?, 'PULL-1', 'Pulled', 'Person', ?, gender, status, consent_given, "
            "preferred_language, phone, email, address, notes, created_at, created_by, "
            "updated_at, updated_by, 1, 'synced', custom, custom_search, form_version "
            "FROM beneficiaries LIMIT 1",
            (pulled, owners[0]),
        )
        uow.commit()
    assert_kept(session)
    assert admin.beneficiaries.count_visible() == 31

    with session.db.write() as uow:  # a deletion pulled from the server: a tombstone
        uow.session.execute(
            text("UPDATE beneficiaries SET deleted_at = :now WHERE id = :id"),
            {"now": now, "id": pulled},
        )
        uow.commit()
    assert_kept(session)
    with session.db.write() as uow:  # the same record pulled back alive, another owner
        uow.session.execute(
            text("UPDATE beneficiaries SET deleted_at = NULL, caseworker_id = :o WHERE id = :id"),
            {"o": owners[1], "id": pulled},
        )
        uow.commit()
    assert_kept(session)
    with session.db.write() as uow:  # erased for good
        uow.session.execute(text("DELETE FROM beneficiaries WHERE id = :id"), {"id": pulled})
        uow.commit()
    assert_kept(session)
    assert admin.beneficiaries.count_visible() == 30


def test_the_demo_defers_its_indexes_and_makes_them_again(office):
    """`caseload demo`'s bulk load leaves the random-order indexes out until its end; a
    load killed midway has them made again at the next open."""
    from desktop.store import deferred_indexes

    session = office.login("admin")
    with session.db.read() as uow:
        before = set(
            uow.session.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
            .scalars()
            .all()
        )
    BulkImporter(session.db, session.actor, chunk_size=5, defer_indexes=True).import_records(
        demo_records(12, 2, seed=5), total=12
    )
    with session.db.read() as uow:
        after = set(
            uow.session.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
            .scalars()
            .all()
        )
        assert not deferred_indexes.pending(uow.session.connection())
    assert after == before
    assert_kept(session)

    with session.db.write() as uow:  # a load killed after dropping them
        dropped = deferred_indexes.drop(uow.session.connection(), ("case_sessions",))
        uow.commit()
    assert "ix_case_sessions_caseworker_starts" in dropped
    assert "ix_case_sessions_beneficiary_starts" not in dropped  # a parent's id: kept
    assert "ix_case_sessions_digest" in dropped  # also a parent's id, declared deferrable
    session.close()
    reopened = office.login("admin")
    with reopened.db.read() as uow:
        names = set(
            uow.session.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
            .scalars()
            .all()
        )
    assert names == before
