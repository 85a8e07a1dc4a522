"""What a 1280×720 screen shows: every list column, every form field, whole reasons (17.9)."""

from __future__ import annotations

import random
from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QScrollArea

from desktop.domain.records import BeneficiaryQuery
from desktop.resources import resource_path
from desktop.services.demo import _CustomValues
from desktop.services.duplicates import (
    SAME_BIRTH_DATE,
    SAME_NAME,
    SAME_PHONE,
    SIMILAR,
    PossibleDuplicate,
)
from desktop.ui.duplicates_dialog import COL_WHY, DuplicatesDialog
from desktop.ui.main_window import default_size
from tests.desktop.ui.test_windows import log_in

SCREEN = QSize(1280, 720)
TASKBAR = 40
PEOPLE = [
    ("Amina", "Haddad"),
    ("Olena", "Kovalenko-Shevchenko"),
    ("Maria José", "García Fernández"),
    ("Nguyen", "Thi Minh Khai"),
    ("Chidi", "Okonkwo"),
]


def register(office) -> None:
    services = office.services("sam")  # a supervisor: the caseworker column has names
    for first, last in PEOPLE:
        services.beneficiaries.create(
            {"first_name": first, "last_name": last, "date_of_birth": date(1984, 3, 27)}
        )


def open_window(qtbot, controller, office):
    register(office)
    window = log_in(qtbot, controller, "sam")
    window.resize(SCREEN.width(), SCREEN.height() - TASKBAR)
    qtbot.waitUntil(lambda: window.caseload.view.viewport().width() > 400)
    return window


def top_in(widget, ancestor) -> int:
    return widget.mapTo(ancestor, QPoint(0, 0)).y()


def rows_of(form) -> list[tuple]:
    """(label, input) of every row in every column of a RecordForm."""
    pairs = []
    for layout in form.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and field and field.widget():
                holder = field.widget()
                pairs.append((label.widget(), holder.layout().itemAt(0).widget()))
    return pairs


def test_the_window_fits_the_screen_and_the_list_shows_every_column(qtbot, controller, office):
    size = default_size(SCREEN - QSize(0, TASKBAR))
    assert size.width() <= SCREEN.width() and size.height() <= SCREEN.height() - TASKBAR
    assert default_size(QSize(1920, 1040)) == QSize(1240, 680)

    window = open_window(qtbot, controller, office)
    view = window.caseload.view
    header = view.horizontalHeader()
    assert view.horizontalScrollBar().maximum() == 0  # nothing hidden to the right
    right = view.viewport().width()
    for column in range(header.count()):
        start = header.sectionViewportPosition(column)
        assert start >= 0 and start + header.sectionSize(column) <= right, column
    window.grab().save("/tmp/caseload-1280x720.png")


def test_column_widths_the_person_set_are_kept(qtbot, controller, office, settings):
    window = open_window(qtbot, controller, office)
    header = window.caseload.view.horizontalHeader()
    # The person drags the edge of the first column wider.
    edge = header.sectionViewportPosition(0) + header.sectionSize(0) - 1
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, 5))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 60, 5))
    header.resizeSection(0, header.sectionSize(0) + 60)  # what the drag does
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, 5))
    dragged = header.sectionSize(0)
    window.resize(window.width() - 100, window.height())  # no refit over their choice
    qtbot.wait(10)
    assert header.sectionSize(0) == dragged


def test_the_beneficiary_form_shows_every_field_and_labels_sit_by_their_boxes(
    qtbot, controller, office
):
    window = open_window(qtbot, controller, office)
    window.caseload.select_row(0)
    window.edit_action.trigger()
    form = window.open_forms()[-1]
    qtbot.waitExposed(form)
    scroll = form.findChild(QScrollArea)
    # As it opens: nothing to scroll to, Notes in sight.
    assert form.height() <= SCREEN.height() - TASKBAR
    notes = form.field("notes")
    viewport = scroll.viewport()

    def notes_in_sight() -> bool:
        top = top_in(notes, viewport)
        return top >= 0 and top + notes.height() <= viewport.height()

    qtbot.waitUntil(notes_in_sight, timeout=2_000)  # once the layout has settled
    assert scroll.verticalScrollBar().maximum() == 0
    assert form.fitting_size(SCREEN).height() <= SCREEN.height() - TASKBAR  # and at 1280×720
    line = form.field("address").fontMetrics().lineSpacing()
    assert form.field("address").height() >= 3 * line  # a box for an address, not a line
    form.grab().save("/tmp/beneficiary-form-1280.png")

    # Made taller by the person: each label stays at the top of its box.
    opened_at = viewport.height()
    form.resize(form.width(), form.height() + 250)
    qtbot.waitUntil(lambda: viewport.height() > opened_at + 200)
    for label, field in rows_of(form):
        assert abs(top_in(label, form) - top_in(field, form)) <= 2, label.text()
    form.discard()


