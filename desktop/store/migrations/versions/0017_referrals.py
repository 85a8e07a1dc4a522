"""Referrals to another organisation (desktop/services/referrals.py).

- ``referrals``: a beneficiary referred to another organisation on the same server, with
  the person's consent recorded (who, when) and a note; proposed until the receiving
  organisation accepts or declines it (with its note), or it is withdrawn here. Synced
  like tasks (the SyncedColumns). No rows exist before this revision.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "referrals",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("beneficiary_id", sa.String(36), nullable=False),
        sa.Column("caseworker_id", sa.String(36), nullable=False),
        sa.Column("to_organisation", sa.String(100), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("consent_given", sa.Boolean, nullable=False),
        sa.Column("consent_at", sa.DateTime),
        sa.Column("consent_by", sa.String(36)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("decision_note", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime),
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
            ["beneficiary_id"],
            ["beneficiaries.id"],
            name="fk_referrals_beneficiary_id_beneficiaries",
        ),
        sa.ForeignKeyConstraint(
            ["caseworker_id"], ["users.id"], name="fk_referrals_caseworker_id_users"
        ),
    )
    op.create_index("ix_referrals_beneficiary", "referrals", ["beneficiary_id"])


def downgrade() -> None:
    op.drop_table("referrals")
