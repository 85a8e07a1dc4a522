"""Issue 14 point 5: a referral from one organisation's laptop to another's, end to end.

Real encrypted laptops of two organisations and a real server process (SQLite and
PostgreSQL): organisation A refers a person with consent; B's supervisor sees only the
values A's form definition marks shareable, accepts, and a beneficiary of B exists with
only those values; a decline comes back to A with its reason; a referral without
consent is refused; values A did not mark shareable (a custom field, the notes, the
phone) are in nothing B's laptop can read.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest

from desktop.domain import forms
from desktop.domain.enums import ReferralState
from desktop.domain.records import BeneficiaryQuery
from desktop.errors import ValidationError
from desktop.store.tables import AuditEventRow
from tests.e2e.conftest import Laptop, server_records
from tests.server.conftest import backend, server, servers  # noqa: F401

SECRET_NOTES = "Disclosed a family matter in confidence (NOT-SHARED-N1)."
SECRET_CUSTOM = "NOT-SHARED-C2"
SECRET_PHONE = "+256 700 987654"

DEFINITION = {
    "format": "caseload-forms/1",
    "languages": ["en"],
    "beneficiary": {
        "fields": [
            {"key": "school", "kind": "text", "label": "School", "shareable": True},
            {"key": "case_file", "kind": "text", "label": "Case file", "identifying": True},
        ],
        "shareable": ["first_name", "last_name", "date_of_birth"],
    },
}


@pytest.fixture
def orgs(tmp_path, server) -> Iterator:  # noqa: F811
    """Laptops of two organisations on one server: make("a", role) or make("b", role)."""
    made: list[Laptop] = []
    names = {side: f"{side}-org-{uuid.uuid4().hex[:6]}" for side in ("a", "b")}

    def make(side: str, role: str = "supervisor") -> Laptop:
        user = server.new_user(role, organisation=names[side])
        laptop = Laptop(tmp_path / f"laptop-{len(made)}", server, user)
        made.append(laptop)
        return laptop

    make.names = names
    yield make
    for laptop in made:
        laptop.close()


def _sender(orgs) -> Laptop:
    admin = orgs("a", "admin")
    admin.services.forms.import_text(json.dumps(DEFINITION))
    admin.services.forms.publish()
    assert admin.sync().errors == 0
    worker = orgs("a", "caseworker")
    assert worker.sync().errors == 0  # the definition arrives
    assert worker.services.forms.current().beneficiary.shareable_builtins
    return worker


def _person(laptop: Laptop) -> str:
    return laptop.services.beneficiaries.create(
        {
            "first_name": "Grace",
            "last_name": "Achieng",
            "date_of_birth": "2012-06-01",
            "phone": SECRET_PHONE,
            "notes": SECRET_NOTES,
            "custom": {"school": "Kisenyi Primary", "case_file": SECRET_CUSTOM},
        }
    ).id


def _everything_b_reads(receiver: Laptop) -> str:
    """Every record and audit value of B's laptop database, as text."""
    with receiver.login.db.read() as uow:
        rows = []
        for row_type in (*forms_tables(), AuditEventRow):
            for row in uow.session.query(row_type).all():
                rows.append({c.name: str(getattr(row, c.key)) for c in row.__table__.columns})
    return json.dumps(rows, ensure_ascii=False)


def forms_tables():
    from desktop.store.tables import BeneficiaryRow, CaseSessionRow, ReferralRow, TaskRow

    return (BeneficiaryRow, CaseSessionRow, TaskRow, ReferralRow)


