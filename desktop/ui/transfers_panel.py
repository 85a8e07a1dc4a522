"""The "Transfers" panel and dialogs: a case handed on to another caseworker (issue 14.4).

The panel (View → Transfers, Ctrl+Shift+R) lists the pending transfers this user sees:
to decide (proposed to them), waiting (proposed by them) and, for supervisors, the
office's. Accepting asks for an optional note, declining for a reason, cancelling for an
optional note (`TransferDecisionDialog`). "Transfer case…" (Records menu and the detail)
asks whom to and why (`TransferDialog`). Every step runs as an `Operation`; the case
itself moves at the next sync (desktop/services/transfers.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import TransferState
from desktop.domain.records import Beneficiary
from desktop.domain.transfers import TransferView
from desktop.errors import UserError
from desktop.services import Services
from desktop.services.transfers import may_decide
from desktop.ui.dates import format_date
from desktop.ui.errors import show_error
from desktop.ui.operations import Applied, Operation, changes

TRANSFER_ROLE = Qt.ItemDataRole.UserRole
PROBLEM_STYLE = "color: #b00020"


def _note_edit(parent: QWidget, name: str, asked: str) -> tuple[QLabel, QPlainTextEdit]:
    text = QPlainTextEdit(parent)
    text.setObjectName(name)
    text.setTabChangesFocus(True)  # Tab leaves the note, as in every other form
    text.setAccessibleName(asked)
    label = QLabel(asked, parent)
    label.setBuddy(text)
    return label, text


def _problem(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class TransferDialog(QDialog):
    """Whom to hand the case on to, and a note for them."""

    def __init__(
        self,
        parent: QWidget,
        beneficiary: Beneficiary,
        receivers: list[tuple[str, str]],
        propose: Callable[[str, str, str], TransferView],
    ):
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer %1").replace("%1", beneficiary.full_name))
        self._beneficiary = beneficiary
        self._propose = propose
        self.operation: Operation | None = None
        self.receiver = QComboBox(self)
        self.receiver.setObjectName("transferReceiver")
        for user_id, name in receivers:
            self.receiver.addItem(name, user_id)
        self.receiver.setAccessibleName(self.tr("Caseworker to transfer to"))
        to_label = QLabel(self.tr("&To caseworker:"), self)
        to_label.setBuddy(self.receiver)
        note_label, self.note = _note_edit(self, "transferNote", self.tr("&Note for them:"))
        self.note.setPlaceholderText(self.tr("Why the case is handed on, what is under way"))
        self.problem = _problem(self, "transferProblem")
        about = QLabel(
            self.tr("%1 · %2: the case moves once they accept it and both laptops sync.")
            .replace("%1", beneficiary.case_number)
            .replace("%2", beneficiary.full_name),
            self,
        )
        about.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Propose transfer"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(about)
        form.addRow(to_label, self.receiver)
        form.addRow(note_label, self.note)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.resize(460, 260)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.receiver.setFocus()  # whom to first; Tab goes on to the note

    def save(self) -> None:
        receiver = self.receiver.currentData()
        note = self.note.toPlainText().strip()
        if receiver is None:
            return self._show(self.tr("There is no other caseworker on this laptop to choose."))
        if not note:
            self.note.setFocus()
            return self._show(self.tr("Write a few words for the receiver first."))
        self.buttons.setEnabled(False)
        self.operation = (
            Operation(self, lambda: self._propose(self._beneficiary.id, receiver, note))
            .applies(Applied(show_id=self._beneficiary.id, message=self.tr("Transfer proposed.")))
            .success(lambda _transfer: self.accept())
            .failure(lambda exc: (self.buttons.setEnabled(True), self._show(str(exc))))
        )
        self.operation.run_in_background()

    def _show(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


class TransferDecisionDialog(QDialog):
    """The note of an acceptance or a cancellation (optional), or a decline's reason."""

    def __init__(self, parent: QWidget, transfer: TransferView, state: TransferState):
        super().__init__(parent)
        self.setObjectName("transferDecisionDialog")
        self.state = state
        titles = {
            TransferState.ACCEPTED: (self.tr("Accept transfer"), self.tr("Accept")),
            TransferState.DECLINED: (self.tr("Decline transfer"), self.tr("Decline")),
            TransferState.CANCELLED: (self.tr("Cancel transfer"), self.tr("Cancel transfer")),
        }
        title, verb = titles[state]
        self.setWindowTitle(title)
        asked = (
            self.tr("&Why you decline (for %1):").replace("%1", transfer.from_name)
            if state is TransferState.DECLINED
            else self.tr("&Note (optional):")
        )
        label, self.text = _note_edit(self, "transferDecisionText", asked)
        self.problem = _problem(self, "transferDecisionProblem")
        about = QLabel(
            self.tr("%1 · %2, from %3 to %4: %5")
            .replace("%1", transfer.case_number)
            .replace("%2", transfer.beneficiary_name)
            .replace("%3", transfer.from_name)
            .replace("%4", transfer.to_name)
            .replace("%5", transfer.note),
            self,
        )
        about.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back"))
        buttons.accepted.connect(self._accept_if_written)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (about, label, self.text, self.problem, buttons):
            layout.addWidget(widget)
        self.resize(440, 240)

    def value(self) -> str:
        return self.text.toPlainText().strip()

    def _accept_if_written(self) -> None:
        if self.state is TransferState.DECLINED and not self.value():
            self.problem.setText(self.tr("Say why first: the proposer reads it."))
            self.problem.show()
            self.text.setFocus()
            return
        self.accept()


