"""Referrals to another organisation: the sender's dialog and the receiver's list.

- ``ReferralDialog`` (detail → "Refer to another organisation…"): the receiving
  organisation (the server's list when it can be reached; typed otherwise, the laptop
  may be offline), the values that will be shared listed read-only so the caseworker sees
  exactly what leaves, the person's consent (required: the button stays disabled
  without it) and a note. Saved here, sent at the next sync.
- ``IncomingReferralsDialog`` (Records → Incoming referrals…, supervisors and admins):
  the referrals sent to this organisation with the values shared, accept or decline (a
  reason is required), online.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import Beneficiary
from desktop.domain.schema import LABEL_CONTEXT
from desktop.errors import ValidationError
from desktop.services.referrals import IncomingReferral, ReferralView, SharedItem
from desktop.ui.messages import rendered
from desktop.ui.operations import Applied, Operation
from desktop.ui.worker import run_task

NOTE_MAX = 2_000


def item_label(item: SharedItem) -> str:
    """A built-in field's label translated as the forms translate it; a custom one's own."""
    return item.label if item.custom else QCoreApplication.translate(LABEL_CONTEXT, item.label)


def shared_table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, 2, parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("ReferralDialog", "Field"),
            QCoreApplication.translate("ReferralDialog", "Value"),
        ]
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_shared(table: QTableWidget, items: Sequence[SharedItem], empty: str) -> None:
    table.setRowCount(max(1, len(items)))
    if not items:
        table.setSpan(0, 0, 1, 2)
        table.setItem(0, 0, QTableWidgetItem(empty))
        return
    table.clearSpans()
    for row, item in enumerate(items):
        table.setItem(row, 0, QTableWidgetItem(item_label(item)))
        table.setItem(row, 1, QTableWidgetItem(item.shown))
    table.resizeRowsToContents()


class ReferralDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        beneficiary: Beneficiary,
        shared: Sequence[SharedItem],
        load_organisations: Callable[[], list[str]],
        send: Callable[[str, str, str, bool], ReferralView],
    ):
        super().__init__(parent)
        self.setObjectName("referralDialog")
        self.setWindowTitle(
            self.tr("Refer %1 to another organisation").replace("%1", beneficiary.full_name)
        )
        self._beneficiary = beneficiary
        self._send = send
        self.operation: Operation | None = None
        layout = QVBoxLayout(self)
        who = QLabel(
            self.tr("%1 (case %2)")
            .replace("%1", beneficiary.full_name)
            .replace("%2", beneficiary.case_number),
            self,
        )
        who.setObjectName("referralWho")
        who.setStyleSheet("font-weight: bold;")
        layout.addWidget(who)
        form = QFormLayout()
        self.organisation = QComboBox(self)
        self.organisation.setObjectName("referralOrganisation")
        self.organisation.setEditable(True)  # offline, the name can be typed
        self.organisation.setAccessibleName(self.tr("Receiving organisation"))
        self.organisation.lineEdit().setPlaceholderText(self.tr("Loading the server's list…"))
        form.addRow(self.tr("&To organisation:"), self.organisation)
        layout.addLayout(form)
        heading = QLabel(
            self.tr(
                "Only these values leave this organisation (the form definition marks them"
                " shareable):"
            ),
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.shared = shared_table(self, "referralShared")
        self.shared.setAccessibleName(self.tr("Values that will be shared"))
        fill_shared(
            self.shared,
            shared,
            self.tr("Nothing: the form definition marks no field shareable."),
        )
        heading.setBuddy(self.shared)
        layout.addWidget(self.shared, 1)
        self.consent = QCheckBox(
            self.tr("The person &consents to sharing these values with that organisation"), self
        )
        self.consent.setObjectName("referralConsent")
        layout.addWidget(self.consent)
        note_label = QLabel(self.tr("&Note for the receiving organisation:"), self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("referralNote")
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Referral note"))
        self.note.setMaximumHeight(90)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self.problem = QLabel(self)
        self.problem.setObjectName("referralProblem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("&Send referral"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.consent.toggled.connect(self._allow)
        self.organisation.editTextChanged.connect(self._allow)
        self._allow()
        self.organisation.setFocus()
        self.resize(540, 470)
        self._loader = run_task(
            load_organisations, on_finished=self._listed, on_failed=self._not_listed
        )

    def _listed(self, names: list[str]) -> None:
        typed = self.organisation.currentText()
        self.organisation.clear()
        self.organisation.addItems(names)
        self.organisation.setEditText(typed or (names[0] if names else ""))
        self.organisation.lineEdit().setPlaceholderText(self.tr("Organisation name"))

    def _not_listed(self, _exc: BaseException) -> None:
        self.organisation.lineEdit().setPlaceholderText(
            self.tr("The server cannot be reached: type the organisation's name")
        )

    def _allow(self, *_args) -> None:
        self.send_button.setEnabled(
            self.consent.isChecked() and bool(self.organisation.currentText().strip())
        )

    def save(self) -> None:
        to = self.organisation.currentText().strip()
        note = self.note.toPlainText()[:NOTE_MAX]
        consent = self.consent.isChecked()
        self.buttons.setEnabled(False)
        self.operation = (
            Operation(self, lambda: self._send(self._beneficiary.id, to, note, consent))
            .applies(
                Applied(
                    show_id=self._beneficiary.id,
                    message=self.tr("Referral saved; it is sent at the next sync."),
                )
            )
            .success(lambda _made: self.accept())
            .failure(self._refused)
        )
        self.operation.run_in_background()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._allow()
        if isinstance(exc, ValidationError):
            labels = {
                "consent_given": self.tr("Consent"),
                "to_organisation": self.tr("To organisation"),
                "note": self.tr("Note"),
            }
            self.problem.setText("\n".join(rendered(exc.problems, labels).values()))
        else:
            self.problem.setText(str(exc))
        self.problem.show()


class IncomingReferralsDialog(QDialog):
    """Referrals sent to this organisation: accept or decline the one selected."""

    def __init__(
        self,
        parent: QWidget,
        load: Callable[[], list[IncomingReferral]],
        accept: Callable[[str, str], str],
        decline: Callable[[str, str], None],
    ):
        super().__init__(parent)
        self.setObjectName("incomingReferralsDialog")
        self.setWindowTitle(self.tr("Incoming referrals"))
        self._load, self._accept, self._decline = load, accept, decline
        self.referrals: list[IncomingReferral] = []
        self.operation: Operation | None = None
        self._outcome = ""
        layout = QVBoxLayout(self)
        self.list = QTableWidget(0, 3, self)
        self.list.setObjectName("incomingReferrals")
        self.list.setAccessibleName(self.tr("Incoming referrals"))
        self.list.setHorizontalHeaderLabels([self.tr("From"), self.tr("Received"), self.tr("Note")])
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.list, 1)
        shared_label = QLabel(self.tr("Values shared with you:"), self)
        layout.addWidget(shared_label)
        self.shared = shared_table(self, "incomingShared")
        self.shared.setAccessibleName(self.tr("Values shared"))
        shared_label.setBuddy(self.shared)
        layout.addWidget(self.shared, 1)
        note_label = QLabel(self.tr("&Note (the reason, to decline):"), self)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("incomingNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self.status = QLabel(self)
        self.status.setObjectName("incomingStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("&Accept"), self)
        self.accept_button.setObjectName("acceptReferral")
        self.decline_button = QPushButton(self.tr("&Decline"), self)
        self.decline_button.setObjectName("declineReferral")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        close = QPushButton(self.tr("Close"), self)
        for button in (self.accept_button, self.decline_button, self.refresh_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.accept_button.clicked.connect(lambda: self._decide(True))
        self.decline_button.clicked.connect(lambda: self._decide(False))
        self.refresh_button.clicked.connect(self.reload)
        close.clicked.connect(self.reject)
        self.resize(640, 480)
        self._selected()
        self.reload()

    def reload(self) -> None:
        self.status.setText(self.tr("Asking the server…"))
        self._loader = run_task(self._load, on_finished=self._show, on_failed=self._failed)

    def _show(self, referrals: list[IncomingReferral]) -> None:
        self.referrals = [r for r in referrals if r.state == "proposed"]
        self.list.setRowCount(len(self.referrals))
        for at, referral in enumerate(self.referrals):
            for column, text in enumerate(
                (referral.from_organisation, referral.created_at[:10], referral.note)
            ):
                self.list.setItem(at, column, QTableWidgetItem(text))
        self.list.resizeColumnsToContents()
        waiting = self.tr("%n referral(s) waiting for an answer.", "", len(self.referrals))
        # The last decision's outcome stays readable above the new count.
        self.status.setText(" ".join(t for t in (self._outcome, waiting) if t))
        if self.referrals:
            self.list.selectRow(0)
            self.list.setFocus()
        self._selected()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(str(exc))
        self._selected()

    def current(self) -> IncomingReferral | None:
        rows = self.list.selectionModel().selectedRows()
        return self.referrals[rows[0].row()] if rows else None

    def _selected(self) -> None:
        chosen = self.current()
        fill_shared(
            self.shared,
            chosen.shared if chosen else (),
            self.tr("Nothing shared.") if chosen else self.tr("Select a referral."),
        )
        idle = self.operation is None or not self.operation.running
        for button in (self.accept_button, self.decline_button):
            button.setEnabled(chosen is not None and idle)

    def _decide(self, accepting: bool) -> None:
        chosen = self.current()
        if chosen is None:
            return
        note = self.note.toPlainText().strip()[:NOTE_MAX]
        if not accepting and not note:
            self.status.setText(self.tr("Say why in the note to decline the referral."))
            self.note.setFocus()
            return
        if accepting:

            def work():
                return self._accept(chosen.id, note)

            done = self.tr("Accepted: case %1 is made; it arrives with the next sync.")
        else:

            def work():
                return self._decline(chosen.id, note)

            done = self.tr("Declined.")
        self.operation = (
            Operation(self, work)
            .success(lambda result: self._decided(done.replace("%1", str(result))))
            .failure(self._failed_decision)
        )
        self.operation.run_in_background()
        self._selected()

    def _decided(self, message: str) -> None:
        self.operation = None
        self.note.clear()
        self._outcome = message
        self.reload()

    def _failed_decision(self, exc: BaseException) -> None:
        self.operation = None
        self.status.setText(str(exc))
        self._selected()


def referral_state_text(referral: ReferralView) -> str:
    """One line of the detail's Referrals tab."""
    from desktop.ui.fields import choice_text

    translate = QCoreApplication.translate
    text = (
        translate("ReferralDialog", "To %1: %2")
        .replace("%1", referral.to_organisation)
        .replace("%2", choice_text(referral.state))
    )
    if referral.sync_status != "synced":
        text += " " + translate("ReferralDialog", "(not sent yet)")
    if referral.decision_note:
        text += " — " + referral.decision_note
    return text
