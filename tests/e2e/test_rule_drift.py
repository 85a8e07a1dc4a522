"""The values the desktop and the server used to judge differently get one verdict now.

Each value goes to a real server on loopback (REST create) and to the laptop's services
(create, or for the case number, which the laptop never types, the check a pulled
record gets); both must accept it or both refuse it, naming the same field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from desktop.domain.enums import Entity
from desktop.errors import ValidationError
from desktop.services.record_checks import problems_of

PERSON = {"first_name": "Yusuf", "last_name": "Demir"}
# Digits with separators, as the laptop's phone rule wants them: 41 and 50 characters.
PHONE_41 = "+" + " -".join("12345678901234")
PHONE_50 = "+" + " -".join("12345678901234567")

# (field, value, accepted); the first six pairs are the disagreements of issue 11.
BENEFICIARY_CASES: list[tuple[str, dict[str, Any], bool]] = [
    ("phone", {"phone": PHONE_41}, True),  # desktop refused above 32
    ("phone", {"phone": PHONE_50}, True),
    ("preferred_language", {"preferred_language": "x" * 40}, True),  # desktop: above 35
    ("preferred_language", {"preferred_language": "x" * 51}, False),
    ("email", {"email": "amal@example"}, False),  # server took it without a dot
    ("email", {"email": "amal@example.org"}, True),
    ("consent_date", {"consent_date": "2024-02-01", "consent_given": False}, False),
    ("consent_date", {"consent_date": "2024-02-01"}, False),  # consent defaults to no
    ("consent_date", {"consent_date": "2024-02-01", "consent_given": True}, True),
    # Closing says why (issue 17): a reason while closed, a note for "other".
    ("closure_reason", {"status": "closed"}, False),
    ("closure_reason", {"status": "closed", "closure_reason": "moved_away"}, True),
    ("closure_reason", {"status": "closed", "closure_reason": "bored"}, False),
    ("closure_note", {"status": "closed", "closure_reason": "other"}, False),
    ("closure_note", {"status": "closed", "closure_reason": "other", "closure_note": " "}, False),
    (
        "closure_note",
        {"status": "closed", "closure_reason": "other", "closure_note": "Went home."},
        True,
    ),
    ("closure_note", {"closure_note": "x" * 2001}, False),
]
SESSION_CASES: list[tuple[str, str, bool]] = [
    ("starts_at", "1950-06-01T10:00:00Z", True),  # desktop refused before 2000
    ("starts_at", "1999-12-31T10:00:00Z", True),
    ("starts_at", "1899-12-31T10:00:00Z", False),
]
CASE_NUMBERS = [("C" * 40, True), ("C" * 50, True), ("C" * 51, False)]  # desktop had 32


@pytest.fixture(scope="module")
def server_user(sync_server):
    return sync_server.new_user("supervisor")


@pytest.fixture
def http(sync_server, server_user):
    sync_server.login(server_user)
    with httpx.Client(
        base_url=sync_server.base_url, timeout=30, headers=server_user.headers
    ) as client:
        yield client


def server_verdict(response: httpx.Response, field: str) -> bool:
    assert response.status_code in (201, 422), response.text
    if response.status_code == 422:
        assert field in response.json()["error"]["fields"], response.text
    return response.status_code == 201


def desktop_verdict(create, field: str) -> bool:
    try:
        create()
    except ValidationError as exc:
        assert field in exc.errors, exc.errors
        return False
    return True


def test_beneficiary_values_get_one_verdict(laptops, http):
    services = laptops().services
    verdicts = []
    for field, values, _expected in BENEFICIARY_CASES:
        on_server = server_verdict(
            http.post("/api/beneficiaries", json={**PERSON, **values}), field
        )
        local = {**values}
        if "consent_date" in local:
            local["consent_date"] = date.fromisoformat(local["consent_date"])
        on_laptop = desktop_verdict(
            lambda local=local: services.beneficiaries.create({**PERSON, **local}), field
        )
        verdicts.append((field, values, on_server, on_laptop))
    assert [(f, v, s, d) for f, v, s, d in verdicts if s != d] == []
    assert [s for _, _, s, _ in verdicts] == [expected for _, _, expected in BENEFICIARY_CASES]


def test_session_starts_get_one_verdict(laptops, http):
    services = laptops().services
    parent_here = services.beneficiaries.create(PERSON).id
    parent_there = http.post("/api/beneficiaries", json=PERSON).json()["data"]["id"]
    verdicts = []
    for field, starts_at, expected in SESSION_CASES:
        response = http.post(
            f"/api/beneficiaries/{parent_there}/sessions",
            json={"starts_at": starts_at, "kind": "office", "status": "done"},
        )
        on_server = server_verdict(response, field)
        on_laptop = desktop_verdict(
            lambda starts_at=starts_at: services.case_sessions.create(
                parent_here, {"starts_at": starts_at, "kind": "office", "status": "done"}
            ),
            field,
        )
        verdicts.append((starts_at, on_server, on_laptop, expected))
    assert [v for v in verdicts if not v[1] == v[2] == v[3]] == []


def test_case_numbers_get_one_verdict(http):
    for number, expected in CASE_NUMBERS:
        response = http.post("/api/beneficiaries", json={**PERSON, "case_number": number})
        on_server = server_verdict(response, "case_number")
        flagged = problems_of(Entity.BENEFICIARY, {**PERSON, "case_number": number})
        assert (on_server, flagged == []) == (expected, expected), number
