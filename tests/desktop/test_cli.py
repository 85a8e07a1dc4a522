"""The ``caseload`` command line, run as a real process against a real data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.errors import DatabaseCorrupt
from desktop.store.schema import head_revision
from tests.processes import sigkill_after_line, start_python

PASSWORD = "office admin passphrase"
SECRET_NAME = "Xylophonia Quintessa-Marrow"


def caseload(
    data_dir: Path,
    *args: str,
    password: str = PASSWORD,
    new_password: str | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess:
    env = {**os.environ, "CASELOAD_PASSWORD": password, "QT_QPA_PLATFORM": "offscreen"}
    if new_password is not None:
        env["CASELOAD_NEW_PASSWORD"] = new_password
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def initialised(tmp_path) -> Path:
    data_dir = tmp_path / "office"
    result = caseload(data_dir, "init", "--admin", "amina", "--display-name", "Amina H.")
    assert result.returncode == 0, result.stderr
    return data_dir


def test_init_users_status_round(initialised):
    data_dir = initialised
    added = caseload(
        data_dir, "users", "add", "omar", "--role", "caseworker", new_password="omar passphrase 1"
    )
    assert added.returncode == 0, added.stderr
    listing = caseload(data_dir, "users", "list", "--json")
    users = {u["username"]: u for u in json.loads(listing.stdout)}
    assert users["amina"]["role"] == "admin" and users["omar"]["role"] == "caseworker"
    reset = caseload(data_dir, "users", "reset-password", "omar", new_password="omar passphrase 2")
    assert reset.returncode == 0, reset.stderr
    assert (
        caseload(data_dir, "status", "--user", "omar", password="omar passphrase 2").returncode == 1
    )
    deactivated = caseload(data_dir, "users", "deactivate", "omar")
    assert deactivated.returncode == 0, deactivated.stderr
    demo = caseload(
        data_dir, "demo", "--beneficiaries", "50", "--sessions-per-beneficiary", "3", "--seed", "4"
    )
    assert demo.returncode == 0, demo.stderr
    status = json.loads(caseload(data_dir, "status", "--json").stdout)
    assert status["beneficiaries"] == 50 and status["case_sessions"] == 150
    # Each record is queued, and each task its sessions' follow-up dates made (issue 14).
    assert status["tasks"] > 0
    assert status["pending_outbox"] == 200 + status["tasks"] and status["users"] == 1
    assert status["schema_revision"] == head_revision()


def test_demo_is_deterministic(tmp_path):
    from desktop.services.demo import demo_records

    first = list(demo_records(20, 3, seed=9, today=__import__("datetime").date(2026, 1, 1)))
    second = list(demo_records(20, 3, seed=9, today=__import__("datetime").date(2026, 1, 1)))
    assert first == second


def test_user_errors_are_one_line_without_traceback(initialised):
    for args, password, expected in [
        (("status",), "wrong password!", "Wrong username or password."),
        (("init", "--admin", "x"), PASSWORD, "already exists"),
        (("users", "add", "xavier", "--role", "caseworker"), PASSWORD, "at least 8"),
        (("restore", "/nonexistent/file.db"), PASSWORD, "No backup file"),
    ]:
        result = caseload(initialised, *args, password=password, new_password="123")
        assert result.returncode != 0
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    no_db = caseload(initialised.parent / "empty", "status", "--user", "amina")
    assert no_db.returncode == 1 and "caseload init" in no_db.stderr


def test_nothing_personal_is_readable_on_disk(initialised):
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services import Services

    accounts = LocalAccounts(DataPaths.resolve(initialised))
    login = accounts.login("amina", PASSWORD)
    services = Services.for_session(login, accounts)
    created = services.beneficiaries.create(
        {"first_name": SECRET_NAME, "last_name": "Plaintextova", "notes": "HIV status: secret"}
    )
    assert services.beneficiaries.get(created.id).first_name == SECRET_NAME

    def leaks() -> list[str]:
        found = []
        for path in initialised.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for needle in (SECRET_NAME, "Plaintextova", "HIV status"):
                    for encoding in ("utf-8", "utf-16-le"):
                        if needle.encode(encoding) in data:
                            found.append(f"{path.name}: {needle}")
        return found

    wal = initialised / "caseload.db-wal"
    assert wal.exists() and wal.stat().st_size > 0  # searched while the WAL holds the write
    assert leaks() == []
    backup = caseload(initialised, "backup", str(initialised / "backups" / "b1.db"))
    assert backup.returncode == 0, backup.stderr
    login.close()
    assert leaks() == []
    assert not (initialised / "caseload.db").read_bytes().startswith(b"SQLite format 3")


def test_flipped_byte_fails_check_and_login_offers_restore(initialised):
    demo = caseload(
        initialised, "demo", "--beneficiaries", "300", "--sessions-per-beneficiary", "2"
    )
    assert demo.returncode == 0
    backup_file = initialised.parent / "good.db"
    assert caseload(initialised, "backup", str(backup_file)).returncode == 0
    assert caseload(initialised, "check").returncode == 0
    database = initialised / "caseload.db"
    data = bytearray(database.read_bytes())
    position = len(data) // 2 + 123
    data[position] ^= 0x01
    database.write_bytes(bytes(data))

    check = caseload(initialised, "check")
    assert check.returncode == 1
    assert "check failed: " in check.stderr and "Traceback" not in check.stderr

    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths

    with pytest.raises(DatabaseCorrupt, match="Restore it from a backup"):
        LocalAccounts(DataPaths.resolve(initialised)).login("amina", PASSWORD)
    status = caseload(initialised, "status", "--json")
    assert status.returncode != 0 or "Traceback" not in status.stderr

    restored = caseload(initialised, "restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert caseload(initialised, "check").returncode == 0
    counts = json.loads(caseload(initialised, "status", "--json").stdout)
    assert counts["beneficiaries"] == 300


BULK_CHILD = textwrap.dedent(
    """
    import sys
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services.bulk import BulkImporter
    from desktop.services.demo import demo_records

    accounts = LocalAccounts(DataPaths.resolve(sys.argv[1]))
    login = accounts.login("amina", sys.argv[2], check=False)
    def progress(done, total):
        print(done, flush=True)
    BulkImporter(login.db, login.actor, chunk_size=int(sys.argv[3])).import_records(
        demo_records(100_000, 4, seed=3), total=100_000, progress=progress
    )
    """
)


@pytest.mark.slow
def test_sigkill_during_bulk_insert_keeps_whole_transactions(initialised):
    chunk = 1500
    child = start_python(BULK_CHILD, str(initialised), PASSWORD, str(chunk))
    # Killed part-way through the next chunk's transaction.
    sigkill_after_line(child, str(chunk), delay=0.25)

    check = caseload(initialised, "check")
    assert check.returncode == 0, check.stderr
    status = json.loads(caseload(initialised, "status", "--json").stdout)
    assert status["beneficiaries"] % chunk == 0 and status["beneficiaries"] >= chunk
    assert status["case_sessions"] == 4 * status["beneficiaries"]
    assert status["pending_outbox"] == (
        status["beneficiaries"] + status["case_sessions"] + status["tasks"]
    )


def test_backup_restores_on_a_replacement_laptop(initialised, tmp_path):
    assert caseload(initialised, "demo", "--beneficiaries", "20").returncode == 0
    backup_file = tmp_path / "usb-stick" / "office.db"
    assert caseload(initialised, "backup", str(backup_file)).returncode == 0
    keys = backup_file.with_name("office.db.keys.json")
    assert keys.exists() and PASSWORD.encode() not in keys.read_bytes()
    new_laptop = tmp_path / "new-laptop"
    wrong = caseload(new_laptop, "restore", str(backup_file), "--user", "amina", password="nope")
    assert wrong.returncode == 1 and "Wrong username or password" in wrong.stderr
    restored = caseload(new_laptop, "restore", str(backup_file), "--user", "amina")
    assert restored.returncode == 0, restored.stderr
    status = json.loads(caseload(new_laptop, "status", "--json", "--user", "amina").stdout)
    assert status["beneficiaries"] == 20
    assert caseload(new_laptop, "check", "--user", "amina").returncode == 0


# -- the organisation's own fields (issue 12) ----------------------------------------------

FORMS_ROOT = Path(__file__).resolve().parents[2] / "resources" / "forms"


def test_init_with_a_form_template_publishes_it_and_demo_fills_it(tmp_path):
    data_dir = tmp_path / "office"
    unknown = caseload(data_dir, "init", "--admin", "amina", "--form-template", "zoo")
    assert unknown.returncode == 1 and "No form template 'zoo'" in unknown.stderr
    assert "cash_assistance" in unknown.stderr and not (data_dir / "caseload.db").exists()
    made = caseload(data_dir, "init", "--admin", "amina", "--form-template", "cash_assistance")
    assert made.returncode == 0, made.stderr
    assert "as version 1" in made.stdout
    demo = caseload(data_dir, "demo", "--beneficiaries", "30", "--sessions-per-beneficiary", "1")
    assert demo.returncode == 0, demo.stderr
    # another template would drop the published fields: refused, nothing added
    other = caseload(
        data_dir, "demo", "--beneficiaries", "5", "--form-template", "child_protection"
    )
    assert other.returncode == 2
    assert (
        'beneficiary.fields: "household_head" (fields[0] of version 1) is missing' in other.stderr
    )
    exported = tmp_path / "current.json"
    result = caseload(data_dir, "forms", "export", str(exported))
    assert result.returncode == 0, result.stderr
    from desktop.domain import forms

    current = forms.parse(exported.read_text(encoding="utf-8"))
    assert current.version == 1
    assert current.with_version(0) == forms.parse((FORMS_ROOT / "cash_assistance.json").read_text())
    # the demo's records carry values of that definition (read through the services)
    from desktop.auth.accounts import LocalAccounts
    from desktop.domain.records import BeneficiaryQuery
    from desktop.paths import DataPaths
    from desktop.services import Services

    accounts = LocalAccounts(DataPaths.resolve(data_dir))
    login = accounts.login("amina", PASSWORD, check=False)
    try:
        services = Services.for_session(login, accounts)
        page = services.beneficiaries.list_page(BeneficiaryQuery(), 0, 30)
        people = [services.beneficiaries.get(b.id) for b in page.rows]
    finally:
        login.close()
    assert len(people) == 30 and all(p.form_version == 1 for p in people)
    assert all(forms.check_values(current.beneficiary, p.custom)[1] == {} for p in people)
    assert all("household_size" in p.custom and "payment_method" in p.custom for p in people)


def test_forms_export_import_dry_run_and_publish(initialised, tmp_path):
    data_dir = initialised
    empty = tmp_path / "empty.json"
    assert caseload(data_dir, "forms", "export", str(empty)).returncode == 0
    assert json.loads(empty.read_text())["beneficiary"] == {"sections": [], "fields": []}
    nothing = caseload(data_dir, "forms", "publish")
    assert nothing.returncode == 1 and "no draft to publish" in nothing.stderr

    hostile = tmp_path / "hostile.json"
    hostile.write_text(
        json.dumps(
            {
                "format": "caseload-forms/1",
                "languages": ["en", "fr"],
                "beneficiary": {
                    "fields": [
                        {"key": "size", "kind": "integer", "label": {"en": "Size", "fr": "Taille"}},
                        {"key": "size", "kind": "text", "label": {"en": "Size", "fr": "Taille"}},
                        {"key": "risk", "kind": "choice", "label": {"en": "Risk"}, "choices": []},
                    ]
                },
            }
        )
    )
    checked = caseload(data_dir, "forms", "import", str(hostile), "--dry-run")
    assert checked.returncode == 2
    lines = checked.stderr.splitlines()
    assert 'beneficiary.fields[1].key: "size" is already the key of fields[0]' in lines
    assert 'beneficiary.fields[2].label: has no text in "fr"' in lines
    assert "beneficiary.fields[2].choices: must be a list of at least one choice" in lines
    assert lines[-1] == f"caseload: {hostile}: 3 problems; nothing was saved."
    refused = caseload(data_dir, "forms", "import", str(hostile))
    assert refused.returncode == 2
    no_draft = caseload(data_dir, "forms", "export", "-", "--draft")
    assert no_draft.returncode == 1 and "no draft" in no_draft.stderr  # nothing was written

    good = FORMS_ROOT / "child_protection.json"
    dry = caseload(data_dir, "forms", "import", str(good), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "valid definition (12 beneficiary and 5 session fields)" in dry.stdout
    assert caseload(data_dir, "forms", "export", "-", "--draft").returncode == 1
    saved = caseload(data_dir, "forms", "import", str(good))
    assert saved.returncode == 0, saved.stderr
    draft = caseload(data_dir, "forms", "export", "-", "--draft")
    assert draft.returncode == 0 and json.loads(draft.stdout)["title"] == "Child protection"
    published = caseload(data_dir, "forms", "publish")
    assert published.returncode == 0, published.stderr
    assert published.stdout.strip() == "Published the form definition as version 1."

    # a published field may be retired, not removed
    document = json.loads(good.read_text())
    document["beneficiary"]["fields"] = document["beneficiary"]["fields"][1:]
    removed = tmp_path / "removed.json"
    removed.write_text(json.dumps(document))
    refused = caseload(data_dir, "forms", "import", str(removed))
    assert refused.returncode == 2
    assert 'beneficiary.fields: "guardian_name" (fields[0] of version 1) is missing' in (
        refused.stderr
    )
    # a caseworker may not change the definition
    added = caseload(
        data_dir, "users", "add", "omar", "--role", "caseworker", new_password="omar passphrase 1"
    )
    assert added.returncode == 0, added.stderr
    denied = caseload(
        data_dir, "forms", "import", str(good), "--user", "omar", password="omar passphrase 1"
    )
    assert denied.returncode == 1 and "may not manage the forms" in denied.stderr
