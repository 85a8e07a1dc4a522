"""The Sync panel's "Caseworkers on the server" page: local users linked to server accounts.

A record goes to the server as its owner's; an owner without a linked account keeps
their records here (the sync warns). A supervisor's sync links users whose username
the server knows; for the others the supervisor chooses the account here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.sync_account import ServerAccount, SyncAccount, UserLink
from desktop.ui.errors import show_error
from desktop.ui.operations import Operation
from desktop.ui.worker import Worker


class UserLinksPage(QWidget):
    def __init__(self, account: SyncAccount, parent: QWidget | None = None):
        super().__init__(parent)
        self.account = account
        self.accounts: list[ServerAccount] = []
        self.worker: Worker | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Records go to the server as their caseworker's. A caseworker who is not "
                "linked to a server account keeps their records on this laptop until linked."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("userLinksTable")
        self.table.setAccessibleName(self.tr("Local users and their server accounts"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Local user"), self.tr("Role"), self.tr("Server account")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find server &accounts"))
        self.find_button.clicked.connect(self.find_accounts)
        self.accounts_combo = QComboBox()
        self.accounts_combo.setAccessibleName(self.tr("Server account"))
        self.accounts_combo.setMinimumContentsLength(24)
        self.link_button = QPushButton(self.tr("&Link to this account"))
        self.link_button.clicked.connect(self.link_selected)
        row.addWidget(self.find_button)
        row.addWidget(self.accounts_combo, 1)
        row.addWidget(self.link_button)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        selected = self._selected()
        links = self.account.user_links()
        self.table.setRowCount(len(links))
        for index, link in enumerate(links):
            server = link.server_username or self.tr("not linked: records wait here")
            cells = (f"{link.display_name} ({link.username})", link.role, server)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, link)
                self.table.setItem(index, column, item)
            if selected is not None and link.user_id == selected.user_id:
                self.table.selectRow(index)
        self._update_buttons()

    def _selected(self) -> UserLink | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selection_changed(self) -> None:
        link = self._selected()
        if link is not None:
            # The account of the same username first, as the sync would match it.
            for index, account in enumerate(self.accounts):
                if account.username.casefold() == link.username.casefold():
                    self.accounts_combo.setCurrentIndex(index)
                    break
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.find_button.setEnabled(self.worker is None)
        self.link_button.setEnabled(
            self._selected() is not None and self.accounts_combo.currentIndex() >= 0
        )

    def find_accounts(self) -> Worker | None:
        """Loads the organisation's accounts from the server, off the GUI thread."""
        if self.worker is not None:
            return None
        self.worker = (
            Operation(self, self.account.organisation_accounts)
            .success(self._accounts_loaded)
            .failure(self._failed)
            .run_in_background()
        )
        self.worker.signals.done.connect(self._worker_done)
        self._update_buttons()
        return self.worker

    def _worker_done(self) -> None:
        self.worker = None
        self._update_buttons()

    def _accounts_loaded(self, accounts: list[ServerAccount]) -> None:
        self.accounts = [account for account in accounts if account.active]
        self.accounts_combo.clear()
        for account in self.accounts:
            self.accounts_combo.addItem(account.label)
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def link_selected(self) -> Operation | None:
        """Links the chosen user on the worker pool; the table shows it after."""
        link, index = self._selected(), self.accounts_combo.currentIndex()
        if link is None or not 0 <= index < len(self.accounts):
            return None
        account, chosen = self.account, self.accounts[index]
        linking = Operation(self, lambda: account.link_user(link.user_id, chosen))
        linking.success(lambda _result: self.refresh()).failure(self._link_failed)
        linking.run_in_background()
        return linking

    def _link_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.refresh()
