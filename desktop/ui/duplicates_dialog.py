"""Before a new beneficiary is registered: "this person may already be here"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Entity
from desktop.services.duplicates import (
    SAME_BIRTH_DATE,
    SAME_NAME,
    SAME_PHONE,
    SAME_VALUE,
    SIMILAR,
    PossibleDuplicate,
)
from desktop.ui.dates import format_date
from desktop.ui.fields import change_label
from desktop.ui.widgets import select_row

COL_WHY = 4  # the reasons, last


class DuplicatesDialog(QDialog):
    """Lists the possible matches; ``choice`` says what the user decided.

    ``OPEN``: show the selected record instead (only records the user may open);
    ``REGISTER``: register the new person anyway; ``BACK`` (Escape): keep editing.
    """

    OPEN, REGISTER, BACK, MERGE = "open", "register", "back", "merge"

    def __init__(
        self,
        matches: list[PossibleDuplicate],
        parent: QWidget | None = None,
        *,
        can_merge: bool = False,
    ):
        """``can_merge``: the user may merge records (``MERGE``: the two selected matches
        are one person; the caller opens the merge)."""
        super().__init__(parent)
        self.setObjectName("duplicates_dialog")
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.setMinimumWidth(620)
        self.resize(760, 360)  # room for the reasons on one line, mostly
        self.matches = matches
        self.choice = self.BACK
        reasons = self.reason_words()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This person may already be registered. Open the existing record instead of "
                "registering them twice, or register them anyway if this is someone else."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(len(matches), COL_WHY + 1, self)
        self.table.setObjectName("duplicates_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Name"),
                self.tr("Born"),
                self.tr("Caseworker"),
                self.tr("Why"),
            ]
        )
        self.table.setAccessibleName(self.tr("Possible duplicates"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Two of the matches may be the same person too: a supervisor selects both
        # (Ctrl+click, Shift+arrow) and merges them.
        self.can_merge = can_merge and sum(m.visible for m in matches) >= 2
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if self.can_merge
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # "Why" takes the width that is left and wraps onto more lines, never cut short.
        header.setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hidden = self.tr("(another caseload)")
        for row, match in enumerate(matches):
            cells = (
                match.case_number,
                match.full_name if match.visible else hidden,
                format_date(match.date_of_birth),
                match.caseworker_name,
                ", ".join(self.reason_text(reasons, reason) for reason in match.reasons),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not match.visible and column == 1:
                    item.setToolTip(
                        self.tr("Ask a supervisor: you may not open another caseload's records.")
                    )
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)
        layout.addWidget(self.table)

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(self.tr("&Open selected"), self)
        self.open_button.setObjectName("open_existing")
        self.register_button = QPushButton(self.tr("&Register anyway"), self)
        self.register_button.setObjectName("register_anyway")
        back = QPushButton(self.tr("Go &back"), self)
        back.setObjectName("go_back")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(back, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button = QPushButton(self.tr("&Merge the two selected…"), self)
        self.merge_button.setObjectName("merge_selected")
        self.merge_button.setVisible(self.can_merge)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(lambda: self._decide(self.MERGE))
        self.open_button.clicked.connect(lambda: self._decide(self.OPEN))
        self.register_button.clicked.connect(lambda: self._decide(self.REGISTER))
        back.clicked.connect(self.reject)
        layout.addWidget(buttons)

        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._open_if_allowed())
        first_visible = next((i for i, m in enumerate(matches) if m.visible), None)
        if first_visible is not None:
            select_row(self.table, first_visible)
            self.open_button.setDefault(True)
        else:
            back.setDefault(True)
        self._selection_changed()
        self.table.setFocus()

    @classmethod
    def reason_words(cls) -> dict[str, str]:
        """The fixed reasons as read (here and in the office-wide scan's window). Asked as
        ``DuplicatesDialog.tr``: lupdate files a classmethod's ``cls.tr`` under "cls"."""
        return {
            SAME_NAME: DuplicatesDialog.tr("same name"),
            SIMILAR: DuplicatesDialog.tr("similar name"),
            SAME_BIRTH_DATE: DuplicatesDialog.tr("same date of birth"),
            SAME_PHONE: DuplicatesDialog.tr("same phone number"),
        }

    @classmethod
    def reason_text(cls, reasons: dict[str, str], reason: str) -> str:
        """A reason as read: the fixed ones, or "same <field>" for a field compared whole."""
        if reason.startswith(SAME_VALUE):
            return DuplicatesDialog.tr("same %1").replace(
                "%1", change_label(Entity.BENEFICIARY, reason.removeprefix(SAME_VALUE)).lower()
            )
        return reasons.get(reason, reason)

    def selected(self) -> PossibleDuplicate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.matches[rows[0].row()] if len(rows) == 1 else None

    def selected_pair(self) -> tuple[PossibleDuplicate, PossibleDuplicate] | None:
        """The two selected matches, when two the user may open are selected."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        chosen = [self.matches[row] for row in rows]
        if len(chosen) != 2 or not all(m.visible for m in chosen):
            return None
        return chosen[0], chosen[1]

    def _selection_changed(self) -> None:
        match = self.selected()
        self.open_button.setEnabled(match is not None and match.visible)
        self.merge_button.setEnabled(self.selected_pair() is not None)

    def _open_if_allowed(self) -> None:
        if self.open_button.isEnabled():
            self._decide(self.OPEN)

    def _decide(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        self.choice = self.BACK
        super().reject()
