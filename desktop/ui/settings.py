"""Settings declared once, with type and default, stored through QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_ID, APP_NAME


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    # Each local user keeps their own (list columns, sort order, splitter): the laptop
    # is shared, and one person's view must not become the next person's.
    per_user: bool = False


IDLE_LOCK_MINUTES = Setting("security/idle_lock_minutes", int, 5)
BACKUP_FOLDER = Setting("backup/folder", str, "")  # empty: the data folder's backups/
# On by default: a caseworker who never opens Settings still has yesterday's copy.
DAILY_BACKUP = Setting("backup/daily", bool, True)
LAST_USERNAME = Setting("login/last_username", str, "")
# A language code with a caseload_<code>.qm (``available_languages``); empty: the system's.
LANGUAGE = Setting("ui/language", str, "")
MAIN_GEOMETRY = Setting("window/main_geometry", QByteArray, QByteArray())
MAIN_STATE = Setting("window/main_state", QByteArray, QByteArray())
SPLITTER_STATE = Setting("window/splitter_state", QByteArray, QByteArray(), per_user=True)
CASELOAD_HEADER = Setting("window/caseload_header", QByteArray, QByteArray(), per_user=True)
SESSIONS_HEADER = Setting("window/sessions_header", QByteArray, QByteArray(), per_user=True)

MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


def available_languages() -> list[str]:
    """The interface languages shipped: English (the source) and each translation."""
    from desktop.resources import resource_path

    found = {
        path.stem.removeprefix("caseload_")
        for path in resource_path("translations").glob("caseload_*.qm")
    }
    return ["en", *sorted(found - {"en"})]


# Each language by its own name, as its speakers look for it. Qt's CLDR names name a
# country's variant ("español de España", "American English"), not the language.
NATIVE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "ar": "العربية"}


def language_name(code: str) -> str:
    from PySide6.QtCore import QLocale

    return NATIVE_NAMES.get(code) or QLocale(code).nativeLanguageName() or code


class Settings:
    """Typed access to QSettings. Tests hand in a QSettings on an ini file in tmp_path."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings(APP_NAME, APP_ID)

    @staticmethod
    def key_of(setting: Setting, user_id: str | None = None) -> str:
        if not setting.per_user:
            return setting.key
        if not user_id:
            raise ValueError(f"{setting.key} is kept per user: pass the user's id")
        return f"users/{user_id}/{setting.key}"

    def get(self, setting: Setting, user_id: str | None = None) -> Any:
        value = self.store.value(self.key_of(setting, user_id), setting.default)
        if value is None:
            return setting.default
        if setting.type is bool:
            if isinstance(value, str):
                return value.lower() in ("true", "1", "yes")
            return bool(value)
        if setting.type is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return setting.default
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else setting.default
        return setting.type(value)

    def set(self, setting: Setting, value: Any, user_id: str | None = None) -> None:
        self.store.setValue(self.key_of(setting, user_id), value)

    def sync(self) -> None:
        self.store.sync()

    @property
    def idle_lock_minutes(self) -> int:
        minutes = self.get(IDLE_LOCK_MINUTES)
        return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)
