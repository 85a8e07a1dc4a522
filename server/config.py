"""Server settings, declared once with their defaults and read from arguments and environment."""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "caseload-server"
SECRET_FILE = "jwt-secret"
MIN_SECRET_BYTES = 32


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
    login_max_failures: int = 10
    login_window: timedelta = timedelta(minutes=15)
    max_push_changes: int = 500
    extra: dict = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path | None = None, dev: bool = False) -> ServerConfig:
        """Build the configuration from the data dir and the CASELOAD_* / DATABASE_URL env."""
        data_dir = Path(data_dir) if data_dir else default_data_dir()
        data_dir.mkdir(parents=True, exist_ok=True)
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'caseload.db'}"
        if database_url.startswith("postgresql://") or database_url.startswith("postgres://"):
            # psycopg 3 is the driver we ship; plain URLs would ask SQLAlchemy for psycopg2.
            database_url = "postgresql+psycopg://" + database_url.split("://", 1)[1]
        access_seconds = _env_int("CASELOAD_ACCESS_TOKEN_SECONDS", 0)
        access_minutes = _env_int("CASELOAD_ACCESS_TOKEN_MINUTES", 15)
        refresh_seconds = _env_int("CASELOAD_REFRESH_TOKEN_SECONDS", 0)
        refresh_days = _env_int("CASELOAD_REFRESH_TOKEN_DAYS", 14)
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
            login_max_failures=_env_int("CASELOAD_LOGIN_MAX_FAILURES", 10) or 10,
            login_window=timedelta(seconds=_env_int("CASELOAD_LOGIN_WINDOW_SECONDS", 900) or 900),
        )


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
    # O_EXCL: two servers starting at once must not overwrite each other's key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return load_jwt_secret(data_dir)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secret.hex() + "\n")
    log.info("generated a new JWT signing key in %s", path)
    return secret
