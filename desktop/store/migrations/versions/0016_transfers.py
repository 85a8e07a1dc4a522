"""Transfers of a case between caseworkers (desktop/services/transfers.py).

- ``transfers``: a beneficiary proposed by its caseworker (or a supervisor) to another
  caseworker, with a note; proposed until the receiver accepts or declines it (with a
  note) or the proposer cancels it. Synced like tasks (the SyncedColumns). It carries the
  case number and name the receiver decides on, so its beneficiary link has no foreign
  key: the receiver's laptop holds the transfer before it holds the case.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transfers",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("beneficiary_id", sa.String(36), nullable=False),
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("to_caseworker_id", sa.String(36), nullable=False),
        sa.Column("case_number", sa.String(50), nullable=False),
        sa.Column("beneficiary_name", sa.String(201), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("decision_note", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("server_version", sa.Integer),
        sa.Column("sync_status", sa.String(16), nullable=False),
        sa.Column("sync_error", sa.Text),
        sa.Column("invalid_fields", sa.Text),
        sa.Column("deleted_at", sa.DateTime),
        sa.Column("custom", sa.Text, nullable=False, server_default="{}"),
        sa.Column("form_version", sa.Integer, nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(
            ["caseworker_id"], ["users.id"], name="fk_transfers_caseworker_id_users"
        ),
        sa.ForeignKeyConstraint(
            ["to_caseworker_id"], ["users.id"], name="fk_transfers_to_caseworker_id_users"
        ),
    )
    op.create_index("ix_transfers_beneficiary_state", "transfers", ["beneficiary_id", "state"])
    op.create_index("ix_transfers_to_state", "transfers", ["to_caseworker_id", "state"])
    op.create_index("ix_transfers_from_state", "transfers", ["caseworker_id", "state"])
    op.create_index("ix_transfers_updated_at", "transfers", ["updated_at"])


def downgrade() -> None:
    op.drop_table("transfers")
