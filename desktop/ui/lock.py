"""Locking: the idle watcher and the lock screen that hides the window's content."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard or mouse input in the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, int(minutes)) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if self._timer.isActive():
            self._timer.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # One int comparison per event; the timer restarts only while armed.
        if self._timer.isActive() and event.type() in _ACTIVITY:
            self._timer.start()
        return False


class LockScreen(QWidget):
    """Shown instead of the content while locked: the same user's password, or switch user."""

    unlock_requested = Signal(str)
    switch_user_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        box = QWidget(self)
        box.setObjectName("lockBox")
        box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        box.setFixedWidth(400)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        self.title = QLabel(self.tr("Caseload is locked"), box)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.who = QLabel(box)
        self.who.setObjectName("lockUser")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        self.password = QLineEdit(box)
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password to unlock"))
        self.password.returnPressed.connect(self._unlock)
        layout.addWidget(self.password)
        self.error = QLabel(box)
        self.error.setObjectName("unlockError")
        self.error.setProperty("role", "field-error")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Unlock error"))
        self.error.hide()
        layout.addWidget(self.error)
        self.busy = QProgressBar(box)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        layout.addWidget(self.busy)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self.tr("Switch user"), box)
        self.switch_button.setObjectName("switchUserButton")
        self.switch_button.setAccessibleName(self.tr("Switch user"))
        self.switch_button.clicked.connect(self.switch_user_requested)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Unlock"), box)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

    def prepare(self, display_name: str, username: str) -> None:
        self.who.setText(
            self.tr("Locked for %1 (%2). Enter your password to continue.")
            .replace("%1", display_name)
            .replace("%2", username)
        )
        self.password.clear()
        self.show_error("")
        self.set_busy(False)
        self.password.setFocus()

    def _unlock(self) -> None:
        if not self.password.text() or not self.unlock_button.isEnabled():
            return
        self.unlock_requested.emit(self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.unlock_button.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.password.clear()
            self.password.setFocus()
