"""Closing a case records why: a reason from a list and a note.

Cases closed before this release keep no reason (none was asked); the audit log of every
later closure holds its reason and note.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("beneficiaries", sa.Column("closure_reason", sa.String(32), nullable=True))
    op.add_column(
        "beneficiaries",
        sa.Column("closure_note", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_column("beneficiaries", "closure_note")
    op.drop_column("beneficiaries", "closure_reason")