class TransfersPanel(QWidget):
    """Pending transfers: to decide, waiting for the receiver, and the office's."""

    open_requested = Signal(str)  # a beneficiary id
    # A transfer of this beneficiary was decided here: the detail shows it no longer.
    decided = Signal(str)

    def __init__(self, services: Callable[[], Services | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("transfersPanel")
        self._services = services
        self.dialog: TransferDecisionDialog | None = None
        self.operation: Operation | None = None
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("pendingTransfers")
        self.tree.setAccessibleName(self.tr("Pending transfers"))
        self.tree.setHeaderLabels([self.tr("Case"), self.tr("From → to"), self.tr("Proposed")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemActivated.connect(lambda item, _column: self._activated(item))
        self.tree.installEventFilter(self)

        self.accept_button = self._button("transferAccept", self.tr("&Accept…"))
        self.accept_button.clicked.connect(lambda: self.decide(TransferState.ACCEPTED))
        self.decline_button = self._button("transferDecline", self.tr("D&ecline…"))
        self.decline_button.clicked.connect(lambda: self.decide(TransferState.DECLINED))
        self.cancel_button = self._button("transferCancel", self.tr("Ca&ncel transfer…"))
        self.cancel_button.clicked.connect(lambda: self.decide(TransferState.CANCELLED))
        self.open_button = self._button("transferOpen", self.tr("O&pen record"))
        self.open_button.clicked.connect(self.open_current)
        buttons = QHBoxLayout()
        for button in (
            self.accept_button,
            self.decline_button,
            self.cancel_button,
            self.open_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("transfersSummary")
        self.summary.setWordWrap(True)
        # The chosen transfer in full: who to whom, when, and the note (long notes wrap).
        self.about = QLabel(self)
        self.about.setObjectName("transferAbout")
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about.setFrameShape(QLabel.Shape.StyledPanel)
        self.about.setMargin(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.about)
        layout.addLayout(buttons)
        changes().applied.connect(lambda _applied: self.reload())
        self._update_buttons()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the list: Ctrl+Enter accepts the chosen transfer, Delete declines it."""
        if event.type() == QEvent.Type.KeyPress and watched is getattr(self, "tree", None):
            key, modifiers = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                modifiers & Qt.KeyboardModifier.ControlModifier
            ):
                self.decide(TransferState.ACCEPTED)
                return True
            if key == Qt.Key.Key_Delete and not modifiers:
                self.decide(TransferState.DECLINED)
                return True
        return super().eventFilter(watched, event)

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        services = self._services()
        if services is None or not self.isVisible():
            return
        try:
            pending = services.transfers.pending()
        except UserError as exc:
            show_error(self, exc)
            return
        chosen = self._chosen_id()
        me = services.actor.id
        self.tree.clear()
        groups = (
            (self.tr("To decide (%1)"), [t for t in pending if t.to_id == me]),
            (self.tr("Waiting for the receiver (%1)"), [t for t in pending if t.from_id == me]),
            (
                self.tr("Others in the office (%1)"),
                [t for t in pending if me not in (t.to_id, t.from_id)],
            ),
        )
        first = None
        for title, transfers in groups:
            if not transfers:
                continue
            group = QTreeWidgetItem(self.tree, [title.replace("%1", str(len(transfers)))])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for transfer in transfers:
                item = QTreeWidgetItem(
                    group,
                    [
                        self.tr("%1 (%2)")
                        .replace("%1", transfer.beneficiary_name)
                        .replace("%2", transfer.case_number),
                        self.tr("%1 → %2")
                        .replace("%1", transfer.from_name)
                        .replace("%2", transfer.to_name),
                        format_date(transfer.proposed_at.date()),
                    ],
                )
                item.setData(0, TRANSFER_ROLE, transfer)
                item.setToolTip(0, transfer.note)
                first = first or item
                if transfer.id == chosen:
                    first = item
        self.tree.expandAll()
        for column in (0, 1):
            self.tree.resizeColumnToContents(column)
        if first is not None:
            self.tree.setCurrentItem(first)
        to_decide = len(groups[0][1])
        self.summary.setText(
            self.tr("Transfers for you to decide: %1").replace("%1", str(to_decide))
            if to_decide
            else self.tr("No transfer waits for your decision.")
        )
        self._update_buttons()

    # -- acting ----------------------------------------------------------------------------

    def _chosen_id(self) -> str | None:
        current = self.current_transfer()
        return current.id if current is not None else None

    def current_transfer(self) -> TransferView | None:
        item = self.tree.currentItem()
        return item.data(0, TRANSFER_ROLE) if item is not None else None

    def _allowed(self, transfer: TransferView | None, state: TransferState) -> bool:
        services = self._services()
        if transfer is None or services is None:
            return False
        return may_decide(services.actor, transfer.from_id, transfer.to_id, state)

    def _update_buttons(self) -> None:
        transfer = self.current_transfer()
        self.about.setText(
            ""
            if transfer is None
            else self.tr("%1 · %2\nFrom %3 to %4, proposed %5:\n%6")
            .replace("%1", transfer.case_number)
            .replace("%2", transfer.beneficiary_name)
            .replace("%3", transfer.from_name)
            .replace("%4", transfer.to_name)
            .replace("%5", format_date(transfer.proposed_at.date()))
            .replace("%6", transfer.note)
        )
        self.about.setVisible(transfer is not None)
        self.accept_button.setEnabled(self._allowed(transfer, TransferState.ACCEPTED))
        self.decline_button.setEnabled(self._allowed(transfer, TransferState.DECLINED))
        self.cancel_button.setEnabled(self._allowed(transfer, TransferState.CANCELLED))
        self.open_button.setEnabled(transfer is not None and transfer.case_here)

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, TRANSFER_ROLE) is not None:
            self.open_current()

    def open_current(self) -> None:
        transfer = self.current_transfer()
        if transfer is not None and transfer.case_here:
            self.open_requested.emit(transfer.beneficiary_id)

    def decide(self, state: TransferState) -> None:
        """Asks for the note (a reason, to decline), then puts the transfer in ``state``."""
        transfer = self.current_transfer()
        services = self._services()
        if not self._allowed(transfer, state) or services is None:
            return
        self.dialog = TransferDecisionDialog(self, transfer, state)
        self.dialog.accepted.connect(lambda: self._decided(services, transfer, state))
        self.dialog.finished.connect(lambda _result: self.tree.setFocus())
        self.dialog.open()

    def _decided(self, services: Services, transfer: TransferView, state: TransferState) -> None:
        note = self.dialog.value() if self.dialog is not None else ""
        step = {
            TransferState.ACCEPTED: (services.transfers.accept, self.tr("Transfer accepted.")),
            TransferState.DECLINED: (services.transfers.decline, self.tr("Transfer declined.")),
            TransferState.CANCELLED: (services.transfers.cancel, self.tr("Transfer cancelled.")),
        }
        decide, message = step[state]
        self.operation = (
            Operation(self, lambda: decide(transfer.id, note, expected_version=transfer.version))
            .applies(Applied(message=message))
            .success(lambda _done: self.decided.emit(transfer.beneficiary_id))
        )
        self.operation.run_in_background()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()
        self.tree.setFocus()
