"""The sync's digest check reads indexes, not rows (issue 16 points 1 and 4).

Every sync ends by comparing a digest of the live records' (id, server version) with the
server's (desktop/sync/verify.py). Without these it read every beneficiary's and every
session's row, decrypting the whole of both tables: 26 s of a 100,000 / 1,000,000
laptop's first sync (py-spy), and again at every later sync. Partial on live rows and
holding ``deleted_at`` (as migration 0018's index does), so that the check reads only
index pages: the beneficiaries in id order, each one's live sessions beside each other.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_beneficiaries_digest ON beneficiaries "
        "(id, server_version, deleted_at, caseworker_id) WHERE deleted_at IS NULL"
    )
    op.execute(
        "CREATE INDEX ix_case_sessions_digest ON case_sessions "
        "(beneficiary_id, id, server_version, deleted_at) WHERE deleted_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_case_sessions_digest")
    op.execute("DROP INDEX ix_beneficiaries_digest")
