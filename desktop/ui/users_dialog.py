"""Users admin (admins only): add, deactivate, reset password, change role."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.rotation import CHECKING, FINISHING, PREPARING, REENCRYPTING
from desktop.domain.enums import Role
from desktop.domain.problems import Problem
from desktop.domain.records import Actor, UserAccount
from desktop.errors import UserError, ValidationError
from desktop.ui.errors import show_error
from desktop.ui.messages import field_label, plain_label, rendered
from desktop.ui.operations import Operation
from desktop.ui.roles import role_label
from desktop.ui.widgets import FieldError, add_labelled_row, mark_invalid, select_row
from desktop.ui.worker import Cancelled, Worker


class _PasswordFields:
    """Password + repeat with inline errors, shared by the add and reset dialogs."""

    def __init__(self, dialog: QDialog, form: QFormLayout, fields: dict, errors: dict):
        for name, label in (
            ("password", QCoreApplication.translate("_PasswordFields", "&Password")),
            ("password_repeat", QCoreApplication.translate("_PasswordFields", "&Repeat password")),
        ):
            edit = QLineEdit(dialog)
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(plain_label(label))
            error = FieldError(name, dialog)
            holder = QWidget(dialog)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            add_labelled_row(form, label, holder, edit)
            fields[name] = edit
            errors[name] = error


class _UserFormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.fields: dict[str, Any] = {}
        self.errors: dict[str, FieldError] = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.choices: dict[str, QComboBox] = {}
        # What OK does with the values (a dict by field name), on the worker pool: it
        # must not touch widgets, so it is handed the values read here.
        self.action: Any = None
        self.saving: Operation | None = None

    def add_line(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(plain_label(label))
        error = FieldError(name, self)
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(edit)
        box.addWidget(error)
        add_labelled_row(self.form, label, holder, edit)
        self.fields[name] = edit
        self.errors[name] = error
        return edit

    def finish(self) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.layout_.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: edit.text() for name, edit in self.fields.items()}
        values.update({name: combo.currentData() for name, combo in self.choices.items()})
        return values

    def show_errors(self, errors: Mapping[str, str | Problem]) -> None:
        labels = {n: field_label(edit.accessibleName()) for n, edit in self.fields.items()}
        errors = rendered(errors, labels)
        for name, error in self.errors.items():
            message = errors.get(name, "")
            error.show_message(message)
            mark_invalid(self.fields[name], bool(message))

    def submit(self) -> None:
        if self.saving is not None:
            return
        if self.fields["password"].text() != self.fields["password_repeat"].text():
            self.show_errors({"password_repeat": self.tr("The two passwords differ.")})
            return
        action, values = self.action, self.values()
        self.ok_button.setEnabled(False)  # Argon2id takes a moment; one press is enough
        self.saving = (
            Operation(self, lambda: action(values))
            .success(lambda _result: self._saved())
            .failure(self._refused)
        )
        self.saving.run_in_background()

    def _saved(self) -> None:
        self.saving = None
        self.ok_button.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.saving = None
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            errors = {
                ("password" if k == "new_password" else k): v for k, v in exc.problems.items()
            }
            if set(errors) <= set(self.errors):
                self.show_errors(errors)
                return
        show_error(self, exc)


class UsersDialog(QDialog):
    def __init__(self, users_service: Any, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.resize(640, 380)
        self.users = users_service
        self.actor = actor
        self.accounts: list[UserAccount] = []
        # A deactivation or reset re-encrypts the database (a data-key rotation) on the
        # worker; while it runs this is the worker and ``progress_dialog`` its bar.
        self.rotation_worker: Worker | None = None
        self.progress_dialog: QProgressDialog | None = None
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("usersTable")
        self.table.setAccessibleName(self.tr("Local users"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Name"), self.tr("Role"), self.tr("Active")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.deactivate_button = QPushButton(self.tr("&Deactivate"), self)
        self.reset_button = QPushButton(self.tr("&Reset password…"), self)
        self.role_button = QPushButton(self.tr("Change &role…"), self)
        for button, slot in (
            (self.add_button, self.add_user),
            (self.deactivate_button, self.deactivate),
            (self.reset_button, self.reset_password),
            (self.role_button, self.change_role),
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        try:
            self.accounts = self.users.list()
        except UserError as exc:
            show_error(self, exc)
            self.accounts = []
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            for column, text in enumerate(
                (
                    account.username,
                    account.display_name,
                    role_label(account.role),
                    self.tr("yes") if account.active else self.tr("no"),
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, account.username)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> UserAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def select_username(self, username: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.username == username:
                select_row(self.table, row)

    def _update_buttons(self) -> None:
        account = self.selected()
        others = account is not None and account.id != self.actor.id
        self.deactivate_button.setEnabled(others and account.active)
        self.reset_button.setEnabled(others)
        self.role_button.setEnabled(others)

    def add_dialog(self) -> _UserFormDialog:
        dialog = _UserFormDialog(self.tr("Add user"), self)
        dialog.setObjectName("addUserDialog")
        dialog.add_line("username", self.tr("&Username"))
        dialog.add_line("display_name", self.tr("&Display name"))
        role = QComboBox(dialog)
        role.setObjectName("role")
        role.setAccessibleName(self.tr("Role"))
        for value in Role:
            role.addItem(role_label(value), value.value)
        add_labelled_row(dialog.form, self.tr("R&ole"), role, role)
        dialog.choices["role"] = role
        _PasswordFields(dialog, dialog.form, dialog.fields, dialog.errors)
        users = self.users
        dialog.action = lambda values: users.add(
            values["username"], values["role"], values["password"], values["display_name"]
        )
        dialog.finish()
        return dialog

    def add_user(self) -> None:
        dialog = self.add_dialog()
        if dialog.exec():
            self.reload()

    def reset_dialog(self, account: UserAccount) -> _UserFormDialog:
        dialog = _UserFormDialog(
            self.tr("New password for %1").replace("%1", account.username), self
        )
        dialog.setObjectName("resetPasswordDialog")
        _PasswordFields(dialog, dialog.form, dialog.fields, dialog.errors)
        # The dialog only checks the password (quickly, with inline errors); once it is
        # accepted the reset itself runs on the worker with a progress bar.
        users = self.users
        dialog.action = lambda values: users.validate_reset(account.username, values["password"])
        dialog.accepted.connect(
            lambda: self._start_reset(account.username, dialog.fields["password"].text())
        )
        dialog.finish()
        return dialog

    def _start_reset(self, username: str, password: str) -> None:
        self._rotate(
            self.tr("Reset password"),
            lambda progress: self.users.reset_password(username, password, progress=progress),
        )

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        self.reset_dialog(account).exec()

    def deactivate(self) -> None:
        account = self.selected()
        if account is None:
            return
        text = self.tr(
            "Deactivate %1? They will no longer be able to log in. The database is "
            "re-encrypted under a new key, which can take a minute on a large caseload."
        ).replace("%1", account.username)
        try:
            left_behind = self.users.must_reset_if_deactivated(account.username)
        except UserError as exc:
            show_error(self, exc)
            return
        if left_behind:
            text += "\n\n" + self.tr(
                "The key slots of these users cannot be re-wrapped (old format or missing): "
                "they will need a password reset afterwards: %1"
            ).replace("%1", ", ".join(left_behind))
        answer = QMessageBox.question(self, self.tr("Deactivate user"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._rotate(
            self.tr("Deactivate user"),
            lambda progress: self.users.deactivate(account.username, progress=progress),
        )

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        roles = list(Role)
        labels = [role_label(r) for r in roles]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Change role"),
            self.tr("Role of %1:").replace("%1", account.username),
            labels,
            roles.index(account.role),
            False,
        )
        if ok:
            self._run(lambda: self.users.change_role(account.username, roles[labels.index(label)]))

    def phase_text(self, phase: str) -> str:
        return {
            PREPARING: self.tr("Preparing the new data key…"),
            REENCRYPTING: self.tr("Re-encrypting the database under the new key…"),
            CHECKING: self.tr("Checking the re-encrypted database…"),
            FINISHING: self.tr("Re-wrapping the users' key slots…"),
        }.get(phase, phase)

    def _rotate(self, title: str, operation) -> None:
        """Runs ``operation(progress)`` (a data-key rotation) on the worker with a progress bar.

        Cancel works until the re-encrypted copy is swapped in; then the rotation has
        happened and finishes regardless.
        """
        if self.rotation_worker is not None:
            return
        bar = QProgressDialog(self.phase_text(PREPARING), self.tr("Cancel"), 0, 0, self)
        bar.setObjectName("rotationProgress")
        bar.setWindowTitle(title)
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(0)
        bar.setAutoClose(False)
        bar.setAutoReset(False)
        self.progress_dialog = bar

        def task(context):
            def progress(done: int, total: int, phase: str) -> None:
                context.progress(done, total, phase)
                context.check_cancelled()

            return operation(progress)

        def on_progress(done: int, total: int, phase: str) -> None:
            bar.setMaximum(total)
            bar.setValue(done)
            bar.setLabelText(self.phase_text(phase))

        self.rotation_worker = (
            Operation(self, task, with_context=True)
            .progress(on_progress)
            .success(self._rotation_done)
            .failure(self._rotation_failed)
            .run_in_background()
        )
        bar.canceled.connect(self.rotation_worker.cancel)
        bar.show()

    def _end_rotation(self) -> None:
        self.rotation_worker = None
        if self.progress_dialog is not None:
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.reload()

    def _rotation_done(self, result) -> None:
        self._end_rotation()
        if result.must_reset:
            show_error(
                self,
                UserError(
                    self.tr(
                        "The data key was changed, but the key slots of these users could "
                        "not be re-wrapped (old format or missing): they cannot log in until "
                        "you reset their password: %1"
                    ).replace("%1", ", ".join(result.must_reset))
                ),
                self.tr("Password resets needed"),
            )

    def _rotation_failed(self, exc: BaseException) -> None:
        self._end_rotation()
        if not isinstance(exc, Cancelled):
            show_error(self, exc)

    def _run(self, operation) -> Operation:
        """A change of a user (role): on the worker pool, the list reloaded after it."""
        changing = Operation(self, operation)
        changing.success(lambda _result: self.reload()).failure(self._change_failed)
        changing.run_in_background()
        return changing

    def _change_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reload()
