"""The ID document number, declared once in desktop/domain/schema.py, is in the form, saved
through the real service into a real encrypted database, shown in the detail, and named in
the duplicate dialog's reasons: no edit in desktop/ui for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.ui.detail import BeneficiaryDetail
from desktop.ui.duplicates_dialog import COL_WHY, DuplicatesDialog
from desktop.ui.forms import BeneficiaryForm
from tests.desktop.ui.conftest import closed, save_ended

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_id_number_is_typed_saved_and_shown(qtbot, office):
    cara = office.services("cara")
    form = BeneficiaryForm()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)  # Ctrl+S goes to the active window
    edit = form.field("id_number")
    assert isinstance(edit, QLineEdit)
    form.set_save(cara.beneficiaries.create)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    qtbot.keyClicks(edit, "X" * 51)
    qtbot.keyClick(edit, Qt.Key.Key_S, CTRL)
    save_ended(qtbot, form)
    # Refused beside the field, with its label, and nothing typed is lost.
    assert "ID number" in form.error_text("id_number"), form.error_text("id_number")
    assert not closed(form) and edit.text() == "X" * 51
    edit.clear()
    qtbot.keyClicks(edit, "UG-CM 8821 0045")
    qtbot.keyClick(edit, Qt.Key.Key_S, CTRL)
    save_ended(qtbot, form)
    assert closed(form)

    stored = cara.beneficiaries.get(form.result_record.id)  # read back from the database
    assert stored.id_number == "UG-CM 8821 0045"
    detail = BeneficiaryDetail()
    qtbot.addWidget(detail)
    detail.show_beneficiary(stored, [], None)
    assert detail.values["id_number"].text() == "UG-CM 8821 0045"

    matches = cara.beneficiaries.possible_duplicates(
        {"first_name": "Someone", "last_name": "Else", "id_number": "ug-cm 8821 0045"}
    )
    dialog = DuplicatesDialog(matches)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, COL_WHY).text() == "same id number"
