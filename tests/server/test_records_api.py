"""The original REST API for beneficiaries and sessions, over real HTTP."""

from __future__ import annotations

import uuid

import pytest

from tests.server.conftest import beneficiary_body, session_body


def create_beneficiary(http, user, **overrides):
    response = http.post(
        "/api/beneficiaries", json=beneficiary_body(**overrides), headers=user.headers
    )
    assert response.status_code == 201, response.text
    return response.json()["data"]


def test_health(http):
    response = http.get("/health")
    assert response.status_code == 200
    assert response.json()["data"]["status"] == "ok"


def test_beneficiary_crud(http, caseworker):
    created = create_beneficiary(http, caseworker)
    assert uuid.UUID(created["id"])
    assert created["case_number"]
    assert created["version"] == 1
    assert created["deleted"] is False
    assert created["caseworker_id"] == caseworker.id
    for name, value in beneficiary_body().items():
        assert created[name] == value, name

    fetched = http.get(f"/api/beneficiaries/{created['id']}", headers=caseworker.headers)
    assert fetched.status_code == 200
    assert fetched.json()["data"] == created

    updated = http.put(
        f"/api/beneficiaries/{created['id']}",
        json={"status": "closed", "closure_reason": "moved_away", "notes": "Moved away."},
        headers=caseworker.headers,
    )
    assert updated.status_code == 200, updated.text
    data = updated.json()["data"]
    assert (data["status"], data["closure_reason"], data["closure_note"]) == (
        "closed",
        "moved_away",
        None,
    )
    assert data["notes"] == "Moved away."
    assert data["first_name"] == "Amina"
    assert data["version"] == 2

    same = http.put(
        f"/api/beneficiaries/{created['id']}", json={"status": "closed"}, headers=caseworker.headers
    )
    assert same.json()["data"]["version"] == 2, "an update that changes nothing keeps the version"

    deleted = http.delete(f"/api/beneficiaries/{created['id']}", headers=caseworker.headers)
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert (
        http.get(f"/api/beneficiaries/{created['id']}", headers=caseworker.headers).status_code
        == 404
    )
    again = http.delete(f"/api/beneficiaries/{created['id']}", headers=caseworker.headers)
    assert again.status_code == 404


def test_closing_needs_a_reason_and_other_needs_a_note(http, caseworker):
    created = create_beneficiary(http, caseworker)
    url = f"/api/beneficiaries/{created['id']}"
    assert (created["closure_reason"], created["closure_note"]) == (None, None)

    def put(body):
        return http.put(url, json=body, headers=caseworker.headers)

    refused = put({"status": "closed"})
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == {
        "closure_reason": "is required when the case is closed"
    }
    bare_other = put({"status": "closed", "closure_reason": "other", "closure_note": "  "})
    assert bare_other.json()["error"]["fields"] == {
        "closure_note": "is required when the closure reason is other"
    }
    unknown = put({"status": "closed", "closure_reason": "bored"})
    assert "closure_reason" in unknown.json()["error"]["fields"]
    assert http.get(url, headers=caseworker.headers).json()["data"]["version"] == 1

    closed = put({"status": "closed", "closure_reason": "other", "closure_note": "Went home."})
    assert closed.status_code == 200, closed.text
    assert closed.json()["data"]["closure_note"] == "Went home."
    # The reason of a closed case cannot be taken away while it stays closed.
    assert put({"closure_reason": None}).status_code == 422
    # Other fields of a closed case stay editable.
    assert put({"phone": "+254 700 000009"}).status_code == 200
    reopened = put({"status": "active", "closure_reason": None, "closure_note": None})
    assert reopened.status_code == 200
    assert reopened.json()["data"]["closure_reason"] is None

    on_create = http.post(
        "/api/beneficiaries",
        json={"first_name": "Sara", "last_name": "Ali", "status": "closed"},
        headers=caseworker.headers,
    )
    assert on_create.status_code == 422
    assert set(on_create.json()["error"]["fields"]) == {"closure_reason"}


def test_put_with_stale_version_is_409_with_server_copy(http, caseworker):
    created = create_beneficiary(http, caseworker)
    url = f"/api/beneficiaries/{created['id']}"
    assert (
        http.put(url, json={"notes": "one", "version": 1}, headers=caseworker.headers).status_code
        == 200
    )
    stale = http.put(url, json={"notes": "two", "version": 1}, headers=caseworker.headers)
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert error["code"] == "version_conflict"
    assert error["record"]["notes"] == "one"
    assert error["record"]["version"] == 2


def test_case_number_is_kept_when_given_and_unique(http, caseworker):
    number = f"CN-{uuid.uuid4().hex[:8]}"
    created = create_beneficiary(http, caseworker, case_number=number)
    assert created["case_number"] == number
    duplicate = http.post(
        "/api/beneficiaries", json=beneficiary_body(case_number=number), headers=caseworker.headers
    )
    assert duplicate.status_code == 422
    assert "case_number" in duplicate.json()["error"]["fields"]


