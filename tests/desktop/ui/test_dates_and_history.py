"""Dates as a person types and reads them, and a history that says what changed.

Issue 17, points 5 and 6: a date field takes the locale's own format (and ISO always) or
a day picked in a calendar, and stores ISO; every date and time on screen is in the
person's locale and time zone; the history shows old → new values, and the detail has
one timeline of sessions and changes, newest first.
"""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QToolButton

from desktop.auth.permissions import ROLE_PERMISSIONS, Permission
from desktop.domain.enums import Role
from desktop.domain.records import AuditEvent
from desktop.errors import PermissionDenied
from desktop.services.audit import TimelineKind
from desktop.ui.forms import BeneficiaryForm
from desktop.ui.models.audit_table import COL_AT, COL_CHANGES, change_lines
from desktop.ui.models.beneficiary_table import (
    COL_DATE_OF_BIRTH,
    COL_UPDATED_AT,
    BeneficiaryRole,
)
from desktop.ui.models.case_session_table import COL_STARTS_AT
from desktop.ui.models.timeline import TimelineEntryRole
from desktop.ui.session_form import CaseSessionForm
from tests.desktop.ui.conftest import closed, save_ended
from tests.desktop.ui.test_windows import log_in

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton
# No daylight saving time, and a half-hour offset: a time shown in UTC cannot pass.
KOLKATA = timedelta(hours=5, minutes=30)


@pytest.fixture
def locale_as(qapp):
    """``locale_as("fr_FR")``: the app's locale, as desktop.app sets it; undone after."""
    previous = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(previous)


@pytest.fixture
def time_zone():
    """``time_zone("Asia/Kolkata")``: the process's zone (TZ + tzset); undone after."""
    previous = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if previous is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = previous
    time.tzset()


def new_form(qtbot, services) -> BeneficiaryForm:
    """A new-beneficiary form that saves through the real service, as the window's does."""
    form = BeneficiaryForm()
    form.set_save(lambda values: services.beneficiaries.create(values))
    # Closed after the test, dirty or not: no modal "unsaved changes" question then.
    form.confirm_discard = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    active(qtbot, form)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    return form


