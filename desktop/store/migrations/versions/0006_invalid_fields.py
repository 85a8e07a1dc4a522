"""Records from the server that break a rule of this laptop are kept and flagged.

``invalid_fields`` holds a JSON list of the field names a pulled record breaks (NULL:
none). The detail pane names them; an edit is checked on the fields it changes, so a
flagged record stays editable (services/record_checks.py).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("beneficiaries", sa.Column("invalid_fields", sa.Text(), nullable=True))
    op.add_column("case_sessions", sa.Column("invalid_fields", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("case_sessions", "invalid_fields")
    op.drop_column("beneficiaries", "invalid_fields")
