"""Store migration 0017: an older database gains the referrals table, its records kept, and
a referral written after it reads back; the downgrade removes only the table."""

from __future__ import annotations

from sqlalchemy import inspect, text

from desktop.store.db import Database
from desktop.store.schema import (
    alembic_config,
    current_revision,
    head_revision,
    migrate,
    upgrade,
)
from desktop.store.tables import ReferralRow


def test_an_older_database_gains_the_referrals_table(tmp_path):
    db = Database(tmp_path / "old.db", b"\x05" * 32)
    upgrade(db, "0013")
    assert "referrals" not in inspect(db.engine).get_table_names()
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
    migrate(db, tmp_path / "backups")
    assert current_revision(db) == head_revision()
    columns = {c["name"] for c in inspect(db.engine).get_columns("referrals")}
    assert {c.name for c in ReferralRow.__table__.columns} == columns
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO referrals (id, beneficiary_id, caseworker_id, to_organisation, note,"
                " consent_given, consent_at, consent_by, state, decision_note, created_at,"
                " created_by, updated_at, updated_by, version, sync_status) VALUES ('r1', 'b1',"
                " 'u1', 'Other org', '', 1, '2024-02-01 09:00:00', 'u1', 'proposed', '',"
                " '2024-02-01 09:00:00', 'u1', '2024-02-01 09:00:00', 'u1', 1, 'pending')"
            )
        )
        kept = connection.execute(text("SELECT first_name FROM beneficiaries")).scalar()
    assert kept == "Zoë"
    from alembic import command

    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
    assert "referrals" not in inspect(db.engine).get_table_names()
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM beneficiaries")).scalar() == 1
    db.close()
