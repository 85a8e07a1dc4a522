"""Where the database, key slots, backups and logs live (platformdirs, overridable)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop import APP_ID, APP_NAME

DATA_DIR_ENV = "CASELOAD_DATA_DIR"


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
            folder.mkdir(parents=True, exist_ok=True)
        # Personal data: keep the folder private to this OS account where the OS allows.
        with contextlib.suppress(OSError):
            os.chmod(self.root, 0o700)
