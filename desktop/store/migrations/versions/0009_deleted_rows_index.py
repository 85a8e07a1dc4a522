"""An index of the soft-deleted beneficiaries, so a search's total is counted without a scan.

The search index lists deleted records too. The list's "N found" for a person who sees
every record is the search index's own match count minus the deleted records among the
matches; this partial index holds only those (a handful), so the subtraction reads a few
pages instead of the 100,000 live entries ``ix_beneficiaries_live`` has (8-30 ms at 100k).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_beneficiaries_deleted ON beneficiaries (pk) WHERE deleted_at IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_beneficiaries_deleted")
