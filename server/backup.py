"""`caseload-server backup FILE` and `restore FILE`, for SQLite and for PostgreSQL.

SQLite: the backup is made with SQLite's online backup API through the SQLCipher
connection, into a file opened with the same database key. SQLCipher copies the pages
under that key, so the backup is encrypted like the database; the API reads one snapshot
while the server keeps serving (`sqlcipher_export` would copy table by table, not one
snapshot, unless the caller held a read transaction around it). A restore copies the file
beside the database, checks it there (opens with the key, integrity check, a Caseload
schema of a known revision), brings it to the current revision, and only then moves it
over the database in one rename; the database it replaces is kept beside it as
`<name>.pre-restore`. The server must be stopped: a serving process holds a shared lock
on `<name>.lock` (server/__main__.py) and a restore refuses while it is held.

PostgreSQL: `pg_dump --format=custom` of the server's schema (the connection's current
schema), sealed as it is written with the backup key (server/sealed.py; the archive's
plain text never reaches the disk), and a restore that unseals it into `pg_restore` and
replays the result with `psql` in one transaction after dropping the schema's tables: an
error, a wrong key or a changed file leaves the database as it was. An unsealed archive
(a backup made before they were sealed) is still restored. pg_dump, pg_restore and psql
are found on PATH. The connection's password is passed in the environment, never on a
command line.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from server import sealed
from server.config import ConfigError, ServerConfig, load_backup_key, sqlite_path
from server.db import (
    SQLITE_SIDE_FILES,
    fsync_dir,
    key_pragma,
    make_engine,
    private_file,
    upgrade,
)

SQLITE_HEADER = b"SQLite format 3\x00"
PG_ARCHIVE_HEADER = b"PGDMP"
# Tables every Caseload server database has had since its first revision.
CASELOAD_TABLES = ("alembic_version", "users", "sync_counter")
PRE_RESTORE = ".pre-restore"
# libpq's environment variables for the URL query parameters a server URL may carry.
_PG_QUERY_ENV = {
    "options": "PGOPTIONS",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


class BackupError(Exception):
    """The backup or restore could not be done; nothing was changed."""


@dataclass(frozen=True)
class Done:
    revision: str
    size: int


def _revisions() -> set[str]:
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

    from server.db import MIGRATIONS_DIR

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {script.revision for script in ScriptDirectory.from_config(cfg).walk_revisions()}


def _refuse_existing(target: Path) -> None:
    if target.exists():
        raise BackupError(f"{target} exists; name a new file (a backup never overwrites one)")
    if not target.parent.is_dir():
        raise BackupError(f"{target.parent} is not a folder")


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial-{os.getpid()}")


def _publish(partial: Path, target: Path) -> None:
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    fsync_dir(target.parent)


# --- SQLite --------------------------------------------------------------------------


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextlib.contextmanager
def serving_lock(config: ServerConfig) -> Iterator[None]:
    """Held (shared) by a serving process on SQLite, so that a restore can tell."""
    database = sqlite_path(config.database_url)
    if database is None:
        yield
        return
    path = lock_path(database)
    private_file(path)
    with path.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield


def _open(path: Path, key: bytes) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path), isolation_level=None)
    connection.execute(key_pragma(key))
    return connection


def _check_sqlite(path: Path, key: bytes, what: str) -> str:
    """The Caseload revision of the encrypted database at `path`, or BackupError."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head == SQLITE_HEADER:
        raise BackupError(f"{what} is an unencrypted SQLite file, not a Caseload backup")
    if head.startswith(PG_ARCHIVE_HEADER):
        raise BackupError(f"{what} is a PostgreSQL backup; this server uses SQLite")
    connection = _open(path, key)
    try:
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlcipher3.DatabaseError as exc:
            raise BackupError(
                f"{what} cannot be opened with this server's database key: it was made with "
                "another key, or it is not a Caseload backup"
            ) from exc
        missing = [t for t in CASELOAD_TABLES if t not in tables]
        if missing:
            raise BackupError(f"{what} is not a Caseload backup (it has no {missing[0]} table)")
        check = connection.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise BackupError(f"{what} is damaged (SQLite's integrity check failed)")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    if row is None or row[0] not in _revisions():
        raise BackupError(
            f"{what} has a schema revision this server does not know "
            f"({row[0] if row else 'none'}); restore it with the server version that made it"
        )
    return row[0]


