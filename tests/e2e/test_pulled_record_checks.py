"""Records the server accepted that break a rule of this laptop: stored, flagged, editable.

A real server on loopback holds what another client wrote (a phone written as words, a
session planned ten years ahead); the laptop pulls it, flags the fields, and still lets a
caseworker edit the other fields and a supervisor keep the server's value in a conflict.
"""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtWidgets import QLabel

from desktop.errors import ValidationError
from desktop.services.conflicts import Choice, ConflictService
from desktop.ui.detail import BeneficiaryDetail
from tests.server.conftest import ServerProcess, User

PHONE_IN_WORDS = "ask at the reception desk"  # the server takes any text; the laptop digits


def server_post(server: ServerProcess, user: User, path: str, body: dict) -> dict:
    server.login(user)
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        response = http.post(path, json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    return response.json()["data"]


def server_put(server: ServerProcess, user: User, path: str, body: dict) -> None:
    server.login(user)
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        response = http.put(path, json=body, headers=user.headers)
    assert response.status_code == 200, response.text


@pytest.fixture
def pulled(laptops, sync_server):
    """A laptop that pulled a beneficiary and a session breaking its rules."""
    laptop = laptops()
    beneficiary = server_post(
        sync_server,
        laptop.server_user,
        "/api/beneficiaries",
        {"first_name": "Rana", "last_name": "Saleh", "phone": PHONE_IN_WORDS},
    )
    session = server_post(
        sync_server,
        laptop.server_user,
        f"/api/beneficiaries/{beneficiary['id']}/sessions",
        {"starts_at": "2099-05-01T09:00:00Z", "kind": "office", "location": "Hall"},
    )
    report = laptop.sync()
    assert report.received >= 2
    return laptop, beneficiary["id"], session["id"]


def test_a_pulled_record_is_stored_and_flagged(pulled):
    laptop, beneficiary_id, session_id = pulled
    stored = laptop.services.beneficiaries.get(beneficiary_id)
    assert stored.phone == PHONE_IN_WORDS
    assert stored.invalid_fields == ("phone",)
    assert laptop.services.case_sessions.get(session_id).invalid_fields == ("starts_at",)


def test_edits_of_other_fields_are_not_refused_and_a_fix_clears_the_flag(pulled):
    laptop, beneficiary_id, session_id = pulled
    edited = laptop.services.beneficiaries.update(beneficiary_id, {"notes": "came on Monday"})
    assert (edited.notes, edited.phone, edited.invalid_fields) == (
        "came on Monday",
        PHONE_IN_WORDS,
        ("phone",),
    )
    # The form sends every field back, the untouched phone among them: still fine.
    form_values = {"notes": "came on Tuesday", "phone": PHONE_IN_WORDS, "first_name": "Rana"}
    assert laptop.services.beneficiaries.update(beneficiary_id, form_values).notes == (
        "came on Tuesday"
    )
    with pytest.raises(ValidationError) as error:
        laptop.services.beneficiaries.update(beneficiary_id, {"phone": "call later"})
    assert set(error.value.errors) == {"phone"}
    fixed = laptop.services.beneficiaries.update(beneficiary_id, {"phone": "+961 1 234 567"})
    assert fixed.invalid_fields == ()

    moved = laptop.services.case_sessions.update(session_id, {"location": "Room 2"})
    assert (moved.location, moved.invalid_fields) == ("Room 2", ("starts_at",))
    # A rule over two fields is checked when one of its fields changes.
    with pytest.raises(ValidationError) as error:
        laptop.services.case_sessions.update(session_id, {"follow_up_on": "2030-01-01"})
    assert set(error.value.errors) == {"follow_up_on"}


def test_a_supervisor_can_keep_the_servers_value(pulled, sync_server):
    laptop, beneficiary_id, _ = pulled
    laptop.services.beneficiaries.update(beneficiary_id, {"phone": "+961 1 234 567"})
    server_put(
        sync_server,
        laptop.server_user,
        f"/api/beneficiaries/{beneficiary_id}",
        {"phone": "front desk, ask for Rana"},
    )
    assert laptop.sync().conflicts == 1
    conflicts = ConflictService(laptop.login.db, laptop.login.actor)
    (conflict,) = conflicts.open_conflicts()
    assert conflict.field == "phone"
    conflicts.resolve(conflict.id, Choice.THEIRS)
    kept = laptop.services.beneficiaries.get(beneficiary_id)
    assert (kept.phone, kept.invalid_fields) == ("front desk, ask for Rana", ("phone",))
    assert laptop.sync().conflicts == 0


def test_the_detail_pane_names_the_flagged_fields(qtbot, pulled):
    laptop, beneficiary_id, _ = pulled
    detail = BeneficiaryDetail()
    qtbot.addWidget(detail)
    detail.resize(700, 500)
    detail.show()
    beneficiary = laptop.services.beneficiaries.get(beneficiary_id)
    detail.show_beneficiary(
        beneficiary, laptop.services.case_sessions.timeline(beneficiary_id), None
    )
    warning = detail.findChild(QLabel, "detailInvalidFields")
    assert warning.isVisible()
    assert "Phone" in warning.text() and "2099-05-01: Start" in warning.text()
    detail.grab().save("/tmp/server-schema-detail.png")
    detail.clear()
    assert warning.text() == ""
