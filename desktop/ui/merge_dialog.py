"""Merge two records of one person: each field's value chosen side by side.

Two columns, the record that stays (left) and the one merged into it (right), one row
per field the merge may choose (built-in and the organisation's own, from the form
definition: services/merges.py's plan). Each row has a radio button per side; the
survivor's is chosen at first. Rows whose values differ are highlighted and come with
their radios enabled; equal rows need no choice. "Swap" makes the other record the one
that stays. Keyboard: Tab moves between the rows' radio groups, the arrow keys between
the two sides of a row, Alt+S swaps, Enter merges, Escape cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Entity
from desktop.errors import UserError
from desktop.services import Services
from desktop.services.merges import MergeEvent, MergePlan
from desktop.ui.errors import show_error
from desktop.ui.fields import change_label, change_value
from desktop.ui.operations import Applied, Operation

DIFFERS_STYLE = "background: #fff1c2;"  # the rows a person must look at


class MergeDialog(QDialog):
    """``event`` holds the merge once made (the dialog is accepted)."""

    def __init__(
        self, services: Services, first_id: str, second_id: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Merge two records"))
        self.resize(820, 640)
        self._services = services
        self.event: MergeEvent | None = None
        self.operation: Operation | None = None
        self.plan: MergePlan = services.merges.plan(first_id, second_id)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.moving = QLabel(self)
        self.moving.setObjectName("merge_moving")
        self.moving.setWordWrap(True)
        layout.addWidget(self.moving)
        buttons = QDialogButtonBox(self)
        self.swap_button = QPushButton(self.tr("&Swap sides"), self)
        self.swap_button.setObjectName("merge_swap")
        self.swap_button.setAutoDefault(False)
        self.merge_button = QPushButton(self.tr("&Merge"), self)
        self.merge_button.setObjectName("merge_ok")
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setObjectName("merge_cancel")
        cancel.setAutoDefault(False)
        buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.swap_button.clicked.connect(self.swap)
        self.merge_button.clicked.connect(self.merge)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.merge_button.setDefault(True)
        self.groups: dict[str, QButtonGroup] = {}
        self._build()

    # -- the grid ------------------------------------------------------------------------

    def _build(self) -> None:
        plan = self.plan
        self.intro.setText(
            self.tr(
                "%1 stays; %2 is merged into it and kept as a forwarding record. Choose "
                "each highlighted field's value. Its sessions, tasks and other linked "
                "records move to %1. A supervisor can undo the merge."
            )
            .replace("%1", plan.survivor.case_number)
            .replace("%2", plan.merged.case_number)
        )
        moving = ", ".join(
            self._kind(entity, count) for entity, count in plan.moving.items() if count
        )
        self.moving.setText(
            self.tr("Moving to %1: %2.")
            .replace("%1", plan.survivor.case_number)
            .replace("%2", moving or self.tr("nothing"))
        )
        grid_widget = QWidget()
        grid_widget.setObjectName("merge_grid")
        grid = QGridLayout(grid_widget)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        heads = (
            self.tr("Field"),
            self.tr("Stays: %1").replace("%1", plan.survivor.case_number),
            self.tr("Merged: %1").replace("%1", plan.merged.case_number),
        )
        for column, text in enumerate(heads):
            head = QLabel(f"<b>{text}</b>")
            grid.addWidget(head, 0, column)
        self.groups = {}
        self.radios: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.differing: list[str] = []
        for row, item in enumerate(plan.fields, start=1):
            label = QLabel(change_label(Entity.BENEFICIARY, item.name))
            left = QRadioButton(
                change_value(Entity.BENEFICIARY, item.name, item.survivor_value, short=True)
            )
            right = QRadioButton(
                change_value(Entity.BENEFICIARY, item.name, item.merged_value, short=True)
            )
            for side, button in (("survivor", left), ("merged", right)):
                button.setObjectName(f"merge_{side}_{item.name}")
                button.setAccessibleName(
                    self.tr("%1, from %2")
                    .replace("%1", label.text())
                    .replace(
                        "%2",
                        plan.survivor.case_number
                        if side == "survivor"
                        else plan.merged.case_number,
                    )
                )
            group = QButtonGroup(grid_widget)
            group.addButton(left, 0)
            group.addButton(right, 1)
            left.setChecked(True)
            if item.differs:
                self.differing.append(item.name)
                for widget in (label, left, right):
                    widget.setStyleSheet(DIFFERS_STYLE)
            else:
                # The same on both sides: nothing to choose.
                left.setEnabled(False)
                right.setEnabled(False)
            grid.addWidget(label, row, 0)
            grid.addWidget(left, row, 1)
            grid.addWidget(right, row, 2)
            self.groups[item.name] = group
            self.radios[item.name] = (left, right)
        grid.setRowStretch(len(plan.fields) + 1, 1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(grid_widget)
        self._focus_first()

    def _focus_first(self) -> None:
        """The first row to choose in, on the kept record's side (else the Merge button)."""
        if self.differing:
            self.radios[self.differing[0]][0].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.merge_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.activateWindow()
        self._focus_first()

    def _kind(self, entity: str, count: int) -> str:
        """``count`` records of a kind that moves, in words with the language's plural."""
        words = {
            Entity.CASE_SESSION.value: self.tr("%n session(s)", "", count),
            Entity.TASK.value: self.tr("%n task(s)", "", count),
            Entity.HOUSEHOLD_LINK.value: self.tr("%n household link(s)", "", count),
            Entity.TRANSFER.value: self.tr("%n transfer(s)", "", count),
            Entity.REFERRAL.value: self.tr("%n referral(s)", "", count),
        }
        return words.get(entity, f"{count} {entity.replace('_', ' ')}")

    # -- choices -------------------------------------------------------------------------

    def taken(self) -> list[str]:
        """The fields whose merged-record value is chosen."""
        return [name for name, group in self.groups.items() if group.checkedId() == 1]

    def choose(self, name: str, side: str) -> None:
        self.radios[name][0 if side == "survivor" else 1].setChecked(True)

    def swap(self) -> None:
        """The other record stays (the choices start again from it)."""
        try:
            self.plan = self._services.merges.plan(self.plan.merged.id, self.plan.survivor.id)
        except UserError as exc:
            show_error(self, exc)
            return
        self._build()

    def merge(self) -> None:
        if self.operation is not None:
            return
        merges, plan, taken = self._services.merges, self.plan, self.taken()
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(False)
        message = (
            self.tr("%2 merged into %1.")
            .replace("%1", plan.survivor.case_number)
            .replace("%2", plan.merged.case_number)
        )
        self.operation = (
            Operation(self, lambda: merges.merge(plan.survivor.id, plan.merged.id, take=taken))
            .applies(Applied(show_id=plan.survivor.id, removed_id=plan.merged.id, message=message))
            .success(self._merged)
            .failure(self._failed)
        )
        self.operation.run_in_background()

    def _merged(self, event: MergeEvent) -> None:
        self.operation = None
        self.event = event
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        self.merge_button.setEnabled(True)
        self.swap_button.setEnabled(True)
        show_error(self, exc)


