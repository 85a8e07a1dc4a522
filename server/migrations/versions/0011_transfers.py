"""Transfers of a case between caseworkers (server/transfers.py), synced like tasks.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 20:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transfers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("beneficiary_id", sa.String(length=36), nullable=False),
        sa.Column("caseworker_id", sa.String(length=36), nullable=False),
        sa.Column("to_caseworker_id", sa.String(length=36), nullable=False),
        sa.Column("case_number", sa.String(length=50), nullable=True),
        sa.Column("beneficiary_name", sa.String(length=201), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("organisation", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("sync_run", sa.String(length=64), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["beneficiary_id"], ["beneficiaries.id"]),
        sa.ForeignKeyConstraint(["caseworker_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["to_caseworker_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfers_beneficiary_id"), ["beneficiary_id"])
        batch_op.create_index(batch_op.f("ix_transfers_caseworker_id"), ["caseworker_id"])
        batch_op.create_index(batch_op.f("ix_transfers_to_caseworker_id"), ["to_caseworker_id"])
        batch_op.create_index(batch_op.f("ix_transfers_organisation"), ["organisation"])
        batch_op.create_index(batch_op.f("ix_transfers_seq"), ["seq"])


def downgrade() -> None:
    op.drop_table("transfers")
