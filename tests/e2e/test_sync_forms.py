"""The organisation's form definition and custom values across laptops and a real server.

Each test runs on SQLite and on PostgreSQL (the server's ``backend`` fixture): laptops
are real encrypted databases, the server a real ``caseload-server`` process on loopback.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from desktop.domain.records import BeneficiaryQuery
from desktop.services.conflicts import Choice
from desktop.services.forms import template_text
from tests.e2e.conftest import Laptop, server_records
from tests.server.conftest import backend, server, servers  # noqa: F401

CHILD = "child_protection"
CHILD_VALUES = {
    "guardian_name": "Samira Haddad",
    "risk_level": "low",
    "assessment_date": "2026-03-02",
    "siblings": 2,
}


@pytest.fixture
def laptops(tmp_path, server) -> Iterator:  # noqa: F811
    """Laptops whose admins are linked to server accounts of one new organisation."""
    made: list[Laptop] = []
    organisation = f"org-{uuid.uuid4().hex[:8]}"

    def make(role: str = "supervisor") -> Laptop:
        user = server.new_user(role, organisation=organisation)
        laptop = Laptop(tmp_path / f"laptop-{len(made)}", server, user)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()


def publish_template(laptop: Laptop, name: str = CHILD) -> None:
    laptop.services.forms.import_text(template_text(name))
    laptop.services.forms.publish()


def register(laptop: Laptop, **custom) -> str:
    values = {"first_name": "Amal", "last_name": "Haddad", "custom": {**CHILD_VALUES, **custom}}
    return laptop.services.beneficiaries.create(values).id


def test_a_definition_published_on_one_laptop_reaches_the_others_before_its_records(laptops):
    admin, colleague = laptops("admin"), laptops()
    publish_template(admin)
    record_id = register(admin)
    report = admin.sync()
    assert report.errors == 0 and report.sent == 1
    held = server_records(admin.server, admin.server_user, "beneficiary")[record_id]["data"]
    assert held["custom"]["risk_level"] == "low" and held["form_version"] == 1

    report = colleague.sync()
    assert report.errors == 0 and report.forms_version == 1
    current = colleague.services.forms.current()
    assert current.version == 1 and current.beneficiary.field("risk_level") is not None
    pulled = colleague.services.beneficiaries.get(record_id)
    assert dict(pulled.custom) == CHILD_VALUES and pulled.form_version == 1
    # The searchable guardian's name came with its search text.
    found = colleague.services.beneficiaries.list_page(BeneficiaryQuery(search="samira"))
    assert [b.id for b in found.rows] == [record_id]
    assert colleague.sync().forms_version == 0  # nothing new the second time


def test_a_laptop_on_an_older_definition_syncs_with_a_newer_server(laptops):
    admin, colleague = laptops("admin"), laptops()
    publish_template(admin)
    record_id = register(admin)
    admin.sync()
    colleague.sync()
    # Version 2 on the admin's laptop: a new required field.
    newer = admin.services.forms.current()
    document = __import__("json").loads(admin.services.forms.export_text())
    document["beneficiary"]["fields"].append(
        {
            "key": "school_name",
            "kind": "text",
            "label": {lang: "School" for lang in newer.languages},
            "required": True,
        }
    )
    admin.services.forms.import_text(__import__("json").dumps(document))
    admin.services.forms.publish()
    assert admin.sync().errors == 0
    # The colleague edits under version 1, offline; their next sync pulls version 2 first,
    # then their version-1 record is accepted and marked incomplete on the server.
    colleague.services.beneficiaries.update(record_id, {"custom": {"siblings": 3}})
    assert colleague.services.beneficiaries.get(record_id).form_version == 1
    report = colleague.sync()
    assert report.errors == 0 and report.forms_version == 2
    held = server_records(admin.server, admin.server_user, "beneficiary")[record_id]["data"]
    assert held["custom"]["siblings"] == 3 and held["form_version"] == 1
    assert held["incomplete_fields"] == ["custom.school_name"]
    # From now on the colleague's form asks for the new field.
    assert colleague.services.forms.current().beneficiary.field("school_name").required


def test_two_edits_of_one_custom_field_end_in_a_conflict_holding_both(laptops):
    first, second = laptops("admin"), laptops()
    publish_template(first)
    record_id = register(first)
    first.sync()
    second.sync()
    first.services.beneficiaries.update(record_id, {"custom": {"risk_level": "high"}})
    second.services.beneficiaries.update(
        record_id, {"custom": {"risk_level": "medium", "siblings": 4}}
    )
    assert first.sync().errors == 0
    report = second.sync()
    assert report.conflicts == 1
    (conflict,) = second.services.conflicts.open_conflicts(record_id)
    assert (conflict.field, conflict.base_value, conflict.local_value, conflict.server_value) == (
        "custom.risk_level",
        "low",
        "medium",
        "high",
    )
    # The field changed on one side only merged; the clash waits with both values.
    waiting = second.services.beneficiaries.get(record_id)
    assert waiting.custom["siblings"] == 4 and waiting.custom["risk_level"] == "medium"
    second.services.conflicts.resolve(conflict.id, Choice.THEIRS)
    decided = second.services.beneficiaries.get(record_id)
    assert decided.custom["risk_level"] == "high" and decided.custom["siblings"] == 4
    assert second.sync().errors == 0
    first.sync()
    on_first = first.services.beneficiaries.get(record_id)
    assert (on_first.custom["risk_level"], on_first.custom["siblings"]) == ("high", 4)


def test_a_publish_refused_by_the_server_is_said_and_the_servers_version_wins(laptops):
    """Two admins publish offline; the second to sync is told, and gets the first's."""
    one, other = laptops("admin"), laptops("admin")
    publish_template(one)
    publish_template(other, "cash_assistance")
    assert one.sync().errors == 0
    report = other.sync()
    assert any("was not sent to the server" in warning for warning in report.warnings)
    current = other.services.forms.current()
    assert current.version == 1 and current.beneficiary.field("risk_level") is not None
    # Their own definition is not lost: it is the draft, to publish over the server's.
    assert other.services.forms.draft().beneficiary.field("payment_method") is not None