def _sqlite_backup(database: Path, key: bytes, target: Path) -> Done:
    _refuse_existing(target)
    partial = _partial(target)
    partial.unlink(missing_ok=True)
    private_file(partial)
    try:
        source = _open(database, key)
        copy = _open(partial, key)
        try:
            source.backup(copy)  # one step: one snapshot of the database
            copy.execute("PRAGMA journal_mode = DELETE").fetchone()  # one self-contained file
        finally:
            copy.close()
            source.close()
        revision = _check_sqlite(partial, key, "the new backup")
        _publish(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Done(revision, target.stat().st_size)


def _refuse_while_serving(database: Path) -> None:
    path = lock_path(database)
    if not path.exists():
        return
    with path.open("rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(
                "the server is running on this database; stop it, then restore"
            ) from None
        fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_restore(database: Path, key: bytes, source: Path) -> Done:
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    _refuse_while_serving(database)
    revision = _check_sqlite(source, key, str(source))
    staged = database.with_name(database.name + ".restoring")
    for leftover in (staged, *(staged.with_name(staged.name + s) for s in SQLITE_SIDE_FILES)):
        leftover.unlink(missing_ok=True)
    private_file(staged)
    try:
        shutil.copyfile(source, staged)
        _check_sqlite(staged, key, "the copied backup")
        engine = make_engine(f"sqlite:///{staged}", key)
        try:
            upgrade(engine)  # an older backup comes back at the current revision
        finally:
            engine.dispose()
        connection = _open(staged, key)
        try:
            connection.execute("PRAGMA journal_mode = DELETE").fetchone()  # WAL folded in
        finally:
            connection.close()
        with staged.open("rb+") as handle:
            os.fsync(handle.fileno())
        # The database being replaced, with its WAL, is kept whole beside it.
        kept = database.with_name(database.name + PRE_RESTORE)
        for suffix in ("", *SQLITE_SIDE_FILES):
            old = database.with_name(database.name + suffix)
            if old.exists():
                os.replace(old, kept.with_name(kept.name + suffix))
            else:
                kept.with_name(kept.name + suffix).unlink(missing_ok=True)
        os.replace(staged, database)
        fsync_dir(database.parent)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return Done(revision, database.stat().st_size)


# --- PostgreSQL ----------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not on PATH; install PostgreSQL's client programs "
            "(Debian: postgresql-client) in the version of the server or newer"
        )
    return found


def _pg_env(database_url: str) -> dict[str, str]:
    url = make_url(database_url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    for name, value in (
        ("PGHOST", url.host),
        ("PGPORT", url.port),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value is not None:
            env[name] = str(value)
    for key, value in url.query.items():
        if key not in _PG_QUERY_ENV:
            raise BackupError(f"the database URL's parameter {key} is not supported here")
        env[_PG_QUERY_ENV[key]] = value if isinstance(value, str) else value[-1]
    return env


def _run(args: list[str], env: dict[str, str], what: str, **kwargs) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def _schema_and_revision(engine: Engine) -> tuple[str, str | None]:
    with engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        has = connection.execute(
            text("SELECT to_regclass(quote_ident(:s) || '.alembic_version') IS NOT NULL"),
            {"s": schema},
        ).scalar_one()
        revision = (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            if has
            else None
        )
    return schema, revision


_LIST_ENTRY = re.compile(r"^\d+; \d+ \d+ (TABLE DATA|TABLE|SCHEMA) (\S+) (\S+)")


def _backup_key(config: ServerConfig, *, create: bool) -> bytes:
    try:
        return load_backup_key(config.data_dir, create=create)
    except ConfigError as exc:
        raise BackupError(str(exc)) from None


@dataclass(frozen=True)
class _Archive:
    """A PostgreSQL backup to read: sealed with `key`, or (older ones) a plain archive."""

    path: Path
    key: bytes | None

    def chunks(self) -> Iterator[bytes]:
        with self.path.open("rb") as handle:
            if self.key is None:
                yield from iter(lambda: handle.read(sealed.CHUNK), b"")
            else:
                yield from sealed.unseal(handle, self.key)


def _archive(path: Path, config: ServerConfig, what: str) -> _Archive:
    with path.open("rb") as handle:
        head = handle.read(16)
    if sealed.is_sealed(head):
        return _Archive(path, _backup_key(config, create=False))
    if head.startswith(PG_ARCHIVE_HEADER):
        return _Archive(path, None)
    kind = "an SQLite file" if head.startswith(b"SQLite") else "not a pg_dump archive"
    raise BackupError(f"{what} is not a Caseload PostgreSQL backup ({kind})")


def _run_fed(args: list[str], env: dict[str, str], what: str, archive: _Archive) -> str:
    """Runs a pg_restore reading the archive's plain text on its standard input; its
    output. Every chunk is checked, also those a program that stopped reading early
    did not need: a changed or cut backup is refused before anything uses its output."""
    process = subprocess.Popen(
        args, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    outputs: dict[str, bytes] = {}

    def drain(name: str, stream: Any) -> None:
        outputs[name] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(name, stream), daemon=True)
        for name, stream in (("out", process.stdout), ("err", process.stderr))
    ]
    for reader in readers:
        reader.start()
    assert process.stdin is not None
    try:
        feeding = True
        for chunk in archive.chunks():
            if feeding:
                try:
                    process.stdin.write(chunk)
                except BrokenPipeError:
                    feeding = False
    except sealed.SealError as exc:
        process.kill()
        raise BackupError(f"{what}: the backup {exc}; nothing was changed") from None
    finally:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
        process.wait()
        for reader in readers:
            reader.join()
    if process.returncode != 0:
        message = outputs.get("err", b"").decode(errors="replace").strip()
        raise BackupError(f"{what} failed: {message}")
    return outputs.get("out", b"").decode()


def _archive_tables(
    archive: _Archive, env: dict[str, str], what: str
) -> tuple[list[str], set[str]]:
    listing = _run_fed([_tool("pg_restore"), "--list"], env, f"reading {what}", archive)
    lines = listing.splitlines()
    tables: dict[str, set[str]] = {}
    for line in lines:
        match = _LIST_ENTRY.match(line)
        if match and match.group(1) == "TABLE":
            tables.setdefault(match.group(2), set()).add(match.group(3))
    schemas = [s for s, names in tables.items() if set(CASELOAD_TABLES) <= names]
    if len(schemas) != 1:
        raise BackupError(f"{what} is not a Caseload backup (no Caseload tables in it)")
    return lines, {schemas[0]}


def _dump_sealed(args: list[str], env: dict[str, str], target: Path, key: bytes) -> None:
    """Runs pg_dump writing to its standard output, sealed into `target` as it comes."""
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    errors: list[bytes] = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()), daemon=True)
    reader.start()
    assert process.stdout is not None
    stream: Iterable[bytes] = iter(lambda: process.stdout.read(sealed.CHUNK), b"")
    try:
        with target.open("wb") as out:
            sealed.seal(stream, out, key)
    finally:
        process.stdout.close()
        process.wait()
        reader.join()
    if process.returncode != 0:
        raise BackupError(f"pg_dump failed: {b''.join(errors).decode(errors='replace').strip()}")


