"""The live beneficiaries per caseworker as a maintained counter (issue 16 point 4).

"1,234 of N" counted N through ``ix_beneficiaries_live`` (migration 0005) at every login
and every change: at 330,000 beneficiaries that read the whole index into the page cache
(+16.7 MB RSS, 70 ms cold). ``live_counts`` holds one row per caseworker; the triggers
below keep it in the transaction of whatever writes ``beneficiaries`` (the services, sync
apply, merges, erasure), so the count cannot drift from the rows. The bulk path drops
``beneficiary_live_insert`` for a chunk and adds the chunk's counts in one statement, as
it does for the search index's trigger.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration stays as it was when it ran.
TRIGGERS = (
    """
    CREATE TRIGGER beneficiary_live_insert AFTER INSERT ON beneficiaries
    WHEN new.deleted_at IS NULL
    BEGIN
        INSERT INTO live_counts (caseworker_id, live) VALUES (new.caseworker_id, 1)
        ON CONFLICT (caseworker_id) DO UPDATE SET live = live + 1;
    END
    """,
    """
    CREATE TRIGGER beneficiary_live_delete AFTER DELETE ON beneficiaries
    WHEN old.deleted_at IS NULL
    BEGIN
        UPDATE live_counts SET live = live - 1 WHERE caseworker_id = old.caseworker_id;
    END
    """,
    """
    CREATE TRIGGER beneficiary_live_update AFTER UPDATE OF deleted_at, caseworker_id
    ON beneficiaries
    WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL
    BEGIN
        UPDATE live_counts SET live = live - 1
        WHERE caseworker_id = old.caseworker_id AND old.deleted_at IS NULL;
        INSERT INTO live_counts (caseworker_id, live)
        SELECT new.caseworker_id, 1 WHERE new.deleted_at IS NULL
        ON CONFLICT (caseworker_id) DO UPDATE SET live = live + 1;
    END
    """,
)


def upgrade() -> None:
    op.execute(
        "CREATE TABLE live_counts (caseworker_id VARCHAR(36) NOT NULL, live INTEGER NOT NULL, "
        "CONSTRAINT pk_live_counts PRIMARY KEY (caseworker_id)) WITHOUT ROWID"
    )
    op.execute(
        "INSERT INTO live_counts (caseworker_id, live) SELECT caseworker_id, count(*) "
        "FROM beneficiaries WHERE deleted_at IS NULL GROUP BY caseworker_id"
    )
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in ("beneficiary_live_update", "beneficiary_live_delete", "beneficiary_live_insert"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE live_counts")
