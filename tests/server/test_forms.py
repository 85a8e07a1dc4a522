"""The organisation's own fields on a real server (SQLite and PostgreSQL): publishing the
form definition (GET/POST /api/forms), and custom values on records checked against it."""

from __future__ import annotations

import copy
import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from server import forms
from tests.server.conftest import beneficiary_body, session_body
from tests.server.test_sync import change, pull_all, push

LABEL = {"en": "Label", "ar": "تسمية"}


def field(key: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "kind": kind, "label": dict(LABEL), **extra}


def choice_list(*values: str) -> list[dict[str, Any]]:
    return [{"value": v, "label": dict(LABEL)} for v in values]


FIRST: dict[str, Any] = {
    "format": "caseload-forms/1",
    "title": "Cash assistance",
    "languages": ["en", "ar"],
    "beneficiary": {
        "fields": [
            field("household_size", "integer", minimum=1, maximum=30),
            field("income", "decimal", minimum=0),
            field("risk", "choice", choices=choice_list("low", "high"), filter=True),
            field("story", "long_text", personal=True),
            field("old_code", "text"),
        ]
    },
    "session": {"fields": [field("outcome", "choices", choices=choice_list("paid", "later"))]},
}


def second() -> dict[str, Any]:
    """FIRST with a new required field and `old_code` retired."""
    document = copy.deepcopy(FIRST)
    fields = document["beneficiary"]["fields"]
    fields[4]["retired"] = True
    fields.append(field("payment_method", "choice", choices=choice_list("cash"), required=True))
    return document


@pytest.fixture
def org(server):
    """A fresh organisation: its admin, a supervisor and a caseworker."""
    name = f"org-{uuid.uuid4().hex[:8]}"
    return {role: server.new_user(role, organisation=name) for role in ("admin", "caseworker")}


def publish(http, user, definition, base_version, expect=201):
    answer = http.post(
        "/api/forms",
        json={"definition": definition, "base_version": base_version},
        headers=user.headers,
    )
    assert answer.status_code == expect, answer.text
    return answer.json()


def current(http, user) -> dict[str, Any]:
    answer = http.get("/api/forms", headers=user.headers)
    assert answer.status_code == 200, answer.text
    return answer.json()["data"]


def test_nothing_published_is_version_0_with_no_fields(http, org):
    data = current(http, org["caseworker"])
    assert (data["version"], data["published_at"], data["published_by"]) == (0, None, None)
    read = forms.read(data["definition"])
    assert read.version == 0
    assert all(not read.of(kind).fields for kind in forms.RECORD_KINDS)


def test_publish_and_read_back(http, org):
    admin, caseworker = org["admin"], org["caseworker"]
    published = publish(http, admin, FIRST, 0)["data"]
    assert published["version"] == 1
    assert published["published_by"] == admin.id
    assert published["definition"] == {**FIRST, "version": 1}
    # Every user of the organisation reads it, exactly as published.
    assert current(http, caseworker) == published
    again = publish(http, admin, second(), 1)["data"]
    assert again["version"] == 2
    assert current(http, caseworker)["definition"] == {**second(), "version": 2}


def test_only_admins_publish(http, server, org):
    supervisor = server.new_user("supervisor", organisation=org["admin"].organisation)
    for user in (org["caseworker"], supervisor):
        refused = publish(http, user, FIRST, 0, expect=403)
        assert refused["error"]["code"] == "forbidden"
    assert current(http, org["caseworker"])["version"] == 0


def test_a_stale_base_version_is_a_conflict(http, org):
    admin = org["admin"]
    publish(http, admin, FIRST, 0)
    stale = publish(http, admin, second(), 0, expect=409)["error"]
    assert (stale["code"], stale["version"]) == ("version_conflict", 1)
    assert publish(http, admin, second(), 2, expect=409)["error"]["version"] == 1
    assert current(http, admin)["version"] == 1


def test_a_bad_definition_is_refused_naming_each_problem(http, org):
    admin = org["admin"]
    bad = copy.deepcopy(FIRST)
    bad["beneficiary"]["fields"][0]["kind"] = "number"
    bad["beneficiary"]["fields"][2]["choices"][1] = {"label": LABEL}
    bad["session"]["fields"][0]["label"] = {"en": "Outcome"}
    error = publish(http, admin, bad, 0, expect=422)["error"]
    assert error["code"] == "invalid_definition"
    assert [p["where"] for p in error["problems"]] == [
        "beneficiary.fields[0].kind",
        "beneficiary.fields[2].choices[1].value",
        "session.fields[0].label",
    ]
    assert all(p["message"] for p in error["problems"])
    for body in ({"definition": FIRST}, {"definition": FIRST, "base_version": "0"}):
        answer = http.post("/api/forms", json=body, headers=admin.headers)
        assert answer.status_code == 422, answer.text
        assert list(answer.json()["error"]["fields"]) == ["base_version"]
    assert current(http, admin)["version"] == 0


