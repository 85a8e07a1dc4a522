"""Record departures (reassigned away from a caseworker); idempotency answers without records.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-01 08:30:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    op.create_table(
        "record_departures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=False),
        sa.Column("caseworker_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["beneficiary_id"], ["beneficiaries.id"]),
        sa.ForeignKeyConstraint(["caseworker_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("beneficiary_id", "caseworker_id", "seq"):
        op.create_index(f"ix_record_departures_{column}", "record_departures", [column])
    # Stored answers copied the whole record (personal data, kept 90 days): drop it.
    connection = op.get_bind()
    table = sa.table(
        "idempotency_records", sa.column("id", sa.Integer), sa.column("result", sa.Text)
    )
    last = 0
    while True:
        rows = connection.execute(
            sa.select(table.c.id, table.c.result)
            .where(table.c.id > last)
            .order_by(table.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        for row_id, result in rows:
            answer = json.loads(result)
            if "record" in answer:
                answer.pop("record")
                connection.execute(
                    table.update().where(table.c.id == row_id).values(result=json.dumps(answer))
                )
        last = rows[-1][0]


def downgrade() -> None:
    # The stripped records cannot come back; a replay reads the current record either way.
    op.drop_table("record_departures")
