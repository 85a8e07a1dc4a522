"""The desktop and the server read a form definition, and check custom values, alike.

Each side has its own code for the file format (desktop/domain/forms.py, server/forms.py);
the same hostile definitions and the same values go to both, and both must find the same
problems at the same places, store the same values, and refuse the same ones with the
same codes. The last test sends the hostile definitions to a real server as a publish.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import httpx
import pytest

from desktop.domain import forms as desktop
from server import forms as server

LABEL = {"en": "A label", "fr": "Une étiquette"}


def field(key: str, kind: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "kind": kind, "label": dict(LABEL), **extra}


def choices(*values: str) -> list[dict[str, Any]]:
    return [{"value": v, "label": dict(LABEL)} for v in values]


VALID: dict[str, Any] = {
    "format": "caseload-forms/1",
    "title": "Cash assistance",
    "version": 3,
    "languages": ["en", "fr"],
    "beneficiary": {
        "sections": [{"key": "household", "label": dict(LABEL)}],
        "fields": [
            field("household_size", "integer", minimum=1, maximum=30, required=True),
            field("income", "decimal", minimum="0", maximum=99999.5),
            field("registered_on", "date", minimum="2000-01-01", maximum="2100-12-31"),
            field("guardian", "text", max_length=20, pattern="[A-Z][a-z]+", searchable=True),
            field("story", "long_text", max_length=300, personal=True),
            field("displaced", "yes_no", filter=True, section="household"),
            field("risk", "choice", choices=choices("low", "high"), column=True),
            field("needs", "choices", choices=choices("food", "cash", "shelter")),
            field("old_code", "text", retired=True),
            field("school", "text", shareable=True),
        ],
        "shareable": ["first_name", "last_name", "date_of_birth"],
    },
    "session": {"fields": [field("outcome", "choice", choices=choices("ok", "ko"))]},
}


def changed(path: str, value: Any) -> dict[str, Any]:
    """VALID with the value at a dotted path (list indexes as numbers) set (one past a
    list's end: added), or removed when `value` is DROP."""
    document = copy.deepcopy(VALID)
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    target: Any = document
    for part in parents:
        target = target[part]
    if value is DROP:
        del target[last]
    elif isinstance(target, list) and last == len(target):
        target.append(value)
    else:
        target[last] = value
    return document


DROP = object()
HOSTILE: list[Any] = [
    [],
    "caseload-forms/1",
    {},
    changed("format", "caseload-forms/2"),
    changed("version", -1),
    changed("version", True),
    changed("title", 7),
    changed("title", "t" * 201),
    changed("languages", []),
    changed("languages", ["en", "en"]),
    changed("languages", ["EN"]),
    changed("languages", "en"),
    changed("colour", "blue"),
    changed("beneficiary", []),
    changed("beneficiary.extra", 1),
    changed("beneficiary.fields", {}),
    changed("beneficiary.fields", [field(f"f{i}", "text") for i in range(101)]),
    changed("beneficiary.sections", "none"),
    changed("beneficiary.sections", [{"key": f"s{i}", "label": LABEL} for i in range(21)]),
    changed("beneficiary.sections.0", {"key": "household", "label": "Household"}),
    changed("beneficiary.sections.1", {"key": "household", "label": LABEL, "x": 1}),
    changed("beneficiary.sections.0", 5),
    changed("beneficiary.fields.0", "household_size"),
    # Once crashed the desktop's reader (TypeError, OverflowError): problems on both sides.
    changed("beneficiary.fields.0.section", []),
    changed("beneficiary.fields.0.pattern", "a{99999999999}"),
    changed("beneficiary.fields.0.key", "Household size"),
    changed("beneficiary.fields.0.key", "k" * 41),
    changed("beneficiary.fields.1.key", "household_size"),
    changed("beneficiary.fields.0.kind", "number"),
    changed("beneficiary.fields.0.kind", ["integer"]),
    changed("beneficiary.fields.0.kind", DROP),
    changed("beneficiary.fields.0.label", DROP),
    changed("beneficiary.fields.0.label", {"en": "Size"}),
    changed("beneficiary.fields.0.label", {"en": " ", "fr": "Taille", "de": "Größe"}),
    changed("beneficiary.fields.0.label", {"en": "x" * 201, "fr": 3}),
    changed("beneficiary.fields.0.label", "Size"),
    changed("beneficiary.fields.0.help", {"en": "h" * 1001}),
    changed("beneficiary.fields.0.help", "Help"),
    changed("beneficiary.fields.0.section", "nowhere"),
    changed("beneficiary.fields.0.section", 5),
    changed("beneficiary.fields.0.required", "yes"),
    changed("beneficiary.fields.0.colour", "red"),
    changed("beneficiary.fields.0.minimum", 1.5),
    changed("beneficiary.fields.0.minimum", True),
    changed("beneficiary.fields.0.minimum", 40),
    changed("beneficiary.fields.1.minimum", "NaN"),
    changed("beneficiary.fields.1.maximum", "1" * 19),
    changed("beneficiary.fields.1.maximum", [1]),
    changed("beneficiary.fields.2.minimum", "2000-02-30"),
    changed("beneficiary.fields.2.maximum", "1999-01-01"),
    changed("beneficiary.fields.3.minimum", 1),
    changed("beneficiary.fields.3.max_length", 0),
    changed("beneficiary.fields.3.max_length", 201),
    changed("beneficiary.fields.4.max_length", 4001),
    changed("beneficiary.fields.0.max_length", 5),
    changed("beneficiary.fields.3.pattern", "("),
    changed("beneficiary.fields.3.pattern", ""),
    changed("beneficiary.fields.3.pattern", "p" * 201),
    changed("beneficiary.fields.4.pattern", "x+"),
    changed("beneficiary.fields.3.filter", True),
    changed("beneficiary.fields.0.searchable", True),
    changed("beneficiary.fields.4.column", True),
    changed("beneficiary.fields.7.column", True),
    changed("beneficiary.fields.6.choices", DROP),
    changed("beneficiary.fields.6.choices", []),
    changed("beneficiary.fields.6.choices", "low"),
    changed("beneficiary.fields.6.choices", choices(*(f"c{i}" for i in range(10_000)))),
    changed("beneficiary.fields.6.choices.0", {"label": LABEL}),
    changed("beneficiary.fields.6.choices.0", {"value": "Low", "label": {"en": "Low"}}),
    changed("beneficiary.fields.6.choices.1", {"value": "low", "label": LABEL, "x": 0}),
    changed("beneficiary.fields.6.choices.0", "low"),
    changed("beneficiary.fields.0.choices", choices("a")),
    changed("session.fields.0.choices.0.value", 3),
    changed("session", {"fields": [{"kind": "text"}, {"key": "a"}, field("a", "text")]}),
    # What a referral shares (issue 14 point 5).
    changed("beneficiary.fields.0.shareable", "yes"),
    changed("beneficiary.shareable", "first_name"),
    changed("beneficiary.shareable", ["first_name", "first_name", "case_number", "nickname", 3]),
    changed("beneficiary.shareable", ["closure_note", "caseworker_id", "status"]),
    changed("session.shareable", ["first_name"]),
]


def desktop_problems(document: Any) -> list[str]:
    try:
        desktop.from_document(document)
    except desktop.DefinitionError as exc:
        return [p.where for p in exc.problems]
    return []


def server_problems(document: Any) -> list[str]:
    try:
        server.read(document)
    except server.DefinitionInvalid as exc:
        return [where for where, _message in exc.problems]
    return []


def test_the_valid_definition_is_valid_on_both_sides():
    assert desktop_problems(VALID) == server_problems(VALID) == []
    # And the desktop's own writing of it reads the same on the server.
    assert server_problems(desktop.to_document(desktop.from_document(VALID))) == []


@pytest.mark.parametrize("document", HOSTILE, ids=lambda d: json.dumps(d)[:60])
def test_a_hostile_definition_gets_the_same_problems(document):
    found = desktop_problems(document)
    assert found, "the case is not hostile"
    assert server_problems(document) == found


def test_both_sides_share_the_same_fields():
    """The built-ins a definition may share, and what VALID shares, read alike."""
    assert desktop.SHAREABLE_BUILTINS == server.SHAREABLE_BUILTINS
    mine = desktop.from_document(VALID).beneficiary
    theirs = server.read(VALID).of("beneficiary")
    assert (
        mine.shareable_builtins
        == theirs.shareable_builtins
        == (
            "first_name",
            "last_name",
            "date_of_birth",
        )
    )
    assert [f.key for f in mine.where(shareable=True)] == [f.key for f in theirs.shareable]
    assert [f.key for f in theirs.shareable] == ["school"]
    # Nothing is shared unless marked: an identifying field too.
    plain = server.read(changed("beneficiary.shareable", DROP)).of("beneficiary")
    assert plain.shareable_builtins == () and "guardian" not in [f.key for f in plain.shareable]
    assert desktop.from_document(desktop.to_document(desktop.from_document(VALID))) == (
        desktop.from_document(VALID)
    )


def test_a_dropped_field_is_refused_alike():
    old = copy.deepcopy(VALID)
    new = changed("beneficiary.fields", VALID["beneficiary"]["fields"][1:])
    new["session"]["fields"] = []
    refused = desktop.changes_refused(desktop.from_document(old), desktop.from_document(new))
    assert [p.where for p in refused] == ["beneficiary.fields", "session.fields"]
    assert [w for w, _ in server.dropped(server.read(old), server.read(new))] == [
        p.where for p in refused
    ]
    retired = changed("beneficiary.fields.0.retired", True)
    assert server.dropped(server.read(old), server.read(retired)) == []


# (field, value): accepted values, values refused with each problem code, edge forms.
VALUES: list[tuple[str, Any]] = [
    ("household_size", 4),
    ("household_size", " 12 "),
    ("household_size", "٣"),  # another script's digit
    ("household_size", 0),
    ("household_size", 31),
    ("household_size", 4.0),
    ("household_size", True),
    ("household_size", "4.5"),
    ("household_size", "1" * 19),
    ("income", "12.50"),
    ("income", 12.5),
    ("income", 7),
    ("income", "-0.00"),
    ("income", "1e3"),
    ("income", "99999.6"),
    ("income", "-1"),
    ("income", "NaN"),
    ("income", "Infinity"),
    ("income", "1" * 19),
    ("income", False),
    ("income", "1_000"),
    ("registered_on", "2024-02-29"),
    ("registered_on", " 2024-03-01 "),
    ("registered_on", "20240301"),
    ("registered_on", "2023-02-29"),
    ("registered_on", "1999-12-31"),
    ("registered_on", "2101-01-01"),
    ("registered_on", 20240101),
    ("guardian", "  Amal  "),
    ("guardian", "amal"),
    ("guardian", "A" + "b" * 19),
    ("guardian", "A" + "b" * 20),
    ("guardian", 12),
    ("story", "line one\n\n  "),
    ("story", "s" * 300),
    ("story", "s" * 301),
    ("displaced", True),
    ("displaced", "yes"),
    ("displaced", 1),
    ("risk", "high"),
    ("risk", "medium"),
    ("risk", ["high"]),
    ("needs", ["shelter", "food"]),
    ("needs", ["food", "food"]),
    ("needs", ["food", "water"]),
    ("needs", "food"),
    ("needs", [1]),
    ("old_code", "X-1"),
    ("nickname", "Ami"),
    ("risk", None),
    ("story", ""),
    ("needs", []),
]


def desktop_check(values: dict, stored: dict | None = None, require: bool = True):
    definition = desktop.from_document(VALID).beneficiary
    cleaned, problems, incomplete = desktop.check_values(
        definition, values, stored=stored, require=require
    )
    return cleaned, {k: str(v) for k, v in problems.items()}, incomplete


def server_check(values: dict, stored: dict | None = None, require: bool = True):
    form = server.read(VALID).of("beneficiary")
    return server.check_values(form, values, stored=stored, require=require)


@pytest.mark.parametrize(("key", "value"), VALUES, ids=lambda v: repr(v)[:30])
def test_a_value_gets_the_same_verdict(key, value):
    for require in (True, False):
        values = {key: value}
        assert server_check(values, require=require) == desktop_check(values, require=require)


def test_every_problem_code_is_met_and_named_alike():
    codes = set()
    for key, value in VALUES:
        codes.update(desktop_check({key: value})[1].values())
    assert codes == {p.value for p in desktop.ValueProblem} == set(server.VALUE_MESSAGES)


def test_stored_values_the_rules_now_refuse_stay_alike():
    stored = {"old_code": "X-1", "nickname": "Ami", "risk": "medium", "household_size": 99}
    for values in (
        dict(stored),
        {**stored, "old_code": "X-2"},
        {**stored, "nickname": "Amie", "risk": "low"},
        {"household_size": 98},
        {"guardian": "Amal", "displaced": False},
    ):
        for require in (True, False):
            assert server_check(values, stored, require) == desktop_check(
                values, stored, require
            ), values


def test_a_date_object_is_cleaned_alike():
    values = {"registered_on": date(2024, 5, 1)}
    assert server_check(values) == desktop_check(values)


@pytest.fixture(scope="module")
def admin_client(sync_server):
    admin = sync_server.new_user("admin", organisation="drift-org")
    sync_server.login(admin)
    with httpx.Client(base_url=sync_server.base_url, timeout=30, headers=admin.headers) as http:
        yield http


def test_a_real_server_names_the_problems_the_desktop_names(admin_client):
    """POST /api/forms answers each hostile definition with the desktop's problems."""
    for document in HOSTILE:
        if isinstance(document, dict) and len(json.dumps(document)) > 100_000:
            continue  # the 10,000 choices: the same reader, checked above
        answer = admin_client.post("/api/forms", json={"definition": document, "base_version": 0})
        assert answer.status_code == 422, answer.text
        error = answer.json()["error"]
        assert error["code"] == "invalid_definition"
        assert [p["where"] for p in error["problems"]] == desktop_problems(document)
