"""``caseload export`` as a real process against a real data folder: each kind and
format, the role rule, the password from the environment, the audit event, and errors
named on one line with nothing written."""

from __future__ import annotations

import csv
import io
import os
import zipfile

import msoffcrypto
import openpyxl

from tests.desktop.test_cli import caseload

CARA_PASSWORD = "cara passphrase 42"


def test_export_each_kind_and_format_role_checked(tmp_path):
    data = tmp_path / "office"
    assert (
        caseload(data, "init", "--admin", "amina", "--form-template", "cash_assistance").returncode
        == 0
    )
    added = caseload(
        data, "users", "add", "cara", "--role", "caseworker", new_password=CARA_PASSWORD
    )
    assert added.returncode == 0, added.stderr
    colin = caseload(
        data, "users", "add", "colin", "--role", "caseworker", new_password="colin passphrase 7"
    )
    assert colin.returncode == 0, colin.stderr
    demo = caseload(data, "demo", "--beneficiaries", "12", "--sessions-per-beneficiary", "2")
    assert demo.returncode == 0, demo.stderr
    out = tmp_path / "out"
    out.mkdir()

    office = caseload(
        data, "export", "--what", "beneficiaries", "--format", "csv", str(out / "b.csv")
    )
    assert office.returncode == 0, office.stderr
    assert office.stdout.strip() == f"Exported 12 beneficiaries to {out / 'b.csv'} (csv)."
    with (out / "b.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 12 and "Household size" in rows[0]  # the template's own field

    active = caseload(
        data,
        "export",
        "--what",
        "beneficiaries",
        "--format",
        "csv",
        "--status",
        "closed",
        "--values",
        str(out / "closed.csv"),
    )
    assert active.returncode == 0, active.stderr
    with (out / "closed.csv").open(encoding="utf-8-sig", newline="") as stream:
        closed = list(csv.DictReader(stream))
    assert {row["Status"] for row in closed} <= {"closed"}
    assert len(closed) < 12

    every = caseload(data, "export", "--what", "all", "--format", "csv", str(out / "all.zip"))
    assert every.returncode == 0, every.stderr
    assert "12 beneficiaries and 24 sessions" in every.stdout
    with zipfile.ZipFile(out / "all.zip") as archive:
        assert archive.namelist() == ["beneficiaries.csv", "sessions.csv", "tasks.csv"]

    # A caseworker's export is her own caseload, as her list shows it.
    mine = caseload(
        data,
        "export",
        "--what",
        "beneficiaries",
        "--format",
        "xlsx",
        "--user",
        "cara",
        str(out / "cara.xlsx"),
        password=CARA_PASSWORD,
    )
    assert mine.returncode == 0, mine.stderr
    hers = [row for row in rows if row["Caseworker"] == "cara"]
    assert 0 < len(hers) < 12
    book = openpyxl.load_workbook(out / "cara.xlsx", read_only=True)
    header, *cara_rows = list(book["beneficiaries"].values)
    caseworkers = {row[header.index("Caseworker")] for row in cara_rows}
    assert caseworkers == {"cara"} and len(cara_rows) == len(hers)
    book.close()

    env_password = "export file passphrase"
    os.environ["EXPORT_PASSWORD_TEST"] = env_password
    try:
        locked = caseload(
            data,
            "export",
            "--what",
            "all",
            "--format",
            "xlsx",
            "--password-env",
            "EXPORT_PASSWORD_TEST",
            str(out / "locked.xlsx"),
        )
    finally:
        del os.environ["EXPORT_PASSWORD_TEST"]
    assert locked.returncode == 0, locked.stderr
    assert "password-protected" in locked.stdout
    assert env_password not in locked.stdout + locked.stderr
    office_file = msoffcrypto.OfficeFile(io.BytesIO((out / "locked.xlsx").read_bytes()))
    office_file.load_key(password=env_password)
    plain = io.BytesIO()
    office_file.decrypt(plain)
    book = openpyxl.load_workbook(plain, read_only=True)
    assert book.sheetnames == ["beneficiaries", "sessions", "tasks"]
    assert len(list(book["sessions"].values)) == 25  # the header and 24 sessions


def test_export_errors_are_one_line_and_write_nothing(tmp_path):
    data = tmp_path / "office"
    assert caseload(data, "init", "--admin", "amina").returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    cases = [
        (["--what", "all", "--format", "csv", str(out / "all.csv")], "name the file .zip"),
        (
            [
                "--what",
                "beneficiaries",
                "--format",
                "csv",
                "--password-env",
                "NOPE_NOT_SET",
                str(out / "b.csv"),
            ],
            "--password-env: the variable NOPE_NOT_SET is not set",
        ),
        (
            [
                "--what",
                "beneficiaries",
                "--format",
                "xlsx",
                "--caseworker",
                "nobody",
                str(out / "b.xlsx"),
            ],
            "--caseworker: no caseworker 'nobody'",
        ),
    ]
    for arguments, message in cases:
        result = caseload(data, "export", *arguments)
        assert result.returncode == 1, (arguments, result.stdout)
        assert message in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert list(out.iterdir()) == []
