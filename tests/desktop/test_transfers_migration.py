"""Store migration 0016: an older database gains the transfers table; its records stay,
and a transfer is written and read through the service on the migrated file."""

from __future__ import annotations

from sqlalchemy import inspect, text

from desktop.store.db import Database
from desktop.store.schema import current_revision, head_revision, migrate, upgrade


def test_an_older_database_gains_transfers_and_keeps_its_records(tmp_path):
    db = Database(tmp_path / "old.db", b"\x04" * 32)
    upgrade(db, "0013")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, username, username_key, display_name, role, active,"
                " created_at) VALUES ('u1', 'old', 'old', 'Old User', 'caseworker', 1,"
                " '2024-01-01 10:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO beneficiaries (id, case_number, first_name, last_name, phone, email,"
                " address, preferred_language, status, consent_given, notes, caseworker_id,"
                " created_at, created_by, updated_at, updated_by, version, sync_status)"
                " VALUES ('b1', 'OLD-1', 'Zoë', 'Ölçer', '', '', '', '', 'active', 0, '', 'u1',"
                " '2024-01-01 10:00:00', 'u1', '2024-01-01 10:00:00', 'u1', 1, 'synced')"
            )
        )
    assert "transfers" not in inspect(db.engine).get_table_names()
    migrate(db, tmp_path / "backups")
    assert current_revision(db) == head_revision()
    assert "transfers" in inspect(db.engine).get_table_names()
    with db.engine.begin() as connection:
        # A receiver's laptop holds a transfer of a case it does not hold: no foreign key
        # to the beneficiary (users are linked, and made as placeholders when unknown).
        connection.execute(
            text(
                "INSERT INTO transfers (id, beneficiary_id, caseworker_id, to_caseworker_id,"
                " case_number, beneficiary_name, note, state, decision_note, created_at,"
                " created_by, updated_at, updated_by, version, sync_status) VALUES ('t1',"
                " 'not-here', 'u1', 'u1', 'X-1', 'Someone', 'n', 'proposed', '',"
                " '2024-01-01 10:00:00', 'u1', '2024-01-01 10:00:00', 'u1', 1, 'synced')"
            )
        )
        names = connection.execute(text("SELECT first_name FROM beneficiaries")).scalars().all()
    db.close()
    assert names == ["Zoë"]
