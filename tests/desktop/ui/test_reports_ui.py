"""Issue 13 points 10 and 12 as a person meets them: the dashboard and the office-wide audit
log, opened from the main window, driven by keys and clicks, exported to CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import text

from desktop.auth.permissions import ROLE_PERMISSIONS, Permission
from desktop.domain.enums import Role
from desktop.services.audit import PAGE, AuditQuery
from desktop.ui.models.audit_table import COL_CHANGES, COL_RECORD
from desktop.ui.worker import wait_for_workers
from tests.desktop import test_reports
from tests.desktop.ui.test_windows import log_in

caseloads = test_reports.caseloads  # the fixture: three beneficiaries, three sessions
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def choose_file(qtbot, owner, path) -> None:
    """Once ``owner``'s file dialog is open, puts ``path`` in its file name, presses Enter."""

    def answer() -> None:
        files = owner.file_dialog
        if files is None or not files.isVisible():
            QTimer.singleShot(20, answer)
            return
        name = files.findChild(QLineEdit, "fileNameEdit")
        name.setText(str(path))  # pasted: typing opens the completer, which takes the Enter
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def open_dashboard(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "dashboard", None) is not None)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.operation is None and bool(dashboard.results), timeout=20_000)
    return dashboard


def click_report(qtbot, dashboard, title: str) -> None:
    items = dashboard.report_list.findItems(title, Qt.MatchFlag.MatchExactly)
    assert items, title
    rect = dashboard.report_list.visualItemRect(items[0])
    qtbot.mouseClick(dashboard.report_list.viewport(), LEFT, pos=rect.center())
    assert dashboard.title.text() == title


def table_rows(model) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_a_supervisor_reads_each_report_as_chart_and_table_and_exports_it(
    qtbot, controller, caseloads, tmp_path
):
    window = log_in(qtbot, controller, "sam")
    dashboard = open_dashboard(qtbot, window)
    click_report(qtbot, dashboard, "Sessions per caseworker")
    assert table_rows(dashboard.model) == [("Cara Caseworker", "2"), ("Colin Caseworker", "1")]
    assert [(bar.label, bar.total) for bar in dashboard.chart.bars] == [
        ("Cara Caseworker", 2),
        ("Colin Caseworker", 1),
    ]
    dashboard.grab().save(str(tmp_path / "dashboard.png"))

    # The caseworker filter, chosen by keys, then Show.
    dashboard.caseworker.setFocus()
    qtbot.keyClick(dashboard.caseworker, Qt.Key.Key_Down)  # the first caseworker
    assert dashboard.caseworker.currentText() == "Ada Admin"
    qtbot.keyClick(dashboard.caseworker, Qt.Key.Key_Down)
    qtbot.keyClick(dashboard.caseworker, Qt.Key.Key_Down)
    assert dashboard.caseworker.currentText() == "Colin Caseworker"
    qtbot.mouseClick(dashboard.show_button, LEFT)
    qtbot.waitUntil(lambda: dashboard.operation is None, timeout=20_000)
    assert table_rows(dashboard.model) == [("Colin Caseworker", "1")]

    # A date typed wrong is named, and nothing is counted.
    dashboard.start_edit.clear()
    qtbot.keyClicks(dashboard.start_edit, "31/31/2026")
    qtbot.mouseClick(dashboard.show_button, LEFT)
    assert dashboard.status.text() == "From: not a date."
    assert dashboard.operation is None

    # Stacked bars: sessions per month, by kind.
    dashboard.start_edit.clear()
    dashboard.caseworker.setFocus()
    qtbot.keyClick(dashboard.caseworker, Qt.Key.Key_Home)
    assert dashboard.caseworker.currentText() == "All caseworkers"
    qtbot.mouseClick(dashboard.show_button, LEFT)
    qtbot.waitUntil(lambda: dashboard.operation is None, timeout=20_000)
    click_report(qtbot, dashboard, "Sessions per month by kind")
    assert sum(bar.total for bar in dashboard.chart.bars) == 3
    assert sorted(dashboard.chart.series) == ["Home visit", "Phone"]  # the legend

    # Export the shown table: the numbers on screen, in a CSV file, audited.
    click_report(qtbot, dashboard, "Beneficiaries by =Risk level")
    target = tmp_path / "risk.csv"
    choose_file(qtbot, dashboard, target)
    qtbot.mouseClick(dashboard.export_button, LEFT)
    qtbot.waitUntil(lambda: dashboard.operation is None and target.exists(), timeout=20_000)
    table = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert table[0] == ["'=Risk level", "Beneficiaries"]  # a formula start, neutralised
    assert table[1:] == [list(row) for row in table_rows(dashboard.model)]
    assert dashboard.status.text() == "Saved risk.csv."
    login = caseloads.login("admin")
    with login.db.read() as uow:
        changes = uow.session.execute(
            text("SELECT changes FROM audit_events WHERE action = 'report'")
        ).scalar_one()
    assert json.loads(changes)["report"] == [None, "beneficiaries-by-custom.risk"]

    # Locking takes the counts away with the key.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.locked)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dashboard) or not dashboard.isVisible())


