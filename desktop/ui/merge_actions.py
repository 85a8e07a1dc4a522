"""The main window's merge actions: Merge… (two rows of the list), Possible duplicates…,
Undo merge, and the notice on a record that a merge made.

A part of ``MainWindow`` (``desktop.ui.main_window``), as ``RecordActions`` is. The
actions are shown to those who may merge (Permission.MERGE_RECORDS); the services check
it again, whatever the buttons say.
"""

from __future__ import annotations

from desktop.auth.permissions import Permission, can
from desktop.errors import UserError
from desktop.services.merges import MergeEvent
from desktop.ui.dates import format_local_date
from desktop.ui.widgets import open_once


class MergeActions:
    """Mixed into MainWindow."""

    def _make_merge_actions(self) -> None:
        # No accelerator letters: every letter these could take is another Records
        # item's in one of the translations (tests/desktop/ui/test_translation.py).
        self.merge_action = self._action(
            self.tr("Merge…"),
            self.merge_selected,
            shortcut="Ctrl+Shift+M",
            tip=self.tr("Merge the two records selected in the list (one person, twice)"),
        )
        self.duplicate_scan_action = self._action(
            self.tr("Possible duplicates…"),
            self.open_duplicate_scan,
            tip=self.tr("Find records across the caseload that may be one person"),
        )
        self.undo_merge_action = self._action(
            self.tr("Undo merge…"),
            self.undo_shown_merge,
            tip=self.tr("Put back the record merged into the one shown"),
        )

    def _merge_visibility(self) -> None:
        allowed = self.actor is not None and can(self.actor, Permission.MERGE_RECORDS)
        for action in (self.merge_action, self.duplicate_scan_action, self.undo_merge_action):
            action.setVisible(allowed)

    def shown_merge(self) -> MergeEvent | None:
        """The undoable merge of the record shown (it is either side), for those who may."""
        beneficiary = self.detail.beneficiary
        if (
            beneficiary is None
            or self.services is None
            or not can(self.actor, Permission.MERGE_RECORDS)
        ):
            return None
        try:
            return self.services.merges.undoable(beneficiary.id)
        except UserError:
            return None  # a notice is not worth an error box

    def _update_merge_actions(self, idle: bool) -> None:
        selected = self.caseload.selected_beneficiaries()
        self.merge_action.setEnabled(idle and not self.locked and len(selected) == 2)
        self.duplicate_scan_action.setEnabled(not self.locked)
        event = self.shown_merge() if idle and not self.locked else None
        self.undo_merge_action.setEnabled(event is not None)
        if event is None:
            self.detail.show_merge_notice("")
            return
        self.detail.show_merge_notice(
            self.tr(
                "Merged on %1: another record of this person was merged into this one."
            ).replace("%1", format_local_date(event.merged_at))
        )

    def merge_selected(self) -> None:
        selected = self.caseload.selected_beneficiaries()
        if len(selected) != 2 or self.services is None or self.locked:
            return
        from desktop.ui.merge_dialog import open_merge

        first, second = selected
        open_merge(self.services, first.id, second.id, self)

    def open_duplicate_scan(self) -> None:
        if self.services is None or self.locked:
            return
        from desktop.ui.duplicate_scan_window import DuplicateScanWindow

        def make():
            window = DuplicateScanWindow(self.services, self)
            window.scan()
            return window

        open_once(self, "duplicate_scan_window", make)

    def undo_shown_merge(self) -> None:
        event = self.shown_merge()
        if event is None or self.services is None:
            return
        from desktop.ui.merge_dialog import undo_merge

        undo_merge(self.services, event, self)
