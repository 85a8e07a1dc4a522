"""Server settings, declared once with their defaults and read from arguments and environment."""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url

from server.proxies import IpNetwork, parse_trusted_proxies

log = logging.getLogger(__name__)

APP_NAME = "caseload-server"
SECRET_FILE = "jwt-secret"
MIN_SECRET_BYTES = 32
# The SQLCipher key of the server's SQLite database (raw 256-bit key, hex, mode 0600).
DB_KEY_FILE = "db-key"
DB_KEY_ENV = "CASELOAD_DB_KEY"
DB_KEY_BYTES = 32
# The key that seals PostgreSQL backups (server/sealed.py): same form, made at the first.
BACKUP_KEY_FILE = "backup-key"
BACKUP_KEY_ENV = "CASELOAD_BACKUP_KEY"


class ConfigError(Exception):
    """A setting that makes starting impossible; the message is shown to the operator."""


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer") from exc
    if value < 0:
        raise ConfigError(f"{name} must not be negative")
    return value


LOG_FORMATS = ("text", "json")
LOG_FORMAT_ENV = "CASELOAD_LOG_FORMAT"
METRICS_TOKEN_ENV = "CASELOAD_METRICS_TOKEN"
MIN_METRICS_TOKEN = 16


def log_format_from_env() -> str:
    """CASELOAD_LOG_FORMAT: text lines (the default) or one JSON object a line."""
    value = (os.environ.get(LOG_FORMAT_ENV) or "text").strip().lower()
    if value not in LOG_FORMATS:
        raise ConfigError(f"{LOG_FORMAT_ENV} must be one of: {', '.join(LOG_FORMATS)}")
    return value


def _metrics_token() -> str | None:
    token = os.environ.get(METRICS_TOKEN_ENV) or None
    if token is not None and len(token) < MIN_METRICS_TOKEN:
        raise ConfigError(f"{METRICS_TOKEN_ENV} must be at least {MIN_METRICS_TOKEN} characters")
    return token


# Days an idempotency record is kept (`caseload-server db purge`, and at each start).
IDEMPOTENCY_KEEP_DAYS = 90


