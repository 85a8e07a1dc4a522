"""Settings: idle lock minutes, backup folder, automatic daily backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.maintenance import on_same_disk
from desktop.ui import settings as keys
from desktop.ui.settings import (
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    Settings,
    available_languages,
    language_name,
)
from desktop.ui.widgets import add_labelled_row


def language_combo(parent: QWidget, current: str) -> QComboBox:
    """The interface languages by their own names; the first entry follows the system."""
    box = QComboBox(parent)
    box.setObjectName("language")
    box.addItem(QCoreApplication.translate("LanguageChooser", "System language"), "")
    for code in available_languages():
        box.addItem(language_name(code), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setAccessibleName(QCoreApplication.translate("LanguageChooser", "Language"))
    return box


class SettingsDialog(QDialog):
    backup_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        default_backups: Path,
        parent: QWidget | None = None,
        *,
        database: Path | None = None,
    ):
        super().__init__(parent)
        self._default_backups = default_backups
        self._database = database
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(500)
        self.settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setAccessibleName(self.tr("Lock after idle minutes"))
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(settings.idle_lock_minutes)
        form.addRow(self.tr("&Lock after idle time"), self.idle_minutes)

        folder_row = QHBoxLayout()
        self.backup_folder = QLineEdit(settings.get(keys.BACKUP_FOLDER), self)
        self.backup_folder.setObjectName("backupFolder")
        self.backup_folder.setAccessibleName(self.tr("Backup folder"))
        self.backup_folder.setPlaceholderText(str(default_backups))
        folder_row.addWidget(self.backup_folder, 1)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAccessibleName(self.tr("Browse for backup folder"))
        browse.clicked.connect(self._browse)
        folder_row.addWidget(browse)
        add_labelled_row(form, self.tr("Backup &folder"), folder_row, self.backup_folder)
        self.same_disk_hint = QLabel(self)
        self.same_disk_hint.setObjectName("sameDiskHint")
        self.same_disk_hint.setWordWrap(True)
        self.same_disk_hint.setText(same_disk_text())
        form.addRow("", self.same_disk_hint)
        self.backup_folder.textChanged.connect(self._update_same_disk_hint)
        self._update_same_disk_hint()
        self.daily_backup = QCheckBox(self.tr("Back up automatically once a day"), self)
        self.daily_backup.setObjectName("dailyBackup")
        self.daily_backup.setAccessibleName(self.tr("Automatic daily backup"))
        self.daily_backup.setChecked(settings.get(keys.DAILY_BACKUP))
        form.addRow("", self.daily_backup)
        backup_now = QPushButton(self.tr("Back up &now"), self)
        backup_now.setAccessibleName(self.tr("Back up now"))
        backup_now.clicked.connect(self._backup_now)
        form.addRow("", backup_now)
        self.language = language_combo(self, settings.get(keys.LANGUAGE))
        add_labelled_row(form, self.tr("&Language"), self.language, self.language)
        self.language_note = QLabel(
            self.tr("A new language applies the next time Caseload starts."), self
        )
        self.language_note.setObjectName("languageNote")
        self.language_note.setProperty("role", "hint")
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.backup_folder.text()
        )
        if folder:
            self.backup_folder.setText(folder)

    def _update_same_disk_hint(self) -> None:
        folder = Path(self.backup_folder.text().strip() or self._default_backups)
        self.same_disk_hint.setVisible(
            self._database is not None and on_same_disk(folder, self._database)
        )

    def _backup_now(self) -> None:
        self.apply()
        self.backup_requested.emit()

    def apply(self) -> None:
        self.settings.set(keys.IDLE_LOCK_MINUTES, self.idle_minutes.value())
        self.settings.set(keys.BACKUP_FOLDER, self.backup_folder.text().strip())
        self.settings.set(keys.DAILY_BACKUP, self.daily_backup.isChecked())
        self.settings.set(keys.LANGUAGE, self.language.currentData())
        self.settings.sync()

    def accept(self) -> None:
        self.apply()
        super().accept()


def same_disk_text() -> str:
    """One wording for the Settings hint and the backup confirmation."""
    return QCoreApplication.translate(
        "SettingsDialog",
        "This folder is on the same disk as the database: if the laptop is lost or its disk "
        "fails, the backups go with it. Choose a folder on a USB drive or another disk.",
    )
