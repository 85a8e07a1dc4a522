"""Help menu: the user manual shipped with the app (offline), and "Copy diagnostics"."""

from __future__ import annotations

import logging
import platform
import re
import sys
from collections.abc import Iterable
from logging.handlers import RotatingFileHandler
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import __version__
from desktop.paths import DataPaths
from desktop.resources import resource_path
from desktop.services import Services

log = logging.getLogger(__name__)

FALLBACK_LANGUAGE = "en"
LOG_LINES = 50


# -- the manual -------------------------------------------------------------------------------


def ui_language() -> str:
    """The language the app speaks: its loaded translation's, else the system's (``fr``)."""
    app = QCoreApplication.instance()
    translator = getattr(app, "_caseload_translator", None)
    name = translator.language() if translator is not None else ""
    if not name:
        name = QLocale().name()
    return re.split(r"[_-]", name or FALLBACK_LANGUAGE)[0].lower() or FALLBACK_LANGUAGE


def manual_path(language: str | None = None) -> Path:
    """resources/manual/manual_<lang>.md; a language without its manual yet reads English."""
    language = language or ui_language()
    path = resource_path("manual", f"manual_{language}.md")
    if path.is_file():
        return path
    return resource_path("manual", f"manual_{FALLBACK_LANGUAGE}.md")


class ManualDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, language: str | None = None):
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle(self.tr("Caseload user manual"))
        self.resize(760, 600)
        self.path = manual_path(language)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manualText")
        self.browser.setAccessibleName(self.tr("User manual"))
        self.browser.setOpenExternalLinks(False)  # offline: nothing leaves the laptop
        self.browser.setMarkdown(self.path.read_text(encoding="utf-8"))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.browser.setFocus()


# -- diagnostics --------------------------------------------------------------------------------

# The log is written to hold ids only; these drop a line that leaked anything else anyway.
_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I)
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)?")
_PERSONAL = (
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"(?<![\w.])\+?\d(?:[\s().-]*\d){6,}"),  # phone: 7+ digits, any separators
    # A personal field with a value: name=…, 'last_name': …, "phone": …
    re.compile(
        r"\b(?:\w*name|date_of_birth|dob|phone|e-?mail|address|notes?|summary|outcome)"
        r"\b['\"]?\s*[:=]",
        re.I,
    ),
    re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b"),  # "Amina Haddad": messages are lower case
    re.compile(r"[^\x00-\x7f]"),  # messages are ASCII English: other letters are data
)
_SECRET = (
    re.compile(
        r"\b(?:password|passwd|passphrase|token|secret|api[_-]?key|data[_-]?key|cookie)s?"
        r"\b['\"]?\s*[:=]",
        re.I,
    ),
    re.compile(r"\b(?:authorization|bearer)\b", re.I),
    re.compile(r"\beyJ[\w-]{8,}"),  # a JWT
    re.compile(r"[A-Za-z0-9+/_=-]{32,}"),  # any long opaque string (keys, tokens)
)


def is_safe_log_line(line: str) -> bool:
    """False for a line that holds (or looks like it holds) personal data or a secret."""
    # Ids and the timestamp are expected and would look like phone numbers or tokens.
    masked = _TIMESTAMP.sub("T", _UUID.sub("ID", line))
    return not any(p.search(masked) for p in (*_PERSONAL, *_SECRET))


def safe_log_tail(lines: Iterable[str], count: int = LOG_LINES) -> tuple[list[str], int]:
    """The last ``count`` lines with unsafe ones left out, and how many were left out."""
    tail = list(lines)[-count:]
    kept = [line for line in tail if is_safe_log_line(line)]
    return kept, len(tail) - len(kept)


def log_file(paths: DataPaths) -> Path | None:
    """The file the app's logging writes to (its handler knows), else the data folder's."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    found = sorted(paths.logs.glob("*.log"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def _read_tail(path: Path, max_bytes: int = 64_000) -> list[str]:
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - max_bytes))
        text = handle.read().decode("utf-8", errors="replace")
    lines = text.splitlines()
    return lines[1:] if size > max_bytes else lines  # the first may be cut in half


def diagnostics_text(services: Services) -> str:
    """What support needs to help, without a name, a contact or a secret in it."""
    facts = services.maintenance.diagnostics()
    sync = services.sync.overview()
    lines = [
        f"Caseload {__version__}",
        f"Python {platform.python_version()} ({sys.implementation.name})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"SQLCipher {facts['sqlcipher_version']}",
        f"Platform {platform.platform()} ({platform.machine()})",
        f"Locale {QLocale().name()}, interface language {ui_language()}",
        f"Database schema revision {facts['schema_revision']}",
        f"Role {services.actor.role.value}",
        f"Beneficiaries {facts['beneficiaries']}",
        f"Sessions {facts['case_sessions']}",
        f"Pending changes {facts['pending_changes']}",
        f"Sync errors {sync.errors}, unresolved conflicts {sync.conflicts}",
        f"Last sync {sync.last_sync_at or 'never'}",
        f"Last sync summary {sync.last_summary or '-'}",
        f"Last backup {facts['last_backup_at'] or 'never'}",
    ]
    path = log_file(services.paths)
    if path is None or not path.is_file():
        lines.append("Log: no log file")
    else:
        kept, dropped = safe_log_tail(_read_tail(path))
        lines.append(
            f"Log: last {LOG_LINES} lines of {path.name}, {dropped} left out "
            "as they might hold personal data or secrets"
        )
        lines.extend(kept)
    return "\n".join(lines) + "\n"


def copy_diagnostics(services: Services) -> str:
    text = diagnostics_text(services)
    QGuiApplication.clipboard().setText(text)
    log.info("diagnostics copied (%d lines)", text.count("\n"))
    return text
