"""Issue 13 points 10-11: the reports, on a real encrypted database, through the services.

Each report is read from the one table (``services/reports.all_reports``); what it counts
follows the role (a caseworker their own caseload, supervisors the office), the date range
and the caseworker filter; the counts by a choice field come from the schema and the
organisation's form definition; each statement a report runs reads a report index.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, text

from desktop.domain import forms
from desktop.domain.tabular import neutralise
from desktop.errors import PermissionDenied, UserError
from desktop.services.reports import (
    REPORTS,
    ReportFilter,
    choice_reports,
    save_csv,
)
from desktop.store.custom_indexes import ensure_custom_indexes
from tests.conftest import PASSWORDS

TODAY = date.today()
DEFINITION = {
    "format": forms.FORMAT,
    "languages": ["en"],
    "beneficiary": {
        "fields": [
            {
                "key": "risk",
                "kind": "choice",
                "label": "=Risk level",  # a label a spreadsheet would run as a formula
                "choices": [
                    {"value": "low", "label": "Low"},
                    {"value": "high", "label": "High"},
                ],
            },
            {"key": "disabled", "kind": "yes_no", "label": "Has a disability"},
            {
                "key": "needs",
                "kind": "choices",
                "label": "Needs",
                "choices": [
                    {"value": "food", "label": "Food"},
                    {"value": "shelter", "label": "Shelter"},
                ],
            },
            {"key": "nickname", "kind": "text", "label": "Nickname", "personal": True},
        ]
    },
    "session": {
        "fields": [
            {
                "key": "topic",
                "kind": "choice",
                "label": "Topic",
                "choices": [{"value": "health", "label": "Health"}],
            }
        ]
    },
}


def at(days_ago: int, hour: int = 10) -> str:
    return (
        (datetime.combine(TODAY, datetime.min.time()) - timedelta(days=days_ago))
        .replace(hour=hour)
        .isoformat(" ")
    )


@pytest.fixture
def caseloads(office):
    """cara: Amina (active, high risk, a session 3 days ago and one 40 days ago, an overdue
    follow-up) and Bilal (closed); colin: Chen (active, low risk, a session 3 days ago)."""
    admin = office.services("admin")
    admin.forms.import_text(json.dumps(DEFINITION))
    admin.forms.publish()
    cara, colin = office.services("cara"), office.services("colin")
    amina = cara.beneficiaries.create(
        {
            "first_name": "Amina",
            "last_name": "Haddad",
            "gender": "female",
            "custom": {"risk": "high", "disabled": True, "needs": ["food", "shelter"]},
        }
    )
    bilal = cara.beneficiaries.create(
        {"first_name": "Bilal", "last_name": "Nour", "custom": {"needs": ["food"]}}
    )
    chen = colin.beneficiaries.create(
        {
            "first_name": "Chen",
            "last_name": "Li",
            "gender": "male",
            "custom": {"risk": "low", "disabled": False},
        }
    )
    cara.case_sessions.create(
        amina.id,
        {
            "starts_at": at(3),
            "kind": "home_visit",
            "status": "done",
            "follow_up_on": (TODAY - timedelta(days=1)).isoformat(),
            "custom": {"topic": "health"},
        },
    )
    cara.case_sessions.create(amina.id, {"starts_at": at(40), "kind": "phone", "status": "done"})
    colin.case_sessions.create(chen.id, {"starts_at": at(3), "kind": "phone", "status": "done"})
    cara.beneficiaries.close(bilal.id, "moved_away", "")
    return office


def rows(result) -> list[tuple]:
    return [tuple(row) for row in result.rows]


def test_every_report_is_in_the_one_table_once_with_a_count_column(caseloads):
    reports = caseloads.services("sam").reports.reports()
    names = [report.name for report in reports]
    assert len(names) == len(set(names))
    assert names[: len(REPORTS)] == [report.name for report in REPORTS]
    assert {
        "cases",
        "registrations",
        "sessions-per-month",
        "sessions-per-caseworker",
        "overdue-tasks",
        "beneficiaries-by-gender",
        "beneficiaries-by-status",
        "beneficiaries-by-closure_reason",
        "sessions-by-kind",
        "sessions-by-status",
        "beneficiaries-by-custom.risk",
        "beneficiaries-by-custom.disabled",
        "beneficiaries-by-custom.needs",
        "sessions-by-custom.topic",
    } <= set(names)
    assert "beneficiaries-by-custom.nickname" not in names  # a text field is not counted
    for report in reports:
        assert report.columns[-1].key == "count"
        result = caseloads.services("sam").reports.run(report)
        assert len(result.headers) == len(report.columns)
        assert all(isinstance(row[-1], int) for row in result.rows)


def test_supervisors_count_the_office_and_caseworkers_their_own_caseload(caseloads):
    office = caseloads.services("sam").reports
    assert rows(office.run("cases")) == [("Active", 2), ("Closed", 1)]
    assert rows(office.run("sessions-per-caseworker")) == [
        ("Cara Caseworker", 2),
        ("Colin Caseworker", 1),
    ]
    cara = caseloads.services("cara").reports
    assert rows(cara.run("cases")) == [("Active", 1), ("Closed", 1)]
    assert rows(cara.run("sessions-per-caseworker")) == [("Cara Caseworker", 2)]
    assert rows(cara.run("beneficiaries-by-gender")) == [("Female", 1), ("(none)", 1)]
    # A caseworker naming another caseworker's caseload is refused, not shown zeros.
    colin_id = caseloads.services("sam").reports.caseworker_id("colin")
    with pytest.raises(PermissionDenied):
        cara.caseworker_id("colin")
    assert rows(cara.run("cases", ReportFilter(caseworker_id=colin_id))) == []


def test_the_date_range_and_the_caseworker_filter(caseloads):
    reports = caseloads.services("sam").reports
    month = (TODAY - timedelta(days=3)).strftime("%Y-%m")
    last_week = ReportFilter(TODAY - timedelta(days=7), TODAY)
    assert rows(reports.run("sessions-per-month", last_week)) == [
        (month, "Home visit", 1),
        (month, "Phone", 1),
    ]
    everything = rows(reports.run("sessions-per-month"))
    assert sum(row[-1] for row in everything) == 3
    cara = reports.caseworker_id("cara")
    assert rows(reports.run("sessions-by-kind", ReportFilter(caseworker_id=cara))) == [
        ("Home visit", 1),
        ("Phone", 1),
    ]
    assert rows(reports.run("registrations", ReportFilter(TODAY, TODAY))) == [
        (TODAY.strftime("%Y-%m"), 3)
    ]
    long_ago = ReportFilter(date(2000, 1, 1), date(2000, 12, 31))
    assert rows(reports.run("registrations", long_ago)) == []
    with pytest.raises(UserError, match="starts after it ends"):
        ReportFilter(TODAY, TODAY - timedelta(days=1))


def test_overdue_tasks_are_open_tasks_whose_due_date_has_passed(caseloads):
    """Amina's session asked for a follow-up yesterday: its task is overdue for cara;
    done, it is not; colin's caseworker view counts only his caseload's."""
    reports = caseloads.services("sam").reports
    assert rows(reports.run("overdue-tasks")) == [("Cara Caseworker", 1)]
    assert rows(reports.run("overdue-tasks", today=TODAY - timedelta(days=2))) == []
    colin = caseloads.services("colin")
    assert rows(colin.reports.run("overdue-tasks")) == []
    cara = caseloads.services("cara")
    (task,) = cara.tasks.mine(TODAY)
    cara.tasks.mark_done(task.id, "Called; all well.")
    assert rows(reports.run("overdue-tasks")) == []


def test_counts_by_the_organisations_choice_fields(caseloads):
    reports = caseloads.services("sam").reports
    assert rows(reports.run("beneficiaries-by-custom.risk")) == [
        ("Low", 1),
        ("High", 1),
        ("(none)", 1),
    ]
    assert rows(reports.run("beneficiaries-by-custom.disabled")) == [
        ("Yes", 1),
        ("No", 1),
        ("(none)", 1),
    ]
    # Several choices: once per chosen value.
    assert rows(reports.run("beneficiaries-by-custom.needs")) == [
        ("Food", 2),
        ("Shelter", 1),
        ("(none)", 1),
    ]
    assert rows(reports.run("sessions-by-custom.topic")) == [("Health", 1), ("(none)", 2)]
    assert rows(reports.run("beneficiaries-by-closure_reason")) == [
        ("Moved away", 1),
        ("(none)", 2),
    ]


def test_a_stored_value_outside_the_choices_is_still_counted(caseloads):
    """A value the definition no longer lists (a removed choice, a server's value) is
    counted under its stored value, not lost between the index seeks."""
    login = caseloads.login("admin")
    with login.db.write() as uow:
        uow.session.execute(
            text(
                "UPDATE beneficiaries SET custom = json_set(custom, '$.risk', :value) "
                "WHERE first_name = 'Bilal'"
            ),
            {"value": "medium"},
        )
        uow.commit()
    reports = caseloads.services("sam").reports
    assert rows(reports.run("beneficiaries-by-custom.risk")) == [
        ("Low", 1),
        ("High", 1),
        ("medium", 1),
    ]


def test_each_report_reads_an_index_not_the_tables_rows(caseloads):
    """Every statement a report runs is planned on a report index (EXPLAIN QUERY PLAN):
    at 1,000,000 sessions a scan of the table is seconds (docs/reports.md)."""
    login = caseloads.login("sam")
    from desktop.services.reports import ReportService

    service = ReportService(login.db, login.actor)
    plans: list[tuple[str, str]] = []

    def explain(connection, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and (
            "case_sessions" in statement or "beneficiaries" in statement or "tasks" in statement
        ):
            found = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            plans.append((statement, " | ".join(row[-1] for row in found)))

    event.listen(login.db.engine, "before_cursor_execute", explain)
    try:
        for report in service.reports():
            service.run(report, ReportFilter(TODAY - timedelta(days=364), TODAY))
            service.run(report)
    finally:
        event.remove(login.db.engine, "before_cursor_execute", explain)
    assert plans
    for statement, plan in plans:
        if "FROM users" in statement and "beneficiaries" not in statement.split("FROM", 1)[1]:
            continue
        assert "INDEX ix_" in plan and "ix_beneficiaries_caseworker " not in plan, (
            statement,
            plan,
        )
        if "FROM tasks" in statement:
            # The overdue tasks' index held no deleted_at, and the count read every
            # overdue task's row to test it (1.1 s at 450,000 tasks).
            assert "COVERING INDEX ix_tasks_report_overdue" in plan, (statement, plan)
        for table in ("case_sessions", "beneficiaries"):
            assert f"SCAN {table}" not in plan or "INDEX" in plan, (statement, plan)
        # One pair of date bounds: given the range's and the month's, SQLite seeks by one
        # and filters by the other, so each month read the whole range (5.4 s at 1M).
        for dated in ("beneficiaries.created_at", "case_sessions.starts_at", "tasks.due_on"):
            assert statement.count(f"{dated} >= ") <= 1, statement
            assert statement.count(f"{dated} < ") <= 1, statement


def test_report_indexes_follow_the_definition(caseloads):
    login = caseloads.login("admin")
    with login.db.read() as uow:
        names = set(
            uow.session.execute(
                text("SELECT name FROM sqlite_master WHERE name LIKE 'ix_report_%'")
            ).scalars()
        )
    assert names == {
        "ix_report_b_risk",
        "ix_report_b_disabled",
        "ix_report_b_needs",
        "ix_report_s_topic",
    }
    retired = forms.from_document(
        {
            **DEFINITION,
            "beneficiary": {
                "fields": [
                    {**f, "retired": True} if f["key"] == "risk" else f
                    for f in DEFINITION["beneficiary"]["fields"]
                ]
            },
        }
    )
    with login.db.write() as uow:
        _created, dropped = ensure_custom_indexes(uow.session, retired)
        uow.commit()
    assert dropped == ["ix_report_b_risk"]
    assert not any(r.name.endswith("custom.risk") for r in choice_reports(retired))


def test_csv_export_is_audited_without_personal_data_and_neutralises_formulas(caseloads, tmp_path):
    reports = caseloads.services("sam").reports
    result = reports.export("beneficiaries-by-custom.risk", format="csv")
    saved = save_csv(result, tmp_path / "risk.csv")
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    table = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert table == [
        ["'=Risk level", "Beneficiaries"],
        ["Low", "1"],
        ["High", "1"],
        ["(none)", "1"],
    ]
    assert not list(tmp_path.glob(".*.part"))
    assert neutralise("-1") == "'-1" and neutralise("@x") == "'@x" and neutralise("a=b") == "a=b"
    login = caseloads.login("admin")
    with login.db.read() as uow:
        audit = uow.session.execute(
            text("SELECT action, entity, changes FROM audit_events WHERE action = 'report'")
        ).all()
    assert len(audit) == 1
    _action, entity, changes = audit[0]
    assert entity == "beneficiary"
    assert json.loads(changes) == {
        "report": [None, "beneficiaries-by-custom.risk"],
        "rows": [None, 3],
        "format": [None, "csv"],
    }
    assert "Amina" not in changes and "Haddad" not in changes


def test_the_cli_prints_a_report_and_refuses_bad_input(caseloads):
    env = {
        **os.environ,
        "CASELOAD_PASSWORD": PASSWORDS["sam"],
        "PYTHONPATH": os.getcwd(),
    }
    base = [sys.executable, "-m", "desktop", "--data-dir", str(caseloads.paths.root)]

    def caseload(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*base, *args, "--user", "sam"], env=env, capture_output=True, text=True, timeout=60
        )

    done = caseload("report", "sessions-per-caseworker", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert list(csv.reader(io.StringIO(done.stdout))) == [
        ["Caseworker", "Sessions"],
        ["Cara Caseworker", "2"],
        ["Colin Caseworker", "1"],
    ]
    start = (TODAY - timedelta(days=7)).isoformat()
    done = caseload(
        "report", "sessions-by-kind", "--from", start, "--to", TODAY.isoformat(),
        "--caseworker", "colin",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "Sessions by kind"
    assert done.stdout.splitlines()[-1].split() == ["Phone", "1"]
    listed = caseload("report", "list")
    assert "beneficiaries-by-custom.risk" in listed.stdout
    bad_date = caseload("report", "cases", "--from", "14/03/2026")
    assert bad_date.returncode == 1
    assert "--from: '14/03/2026' is not a date (YYYY-MM-DD)" in bad_date.stderr
    unknown = caseload("report", "nope")
    assert unknown.returncode == 1 and "No report named 'nope'" in unknown.stderr
    login = caseloads.login("admin")
    with login.db.read() as uow:
        audited = uow.session.execute(
            text("SELECT count(*) FROM audit_events WHERE action = 'report'")
        ).scalar_one()
    assert audited == 2  # the two reports printed; a refused one is not


def test_deleted_records_are_not_counted(caseloads):
    login = caseloads.login("admin")
    with login.db.read() as uow:
        chen = uow.session.execute(
            text("SELECT id FROM beneficiaries WHERE first_name = 'Chen'")
        ).scalar_one()
    caseloads.services("sam").beneficiaries.delete(chen)
    reports = caseloads.services("sam").reports
    assert rows(reports.run("cases")) == [("Active", 1), ("Closed", 1)]
    assert rows(reports.run("sessions-per-caseworker")) == [("Cara Caseworker", 2)]
