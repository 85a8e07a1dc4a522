"""Store migration 0014: an older database gains the household links table (empty, with
its indexes), keeps its records, and a household can be formed in it afterwards."""

from __future__ import annotations

from sqlalchemy import inspect, text

from desktop.store.db import Database
from desktop.store.schema import current_revision, head_revision, migrate, upgrade


def test_an_older_database_gains_household_links_and_keeps_its_records(tmp_path):
    db = Database(tmp_path / "old.db", b"\x04" * 32)
    upgrade(db, "0013")
    assert "household_links" not in inspect(db.engine).get_table_names()
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
                " VALUES ('b1', 'OLD-1', 'سارة', 'Haddad', '', '', '', '', 'active', 0, '',"
                " 'u1', '2024-01-01 10:00:00', 'u1', '2024-01-01 10:00:00', 'u1', 1, 'synced')"
            )
        )
    migrate(db, tmp_path / "backups")
    assert current_revision(db) == head_revision()
    found = inspect(db.engine)
    assert {i["name"] for i in found.get_indexes("household_links")} == {
        "ix_household_links_household",
        "ix_household_links_beneficiary",
        "ix_household_links_updated_at",
    }
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO household_links (id, beneficiary_id, household_id, relationship,"
                " is_head, created_at, created_by, updated_at, updated_by, version, sync_status)"
                " VALUES ('l1', 'b1', 'h1', 'parent', 1, '2024-01-01 10:00:00', 'u1',"
                " '2024-01-01 10:00:00', 'u1', 1, 'pending')"
            )
        )
        kept = connection.execute(text("SELECT first_name FROM beneficiaries")).scalar()
        link = connection.execute(
            text("SELECT custom, form_version, relationship FROM household_links")
        ).one()
    db.close()
    assert kept == "سارة"
    assert tuple(link) == ("{}", 0, "parent")
