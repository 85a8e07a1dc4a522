"""Export… (desktop/ui/export_dialog.py) the way a person meets it: opened from the main
window's File menu by its shortcut, filled in with keys and clicks, each problem named
under its field, a password-protected export on the worker pool, and a Stop that leaves
no file behind."""

from __future__ import annotations

import io

import msoffcrypto
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.enums import BeneficiaryStatus
from desktop.domain.records import BeneficiaryQuery
from desktop.ui.export_dialog import ExportDialog
from tests.desktop.test_exports import office_data  # noqa: F401 (the fixture)
from tests.desktop.ui.conftest import submit_login

LEFT = Qt.MouseButton.LeftButton
FILE_PASSWORD = "correct horse 7"


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def shown_error(dialog, field: str) -> str:
    error = dialog.errors[field]
    return error.text() if error.isVisible() else ""


@pytest.fixture
def dialog(qtbot, office_data):  # noqa: F811
    office, _layla = office_data
    services = office.services("sam")
    return shown_active(
        qtbot, ExportDialog(services, BeneficiaryQuery(status=BeneficiaryStatus.CLOSED), 1)
    )


def shown_active(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # accelerators go to the active window
    return dialog


def test_the_dialog_names_each_problem_and_writes_a_protected_file(qtbot, dialog, tmp_path):
    assert "personal data" in dialog.warning.text()
    assert (
        dialog.filtered_radio.isChecked() and "(records listed: 1)" in dialog.filtered_radio.text()
    )
    assert dialog.whole_radio.text() == "The &whole office"
    assert dialog.kind_boxes["tasks"].isEnabled()  # follow-up tasks (issue 14)
    assert dialog.protect_box.isChecked()  # protected unless the person says otherwise

    qtbot.mouseClick(dialog.export_button, LEFT)
    assert (
        shown_error(dialog, "password") == "Password: enter the password the file will open with."
    )
    assert QApplication.focusWidget() is dialog.password_edit
    qtbot.keyClicks(dialog.password_edit, FILE_PASSWORD)
    qtbot.keyClicks(dialog.repeat_edit, "not the same")
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert shown_error(dialog, "repeat") == "Repeat password: the two passwords are not the same."
    assert QApplication.focusWidget() is dialog.repeat_edit

    type_into(qtbot, dialog.repeat_edit, FILE_PASSWORD)
    type_into(qtbot, dialog.file_edit, str(tmp_path / "missing" / "x.xlsx"))
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)  # Enter: the default button
    assert shown_error(dialog, "file").startswith("File: the folder")

    qtbot.mouseClick(dialog.kind_boxes["beneficiaries"], LEFT)  # off: nothing chosen
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert shown_error(dialog, "what") == "What: choose beneficiaries, sessions or both."
    qtbot.mouseClick(dialog.kind_boxes["beneficiaries"], LEFT)
    qtbot.mouseClick(dialog.kind_boxes["sessions"], LEFT)
    type_into(qtbot, dialog.file_edit, str(tmp_path / "closed.xlsx"))
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert dialog.result.rows == {"beneficiaries": 1, "sessions": 0}
    assert dialog.summary() == f"Export written: {tmp_path / 'closed.xlsx'} (rows: 1)."

    data = (tmp_path / "closed.xlsx").read_bytes()
    assert b"Omar" not in data
    office_file = msoffcrypto.OfficeFile(io.BytesIO(data))
    office_file.load_key(password=FILE_PASSWORD)
    plain = io.BytesIO()
    office_file.decrypt(plain)
    book = openpyxl.load_workbook(plain, read_only=True)
    rows = list(book["beneficiaries"].values)
    assert [row[2] for row in rows[1:]] == ["Omar"]  # the filtered list: the closed case


def alt(qtbot, dialog, key, then) -> None:
    """Alt and a label's underlined letter, as a person reaches a field by the keyboard;
    a button so reached is clicked (Qt animates the click), then ``then()`` holds."""
    qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(then, timeout=5_000)


def test_by_the_keyboard_csv_cannot_be_protected_and_the_name_follows(qtbot, dialog, tmp_path):
    dialog.file_edit.setText(str(tmp_path / "office.xlsx"))
    alt(qtbot, dialog, Qt.Key.Key_C, dialog.csv_radio.isChecked)  # &CSV
    assert not dialog.protect_box.isEnabled() and not dialog.password_edit.isEnabled()
    assert dialog.file_edit.text().endswith("office.csv")
    alt(qtbot, dialog, Qt.Key.Key_S, dialog.kind_boxes["sessions"].isChecked)  # &Sessions
    assert dialog.file_edit.text().endswith("office.zip")  # several kinds: one ZIP
    alt(qtbot, dialog, Qt.Key.Key_W, dialog.whole_radio.isChecked)  # the &whole office
    alt(qtbot, dialog, Qt.Key.Key_V, dialog.values_radio.isChecked)  # stored &values
    alt(qtbot, dialog, Qt.Key.Key_E, lambda: dialog.operation is not None or dialog.result)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert dialog.result.rows == {"beneficiaries": 3, "sessions": 2}
    assert (tmp_path / "office.zip").exists()


def test_stop_leaves_no_file(qtbot, big_admin, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.services.exports.PAGE", 1)  # 10,000 pages: time to stop
    shown = shown_active(qtbot, ExportDialog(big_admin, None))
    assert not shown.filtered_radio.isEnabled() and shown.whole_radio.isChecked()
    alt(qtbot, shown, Qt.Key.Key_P, lambda: not shown.protect_box.isChecked())  # &Protect
    out = tmp_path / "out"
    out.mkdir()
    type_into(qtbot, shown.file_edit, str(out / "everything.xlsx"))
    qtbot.mouseClick(shown.export_button, LEFT)
    qtbot.waitUntil(lambda: shown.progress_bar.value() > 0, timeout=20_000)
    assert shown.cancel_button.text() == "&Stop export"
    qtbot.mouseClick(shown.cancel_button, LEFT)
    qtbot.waitUntil(lambda: shown.operation is None, timeout=20_000)
    assert shown.status.text() == "The export was stopped; no file was written."
    assert shown.isVisible() and shown.result is None
    assert list(out.iterdir()) == []


def test_file_export_opens_from_the_main_window_by_its_shortcut(qtbot, office, controller):
    controller.start()
    submit_login(qtbot, controller.dialog, "cara", "caseworker passphrase")
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    file_menu = window.menuBar().actions()[0].menu()
    assert window.export_action in file_menu.actions()
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: getattr(window, "export_dialog", None) is not None, timeout=5_000)
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.whole_radio.text() == "My &whole caseload"  # a caseworker's own
    assert dialog.filtered_radio.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
