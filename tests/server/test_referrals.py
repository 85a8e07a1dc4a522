"""Referrals between two organisations on one real server, on SQLite and PostgreSQL.

The server builds the shared copy from the sender's definition (never from what the
laptop sends), refuses a referral without consent, lets only the receiving
organisation's supervisors and admins see and decide it, and nothing else of the record
reaches the receiving organisation: every answer it gets and its database rows are
searched for the values that were not shared.
"""

from __future__ import annotations

import json
import uuid

import pytest
import sqlalchemy as sa

from server.config import load_db_key
from server.db import make_engine
from tests.server.conftest import beneficiary_body
from tests.server.test_sync import change, pull_all, push

SECRET_NOTE = "SECRET-NOTE-7731"
SECRET_CUSTOM = "SECRET-CUSTOM-5512"
SECRET_PHONE = "+961 9 876 5432"

DEFINITION = {
    "format": "caseload-forms/1",
    "languages": ["en"],
    "beneficiary": {
        "fields": [
            {"key": "school", "kind": "text", "label": "School", "shareable": True},
            {"key": "hiv_status", "kind": "text", "label": "HIV status", "identifying": True},
        ],
        "shareable": ["first_name", "last_name", "date_of_birth"],
    },
}


@pytest.fixture(scope="module")
def orgs(server):
    tag = uuid.uuid4().hex[:6]
    a, b = f"sender-{tag}", f"receiver-{tag}"
    users = {
        "a_admin": server.new_user("admin", organisation=a),
        "a_worker": server.new_user("caseworker", organisation=a),
        "b_super": server.new_user("supervisor", organisation=b),
        "b_worker": server.new_user("caseworker", organisation=b),
        "c_super": server.new_user("supervisor", organisation=f"third-{tag}"),
    }
    with server.client() as http:
        answer = http.post(
            "/api/forms",
            json={"definition": DEFINITION, "base_version": 0},
            headers=users["a_admin"].headers,
        )
        assert answer.status_code == 201, answer.text
    return a, b, users


def _person(http, worker) -> str:
    record_id = str(uuid.uuid4())
    body = beneficiary_body(
        phone=SECRET_PHONE,
        notes=SECRET_NOTE,
        custom={"school": "Al-Amal school", "hiv_status": SECRET_CUSTOM},
    )
    (result,) = push(http, worker, change("beneficiary", record_id, body))
    assert result["status"] == "applied", result
    return record_id


def _referral(beneficiary_id: str, to: str, **extra) -> dict:
    return {
        "beneficiary_id": beneficiary_id,
        "to_organisation": to,
        "note": "Needs schooling support.",
        "consent_given": True,
        "consent_at": "2026-12-01T10:00:00Z",
        "state": "proposed",
        **extra,
    }


def _database_rows(server, organisation: str) -> str:
    url = server.env.get("DATABASE_URL")
    if url is None:  # the server's encrypted SQLite file, opened with its key file
        database = server.data_dir / "caseload.db"
        key = load_db_key(server.data_dir, database)
        engine = make_engine(f"sqlite:///{database}", key)
    else:
        engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT * FROM beneficiaries WHERE organisation = :o"), {"o": organisation}
            ).all()
    finally:
        engine.dispose()
    return json.dumps([list(map(str, row)) for row in rows])


def test_a_referral_without_consent_is_refused(server, http, orgs):
    _a, b, users = orgs
    person = _person(http, users["a_worker"])
    referral = str(uuid.uuid4())
    (result,) = push(
        http,
        users["a_worker"],
        change("referral", referral, _referral(person, b, consent_given=False)),
    )
    assert (result["status"], result["code"]) == ("rejected", "consent_missing")
    assert "consent_given" in result["errors"]
    listed = http.get("/api/referrals/incoming", headers=users["b_super"].headers).json()
    assert referral not in [r["id"] for r in listed["data"]["referrals"]]


