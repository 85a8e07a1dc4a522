"""File → Import…, used as a person uses it: keys and clicks in the real dialog (issue 13, 6)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import text

from desktop.ui.import_dialog import BAD_CELL, DUPLICATE_ROW, MAPPING_FILE, ImportDialog
from tests.conftest import ADMIN_PASSWORD
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
FILE = (
    "Prénom;Nom;Date de naissance;Genre;Téléphone;Remarque\n"
    "Amina;Diallo;14/03/1988;Féminin;+221 77 123 45 67;Première visite\n"
    "Oumar;;02/11/1979;Masculin;;\n"
    "Fatou;Sow;31/12/2031;Féminin;abc;\n"
    "Moussa;Ba;05/06/1990;robot;;\n"
    "Amina;Diallo;14/03/1988;Féminin;;\n"
    "Awa;Ndiaye;01/02/1985;Féminin;+221 76 000 11 22;\n"
)


def open_dialog(qtbot, controller) -> tuple[object, ImportDialog]:
    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    window.import_action.trigger()  # File → Import from a file…
    dialog = window.import_dialog
    qtbot.waitUntil(dialog.isVisible)
    return window, dialog


def next_page(qtbot, dialog, page: int) -> None:
    qtbot.mouseClick(dialog.next_button, LEFT)
    qtbot.waitUntil(lambda: dialog.operation is None and dialog.pages.currentIndex() == page)


def count(window, sql: str) -> int:
    with window.services.imports._db.read() as uow:  # the test reads what was written
        return uow.session.execute(text(sql)).scalar()


def test_import_by_keys_and_clicks_preview_marks_and_all_or_nothing(
    qtbot, controller, office, tmp_path
):
    path = tmp_path / "beneficiaires.csv"
    path.write_bytes(FILE.encode("cp1252"))  # French Excel's CSV: ";" and Windows-1252
    window, dialog = open_dialog(qtbot, controller)
    qtbot.waitUntil(dialog.path_edit.hasFocus)
    qtbot.keyClicks(dialog.path_edit, str(path))
    next_page(qtbot, dialog, 1)

    # The mapping: French headers recognised; "Remarque" is not, and the person picks Notes.
    combos = dialog.field_combos
    assert [c.currentData() for c in combos] == [
        "first_name",
        "last_name",
        "date_of_birth",
        "gender",
        "phone",
        None,
    ]
    remark = combos[5]
    remark.setFocus()
    qtbot.keyClicks(remark, "Notes")  # type-ahead in the combo, as a keyboard user does
    assert remark.currentData() == "notes"
    next_page(qtbot, dialog, 2)
    saved_path = office.paths.root / MAPPING_FILE.format(entity="beneficiary")
    saved = json.loads(saved_path.read_text(encoding="utf-8"))
    assert saved["columns"]["Remarque"] == "notes" and saved["date_order"] == "dmy"

    table = dialog.preview_table
    assert table.rowCount() == 6
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[0] == "Row" and headers[-1] == "Problems"
    last_name, birth, gender, phone = (
        headers.index(h) for h in ("Nom", "Date de naissance", "Genre", "Téléphone")
    )

    def cell(row: int, column: int):
        return table.item(row, column)

    assert cell(0, last_name).background().color() != BAD_CELL
    assert cell(1, last_name).background().color() == BAD_CELL
    assert cell(1, last_name).toolTip() == "Row 3: Last name is required."
    assert cell(2, birth).toolTip() == "Row 4: Date of birth cannot be in the future."
    assert cell(2, phone).background().color() == BAD_CELL
    assert cell(3, gender).toolTip().startswith('Row 5: Gender: "robot" is not one of')
    assert cell(4, 1).background().color() == DUPLICATE_ROW  # row 6 is row 2 again
    assert "looks like row 2 of this file" in cell(4, len(headers) - 1).text()
    assert "with problems (marked): 3" in dialog.preview_summary.text()

    if os.environ.get("CASELOAD_SCREENSHOTS"):
        dialog.grab().save(str(Path(os.environ["CASELOAD_SCREENSHOTS"]) / "import-preview.png"))

    # All or nothing: three bad rows, so nothing is imported.
    radio = dialog.all_radio
    qtbot.mouseClick(radio, LEFT, pos=radio.rect().topLeft() + QPoint(8, radio.height() // 2))
    assert dialog.all_radio.isChecked()
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert "nothing was imported (all or nothing)" in dialog.message.text()
    assert count(window, "SELECT count(*) FROM beneficiaries") == 0

    # The valid rows, the rest to the rejects file: by keys (Alt+V picks the mode).
    dialog.report = None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.preview_table, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.valid_radio.isChecked)  # a mnemonic clicks after a short flash
    qtbot.keyClick(dialog.valid_radio, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # &Import
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report.imported == 3 and dialog.report.rejected == 3
    assert count(window, "SELECT count(*) FROM beneficiaries") == 3
    rejects = path.with_name("beneficiaires-rejects.csv")
    assert "Last name is required." in rejects.read_text(encoding="utf-8-sig")
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)  # the list shows them
    assert dialog.cancel_button.text() == "Close"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_ambiguous_dates_and_an_unknown_encoding_are_asked(qtbot, controller, office, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(
        "First name,Last name,Date of birth\nИван,Петров,03/04/1988\n".encode("cp1251")
    )
    window, dialog = open_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.path_edit, str(path))
    qtbot.mouseClick(dialog.next_button, LEFT)
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert dialog.pages.currentIndex() == 0
    assert "encoding could not be recognised" in dialog.message.text()
    qtbot.waitUntil(dialog.encoding_combo.hasFocus)
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp1251"))
    next_page(qtbot, dialog, 1)
    qtbot.mouseClick(dialog.next_button, LEFT)  # to the preview: the dates are asked first
    qtbot.waitUntil(lambda: dialog.operation is None)
    assert dialog.pages.currentIndex() == 0
    qtbot.waitUntil(dialog.date_combo.hasFocus)
    assert "03/04/1988" in dialog.message.text()
    dialog.date_combo.setCurrentIndex(dialog.date_combo.findData("mdy"))
    next_page(qtbot, dialog, 1)
    next_page(qtbot, dialog, 2)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert count(window, "SELECT date_of_birth FROM beneficiaries") == "1988-03-04"


def test_sessions_are_imported_for_the_case_numbers_named(qtbot, controller, office, tmp_path):
    person = office.services("admin").beneficiaries.create(
        {"first_name": "Amina", "last_name": "Haddad"}
    )
    path = tmp_path / "sessions.csv"
    path.write_text(
        f"Case no.,Start,Kind,Status\n{person.case_number},2026-02-01 10:00,Phone,Done\n",
        encoding="utf-8",
    )
    window, dialog = open_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.path_edit, str(path))
    dialog.what_combo.setFocus()
    qtbot.keyClick(dialog.what_combo, Qt.Key.Key_Down)  # Beneficiaries → Sessions
    assert dialog.what_combo.currentIndex() == 1
    next_page(qtbot, dialog, 1)
    assert dialog.field_combos[0].currentData() == "case_number"
    next_page(qtbot, dialog, 2)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert "1 session imported" in dialog.message.text()
    assert count(window, "SELECT count(*) FROM case_sessions") == 1
    assert (office.paths.root / MAPPING_FILE.format(entity="case_session")).exists()


def test_cancel_during_an_all_or_nothing_import_leaves_nothing(qtbot, controller, office, tmp_path):
    path = tmp_path / "many.csv"
    rows = "".join(f"Person{n},Family{n},1980-01-01\n" for n in range(30_000))
    path.write_text("First name,Last name,Date of birth\n" + rows, encoding="utf-8")
    window, dialog = open_dialog(qtbot, controller)
    qtbot.keyClicks(dialog.path_edit, str(path))
    next_page(qtbot, dialog, 1)
    next_page(qtbot, dialog, 2)
    radio = dialog.all_radio
    qtbot.mouseClick(radio, LEFT, pos=radio.rect().topLeft() + QPoint(8, radio.height() // 2))
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.progress.isVisible() and dialog.progress.value() > 0)
    qtbot.mouseClick(dialog.cancel_button, LEFT)  # the button cancels the work, not the dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.report.cancelled
    assert dialog.message.text() == "Cancelled; nothing was imported."
    assert count(window, "SELECT count(*) FROM beneficiaries") == 0
