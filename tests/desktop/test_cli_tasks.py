"""``caseload tasks [--overdue] [--caseworker NAME] [--json]``, run as a real process."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.conftest import PASSWORDS
from tests.desktop.test_cli import caseload

TODAY = date.today()


def test_tasks_lists_open_tasks_overdue_and_by_caseworker(office):
    cara, colin = office.services("cara"), office.services("colin")
    hers = cara.beneficiaries.create({"first_name": "Layla", "last_name": "Haddad"})
    his = colin.beneficiaries.create({"first_name": "Omar", "last_name": "Nasser"})
    late = cara.tasks.create(hers.id, {"due_on": TODAY - timedelta(days=2), "title": "Call back"})
    cara.tasks.create(hers.id, {"due_on": TODAY, "title": "Send the form"})
    colin.tasks.create(his.id, {"due_on": TODAY - timedelta(days=1), "title": "Visit"})
    cara._login.close()
    colin._login.close()
    data_dir = office.paths.root

    def tasks(user: str, *args: str) -> list[dict]:
        result = caseload(
            data_dir, "tasks", "--json", "--user", user, *args, password=PASSWORDS[user]
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    mine = tasks("cara")
    assert [(t["title"], t["due"]) for t in mine] == [
        ("Call back", "overdue"),
        ("Send the form", "today"),
    ]
    assert mine[0]["id"] == late.id and mine[0]["case_number"] == hers.case_number
    assert [t["title"] for t in tasks("cara", "--overdue")] == ["Call back"]
    office_wide = tasks("sam", "--overdue")
    assert [(t["title"], t["caseworker"]) for t in office_wide] == [
        ("Call back", "Cara Caseworker"),
        ("Visit", "Colin Caseworker"),
    ]
    assert [t["title"] for t in tasks("sam", "--caseworker", "colin")] == ["Visit"]

    unknown = caseload(
        data_dir, "tasks", "--user", "sam", "--caseworker", "nobody", password=PASSWORDS["sam"]
    )
    assert unknown.returncode != 0 and "nobody" in unknown.stderr
    text = caseload(data_dir, "tasks", "--user", "cara", password=PASSWORDS["cara"])
    assert text.returncode == 0 and "2 open task(s)" in text.stdout
