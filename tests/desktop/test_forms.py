"""The organisation's own fields on this laptop: the definition's file, its versions in the
store, custom values through the services (every kind), the duplicate check, erasure and
the demo data. Real encrypted databases (the ``office`` fixture)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain import forms
from desktop.domain.enums import Entity
from desktop.domain.forms import DefinitionError, StoredFlag
from desktop.domain.records import BeneficiaryQuery
from desktop.errors import PermissionDenied, UserError, ValidationError
from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.services.duplicates import SAME_VALUE
from desktop.store.erasure import erase_rows
from desktop.store.tables import (
    AuditEventRow,
    BeneficiaryRow,
    CaseSessionRow,
    FormDefinitionRow,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ("child_protection", "cash_assistance")
LAYLA = {"first_name": "Layla", "last_name": "Haddad", "date_of_birth": date(1990, 4, 1)}
SESSION = {"starts_at": "2026-03-02 10:00", "kind": "office"}


def template(name: str) -> str:
    return (ROOT / "resources" / "forms" / f"{name}.json").read_text(encoding="utf-8")


def field(key: str, kind: str, **extra) -> dict:
    return {"key": key, "kind": kind, "label": {"en": key.replace("_", " ")}, **extra}


def document(*fields: dict, session: tuple[dict, ...] = (), languages=("en",)) -> dict:
    return {
        "format": forms.FORMAT,
        "languages": list(languages),
        "beneficiary": {"fields": list(fields)},
        "session": {"fields": list(session)},
    }


def text_of(doc: dict) -> str:
    return json.dumps(doc)


CHOICES = [{"value": v, "label": {"en": v}} for v in ("low", "medium", "high")]
EVERY_KIND = document(
    field("nickname", "text", max_length=20, pattern="[A-Za-z ]+", searchable=True),
    field("story", "long_text"),
    field("household_size", "integer", minimum=1, maximum=30, required=True),
    field("income", "decimal", minimum="0", maximum="1000"),
    field("assessed_on", "date", minimum="2020-01-01"),
    field("consent", "yes_no"),
    field("risk", "choice", choices=CHOICES, filter=True),
    field("needs", "choices", choices=CHOICES),
    field("card_number", "text", identifying=True, personal=True),
    session=(field("mood", "choice", choices=CHOICES), field("minutes_late", "integer")),
)


@pytest.fixture
def admin(office):
    return office.login("admin"), office.services("admin")


def publish(services, doc: dict | str):
    services.forms.import_text(doc if isinstance(doc, str) else text_of(doc))
    return services.forms.publish()


# -- the file: hostile definitions, each problem named where it is --------------------------


def problems_of(text: str) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        forms.parse(text)
    return [str(problem) for problem in caught.value.problems]


def test_hostile_definitions_name_where_each_problem_is():
    duplicate = problems_of(text_of(document(field("size", "integer"), field("size", "text"))))
    assert duplicate == ['beneficiary.fields[1].key: "size" is already the key of fields[0]']

    unknown_kind = problems_of(text_of(document(field("size", "colour"))))
    assert unknown_kind[0].startswith("beneficiary.fields[0].kind: must be one of text,")
    assert '(got "colour")' in unknown_kind[0]

    no_value = problems_of(
        text_of(document(field("risk", "choice", choices=[{"label": {"en": "Low"}}])))
    )
    assert no_value == [
        "beneficiary.fields[0].choices[0].value: is missing: every choice needs a stable value"
    ]

    many = [{"value": f"c{n}", "label": {"en": f"C {n}"}} for n in range(10_000)]
    too_many = problems_of(text_of(document(field("place", "choice", choices=many))))
    assert too_many == ["beneficiary.fields[0].choices: has 10000 choices; at most 200"]

    missing_language = problems_of(
        text_of(document(field("size", "integer"), languages=("en", "ar")))
    )
    assert missing_language == ['beneficiary.fields[0].label: has no text in "ar"']

    bad_pattern = problems_of(text_of(document(field("code", "text", pattern="[A-Z"))))
    assert bad_pattern[0].startswith("beneficiary.fields[0].pattern: is not a regular expression")

    upside_down = problems_of(text_of(document(field("n", "integer", minimum=5, maximum=1))))
    assert upside_down == ["beneficiary.fields[0].maximum: is below the minimum"]

    unknown_attribute = problems_of(text_of(document(field("n", "integer", colour="red"))))
    assert unknown_attribute == ["beneficiary.fields[0].colour: is not a known attribute"]

    wrong_json = problems_of('{"format": "caseload-forms/1",\n "languages": ["en"],,}')
    assert wrong_json[0].startswith("line 2: not valid JSON")


@pytest.mark.parametrize("name", TEMPLATES)
def test_the_example_definitions_parse_and_round_trip(name):
    parsed = forms.parse(template(name))
    assert forms.parse(forms.dumps(parsed)) == parsed
    assert parsed.languages == ("en", "fr", "es", "ar")
    every = [*parsed.beneficiary.fields, *parsed.session.fields]
    kinds = {item.kind for item in every}
    assert kinds == set(forms.CustomKind), f"{name} shows every kind"
    for flag in ("column", "filter", "searchable", "identifying", "personal", "required"):
        assert any(getattr(item, flag) for item in every), f"{name}: no field is {flag}"
    assert parsed.beneficiary.sections and parsed.session.fields
    for item in every:  # a label (and each choice's) in each of the app's languages
        assert set(item.labels) == set(parsed.languages)
        assert all(set(choice.labels) == set(parsed.languages) for choice in item.choices)


def test_french_labels_use_typographic_apostrophes():
    for name in TEMPLATES:
        for item in forms.parse(template(name)).beneficiary.fields:
            assert "'" not in item.labels["fr"], item.key


# -- versions in the store ------------------------------------------------------------------


def test_nothing_published_is_the_empty_definition(admin):
    _login, services = admin
    assert services.forms.current() == forms.EMPTY and services.forms.current().version == 0
    assert services.forms.draft() is None
    with pytest.raises(UserError, match="no draft to publish"):
        services.forms.publish()


def test_publish_twice_counts_versions_and_audits_each(admin):
    login, services = admin
    services.forms.import_text(template("cash_assistance"))
    draft = services.forms.draft()
    assert draft is not None and draft.version == 0
    assert services.forms.current().version == 0  # a draft is not used yet
    first = services.forms.publish()
    assert first.version == 1 and services.forms.draft() is None
    assert services.forms.current() == first

    changed = forms.parse(template("cash_assistance"))
    relabelled = forms.CustomField(
        key="household_size",
        kind=forms.CustomKind.INTEGER,
        labels={
            "en": "People in the household",
            "fr": "Personnes",
            "es": "Personas",
            "ar": "أفراد",
        },
        minimum=1,
        maximum=40,
    )
    fields = tuple(
        relabelled if item.key == "household_size" else item for item in changed.beneficiary.fields
    )
    services.forms.save_draft(
        forms.FormSet(
            changed.languages,
            forms.FormDefinition(
                forms.RecordKind.BENEFICIARY, fields, changed.beneficiary.sections
            ),
            changed.session,
        )
    )
    second = services.forms.publish()
    assert second.version == 2
    assert services.forms.current().beneficiary.field("household_size").maximum == 40
    assert services.forms.versions() == [(1, "local"), (2, "local")]
    with login.db.read() as uow:
        events = uow.session.execute(
            select(AuditEventRow.action, AuditEventRow.entity_id, AuditEventRow.changes)
            .where(AuditEventRow.entity == Entity.FORM_DEFINITION.value)
            .order_by(AuditEventRow.id)
        ).all()
    assert [(e.action, e.entity_id) for e in events] == [
        ("form_publish", "1"),
        ("form_publish", "2"),
    ]
    assert json.loads(events[1].changes)["version"] == [1, 2]
    # the same draft again is no new version
    services.forms.import_text(services.forms.export_text())
    with pytest.raises(UserError, match="same as version 2"):
        services.forms.publish()


def test_a_published_field_cannot_be_removed_only_retired(admin):
    login, services = admin
    publish(services, EVERY_KIND)
    without = dict(EVERY_KIND, beneficiary={"fields": EVERY_KIND["beneficiary"]["fields"][1:]})
    with pytest.raises(DefinitionError) as caught:
        services.forms.import_text(text_of(without))
    (problem,) = caught.value.problems
    assert problem.where == "beneficiary.fields"
    assert '"nickname" (fields[0] of version 1) is missing' in problem.message
    assert services.forms.draft() is None  # nothing written
    with pytest.raises(DefinitionError):
        services.forms.save_draft(forms.parse(text_of(without)))
    with login.db.read() as uow:
        assert uow.session.execute(select(FormDefinitionRow.version)).scalars().all() == [1]


def test_only_admins_change_the_definition_anyone_reads_it(office):
    cara = office.services("cara")
    sam = office.services("sam")
    for services in (cara, sam):
        with pytest.raises(PermissionDenied):
            services.forms.import_text(text_of(EVERY_KIND))
        with pytest.raises(PermissionDenied):
            services.forms.publish()
        with pytest.raises(PermissionDenied):
            services.forms.discard_draft()
    admin = office.services("admin")
    published = publish(admin, EVERY_KIND)
    assert cara.forms.current() == published
    assert forms.parse(cara.forms.export_text()) == published


def test_import_dry_run_saves_nothing(admin):
    _login, services = admin
    checked = services.forms.import_text(text_of(EVERY_KIND), dry_run=True)
    assert checked.beneficiary.field("risk") is not None
    assert services.forms.draft() is None
    services.forms.import_text(text_of(EVERY_KIND))
    assert services.forms.draft() == checked
    services.forms.discard_draft()
    assert services.forms.draft() is None


def test_a_file_saved_with_a_byte_order_mark_imports(admin):
    _login, services = admin
    bom = b"\xef\xbb\xbf" + template("cash_assistance").encode()
    assert services.forms.import_text(bom) == forms.parse(template("cash_assistance"))
    assert services.forms.import_text("\ufeff" + template("cash_assistance")).title


def test_a_pulled_version_is_stored_once_and_becomes_current(office):
    cara = office.services("cara")  # the sync runs as whoever is signed in
    pulled = forms.parse(template("child_protection")).with_version(4)
    assert cara.forms.store_pulled(pulled) is True
    assert cara.forms.store_pulled(pulled) is False
    assert cara.forms.current() == pulled
    assert cara.forms.versions() == [(4, "server")]


def test_current_is_cached_until_a_new_version(admin):
    _login, services = admin
    first = publish(services, EVERY_KIND)
    assert services.forms.current() is services.forms.current()  # parsed once
    retired = json.loads(text_of(EVERY_KIND))
    retired["beneficiary"]["fields"][1]["retired"] = True
    second = publish(services, retired)
    assert services.forms.current() == second != first


# -- custom values through the services ------------------------------------------------------


def full_values() -> dict:
    return {
        "nickname": "  Lulu ",
        "story": "Arrived in March.\n",
        "household_size": "4",
        "income": "120.50",
        "assessed_on": "2026-01-15",
        "consent": True,
        "risk": "high",
        "needs": ["high", "low"],
        "card_number": "AB-123",
    }


def test_every_kind_is_stored_as_the_contract_says(admin):
    login, services = admin
    published = publish(services, EVERY_KIND)
    created = services.beneficiaries.create({**LAYLA, "custom": full_values()})
    assert dict(created.custom) == {
        "nickname": "Lulu",
        "story": "Arrived in March.",
        "household_size": 4,
        "income": "120.5",
        "assessed_on": "2026-01-15",
        "consent": True,
        "risk": "high",
        "needs": ["low", "high"],  # in the definition's order
        "card_number": "AB-123",
    }
    assert created.form_version == published.version == 1
    with login.db.read() as uow:
        row = uow.session.execute(
            select(BeneficiaryRow.custom, BeneficiaryRow.custom_search).where(
                BeneficiaryRow.id == created.id
            )
        ).one()
    assert row.custom == json.dumps(dict(created.custom), sort_keys=True, separators=(",", ":"))
    assert row.custom_search == "Lulu"
    found = services.beneficiaries.list_page(BeneficiaryQuery(search="lulu"))
    assert [b.id for b in found.rows] == [created.id]

    session = services.case_sessions.create(
        created.id, {**SESSION, "custom": {"mood": "low", "minutes_late": 5}}
    )
    assert dict(session.custom) == {"minutes_late": 5, "mood": "low"} and session.form_version == 1


def test_custom_problems_are_named_custom_key_with_the_built_in_ones(admin):
    _login, services = admin
    publish(services, EVERY_KIND)
    bad = {
        "nickname": "L2",  # pattern
        "story": 7,  # not text
        "household_size": 31,  # out of range
        "income": "lots",
        "assessed_on": "2019-12-31",  # before the minimum
        "consent": "maybe",
        "risk": "extreme",
        "needs": ["low", "low"],
        "shoe_size": 42,  # no such field
    }
    with pytest.raises(ValidationError) as caught:
        services.beneficiaries.create({**LAYLA, "first_name": "", "custom": bad})
    codes = {name: problem.code for name, problem in caught.value.problems.items()}
    assert codes == {
        "first_name": "required",
        "custom.nickname": "pattern_mismatch",
        "custom.story": "not_text",
        "custom.household_size": "out_of_range",
        "custom.income": "not_a_number",
        "custom.assessed_on": "below_minimum",
        "custom.consent": "not_yes_no",
        "custom.risk": "not_a_choice",
        "custom.needs": "repeated_choice",
        "custom.shoe_size": "unknown_field",
    }
    errors = caught.value.errors
    assert errors["custom.household_size"] == "Household size must be between 1 and 30."
    assert errors["custom.assessed_on"] == "Assessed on must be at least 2020-01-01."
    assert errors["custom.risk"] == "Risk must be one of: low, medium, high."
    with pytest.raises(ValidationError) as missing:
        services.beneficiaries.create(LAYLA)
    assert {n: p.code for n, p in missing.value.problems.items()} == {
        "custom.household_size": "required"
    }
    with pytest.raises(ValidationError) as not_object:
        services.beneficiaries.create({**LAYLA, "custom": ["household_size", 3]})
    assert list(not_object.value.problems) == ["custom"]


def test_history_has_one_entry_per_changed_custom_field(admin):
    _login, services = admin
    publish(services, EVERY_KIND)
    created = services.beneficiaries.create(
        {**LAYLA, "custom": {"household_size": 3, "risk": "low"}}
    )
    services.beneficiaries.update(
        created.id, {"custom": {"risk": "high", "consent": False, "household_size": 3}}
    )
    services.beneficiaries.update(created.id, {"custom": {"risk": None}})  # cleared
    history = services.audit.history(created.id)
    updates = [event.changes for event in history if event.action == "update"]
    assert updates == [
        {"custom.risk": ["high", None]},
        {"custom.consent": [None, False], "custom.risk": ["low", "high"]},
    ]
    (create,) = [event.changes for event in history if event.action == "create"]
    assert create["custom.household_size"] == [None, 3] and create["custom.risk"] == [None, "low"]
    stored = services.beneficiaries.get(created.id)
    assert dict(stored.custom) == {"consent": False, "household_size": 3}
    assert stored.version == 3
    unchanged = services.beneficiaries.update(created.id, {"custom": {"household_size": "3"}})
    assert unchanged.version == 3  # the same value: no new version, no event


def test_an_edit_of_built_in_fields_leaves_custom_values_alone(admin):
    _login, services = admin
    publish(services, EVERY_KIND)
    created = services.beneficiaries.create({**LAYLA, "custom": {"household_size": 2}})
    updated = services.beneficiaries.update(created.id, {"notes": "moved"})
    assert dict(updated.custom) == {"household_size": 2} and updated.notes == "moved"
    with pytest.raises(ValidationError) as caught:
        services.beneficiaries.update(created.id, {"phone": "x", "custom": {"household_size": 0}})
    assert set(caught.value.problems) == {"phone", "custom.household_size"}


def test_session_history_and_problems_name_custom_keys(admin):
    _login, services = admin
    publish(services, EVERY_KIND)
    person = services.beneficiaries.create({**LAYLA, "custom": {"household_size": 1}})
    session = services.case_sessions.create(person.id, {**SESSION, "custom": {"mood": "low"}})
    with pytest.raises(ValidationError) as caught:
        services.case_sessions.update(session.id, {"custom": {"mood": "grumpy"}})
    assert list(caught.value.problems) == ["custom.mood"]
    services.case_sessions.update(session.id, {"custom": {"mood": "high", "minutes_late": 2}})
    (event, *_rest) = services.audit.history(session.id)
    assert event.changes == {"custom.minutes_late": [None, 2], "custom.mood": ["low", "high"]}


def test_stored_values_outlive_the_definition_and_stay_read_only(admin):
    """Retired, kind changed, choice removed: the values stay, flagged, and can stay as
    they are on an edit but not change."""
    _login, services = admin
    publish(services, EVERY_KIND)
    created = services.beneficiaries.create(
        {**LAYLA, "custom": {**full_values(), "household_size": 5}}
    )
    newer = json.loads(text_of(EVERY_KIND))
    by_key = {item["key"]: item for item in newer["beneficiary"]["fields"]}
    by_key["story"]["retired"] = True
    by_key["income"] = field("income", "integer")  # was decimal
    by_key["risk"]["choices"] = CHOICES[:2]  # "high" removed
    newer["beneficiary"]["fields"] = list(by_key.values())
    current = publish(services, newer)
    assert current.version == 2

    record = services.beneficiaries.get(created.id)
    assert record.custom["story"] == "Arrived in March."
    assert record.custom["income"] == "120.5" and record.custom["risk"] == "high"
    assert forms.stored_flags(current.beneficiary, record.custom) == {
        "story": StoredFlag.RETIRED,
        "income": StoredFlag.KIND_CHANGED,
        "risk": StoredFlag.CHOICE_REMOVED,
    }
    # an edit of another custom field keeps them as they are
    edited = services.beneficiaries.update(created.id, {"custom": {"household_size": 6}})
    assert {k: edited.custom[k] for k in ("story", "income", "risk")} == {
        "story": "Arrived in March.",
        "income": "120.5",
        "risk": "high",
    }
    assert edited.form_version == 2
    # ... but they cannot change
    with pytest.raises(ValidationError) as caught:
        services.beneficiaries.update(created.id, {"custom": {"story": "Rewritten."}})
    assert caught.value.problems["custom.story"].code == "retired_field"
    with pytest.raises(ValidationError) as caught:
        services.beneficiaries.update(created.id, {"custom": {"income": "99.5"}})
    assert caught.value.problems["custom.income"].code == "not_whole_number"
    # a value that fits the new rules replaces the flagged one
    fixed = services.beneficiaries.update(created.id, {"custom": {"risk": "medium", "income": 99}})
    assert fixed.custom["risk"] == "medium" and fixed.custom["income"] == 99


# -- duplicates and erasure -------------------------------------------------------------------


def test_identifying_custom_fields_find_duplicates_case_aside(admin):
    _login, services = admin
    publish(services, EVERY_KIND)
    first = services.beneficiaries.create(
        {**LAYLA, "custom": {"household_size": 2, "card_number": "ab-123"}}
    )
    other = {"first_name": "Quentin", "last_name": "Morel", "date_of_birth": date(1960, 1, 1)}
    found = services.beneficiaries.possible_duplicates(
        {**other, "custom": {"card_number": "AB-123 "}}
    )
    assert [(d.id, d.reasons) for d in found] == [(first.id, (SAME_VALUE + "custom.card_number",))]
    assert (
        services.beneficiaries.possible_duplicates({**other, "custom": {"card_number": "X"}}) == []
    )
    # a field not marked identifying is not compared
    assert services.beneficiaries.possible_duplicates({**other, "custom": {"risk": "low"}}) == []
    with pytest.raises(ValidationError) as caught:
        services.beneficiaries.possible_duplicates({**other, "custom": {"risk": "nope"}})
    assert list(caught.value.problems) == ["custom.risk"]


def test_erasure_removes_personal_custom_fields_and_their_search_text(admin):
    login, services = admin
    publish(services, EVERY_KIND)
    created = services.beneficiaries.create({**LAYLA, "custom": full_values()})
    session = services.case_sessions.create(created.id, {**SESSION, "custom": {"mood": "low"}})
    with login.db.write() as uow:
        row = uow.session.execute(
            select(BeneficiaryRow).where(BeneficiaryRow.id == created.id)
        ).scalar_one()
        erase_rows(uow.session, Entity.BENEFICIARY, [row])
        session_row = uow.session.execute(
            select(CaseSessionRow).where(CaseSessionRow.id == session.id)
        ).scalar_one()
        erase_rows(uow.session, Entity.CASE_SESSION, [session_row])
        uow.commit()
    with login.db.read() as uow:
        custom, search = uow.session.execute(
            select(BeneficiaryRow.custom, BeneficiaryRow.custom_search).where(
                BeneficiaryRow.id == created.id
            )
        ).one()
        session_custom = uow.session.execute(
            select(CaseSessionRow.custom).where(CaseSessionRow.id == session.id)
        ).scalar_one()
    kept = json.loads(custom)
    assert "card_number" not in kept and kept["risk"] == "high"  # only the personal one goes
    assert search == ""
    assert json.loads(session_custom) == {"mood": "low"}
    # the audit's copies of the values are gone too
    events = services.audit.history(created.id)
    assert all(values == [None, None] for e in events for values in e.changes.values())


# -- demo data through the bulk path -------------------------------------------------------


@pytest.mark.parametrize("name", TEMPLATES)
def test_demo_records_fill_every_kind_through_the_bulk_path(admin, name):
    login, services = admin
    published = publish(services, template(name))
    records = list(demo_records(60, 2, seed=5, today=date(2026, 6, 1), definition=published))
    BulkImporter(login.db, login.actor, chunk_size=25).import_records(records, total=60)
    with login.db.read() as uow:
        rows = uow.session.execute(
            select(BeneficiaryRow.custom, BeneficiaryRow.form_version, BeneficiaryRow.custom_search)
        ).all()
        sessions = uow.session.execute(
            select(CaseSessionRow.custom, CaseSessionRow.form_version)
        ).all()
    assert len(rows) == 60 and len(sessions) == 120
    assert {row.form_version for row in rows} == {1} == {s.form_version for s in sessions}
    definition = published.beneficiary
    seen_kinds = set()
    for row in rows:
        values = json.loads(row.custom)
        cleaned, problems, _ = forms.check_values(definition, values)
        assert problems == {} and cleaned == values  # valid, and in the stored form
        assert row.custom_search == forms.search_text(definition, values)
        seen_kinds |= {definition.field(key).kind for key in values}
    for row in sessions:
        values = json.loads(row.custom)
        assert forms.check_values(published.session, values)[1] == {}
        seen_kinds |= {published.session.field(key).kind for key in values}
    every = {item.kind for item in (*definition.active, *published.session.active)}
    assert seen_kinds == every


def test_demo_built_in_fields_do_not_depend_on_the_definition():
    definition = forms.parse(template("child_protection"))
    plain = list(demo_records(10, 2, seed=3, today=date(2026, 1, 1)))
    custom = list(demo_records(10, 2, seed=3, today=date(2026, 1, 1), definition=definition))
    for (person, sessions), (with_custom, custom_sessions) in zip(plain, custom, strict=True):
        assert "custom" not in person
        assert {k: v for k, v in with_custom.items() if k != "custom"} == person
        assert (
            with_custom["custom"]["risk_level"]
            in definition.beneficiary.field("risk_level").choice_values
        )
        assert [{k: v for k, v in s.items() if k != "custom"} for s in custom_sessions] == sessions


def test_bulk_refuses_custom_keys_the_definition_does_not_have(admin):
    login, services = admin
    publish(services, EVERY_KIND)
    records = [({**LAYLA, "custom": {"household_size": 2, "shoe_size": 41}}, [])]
    with pytest.raises(ValidationError) as caught:
        BulkImporter(login.db, login.actor).import_records(records)
    assert list(caught.value.errors) == ["record 1: custom.shoe_size"]
    with login.db.read() as uow:
        assert uow.session.execute(select(BeneficiaryRow.id)).first() is None
