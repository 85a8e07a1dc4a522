"""The Household tab of the beneficiary detail (issue 14 point 6).

Lists the members of the shown beneficiary's household, each with their relationship and
the head marked; Enter or a double-click on a member opens them. The actions: add an
existing beneficiary to the household (`AddMemberDialog`), register a new member (the
main window opens the registration form pre-filled with the household's address and
phone), change a member's relationship, make a member head, remove a member. Writes run
as an `Operation`; the detail reloads with everything else on ``changes().applied``.
A household with two heads after two laptops' offline changes says so above the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import schema
from desktop.domain.enums import Entity, Relationship
from desktop.domain.households import HeadProblem, Household, HouseholdMember
from desktop.domain.records import Beneficiary, BeneficiaryQuery
from desktop.errors import UserError
from desktop.services import Services
from desktop.ui.errors import show_error
from desktop.ui.fields import choice_text, translated
from desktop.ui.operations import Applied, Operation

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1
FOUND_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_LIMIT = 20


def relationship_combo(parent: QWidget) -> QComboBox:
    """The declared relationships, by their labels (schema.CHOICE_LABELS)."""
    combo = QComboBox(parent)
    for member in Relationship:
        combo.addItem(choice_text(member), member.value)
    return combo


class HouseholdPanel(QWidget):
    open_requested = Signal(str)  # a member's beneficiary id
    register_requested = Signal(str)  # the relationship of the new member to register

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("householdPanel")
        self._services: Callable[[], Services | None] = lambda: None
        self.beneficiary: Beneficiary | None = None
        self.household = Household(None)
        self.operation: Operation | None = None
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.problem = QLabel(self)
        self.problem.setObjectName("householdProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8a4b00;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.members = QListWidget(self)
        self.members.setObjectName("householdMembers")
        self.members.setAccessibleName(self.tr("Household members"))
        self.members.itemActivated.connect(lambda _item: self.open_current())
        self.members.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.members, 1)
        # Two rows of three: one row would widen the detail and squeeze the list.
        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.open_button = self._button("householdOpen", self.tr("&Open"), self.open_current)
        self.add_button = self._button("householdAdd", self.tr("&Add existing…"), self.add_existing)
        self.register_button = self._button(
            "householdRegister", self.tr("Register a &new member…"), self.register_new
        )
        self.relationship_button = self._button(
            "householdRelationship", self.tr("Re&lationship…"), self.change_relationship
        )
        self.head_button = self._button("householdHead", self.tr("Make &head"), self.make_head)
        self.remove_button = self._button("householdRemove", self.tr("&Remove"), self.remove)
        for at, button in enumerate(
            (
                self.open_button,
                self.relationship_button,
                self.head_button,
                self.add_button,
                self.register_button,
                self.remove_button,
            )
        ):
            buttons.addWidget(button, at // 3, at % 3)
        buttons.setColumnStretch(3, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def set_services(self, services: Callable[[], Services | None]) -> None:
        self._services = services

    # -- showing ---------------------------------------------------------------------------

    def set_household(self, beneficiary: Beneficiary, household: Household) -> None:
        chosen = self.current_member()
        self.beneficiary = beneficiary
        self.household = household
        self.members.clear()
        link = self.palette().color(QPalette.ColorRole.Link)
        for member in household.members:
            item = QListWidgetItem(self._member_text(member, beneficiary.id), self.members)
            item.setData(MEMBER_ROLE, member.beneficiary_id)
            item.setToolTip(self.tr("Enter or double-click opens %1").replace("%1", member.name))
            # Each member reads as a link to their record (the shown one is not one).
            font = QFont(self.members.font())
            font.setBold(member.is_head)
            if member.beneficiary_id != beneficiary.id:
                font.setUnderline(True)
                item.setForeground(link)
            item.setFont(font)
        if household.hidden:
            item = QListWidgetItem(
                self.tr("%n member(s) in other caseloads", "", household.hidden), self.members
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        if household.household_id is None:
            item = QListWidgetItem(self.tr("Not in a household."), self.members)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        problem = {
            HeadProblem.SEVERAL: self.tr(
                "Conflict: this household has several heads (%1), each made on another "
                "laptop. Choose the head: select a member and press Make head."
            ).replace("%1", ", ".join(m.name for m in household.heads)),
            HeadProblem.NONE: self.tr(
                "This household has no head. Select a member and press Make head."
            ),
        }.get(household.head_problem)
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        wanted = chosen.beneficiary_id if chosen is not None else beneficiary.id
        for row in range(self.members.count()):
            if self.members.item(row).data(MEMBER_ROLE) == wanted:
                self.members.setCurrentRow(row)
                break
        self._update_buttons()

    def _member_text(self, member: HouseholdMember, shown_id: str) -> str:
        parts = [member.name, choice_text(member.relationship)]
        if member.is_head:
            parts.insert(0, "★ " + self.tr("Head of household"))
        parts.append(member.case_number)
        if member.beneficiary_id == shown_id:
            parts.append(self.tr("this record"))
        return " · ".join(parts)

    def clear(self) -> None:
        self.beneficiary = None
        self.household = Household(None)
        self.members.clear()
        self.problem.clear()
        self.problem.hide()
        self._update_buttons()

    def current_member(self) -> HouseholdMember | None:
        item = self.members.currentItem()
        if item is None or item.data(MEMBER_ROLE) is None:
            return None
        return self.household.member(item.data(MEMBER_ROLE))

    def _update_buttons(self) -> None:
        member = self.current_member()
        shown = self.beneficiary is not None
        self.add_button.setEnabled(shown)
        self.register_button.setEnabled(shown)
        for button in (self.open_button, self.relationship_button, self.remove_button):
            button.setEnabled(member is not None)
        self.head_button.setEnabled(
            member is not None and (not member.is_head or self.household.head_problem is not None)
        )

    # -- actions ---------------------------------------------------------------------------

    def open_current(self) -> None:
        member = self.current_member()
        if member is not None:
            self.open_requested.emit(member.beneficiary_id)

    def _run(self, work: Callable[[], object], message: str) -> None:
        shown = self.beneficiary.id if self.beneficiary is not None else None
        self.operation = Operation(self, work).applies(Applied(message=message, show_id=shown))
        self.operation.run_in_background()

    def add_existing(self) -> None:
        services = self._services()
        if services is None or self.beneficiary is None:
            return
        self.dialog = AddMemberDialog(self, services, self.beneficiary, self.household)
        self.dialog.accepted.connect(self._add_chosen)
        self.dialog.finished.connect(lambda _result: self.members.setFocus())
        self.dialog.open()

    def _add_chosen(self) -> None:
        services, dialog, shown = self._services(), self.dialog, self.beneficiary
        if services is None or not isinstance(dialog, AddMemberDialog) or shown is None:
            return
        chosen, relationship = dialog.chosen_id(), dialog.relationship()
        if chosen is None:
            return
        self._run(
            lambda: services.households.link(chosen, to=shown.id, relationship=relationship),
            self.tr("Added to the household."),
        )

    def _ask_relationship(self, title: str, current: Relationship) -> str | None:
        labels = [choice_text(member) for member in Relationship]
        label, ok = QInputDialog.getItem(
            self,
            title,
            translated(schema.BY_NAME[Entity.HOUSEHOLD_LINK]["relationship"].label),
            labels,
            list(Relationship).index(current),
            False,
        )
        if not ok:
            return None
        return list(Relationship)[labels.index(label)].value

    def register_new(self) -> None:
        if self.beneficiary is None:
            return
        chosen = self._ask_relationship(self.tr("Register a new member"), Relationship.CHILD)
        if chosen is not None:
            self.register_requested.emit(chosen)

    def change_relationship(self) -> None:
        services, member = self._services(), self.current_member()
        if services is None or member is None:
            return
        title = self.tr("Relationship of %1").replace("%1", member.name)
        chosen = self._ask_relationship(title, member.relationship)
        if chosen is None or chosen == member.relationship.value:
            return
        self._run(
            lambda: services.households.set_relationship(
                member.beneficiary_id, chosen, expected_version=member.version
            ),
            self.tr("Relationship changed."),
        )

    def make_head(self) -> None:
        services, member = self._services(), self.current_member()
        if services is None or member is None:
            return
        self._run(
            lambda: services.households.make_head(member.beneficiary_id),
            self.tr("%1 is now the head of the household.").replace("%1", member.name),
        )

    def remove(self) -> None:
        services, member = self._services(), self.current_member()
        if services is None or member is None:
            return
        self._run(
            lambda: services.households.unlink(member.beneficiary_id),
            self.tr("%1 removed from the household.").replace("%1", member.name),
        )


class AddMemberDialog(QDialog):
    """Find a registered beneficiary (name or case number) and say how they are related."""

    def __init__(
        self, parent: QWidget, services: Services, shown: Beneficiary, household: Household
    ):
        super().__init__(parent)
        self.setObjectName("addMemberDialog")
        self.setWindowTitle(self.tr("Add to the household of %1").replace("%1", shown.full_name))
        self._services = services
        self._excluded = {m.beneficiary_id for m in household.members} | {shown.id}
        self.search = QLineEdit(self)
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Name or case number"))
        self.search.textChanged.connect(self._find)
        self.found = QListWidget(self)
        self.found.setObjectName("memberFound")
        self.found.setAccessibleName(self.tr("Beneficiaries found"))
        self.found.itemActivated.connect(lambda _item: self.accept_if_chosen())
        self.relationship_box = relationship_combo(self)
        self.relationship_box.setObjectName("memberRelationship")
        self.relationship_box.setCurrentIndex(list(Relationship).index(Relationship.CHILD))
        form = QFormLayout(self)
        form.addRow(self.tr("&Find:"), self.search)
        form.addRow(self.found)
        label = translated(schema.BY_NAME[Entity.HOUSEHOLD_LINK]["relationship"].label)
        form.addRow(label + ":", self.relationship_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.search.installEventFilter(self)
        self.search.setFocus()

    def eventFilter(self, watched, event) -> bool:
        # Down from the search box goes to the results, as in the list's search.
        if (
            watched is self.search
            and event.type() == event.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.found.count()
        ):
            self.found.setFocus()
            if self.found.currentRow() < 0:
                self.found.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def _find(self, text: str) -> None:
        self.found.clear()
        if len(text.strip()) < 2:
            return
        try:
            page = self._services.beneficiaries.list_page(
                BeneficiaryQuery(search=text.strip()), limit=SEARCH_LIMIT, with_total=False
            )
        except UserError as exc:
            show_error(self, exc)
            return
        for person in page.rows:
            if person.id in self._excluded:
                continue
            item = QListWidgetItem(f"{person.full_name} · {person.case_number}", self.found)
            item.setData(FOUND_ROLE, person.id)
        if self.found.count():
            self.found.setCurrentRow(0)

    def chosen_id(self) -> str | None:
        item = self.found.currentItem()
        return item.data(FOUND_ROLE) if item is not None else None

    def relationship(self) -> str:
        return self.relationship_box.currentData()

    def accept_if_chosen(self) -> None:
        if self.chosen_id() is not None:
            self.accept()
