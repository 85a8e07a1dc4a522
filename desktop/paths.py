"""Where the database, key slots, backups and logs live (platformdirs, overridable)."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop import APP_ID, APP_NAME

DATA_DIR_ENV = "CASELOAD_DATA_DIR"
# Personal data: files readable and folders enterable by this OS account only, whatever
# the umask (a umask of 022 would otherwise leave them readable by every local user).
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


@dataclass(frozen=True)
class DataPaths:
    """Every file the desktop app keeps, below one root folder."""

    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        """``--data-dir`` wins, then ``CASELOAD_DATA_DIR``, then the platform's user data dir."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)))

    @property
    def database(self) -> Path:
        return self.root / f"{APP_ID}.db"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def login_attempts(self) -> Path:
        return self.root / "login-attempts.json"

    @property
    def config(self) -> Path:
        return self.root / "config.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> None:
        for folder in (self.root, self.backups, self.logs):
            make_private_dir(folder)


def make_private_dir(folder: Path) -> None:
    """Creates ``folder`` (and missing parents) and makes it 0700 where the OS allows."""
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not the owner, or an OS without these bits
        os.chmod(folder, PRIVATE_DIR_MODE)


def make_private(path: Path) -> None:
    """Makes an existing file 0600 (files made by earlier versions, or by SQLite)."""
    with contextlib.suppress(OSError):  # gone, or not ours to change: nothing to tighten
        if path.stat().st_mode & 0o777 != PRIVATE_FILE_MODE:
            os.chmod(path, PRIVATE_FILE_MODE)


def create_private_file(path: Path) -> None:
    """Creates ``path`` empty with mode 0600 before anything else writes it; it must be new.

    SQLite creates a database 0644 minus the umask, and its -wal and -shm files take the
    database file's mode: a database file made here first keeps all three private.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        if hasattr(os, "fchmod"):  # a umask such as 0277 takes bits 0600 needs
            os.fchmod(fd, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)


def private_copy(source: Path, target: Path) -> None:
    """Copies ``source`` to a new or replaced ``target`` that is 0600 from its first byte."""
    target.unlink(missing_ok=True)
    create_private_file(target)
    with open(source, "rb") as reading, open(target, "r+b") as writing:
        shutil.copyfileobj(reading, writing, 1024 * 1024)
        writing.flush()
        os.fsync(writing.fileno())