@dataclass
class ServerConfig:
    data_dir: Path
    database_url: str
    jwt_secret: bytes
    dev: bool = False
    access_token_ttl: timedelta = timedelta(minutes=15)
    refresh_token_ttl: timedelta = timedelta(days=14)
    # A used refresh token presented again within this window is refused without revoking
    # the family (two racing refreshes from one client); 0 means every replay is reuse.
    refresh_reuse_grace: timedelta = timedelta(seconds=0)
    # Login throttling (OWASP ASVS 4 2.2.1), all counted over `login_window`: after
    # `login_free_attempts` failures of one client on one account, and after
    # `login_client_free_attempts` failures of one client on any accounts, each further
    # attempt waits `login_first_delay` (1 s), then twice as long each time, up to
    # `login_max_delay`; an account refuses every
    # client after `login_max_failures` failures (the ceiling an attacker must pay for).
    login_max_failures: int = 100
    login_window: timedelta = timedelta(hours=1)
    login_free_attempts: int = 5
    login_client_free_attempts: int = 50
    login_first_delay: timedelta = timedelta(seconds=1)
    login_max_delay: timedelta = timedelta(minutes=15)
    # X-Forwarded-For is read only from these peers (CASELOAD_TRUSTED_PROXIES).
    trusted_proxies: tuple[IpNetwork, ...] = ()
    # The web console's session cookie is Secure; CASELOAD_CONSOLE_PLAIN_HTTP=1 drops the
    # flag for plain-http requests from and to a loopback address only (development, tests).
    console_plain_http: bool = False
    # The SQLCipher key of a SQLite database; None for PostgreSQL.
    db_key: bytes | None = None
    max_push_changes: int = 500
    log_format: str = "text"
    # /metrics answers only requests bearing this token; None: anyone who reaches it.
    metrics_token: str | None = None
    # Redis holding the rate-limit counters shared by all server processes
    # (CASELOAD_REDIS_URL, redis://host:6379/0); None: each process counts alone, in memory.
    redis_url: str | None = None
    # Requests per client address (server/limits.py), in the limits library's notation
    # ("3000 per minute", several with ";"); "off" (or empty) turns one off.
    rate_limit_api: str | None = "3000 per minute"
    rate_limit_login: str | None = "60 per minute"
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path | None = None, dev: bool = False) -> ServerConfig:
        """Build the configuration from the data dir and the CASELOAD_* / DATABASE_URL env."""
        data_dir = Path(data_dir) if data_dir else default_data_dir()
        make_private_dir(data_dir)
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'caseload.db'}"
        if database_url.startswith("postgresql://") or database_url.startswith("postgres://"):
            # psycopg 3 is the driver we ship; plain URLs would ask SQLAlchemy for psycopg2.
            database_url = "postgresql+psycopg://" + database_url.split("://", 1)[1]
        access_seconds = _env_int("CASELOAD_ACCESS_TOKEN_SECONDS", 0)
        access_minutes = _env_int("CASELOAD_ACCESS_TOKEN_MINUTES", 15)
        refresh_seconds = _env_int("CASELOAD_REFRESH_TOKEN_SECONDS", 0)
        refresh_days = _env_int("CASELOAD_REFRESH_TOKEN_DAYS", 14)
        try:
            trusted_proxies = parse_trusted_proxies(os.environ.get("CASELOAD_TRUSTED_PROXIES", ""))
        except ValueError as exc:
            raise ConfigError(f"CASELOAD_TRUSTED_PROXIES: {exc}") from exc
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            jwt_secret=load_jwt_secret(data_dir),
            dev=dev,
            access_token_ttl=timedelta(seconds=access_seconds)
            if access_seconds
            else timedelta(minutes=access_minutes),
            refresh_token_ttl=timedelta(seconds=refresh_seconds)
            if refresh_seconds
            else timedelta(days=refresh_days),
            refresh_reuse_grace=timedelta(
                seconds=_env_int("CASELOAD_REFRESH_REUSE_GRACE_SECONDS", 0)
            ),
            login_max_failures=_env_int("CASELOAD_LOGIN_MAX_FAILURES", 100) or 100,
            login_window=timedelta(seconds=_env_int("CASELOAD_LOGIN_WINDOW_SECONDS", 3600) or 3600),
            login_free_attempts=_env_int("CASELOAD_LOGIN_FREE_ATTEMPTS", 5) or 5,
            login_client_free_attempts=_env_int("CASELOAD_LOGIN_CLIENT_FREE_ATTEMPTS", 50) or 50,
            login_first_delay=timedelta(
                seconds=_env_int("CASELOAD_LOGIN_FIRST_DELAY_SECONDS", 1) or 1
            ),
            login_max_delay=timedelta(
                seconds=_env_int("CASELOAD_LOGIN_MAX_DELAY_SECONDS", 900) or 900
            ),
            trusted_proxies=trusted_proxies,
            console_plain_http=os.environ.get("CASELOAD_CONSOLE_PLAIN_HTTP") == "1",
            db_key=_db_key_for(database_url, data_dir),
            log_format=log_format_from_env(),
            metrics_token=_metrics_token(),
            redis_url=_redis_url(),
            rate_limit_api=_rate_limit("CASELOAD_RATE_LIMIT_API", cls.rate_limit_api),
            rate_limit_login=_rate_limit("CASELOAD_RATE_LIMIT_LOGIN", cls.rate_limit_login),
        )


def _redis_url() -> str | None:
    raw = os.environ.get("CASELOAD_REDIS_URL", "").strip()
    if not raw:
        return None
    if not raw.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("CASELOAD_REDIS_URL must start with redis://, rediss:// or unix://")
    return raw