def open_merge(
    services: Services, first_id: str, second_id: str, parent: QWidget | None = None
) -> MergeEvent | None:
    """The merge dialog for two records, modal; the merge made, or None."""
    try:
        dialog = MergeDialog(services, first_id, second_id, parent)
    except UserError as exc:
        show_error(parent, exc)
        return None
    if parent is not None:
        parent.merge_dialog = dialog  # while open (tests answer it there)
    try:
        dialog.exec()
    finally:
        if parent is not None:
            parent.merge_dialog = None
    event = dialog.event
    dialog.deleteLater()
    return event


def undo_merge(services: Services, event: MergeEvent, parent: QWidget) -> None:
    """Undoes ``event`` after asking; the records are shown again as they were."""
    from desktop.ui.widgets import ask_with_safe_default

    if not ask_with_safe_default(
        parent,
        MergeDialog.tr("Undo the merge?"),
        MergeDialog.tr(
            "The merged record comes back with the sessions, tasks and other records that "
            "moved with the merge; the kept record's fields the merge changed go back."
        ),
        MergeDialog.tr("&Undo merge"),
    ):
        return
    Operation(parent, lambda: services.merges.undo(event.id)).applies(
        Applied(show_id=event.merged_id, message=MergeDialog.tr("Merge undone."))
    ).run_in_background()
