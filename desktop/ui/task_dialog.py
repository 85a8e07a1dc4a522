"""A task written by hand for the beneficiary shown (Records → New task…, Ctrl+Shift+T).

The dialog asks for the due date and what is to be done; the service checks both (the
messages come back beside the fields) and writes the task through the one write path.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.domain import schema
from desktop.domain.enums import Entity
from desktop.domain.records import Beneficiary
from desktop.domain.tasks import TaskView
from desktop.errors import ValidationError
from desktop.ui.fields import translated
from desktop.ui.messages import rendered
from desktop.ui.operations import Applied, Operation
from desktop.ui.widgets import DateEdit

# What a task by hand is first due: a week from today, a caseworker's usual next step.
DEFAULT_DAYS = 7


class NewTaskDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        beneficiary: Beneficiary,
        create: Callable[[str, dict], TaskView],
    ):
        super().__init__(parent)
        self.setObjectName("newTaskDialog")
        self.setWindowTitle(self.tr("New task for %1").replace("%1", beneficiary.full_name))
        self._beneficiary = beneficiary
        self._create = create
        self.operation: Operation | None = None
        fields = schema.BY_NAME[Entity.TASK]
        self.due = DateEdit(self)
        self.due.setObjectName("taskDue")
        self.due.set_date(date.today() + timedelta(days=DEFAULT_DAYS))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("taskTitle")
        self.title_edit.setMaxLength(fields["title"].max_length or 200)
        self.title_edit.setPlaceholderText(translated(fields["title"].placeholder))
        self.problem = QLabel(self)
        self.problem.setObjectName("taskProblem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(translated(fields["due_on"].label), self.due)
        form.addRow(translated(fields["title"].label), self.title_edit)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add task"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.title_edit.setFocus()
        self.resize(440, 150)

    def save(self) -> None:
        values = {"due_on": self.due.iso() or None, "title": self.title_edit.text()}
        self.buttons.setEnabled(False)
        self.operation = (
            Operation(self, lambda: self._create(self._beneficiary.id, values))
            .applies(Applied(show_id=self._beneficiary.id, message=self.tr("Task added.")))
            .success(lambda _task: self.accept())
            .failure(self._refused)
        )
        self.operation.run_in_background()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            fields = schema.BY_NAME[Entity.TASK]
            labels = {name: translated(f.label) for name, f in fields.items()}
            self.problem.setText("\n".join(rendered(exc.problems, labels).values()))
        else:
            self.problem.setText(str(exc))
        self.problem.show()
