"""Printed case papers: the PDF as poppler reads and renders it, the roles, the audit, the
Print… dialog by keys and clicks, the print dialog, and ``caseload print``."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from desktop.errors import PermissionDenied, ValidationError
from desktop.services.printouts import Document
from desktop.ui import paper, printing
from desktop.ui.printing import Printout, Referral, Section
from tests.conftest import PASSWORDS
from tests.desktop.ui.conftest import answer_when_shown
from tests.desktop.ui.printouts import (
    ARABIC_FIRST,
    ARABIC_LAST,
    ARABIC_SUMMARY,
    arabic_case,
    pdf_info,
    pdf_page_png,
    pdf_text,
    publish_child_protection,
)
from tests.desktop.ui.test_windows import log_in

LEFT = Qt.MouseButton.LeftButton
ARABIC_NAME = f"{ARABIC_FIRST} {ARABIC_LAST}"
# The direction marks pdftotext puts around right-to-left runs, and Unicode's isolates.
_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def logical(text: str) -> str:
    """What a person reads from the PDF: Arabic presentation forms (the shaped glyphs the
    PDF maps back to) folded to letters, direction marks dropped."""
    return unicodedata.normalize("NFKC", text).translate(_MARKS)


@pytest.fixture
def case(office):
    publish_child_protection(office.services("admin"))
    return arabic_case(office.services("cara"), sessions=3)


@pytest.fixture
def out(tmp_path) -> Path:
    """A folder for the papers alone (the office's data folder is beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def arabic_ui(qapp):
    from desktop.app import install_translations

    assert install_translations(qapp, "ar") == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    yield
    install_translations(qapp)


def ink(png: Path, top: float, bottom: float) -> tuple[float, float]:
    """The leftmost and rightmost dark pixel between ``top`` and ``bottom`` (fractions
    of the page's height), as fractions of its width."""
    image = QImage(str(png))
    assert not image.isNull()
    width, height = image.width(), image.height()
    xs = [
        x
        for y in range(int(top * height), int(bottom * height), 2)
        for x in range(0, width, 2)
        if image.pixelColor(x, y).lightness() < 128
    ]
    assert xs, "no ink in that band"
    return min(xs) / width, max(xs) / width


def test_case_summary_pdf_reads_the_arabic_names_in_order(office, case, out):
    cara = office.services("cara")
    target = out / "summary.pdf"
    pages = printing.save_pdf(cara.printouts, Printout(case), target)

    info = pdf_info(target)
    assert int(info["Pages"]) == pages >= 1
    assert info["Page size"].endswith("(A4)")  # the C/English test locale: not a Letter country
    assert info["Encrypted"] == "no"
    number = cara.beneficiaries.get(case).case_number
    assert info["Title"] == f"Case summary {number}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = logical(pdf_text(target))
    # Logical order (first name, then last name, letters in reading order), not the
    # visual left-to-right order the glyphs are painted in.
    assert ARABIC_NAME in text and ARABIC_NAME[::-1] not in text
    assert "فاطمة الحسيني" in text  # a custom text field, through the detail's helpers
    assert "Relationship to the child" in text and "Mother" in text  # a choice, as its label
    assert "Health care, Education" in text  # several choices
    assert "Sessions (3)" in text
    # Each session's Arabic summary, phrase by phrase (pdftotext's own reordering moves
    # the full stops between the phrases of a right-to-left line).
    for phrase in ARABIC_SUMMARY.rstrip(".").split(". "):
        assert text.count(phrase) == 3, phrase
    assert "+961 70 123 456" in text
    assert f"{number} · page 1 of {pages}" in text

    png = pdf_page_png(target, out / "summary.png")
    left, right = ink(png, 0.04, 0.09)  # the title: at the left margin (18 mm of 210)
    assert left < 0.12 and right < 0.6


def test_arabic_interface_prints_right_to_left(office, case, out, arabic_ui):
    cara = office.services("cara")
    target = out / "summary-ar.pdf"
    printing.save_pdf(cara.printouts, Printout(case), target)
    text = logical(pdf_text(target))
    assert ARABIC_NAME in text
    assert "رقم الملف" in text and "تاريخ الميلاد" in text  # the fields' Arabic labels
    assert "صلة القرابة بالطفل" in text and "الأم" in text  # the definition's Arabic labels
    png = pdf_page_png(target, out / "summary-ar.png")
    left, right = ink(png, 0.04, 0.09)  # the title: against the right margin
    assert left > 0.4 and right > 0.88
    # The label column is on the right: the rows' ink reaches the right margin.
    _left, rows_right = ink(png, 0.2, 0.3)
    assert rows_right > 0.88


def test_referral_letter_names_the_person_the_recipient_and_the_reason(office, case, out):
    cara = office.services("cara")
    with pytest.raises(ValidationError) as refused:
        printing.save_pdf(cara.printouts, Printout(case, Referral(" ", "", "")), out / "no.pdf")
    assert set(refused.value.errors) == {"recipient", "reason"}
    assert not list(out.iterdir())  # nothing written

    target = out / "letter.pdf"
    referral = Referral("الدكتور سامي خوري", "Health Centre of Hamra", "تحتاج إلى فحص طبي\nSoon.")
    pages = printing.save_pdf(cara.printouts, Printout(case, referral), target)
    assert pages == 1
    text = logical(pdf_text(target))
    for expected in (
        "الدكتور سامي خوري",
        "Health Centre of Hamra",
        "تحتاج إلى فحص طبي",
        ARABIC_FIRST,
        ARABIC_LAST,
        "2014-03-14",  # identifying: the date of birth
        "Cara Caseworker",  # the caseworker
    ):
        assert expected in text, expected
    assert "Sessions" not in text and "فاطمة" not in text  # no more than identifies the person


def test_printing_is_checked_as_reading_the_record_and_audited_without_names(office, case, out):
    colin = office.services("colin")  # another caseworker
    with pytest.raises(PermissionDenied):
        printing.save_pdf(colin.printouts, Printout(case), out / "colin.pdf")
    assert not list(out.iterdir())

    referral = Referral("Dr Sami Khoury", "Hamra clinic", "Suspected anaemia")
    office_view = office.services("sam")
    printing.save_pdf(office_view.printouts, Printout(case), out / "sam.pdf")
    printing.save_pdf(office.services("cara").printouts, Printout(case, referral), out / "l.pdf")

    events = [e for e in office_view.audit.recent() if e.action == "print"]
    assert len(events) == 2  # colin's refusal printed nothing and recorded nothing
    letter, summary = events  # newest first
    assert summary.username == "sam" and letter.username == "cara"
    assert {e.entity for e in events} == {"beneficiary"}
    assert {e.entity_id for e in events}.isdisjoint({case})  # an event id, not the record's
    assert summary.changes["record"] == [None, case]
    assert summary.changes["document"] == [None, Document.CASE_SUMMARY.value]
    assert letter.changes["document"] == [None, Document.REFERRAL_LETTER.value]
    assert summary.changes["format"] == [None, "pdf"] and summary.changes["pages"][1] >= 1
    stored = json.dumps([e.changes for e in events], ensure_ascii=False)
    for personal in (ARABIC_FIRST, ARABIC_LAST, "Sami", "Hamra", "anaemia"):
        assert personal not in stored


def test_a_stopped_printout_leaves_no_file_and_no_event(office, case, out):
    cara = office.services("cara")
    target = out / "stopped.pdf"
    target.write_bytes(b"the PDF of yesterday")
    seen: list[int] = []
    with pytest.raises(paper.PrintCancelled):
        printing.save_pdf(
            cara.printouts,
            Printout(case),
            target,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: bool(seen),  # stops after the first page
        )
    assert seen == [1]
    assert target.read_bytes() == b"the PDF of yesterday"  # the old file, untouched
    assert [p.name for p in out.iterdir()] == ["stopped.pdf"]  # no temporary left
    assert not [e for e in office.services("sam").audit.recent() if e.action == "print"]


def test_paper_follows_the_locale(office, case, out):
    assert paper.paper(QLocale("en_US")).id() == QPageSize.PageSizeId.Letter
    assert paper.paper(QLocale("es_MX")).id() == QPageSize.PageSizeId.Letter
    for name in ("fr_FR", "ar_LB", "en_GB", "es_ES"):
        assert paper.paper(QLocale(name)).id() == QPageSize.PageSizeId.A4, name
    before = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        target = out / "letter-paper.pdf"
        printing.save_pdf(office.services("cara").printouts, Printout(case), target)
    finally:
        QLocale.setDefault(before)
    assert pdf_info(target)["Page size"] == "612 x 792 pts (letter)"


def test_sections_plug_in(office, case):
    """A later part of the case joins the summary as a section of its own."""
    case_file = office.services("cara").printouts.case_file(case)
    annex = Section("annex", lambda c: printing.heading("Annex") + "<p>Mother: Sara</p>")
    document = printing.case_summary(case_file, (*printing.SUMMARY_SECTIONS, annex))
    text = document.toPlainText()
    assert text.index("Sessions (3)") < text.index("Annex") < text.index("Mother: Sara")
    keys = [s.key for s in printing.SUMMARY_SECTIONS]
    assert keys == ["beneficiary", "custom", "household", "tasks", "sessions"]
    assert "Household" not in text  # not in a household: no section


def test_the_summary_prints_the_household_with_arabic_names(office, case, out):
    """Issue 13 point 9: the case summary's household (issue 14 point 6): each member with
    their relationship, the head marked; Arabic names in reading order in the PDF."""
    cara = office.services("cara")
    required = {"custom": {"risk_level": "low", "assessment_date": "2026-01-12"}}
    son = cara.beneficiaries.create({"first_name": "عمر", "last_name": ARABIC_LAST, **required})
    aunt = cara.beneficiaries.create({"first_name": "Salma", "last_name": "Khoury", **required})
    cara.households.link(son.id, to=case, relationship="child", to_relationship="parent")
    cara.households.link(aunt.id, to=case, relationship="guardian")
    target = out / "household.pdf"
    printing.save_pdf(cara.printouts, Printout(case), target)
    text = logical(pdf_text(target))
    assert "Household (3)" in text and f"عمر {ARABIC_LAST}" in text
    assert text.index("Household (3)") < text.index("Follow-up tasks") < text.index("Sessions")
    assert f"Salma Khoury · {aunt.case_number} · Guardian" in text
    # Each line in reading order, the Arabic names isolated in it (pdftotext moves an
    # isolated right-to-left run on extraction; the rendered page, looked at, reads right).
    lines = printing.case_summary(cara.printouts.case_file(case)).toPlainText().splitlines()
    number = cara.beneficiaries.get(case).case_number
    assert [logical(line) for line in lines if "· Child" in line or "Parent" in line] == [
        f"★ Head of household · {ARABIC_NAME} · {number} · Parent · this record",
        f"عمر {ARABIC_LAST} · {son.case_number} · Child",
    ]


def test_the_summary_prints_the_follow_up_tasks(office, case):
    """Issue 13 point 9: the case summary holds the case's tasks (issue 14), open first."""
    cara = office.services("cara")
    task = cara.tasks.create(case, {"due_on": "2026-04-01", "title": "Call about the rent"})
    cara.tasks.create(case, {"due_on": "2026-03-20", "title": "Visit the school"})
    cara.tasks.mark_done(task.id, "Rent paid.")
    case_file = cara.printouts.case_file(case)
    text = printing.case_summary(case_file).toPlainText()
    assert f"Follow-up tasks ({len(case_file.tasks)})" in text
    assert text.index("Visit the school") < text.index("Call about the rent")  # open first
    assert "Rent paid." in text and "Done" in text and "Open" in text
    assert text.index("Follow-up tasks") < text.index("Sessions (3)")


# -- the main window -----------------------------------------------------------------------


def open_print_dialog(qtbot, window):
    window.caseload.select_row(0)
    qtbot.waitUntil(lambda: window.detail.beneficiary is not None)
    assert window.print_action.isEnabled()
    window.caseload.view.setFocus()
    qtbot.keyClick(window.caseload.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(window, "print_dialog", None) is not None)
    dialog = window.print_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # as a window manager does for a new dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_print_dialog_saves_a_referral_letter_by_keys(qtbot, controller, office, case, out):
    window = log_in(qtbot, controller, "cara")
    dialog = open_print_dialog(qtbot, window)
    assert "not encrypted" in dialog.notice.text()
    assert not dialog.referral_box.isEnabled()  # the case summary is the default

    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Referral letter
    qtbot.waitUntil(dialog.letter.isChecked)  # a mnemonic clicks after its animation
    assert dialog.referral_box.isEnabled() and dialog.recipient.hasFocus()
    qtbot.keyClicks(dialog.recipient, "Dr Sami Khoury")
    target = out / "letter.pdf"
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, str(target))
    qtbot.mouseClick(dialog.pdf_button, LEFT)  # no reason yet: said, and the dialog stays
    assert dialog.isVisible() and "why the case is referred" in dialog.problem.text()
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Needs a medical check-up")
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Save as P&DF
    qtbot.waitUntil(lambda: "Saved" in window.statusBar().currentMessage(), timeout=20_000)
    assert "not encrypted" in window.statusBar().currentMessage()
    text = logical(pdf_text(target))
    assert "Dr Sami Khoury" in text and "Needs a medical check-up" in text and ARABIC_NAME in text
    assert not window.progress.isVisible()


