"""Exports (desktop/services/exports.py) on real encrypted databases: what each role
gets, the list's filters, custom fields, labels or values, ISO dates, formula
neutralisation in CSV and XLSX, password-protected XLSX, the audit event, and that a
cancelled or failed export leaves no file behind."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import msoffcrypto
import openpyxl
import pytest
from sqlalchemy import select

from desktop.domain.enums import BeneficiaryStatus
from desktop.domain.records import BeneficiaryQuery
from desktop.errors import UserError
from desktop.services.exports import (
    ExportCancelled,
    ExportFormat,
    ExportKind,
    ExportRequest,
    available,
)
from desktop.store.tables import AuditEventRow

BENEFICIARIES, SESSIONS = ExportKind.BENEFICIARIES, ExportKind.SESSIONS
CHOICES = [
    {"value": "low", "label": {"en": "Low", "fr": "Faible"}},
    {"value": "high", "label": {"en": "High", "fr": "Élevé"}},
]
DEFINITION = {
    "format": "caseload-forms/1",
    "languages": ["en", "fr"],
    "beneficiary": {
        "fields": [
            {
                "key": "risk",
                "kind": "choice",
                "label": {"en": "Risk", "fr": "Risque"},
                "choices": CHOICES,
                "filter": True,
            },
            {
                "key": "needs",
                "kind": "choices",
                "label": {"en": "Needs", "fr": "Besoins"},
                "choices": CHOICES,
            },
            {"key": "income", "kind": "decimal", "label": {"en": "Income", "fr": "Revenu"}},
            {"key": "assessed_on", "kind": "date", "label": {"en": "Assessed", "fr": "Évalué"}},
            {"key": "eligible", "kind": "yes_no", "label": {"en": "Eligible", "fr": "Éligible"}},
        ]
    },
    "session": {
        "fields": [
            {
                "key": "mood",
                "kind": "choice",
                "label": {"en": "Mood", "fr": "Humeur"},
                "choices": CHOICES,
            },
        ]
    },
}
HOSTILE = ['=HYPERLINK("http://x.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]


@pytest.fixture
def office_data(office):
    """Cara's two cases (one closed, custom values, sessions), Colin's one."""
    admin = office.services("admin")
    admin.forms.import_text(json.dumps(DEFINITION))
    admin.forms.publish()
    cara, colin = office.services("cara"), office.services("colin")
    layla = cara.beneficiaries.create(
        {
            "first_name": "Layla",
            "last_name": "Haddad",
            "date_of_birth": date(1988, 3, 14),
            "gender": "female",
            "custom": {
                "risk": "high",
                "needs": ["low", "high"],
                "income": "120.5",
                "assessed_on": "2025-01-31",
                "eligible": True,
            },
        }
    )
    omar = cara.beneficiaries.create({"first_name": "Omar", "last_name": "Nasser"})
    cara.beneficiaries.close(omar.id, "moved_away")
    colin.beneficiaries.create({"first_name": "Zainab", "last_name": "Okafor"})
    for day in (2, 9):
        cara.case_sessions.create(
            layla.id,
            {"starts_at": f"2026-03-0{day} 10:00", "kind": "home_visit", "custom": {"mood": "low"}},
        )
    return office, layla


def run(services, tmp_path, name="out.csv", **options):
    options.setdefault("kinds", (BENEFICIARIES,))
    if "format" not in options:
        options["format"] = ExportFormat(name.rsplit(".", 1)[-1])
    request = ExportRequest(path=tmp_path / name, **options)
    return services.exports.export(request)


def csv_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_a_caseworker_exports_their_own_caseload_a_supervisor_the_office(office_data, tmp_path):
    office, _layla = office_data
    mine = run(office.services("cara"), tmp_path, "cara.csv")
    assert mine.rows == {BENEFICIARIES: 2}
    names = {row["First name"] for row in csv_rows(tmp_path / "cara.csv")}
    assert names == {"Layla", "Omar"}  # not Colin's Zainab

    office_wide = run(office.services("sam"), tmp_path, "sam.csv")
    assert office_wide.rows == {BENEFICIARIES: 3}

    closed = run(
        office.services("sam"),
        tmp_path,
        "closed.csv",
        query=BeneficiaryQuery(status=BeneficiaryStatus.CLOSED),
    )
    assert closed.rows == {BENEFICIARIES: 1}
    searched = run(office.services("sam"), tmp_path, "s.csv", query=BeneficiaryQuery(search="hadd"))
    assert [r["Last name"] for r in csv_rows(tmp_path / "s.csv")] == ["Haddad"]
    assert searched.total == 1
    custom = run(
        office.services("sam"),
        tmp_path,
        "risk.zip",
        format=ExportFormat.CSV,
        query=BeneficiaryQuery(custom_filters=(("risk", "high"),)),
        kinds=(BENEFICIARIES, SESSIONS),
    )
    assert custom.rows == {BENEFICIARIES: 1, SESSIONS: 2}


def test_columns_custom_fields_labels_or_values_and_iso_dates(office_data, tmp_path):
    office, layla = office_data
    cara = office.services("cara")
    run(cara, tmp_path, "labels.csv", as_labels=True)
    row = next(r for r in csv_rows(tmp_path / "labels.csv") if r["First name"] == "Layla")
    assert row["Record ID"] == layla.id
    assert row["Case no."] == layla.case_number
    assert row["Date of birth"] == "1988-03-14"
    assert row["Gender"] == "Female"
    assert row["Risk"] == "High"
    assert row["Needs"] == "Low; High"
    assert row["Income"] == "120.5"
    assert row["Assessed"] == "2025-01-31"
    assert row["Eligible"] == "yes"
    assert row["Caseworker"] == "cara"  # the username, which an import matches

    run(cara, tmp_path, "values.csv", as_labels=False)
    row = next(r for r in csv_rows(tmp_path / "values.csv") if r["First name"] == "Layla")
    assert (row["Gender"], row["Risk"], row["Needs"]) == ("female", "high", "low; high")

    french = {("field", "First name"): "Prénom", ("choice", "Female"): "Femme"}
    run(
        cara,
        tmp_path,
        "fr.xlsx",
        language="fr",
        translate=lambda context, text: french.get((context, text), text),
        kinds=(BENEFICIARIES, SESSIONS),
    )
    book = openpyxl.load_workbook(tmp_path / "fr.xlsx", read_only=True)
    assert book.sheetnames == ["beneficiaries", "sessions"]
    header, *rows = list(book["beneficiaries"].values)
    assert "Prénom" in header and "Risque" in header
    layla_row = dict(zip(header, next(r for r in rows if "Layla" in r), strict=True))
    assert layla_row["Gender"] == "Femme"
    assert layla_row["Risque"] == "Élevé"
    assert layla_row["Revenu"] == 120.5  # a number a spreadsheet sums
    header, *sessions = list(book["sessions"].values)
    assert len(sessions) == 2
    first = dict(zip(header, sessions[0], strict=True))
    assert first["Case no."] == layla.case_number
    assert first["Start"] == "2026-03-02T10:00:00Z"
    assert first["Humeur"] == "Faible"
    book.close()


def test_formula_cells_are_neutralised_in_csv_and_xlsx(office, tmp_path):
    cara = office.services("cara")
    for text in HOSTILE:
        cara.beneficiaries.create({"first_name": text, "last_name": "Hostile", "notes": text})
    run(cara, tmp_path, "hostile.csv")
    written = {row["First name"] for row in csv_rows(tmp_path / "hostile.csv")}
    assert written == {"'" + text for text in HOSTILE}

    run(cara, tmp_path, "hostile.xlsx")
    book = openpyxl.load_workbook(tmp_path / "hostile.xlsx")  # not read-only: data types
    sheet = book["beneficiaries"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("First name") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)]
    assert {cell.value for cell in cells} == {"'" + text for text in HOSTILE}
    assert {cell.data_type for cell in cells} == {"s"}  # text, never a formula
    with zipfile.ZipFile(tmp_path / "hostile.xlsx") as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


def test_a_password_protects_the_xlsx(office_data, tmp_path):
    office, _layla = office_data
    cara = office.services("cara")
    result = run(
        cara, tmp_path, "locked.xlsx", password="correct horse 7", kinds=(BENEFICIARIES, SESSIONS)
    )
    assert result.protected
    data = (tmp_path / "locked.xlsx").read_bytes()
    assert b"Layla" not in data and "Layla".encode("utf-16-le") not in data
    assert not data.startswith(b"PK")  # not a readable ZIP: an encrypted Office file
    with pytest.raises(Exception):  # noqa: B017 - whatever openpyxl raises, it does not open
        openpyxl.load_workbook(tmp_path / "locked.xlsx")
    wrong = msoffcrypto.OfficeFile(io.BytesIO(data))
    wrong.load_key(password="wrong password")
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        wrong.decrypt(io.BytesIO())
    office_file = msoffcrypto.OfficeFile(io.BytesIO(data))
    office_file.load_key(password="correct horse 7")
    plain = io.BytesIO()
    office_file.decrypt(plain)
    book = openpyxl.load_workbook(plain, read_only=True)
    names = {row[2] for row in book["beneficiaries"].iter_rows(min_row=2, values_only=True)}
    assert names == {"Layla", "Omar"}
    left = [p.name for p in tmp_path.iterdir() if p.name != "data"]
    assert left == ["locked.xlsx"]  # no plaintext copy beside it

    with pytest.raises(UserError, match="Password: only XLSX"):
        run(cara, tmp_path, "locked.csv", password="correct horse 7")
    with pytest.raises(UserError, match="Password: the password is empty"):
        run(cara, tmp_path, "empty.xlsx", password="")


def audit_rows(office, action="export"):
    """(entity, user id, changes) of each audit event of ``action``."""
    login = office.login("admin")
    with login.db.read() as uow:
        rows = uow.session.execute(
            select(AuditEventRow.entity, AuditEventRow.user_id, AuditEventRow.changes).where(
                AuditEventRow.action == action
            )
        ).all()
    return [(entity, user, json.loads(changes)) for entity, user, changes in rows]


def test_each_export_is_an_audit_event_without_personal_data(office_data, tmp_path):
    office, _layla = office_data
    cara = office.services("cara")
    run(
        cara,
        tmp_path,
        "both.xlsx",
        kinds=(BENEFICIARIES, SESSIONS),
        query=BeneficiaryQuery(search="Layla"),
    )
    events = audit_rows(office)
    assert sorted(entity for entity, _user, _changes in events) == ["beneficiary", "case_session"]
    changes = {entity: changes for entity, _user, changes in events}
    assert changes["beneficiary"] == {
        "rows": [None, 1],
        "format": [None, "xlsx"],
        "protected": [None, False],
    }
    assert changes["case_session"]["rows"] == [None, 2]
    assert {user for _entity, user, _changes in events} == {cara.actor.id}
    assert "Layla" not in json.dumps(events) and "Haddad" not in json.dumps(events)


def test_all_as_csv_is_one_zip_with_a_file_per_kind_tasks_included(office_data, tmp_path):
    office, layla = office_data
    cara = office.services("cara")
    cara.tasks.create(layla.id, {"due_on": "2026-04-01", "title": "Call about the rent"})
    # Zainab's task is colin's caseload: not in cara's export.
    colin = office.services("colin")
    (zainab,) = [b for b in colin.beneficiaries.list_page(BeneficiaryQuery(), 0, 10).rows]
    colin.tasks.create(zainab.id, {"due_on": "2026-04-02", "title": "Visit"})
    assert available() == (BENEFICIARIES, SESSIONS, ExportKind.TASKS)
    result = run(cara, tmp_path, "all.zip", format=ExportFormat.CSV, kinds=available())
    assert result.rows == {BENEFICIARIES: 2, SESSIONS: 2, ExportKind.TASKS: 1}
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        assert archive.namelist() == ["beneficiaries.csv", "sessions.csv", "tasks.csv"]
        sessions = archive.read("sessions.csv").decode("utf-8-sig").splitlines()
        tasks = list(csv.DictReader(io.StringIO(archive.read("tasks.csv").decode("utf-8-sig"))))
    assert len(sessions) == 3 and sessions[0].startswith("Record ID,Case no.,Beneficiary")
    (task,) = tasks
    assert task["Case no."] == layla.case_number
    assert (task["Due"], task["Task"], task["State"]) == (
        "2026-04-01",
        "Call about the rent",
        "Open",
    )


def test_a_cancelled_or_failed_export_leaves_no_file_and_no_event(
    office_data, tmp_path, monkeypatch
):
    office, _layla = office_data
    cara = office.services("cara")
    monkeypatch.setattr("desktop.services.exports.PAGE", 1)  # a check after every record
    calls = []

    def cancel_after_the_first_page() -> bool:
        calls.append(1)
        return len(calls) > 2

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        cara.exports.export(
            ExportRequest(kinds=(BENEFICIARIES,), format=ExportFormat.XLSX, path=out / "x.xlsx"),
            cancelled=cancel_after_the_first_page,
        )
    assert list(out.iterdir()) == []
    (out / "taken.xlsx").mkdir()  # the rename at the end fails: a folder has the name
    with pytest.raises(OSError):
        run(cara, out, "taken.xlsx")
    assert [p.name for p in out.iterdir()] == ["taken.xlsx"]
    assert audit_rows(office) == []
    with pytest.raises(UserError, match="does not exist"):
        run(cara, tmp_path / "missing", "x.csv")


def test_progress_counts_every_row_of_every_kind(office_data, tmp_path):
    office, layla = office_data
    office.services("cara").tasks.create(layla.id, {"due_on": date(2026, 4, 1), "title": "Call"})
    for who, query, rows in (
        ("sam", None, 3 + 2 + 1),  # the office: three people, two sessions, one task
        ("cara", None, 2 + 2 + 1),  # her own caseload
        ("sam", BeneficiaryQuery(status=BeneficiaryStatus.ACTIVE), 2 + 2 + 1),
    ):
        seen = []
        office.services(who).exports.export(
            ExportRequest(
                kinds=available(),
                format=ExportFormat.CSV,
                path=tmp_path / "a.zip",
                query=query,
            ),
            progress=lambda done, total, seen=seen: seen.append((done, total)),
        )
        assert seen[-1] == (rows, rows), (who, query)