def test_a_caseworker_counts_their_own_caseload_and_has_no_audit_log(qtbot, controller, caseloads):
    window = log_in(qtbot, controller, "cara")
    assert not window.audit_log_action.isVisible()
    dashboard = open_dashboard(qtbot, window)
    assert [dashboard.caseworker.itemText(i) for i in range(dashboard.caseworker.count())] == [
        "All caseworkers",
        "Cara Caseworker",
    ]
    click_report(qtbot, dashboard, "Active and closed cases")
    assert table_rows(dashboard.model) == [("Active", "1"), ("Closed", "1")]
    click_report(qtbot, dashboard, "Overdue tasks per caseworker")
    assert table_rows(dashboard.model) == [("Cara Caseworker", "1")]


@pytest.fixture
def busy_log(caseloads):
    """More events than a page: 250 edits of Amina's phone, then Chen's, by the supervisor."""
    sam = caseloads.services("sam")
    login = caseloads.login("admin")
    with login.db.read() as uow:
        amina, chen = uow.session.execute(
            text(
                "SELECT id FROM beneficiaries WHERE first_name IN ('Amina', 'Chen') "
                "ORDER BY first_name"
            )
        ).scalars()
    for number in range(PAGE + 50):
        sam.beneficiaries.update(amina, {"phone": f"+256 700 {number:06d}"})
    sam.beneficiaries.update(chen, {"phone": "+33 6 12 34 56 78"})
    return caseloads


def test_the_audit_log_filters_pages_and_exports(qtbot, controller, busy_log, tmp_path):
    window = log_in(qtbot, controller, "sam")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.audit_log_action.trigger()  # Reports → Audit log…
    qtbot.waitUntil(lambda: getattr(window, "audit_log", None) is not None)
    log_window = window.audit_log
    qtbot.waitUntil(lambda: log_window.operation is None and log_window.model.rowCount() > 0)
    model = log_window.model
    assert model.rowCount() == PAGE  # one page, not the whole log
    # The end of the list (Ctrl+End, as a person goes there) reads the next page.
    log_window.table.setFocus()
    qtbot.keyClick(log_window.table, Qt.Key.Key_End, CTRL)
    qtbot.waitUntil(lambda: model.rowCount() > PAGE)
    ids = [model.event_at(r).id for r in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)

    # Filter: the record (a case number, typed, Enter) and the action (by keys).
    case_number = next(
        model.event_at(r).record
        for r in range(model.rowCount())
        if "+33 6 12 34 56 78" in model.index(r, COL_CHANGES).data()
    )
    qtbot.keyClicks(log_window.record, case_number)
    qtbot.keyClick(log_window.record, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: log_window.operation is None)
    qtbot.waitUntil(lambda: model.rowCount() == 3)  # Chen: created, a session, a change
    assert {model.index(r, COL_RECORD).data() for r in range(3)} == {case_number}
    assert model.index(0, COL_CHANGES).data() == "Phone: – → +33 6 12 34 56 78"
    log_window.record.clear()
    log_window.action.setFocus()
    while log_window.action.currentData() != "create":
        qtbot.keyClick(log_window.action, Qt.Key.Key_Down)
    qtbot.mouseClick(log_window.show_button, LEFT)
    qtbot.waitUntil(lambda: log_window.operation is None)
    # 3 beneficiaries, 3 sessions, and the task Amina's follow-up date made (issue 14).
    qtbot.waitUntil(lambda: model.rowCount() == 7)
    log_window.grab().save(str(tmp_path / "audit-log.png"))

    # Export: every event the filters select, page by page, audited.
    target = tmp_path / "log.csv"
    choose_file(qtbot, log_window, target)
    qtbot.mouseClick(log_window.export_button, LEFT)
    qtbot.waitUntil(lambda: log_window.operation is None and target.exists(), timeout=20_000)
    table = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert table[0] == ["When", "Who", "Action", "Record", "Changes"]
    assert len(table) == 1 + 7
    assert all(row[2].endswith(": Created") for row in table[1:])
    wait_for_workers(5_000)
    login = busy_log.login("admin")
    with login.db.read() as uow:
        audited = uow.session.execute(
            text("SELECT entity, changes FROM audit_events WHERE action = 'export'")
        ).one()
    assert audited[0] == "audit_event"
    assert json.loads(audited[1]) == {"rows": [None, 7], "format": [None, "csv"]}


def test_the_log_hides_values_from_a_reader_who_may_not_see_the_record(busy_log, monkeypatch):
    # A role that reads the audit trail without seeing every caseload (none ships today).
    monkeypatch.setitem(
        ROLE_PERMISSIONS,
        Role.CASEWORKER,
        ROLE_PERMISSIONS[Role.CASEWORKER] | {Permission.VIEW_AUDIT},
    )
    own = busy_log.services("colin").audit.page(AuditQuery(action="update"))
    chen = [e for e in own if e.changes.get("phone", [None, None])[1] == "+33 6 12 34 56 78"]
    assert len(chen) == 1  # colin's own record: its values
    others = [e for e in own if e not in chen]
    assert others and all(e.changes == {"phone": [None, None]} for e in others)


def test_the_report_and_office_log_models_pass_the_model_tester(qtmodeltester, busy_log):
    from desktop.ui.models.audit_table import AuditTableModel
    from desktop.ui.models.report_table import ReportTableModel

    services = busy_log.services("sam")
    reports = ReportTableModel()
    reports.set_result(services.reports.run("sessions-per-month"))
    qtmodeltester.check(reports)
    office = AuditTableModel(office=True)
    office.set_events(
        services.audit.page(), lambda before: services.audit.page(before_id=before), PAGE
    )
    qtmodeltester.check(office)
    assert office.columnCount() == COL_RECORD + 1
