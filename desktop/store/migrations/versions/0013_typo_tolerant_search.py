"""The search finds phone numbers however they are written.

- ``phone_search`` on beneficiaries: a generated (virtual, never stored) column holding
  the phone's digits and their last nine, "+47 965 750 464" -> "47965750464 965750464".
  It joins the search index, whose tokenizer would otherwise split the number at each
  space into "47", "965", … that "965750464" cannot match (the index and its triggers
  are made again with the new column list, then rebuilt from the table).

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-01
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Written out here, not imported: a migration stays as it was when it ran.
DIGITS = (
    "replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), "
    "'-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', '')"
)
PHONE_SEARCH = (
    "ALTER TABLE beneficiaries ADD COLUMN phone_search TEXT "
    f"GENERATED ALWAYS AS ({DIGITS} || ' ' || substr({DIGITS}, -9)) VIRTUAL"
)


def _search(columns: tuple[str, ...], updated: tuple[str, ...]) -> list[str]:
    """The external-content FTS5 index over ``columns`` and the triggers that keep it;
    the update trigger fires on ``updated`` (a generated column changes with its source)."""
    listed = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        "DROP TRIGGER IF EXISTS beneficiary_search_insert",
        "DROP TRIGGER IF EXISTS beneficiary_search_delete",
        "DROP TRIGGER IF EXISTS beneficiary_search_update",
        "DROP TABLE IF EXISTS beneficiary_search",
        f"CREATE VIRTUAL TABLE beneficiary_search USING fts5({listed}, "
        "content='beneficiaries', content_rowid='pk', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
        "CREATE TRIGGER beneficiary_search_insert AFTER INSERT ON beneficiaries BEGIN "
        f"INSERT INTO beneficiary_search(rowid, {listed}) VALUES (new.pk, {new}); END",
        "CREATE TRIGGER beneficiary_search_delete AFTER DELETE ON beneficiaries BEGIN "
        f"INSERT INTO beneficiary_search(beneficiary_search, rowid, {listed}) "
        f"VALUES ('delete', old.pk, {old}); END",
        "CREATE TRIGGER beneficiary_search_update "
        f"AFTER UPDATE OF {', '.join(updated)} ON beneficiaries "
        f"BEGIN INSERT INTO beneficiary_search(beneficiary_search, rowid, {listed}) "
        f"VALUES ('delete', old.pk, {old}); "
        f"INSERT INTO beneficiary_search(rowid, {listed}) VALUES (new.pk, {new}); END",
        "INSERT INTO beneficiary_search(beneficiary_search) VALUES ('rebuild')",
    ]


BEFORE = ("case_number", "first_name", "last_name", "id_number", "custom_search")
AFTER = (*BEFORE, "phone_search")


def upgrade() -> None:
    op.execute(PHONE_SEARCH)
    for statement in _search(AFTER, (*BEFORE, "phone")):
        op.execute(statement)


def downgrade() -> None:
    for statement in _search(BEFORE, BEFORE):
        op.execute(statement)
    op.execute("ALTER TABLE beneficiaries DROP COLUMN phone_search")
