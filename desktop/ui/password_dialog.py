"""Change my password: the current one proves the user, the new one re-wraps their key slot."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError, ValidationError
from desktop.services.users import UserService
from desktop.ui.errors import show_error
from desktop.ui.messages import rendered
from desktop.ui.operations import Operation
from desktop.ui.widgets import FieldError

# The service's field names (ValidationError.errors keys) → this dialog's fields.
OLD, NEW, REPEAT = "old_password", "new_password", "repeat_password"


class ChangePasswordDialog(QDialog):
    changed = Signal()

    def __init__(self, users: UserService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(420)
        self._users = users
        self.worker = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your records stay as they are; only the password that opens them changes. "
                "Use at least 8 characters; a few unrelated words are easy to remember."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, FieldError] = {}
        for name, label, accessible in (
            (OLD, self.tr("&Current password"), self.tr("Current password")),
            (NEW, self.tr("&New password"), self.tr("New password")),
            (REPEAT, self.tr("&Repeat new password"), self.tr("Repeat new password")),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(accessible)
            edit.textEdited.connect(lambda _text, field=name: self._clear_error(field))
            error = FieldError(name, self)
            form.addRow(label, edit)
            form.addRow("", error)
            self.fields[name] = edit
            self.errors[name] = error
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("C&hange password"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _clear_error(self, field: str) -> None:
        self.errors[field].hide()
        self.errors[field].clear()

    def show_field_error(self, field: str, message: str) -> None:
        label = self.errors.get(field, self.errors[NEW])
        label.setText(message)
        label.show()
        self.fields.get(field, self.fields[NEW]).setFocus()

    def submit(self) -> None:
        if self.worker is not None:
            return
        for field in self.errors:
            self._clear_error(field)
        old, new, repeat = (self.fields[f].text() for f in (OLD, NEW, REPEAT))
        if not old:
            self.show_field_error(OLD, self.tr("Enter your current password."))
            return
        if new != repeat:
            self.show_field_error(REPEAT, self.tr("The two new passwords are not the same."))
            return
        if new == old:
            self.show_field_error(NEW, self.tr("The new password is the same as the current one."))
            return
        self._set_busy(True)
        # Argon2id twice (check the current password, wrap under the new one): ~1 s.
        users = self._users
        self.worker = (
            Operation(self, lambda: users.change_password(old, new))
            .success(lambda _result: self._done(None))
            .failure(self._done)
            .run_in_background()
        )

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        for edit in self.fields.values():
            edit.setEnabled(not busy)
        self.ok_button.setText(self.tr("Changing…") if busy else self.tr("C&hange password"))

    def _done(self, exc: BaseException | None) -> None:
        self.worker = None
        self._set_busy(False)
        if exc is None:
            for edit in self.fields.values():
                edit.clear()
            self.changed.emit()
            self.accept()
            return
        if isinstance(exc, ValidationError):
            labels = {name: edit.accessibleName() for name, edit in self.fields.items()}
            for field, message in rendered(exc.problems, labels).items():
                self.show_field_error(field, message)
        elif isinstance(exc, UserError):
            self.show_field_error(OLD, str(exc))
        else:
            show_error(self, exc)
