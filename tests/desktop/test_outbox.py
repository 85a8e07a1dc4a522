"""The outbox state machine, typed pulled changes and the one batched result path,
on a real encrypted database."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from desktop.domain.enums import Entity, OutboxOp, SyncStatus
from desktop.services.beneficiaries import BeneficiaryService
from desktop.store.tables import BeneficiaryRow, OutboxRow, SyncBaseRow, UserRow
from desktop.sync import wire
from desktop.sync.outbox import (
    MOVES,
    OutboxState,
    OutboxStateError,
    Upload,
    move,
    move_all,
    recover,
)
from desktop.sync.pull import PulledChange, parse_change
from desktop.sync.records import UserMap, local_canonical
from desktop.sync.results import apply_results
from desktop.sync.run import SyncReport
from desktop.sync.wire import ProtocolError

SERVER_SAM = "server-id-of-sam"


def test_every_state_has_its_moves_and_only_those_are_made():
    assert set(MOVES) == set(OutboxState)
    assert OutboxRow.__table__.c.state.default.arg == OutboxState.PENDING
    for current in OutboxState:
        for target in OutboxState:
            row = OutboxRow(id=1, state=current.value)
            if target in MOVES[current]:
                move(row, target)
                assert row.state == target.value
            else:
                with pytest.raises(OutboxStateError, match=f"{current} → {target}"):
                    move(row, target)
                assert row.state == current.value
    # Every row can be retried; nothing but an upload ends in error or conflict.
    assert all(OutboxState.PENDING in targets for targets in MOVES.values())
    assert [s for s in OutboxState if OutboxState.CONFLICT in MOVES[s]] == [OutboxState.UPLOADING]


def test_a_row_a_crash_left_uploading_is_pending_again_with_a_new_key_if_edited(office):
    login = office.login("sam")
    service = BeneficiaryService(login.db, login.actor)
    kept, edited = (service.create({"first_name": n, "last_name": "Row"}) for n in ("Kim", "Lee"))
    with login.db.write() as uow:
        uow.session.execute(update(OutboxRow).values(state=OutboxState.UPLOADING.value))
        uow.commit()
    service.update(edited.id, {"first_name": "Leo"})  # during the upload
    with login.db.read() as uow:
        keys = {
            rid: key
            for rid, key in uow.session.execute(
                select(OutboxRow.entity_id, OutboxRow.idempotency_key)
            )
        }
    with login.db.write() as uow:
        recover(uow.session)
        uow.commit()
    with login.db.read() as uow:
        rows = {r.entity_id: r for r in uow.session.execute(select(OutboxRow.__table__))}
    assert {r.state for r in rows.values()} == {OutboxState.PENDING}
    assert rows[kept.id].idempotency_key == keys[kept.id]
    assert rows[edited.id].idempotency_key != keys[edited.id]


def test_pulled_changes_are_typed_records():
    session_change = parse_change(
        {
            "entity": "case_session",
            "id": "s1",
            "version": 3,
            "deleted": False,
            "data": {"beneficiary_id": "b1", "kind": "phone", "status": "done"},
        }
    )
    assert isinstance(session_change, PulledChange)
    assert (session_change.entity, session_change.id, session_change.version) == (
        Entity.CASE_SESSION,
        "s1",
        3,
    )
    assert session_change.beneficiary_id == "b1" and not session_change.left
    gone = parse_change(
        {"entity": "beneficiary", "id": "b2", "version": 4, "deleted": True, "data": None}
    )
    assert gone.deleted and gone.data == {} and gone.beneficiary_id is None
    left = parse_change({"id": "b3", "left": True})
    assert left.left and left.id == "b3" and left.entity == Entity.BENEFICIARY
    with pytest.raises(ProtocolError, match="unknown entity"):
        parse_change({"entity": "invoice", "id": "x", "version": 1, "deleted": False, "data": {}})
    with pytest.raises(ProtocolError):
        parse_change({"entity": "beneficiary", "id": "x"})


def test_one_batch_of_mixed_answers_is_written_in_one_pass(office):
    """Applied, applied while edited again, refused and an already deleted record, together."""
    login = office.login("sam")
    service = BeneficiaryService(login.db, login.actor)
    names = ("Ann", "Bob", "Cyd", "Dee")
    applied, edited, refused, deleted = (
        service.create({"first_name": n, "last_name": "Batch"}) for n in names
    )
    service.delete(deleted.id)
    with login.db.write() as uow:
        session = uow.session
        session.execute(
            update(UserRow).where(UserRow.id == login.actor.id).values(server_user_id=SERVER_SAM)
        )
        session.execute(update(OutboxRow).values(state=OutboxState.UPLOADING.value))
        users = UserMap(session)
        rows = {r.entity_id: r for r in session.execute(select(OutboxRow.__table__))}
        records = {r.id: r for r in session.execute(select(BeneficiaryRow)).scalars()}
        uploads = [
            Upload(rows[b.id].id, Entity.BENEFICIARY, b.id, OutboxOp(rows[b.id].op), {})
            for b in (applied, edited, refused, deleted)
        ]
        server_copy = {
            b.id: wire.to_wire(
                Entity.BENEFICIARY, local_canonical(Entity.BENEFICIARY, records[b.id], users)
            )
            for b in (applied, edited)
        }
        uow.commit()
    service.update(edited.id, {"first_name": "Bea"})  # while its upload is under way
    with login.db.read() as uow:
        old_key = uow.session.get(OutboxRow, rows[edited.id].id).idempotency_key
    results = [
        {"status": "applied", "version": 1, "record": server_copy[applied.id]},
        {"status": "applied", "version": 1, "record": server_copy[edited.id]},
        {
            "status": "rejected",
            "code": "invalid",
            "message": "refused",
            "errors": {"phone": "too long"},
        },
        {"status": "rejected", "code": "not_found"},
    ]
    report = SyncReport()
    with login.db.write() as uow:
        apply_results(
            uow.session,
            UserMap(uow.session),
            uploads,
            results,
            report,
            fallback_owner=login.actor.id,
        )
        uow.commit()

    assert (report.sent, report.errors, report.conflicts) == (2, 1, 0)
    with login.db.read() as uow:
        session = uow.session
        outbox = {r.entity_id: r for r in session.execute(select(OutboxRow.__table__))}
        records = {r.id: r for r in session.execute(select(BeneficiaryRow.__table__))}
        bases = {r.entity_id for r in session.execute(select(SyncBaseRow)).scalars()}
    assert set(outbox) == {edited.id, refused.id}  # the applied and the deleted one are settled
    assert (records[applied.id].server_version, records[applied.id].sync_status) == (
        1,
        SyncStatus.SYNCED,
    )
    again = outbox[edited.id]
    assert (again.state, again.base_version, again.attempts) == (OutboxState.PENDING, 1, 0)
    assert again.idempotency_key != old_key and again.sent_payload is None
    assert (records[edited.id].server_version, records[edited.id].sync_status) == (
        1,
        SyncStatus.PENDING,
    )
    assert records[edited.id].first_name == "Bea"
    assert outbox[refused.id].state == OutboxState.ERROR
    assert outbox[refused.id].last_error == "refused (phone: too long)"
    assert records[refused.id].sync_status == SyncStatus.ERROR
    assert records[deleted.id].sync_status == SyncStatus.SYNCED
    assert bases == {applied.id, edited.id}


def test_an_answer_not_understood_writes_nothing(office):
    login = office.login("sam")
    record = BeneficiaryService(login.db, login.actor).create(
        {"first_name": "Eve", "last_name": "Odd"}
    )
    with login.db.write() as uow:
        uow.session.execute(update(OutboxRow).values(state=OutboxState.UPLOADING.value))
        row = uow.session.execute(select(OutboxRow)).scalar_one()
        upload = Upload(row.id, Entity.BENEFICIARY, record.id, OutboxOp.UPSERT, {})
        uow.commit()
    for answer in ({"status": "applied", "version": "7"}, {"status": "maybe"}):
        with login.db.write() as uow, pytest.raises(ProtocolError):
            apply_results(
                uow.session,
                UserMap(uow.session),
                [upload],
                [answer],
                SyncReport(),
                fallback_owner="x",
            )
    with login.db.read() as uow:
        assert uow.session.execute(select(OutboxRow.state)).scalar_one() == OutboxState.UPLOADING


def test_the_bulk_move_moves_only_rows_allowed_to_make_it(office):
    login = office.login("sam")
    service = BeneficiaryService(login.db, login.actor)
    ids = [service.create({"first_name": n, "last_name": "Bulk"}).id for n in ("Ivy", "Jo", "Kai")]
    with login.db.write() as uow:
        session = uow.session
        session.execute(
            update(OutboxRow).where(OutboxRow.entity_id == ids[2]).values(state="error")
        )
        oids = [{"oid": oid} for oid in session.execute(select(OutboxRow.id)).scalars()]
        move_all(session, OutboxState.UPLOADING, oids, attempts=OutboxRow.attempts + 1)
        uow.commit()
    with login.db.read() as uow:
        rows = {r.entity_id: r for r in uow.session.execute(select(OutboxRow.__table__))}
    assert [(rows[i].state, rows[i].attempts) for i in ids] == [
        (OutboxState.UPLOADING, 1),
        (OutboxState.UPLOADING, 1),
        (OutboxState.ERROR, 0),  # an error goes back to pending first, never straight up
    ]
