"""Importing beneficiaries from CSV and XLSX files: every file is made here, in tmp_path,
and imported into a real encrypted database (issue 13, points 6 and 7)."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from desktop.errors import UserError
from desktop.services import Services
from desktop.services.forms import template_text
from desktop.services.import_files import EncodingUnsure, ImportFileError, open_table
from desktop.services.imports import (
    DateOrderUnsure,
    Mode,
    load_mapping,
    save_mapping,
    settle_date_order,
)
from desktop.ui.translations import import_translations

HEADER = "First name,Last name,Date of birth,Gender,Phone\n"


@pytest.fixture
def login(office):
    return office.login("admin")


@pytest.fixture
def services(login, office) -> Services:
    return Services.for_session(login, office.accounts)


def scalar(login, sql: str, **params):
    with login.db.read() as uow:
        return uow.session.execute(text(sql), params).scalar()


def names(login) -> list[tuple[str, str]]:
    with login.db.read() as uow:
        rows = uow.session.execute(
            text("SELECT first_name, last_name FROM beneficiaries ORDER BY pk")
        ).all()
    return [tuple(row) for row in rows]


def plan(services, path, **options):
    options.setdefault("translations", import_translations())
    return settle_date_order(services.imports.plan(path, **options))


def run(services, path, **options):
    plan_options = {
        k: options.pop(k) for k in ("encoding", "mapping", "translations") if k in options
    }
    return services.imports.run(plan(services, path, **plan_options), **options)


# -- encodings ---------------------------------------------------------------------------

ACCENTED = "Zoë,Ndiaye,1988-03-14,female,\nHélène,Côté,1990-01-02,female,\n"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("cp1252", b"")],
)
def test_utf8_with_or_without_bom_utf16_and_windows_1252_read_the_same(
    services, login, tmp_path, encoding, bom
):
    path = tmp_path / "people.csv"
    path.write_bytes(bom + (HEADER + ACCENTED).encode(encoding))
    report = run(services, path)
    assert (report.imported, report.rejected) == (2, 0)
    assert names(login) == [("Zoë", "Ndiaye"), ("Hélène", "Côté")]


def test_another_code_page_is_asked_not_guessed(services, login, tmp_path):
    path = tmp_path / "cyrillic.csv"
    path.write_bytes((HEADER + "Иван,Петров,1988-03-14,male,\n").encode("cp1251"))
    with pytest.raises(EncodingUnsure, match="encoding could not be recognised"):
        services.imports.plan(path)
    report = run(services, path, encoding="cp1251")
    assert report.imported == 1
    assert names(login) == [("Иван", "Петров")]


def test_binary_garbage_is_refused_and_nothing_is_written(services, login, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ImportFileError, match="not a text file"):
        services.imports.plan(path)
    assert scalar(login, "SELECT count(*) FROM beneficiaries") == 0


def test_an_xls_file_or_a_broken_xlsx_gets_a_clear_message(services, tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with pytest.raises(ImportFileError, match="old Excel file"):
        services.imports.plan(old)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    with pytest.raises(ImportFileError, match="not a readable XLSX"):
        services.imports.plan(broken)


def test_empty_rows_are_skipped_and_duplicate_headers_refused(services, login, tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text(HEADER + ",,,,\n\nAmina,Diallo,,,\n   ,  ,,,\n", encoding="utf-8")
    report = run(services, path)
    assert (report.rows, report.imported) == (1, 1)
    twice = tmp_path / "twice.csv"
    twice.write_text("First name,Last name,Phone,phone\nA,B,1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="columns 3 and 4 both have the header 'phone'"):
        services.imports.plan(twice)
    assert scalar(login, "SELECT count(*) FROM beneficiaries") == 1


def test_semicolon_csv_from_french_excel_with_french_headers_and_choices(services, login, tmp_path):
    path = tmp_path / "fr.csv"
    path.write_bytes(
        "Prénom;Nom;Date de naissance;Genre;Consentement\n"
        "Aïcha;Benali;14/03/1988;Féminin;oui\n".encode("cp1252")
    )
    prepared = plan(services, path)
    assert prepared.targets == (
        "first_name",
        "last_name",
        "date_of_birth",
        "gender",
        "consent_given",
    )
    assert prepared.date_order == "dmy"  # 14 cannot be a month
    report = services.imports.run(prepared)
    assert report.imported == 1
    with login.db.read() as uow:
        row = uow.session.execute(
            text("SELECT date_of_birth, gender, consent_given FROM beneficiaries")
        ).one()
    assert tuple(row) == ("1988-03-14", "female", 1)


# -- dates -----------------------------------------------------------------------------------


def test_ambiguous_dates_ask_for_the_order_and_iso_needs_none(services, login, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text(HEADER + "A,One,03/04/1988,,\nB,Two,05/06/1990,,\n", encoding="utf-8")
    with pytest.raises(DateOrderUnsure, match="03/04/1988") as raised:
        plan(services, path)
    assert raised.value.orders == ("dmy", "mdy")
    chosen = services.imports.plan(path).with_date_order("mdy")
    assert services.imports.run(chosen).imported == 2
    assert scalar(login, "SELECT min(date_of_birth) FROM beneficiaries") == "1988-03-04"
    iso = tmp_path / "iso.csv"
    iso.write_text(HEADER + "C,Three,1988-03-14,,\n", encoding="utf-8")
    assert plan(services, iso).date_order is None


# -- XLSX ------------------------------------------------------------------------------------


def test_xlsx_dates_numbers_and_formula_cells(services, login, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["First name", "Last name", "Date of birth", "Phone"])
    sheet.append(["Noor", "Haddad", datetime(1991, 5, 6), 254700000001])
    sheet.append(["Eve", "Formula", date(1992, 1, 1), '=HYPERLINK("http://x","call")'])
    sheet.append([None, None, None, None])
    path = tmp_path / "people.xlsx"
    book.save(path)
    report = run(services, path, rejects=tmp_path / "rejects.csv")
    assert (report.rows, report.imported, report.rejected) == (2, 1, 1)
    assert [p.message for p in report.problems] == [
        "Phone: a formula, not a value; type the value instead"
    ]
    assert report.problems[0].row == 3
    with login.db.read() as uow:
        row = uow.session.execute(text("SELECT date_of_birth, phone FROM beneficiaries")).one()
    assert tuple(row) == ("1991-05-06", "254700000001")


# -- checks, preview, duplicates --------------------------------------------------------------


def test_preview_marks_each_bad_cell_with_row_field_and_message(services, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER + "Ok,Person,1980-01-01,male,\n,Nameless,2999-01-01,robot,12\n", encoding="utf-8"
    )
    shown = services.imports.preview(plan(services, path))
    good, bad = shown.rows
    assert good.values is not None and not good.problems
    assert bad.values is None
    found = {(p.row, p.field, p.message) for p in bad.problems}
    assert found == {
        (3, "first_name", "First name is required."),
        (3, "date_of_birth", "Date of birth cannot be in the future."),
        (3, "gender", 'Gender: "robot" is not one of female, male, other, undisclosed'),
        (
            3,
            "phone",
            "Phone must be 6 to 17 digits, optionally with +, spaces, dashes or brackets.",
        ),
    }


def test_duplicates_are_flagged_within_the_file_and_against_existing_records(
    services, login, tmp_path
):
    services.beneficiaries.create(
        {"first_name": "Samir", "last_name": "Khoury", "date_of_birth": date(1985, 2, 3)}
    )
    path = tmp_path / "dupes.csv"
    path.write_text(
        HEADER
        + "Samir,Khoury,1985-02-03,,\n"  # already registered
        + "Lina,Saad,1990-01-01,,+961 70 123 456\n"
        + "Lina,Saad,1990-01-01,,\n",  # row 3 again
        encoding="utf-8",
    )
    report = run(services, path, dry_run=True)
    flags = {flag.row: flag for flag in report.duplicate_flags}
    assert set(flags) == {2, 4}
    assert flags[2].case_numbers and "same_name" in flags[2].reasons
    assert flags[4].same_as_row == 3
    skipped = run(services, path, skip_duplicates=True)
    assert (skipped.imported, skipped.rejected) == (1, 2)
    assert names(login) == [("Samir", "Khoury"), ("Lina", "Saad")]


def test_custom_fields_map_by_their_labels_in_any_language(services, login, tmp_path):
    services.forms.import_text(template_text("child_protection"))
    services.forms.publish()
    path = tmp_path / "custom.csv"
    path.write_text(
        "First name,Last name,Niveau de risque,Date of assessment,Nombre de frères et sœurs,"
        "Attends school,Services referred to\n"
        "Omar,Farah,High,2026-01-10,3,yes,health; legal\n"
        "Ali,Farah,extreme,2026-01-10,x,,\n",
        encoding="utf-8",
    )
    prepared = plan(services, path)
    assert prepared.targets[2:] == (
        "custom.risk_level",
        "custom.assessment_date",
        "custom.siblings",
        "custom.in_school",
        "custom.services_referred",
    )
    report = services.imports.run(prepared)
    assert (report.imported, report.rejected) == (1, 1)
    assert {p.field for p in report.problems} == {"custom.risk_level", "custom.siblings"}
    stored = json.loads(scalar(login, "SELECT custom FROM beneficiaries"))
    assert stored == {
        "assessment_date": "2026-01-10",
        "in_school": True,
        "risk_level": "high",
        "services_referred": ["health", "legal"],
        "siblings": 3,
    }


def test_a_saved_mapping_is_used_next_time(services, login, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Given,Family,Born\nMaya,Issa,07/08/1999\n", encoding="utf-8")
    first = services.imports.plan(path)
    assert first.targets == (None, None, "date_of_birth") or first.targets == (None, None, None)
    mapped = first.with_targets(("first_name", "last_name", "date_of_birth")).with_date_order("dmy")
    saved = tmp_path / "mapping.json"
    save_mapping(saved, mapped.mapping_document())
    again = services.imports.plan(path, mapping=load_mapping(saved))
    assert again.targets == ("first_name", "last_name", "date_of_birth")
    assert services.imports.run(again).imported == 1
    assert scalar(login, "SELECT date_of_birth FROM beneficiaries") == "1999-08-07"
    saved.write_text('{"format": "caseload-import-mapping/1", "columns": {"Given": "shoe"}}')
    with pytest.raises(UserError, match="'shoe'"):
        services.imports.plan(path, mapping=load_mapping(saved))


# -- the import's two modes ---------------------------------------------------------------


MIXED = HEADER + "Ok,One,,,\nBad,,,,\nOk,Two,,,\n"


def test_dry_run_writes_nothing(services, login, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    report = run(services, path, dry_run=True)
    assert (report.rows, report.valid, report.rejected, report.imported) == (3, 2, 1, 0)
    assert scalar(login, "SELECT count(*) FROM beneficiaries") == 0
    assert scalar(login, "SELECT count(*) FROM audit_events WHERE action = 'import'") == 0


def test_valid_rows_are_imported_and_the_rejects_written_with_reasons(services, login, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    report = run(services, path, rejects=rejects)
    assert (report.imported, report.rejected) == (2, 1)
    assert names(login) == [("Ok", "One"), ("Ok", "Two")]
    with rejects.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows == [
        ["Row", "First name", "Last name", "Date of birth", "Gender", "Phone", "Problems"],
        ["3", "Bad", "", "", "", "", "Last name is required."],
    ]
    assert rejects.stat().st_mode & 0o777 == 0o600
    # one event for the import, counts only: no name in it
    with login.db.read() as uow:
        event = uow.session.execute(
            text(
                "SELECT entity, changes FROM audit_events WHERE action = 'import' AND changes "
                "LIKE '%rejected%'"
            )
        ).one()
    assert event.entity == "beneficiary"
    assert json.loads(event.changes) == {
        "format": [None, "csv"],
        "mode": [None, "valid"],
        "rejected": [None, 1],
        "rows": [None, 2],
    }


def test_all_or_nothing_imports_nothing_when_one_row_is_bad(services, login, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    report = run(services, path, mode=Mode.ALL_OR_NOTHING, rejects=tmp_path / "r.csv")
    assert (report.imported, report.rejected) == (0, 1)
    assert "nothing was imported (all or nothing)" in report.summary()
    assert scalar(login, "SELECT count(*) FROM beneficiaries") == 0
    assert (tmp_path / "r.csv").exists()


def test_all_or_nothing_cancelled_while_writing_leaves_nothing(services, login, tmp_path):
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(f"P{n},Q{n},,,\n" for n in range(25_000)), encoding="utf-8")
    rows_read = []

    def progress(done, total):
        rows_read.append(done)

    # cancelled once the write pass (the second half of the progress) is under way,
    # after its first chunk of 10,000 was written in the one transaction
    report = run(
        services,
        path,
        mode=Mode.ALL_OR_NOTHING,
        progress=progress,
        cancelled=lambda: bool(rows_read) and rows_read[-1] >= 500 + 250,
    )
    assert report.cancelled and report.imported == 0
    assert scalar(login, "SELECT count(*) FROM beneficiaries") == 0
    assert scalar(login, "SELECT count(*) FROM outbox") == 0


def test_a_cancelled_check_writes_nothing(services, login, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED, encoding="utf-8")
    report = run(services, path, rejects=tmp_path / "r.csv", cancelled=lambda: True)
    assert report.cancelled and report.imported == 0
    assert scalar(login, "SELECT count(*) FROM beneficiaries") == 0
    assert not (tmp_path / "r.csv").exists()


# -- a million rows -----------------------------------------------------------------------------


def test_a_million_row_file_is_streamed_in_bounded_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "million.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(HEADER)
        line = "Firstname,Lastname,1988-03-14,female,+254 700 000001\n"
        for _ in range(100):
            stream.write(line * 10_000)
    table = open_table(path)
    seen = []
    count = 0
    # Traced over the second half only (tracing costs): had the reader kept the rows it
    # read, the 500,000 after the start would hold some 200 MB.
    for count, _row in enumerate(table.rows(lambda done, total: seen.append((done, total))), 1):
        if count == 500_000:
            tracemalloc.start()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 1_000_000
    assert peak < 5_000_000  # the file is 55 MB; a few rows are held at a time
    assert seen[-1][0] == seen[-1][1] == path.stat().st_size


# -- sessions, matched to beneficiaries by case number -----------------------------------------


def test_sessions_are_matched_to_beneficiaries_by_case_number(office, tmp_path):
    from desktop.domain.enums import Entity

    cara = office.services("cara")
    mine = cara.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})
    closed = cara.beneficiaries.create({"first_name": "Omar", "last_name": "Farah"})
    cara.beneficiaries.close(closed.id, "moved_away", "")
    theirs = office.services("colin").beneficiaries.create(
        {"first_name": "Olena", "last_name": "Melnyk"}
    )
    cara.case_sessions.create(
        mine.id, {"starts_at": datetime(2026, 1, 5, 9, 30), "kind": "office", "status": "done"}
    )
    path = tmp_path / "sessions.csv"
    path.write_text(
        "Case no.,Start,Duration,Kind,Status,Summary\n"
        f"{mine.case_number},2026-02-01 10:00,45,Home visit,Done,First visit\n"
        f"{mine.case_number.lower()},2026-02-08 10:00,30,phone,planned,\n"
        f"{mine.case_number},2026-01-05 09:30,60,office,done,\n"  # recorded already
        f"{mine.case_number},2026-02-01 10:00,45,home_visit,done,\n"  # row 2 again
        "NOPE-00001,2026-02-01 10:00,45,office,done,\n"
        f"{closed.case_number},2026-02-01 10:00,45,office,done,\n"
        f"{theirs.case_number},2026-02-01 10:00,45,office,done,\n"
        f"{mine.case_number},2026-02-01 10:00,0,office,done,\n",
        encoding="utf-8",
    )
    prepared = settle_date_order(cara.imports.plan(path, entity=Entity.CASE_SESSION))
    assert prepared.targets[0] == "case_number"
    report = cara.imports.run(prepared, skip_duplicates=True)
    assert (report.rows, report.imported, report.rejected) == (8, 2, 6)
    messages = {p.row: p.message for p in report.problems}
    assert messages[6] == "Case no. NOPE-00001: no beneficiary here has this case number."
    assert messages[7].endswith("this case is closed; reopen it before recording a session.")
    assert messages[8].endswith("belongs to another caseworker's caseload.")
    assert messages[9] == "Duration must be between 1 and 720."
    flags = {flag.row: flag for flag in report.duplicate_flags}
    assert flags[4].case_numbers == (mine.case_number,) and flags[5].same_as_row == 2
    timeline = cara.case_sessions.timeline(mine.id)
    assert sorted(s.starts_at for s in timeline) == [
        datetime(2026, 1, 5, 9, 30),
        datetime(2026, 2, 1, 10, 0),
        datetime(2026, 2, 8, 10, 0),
    ]


def test_a_sessions_file_without_case_numbers_is_refused(services, tmp_path):
    from desktop.domain.enums import Entity

    path = tmp_path / "sessions.csv"
    path.write_text("Start,Duration\n2026-02-01 10:00,45\n", encoding="utf-8")
    prepared = settle_date_order(services.imports.plan(path, entity=Entity.CASE_SESSION))
    with pytest.raises(UserError, match="Map a column to Case no"):
        services.imports.run(prepared)


def test_a_files_case_numbers_are_kept_unless_used_already(services, login, tmp_path):
    here = services.beneficiaries.create({"first_name": "Samir", "last_name": "Khoury"})
    path = tmp_path / "numbered.csv"
    path.write_text(
        "Case no.,First name,Last name\n"
        "CP-2019-001,Amina,Diallo\n"
        f"{here.case_number.lower()},Lina,Saad\n"  # this laptop's already
        "cp-2019-001,Awa,Ndiaye\n"  # row 2's
        ",Moussa,Ba\n",  # none given: the next of this laptop's series
        encoding="utf-8",
    )
    report = run(services, path)
    assert (report.imported, report.rejected) == (2, 2)
    assert {p.row: p.message for p in report.problems} == {
        3: f"Case no. {here.case_number} is already a beneficiary's here.",
        4: "Case no. cp-2019-001 is in row 2 too.",
    }
    with login.db.read() as uow:
        numbers = dict(
            uow.session.execute(text("SELECT first_name, case_number FROM beneficiaries")).all()
        )
    assert numbers["Amina"] == "CP-2019-001"
    prefix = here.case_number.split("-")[0]
    assert numbers["Moussa"].startswith(prefix + "-") and numbers["Moussa"] != here.case_number
