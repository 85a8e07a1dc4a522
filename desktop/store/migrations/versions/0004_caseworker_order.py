"""Caseworker column sorts through indexes.

Sorting the caseload by caseworker joined every beneficiary to its user and sorted them
all (70-140 ms at 100,000 beneficiaries). With users walked in (display_name, id) order
through a unique index and each caseworker's beneficiaries in pk order through
(caseworker_id, pk), the first page is read straight from the indexes (under 1 ms).

No ANALYZE: statistics taken on a young database (one user, no beneficiaries) or with
``analysis_limit`` sent every list query through the caseworker index and a full sort
(330 ms a page). The list query fixes its join order itself (services/beneficiaries.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_users_display_name", "users", ["display_name", "id"], unique=True)
    op.create_index("ix_beneficiaries_caseworker_pk", "beneficiaries", ["caseworker_id", "pk"])


def downgrade() -> None:
    op.drop_index("ix_beneficiaries_caseworker_pk", "beneficiaries")
    op.drop_index("ix_users_display_name", "users")
