"""``caseload transfer propose|list|accept|decline|cancel``, run as real processes."""

from __future__ import annotations

import json

from tests.conftest import PASSWORDS
from tests.desktop.test_cli import caseload


def test_transfer_is_proposed_listed_decided_and_refused_headless(office):
    cara = office.services("cara")
    person = cara.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    other = cara.beneficiaries.create({"first_name": "Omar", "last_name": "Nasser"})
    cara._login.close()
    data_dir = office.paths.root

    def run(user: str, *args: str):
        return caseload(data_dir, "transfer", *args, "--user", user, password=PASSWORDS[user])

    proposed = run("cara", "propose", person.case_number, "--to", "colin", "--note", "Moving")
    assert proposed.returncode == 0, proposed.stderr
    assert "Pending" in proposed.stdout
    listed = run("colin", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert (row["case_number"], row["beneficiary"], row["from"], row["to"], row["note"]) == (
        person.case_number,
        "Layla Haddad",
        "Cara Caseworker",
        "Colin Caseworker",
        "Moving",
    )
    # The proposer may not accept it; declining needs a note; the receiver declines.
    refused = run("cara", "accept", person.case_number)
    assert refused.returncode != 0 and "may accept" in refused.stderr
    bare = run("colin", "decline", person.case_number)
    assert bare.returncode != 0 and "Decision note" in bare.stderr
    declined = run("colin", "decline", person.case_number, "--note", "Full caseload")
    assert declined.returncode == 0, declined.stderr
    assert json.loads(run("sam", "list", "--json").stdout) == []
    # The proposer cancels a second one; an unknown receiver is named in the error.
    run("cara", "propose", other.case_number, "--to", "Colin Caseworker", "--note", "Again")
    assert len(json.loads(run("sam", "list", "--json").stdout)) == 1
    assert run("cara", "cancel", other.case_number).returncode == 0
    unknown = run("cara", "propose", other.case_number, "--to", "nobody", "--note", "x")
    assert unknown.returncode != 0 and "'nobody'" in unknown.stderr
