"""The main window's record work: the forms it opens and the actions on the shown record.

A part of ``MainWindow`` (``desktop.ui.main_window``). Each action that writes runs as
an ``Operation`` on the worker pool and announces what it changed on the one
``changes().applied`` signal; the window refreshes the list, the detail and the status
bar from there (``MainWindow.apply_changes``), never here. A form's save is such an
operation too (``RecordForm.submit``): the window hands it the write, the check before it
and what to announce once it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop.auth.permissions import Permission, can
from desktop.domain.forms import EMPTY as NO_CUSTOM_FIELDS
from desktop.domain.forms import FormSet
from desktop.domain.records import Beneficiary, CaseSession
from desktop.errors import UserError
from desktop.services import Services
from desktop.ui.close_dialog import ask_closure
from desktop.ui.duplicates_dialog import DuplicatesDialog
from desktop.ui.errors import show_error
from desktop.ui.fields import use_definitions
from desktop.ui.forms import BeneficiaryForm, KeepEditing, RecordForm
from desktop.ui.operations import Applied, Operation
from desktop.ui.session_form import CaseSessionForm
from desktop.ui.widgets import ask_with_safe_default

# What the members of a household share, and a new member's form starts with.
HOUSEHOLD_SHARED = ("address", "phone")


class RecordActions:
    """Mixed into MainWindow: forms, session actions and case actions."""

    # -- forms -----------------------------------------------------------------------------

    def current_forms(self) -> FormSet:
        """The organisation's published form definition, which the forms and the detail
        show the custom fields of (none while nothing is published)."""
        if self.services is None:
            return NO_CUSTOM_FIELDS
        try:
            current = self.services.forms.current()
        except UserError as exc:
            show_error(self, exc)
            return NO_CUSTOM_FIELDS
        use_definitions(current)  # the history's and the conflicts' custom labels
        return current

    def _open_form(self, form: RecordForm) -> None:
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.setWindowModality(Qt.WindowModality.WindowModal)
        self._forms.append(form)
        form.finished.connect(
            lambda _result, f=form: self._forms.remove(f) if f in self._forms else None
        )
        form.open()

    def open_forms(self) -> list[RecordForm]:
        return list(self._forms)

    def save_current_form(self) -> None:
        for form in reversed(self._forms):
            if form.isVisible():
                form.submit()
                return

    def new_beneficiary(self) -> None:
        if self.locked or self.services is None:
            return
        form = self._registration_form()
        form.set_save(
            lambda values, **options: self._services().beneficiaries.create(values, **options),
            check=self._duplicate_check(form),
            applied=self._beneficiary_saved,
        )
        self._open_form(form)

    def register_household_member(self, relationship: str) -> None:
        """The registration form for a new member of the shown beneficiary's household,
        pre-filled with the household's address and phone (the head's; the shown record's
        where the head has none, or there is no head); saved, the new person joins the
        household with ``relationship``."""
        shown = self.current_beneficiary()
        if self.locked or self.services is None or shown is None:
            return
        services = self._services()
        try:
            head = services.households.household_of(shown.id).head
            source = services.beneficiaries.get(head.beneficiary_id) if head else shown
        except UserError as exc:
            show_error(self, exc)
            return
        shared = {name: getattr(source, name) or getattr(shown, name) for name in HOUSEHOLD_SHARED}
        form = self._registration_form({name: value for name, value in shared.items() if value})

        def save(values: dict[str, Any], **options: Any) -> Beneficiary:
            made = services.beneficiaries.create(values, **options)
            services.households.link(made.id, to=shown.id, relationship=relationship)
            return made

        form.set_save(
            save, check=self._duplicate_check(form, shown.id), applied=self._beneficiary_saved
        )
        self._open_form(form)

    def _registration_form(self, prefill: dict[str, Any] | None = None) -> BeneficiaryForm:
        caseworkers = None
        if can(self.actor, Permission.REASSIGN_RECORDS):
            caseworkers = self._caseworkers()
        return BeneficiaryForm(
            caseworkers=caseworkers,
            default_caseworker_id=self.actor.id,
            forms=self.current_forms(),
            parent=self,
            prefill=prefill,
        )

    def _duplicate_check(
        self, form: BeneficiaryForm, household_of: str | None = None
    ) -> Callable[[dict[str, Any]], None]:
        """The check before a registration's save; ``household_of``: a member whose
        household the new person joins (their shared phone is no reason to stop)."""

        def check(values: dict[str, Any]) -> None:
            # In the GUI thread, before the save: the read is a few indexed queries (at most
            # a few hundred candidates), and its answer decides, with the person, whether
            # there is a save at all.
            matches = self._services().beneficiaries.possible_duplicates(
                values, household_of=household_of
            )
            if matches:
                dialog = DuplicatesDialog(
                    matches, parent=form, can_merge=can(self.actor, Permission.MERGE_RECORDS)
                )
                dialog.exec()
                choice, chosen, pair = dialog.choice, dialog.selected(), dialog.selected_pair()
                dialog.deleteLater()
                if choice == DuplicatesDialog.MERGE and pair is not None:
                    # Two registered records are one person: merged, then back to the form.
                    from desktop.ui.merge_dialog import open_merge

                    open_merge(self._services(), pair[0].id, pair[1].id, form)
                    raise KeepEditing()
                if choice == DuplicatesDialog.OPEN and chosen is not None:
                    form.discard()
                    self._reselect(chosen.id)
                    raise KeepEditing()
                if choice != DuplicatesDialog.REGISTER:
                    raise KeepEditing()

        return check

    def edit_beneficiary(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or self.locked:
            return
        form = BeneficiaryForm(beneficiary, forms=self.current_forms(), parent=self)
        form.set_save(
            lambda values: self._services().beneficiaries.update(
                beneficiary.id, values, expected_version=beneficiary.version
            ),
            applied=self._beneficiary_saved,
        )
        self._open_form(form)

    def _beneficiary_saved(self, beneficiary: Beneficiary) -> Applied:
        message = self.tr("Saved %1.").replace("%1", beneficiary.case_number)
        return Applied(show_id=beneficiary.id, message=message)

    def new_session(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or self.locked:
            return
        form = CaseSessionForm(beneficiary, parent=self, forms=self.current_forms())
        form.set_save(
            lambda values: self._services().case_sessions.create(beneficiary.id, values),
            applied=self._session_saved,
        )
        self._open_form(form)

    def edit_session(self, case_session: CaseSession) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or self.locked:
            return
        form = CaseSessionForm(beneficiary, case_session, parent=self, forms=self.current_forms())
        form.set_save(
            lambda values: self._services().case_sessions.update(
                case_session.id, values, expected_version=case_session.version
            ),
            applied=self._session_saved,
        )
        self._open_form(form)

    def edit_selected_session(self) -> None:
        case_session = self.detail.selected_session()
        if case_session is not None:
            self.edit_session(case_session)

    def _session_saved(self, case_session: CaseSession) -> Applied:
        return Applied(show_id=case_session.beneficiary_id, message=self.tr("Session saved."))

    def _services(self) -> Services:
        """The services of the moment. A form's save asks from its pool thread: lock()
        waits for the workers before it closes them, so they are open while it writes."""
        if self.services is None:
            raise UserError(self.tr("Caseload is locked; unlock it to save."))
        return self.services

    # -- running an action -----------------------------------------------------------------

    def run_operation(self, op: Callable[[], Any], applied: Applied) -> Operation | None:
        """Runs ``op`` on the worker pool; ``applied`` is announced once it succeeded.

        One record action at a time: the actions wait (disabled) until it is done, so a
        second press does not act on the record as it was before the first.
        """
        if self.services is None or self.record_operation is not None:
            return None
        operation = Operation(self, op).applies(applied)
        operation.success(lambda _result: self._record_operation_ended())
        operation.failure(self._record_operation_failed)
        self.record_operation = operation
        operation.run_in_background()
        self._update_actions()
        return operation

    def _record_operation_ended(self) -> None:
        self.record_operation = None
        self._update_actions()

    def _record_operation_failed(self, exc: BaseException) -> None:
        self._record_operation_ended()
        show_error(self, exc)

    def _session_action(self, operation: Callable[[Services, CaseSession], Any], message: str):
        case_session = self.detail.selected_session()
        beneficiary = self.current_beneficiary()
        services = self.services
        if case_session is None or beneficiary is None or services is None:
            return None
        return self.run_operation(
            lambda: operation(services, case_session),
            Applied(show_id=beneficiary.id, message=message),
        )

    def cancel_session(self) -> None:
        self._session_action(
            lambda services, s: services.case_sessions.cancel(s.id), self.tr("Session cancelled.")
        )

    def delete_session(self) -> None:
        if not can(self.actor, Permission.DELETE_RECORDS) or self.detail.selected_session() is None:
            return
        if not self.confirm(
            self.tr("Delete session"),
            self.tr("Delete this session, with its summary and outcome?"),
            self.tr("&Delete session"),
        ):
            return
        self._session_action(
            lambda services, s: services.case_sessions.delete(s.id), self.tr("Session deleted.")
        )

    # -- record actions --------------------------------------------------------------------

    def confirm(self, title: str, text: str, action: str | None = None) -> bool:
        """Asks before an action; ``action`` names the button that does it.

        Cancel is the default and the Escape button, so a reflex Enter never deletes or
        replaces anything; the action happens only when its own button is chosen.
        """
        return ask_with_safe_default(
            self, title, text, action or self.tr("&Continue"), exposed_as="confirm_box"
        )

    def _record_action(
        self, operation: Callable[[Services, Beneficiary], Any], message: str, *, removes=False
    ):
        beneficiary = self.current_beneficiary()
        services = self.services
        if beneficiary is None or services is None:
            return None
        applied = (
            Applied(removed_id=beneficiary.id, message=message)
            if removes
            else Applied(show_id=beneficiary.id, message=message)
        )
        return self.run_operation(lambda: operation(services, beneficiary), applied)

    def close_case(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or not self.close_case_action.isEnabled():
            return
        answer = ask_closure(self, beneficiary)  # why: a reason, and a note for "Other"
        if answer is None:
            return
        self._record_action(
            lambda services, b: services.beneficiaries.close(b.id, *answer),
            self.tr("Case closed."),
        )

    def print_case(self) -> None:
        """Print… (Ctrl+P): the case summary or a referral letter, on paper or as PDF."""
        from desktop.ui.print_dialog import print_case  # QtPrintSupport: loaded when used

        print_case(self)

    def reopen_case(self) -> None:
        self._record_action(
            lambda services, b: services.beneficiaries.reopen(b.id), self.tr("Case reopened.")
        )

    def reassign(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or not can(self.actor, Permission.REASSIGN_RECORDS):
            return
        caseworkers = self._caseworkers()
        names = [c.display_name for c in caseworkers]
        current = next(
            (i for i, c in enumerate(caseworkers) if c.id == beneficiary.caseworker_id), 0
        )
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Reassign"),
            self.tr("New caseworker for %1:").replace("%1", beneficiary.full_name),
            names,
            current,
            False,
        )
        if not ok:
            return
        target = caseworkers[names.index(name)]
        self._record_action(
            lambda services, b: services.beneficiaries.reassign(b.id, target.id),
            self.tr("Reassigned to %1.").replace("%1", target.display_name),
        )

    def delete_beneficiary(self) -> None:
        beneficiary = self.current_beneficiary()
        if beneficiary is None or not can(self.actor, Permission.DELETE_RECORDS):
            return
        sessions = self.detail.sessions_model.rowCount()  # the detail shows this beneficiary
        if not self.confirm(
            self.tr("Delete beneficiary"),
            self.tr(
                "Delete %1 (%2)? Their personal data and their sessions (%3), with every "
                "summary and outcome, are removed; the deletion is recorded and synced."
            )
            .replace("%3", str(sessions))
            .replace("%1", beneficiary.full_name)
            .replace("%2", beneficiary.case_number),
            self.tr("&Delete"),
        ):
            return
        self._record_action(
            lambda services, b: services.beneficiaries.delete(b.id),
            self.tr("Deleted."),
            removes=True,
        )
