"""``caseload household show|link|unlink|head``, run as a real process."""

from __future__ import annotations

import json

from tests.conftest import PASSWORDS
from tests.desktop.test_cli import caseload


def test_household_links_shows_moves_the_head_and_unlinks_headless(office):
    cara = office.services("cara")
    mother = cara.beneficiaries.create({"first_name": "سارة", "last_name": "حداد"})
    son = cara.beneficiaries.create({"first_name": "Omar", "last_name": "Haddad"})
    his = office.services("colin").beneficiaries.create({"first_name": "Sami", "last_name": "Aziz"})
    cara._login.close()
    data_dir = office.paths.root

    def run(user: str, *args: str):
        return caseload(data_dir, "household", *args, "--user", user, password=PASSWORDS[user])

    def show(case_number: str) -> dict:
        result = run("cara", "show", case_number, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert show(son.case_number)["household_id"] is None
    made = run(
        "cara", "link", son.case_number, "--to", mother.case_number, "--relationship", "child"
    )
    assert made.returncode == 0, made.stderr
    house = show(son.case_number)
    assert [(m["name"], m["relationship"], m["head"]) for m in house["members"]] == [
        ("سارة حداد", "other", True),
        ("Omar Haddad", "child", False),
    ]
    assert run("cara", "head", son.case_number).returncode == 0
    text = run("cara", "show", mother.case_number)
    assert text.returncode == 0 and "Omar Haddad" in text.stdout and "سارة حداد" in text.stdout
    assert [m["name"] for m in show(mother.case_number)["members"] if m["head"]] == ["Omar Haddad"]

    refused = run("cara", "unlink", son.case_number)
    assert refused.returncode != 0 and "make another member head" in refused.stderr
    assert run("cara", "unlink", mother.case_number).returncode == 0
    assert [m["name"] for m in show(son.case_number)["members"]] == ["Omar Haddad"]

    # Bad input: named, nothing written; another caseload's person: refused.
    bad = run("cara", "link", mother.case_number, "--to", son.case_number, "--relationship", "x")
    assert bad.returncode != 0 and "relationship" in bad.stderr
    missing = run("cara", "link", mother.case_number, "--relationship", "child")
    assert missing.returncode != 0 and "--to" in missing.stderr
    theirs = run(
        "cara", "link", his.case_number, "--to", son.case_number, "--relationship", "spouse"
    )
    assert theirs.returncode != 0 and "caseload" in theirs.stderr
    assert len(show(son.case_number)["members"]) == 1
