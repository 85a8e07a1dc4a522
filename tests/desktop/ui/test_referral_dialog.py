"""Issue 14 point 5 in the real widgets: "Refer to another organisation…" from the detail.

The dialog lists read-only exactly the values the form definition marks shareable, keeps
its button disabled until the person's consent is ticked, saves the referral by keys and
clicks (offline: the organisation is typed when the server cannot be reached), and the
detail's Referrals tab shows its state.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from desktop.domain.enums import ReferralState
from tests.desktop.ui.conftest import changes_applied
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
SCREENSHOT = Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "referral.png"
DEFINITION = {
    "format": "caseload-forms/1",
    "languages": ["en"],
    "beneficiary": {
        "fields": [
            {"key": "school", "kind": "text", "label": "School", "shareable": True},
            {"key": "case_file", "kind": "text", "label": "Case file"},
        ],
        "shareable": ["first_name", "last_name", "date_of_birth", "preferred_language"],
    },
}


def _office(office) -> str:
    admin = office.services("admin")
    admin.forms.import_text(json.dumps(DEFINITION))
    admin.forms.publish()
    admin.close()
    cara = office.services("cara")
    person = cara.beneficiaries.create(
        {
            "first_name": "Grace",
            "last_name": "Achieng",
            "date_of_birth": "2012-06-01",
            "preferred_language": "sw",
            "phone": "+256 700 987654",
            "notes": "Told in confidence.",
            "custom": {"school": "Kisenyi Primary", "case_file": "CF-SECRET"},
        }
    )
    cara.close()
    return person.id


def _table(table) -> list[tuple[str, str]]:
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_a_caseworker_refers_with_consent_and_sees_exactly_what_leaves(qtbot, controller, office):
    person = _office(office)
    window = log_in(qtbot, controller, "cara")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.caseload.search, "grace")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    qtbot.keyClick(window.caseload.search, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.detail.beneficiary is not None)
    assert window.detail.beneficiary.id == person
    tab = window.detail.tabs.indexOf(window.detail.referrals)
    assert window.detail.tabs.tabText(tab) == "Referrals (0)"

    button = next(
        b
        for b in window.detail.findChildren(QToolButton)
        if b.defaultAction() is window.refer_action
    )
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: getattr(window, "referral_dialog", None) is not None)
    dialog = window.referral_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert _table(dialog.shared) == [
        ("First name", "Grace"),
        ("Last name", "Achieng"),
        ("Date of birth", "2012-06-01"),
        ("Preferred language", "sw"),
        ("School", "Kisenyi Primary"),
    ]
    # The laptop is not linked to a server: the organisation is typed.
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.organisation.lineEdit().placeholderText())
    assert QApplication.focusWidget() is dialog.organisation
    qtbot.keyClicks(dialog.organisation, "Youth Services")
    assert not dialog.send_button.isEnabled()  # no consent yet
    dialog.consent.setFocus()
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)
    assert dialog.consent.isChecked() and dialog.send_button.isEnabled()
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.note
    qtbot.keyClicks(dialog.note, "Needs school support.")

    if os.environ.get("CASELOAD_SCREENSHOTS"):
        qtbot.wait(50)
        dialog.grab().save(str(SCREENSHOT))

    qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)  # consent taken back: cannot send
    assert not dialog.send_button.isEnabled()
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)
    with changes_applied(qtbot):
        qtbot.mouseClick(dialog.send_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    (made,) = window.services.referrals.for_beneficiary(person)
    assert (made.to_organisation, made.note, made.state) == (
        "Youth Services",
        "Needs school support.",
        ReferralState.PROPOSED,
    )
    assert window.detail.tabs.tabText(tab) == "Referrals (1)"
    assert window.detail.referrals.item(0).text() == (
        "To Youth Services: Waiting for an answer (not sent yet)"
    )


def test_incoming_referrals_are_for_supervisors_only(qtbot, controller, office):
    _office(office)
    window = log_in(qtbot, controller, "cara")
    assert not window.incoming_referrals_action.isVisible()
