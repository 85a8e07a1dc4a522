"""Follow-up tasks (desktop/domain/tasks.py), and the next follow-up read from them.

- ``tasks``: a beneficiary's follow-up to do, assigned to a caseworker, due on a day,
  made by a session's follow-up date (``case_session_id``) or by hand; open, done (with a
  note) or dismissed (with a reason). Synced like sessions (the SyncedColumns).
- Every live, not cancelled session with a follow-up date gets its open task, with the id
  the write path gives it (uuid5 of the session's id in the namespace below: the same on
  every laptop, so two laptops' migrations name one task alike). They are not queued:
  each laptop that holds the session makes the same task, and the next change of the
  session or the task sends it.
- ``beneficiaries.next_follow_up_on`` becomes the earliest open task's due date (it was
  the latest session's follow-up date, which hid older overdue follow-ups).

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-01
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# desktop.domain.tasks.SESSION_TASK_NAMESPACE, written out: a migration keeps what it did.
SESSION_TASK_NAMESPACE = uuid.UUID("6f1b3c52-8a55-4a8e-9a52-3f0d6b1c7e21")
CHUNK = 5_000


def upgrade() -> None:
    op.create_table(
        "tasks",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("beneficiary_id", sa.String(36), nullable=False),
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("case_session_id", sa.String(36)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("done_note", sa.Text, nullable=False),
        sa.Column("dismissed_reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("server_version", sa.Integer),
        sa.Column("sync_status", sa.String(16), nullable=False),
        sa.Column("sync_error", sa.Text),
        sa.Column("invalid_fields", sa.Text),
        sa.Column("deleted_at", sa.DateTime),
        sa.Column("custom", sa.Text, nullable=False, server_default="{}"),
        sa.Column("form_version", sa.Integer, nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(
            ["beneficiary_id"], ["beneficiaries.id"], name="fk_tasks_beneficiary_id_beneficiaries"
        ),
        sa.ForeignKeyConstraint(
            ["caseworker_id"], ["users.id"], name="fk_tasks_caseworker_id_users"
        ),
    )
    op.create_index("ix_tasks_caseworker_state_due", "tasks", ["caseworker_id", "state", "due_on"])
    op.create_index(
        "ix_tasks_beneficiary_state_due", "tasks", ["beneficiary_id", "state", "due_on"]
    )
    op.create_index("ix_tasks_case_session", "tasks", ["case_session_id"])
    op.create_index("ix_tasks_updated_at", "tasks", ["updated_at"])
    connection = op.get_bind()
    rows = connection.exec_driver_sql(
        "SELECT s.id, s.beneficiary_id, b.caseworker_id, s.follow_up_on, s.created_at, "
        "s.created_by FROM case_sessions AS s JOIN beneficiaries AS b ON b.id = s.beneficiary_id "
        "WHERE s.deleted_at IS NULL AND s.status != 'cancelled' AND s.follow_up_on IS NOT NULL"
    ).all()
    insert = (
        "INSERT INTO tasks (id, beneficiary_id, caseworker_id, due_on, title, origin, "
        "case_session_id, state, done_note, dismissed_reason, created_at, created_by, "
        "updated_at, updated_by, version, sync_status) VALUES "
        "(?, ?, ?, ?, '', 'session', ?, 'open', '', '', ?, ?, ?, ?, 1, 'pending')"
    )
    for start in range(0, len(rows), CHUNK):
        connection.exec_driver_sql(
            insert,
            [
                (
                    str(uuid.uuid5(SESSION_TASK_NAMESPACE, sid)),
                    bid,
                    owner,
                    due,
                    sid,
                    created_at,
                    created_by,
                    created_at,
                    created_by,
                )
                for sid, bid, owner, due, created_at, created_by in rows[start : start + CHUNK]
            ],
        )
    op.execute(
        "UPDATE beneficiaries SET next_follow_up_on = (SELECT min(t.due_on) FROM tasks AS t "
        "WHERE t.beneficiary_id = beneficiaries.id AND t.deleted_at IS NULL "
        "AND t.state = 'open')"
    )


def downgrade() -> None:
    op.drop_table("tasks")
    op.execute(
        "UPDATE beneficiaries SET next_follow_up_on = (SELECT s.follow_up_on "
        "FROM case_sessions AS s WHERE s.beneficiary_id = beneficiaries.id "
        "AND s.deleted_at IS NULL AND s.status != 'cancelled' ORDER BY s.starts_at DESC LIMIT 1)"
    )
