"""Issue 14 point 5 (local side): a referral is made offline, only with consent, through
the one write path (version, audit, outbox); its shared preview holds only what the form
definition marks shareable (nothing by default); access follows the beneficiary."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from desktop.domain.enums import ReferralState
from desktop.errors import NotFound, PermissionDenied, UserError, ValidationError

DEFINITION = {
    "format": "caseload-forms/1",
    "languages": ["en"],
    "beneficiary": {
        "fields": [
            {"key": "school", "kind": "text", "label": "School", "shareable": True},
            {"key": "card", "kind": "text", "label": "Card no.", "identifying": True},
        ],
        "shareable": ["last_name", "date_of_birth"],
    },
}
GRACE = {
    "first_name": "Grace",
    "last_name": "Achieng",
    "date_of_birth": "2012-06-01",
    "phone": "+256 700 987654",
    "notes": "In confidence.",
}


def rows(services, sql: str, **params):
    with services._login.db.read() as uow:
        return [tuple(r) for r in uow.session.execute(text(sql), params)]


def test_nothing_is_shared_by_default_and_consent_is_required(office):
    cara = office.services("cara")
    person = cara.beneficiaries.create(GRACE)
    assert cara.referrals.shared_preview(person.id) == []
    with pytest.raises(ValidationError) as refused:
        cara.referrals.send(person.id, "Youth Services", "School", consent=False)
    assert "consent" in str(refused.value)
    with pytest.raises(ValidationError):
        cara.referrals.send(person.id, "  ", "School", consent=True)
    assert rows(cara, "SELECT count(*) FROM referrals") == [(0,)]
    assert rows(cara, "SELECT count(*) FROM outbox WHERE entity = 'referral'") == [(0,)]


def test_a_referral_is_written_once_with_its_consent_audit_and_outbox(office):
    admin = office.services("admin")
    admin.forms.import_text(json.dumps(DEFINITION))
    admin.forms.publish()
    cara = office.services("cara")
    person = cara.beneficiaries.create({**GRACE, "custom": {"school": "Kisenyi", "card": "C-9"}})
    preview = cara.referrals.shared_preview(person.id)
    assert [(i.name, i.shown) for i in preview] == [
        ("last_name", "Achieng"),
        ("date_of_birth", "2012-06-01"),
        ("custom.school", "Kisenyi"),
    ]
    made = cara.referrals.send(person.id, "Youth Services", "Needs school support", consent=True)
    assert (made.state, made.to_organisation, made.sync_status) == (
        ReferralState.PROPOSED,
        "Youth Services",
        "pending",
    )
    (stored,) = rows(
        cara,
        "SELECT consent_given, consent_by, consent_at IS NOT NULL, caseworker_id FROM referrals",
    )
    assert stored == (1, cara.actor.id, 1, cara.actor.id)
    assert rows(cara, "SELECT op FROM outbox WHERE entity = 'referral'") == [("upsert",)]
    assert rows(cara, "SELECT action, user_id FROM audit_events WHERE entity = 'referral'") == [
        ("create", cara.actor.id)
    ]
    # The record carries no beneficiary values: the server builds the shared copy.
    (columns,) = rows(cara, "SELECT * FROM referrals")
    assert "Kisenyi" not in str(columns) and "C-9" not in str(columns)

    cara.referrals.withdraw(made.id)
    assert cara.referrals.get(made.id).state is ReferralState.WITHDRAWN
    with pytest.raises(UserError):
        cara.referrals.withdraw(made.id)
    assert rows(cara, "SELECT count(*) FROM outbox WHERE entity = 'referral'") == [(1,)]
    # A supervisor sees the office's referrals.
    assert [r.id for r in office.services("sam").referrals.sent()] == [made.id]


def test_a_caseworker_cannot_refer_or_read_another_caseload(office):
    cara, colin = office.services("cara"), office.services("colin")
    person = cara.beneficiaries.create(GRACE)
    made = cara.referrals.send(person.id, "Youth Services", "", consent=True)
    with pytest.raises((NotFound, PermissionDenied)):
        colin.referrals.send(person.id, "Youth Services", "", consent=True)
    with pytest.raises((NotFound, PermissionDenied)):
        colin.referrals.for_beneficiary(person.id)
    assert colin.referrals.sent() == []
    with pytest.raises(NotFound):
        colin.referrals.get(made.id)
    # Incoming referrals are for supervisors and admins.
    with pytest.raises(PermissionDenied):
        cara.referrals.incoming(cara.sync)


def test_the_case_history_holds_the_referral(office):
    cara = office.services("cara")
    person = cara.beneficiaries.create(GRACE)
    made = cara.referrals.send(person.id, "Youth Services", "School", consent=True)
    sam = office.services("sam")
    events = [(e.entity, e.action) for e in sam.audit.case_history(person.id)]
    assert ("referral", "create") in events
    (event,) = [e for e in sam.audit.case_history(person.id) if e.entity_id == made.id]
    assert event.changes["to_organisation"] == [None, "Youth Services"]