def test_a_referral_with_consent_is_accepted_with_only_the_shared_values(orgs):
    receiver = orgs("b", "supervisor")
    worker = _sender(orgs)
    person = _person(worker)
    preview = worker.services.referrals.shared_preview(person)
    assert [(item.name, item.shown) for item in preview] == [
        ("first_name", "Grace"),
        ("last_name", "Achieng"),
        ("date_of_birth", "2012-06-01"),
        ("custom.school", "Kisenyi Primary"),
    ]
    with pytest.raises(ValidationError):
        worker.services.referrals.send(person, orgs.names["b"], "School support", consent=False)
    assert worker.services.referrals.for_beneficiary(person) == []

    organisations = worker.services.referrals.organisations(worker.services.sync)
    assert orgs.names["b"] in organisations and orgs.names["a"] not in organisations
    sent = worker.services.referrals.send(
        person, orgs.names["b"], "Needs school support.", consent=True
    )
    assert sent.state is ReferralState.PROPOSED
    assert worker.sync().errors == 0

    (incoming,) = receiver.services.referrals.incoming(receiver.services.sync)
    assert incoming.id == sent.id and incoming.from_organisation == orgs.names["a"]
    assert [(i.name, i.shown) for i in incoming.shared] == [(i.name, i.shown) for i in preview]
    case_number = receiver.services.referrals.accept(receiver.services.sync, sent.id)
    assert receiver.sync().errors == 0
    page = receiver.services.beneficiaries.list_page(BeneficiaryQuery())
    (made,) = page.rows
    assert made.case_number == case_number and made.id != person
    arrived = receiver.services.beneficiaries.get(made.id)
    assert (arrived.first_name, arrived.last_name, str(arrived.date_of_birth)) == (
        "Grace",
        "Achieng",
        "2012-06-01",
    )
    assert arrived.phone == "" and "Kisenyi Primary" in arrived.notes
    everything = _everything_b_reads(receiver) + json.dumps(
        server_records(receiver.server, receiver.server_user, "beneficiary")
    )
    for secret in (SECRET_NOTES, SECRET_CUSTOM, SECRET_PHONE, person, worker.server_user.id):
        assert secret not in everything
    with receiver.login.db.read() as uow:
        actions = {e.action for e in uow.session.query(AuditEventRow).all()}
    assert "referral_accept" in actions

    assert worker.sync().errors == 0
    (outcome,) = worker.services.referrals.for_beneficiary(person)
    assert outcome.state is ReferralState.ACCEPTED


def test_a_declined_referral_shows_the_reason_to_the_sender(orgs):
    receiver = orgs("b", "supervisor")
    worker = _sender(orgs)
    person = _person(worker)
    sent = worker.services.referrals.send(person, orgs.names["b"], "Housing", consent=True)
    assert worker.sync().errors == 0
    with pytest.raises(ValidationError):
        receiver.services.referrals.decline(receiver.services.sync, sent.id, "  ")
    receiver.services.referrals.decline(receiver.services.sync, sent.id, "No places left.")
    assert receiver.services.referrals.incoming(receiver.services.sync, state="proposed") == []
    assert worker.sync().errors == 0
    (outcome,) = worker.services.referrals.for_beneficiary(person)
    assert (outcome.state, outcome.decision_note) == (ReferralState.DECLINED, "No places left.")
    assert receiver.sync().errors == 0
    assert not receiver.services.beneficiaries.list_page(BeneficiaryQuery()).rows


def test_nothing_is_shared_by_default(orgs):
    """A definition that marks nothing: the referral goes, with no values in it."""
    receiver = orgs("b", "supervisor")
    admin = orgs("a", "admin")
    person = admin.services.beneficiaries.create({"first_name": "Omar", "last_name": "Said"}).id
    assert admin.services.referrals.shared_preview(person) == []
    assert forms.EMPTY.beneficiary.shareable_builtins == ()
    admin.services.referrals.send(person, orgs.names["b"], "", consent=True)
    assert admin.sync().errors == 0
    (incoming,) = receiver.services.referrals.incoming(receiver.services.sync)
    assert incoming.shared == ()


