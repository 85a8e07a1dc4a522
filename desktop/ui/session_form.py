"""The session form: when, how, what happened, the follow-up (``RecordForm``'s rules and
messages, ``desktop.ui.forms``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain import schema
from desktop.domain.enums import SessionStatus
from desktop.domain.forms import EMPTY as NO_CUSTOM_FIELDS
from desktop.domain.forms import FormSet
from desktop.domain.records import Beneficiary, CaseSession
from desktop.domain.schema import Column
from desktop.domain.validation import validate_case_session
from desktop.ui.dates import local_time
from desktop.ui.forms import RecordForm, new_record_defaults, stored_value, validation_problems
from desktop.ui.widgets import ask_with_safe_default


class CaseSessionForm(RecordForm):
    """A session with a beneficiary: when, how, what happened, follow-up."""

    def __init__(
        self,
        beneficiary: Beneficiary,
        case_session: CaseSession | None = None,
        parent: QWidget | None = None,
        *,
        forms: FormSet = NO_CUSTOM_FIELDS,
    ):
        title = (
            self.tr("New session with %s")
            if case_session is None
            else self.tr("Edit session with %s")
        ) % beneficiary.full_name
        super().__init__(title, parent)
        self.setObjectName("caseSessionForm")
        self.beneficiary = beneficiary
        self.case_session = case_session
        self.add_declared(schema.CASE_SESSION, Column.LEFT)
        self.add_declared(schema.CASE_SESSION, Column.RIGHT)
        stored = case_session.custom if case_session is not None else {}
        self.add_custom(forms.session, forms.default_language, stored)
        self.field("duration_minutes").setSingleStep(15)
        if case_session is not None:
            values = {name: stored_value(getattr(case_session, name)) for name in self.built_in}
            values["starts_at"] = local_time(case_session.starts_at)
            self.load(values)
        else:
            now = datetime.now().replace(second=0, microsecond=0)
            # Kind and status are chosen each time, not left at the store's default.
            self.load(
                {**new_record_defaults(schema.CASE_SESSION), "starts_at": now, **self.unchosen}
            )
        self.field("kind" if case_session is None else "summary").setFocus()

    required_choices = ("kind", "status")
    unchosen = dict.fromkeys(required_choices)

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        built_in = {k: v for k, v in values.items() if k != "custom"}
        found = {
            **validation_problems(validate_case_session, built_in),
            **self.custom_problems(values),
        }
        for name in self.required_choices:
            if not values.get(name):
                found[name] = self.tr("Choose the session's %1.").replace(
                    "%1", self.tr("kind") if name == "kind" else self.tr("status")
                )
        return found

    def confirm_save(self, values: dict[str, Any]) -> bool:
        if values.get("summary", "").strip() or values.get("status") != SessionStatus.DONE.value:
            return True
        return self.confirm_empty_summary()

    def confirm_empty_summary(self) -> bool:
        """A done session without a summary is kept only if the person says so."""
        if ask_with_safe_default(
            self,
            self.tr("No summary"),
            self.tr("This session is marked done but has no summary. Save it anyway?"),
            self.tr("&Save without summary"),
            safe=self.tr("&Write a summary"),
            icon=QMessageBox.Icon.Question,
        ):
            return True
        self.field("summary").setFocus()
        return False