def active(qtbot, form):
    """A form the window opened, with the keyboard (Ctrl+S is the form's shortcut)."""
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def type_text(widget, text: str) -> None:
    """Key presses carrying each character, as an Arabic keyboard layout sends them
    (QTest's keyClicks knows Latin-1 only)."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)


def save(qtbot, form) -> None:
    qtbot.keyClick(form.field("last_name"), Qt.Key.Key_S, CTRL)
    save_ended(qtbot, form)


# -- point 5: typing and picking dates ----------------------------------------------------------


def test_a_date_typed_the_french_way_is_stored_as_iso_and_shown_the_french_way(
    qtbot, controller, office, locale_as
):
    locale_as("fr_FR")
    window = log_in(qtbot, controller, "cara")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = active(qtbot, window.open_forms()[-1])
    assert isinstance(form, BeneficiaryForm)
    assert form.field("date_of_birth").placeholderText() == "e.g. 31/12/1990"
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    qtbot.keyClicks(form.field("date_of_birth"), "14/03/1988")
    qtbot.keyClick(form.field("date_of_birth"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(form))

    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    listed = window.model.index(0, 0).data(BeneficiaryRole)
    assert window.services.beneficiaries.get(listed.id).date_of_birth == date(1988, 3, 14)
    assert window.model.index(0, COL_DATE_OF_BIRTH).data() == "14/03/1988"
    window.caseload.select_row(0)
    assert window.detail.values["date_of_birth"].text() == "14/03/1988"


@pytest.mark.parametrize(
    ("locale", "typed"),
    [
        ("en_GB", "14/03/1988"),
        ("en_US", "03/14/1988"),
        ("en_US", "3/14/1988"),
        ("ar_EG", "14/3/1988"),  # Latin digits under Arabic
        ("ar_EG", "١٤/٣/١٩٨٨"),  # and Arabic-Indic ones
        ("C", "1988-03-14"),
        ("en_GB", "1988-03-14"),
        ("fr_FR", "1988-03-14"),
        ("en_US", "1988-03-14"),
        ("ar_EG", "1988-03-14"),
        ("es_ES", "1988-03-14"),
    ],
)
def test_the_locale_s_own_format_and_iso_are_both_understood(
    qtbot, office, locale_as, locale, typed
):
    locale_as(locale)
    form = new_form(qtbot, office.services("cara"))
    type_text(form.field("date_of_birth"), typed)
    save(qtbot, form)
    assert form.error_text("date_of_birth") == ""
    assert form.result_record.date_of_birth == date(1988, 3, 14)


def test_a_day_picked_in_the_calendar_fills_the_field(qtbot, office, locale_as):
    locale_as("fr_FR")
    form = new_form(qtbot, office.services("cara"))
    field = form.field("date_of_birth")

    # The button at the end of the field opens the calendar on today; keys move and pick.
    (button,) = field.findChildren(QToolButton)
    qtbot.mouseClick(button, LEFT)
    assert field.popup.isVisible()
    calendar = field.calendar
    assert calendar.selectedDate() == QDate.currentDate()
    view = calendar.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # a month back
    qtbot.keyClick(view, Qt.Key.Key_Left)  # a day back
    qtbot.keyClick(view, Qt.Key.Key_Return)
    picked = QDate.currentDate().addMonths(-1).addDays(-1)
    assert not field.popup.isVisible()
    assert field.text() == picked.toString("dd/MM/yyyy")
    assert form.values()["date_of_birth"] == picked.toString("yyyy-MM-dd")

    # Alt+Down opens it again on the field's date; a click on the 15th picks that day.
    qtbot.keyClick(field, Qt.Key.Key_Down, ALT)
    assert field.popup.isVisible() and calendar.selectedDate() == picked
    model = view.model()
    (fifteenth,) = [
        model.index(row, column)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if str(model.index(row, column).data()) == "15"
    ]
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(fifteenth).center())
    assert not field.popup.isVisible()
    assert field.text() == f"15/{picked.toString('MM/yyyy')}"

    # Escape closes the calendar and keeps the date.
    qtbot.keyClick(field, Qt.Key.Key_F4)
    assert field.popup.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not field.popup.isVisible()
    save(qtbot, form)
    assert form.result_record.date_of_birth == date(picked.year(), picked.month(), 15)


@pytest.mark.parametrize("typed", ["31/02/1988", "1988-02-31", "14.03.88"])
def test_an_impossible_date_gets_the_core_s_message_and_nothing_is_saved(
    qtbot, office, locale_as, typed
):
    locale_as("fr_FR")
    services = office.services("cara")
    form = new_form(qtbot, services)
    qtbot.keyClicks(form.field("date_of_birth"), typed)
    save(qtbot, form)
    assert form.isVisible() and form.result_record is None
    assert form.error_text("date_of_birth") == (
        "Date of birth is not a valid date (use YYYY-MM-DD)."
    )
    assert services.beneficiaries.count_visible() == 0

    # Corrected the French way, the message goes as soon as the date is valid.
    form.field("date_of_birth").clear()
    qtbot.keyClicks(form.field("date_of_birth"), "14/03/1988")
    assert form.error_text("date_of_birth") == ""


def test_an_empty_date_stays_possible(qtbot, office, locale_as):
    locale_as("fr_FR")
    form = new_form(qtbot, office.services("cara"))
    save(qtbot, form)
    assert form.result_record.date_of_birth is None


def test_a_follow_up_date_typed_in_the_session_form(qtbot, controller, office, locale_as):
    locale_as("en_US")
    office.services("cara").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "cara")
    window.caseload.select_row(0)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = active(qtbot, window.open_forms()[-1])
    assert isinstance(form, CaseSessionForm)
    qtbot.keyClicks(form.field("kind"), "Office")
    qtbot.keyClicks(form.field("status"), "Planned")
    follow_up = date.today() + timedelta(days=30)
    qtbot.keyClicks(
        form.field("follow_up_on"), f"{follow_up.month}/{follow_up.day}/{follow_up.year}"
    )
    qtbot.keyClick(form.field("follow_up_on"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(form))
    (saved,) = window.services.case_sessions.timeline(window.current_beneficiary().id)
    assert saved.follow_up_on == follow_up


# -- points 5 and 6: what the history and the timeline show ---------------------------------


@pytest.fixture
def amina_case(office):
    """Amina (Cara's), one session two days ago, then her date of birth corrected by Sam."""
    cara = office.services("cara")
    amina = cara.beneficiaries.create(
        {"first_name": "Amina", "last_name": "Haddad", "date_of_birth": "1988-03-14"}
    )
    started = datetime.now().replace(second=0, microsecond=0) - timedelta(days=2)
    cara.case_sessions.create(
        amina.id,
        {
            "kind": "home_visit",
            "status": "done",
            "starts_at": started.astimezone(),
            "summary": "Talked about school enrolment for the two children.\nNext: forms.",
        },
    )
    office.services("sam").beneficiaries.update(amina.id, {"date_of_birth": "1988-03-15"})
    return amina


def test_history_and_times_are_in_the_person_s_time_zone_with_old_and_new_values(
    qtbot, controller, office, amina_case, locale_as, time_zone
):
    time_zone("Asia/Kolkata")
    locale_as("fr_FR")
    window = log_in(qtbot, controller, "sam")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.caseload.select_row(0)
    detail = window.detail
    stored = window.services.audit.case_history(amina_case.id)
    update = stored[0]
    assert update.action == "update"

    def french(utc: datetime) -> str:
        return (utc + KOLKATA).strftime("%d/%m/%Y %H:%M")

    # The history: local time, and what the field was and became.
    assert detail.tabs.isTabVisible(detail._audit_tab)
    history = detail.audit_model
    assert history.index(0, COL_AT).data() == french(update.at)
    assert history.index(0, COL_CHANGES).data() == "Date of birth: 14/03/1988 → 15/03/1988"
    assert "When (UTC)" not in [history.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]

    # The list's Updated column and the sessions' start: local too.
    beneficiary = window.current_beneficiary()
    # The list shows the day (its time is in the tooltip).
    assert window.model.index(0, COL_UPDATED_AT).data() == french(beneficiary.updated_at).split()[0]
    (case_session,) = window.services.case_sessions.timeline(amina_case.id)
    assert detail.sessions_model.index(0, COL_STARTS_AT).data() == french(case_session.starts_at)

    # One timeline, newest first: Sam's correction, the session's and Amina's creation,
    # then the session itself (two days ago).
    model = detail.timeline_model
    entries = [model.index(r, 0).data(TimelineEntryRole) for r in range(model.rowCount())]
    assert [(e.kind, e.change.action if e.change else None) for e in entries] == [
        (TimelineKind.CHANGE, "update"),
        (TimelineKind.CHANGE, "create"),
        (TimelineKind.CHANGE, "create"),
        (TimelineKind.SESSION, None),
    ]
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts[0] == (
        f"{french(update.at)} · Sam Supervisor · Beneficiary: Changed\n"
        "    Date of birth: 14/03/1988 → 15/03/1988"
    )
    assert texts[3] == (
        f"{french(case_session.starts_at)} · Cara Caseworker · Session: Home visit, Done\n"
        "    Talked about school enrolment for the two children.…"
    )
    assert "Date of birth: 14/03/1988" in texts[2]  # what the creation filled in

    # Enter on the session in the timeline opens it, as a double-click in Sessions does.
    detail.tabs.setCurrentWidget(detail.timeline_view)
    detail.timeline_view.setFocus()
    detail.timeline_view.setCurrentIndex(model.index(3, 0))
    qtbot.keyClick(detail.timeline_view, Qt.Key.Key_Return)
    form = window.open_forms()[-1]
    assert isinstance(form, CaseSessionForm) and form.case_session.id == case_session.id
    form.discard()


def test_a_caseworker_s_timeline_has_the_sessions_but_no_changes(
    qtbot, controller, office, amina_case
):
    window = log_in(qtbot, controller, "cara")
    window.caseload.select_row(0)
    detail = window.detail
    assert not detail.tabs.isTabVisible(detail._audit_tab)
    assert detail.audit_model.rowCount() == 0
    model = detail.timeline_model
    assert [model.index(r, 0).data(TimelineEntryRole).kind for r in range(model.rowCount())] == [
        TimelineKind.SESSION
    ]
    with pytest.raises(PermissionDenied):
        window.services.audit.case_history(amina_case.id)


def test_values_are_shown_only_to_readers_who_may_see_the_record(office, amina_case, monkeypatch):
    # A role that reads the audit trail without seeing every caseload (none ships today).
    monkeypatch.setitem(
        ROLE_PERMISSIONS,
        Role.CASEWORKER,
        ROLE_PERMISSIONS[Role.CASEWORKER] | {Permission.VIEW_AUDIT},
    )
    owner = office.services("cara").audit.history(amina_case.id)
    other = office.services("colin").audit.history(amina_case.id)
    assert owner[0].changes == {"date_of_birth": ["1988-03-14", "1988-03-15"]}
    assert [e.action for e in other] == [e.action for e in owner]
    assert other[0].changes == {"date_of_birth": [None, None]}
    assert all(v == [None, None] for e in other for v in e.changes.values())
    recent = office.services("colin").audit.recent()
    assert all(
        v == [None, None]
        for e in recent
        if e.entity_id == amina_case.id
        for v in e.changes.values()
    )
    with pytest.raises(PermissionDenied):
        office.services("colin").audit.case_history(amina_case.id)


def test_a_change_whose_values_were_erased_names_its_fields(qapp):
    event = AuditEvent(
        id=1,
        at=datetime(2026, 1, 5, 9, 30),
        user_id=None,
        username="",
        action="update",
        entity="beneficiary",
        entity_id="b1",
        changes={"phone": [None, None], "status": ["active", "closed"]},
    )
    assert change_lines(event) == ["Phone", "Status: Active → Closed"]


def test_a_custom_field_s_change_reads_with_its_label_and_choice_words(qapp):
    """History and conflicts name custom.<key> by the organisation's label and show a
    choice by its label (ui/fields.py reads the definition the window last read)."""
    from desktop.domain import forms
    from desktop.services.forms import template_text
    from desktop.ui.dates import EMPTY
    from desktop.ui.fields import use_definitions

    event = AuditEvent(
        id=2,
        at=datetime(2026, 1, 5, 9, 30),
        user_id=None,
        username="",
        action="update",
        entity="beneficiary",
        entity_id="b1",
        changes={"custom.risk_level": ["low", "high"], "custom.in_school": [None, True]},
    )
    assert change_lines(event) == ["risk level: low → high", f"in school: {EMPTY} → yes"]
    use_definitions(forms.parse(template_text("child_protection")).with_version(1))
    try:
        assert change_lines(event) == ["Risk level: Low → High", f"Attends school: {EMPTY} → yes"]
    finally:
        use_definitions(forms.EMPTY)
