"""Real laptops sync with a real server; the console's laptops and activity pages show what
each reported: records waiting and open conflicts included."""

from __future__ import annotations

import html
import re
import uuid

import httpx

from desktop.sync.report import device_id
from tests.console.conftest import csrf_token
from tests.e2e.conftest import Laptop
from tests.server.conftest import PASSWORD

_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
_TAG = re.compile(r"<[^>]+>")


def table_rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return [
        [html.unescape(_TAG.sub("", cell)).split()[0] if cell.strip() else "" for cell in cells]
        for cells in (_CELL.findall(row) for row in _ROW.findall(body))
    ]


def console_page(server, user, path: str) -> str:
    with httpx.Client(base_url=server.base_url, timeout=30) as browser:
        token = csrf_token(browser.get("/sign-in").text)
        signed = browser.post(
            "/sign-in",
            data={"username": user.username, "password": PASSWORD, "csrf_token": token},
        )
        assert signed.status_code == 302, signed.text
        return browser.get(path).text


def test_a_conflict_on_a_laptop_shows_on_the_laptops_page(console_server, tmp_path):
    organisation = f"org-{uuid.uuid4().hex[:6]}"
    supervisors = [
        console_server.new_user("supervisor", organisation=organisation) for _ in range(2)
    ]
    a, b = (Laptop(tmp_path / f"laptop-{n}", console_server, supervisors[n]) for n in range(2))
    try:
        record = a.services.beneficiaries.create({"first_name": "Ilse", "last_name": "Berg"}).id
        a.sync()
        b.sync()
        a.services.beneficiaries.update(record, {"notes": "from A"})
        b.services.beneficiaries.update(record, {"notes": "from B"})
        b.sync()
        assert a.sync().conflicts == 1
        a_id, b_id = device_id(a.login.db), device_id(b.login.db)
    finally:
        a.close()
        b.close()
    assert a_id != b_id
    rows = {
        row[0]: row for row in table_rows(console_page(console_server, supervisors[0], "/laptops"))
    }
    # Laptop, last user, version, last sync (day), result, records waiting, open conflicts.
    assert rows[a_id[:8]][1] == supervisors[0].username
    assert rows[a_id[:8]][5:] == ["1", "1"]  # the record in conflict waits in the outbox
    assert rows[b_id[:8]][5:] == ["0", "0"]
    activity = table_rows(console_page(console_server, supervisors[1], "/activity"))
    assert len(activity) == 4  # every sync of both laptops, newest first
    # Time (its day), user, laptop, sent, received, conflicts: A's sync that found one.
    assert activity[0][1:3] == [supervisors[0].username, a_id[:8]] and activity[0][5] == "1"
