"""The organisation's own fields end to end in a real window on a real encrypted database:
an admin publishes a definition in Admin → Forms (asked first, the version named), a
caseworker types custom values into a new beneficiary, saves, sees them in the detail, and
a value the service refuses comes back under its field."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from desktop.domain import forms
from desktop.domain.forms import RecordKind
from desktop.ui.forms_admin import FormsAdminDialog
from desktop.ui.models.case_session_table import COLUMN_COUNT
from tests.desktop.ui.conftest import answer_when_shown, closed, save_ended
from tests.desktop.ui.form_definitions import EVERY_KIND
from tests.desktop.ui.test_form_saves import keyboard_form
from tests.desktop.ui.test_windows import log_in

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def publish(office, document: dict) -> forms.FormSet:
    admin = office.services("admin")
    admin.forms.import_text(json.dumps(document))
    return admin.forms.publish()


def test_publishing_in_admin_forms_asks_first_naming_the_version(qtbot, controller, office):
    window = log_in(qtbot, controller, "admin")
    assert window.forms_action.isVisible()
    window.forms_action.trigger()
    dialog = window.forms_dialog
    assert isinstance(dialog, FormsAdminDialog)
    qtbot.waitExposed(dialog)
    editor = dialog.editors[RecordKind.BENEFICIARY]
    qtbot.mouseClick(editor.add_button, LEFT)
    qtbot.keyClicks(editor.key, "guardian")
    editor.label_edits["en"].selectAll()
    qtbot.keyClicks(editor.label_edits["en"], "Guardian")
    assert list(editor.preview.inputs) == ["guardian"]
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.state.text() == "Draft saved.")
    assert [f.key for f in window.services.forms.draft().beneficiary.fields] == ["guardian"]

    # Enter takes the safe answer: nothing is published.
    seen = answer_when_shown(
        dialog, "question_box", lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)
    )
    qtbot.mouseClick(dialog.publish_button, LEFT)
    assert seen and "version 1" in seen[0]
    assert window.services.forms.current().version == 0

    def publish_it(box) -> None:
        button = next(b for b in box.buttons() if "Publish version 1" in b.text())
        qtbot.mouseClick(button, LEFT)

    seen = answer_when_shown(dialog, "question_box", publish_it)
    qtbot.mouseClick(dialog.publish_button, LEFT)
    qtbot.waitUntil(lambda: dialog.operation is None and "published" in dialog.state.text())
    current = window.services.forms.current()
    assert current.version == 1 and [f.key for f in current.beneficiary.fields] == ["guardian"]
    assert dialog.published.version == 1
    assert not editor.remove_button.isEnabled()  # published now: retire it, not remove it


def test_caseworkers_have_no_admin_forms(qtbot, controller, office):
    window = log_in(qtbot, controller, "cara")
    assert not window.forms_action.isVisible()
    window.manage_forms()
    assert getattr(window, "forms_dialog", None) is None


def test_custom_values_typed_saved_shown_and_refused_inline(qtbot, controller, office):
    publish(office, EVERY_KIND)
    window = log_in(qtbot, controller, "cara")
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = keyboard_form(qtbot, window)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    qtbot.keyClicks(form.field("custom.guardian"), "Mary Okello")
    qtbot.keyClicks(form.field("custom.household_size"), "4")
    qtbot.keyClicks(form.field("custom.risk_level"), "High")
    qtbot.keyClick(form.field("custom.risk_level"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(form), timeout=10_000)

    shown = window.detail.beneficiary
    assert shown.custom == {"guardian": "Mary Okello", "household_size": 4, "risk_level": "high"}
    assert shown.form_version == 1
    rows = window.detail.custom_values
    assert rows["guardian"].text() == "Mary Okello"
    assert rows["risk_level"].text() == "High"

    # A session's own fields save with it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    session_form = keyboard_form(qtbot, window)
    qtbot.keyClicks(session_form.field("kind"), "Phone")
    qtbot.keyClicks(session_form.field("status"), "Done")
    qtbot.keyClicks(session_form.field("summary"), "Called the aunt.")
    qtbot.keyClicks(session_form.field("custom.visit_outcome"), "Absent")
    qtbot.keyClick(session_form.field("summary"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(session_form), timeout=10_000)
    (saved,) = window.services.case_sessions.timeline(shown.id)
    assert saved.custom == {"visit_outcome": "absent"}

    # The admin tightens a rule while the caseworker edits: the service (version 2)
    # refuses what the open form (version 1) allowed, and the message is under the field.
    stricter = json.loads(json.dumps(EVERY_KIND))
    stricter["beneficiary"]["fields"][1]["maximum"] = 5
    window.activateWindow()  # the closed form leaves no window active offscreen
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = keyboard_form(qtbot, window)
    publish(office, stricter)
    size = form.field("custom.household_size")
    size.selectAll()
    qtbot.keyClicks(size, "8")
    qtbot.keyClick(size, Qt.Key.Key_S, CTRL)
    save_ended(qtbot, form)
    assert form.isVisible()
    assert form.error_text("custom.household_size") == ("Household size must be between 1 and 5.")
    assert form.focusWidget() is size
    assert window.services.beneficiaries.get(shown.id).custom["household_size"] == 4


def test_a_record_written_before_a_field_became_required_is_shown_incomplete(
    qtbot, controller, office
):
    """Issue 12 point 6: a new required field missing on an older record is accepted and
    the record is flagged incomplete; the caseworker reads which fields, by label."""
    optional = json.loads(json.dumps(EVERY_KIND))
    for item in optional["beneficiary"]["fields"]:
        item["required"] = False  # version 1 asks for nothing
    publish(office, optional)
    written = office.services("cara").beneficiaries.create(
        {"first_name": "Amina", "last_name": "Haddad", "custom": {"household_size": 3}}
    )
    publish(office, EVERY_KIND)  # version 2 asks for the guardian and the risk level
    window = log_in(qtbot, controller, "cara")
    window.show_beneficiary(written.id)
    detail = window.detail
    assert detail.incomplete.isVisibleTo(detail)
    assert detail.incomplete.text() == (
        "Incomplete: the form now also asks for Guardian, Risk level"
    )

    # Completing it through the form clears the flag.
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    form = keyboard_form(qtbot, window)
    qtbot.keyClicks(form.field("custom.guardian"), "Mary Okello")
    qtbot.keyClicks(form.field("custom.risk_level"), "High")
    qtbot.keyClick(form.field("custom.guardian"), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: closed(form), timeout=10_000)
    assert window.detail.beneficiary.custom["guardian"] == "Mary Okello"
    assert not window.detail.incomplete.isVisibleTo(window.detail)


def test_a_session_field_marked_as_a_column_is_a_column_of_the_sessions(qtbot, controller, office):
    """Issue 12 point 7 for sessions: the detail's sessions table shows the session fields
    marked as columns (values as their labels), before the summary; the sessions stay
    newest first, as the built-in columns have them."""
    document = json.loads(json.dumps(EVERY_KIND))
    document["session"]["fields"][0]["column"] = True
    publish(office, document)
    cara = office.services("cara")
    amina = cara.beneficiaries.create(
        {
            "first_name": "Amina",
            "last_name": "Haddad",
            "custom": {"guardian": "Mary", "risk_level": "low"},
        }
    )
    for day, outcome in ((2, "met"), (3, "absent"), (4, None)):
        cara.case_sessions.create(
            amina.id,
            {
                "kind": "phone",
                "status": "done",
                "starts_at": f"2026-11-0{day}T10:00",
                "custom": {"visit_outcome": outcome} if outcome else {},
            },
        )
    window = log_in(qtbot, controller, "cara")
    window.show_beneficiary(amina.id)
    view = window.detail.sessions_view
    model, header = view.model(), view.horizontalHeader()
    shown = [
        model.headerData(header.logicalIndex(at), Qt.Orientation.Horizontal)
        for at in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(at))
    ]
    assert shown == ["Date", "Kind", "Status", "Follow-up", "Visit outcome", "Summary"]
    outcome = COLUMN_COUNT  # the first custom column, after the seven built-in ones
    assert [model.index(row, outcome).data() for row in range(3)] == ["", "Absent", "Met"]