def test_list_paginates_and_searches(http, server):
    user = server.new_user()
    for index in range(7):
        create_beneficiary(http, user, first_name=f"Person{index}", last_name=f"Zed{index:02d}")
    create_beneficiary(http, user, first_name="Unique", last_name="Needle_%")

    page = http.get("/api/beneficiaries?page=2&per_page=3", headers=user.headers).json()
    assert page["meta"]["total"] == 8
    assert page["meta"]["page"] == 2
    assert [b["last_name"] for b in page["data"]] == ["Zed02", "Zed03", "Zed04"]

    window = http.get("/api/beneficiaries?limit=2&offset=6", headers=user.headers).json()
    assert [b["last_name"] for b in window["data"]] == ["Zed05", "Zed06"]
    assert window["meta"]["offset"] == 6

    found = http.get("/api/beneficiaries", params={"search": "needle_%"}, headers=user.headers)
    assert [b["first_name"] for b in found.json()["data"]] == ["Unique"]
    percent = http.get("/api/beneficiaries", params={"search": "%"}, headers=user.headers)
    assert len(percent.json()["data"]) == 1, "LIKE wildcards in the search are literal"

    bad = http.get("/api/beneficiaries?per_page=1000", headers=user.headers)
    assert bad.status_code == 422
    assert "per_page" in bad.json()["error"]["fields"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"last_name": None}, "last_name"),
        ({"first_name": "x" * 101}, "first_name"),
        ({"date_of_birth": "2024-02-30"}, "date_of_birth"),
        ({"date_of_birth": "3024-01-01"}, "date_of_birth"),
        ({"date_of_birth": "12/01/1990"}, "date_of_birth"),
        ({"gender": "unknown"}, "gender"),
        ({"status": "open"}, "status"),
        ({"consent_given": "yes"}, "consent_given"),
        ({"notes": "n" * 20_001}, "notes"),
        ({"notes": "nul\x00byte"}, "notes"),
        ({"email": "not an email"}, "email"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_invalid_beneficiary_is_422_naming_the_field(http, caseworker, overrides, field):
    response = http.post(
        "/api/beneficiaries", json=beneficiary_body(**overrides), headers=caseworker.headers
    )
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["fields"]


def test_missing_required_fields_are_all_named(http, caseworker):
    response = http.post("/api/beneficiaries", json={}, headers=caseworker.headers)
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) == {"first_name", "last_name"}


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'"text"'])
def test_body_that_is_not_a_json_object_is_400(http, caseworker, body):
    response = http.post(
        "/api/beneficiaries",
        content=body,
        headers={**caseworker.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"


def test_unicode_and_long_notes_round_trip(http, caseworker):
    notes = "مرحبا 👩‍👧 <script>'; DROP TABLE beneficiaries;--" + "x" * 19_900
    created = create_beneficiary(http, caseworker, first_name="Zoë", notes=notes)
    fetched = http.get(f"/api/beneficiaries/{created['id']}", headers=caseworker.headers)
    assert fetched.json()["data"]["notes"] == notes
    assert fetched.json()["data"]["first_name"] == "Zoë"


@pytest.mark.parametrize(
    "path",
    [
        "/api/beneficiaries/{uuid}",
        "/api/beneficiaries/not-a-uuid",
        "/api/beneficiaries/{uuid}/sessions",
        "/api/sessions/{uuid}",
        "/api/sessions/12345",
        "/api/nothing-here",
    ],
)
def test_missing_records_are_404_not_500(http, caseworker, path):
    url = path.format(uuid=uuid.uuid4())
    for method in ("GET", "PUT", "DELETE"):
        kwargs = {"json": {"first_name": "A"}} if method == "PUT" else {}
        response = http.request(method, url, headers=caseworker.headers, **kwargs)
        if response.status_code == 405:
            continue
        assert response.status_code == 404, (method, url, response.text)
        assert response.json()["error"]["code"] == "not_found"


def test_method_not_allowed_uses_the_envelope(http, caseworker):
    response = http.patch("/api/beneficiaries", headers=caseworker.headers)
    assert response.status_code == 405
    assert "error" in response.json()


def test_sessions_crud(http, caseworker):
    beneficiary = create_beneficiary(http, caseworker)
    url = f"/api/beneficiaries/{beneficiary['id']}/sessions"
    created = http.post(url, json=session_body(), headers=caseworker.headers)
    assert created.status_code == 201, created.text
    case_session = created.json()["data"]
    assert case_session["beneficiary_id"] == beneficiary["id"]
    assert case_session["caseworker_id"] == caseworker.id
    assert case_session["starts_at"] == "2024-05-01T09:30:00Z"
    assert case_session["version"] == 1

    later = http.post(
        url, json=session_body(starts_at="2024-06-01T12:00:00+02:00"), headers=caseworker.headers
    )
    assert later.json()["data"]["starts_at"] == "2024-06-01T10:00:00Z"

    listed = http.get(url, headers=caseworker.headers).json()["data"]
    assert [s["starts_at"] for s in listed] == ["2024-06-01T10:00:00Z", "2024-05-01T09:30:00Z"]

    session_url = f"/api/sessions/{case_session['id']}"
    assert http.get(session_url, headers=caseworker.headers).json()["data"] == case_session
    updated = http.put(
        session_url, json={"status": "no_show", "summary": None}, headers=caseworker.headers
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["data"]["status"] == "no_show"
    assert updated.json()["data"]["summary"] is None
    assert updated.json()["data"]["version"] == 2

    assert http.delete(session_url, headers=caseworker.headers).status_code == 204
    assert http.get(session_url, headers=caseworker.headers).status_code == 404
    assert len(http.get(url, headers=caseworker.headers).json()["data"]) == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 721}, "duration_minutes"),
        ({"duration_minutes": "60"}, "duration_minutes"),
        ({"kind": "party"}, "kind"),
        ({"status": "no-show"}, "status"),
        ({"starts_at": "2024-02-30T10:00:00Z"}, "starts_at"),
        ({"starts_at": "yesterday"}, "starts_at"),
        ({"starts_at": None}, "starts_at"),
        ({"follow_up_on": "2023-13-01"}, "follow_up_on"),
        ({"summary": "s" * 20_001}, "summary"),
    ],
)
def test_invalid_session_is_422_naming_the_field(http, caseworker, overrides, field):
    beneficiary = create_beneficiary(http, caseworker)
    response = http.post(
        f"/api/beneficiaries/{beneficiary['id']}/sessions",
        json=session_body(**overrides),
        headers=caseworker.headers,
    )
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]["fields"]


