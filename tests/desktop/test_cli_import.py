"""``caseload import FILE``, run as a real process against a real data folder (issue 13, 8)."""

from __future__ import annotations

import json

import pytest

from tests.desktop.test_cli import caseload


@pytest.fixture
def initialised(tmp_path):
    data_dir = tmp_path / "office"
    result = caseload(data_dir, "init", "--admin", "amina")
    assert result.returncode == 0, result.stderr
    return data_dir


def status(data_dir) -> dict:
    result = caseload(data_dir, "status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_dry_run_then_import_with_rejects_and_a_saved_mapping(initialised, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        "Prénom,Nom,Né le,Notes\nAmina,Diallo,03/04/1988,=1+1\nBad,,05/06/1990,\n",
        encoding="utf-8",
    )
    unmapped = caseload(initialised, "import", str(path), "--dry-run")
    assert "caseload: not imported (no field): Né le" in unmapped.stderr

    mapping = tmp_path / "mapping.json"
    document = {"format": "caseload-import-mapping/1", "columns": {"Né le": "date_of_birth"}}
    mapping.write_text(json.dumps(document), encoding="utf-8")
    asked = caseload(initialised, "import", str(path), "--dry-run", "--mapping", str(mapping))
    assert asked.returncode == 1
    assert "can be read as dmy or mdy" in asked.stderr and "--date-order" in asked.stderr

    mapping.write_text(json.dumps({**document, "date_order": "dmy"}), encoding="utf-8")
    dry = caseload(initialised, "import", str(path), "--dry-run", "--mapping", str(mapping))
    assert dry.returncode == 3, dry.stderr
    assert "nothing was imported (dry run)" in dry.stdout
    assert "row 3: Last name is required." in dry.stderr
    assert status(initialised)["beneficiaries"] == 0

    none = caseload(initialised, "import", str(path), "--mapping", str(mapping), "--all-or-nothing")
    assert none.returncode == 3 and "nothing was imported (all or nothing)" in none.stdout
    assert status(initialised)["beneficiaries"] == 0

    rejects = tmp_path / "rejects.csv"
    done = caseload(
        initialised, "import", str(path), "--mapping", str(mapping), "--rejects", str(rejects)
    )
    assert done.returncode == 3, done.stderr
    assert "1 beneficiary imported" in done.stdout and str(rejects) in done.stdout
    assert "Last name is required." in rejects.read_text(encoding="utf-8-sig")
    assert status(initialised)["beneficiaries"] == 1


def test_hostile_file_gets_one_clear_line(initialised, tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100)
    result = caseload(initialised, "import", str(path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "caseload: garbage.csv is not a text file (a NUL byte at byte 8): save it as CSV "
        "(UTF-8) or XLSX; nothing was imported."
    ]


def test_sessions_file_is_matched_by_case_number(initialised, tmp_path):
    path = tmp_path / "sessions.csv"
    path.write_text("Case no.,Start,Kind\nNOPE-00009,2026-02-01 10:00,office\n", encoding="utf-8")
    result = caseload(initialised, "import", str(path), "--what", "sessions")
    assert result.returncode == 3, result.stderr
    assert "row 2: Case no. NOPE-00009: no beneficiary here has this case number." in (
        result.stderr
    )
    assert "0 sessions imported" in result.stdout
