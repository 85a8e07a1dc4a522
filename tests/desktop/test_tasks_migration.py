"""Store migration 0012: every live, not cancelled follow-up of an older database becomes
an open task (with the id every laptop gives it), and the next follow-up is the earliest."""

from __future__ import annotations

from sqlalchemy import text

from desktop.domain.tasks import session_task_id
from desktop.store.db import Database
from desktop.store.schema import current_revision, head_revision, migrate, upgrade

SESSION = (
    "INSERT INTO case_sessions (id, beneficiary_id, caseworker_id, starts_at, duration_minutes,"
    " kind, location, status, summary, outcome, follow_up_on, created_at, created_by,"
    " updated_at, updated_by, version, sync_status) VALUES (:id, 'b1', 'u1', :starts, 60,"
    " 'office', '', :status, '', '', :follow_up, '2024-01-01 10:00:00', 'u1',"
    " '2024-01-01 10:00:00', 'u1', 1, 'synced')"
)


def test_old_follow_ups_become_tasks_and_the_next_follow_up_is_the_earliest(tmp_path):
    db = Database(tmp_path / "old.db", b"\x03" * 32)
    upgrade(db, "0010")
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
                " created_at, created_by, updated_at, updated_by, version, sync_status,"
                " next_follow_up_on) VALUES ('b1', 'OLD-1', 'Zoë', 'Ölçer', '', '', '', '',"
                " 'active', 0, '', 'u1', '2024-01-01 10:00:00', 'u1', '2024-01-01 10:00:00',"
                " 'u1', 1, 'synced', NULL)"
            )
        )
        for session_id, starts, status, follow_up in (
            ("s-old", "2024-01-01 10:00:00", "done", "2024-02-01"),
            ("s-cancelled", "2024-01-15 10:00:00", "cancelled", "2024-01-20"),
            ("s-latest", "2024-03-01 10:00:00", "done", None),
        ):
            connection.execute(
                text(SESSION),
                {"id": session_id, "starts": starts, "status": status, "follow_up": follow_up},
            )
    migrate(db, tmp_path / "backups")
    assert current_revision(db) == head_revision()
    with db.engine.connect() as connection:
        tasks = connection.execute(
            text("SELECT id, case_session_id, due_on, state, origin, caseworker_id FROM tasks")
        ).all()
        follow_up = connection.execute(
            text("SELECT next_follow_up_on FROM beneficiaries WHERE id = 'b1'")
        ).scalar()
    db.close()
    assert [tuple(t) for t in tasks] == [
        (session_task_id("s-old"), "s-old", "2024-02-01", "open", "session", "u1")
    ]
    # Before: the latest session's date (none) hid the overdue one.
    assert follow_up == "2024-02-01"
