"""``caseload merge``, ``caseload merge --undo`` and ``caseload duplicates``, as real processes."""

from __future__ import annotations

import json
from datetime import date, datetime

from tests.conftest import PASSWORDS
from tests.desktop.test_cli import caseload


def test_duplicates_merge_and_undo_headless(office):
    cara = office.services("cara")
    layla = cara.beneficiaries.create(
        {"first_name": "Layla", "last_name": "Haddad", "date_of_birth": date(1990, 5, 1)}
    )
    leila = cara.beneficiaries.create(
        {
            "first_name": "Leila",
            "last_name": "Haddad",
            "date_of_birth": date(1990, 5, 1),
            "phone": "+961 3 123456",
        }
    )
    cara.beneficiaries.create({"first_name": "Omar", "last_name": "Nasser"})
    visit = cara.case_sessions.create(
        leila.id, {"starts_at": datetime(2026, 3, 1, 10), "kind": "office", "status": "done"}
    )
    cara._login.close()
    data_dir = office.paths.root

    def run(user: str, *args: str):
        return caseload(data_dir, *args, "--user", user, password=PASSWORDS[user])

    found = run("sam", "duplicates", "--json")
    assert found.returncode == 0, found.stderr
    (pair,) = json.loads(found.stdout)
    assert {r["case_number"] for r in pair["records"]} == {layla.case_number, leila.case_number}
    assert "same_date_of_birth" in pair["reasons"]

    refused = run("cara", "merge", layla.case_number, leila.case_number)
    assert refused.returncode != 0 and "may not merge" in refused.stderr
    bad = run("sam", "merge", layla.case_number, leila.case_number, "--take", "phone")
    assert bad.returncode != 0 and "FIELD=merged" in bad.stderr

    merged = run("sam", "merge", layla.case_number, leila.case_number, "--take", "phone=merged")
    assert merged.returncode == 0, merged.stderr
    assert "1 case session(s)" in merged.stdout
    sam = office.services("sam")
    assert sam.beneficiaries.get(layla.id).phone == "+961 3 123456"
    assert [s.id for s in sam.case_sessions.timeline(layla.id)] == [visit.id]
    sam._login.close()
    after = run("sam", "duplicates")
    assert after.returncode == 0 and "0 likely pair(s)" in after.stdout

    undone = run("sam", "merge", "--undo", leila.case_number)
    assert undone.returncode == 0, undone.stderr
    sam = office.services("sam")
    assert sam.beneficiaries.get(leila.id).merged_into is None
    assert [s.id for s in sam.case_sessions.timeline(leila.id)] == [visit.id]
    assert sam.beneficiaries.get(layla.id).phone == ""
    sam._login.close()
    again = run("sam", "merge", "--undo", leila.case_number)
    assert again.returncode != 0 and "no merge" in again.stderr