def test_deleting_a_beneficiary_deletes_its_sessions(http, caseworker):
    beneficiary = create_beneficiary(http, caseworker)
    created = http.post(
        f"/api/beneficiaries/{beneficiary['id']}/sessions",
        json=session_body(),
        headers=caseworker.headers,
    ).json()["data"]
    assert (
        http.delete(
            f"/api/beneficiaries/{beneficiary['id']}", headers=caseworker.headers
        ).status_code
        == 204
    )
    assert http.get(f"/api/sessions/{created['id']}", headers=caseworker.headers).status_code == 404


class TestRoles:
    def test_caseworker_cannot_read_or_write_another_caseworkers_record(self, http, server):
        owner = server.new_user("caseworker")
        other = server.new_user("caseworker")
        record = create_beneficiary(http, owner)
        url = f"/api/beneficiaries/{record['id']}"
        # 404 rather than 403: another caseworker's ids are not confirmed to exist.
        assert http.get(url, headers=other.headers).status_code == 404
        assert http.put(url, json={"notes": "x"}, headers=other.headers).status_code == 404
        assert http.delete(url, headers=other.headers).status_code == 404
        assert http.get(f"{url}/sessions", headers=other.headers).status_code == 404
        assert (
            http.post(f"{url}/sessions", json=session_body(), headers=other.headers).status_code
            == 404
        )
        listed = http.get("/api/beneficiaries", headers=other.headers).json()["data"]
        assert record["id"] not in [b["id"] for b in listed]
        assert http.get(url, headers=owner.headers).json()["data"]["notes"] == record["notes"]

    def test_caseworker_cannot_give_a_record_to_someone_else(self, http, server):
        owner = server.new_user("caseworker")
        other = server.new_user("caseworker")
        response = http.post(
            "/api/beneficiaries",
            json=beneficiary_body(caseworker_id=other.id),
            headers=owner.headers,
        )
        assert response.status_code == 403
        assert "caseworker_id" in response.json()["error"]["fields"]

    def test_supervisor_sees_and_edits_their_organisation_only(self, http, server):
        org = f"org-{uuid.uuid4().hex[:6]}"
        worker = server.new_user("caseworker", organisation=org)
        supervisor = server.new_user("supervisor", organisation=org)
        admin = server.new_user("admin", organisation=org)
        outsider = server.new_user("supervisor", organisation="elsewhere")
        record = create_beneficiary(http, worker)
        url = f"/api/beneficiaries/{record['id']}"

        assert http.get(url, headers=supervisor.headers).status_code == 200
        assert http.get(url, headers=admin.headers).status_code == 200
        assert http.get(url, headers=outsider.headers).status_code == 404
        edited = http.put(url, json={"notes": "Checked."}, headers=supervisor.headers)
        assert edited.status_code == 200
        listed = http.get("/api/beneficiaries?per_page=100", headers=supervisor.headers).json()
        assert record["id"] in [b["id"] for b in listed["data"]]

        # Supervisors may reassign within their organisation, not outside it.
        other_worker = server.new_user("caseworker", organisation=org)
        moved = http.put(url, json={"caseworker_id": other_worker.id}, headers=supervisor.headers)
        assert moved.status_code == 200
        assert moved.json()["data"]["caseworker_id"] == other_worker.id
        assert http.get(url, headers=worker.headers).status_code == 404
        assert http.get(url, headers=other_worker.headers).status_code == 200
        outside = http.put(url, json={"caseworker_id": outsider.id}, headers=supervisor.headers)
        assert outside.status_code == 422
        assert "caseworker_id" in outside.json()["error"]["fields"]