def test_only_shared_values_cross_and_acceptance_makes_a_new_beneficiary(server, http, orgs):
    a, b, users = orgs
    organisations = http.get("/api/organisations", headers=users["a_worker"].headers).json()
    assert b in organisations["data"]["organisations"]
    assert a not in organisations["data"]["organisations"]
    person = _person(http, users["a_worker"])
    referral = str(uuid.uuid4())
    # The laptop cannot widen what is shared: a shared copy sent with the change is refused.
    (bad,) = push(
        http,
        users["a_worker"],
        change("referral", referral, {**_referral(person, b), "shared": [{"name": "notes"}]}),
    )
    assert bad["status"] == "rejected" and "shared" in bad["errors"]
    (sent,) = push(http, users["a_worker"], change("referral", referral, _referral(person, b)))
    assert sent["status"] == "applied", sent

    # A caseworker of B, and a supervisor of another organisation, see nothing of it.
    answers: list[str] = []
    worker = http.get("/api/referrals/incoming", headers=users["b_worker"].headers)
    assert worker.status_code == 403
    third = http.get("/api/referrals/incoming", headers=users["c_super"].headers)
    assert third.status_code == 200 and third.json()["data"]["referrals"] == []
    stranger = http.post(
        f"/api/referrals/{referral}/accept", json={}, headers=users["c_super"].headers
    )
    assert stranger.status_code == 404
    assert (
        http.post(
            f"/api/referrals/{referral}/accept", json={}, headers=users["b_worker"].headers
        ).status_code
        == 403
    )

    listed = http.get("/api/referrals/incoming", headers=users["b_super"].headers)
    answers.append(listed.text)
    (incoming,) = [r for r in listed.json()["data"]["referrals"] if r["id"] == referral]
    assert incoming["from_organisation"] == a and incoming["state"] == "proposed"
    shared = {item["name"]: item["value"] for item in incoming["shared"]}
    assert shared == {
        "first_name": "Amina",
        "last_name": "Haddad",
        "date_of_birth": "1987-04-12",
        "custom.school": "Al-Amal school",
    }
    accepted = http.post(
        f"/api/referrals/{referral}/accept",
        json={"caseworker_id": users["b_worker"].id},
        headers=users["b_super"].headers,
    )
    answers.append(accepted.text)
    assert accepted.status_code == 200, accepted.text
    made = accepted.json()["data"]["beneficiary"]
    assert made["id"] != person and made["caseworker_id"] == users["b_worker"].id
    assert (made["first_name"], made["last_name"], made["date_of_birth"]) == (
        "Amina",
        "Haddad",
        "1987-04-12",
    )
    assert made["phone"] is None and made["custom"] == {}  # B's definition has no "school"
    assert "Al-Amal school" in made["notes"] and "Needs schooling support." in made["notes"]
    again = http.post(
        f"/api/referrals/{referral}/accept", json={}, headers=users["b_super"].headers
    )
    assert again.status_code == 409

    # The sender sees the outcome in its feed; B's feed has only its new beneficiary.
    feed, _ = pull_all(http, users["a_worker"])
    (outcome,) = [c for c in feed if c["entity"] == "referral" and c["id"] == referral][-1:]
    assert outcome["data"]["state"] == "accepted"
    assert made["id"] not in json.dumps(feed)
    for user in ("b_super", "b_worker"):
        b_feed, _ = pull_all(http, users[user])
        assert {c["entity"] for c in b_feed} <= {"beneficiary"}
        answers.append(json.dumps(b_feed))
    everything = "\n".join(answers) + _database_rows(server, b)
    for secret in (SECRET_NOTE, SECRET_CUSTOM, SECRET_PHONE, person, users["a_worker"].id):
        assert secret not in everything


def test_a_declined_referral_tells_the_sender_why_and_withdrawing_is_the_senders(
    server, http, orgs
):
    _a, b, users = orgs
    person = _person(http, users["a_worker"])
    referral = str(uuid.uuid4())
    (sent,) = push(http, users["a_worker"], change("referral", referral, _referral(person, b)))
    assert sent["status"] == "applied"
    # Once sent, only its state may change (to withdrawn).
    (edit,) = push(
        http,
        users["a_worker"],
        change("referral", referral, _referral(person, b, note="changed"), base_version=1),
    )
    assert (edit["status"], edit["code"]) == ("rejected", "referral_fixed")
    blank = http.post(
        f"/api/referrals/{referral}/decline", json={"reason": " "}, headers=users["b_super"].headers
    )
    assert blank.status_code == 422
    declined = http.post(
        f"/api/referrals/{referral}/decline",
        json={"reason": "We have no places until March."},
        headers=users["b_super"].headers,
    )
    assert (
        declined.status_code == 200 and declined.json()["data"]["referral"]["state"] == "declined"
    )
    feed, _ = pull_all(http, users["a_worker"])
    latest = [c for c in feed if c["id"] == referral][-1]["data"]
    assert (latest["state"], latest["decision_note"]) == (
        "declined",
        "We have no places until March.",
    )
    # A beneficiary deleted by its organisation takes its proposed referrals with it.
    other = _person(http, users["a_worker"])
    gone = str(uuid.uuid4())
    (sent,) = push(http, users["a_worker"], change("referral", gone, _referral(other, b)))
    assert sent["status"] == "applied"
    (deleted,) = push(
        http, users["a_worker"], change("beneficiary", other, op="delete", base_version=1)
    )
    assert deleted["status"] == "applied", deleted
    listed = http.get("/api/referrals/incoming", headers=users["b_super"].headers).json()
    assert gone not in [r["id"] for r in listed["data"]["referrals"]]
    assert (
        http.post(
            f"/api/referrals/{gone}/accept", json={}, headers=users["b_super"].headers
        ).status_code
        == 404
    )
    (late,) = push(
        http,
        users["a_worker"],
        change("referral", referral, _referral(person, b, state="withdrawn"), base_version=1),
    )
    assert late["status"] == "conflict"
