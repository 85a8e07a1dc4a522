"""PostgreSQL: sequence numbers from a SEQUENCE instead of the counter row.

Writers no longer hold one row lock from taking their numbers to their commit; the
change feed reads only below the oldest number a transaction still open may commit
(server/db.py, "PostgreSQL: numbers from a sequence"). The sequence continues from the
counter. SQLite keeps the counter row: its one writer at a time orders the numbers.

Numbers stay below 2**48: the rest of a 64-bit advisory lock key names the database's
sequence (server/db.py).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 17:30:00
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE caseload_seq AS bigint MINVALUE 1 MAXVALUE 281474976710655 CACHE 1")
    op.execute("SELECT setval('caseload_seq', value) FROM sync_counter WHERE id = 1 AND value > 0")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "UPDATE sync_counter SET value = (SELECT CASE WHEN is_called THEN last_value ELSE 0 END"
        " FROM caseload_seq) WHERE id = 1"
    )
    op.execute("DROP SEQUENCE caseload_seq")
