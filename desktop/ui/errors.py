"""The one error path of the GUI: user errors as plain messages, bugs as a crash dialog.

Bugs are logged with their traceback (to the rotating log file set up by
``cli.setup_logging``) and shown with a "Copy report" button. Qt's own messages are
routed into ``logging`` too.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.errors import UserError, ValidationError

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

# Set by tests to see what would have been shown, instead of a modal dialog.
_dialog_hook = None


def error_report(exc: BaseException) -> str:
    """The text the user copies into a bug report: versions and traceback, no personal data."""
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return (
        f"Caseload {__version__}\nPython {platform.python_version()} on {platform.platform()}\n"
        f"Qt {_qt_version()}\n\n" + "".join(lines)
    )


def _qt_version() -> str:
    from PySide6 import QtCore

    return QtCore.qVersion()


def user_message(exc: UserError) -> str:
    if isinstance(exc, ValidationError):
        from desktop.domain.problems import english_label
        from desktop.ui.messages import render

        # A coded message names its field; a plain one gets the field's name in front.
        return "\n".join(
            f"{english_label(p.field)}: {render(p)}" if p.code == "text" else render(p)
            for p in exc.problems.values()
        )
    return str(exc)


class CrashDialog(QDialog):
    """Shown for bugs: an apology, the report, and a button that copies it."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Caseload: unexpected error"))
        self.setObjectName("crashDialog")
        self.report = report
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong that Caseload did not expect. Your saved records are "
                "safe. The details below are also in the log file; please send them to "
                "your support contact."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error report"))
        self.details.setMinimumSize(560, 240)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setAccessibleName(self.tr("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """User errors: a plain message. Anything else: logged with traceback, crash dialog."""
    if isinstance(exc, UserError):
        log.info("user error shown: %s", type(exc).__name__)
        text = user_message(exc)
        if _dialog_hook is not None:
            _dialog_hook("user", text)
            return
        QMessageBox.warning(parent, title or QApplication.translate("errors", "Caseload"), text)
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    report = error_report(exc)
    if _dialog_hook is not None:
        _dialog_hook("crash", report)
        return
    CrashDialog(report, parent).exec()


def install_excepthook() -> None:
    """Uncaught exceptions in slots end up in the crash dialog instead of stderr only."""

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook


_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(mode, context, message: str) -> None:
    level = _LEVELS.get(mode, logging.WARNING)
    if message.startswith("This plugin does not support"):
        level = logging.DEBUG  # the offscreen platform (self-test, CI) lacks window hints
    qt_log.log(level, "%s", message)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(_qt_message_handler)
