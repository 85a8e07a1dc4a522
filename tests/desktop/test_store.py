"""The encrypted store: SQLCipher really on, pragmas, migrations, full-text search, backup."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, text

from desktop.errors import DatabaseCorrupt, DatabaseError
from desktop.store import db as store_db
from desktop.store.backup import backup_to, verify_backup
from desktop.store.db import Database, connect_raw
from desktop.store.schema import create_database, current_revision, head_revision, migrate, upgrade
from desktop.store.tables import Base


def test_created_file_is_not_plain_sqlite(tmp_path):
    path = tmp_path / "c.db"
    db, _key = create_database(path)
    db.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    plain = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT name FROM sqlite_master").fetchall()
    plain.close()


def test_connections_have_the_required_pragmas(tmp_path):
    db, _ = create_database(tmp_path / "c.db")
    with db.engine.connect() as connection:
        value = lambda pragma: connection.exec_driver_sql(f"PRAGMA {pragma}").scalar()  # noqa: E731
        assert value("journal_mode") == "wal"
        assert value("synchronous") == 2  # FULL
        assert value("foreign_keys") == 1
        assert value("busy_timeout") == 5000
        assert value("temp_store") == 2  # MEMORY
        assert value("cipher_version").startswith("4.")
    db.close()


def test_refuses_an_engine_without_encryption(tmp_path, monkeypatch):
    """If the driver were plain sqlite3, cipher_version is empty: refuse to run."""
    monkeypatch.setattr(store_db.sqlcipher3, "connect", sqlite3.connect)
    with pytest.raises(DatabaseError, match="no encryption"):
        connect_raw(tmp_path / "plain.db", b"k" * 32)


def test_wrong_key_does_not_open(tmp_path):
    db, _ = create_database(tmp_path / "c.db")
    db.close()
    with pytest.raises(DatabaseCorrupt):
        connect_raw(tmp_path / "c.db", b"x" * 32)


# The models' indexes on an expression (COLLATE NOCASE, the phone key) or with a WHERE:
# alembic cannot compare them, so the test checks that they exist by name.
EXPRESSION_INDEXES = {
    index.name
    for table in Base.metadata.tables.values()
    for index in table.indexes
    if any(not isinstance(part, Column) for part in index.expressions)
    or index.dialect_options["sqlite"]["where"] is not None
}


def _not_comparable(difference) -> bool:
    """The FTS5 shadow tables live outside the models; alembic cannot compare NOCASE indexes."""
    kind, thing = difference[0], difference[1]
    if kind == "remove_table":
        return thing.name.startswith("beneficiary_search")
    return kind in ("add_index", "remove_index") and thing.name in EXPRESSION_INDEXES


# SQLAlchemy cannot reflect the phone-key expression index; EXPRESSION_INDEXES covers it.
@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning"
)
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_schema_from_migrations_matches_the_models(tmp_path):
    db, _ = create_database(tmp_path / "c.db")
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [
            d for d in compare_metadata(context, Base.metadata) if not _not_comparable(d)
        ]
        indexes = set(
            connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            ).scalars()
        )
    db.close()
    assert differences == []
    assert indexes >= EXPRESSION_INDEXES


def test_upgrade_from_first_revision_keeps_every_row(tmp_path):
    path = tmp_path / "old.db"
    key = b"\x01" * 32
    db = Database(path, key)
    upgrade(db, "0001")
    assert current_revision(db) == "0001"
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, username, username_key, display_name, role, active,"
                " created_at) VALUES ('u1', 'Old', 'old', 'Old User', 'admin', 1,"
                " '2024-01-01 10:00:00')"
            )
        )
        for number in range(50):
            connection.execute(
                text(
                    "INSERT INTO beneficiaries (id, case_number, first_name, last_name, phone,"
                    " email, address, preferred_language, status, consent_given, notes,"
                    " caseworker_id, created_at, created_by, updated_at, updated_by, version,"
                    " sync_status) VALUES (:id, :case, :first, 'Ölçer', '', '', '', '', 'active',"
                    " 0, :notes, 'u1', '2024-01-01 10:00:00', 'u1', '2024-01-01 10:00:00', 'u1',"
                    " 1, 'synced')"
                ),
                {
                    "id": f"b{number}",
                    "case": f"OLD-{number:05d}",
                    "first": f"Zoë{number}",
                    "notes": "🙂",
                },
            )
    with db.engine.connect() as connection:
        before = connection.execute(text("SELECT * FROM beneficiaries ORDER BY pk")).all()
    backups = tmp_path / "backups"
    migrate(db, backups)
    assert current_revision(db) == head_revision()
    with db.engine.connect() as connection:
        after = connection.execute(text("SELECT * FROM beneficiaries ORDER BY pk")).all()
        found = connection.execute(
            text("SELECT count(*) FROM beneficiary_search WHERE beneficiary_search MATCH 'ölç*'")
        ).scalar()
    db.close()
    # Later migrations add columns at the end (0006: invalid_fields); every old value stays.
    assert [tuple(row[: len(before[0])]) for row in after] == [tuple(row) for row in before]
    assert found == 50  # rows written before the search index joined it
    (backup,) = backups.iterdir()
    verify_backup(backup, key)


def test_unit_of_work_rolls_back_without_commit(tmp_path):
    db, _ = create_database(tmp_path / "c.db")
    with db.write() as uow:
        uow.session.execute(text("INSERT INTO sync_state (key, value) VALUES ('a', '1')"))
    with db.write() as uow:
        uow.session.execute(text("INSERT INTO sync_state (key, value) VALUES ('b', '2')"))
        uow.commit()
    with db.read() as uow:
        keys = uow.session.execute(text("SELECT key FROM sync_state")).scalars().all()
    db.close()
    assert keys == ["b"]


def test_backup_is_encrypted_and_verified(tmp_path):
    db, key = create_database(tmp_path / "c.db")
    target = backup_to(db, tmp_path / "b" / "backup.db")
    db.close()
    assert not target.read_bytes().startswith(b"SQLite format 3")
    verify_backup(target, key)
    with pytest.raises(DatabaseError, match="not a backup of this database"):
        verify_backup(target, b"\x02" * 32)


def test_closed_database_forgets_the_key(tmp_path):
    db, _ = create_database(tmp_path / "c.db")
    db.close()
    with pytest.raises(DatabaseError, match="locked"):
        _ = db.key


def test_sqlcipher_has_fts5():
    connection = sqlcipher3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
    connection.close()


def test_dates_round_trip(office):
    services = office.services("cara")
    created = services.beneficiaries.create(
        {"first_name": "A", "last_name": "B", "date_of_birth": date(2000, 2, 29)}
    )
    assert services.beneficiaries.get(created.id).date_of_birth == date(2000, 2, 29)


def test_full_check_at_open_only_when_the_file_changed_since_a_clean_close(tmp_path, monkeypatch):
    from desktop.store import schema

    checks = []
    original = Database.integrity_problems

    def counting(self):
        checks.append(self.path)
        return original(self)

    monkeypatch.setattr(Database, "integrity_problems", counting)
    path = tmp_path / "c.db"
    db, key = create_database(path)
    db.close()  # clean close: stamp written
    schema.open_database(path, key).close()
    assert checks == []  # as the app left it: no full-file check
    other = connect_raw(path, key)  # another program writes to it and keeps it open
    other.execute("INSERT INTO sync_state (key, value) VALUES ('x', '1')")
    crashed = schema.open_database(path, key)
    assert len(checks) == 1
    crashed.engine.dispose()  # as if the process died: no clean close recorded
    other.close()
    schema.open_database(path, key).close()
    assert len(checks) == 2
    schema.open_database(path, key, check=True).close()
    assert len(checks) == 3


def test_head_revision_constant_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    from desktop.store.schema import HEAD_REVISION, alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_each_migration_script_is_named_after_its_revision():
    """HEAD_REVISION is read from the file names: a script named otherwise would hide."""
    from alembic.script import ScriptDirectory

    from desktop.store.schema import alembic_config

    for script in ScriptDirectory.from_config(alembic_config()).walk_revisions():
        assert Path(script.path).name.split("_", 1)[0] == script.revision, script.path


def cache_kib(db: Database) -> int:
    with db.read() as uow:
        return -uow.session.execute(text("PRAGMA cache_size")).scalar_one()


def test_a_larger_cache_is_given_while_asked_and_taken_back_after(tmp_path):
    db = Database(tmp_path / "cache.db", b"\x06" * 32)
    try:
        assert cache_kib(db) == store_db.CACHE_KIB
        with db.larger_cache(64):
            assert cache_kib(db) == 64 * 1024
            with db.write() as uow:  # a write's connection too
                size = uow.session.execute(text("PRAGMA cache_size")).scalar_one()
            assert size == -64 * 1024
        assert cache_kib(db) == store_db.CACHE_KIB
        with pytest.raises(RuntimeError):
            with db.larger_cache(64):
                raise RuntimeError("a failed load")
        assert cache_kib(db) == store_db.CACHE_KIB
    finally:
        db.close()