def test_a_published_field_can_be_retired_but_not_dropped(http, org):
    admin = org["admin"]
    publish(http, admin, FIRST, 0)
    dropped = copy.deepcopy(FIRST)
    del dropped["beneficiary"]["fields"][4]
    error = publish(http, admin, dropped, 1, expect=422)["error"]
    assert error["code"] == "invalid_definition"
    assert [p["where"] for p in error["problems"]] == ["beneficiary.fields"]
    assert "old_code" in error["problems"][0]["message"]
    assert publish(http, admin, second(), 1)["data"]["version"] == 2


def test_each_organisation_has_its_own_definition(http, server, org):
    other = server.new_user("admin", organisation=f"other-{uuid.uuid4().hex[:8]}")
    publish(http, org["admin"], FIRST, 0)
    assert current(http, other)["version"] == 0
    # The other organisation's first version is its own version 1.
    assert publish(http, other, second(), 0)["data"]["version"] == 1
    assert current(http, org["caseworker"])["definition"] == {**FIRST, "version": 1}
    # And its records are checked against its own definition only.
    results = push(
        http,
        other,
        change(
            "beneficiary",
            str(uuid.uuid4()),
            {**beneficiary_body(), "custom": {"household_size": 3}},
        ),
    )
    assert results[0]["status"] == "applied", results
    assert results[0]["incomplete_fields"] == ["custom.payment_method"]