def _rate_limit(name: str, default: str | None) -> str | None:
    """A CASELOAD_RATE_LIMIT_* value: None when turned off, ConfigError when unreadable."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    if raw.lower() in ("", "off"):
        return None
    from limits import parse_many

    try:
        parse_many(raw)
    except ValueError as exc:
        raise ConfigError(f'{name} must be like "3000 per minute" or "off" (got {raw!r})') from exc
    return raw


def load_jwt_secret(data_dir: Path) -> bytes:
    """The signing key: CASELOAD_JWT_SECRET, else a file made on first start (mode 0600)."""
    from_env = os.environ.get("CASELOAD_JWT_SECRET")
    if from_env:
        secret = from_env.encode("utf-8")
        if len(secret) < MIN_SECRET_BYTES:
            raise ConfigError(f"CASELOAD_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes")
        return secret
    path = data_dir / SECRET_FILE
    if path.exists():
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(secret) < MIN_SECRET_BYTES:
            raise ConfigError(f"{path} holds a key shorter than {MIN_SECRET_BYTES} bytes")
        return secret
    secret = secrets.token_bytes(MIN_SECRET_BYTES)
    if not _write_new_key_file(path, secret):
        return load_jwt_secret(data_dir)
    log.info("generated a new JWT signing key in %s", path)
    return secret


def sqlite_path(database_url: str) -> Path | None:
    """The file of a SQLite URL; None for PostgreSQL and in-memory databases."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _db_key_for(database_url: str, data_dir: Path) -> bytes | None:
    database = sqlite_path(database_url)
    return None if database is None else load_db_key(data_dir, database)


def make_private_dir(path: Path) -> None:
    """The data folder, 0700 whatever the umask (an older server's 0755 one is tightened)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
        log.info("restricted %s to its owner (mode 0700)", path)


def _write_new_key_file(path: Path, key: bytes) -> bool:
    """Writes `key` as hex to a new file, mode 0600; False when it exists already."""
    # O_EXCL: two servers starting at once must not overwrite each other's key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return True


def _hex_key(text: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        key = b""
    if len(key) != DB_KEY_BYTES:
        raise ConfigError(f"{where} must hold {DB_KEY_BYTES * 2} hexadecimal characters")
    return key


def _known_key(variable: str, path: Path) -> bytes | None:
    """The key in the environment variable (hex), else in its file; None: neither."""
    from_env = os.environ.get(variable)
    if from_env:
        return _hex_key(from_env, variable)
    if path.exists():
        return _hex_key(path.read_text(encoding="ascii"), str(path))
    return None


def load_db_key(data_dir: Path, database: Path) -> bytes:
    """The SQLite database's key: CASELOAD_DB_KEY (hex), else the data folder's key file.

    The file is made on first start (mode 0600). It is not made next to an existing
    encrypted database: a new key could not open it, and the message must say the key
    file is missing rather than that the key is wrong.
    """
    path = data_dir / DB_KEY_FILE
    known = _known_key(DB_KEY_ENV, path)
    if known is not None:
        return known
    if database.exists() and database.stat().st_size > 0 and not is_plain_sqlite(database):
        raise ConfigError(
            f"{database} is encrypted but its key file {path} is missing: restore the key "
            f"file from your backup, or set {DB_KEY_ENV}"
        )
    key = secrets.token_bytes(DB_KEY_BYTES)
    if not _write_new_key_file(path, key):
        return load_db_key(data_dir, database)
    log.info("generated a new database key in %s (back it up: without it the data is lost)", path)
    return key


def load_backup_key(data_dir: Path, *, create: bool) -> bytes:
    """The key of the PostgreSQL backups: CASELOAD_BACKUP_KEY (hex), else the data
    folder's key file, made by the first backup (`create`) with mode 0600."""
    path = data_dir / BACKUP_KEY_FILE
    known = _known_key(BACKUP_KEY_ENV, path)
    if known is not None:
        return known
    if not create:
        raise ConfigError(
            f"the backup is sealed but the backup key file {path} is missing: copy it "
            f"from where you keep the server's keys, or set {BACKUP_KEY_ENV}"
        )
    if not _write_new_key_file(path, secrets.token_bytes(DB_KEY_BYTES)):
        return load_backup_key(data_dir, create=False)
    log.info("generated a new backup key in %s (keep a copy apart from the backups)", path)
    return load_backup_key(data_dir, create=False)


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (an older server's), by its fixed header."""
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"
