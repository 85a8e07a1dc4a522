"""Forms as a person meets them: an empty session is not saved by a reflex Ctrl+S, and a
field's red message goes away as soon as the field is corrected."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.forms import BeneficiaryForm
from desktop.ui.session_form import CaseSessionForm
from tests.desktop.ui.conftest import answer_when_shown, closed
from tests.desktop.ui.test_windows import log_in

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def open_new_session_form(qtbot, window) -> CaseSessionForm:
    window.caseload.select_row(0)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = window.open_forms()[-1]
    assert isinstance(form, CaseSessionForm)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def test_ctrl_s_on_an_empty_session_form_saves_nothing(qtbot, controller, office):
    cara = office.services("cara")
    cara.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "cara")
    sessions = window.services.case_sessions
    form = open_new_session_form(qtbot, window)
    amina = window.current_beneficiary()

    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_S, CTRL)
    assert form.isVisible()
    assert sessions.timeline(amina.id) == []  # nothing saved, nothing queued
    assert "kind" in form.error_text("kind")
    assert "status" in form.error_text("status")

    # Choosing the kind clears its message at once; the status one stays until chosen.
    qtbot.keyClicks(form.field("kind"), "Home")
    assert form.error_text("kind") == ""
    assert form.error_text("status") != ""
    qtbot.keyClicks(form.field("status"), "Done")
    assert form.error_text("status") == ""

    # Done without a summary asks first; Enter means "write a summary".
    seen = answer_when_shown(
        form, "question_box", lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)
    )
    qtbot.keyClick(form.field("location"), Qt.Key.Key_S, CTRL)
    assert seen and "no summary" in seen[0]
    assert form.isVisible() and sessions.timeline(amina.id) == []
    assert form.focusWidget() is form.field("summary")

    def save_anyway(box) -> None:
        button = next(b for b in box.buttons() if "without" in b.text())
        qtbot.mouseClick(button, LEFT)

    seen = answer_when_shown(form, "question_box", save_anyway)
    form.activateWindow()  # the closed question box leaves no window active offscreen
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form.field("location"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(form))
    (saved,) = sessions.timeline(amina.id)
    assert saved.kind.value == "home_visit" and saved.status.value == "done"


def test_a_summary_saves_without_a_question(qtbot, controller, office):
    office.services("cara").beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    window = log_in(qtbot, controller, "cara")
    form = open_new_session_form(qtbot, window)
    qtbot.keyClicks(form.field("kind"), "Phone")
    qtbot.keyClicks(form.field("status"), "Done")
    qtbot.keyClicks(form.field("summary"), "Called about the school place.")
    qtbot.keyClick(form.field("summary"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(form))
    assert form.question_box is None
    (saved,) = window.services.case_sessions.timeline(window.current_beneficiary().id)
    assert saved.summary == "Called about the school place."


def test_field_messages_clear_as_each_field_becomes_valid(qtbot, controller, office):
    window = log_in(qtbot, controller, "cara")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.open_forms()[-1]
    assert isinstance(form, BeneficiaryForm)
    qtbot.keyClicks(form.field("date_of_birth"), "1984-13-40")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.error_text("first_name") and form.error_text("last_name")
    assert form.error_text("date_of_birth")

    qtbot.keyClicks(form.field("first_name"), "Amina")
    assert form.error_text("first_name") == ""
    assert form.field("first_name").property("invalid") is False
    assert form.error_text("last_name")  # still missing: its message stays
    assert form.error_text("date_of_birth")
    form.field("date_of_birth").clear()
    qtbot.keyClicks(form.field("date_of_birth"), "1984-03-27")
    assert form.error_text("date_of_birth") == ""
    assert form.error_text("last_name")