def test_pushed_custom_values_are_checked_per_item(http, org):
    admin, caseworker = org["admin"], org["caseworker"]
    publish(http, admin, FIRST, 0)
    ids = [str(uuid.uuid4()) for _ in range(4)]

    def body(custom):
        return {**beneficiary_body(), "custom": custom, "form_version": 1}

    results = push(
        http,
        caseworker,
        change("beneficiary", ids[0], body({"household_size": " 12 ", "income": "1250.50"})),
        change("beneficiary", ids[1], body({"household_size": 4, "nickname": "Ami"})),
        change("beneficiary", ids[2], body({"household_size": 31, "risk": "medium"})),
        change("beneficiary", ids[3], body({"risk": "high", "story": None})),
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert results[0]["record"]["custom"] == {"household_size": 12, "income": "1250.5"}
    assert results[0]["record"]["form_version"] == 1
    assert results[0]["incomplete_fields"] == results[0]["record"]["incomplete_fields"] == []
    unknown = results[1]
    assert (unknown["code"], unknown["http_status"]) == ("unknown_field", 422)
    assert unknown["errors"] == {"custom.nickname": "is not a field of the organisation's form"}
    assert unknown["value_problems"] == {"custom.nickname": "unknown_field"}
    invalid = results[2]
    assert invalid["code"] == "validation_error"
    assert invalid["value_problems"] == {
        "custom.household_size": "too_large",
        "custom.risk": "not_a_choice",
    }
    assert set(invalid["errors"]) == {"custom.household_size", "custom.risk"}
    assert results[3]["record"]["custom"] == {"risk": "high"}
    # Only the applied ones are on the server; the feed carries their custom values.
    changes, _ = pull_all(http, caseworker)
    pulled = {c["id"]: c["data"] for c in changes}
    assert set(pulled) == {ids[0], ids[3]}
    assert pulled[ids[0]]["custom"] == {"household_size": 12, "income": "1250.5"}
    assert pulled[ids[3]]["form_version"] == 1


def test_a_record_written_with_an_older_definition_is_accepted_and_flagged(http, org):
    admin, caseworker = org["admin"], org["caseworker"]
    publish(http, admin, FIRST, 0)
    publish(http, admin, second(), 1)
    record_id = str(uuid.uuid4())
    # A laptop still on version 1: `old_code` is not retired there, `payment_method`
    # does not exist yet.
    old = {**beneficiary_body(), "custom": {"old_code": "A-7"}, "form_version": 1}
    results = push(http, caseworker, change("beneficiary", record_id, old))
    assert results[0]["status"] == "applied", results
    assert results[0]["incomplete_fields"] == ["custom.payment_method"]
    record = http.get(f"/api/beneficiaries/{record_id}", headers=caseworker.headers).json()
    record = record["data"]
    assert (record["custom"], record["form_version"]) == ({"old_code": "A-7"}, 1)
    assert record["incomplete_fields"] == ["custom.payment_method"]
    # On version 2 the retired field keeps its value but cannot change...
    keep = {"custom": {"old_code": "A-7", "payment_method": "cash"}, "form_version": 2}
    results = push(http, caseworker, change("beneficiary", record_id, keep, base_version=1))
    assert results[0]["status"] == "applied", results
    assert results[0]["record"]["incomplete_fields"] == []
    edit = {"custom": {"old_code": "A-8", "payment_method": "cash"}, "form_version": 2}
    results = push(http, caseworker, change("beneficiary", record_id, edit, base_version=2))
    assert results[0]["value_problems"] == {"custom.old_code": "retired"}
    # ...and no laptop can claim a version the server has not published.
    ahead = {"custom": {}, "form_version": 3}
    results = push(http, caseworker, change("beneficiary", record_id, ahead, base_version=2))
    assert (results[0]["status"], list(results[0]["errors"])) == ("rejected", ["form_version"])


def test_the_rest_endpoints_check_custom_values_too(http, org):
    admin, caseworker = org["admin"], org["caseworker"]
    publish(http, admin, FIRST, 0)
    headers = caseworker.headers
    created = http.post(
        "/api/beneficiaries", json=beneficiary_body(custom={"risk": "low"}), headers=headers
    )
    assert created.status_code == 201, created.text
    record = created.json()["data"]
    # Without a form_version the writer is taken to use the current definition.
    assert (record["custom"], record["form_version"]) == ({"risk": "low"}, 1)
    url = f"/api/beneficiaries/{record['id']}"
    refused = http.put(url, json={"custom": {"risk": "medium", "colour": "red"}}, headers=headers)
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["code"] == "unknown_field"
    assert error["value_problems"] == {
        "custom.risk": "not_a_choice",
        "custom.colour": "unknown_field",
    }
    assert set(error["fields"]) == {"custom.risk", "custom.colour"}
    # Fields left out keep their value, custom included.
    renamed = http.put(url, json={"first_name": "Amal"}, headers=headers)
    assert renamed.json()["data"]["custom"] == {"risk": "low"}

    session = http.post(
        f"{url}/sessions", json=session_body(custom={"outcome": ["later", "paid"]}), headers=headers
    )
    assert session.status_code == 201, session.text
    assert session.json()["data"]["custom"] == {"outcome": ["paid", "later"]}
    session_url = f"/api/sessions/{session.json()['data']['id']}"
    bad = http.put(session_url, json={"custom": {"outcome": ["paid", "paid"]}}, headers=headers)
    assert bad.json()["error"]["value_problems"] == {"custom.outcome": "repeated_choice"}
    assert http.get(session_url, headers=headers).json()["data"]["custom"] == {
        "outcome": ["paid", "later"]
    }


def test_a_tombstone_keeps_no_personal_custom_value(http, org):
    admin, caseworker = org["admin"], org["caseworker"]
    publish(http, admin, FIRST, 0)
    record_id = str(uuid.uuid4())
    custom = {"story": "Fled in March; two children at school.", "risk": "high"}
    push(
        http, caseworker, change("beneficiary", record_id, {**beneficiary_body(), "custom": custom})
    )
    results = push(http, caseworker, change("beneficiary", record_id, op="delete", base_version=1))
    assert results[0]["status"] == "applied", results
    changes, _ = pull_all(http, caseworker)
    tombstone = [c for c in changes if c["id"] == record_id][-1]
    assert tombstone["deleted"] is True
    assert tombstone["data"]["custom"] == {"risk": "high"}


def test_postgresql_stores_definitions_and_values_as_jsonb(http, server, org, backend):
    if backend != "postgres":
        pytest.skip("JSONB is PostgreSQL's")
    publish(http, org["admin"], FIRST, 0)
    record_id = str(uuid.uuid4())
    data = {**beneficiary_body(), "custom": {"risk": "high", "household_size": 5}}
    push(http, org["caseworker"], change("beneficiary", record_id, data))
    engine = sa.create_engine(server.env["DATABASE_URL"])
    try:
        with engine.connect() as connection:
            types = dict(
                connection.execute(
                    sa.text(
                        "SELECT table_name || '.' || column_name, data_type"
                        " FROM information_schema.columns WHERE table_schema = current_schema()"
                        " AND column_name IN ('custom', 'incomplete_fields', 'body')"
                    )
                ).all()
            )
            assert set(types.values()) == {"jsonb"}
            assert set(types) == {
                "beneficiaries.custom",
                "beneficiaries.incomplete_fields",
                "case_sessions.custom",
                "case_sessions.incomplete_fields",
                "form_definitions.body",
            }
            # The values are JSON, not text: a containment query finds the record.
            found = connection.execute(
                sa.text(
                    "SELECT id, custom->'household_size' FROM beneficiaries"
                    ' WHERE custom @> \'{"risk": "high"}\'::jsonb'
                )
            ).all()
            assert (record_id, 5) in [tuple(row) for row in found]
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("where", "value"),
    [("section", []), ("pattern", "a{99999999999}")],
)
def test_definitions_that_would_crash_a_reader_are_problems(http, org, where, value):
    """An unhashable section and a repeat count past the regex engine's limit are named
    problems (a TypeError and an OverflowError to a careless reader), not a 500."""
    bad = copy.deepcopy(FIRST)
    bad["beneficiary"]["fields"][4][where] = value
    error = publish(http, org["admin"], bad, 0, expect=422)["error"]
    assert [p["where"] for p in error["problems"]] == [f"beneficiary.fields[4].{where}"]
