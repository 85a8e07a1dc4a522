"""The document and the server agree on single values: what the schema allows is accepted,
what it refuses is refused. Each value here is one the two used to disagree on.

The fuzz run (test_openapi_fuzz) searches widely with one seed; these pin the known edges.
"""

from __future__ import annotations

import uuid
from typing import Any

import jsonschema_rs
import pytest

from tests.server.conftest import beneficiary_body, session_body

BENEFICIARY_VALUES = [
    ("date_of_birth", "1900-01-01"),
    ("date_of_birth", "1899-12-31"),
    ("date_of_birth", "0204-03-20"),
    ("consent_date", "2200-12-31"),
    ("consent_date", "2201-01-01"),
    ("first_name", "\x1c"),  # white space to Python, not to every regex dialect
    ("first_name", "\u3000"),
    ("first_name", "\u200b"),  # not white space
    ("first_name", " a"),
    ("case_number", "  "),
    ("email", ""),
    ("email", "a@b"),
    ("email", "a b@c"),
    ("email", "ab"),
    ("email", "a@b.org"),
    ("email", "a@@b.org"),
    ("email", "a@b."),
    ("phone", "1" * 50),
    ("phone", "1" * 51),
    ("preferred_language", "x" * 50),
    ("case_number", "C" * 50),
]
SESSION_VALUES = [
    ("starts_at", "1900-01-01T00:30:00+01:00"),  # 1899 in UTC; the year as written counts
    ("starts_at", "2200-12-31T23:30:00-01:00"),
    ("starts_at", "1899-12-31T23:30:00-01:00"),
    ("starts_at", "2024-01-01t10:00:00z"),
    ("starts_at", "2024-01-01T10:00:00.1234567Z"),
    ("starts_at", "0204-03-20T12:18:11+05:43"),
    ("starts_at", "2024-01-01T10:00:00Z\n"),
    ("follow_up_on", "2200-12-31"),
    ("beneficiary_id", "not-a-uuid"),  # on create the URL's id is used, but this is checked
]


def field_validator(document: dict[str, Any], schema_name: str, field: str):
    schema = dict(document["components"]["schemas"][schema_name]["properties"][field])
    schema.pop("nullable", None)  # OpenAPI 3.0's, not JSON Schema's; no value here is null
    # The keywords used (type, format, pattern, lengths) mean the same in 2020-12, whose
    # format checks (uuid among them) schemathesis applies.
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


@pytest.fixture(scope="module")
def document(server) -> dict[str, Any]:
    with server.client() as http:
        return http.get("/api/openapi.json").json()


@pytest.fixture(scope="module")
def supervisor(server):
    return server.new_user("supervisor")


def test_beneficiary_fields(http, document, supervisor):
    disagreements = []
    for field, value in BENEFICIARY_VALUES:
        valid = field_validator(document, "BeneficiaryFields", field).is_valid(value)
        body = {**beneficiary_body(), field: value}
        response = http.post("/api/beneficiaries", json=body, headers=supervisor.headers)
        assert response.status_code in (201, 422), response.text
        if valid != (response.status_code == 201):
            disagreements.append((field, value, valid, response.text))
    assert disagreements == []


def test_session_fields(http, document, supervisor):
    parent = http.post("/api/beneficiaries", json=beneficiary_body(), headers=supervisor.headers)
    b_id = parent.json()["data"]["id"]
    disagreements = []
    for field, value in SESSION_VALUES:
        valid = field_validator(document, "CaseSessionFields", field).is_valid(value)
        response = http.post(
            f"/api/beneficiaries/{b_id}/sessions",
            json=session_body(**{field: value}),
            headers=supervisor.headers,
        )
        assert response.status_code in (201, 422), response.text
        if valid != (response.status_code == 201):
            disagreements.append((field, value, valid, response.text))
    assert disagreements == []


def test_username(http, document):
    validator = field_validator(document, "RegisterInput", "username")
    for username in (f"u{uuid.uuid4().hex[:8]}", f"u{uuid.uuid4().hex[:8]}\n"):
        response = http.post(
            "/api/auth/register", json={"username": username, "password": "x" * 12}
        )
        assert response.status_code in (201, 422)
        assert validator.is_valid(username) == (response.status_code == 201), username


def test_page_parameters_are_whole_numbers_as_written(http, supervisor):
    for raw, expected in [("2", 200), ("", 422), (" 1", 422), ("1_0", 422), ("\uff11", 422)]:
        response = http.get("/api/beneficiaries", params={"page": raw}, headers=supervisor.headers)
        assert response.status_code == expected, (raw, response.text)


def test_path_ids_are_uuids_as_the_document_writes_them(http, supervisor):
    made = http.post("/api/beneficiaries", json=beneficiary_body(), headers=supervisor.headers)
    b_id = made.json()["data"]["id"]
    validator = jsonschema_rs.Draft202012Validator(
        {"type": "string", "format": "uuid"}, validate_formats=True
    )
    for written in (b_id, b_id.upper(), b_id.replace("-", ""), f"{{{b_id}}}", f"urn:uuid:{b_id}"):
        response = http.get(f"/api/beneficiaries/{written}", headers=supervisor.headers)
        assert response.status_code in (200, 404)
        assert validator.is_valid(written) == (response.status_code == 200), written