def _pg_backup(config: ServerConfig, target: Path) -> Done:
    _refuse_existing(target)
    env = _pg_env(config.database_url)
    engine = make_engine(config.database_url)
    try:
        schema, revision = _schema_and_revision(engine)
    finally:
        engine.dispose()
    if revision is None:
        raise BackupError("the database has no Caseload tables yet (run `db upgrade` first)")
    key = _backup_key(config, create=True)
    partial = _partial(target)
    partial.unlink(missing_ok=True)
    private_file(partial)
    try:
        _dump_sealed(
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--schema={schema}",
            ],
            env,
            partial,
            key,
        )
        _archive_tables(_Archive(partial, key), env, "the new backup")
        _publish(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Done(revision, target.stat().st_size)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pg_restore(config: ServerConfig, source: Path) -> Done:
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    env = _pg_env(config.database_url)
    archive = _archive(source, config, str(source))
    lines, (archived,) = _archive_tables(archive, env, str(source))
    engine = make_engine(config.database_url)
    try:
        schema, _ = _schema_and_revision(engine)
        if archived != schema:
            raise BackupError(
                f"{source} holds the schema {archived}; this server's database uses {schema}"
            )
        with engine.connect() as connection:
            drops = [
                f"DROP {kind} IF EXISTS {_quote(schema)}.{_quote(name)} CASCADE;"
                for kind, query in (
                    ("TABLE", "SELECT tablename FROM pg_tables WHERE schemaname = :s"),
                    ("SEQUENCE", "SELECT sequencename FROM pg_sequences WHERE schemaname = :s"),
                )
                for name in connection.execute(text(query), {"s": schema}).scalars()
            ]
        # The schema itself stays (it may not be ours to drop); everything in it goes.
        kept = [line for line in lines if not re.match(r"^\d+; \d+ \d+ SCHEMA ", line)]
        listing = source.with_name(f".{source.name}.list-{os.getpid()}")
        listing.write_text("\n".join(kept) + "\n", encoding="utf-8")
        try:
            script = _run_fed(
                [
                    _tool("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    f"--use-list={listing}",
                    "--file=-",
                ],
                env,
                "pg_restore",
                archive,
            )
        finally:
            listing.unlink(missing_ok=True)
        _run(
            [_tool("psql"), "-X", "-q", "--single-transaction", "-v", "ON_ERROR_STOP=1"],
            env,
            "replaying the backup (nothing was changed)",
            input="\n".join(drops) + "\n" + script,
        )
        upgrade(engine)
        _, revision = _schema_and_revision(engine)
    finally:
        engine.dispose()
    return Done(revision or "", source.stat().st_size)


# --- the commands ----------------------------------------------------------------------


def backup(config: ServerConfig, target: Path) -> str:
    """Writes a backup to `target`; the line that says what was done."""
    database = sqlite_path(config.database_url)
    if database is not None:
        if config.db_key is None:
            raise BackupError("this SQLite database has no database key")
        done = _sqlite_backup(database, config.db_key, target)
        kind = "SQLite database (encrypted with the database key)"
    else:
        done = _pg_backup(config, target)
        kind = "PostgreSQL database (pg_dump custom format, sealed with the backup key)"
    return f"Backed up the {kind} at revision {done.revision} to {target} ({done.size} bytes)."


def restore(config: ServerConfig, source: Path) -> str:
    database = sqlite_path(config.database_url)
    if database is not None:
        if config.db_key is None:
            raise BackupError("this SQLite database has no database key")
        done = _sqlite_restore(database, config.db_key, source)
        return (
            f"Restored the SQLite database {database} from {source} (backup revision "
            f"{done.revision}); the replaced one is kept as {database.name}{PRE_RESTORE}."
        )
    done = _pg_restore(config, source)
    return f"Restored the PostgreSQL database from {source} (now at revision {done.revision})."
