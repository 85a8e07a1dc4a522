"""The change feed's indexes: a beneficiary's owner columns with its seq.

A page of an organisation's (or a caseworker's) beneficiaries is an equality on the
owner column and a range on seq, in seq order: these indexes serve all three, so the
page reads what it returns on SQLite and PostgreSQL alike (server/feed.py).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 01:00:00
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_beneficiaries_organisation_seq", "beneficiaries", ["organisation", "seq"])
    op.create_index("ix_beneficiaries_caseworker_seq", "beneficiaries", ["caseworker_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_beneficiaries_caseworker_seq", table_name="beneficiaries")
    op.drop_index("ix_beneficiaries_organisation_seq", table_name="beneficiaries")
