"""The overdue-tasks report's index: open tasks by caseworker and due date, partial on
live tasks and holding ``deleted_at`` (as migration 0011's report indexes do) so that the
count reads no task row. Through ix_tasks_caseworker_state_due it read every overdue
task's row to test ``deleted_at``: 1.1 s at 450,000 tasks; through this, tens of ms.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_tasks_report_overdue ON tasks "
        "(caseworker_id, state, due_on, deleted_at) WHERE deleted_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_tasks_report_overdue")