def test_the_session_form_has_multi_line_outcome_and_aligned_labels(qtbot, controller, office):
    window = open_window(qtbot, controller, office)
    window.caseload.select_row(0)
    window.new_session_action.trigger()
    form = window.open_forms()[-1]
    qtbot.waitExposed(form)
    bar = form.findChild(QScrollArea).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0, timeout=2_000)
    for name in ("summary", "outcome"):
        box = form.field(name)
        assert isinstance(box, QPlainTextEdit)
        assert box.height() >= 3 * box.fontMetrics().lineSpacing(), name
    form.resize(form.width(), form.height() + 200)
    qtbot.wait(10)
    for label, field in rows_of(form):
        assert abs(top_in(label, form) - top_in(field, form)) <= 2, label.text()
    form.discard()


def test_the_duplicates_dialog_shows_each_reason_whole(qtbot):
    reasons = (SAME_NAME, SAME_BIRTH_DATE, SAME_PHONE)
    matches = [
        PossibleDuplicate("1", "C-2024-00017", "Grace Mwangi", "Aminata Diallo", None, reasons, 1),
        PossibleDuplicate("2", "C-2023-01234", "Lucas Dubois", "Amina Dialo", None, (SIMILAR,), 1),
        PossibleDuplicate("3", "C-2025-00321", "Thu Nguyen", None, None, reasons, 0.5),
    ]
    dialog = DuplicatesDialog(matches)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.horizontalScrollBar().maximum() == 0
    right = table.horizontalHeader().sectionViewportPosition(COL_WHY) + table.columnWidth(COL_WHY)
    assert right <= table.viewport().width()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        text = table.item(row, COL_WHY).text()
        room = QRect(0, 0, table.columnWidth(COL_WHY) - 8, 10_000)
        needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
        assert table.textElideMode() == Qt.TextElideMode.ElideNone
        assert needed <= table.rowHeight(row), text  # fits, wrapping if it must
    dialog.grab().save("/tmp/duplicates-1280.png")


def test_a_record_with_thirty_rows_scrolls_above_its_sessions(qtbot, controller, office):
    """The child-protection form's fields make a record of ~30 rows: the detail keeps the
    window's size, the rows scroll, and the sessions keep room for several lines; the
    person may drag the line between them."""
    window = open_window(qtbot, controller, office)
    admin = office.services("admin")
    admin.forms.import_text(resource_path("forms", "child_protection.json").read_text("utf-8"))
    admin.forms.publish()  # after the five were registered: they are older than the form
    sam = window.services
    first = sam.beneficiaries.list_page(BeneficiaryQuery(), 0, 1).rows[0]
    # Every field filled, as the demo fills them (a value of each field's kind).
    definition = admin.forms.current()

    def filled(kind) -> dict:
        values = _CustomValues(kind, date(2026, 12, 1))
        return {key: make(random.Random(3)) for key, _required, make in values.makers}

    sam.beneficiaries.update(first.id, {"custom": filled(definition.beneficiary)})
    for day in range(1, 9):
        sam.case_sessions.create(
            first.id,
            {
                "kind": "phone",
                "status": "done",
                "starts_at": f"2026-11-{day:02d}T10:00",
                "custom": filled(definition.session),
            },
        )
    before = window.size()
    window.show_beneficiary(first.id)
    detail = window.detail
    qtbot.waitUntil(lambda: detail.splitter.sizes()[1] > 0)
    assert window.size() == before  # the window did not grow with the record
    scroll = detail.record_scroll
    assert scroll.verticalScrollBar().maximum() > 0  # the rows scroll
    sessions = detail.sessions_view
    assert sessions.viewport().height() >= 5 * 24  # five sessions' lines at least
    assert isinstance(scroll, QScrollArea)

    # Dragged by hand, the split stays where the person left it for the next record.
    handle = detail.splitter.handle(1)
    centre = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(handle, centre + QPoint(0, 60))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=centre + QPoint(0, 60))
    moved = detail.splitter.sizes()
    window.show_beneficiary(first.id)
    assert detail.splitter.sizes() == moved