def test_the_referral_commands_send_list_and_decide(orgs):
    """``caseload referral send|list|accept|decline`` as real processes on both laptops."""
    from tests.desktop.test_cli import caseload
    from tests.e2e.conftest import LOCAL_PASSWORD

    receiver = orgs("b", "supervisor")
    worker = _sender(orgs)
    person = worker.services.beneficiaries.get(_person(worker))
    to = orgs.names["b"]

    def run(laptop: Laptop, *args: str):
        return caseload(laptop.paths.root, "referral", *args, password=LOCAL_PASSWORD)

    refused = run(worker, "send", person.case_number, "--to", to, "--note", "Schooling")
    assert refused.returncode != 0 and "consent" in refused.stderr
    assert worker.services.referrals.for_beneficiary(person.id) == []
    for note in ("Schooling", "Housing"):
        made = run(worker, "send", person.case_number, "--to", to, "--consent", "--note", note)
        assert made.returncode == 0, made.stderr
        assert "first_name, last_name, date_of_birth, custom.school" in made.stdout
    assert worker.sync().errors == 0
    listed = run(worker, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["state"] for r in json.loads(listed.stdout)] == ["proposed", "proposed"]

    incoming = run(receiver, "list", "--incoming", "--json")
    assert incoming.returncode == 0, incoming.stderr
    first, second = json.loads(incoming.stdout)
    assert first["shared"] == {
        "first_name": "Grace",
        "last_name": "Achieng",
        "date_of_birth": "2012-06-01",
        "custom.school": "Kisenyi Primary",
    }
    assert SECRET_NOTES not in incoming.stdout and SECRET_CUSTOM not in incoming.stdout
    accepted = run(receiver, "accept", first["id"])
    assert accepted.returncode == 0, accepted.stderr
    no_reason = run(receiver, "decline", second["id"])
    assert no_reason.returncode != 0
    declined = run(receiver, "decline", second["id"], "--note", "Full")
    assert declined.returncode == 0, declined.stderr

    assert worker.sync().errors == 0
    states = {(r["note"], r["state"]) for r in json.loads(run(worker, "list", "--json").stdout)}
    assert states == {("Schooling", "accepted"), ("Housing", "declined")}


def test_the_receiving_supervisor_decides_in_the_incoming_referrals_window(qtbot, orgs):
    """Real widgets on B's laptop, a real server: the list, the shared values, decline
    (a reason required) and accept by clicks and keys; A's laptop then shows both."""
    from PySide6.QtCore import Qt

    from desktop.ui.referral_dialog import IncomingReferralsDialog

    receiver = orgs("b", "supervisor")
    worker = _sender(orgs)
    person = _person(worker)
    for note in ("Schooling", "Housing"):
        worker.services.referrals.send(person, orgs.names["b"], note, consent=True)
    assert worker.sync().errors == 0

    referrals, account = receiver.services.referrals, receiver.services.sync
    dialog = IncomingReferralsDialog(
        None,
        lambda: referrals.incoming(account, state="proposed"),
        lambda rid, note: referrals.accept(account, rid, note=note),
        lambda rid, note: referrals.decline(account, rid, note),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 2, timeout=20_000)
    texts = [dialog.list.item(r, 2).text() for r in range(2)]
    assert texts == ["Schooling", "Housing"]
    shown = [dialog.shared.item(r, 1).text() for r in range(dialog.shared.rowCount())]
    assert shown == ["Grace", "Achieng", "2012-06-01", "Kisenyi Primary"]
    assert SECRET_CUSTOM not in str(shown) and SECRET_NOTES not in str(shown)

    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # the Housing one
    qtbot.mouseClick(dialog.decline_button, Qt.MouseButton.LeftButton)
    assert "Say why" in dialog.status.text()  # no reason: nothing sent
    qtbot.keyClicks(dialog.note, "No places left.")
    qtbot.mouseClick(dialog.decline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 1, timeout=20_000)
    dialog.list.setFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Accept
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 0, timeout=20_000)
    assert dialog.status.text().startswith("Accepted: case ")
    assert dialog.status.text().endswith("waiting for an answer.")

    assert worker.sync().errors == 0
    states = {(r.note, r.state) for r in worker.services.referrals.for_beneficiary(person)}
    assert states == {("Schooling", ReferralState.ACCEPTED), ("Housing", ReferralState.DECLINED)}