def test_print_button_goes_through_the_print_dialog(qtbot, controller, office, case, out):
    window = log_in(qtbot, controller, "cara")
    dialog = open_print_dialog(qtbot, window)
    qtbot.mouseClick(dialog.print_button, LEFT)
    qtbot.waitUntil(lambda: getattr(window, "system_print_dialog", None) is not None)
    chooser = window.system_print_dialog
    qtbot.waitUntil(chooser.isVisible)
    # No printer here: Qt's dialog offers "Print to File (PDF)"; its file is typed in.
    target = out / "printed.pdf"
    file_name = chooser.findChild(QLineEdit, "filename")
    file_name.selectAll()
    qtbot.keyClicks(file_name, str(target))
    buttons = chooser.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    qtbot.waitUntil(lambda: "printer" in window.statusBar().currentMessage(), timeout=20_000)
    assert ARABIC_NAME in logical(pdf_text(target))
    assert not shiboken6.isValid(chooser) or not chooser.isVisible()


def test_an_existing_pdf_is_replaced_only_when_asked(qtbot, controller, office, case, out):
    window = log_in(qtbot, controller, "cara")
    target = out / "kept.pdf"
    target.write_bytes(b"another paper")
    dialog = open_print_dialog(qtbot, window)
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, str(target))
    seen = answer_when_shown(
        dialog, "replace_box", lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)
    )
    qtbot.mouseClick(dialog.pdf_button, LEFT)
    assert seen and "Replace it" in seen[0]
    assert dialog.isVisible() and target.read_bytes() == b"another paper"  # Enter: kept

    def replace(box) -> None:
        (button,) = [b for b in box.buttons() if b.text() == "&Replace"]
        qtbot.mouseClick(button, LEFT)

    answer_when_shown(dialog, "replace_box", replace)
    qtbot.mouseClick(dialog.pdf_button, LEFT)
    qtbot.waitUntil(lambda: "Saved" in window.statusBar().currentMessage(), timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_locking_closes_the_print_dialog(qtbot, controller, office, case, out):
    window = log_in(qtbot, controller, "cara")
    dialog = open_print_dialog(qtbot, window)
    qtbot.mouseClick(dialog.letter, LEFT)
    qtbot.keyClicks(dialog.recipient, "Dr Sami Khoury")
    window.idle.set_interval_ms(50)  # the person walks away from the laptop
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert not list(out.iterdir())


def test_print_needs_a_shown_beneficiary(qtbot, controller, office):
    window = log_in(qtbot, controller, "cara")
    assert window.detail.beneficiary is None
    assert not window.print_action.isEnabled()
    assert window.print_action.shortcut().toString() == "Ctrl+P"


# -- the command line ----------------------------------------------------------------------


def caseload_print(office, username: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CASELOAD_PASSWORD": PASSWORDS[username], "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop", "--data-dir", str(office.paths.root), "print"]
    return subprocess.run(
        [*command, *args, "--user", username, "--language", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_caseload_print_command(office, case, out):
    number = office.services("cara").beneficiaries.get(case).case_number
    refused = caseload_print(office, "colin", number, "--pdf", str(out / "colin.pdf"))
    assert refused.returncode == 1 and "another caseworker" in refused.stderr
    unknown = caseload_print(office, "cara", "NOPE-1", "--pdf", str(out / "x.pdf"))
    assert unknown.returncode == 1 and "NOPE-1" in unknown.stderr
    no_reason = caseload_print(
        office, "cara", number, "--pdf", str(out / "l.pdf"), "--letter", "--to", "Dr Sami"
    )
    assert no_reason.returncode == 2 and "reason" in no_reason.stderr
    assert not list(out.iterdir())

    summary = caseload_print(office, "cara", number, "--pdf", str(out / "s.pdf"))
    assert summary.returncode == 0, summary.stderr
    assert "not encrypted" in summary.stdout and ARABIC_FIRST not in summary.stdout
    assert ARABIC_NAME in logical(pdf_text(out / "s.pdf"))
    letter = caseload_print(
        office,
        "cara",
        number,
        "--pdf",
        str(out / "l.pdf"),
        "--letter",
        "--to",
        "Dr Sami",
        "--reason",
        "Check-up",
    )
    assert letter.returncode == 0, letter.stderr
    assert "Check-up" in logical(pdf_text(out / "l.pdf"))
    events = [e for e in office.services("sam").audit.recent() if e.action == "print"]
    assert [e.changes["document"][1] for e in events] == ["referral_letter", "case_summary"]
