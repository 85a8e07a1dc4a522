"""The "Tasks" panel: my tasks (overdue, today, this week) and, for supervisors, the office's.

A dock beside the caseload (View → My tasks, Ctrl+T). Marking a task done asks for a
note, dismissing it for a reason (`TaskCloseDialog`); both run as an `Operation`, and the
panel reloads with everything else on ``changes().applied``. The services are read
through a getter, since a locked window has none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.permissions import Permission, can
from desktop.domain.tasks import Due, TaskView
from desktop.errors import UserError
from desktop.services import Services
from desktop.ui.dates import format_date
from desktop.ui.errors import show_error
from desktop.ui.operations import Applied, Operation, changes

TASK_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = 3  # due, what to do, beneficiary (and case no.)


class TaskCloseDialog(QDialog):
    """Asks for the note of a task done, or the reason of a task dismissed."""

    def __init__(self, parent: QWidget, task: TaskView, *, done: bool):
        super().__init__(parent)
        self.setObjectName("taskCloseDialog")
        self.setWindowTitle(self.tr("Mark task done") if done else self.tr("Dismiss task"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("taskCloseText")
        self.text.setTabChangesFocus(True)
        asked = self.tr("What was done:") if done else self.tr("Why it is not to be done:")
        label = QLabel(asked, self)
        label.setBuddy(self.text)
        self.text.setAccessibleName(asked)
        self.problem = QLabel(self)
        self.problem.setObjectName("taskCloseProblem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        about = QLabel(
            self.tr("%1 · %2, due %3")
            .replace("%1", task.case_number)
            .replace("%2", task.beneficiary_name)
            .replace("%3", format_date(task.due_on)),
            self,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Mark done") if done else self.tr("Dismiss")
        )
        buttons.accepted.connect(self._accept_if_written)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (about, label, self.text, self.problem, buttons):
            layout.addWidget(widget)
        self.resize(420, 240)

    def value(self) -> str:
        return self.text.toPlainText().strip()

    def _accept_if_written(self) -> None:
        if not self.value():
            self.problem.setText(self.tr("Write a few words first."))
            self.problem.show()
            self.text.setFocus()
            return
        self.accept()


class TasksPanel(QWidget):
    """My tasks by when they are due; the office's by caseworker (supervisors)."""

    open_requested = Signal(str)  # a beneficiary id

    def __init__(
        self,
        services: Callable[[], Services | None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.setObjectName("tasksPanel")
        self._services = services
        self._today = today
        self.dialog: TaskCloseDialog | None = None
        self.operation: Operation | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tasksTabs")
        self.mine = self._tree("myTasks", self.tr("My tasks"))
        self.office = self._tree("officeTasks", self.tr("Office tasks"))
        self.tabs.addTab(self.mine, self.tr("&My tasks"))
        self.office_index = self.tabs.addTab(self.office, self.tr("&Office"))

        self.done_button = QPushButton(self.tr("Mark &done…"), self)
        self.done_button.setObjectName("taskDone")
        self.done_button.clicked.connect(lambda: self.close_current(done=True))
        self.dismiss_button = QPushButton(self.tr("D&ismiss…"), self)
        self.dismiss_button.setObjectName("taskDismiss")
        self.dismiss_button.clicked.connect(lambda: self.close_current(done=False))
        self.open_button = QPushButton(self.tr("O&pen record"), self)
        self.open_button.setObjectName("taskOpen")
        self.open_button.clicked.connect(self.open_current)
        buttons = QHBoxLayout()
        for button in (self.done_button, self.dismiss_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("tasksSummary")
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.tabs.currentChanged.connect(lambda _index: self._update_buttons())
        changes().applied.connect(lambda _applied: self.reload())
        self._update_buttons()

    def _tree(self, name: str, accessible: str) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setAccessibleName(accessible)
        tree.setColumnCount(COLUMNS)
        tree.setHeaderLabels([self.tr("Due"), self.tr("Task"), self.tr("Beneficiary")])
        tree.setRootIsDecorated(True)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        tree.itemActivated.connect(lambda item, _column: self._activated(item))
        tree.installEventFilter(self)
        return tree

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In a list: Ctrl+Enter marks the chosen task done, Delete dismisses it."""
        trees = (getattr(self, "mine", None), getattr(self, "office", None))
        if event.type() == QEvent.Type.KeyPress and watched in trees:
            key, modifiers = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                modifiers & Qt.KeyboardModifier.ControlModifier
            ):
                self.close_current(done=True)
                return True
            if key == Qt.Key.Key_Delete and not modifiers:
                self.close_current(done=False)
                return True
        return super().eventFilter(watched, event)

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        services = self._services()
        if services is None or not self.isVisible():
            return
        today = self._today()
        try:
            mine = services.tasks.mine(today)
            supervisor = can(services.actor, Permission.VIEW_ALL_RECORDS)
            office = services.tasks.open_tasks(due_by=today) if supervisor else []
            loads = services.tasks.office_load(today) if supervisor else []
        except UserError as exc:
            show_error(self, exc)
            return
        self.tabs.setTabVisible(self.office_index, supervisor)
        self._fill_mine(mine, today)
        if supervisor:
            self._fill_office(office, loads, today)
        overdue = sum(1 for task in mine if task.due(today) is Due.OVERDUE)
        self.summary.setText(
            self.tr("%n of your tasks overdue", "", overdue)
            if overdue
            else self.tr("None of your tasks is overdue.")
        )
        self._update_buttons()

    def _task_item(self, parent: QTreeWidgetItem, task: TaskView, *, late: bool) -> None:
        what = task.title or self.tr("Session's follow-up")
        who = (
            self.tr("%1 (%2)").replace("%1", task.beneficiary_name).replace("%2", task.case_number)
        )
        item = QTreeWidgetItem(parent, [format_date(task.due_on), what, who])
        item.setData(0, TASK_ROLE, task)
        if late:
            item.setForeground(0, Qt.GlobalColor.darkRed)

    def _group(self, tree: QTreeWidget, text: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(tree, [text])
        group.setFirstColumnSpanned(True)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        return group

    def _fill_mine(self, tasks: list[TaskView], today: date) -> None:
        chosen = self._chosen_id(self.mine)
        self.mine.clear()
        titles = {
            Due.OVERDUE: self.tr("Overdue (%1)"),
            Due.TODAY: self.tr("Today (%1)"),
            Due.THIS_WEEK: self.tr("This week (%1)"),
        }
        for due, title in titles.items():
            of_bucket = [task for task in tasks if task.due(today) is due]
            group = self._group(self.mine, title.replace("%1", str(len(of_bucket))))
            for task in of_bucket:
                self._task_item(group, task, late=due is Due.OVERDUE)
        self._expand_and_choose(self.mine, chosen)

    def _fill_office(self, tasks: list, loads: list, today: date) -> None:
        chosen = self._chosen_id(self.office)
        self.office.clear()
        for load in loads:
            if not (load.overdue or load.today):
                continue
            group = self._group(
                self.office,
                self.tr("%1: %2 overdue, %3 today, %4 later this week")
                .replace("%1", load.caseworker_name)
                .replace("%2", str(load.overdue))
                .replace("%3", str(load.today))
                .replace("%4", str(load.this_week)),
            )
            for task in tasks:
                if task.caseworker_id == load.caseworker_id:
                    self._task_item(group, task, late=task.due(today) is Due.OVERDUE)
        self._expand_and_choose(self.office, chosen)

    def _expand_and_choose(self, tree: QTreeWidget, chosen: str | None) -> None:
        tree.expandAll()
        for column in range(COLUMNS - 1):
            tree.resizeColumnToContents(column)
        first = None
        for index in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                first = first or item
                if item.data(0, TASK_ROLE).id == chosen:
                    tree.setCurrentItem(item)
                    return
        if first is not None:
            tree.setCurrentItem(first)

    # -- acting ----------------------------------------------------------------------------

    def _tree_shown(self) -> QTreeWidget:
        return self.office if self.tabs.currentWidget() is self.office else self.mine

    def _chosen_id(self, tree: QTreeWidget) -> str | None:
        item = tree.currentItem()
        task = item.data(0, TASK_ROLE) if item is not None else None
        return task.id if task is not None else None

    def current_task(self) -> TaskView | None:
        item = self._tree_shown().currentItem()
        return item.data(0, TASK_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self.current_task() is not None
        for button in (self.done_button, self.dismiss_button, self.open_button):
            button.setEnabled(chosen)

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, TASK_ROLE) is not None:
            self.open_current()

    def open_current(self) -> None:
        task = self.current_task()
        if task is not None:
            self.open_requested.emit(task.beneficiary_id)

    def close_current(self, *, done: bool) -> None:
        """Asks for the note or reason, then marks the chosen task done or dismisses it."""
        task = self.current_task()
        services = self._services()
        if task is None or services is None:
            return
        self.dialog = TaskCloseDialog(self, task, done=done)
        self.dialog.accepted.connect(lambda: self._closed(services, task, done))
        tree = self._tree_shown()
        self.dialog.finished.connect(lambda _result: tree.setFocus())  # back to the list
        self.dialog.open()

    def _closed(self, services: Services, task: TaskView, done: bool) -> None:
        text = self.dialog.value() if self.dialog is not None else ""
        if done:
            message = self.tr("Task marked done.")

            def work():
                return services.tasks.mark_done(task.id, text, expected_version=task.version)
        else:
            message = self.tr("Task dismissed.")

            def work():
                return services.tasks.dismiss(task.id, text, expected_version=task.version)

        self.operation = Operation(self, work).applies(Applied(message=message))
        self.operation.run_in_background()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()
        self._tree_shown().setFocus()
