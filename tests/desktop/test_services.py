"""Beneficiaries and sessions through the services: audit, outbox, the paged list."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from desktop.domain.enums import BeneficiaryStatus, ClosureReason, SyncStatus
from desktop.domain.records import BeneficiaryQuery, SortKey
from desktop.errors import NotFound, UserError, ValidationError
from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.store.tables import AuditEventRow, BeneficiaryRow, OutboxRow

LAYLA = {"first_name": "Layla", "last_name": "Haddad", "date_of_birth": date(1990, 4, 1)}


def outbox_rows(login):
    with login.db.read() as uow:
        return [
            (row.entity, row.entity_id, row.op, row.idempotency_key)
            for row in uow.session.execute(select(OutboxRow).order_by(OutboxRow.id)).scalars()
        ]


def audit_rows(login, entity_id):
    with login.db.read() as uow:
        return uow.session.execute(
            select(AuditEventRow.action, AuditEventRow.changes)
            .where(AuditEventRow.entity_id == entity_id)
            .order_by(AuditEventRow.id)
        ).all()


@pytest.fixture
def cara(office):
    login = office.login("cara")
    from desktop.services import Services

    return login, Services.for_session(login, office.accounts)


def test_create_writes_audit_and_outbox(cara):
    login, services = cara
    created = services.beneficiaries.create(LAYLA)
    assert created.case_number.count("-") == 1 and created.version == 1
    assert created.sync_status == SyncStatus.PENDING
    assert created.caseworker_id == login.actor.id
    (entry,) = outbox_rows(login)
    assert entry[:3] == ("beneficiary", created.id, "upsert")
    (event,) = audit_rows(login, created.id)
    assert event.action == "create" and '"Layla"' in event.changes


def test_repeated_edits_keep_one_outbox_row(cara):
    login, services = cara
    created = services.beneficiaries.create(LAYLA)
    for phone in ("+254 700 000001", "+254 700 000002", "+254 700 000003"):
        services.beneficiaries.update(created.id, {"phone": phone})
    rows = outbox_rows(login)
    assert len(rows) == 1
    assert services.beneficiaries.get(created.id).version == 4
    actions = [event.action for event in audit_rows(login, created.id)]
    assert actions == ["create", "update", "update", "update"]


def test_failed_validation_writes_nothing(cara):
    login, services = cara
    created = services.beneficiaries.create(LAYLA)
    with pytest.raises(ValidationError) as error:
        services.beneficiaries.update(created.id, {"first_name": "", "email": "nope"})
    assert set(error.value.errors) == {"first_name", "email"}
    assert services.beneficiaries.get(created.id).first_name == "Layla"
    assert len(audit_rows(login, created.id)) == 1


def test_stale_edit_is_refused_not_overwritten(cara):
    _, services = cara
    created = services.beneficiaries.create(LAYLA)
    services.beneficiaries.update(created.id, {"notes": "first"}, expected_version=1)
    with pytest.raises(UserError, match="changed elsewhere"):
        services.beneficiaries.update(created.id, {"notes": "second"}, expected_version=1)
    assert services.beneficiaries.get(created.id).notes == "first"


def test_close_reopen_and_sessions_on_closed_cases(cara):
    _, services = cara
    created = services.beneficiaries.create(LAYLA)
    closed = services.beneficiaries.close(created.id, ClosureReason.GOALS_MET)
    assert closed.status == BeneficiaryStatus.CLOSED
    with pytest.raises(UserError, match="closed"):
        services.case_sessions.create(created.id, {"starts_at": datetime(2026, 1, 1, 9)})
    assert services.beneficiaries.reopen(created.id).status == BeneficiaryStatus.ACTIVE


def test_closing_needs_a_reason_and_other_needs_a_note(cara):
    login, services = cara
    created = services.beneficiaries.create(LAYLA)
    with pytest.raises(ValidationError) as missing:
        services.beneficiaries.close(created.id, None)
    assert set(missing.value.errors) == {"closure_reason"}
    assert "Closure reason is required" in str(missing.value)
    with pytest.raises(ValidationError) as unknown:
        services.beneficiaries.close(created.id, "bored")
    assert set(unknown.value.errors) == {"closure_reason"}
    with pytest.raises(ValidationError) as bare_other:
        services.beneficiaries.close(created.id, ClosureReason.OTHER, "  ")
    assert set(bare_other.value.errors) == {"closure_note"}
    # Closing some other way than close() is held to the same rule.
    with pytest.raises(ValidationError) as by_update:
        services.beneficiaries.update(created.id, {"status": "closed"})
    assert set(by_update.value.errors) == {"closure_reason"}
    # Nothing was written by the refused attempts.
    assert [event.action for event in audit_rows(login, created.id)] == ["create"]
    assert services.beneficiaries.get(created.id).status is BeneficiaryStatus.ACTIVE

    closed = services.beneficiaries.close(created.id, "other", "Went back to her village.")
    assert (closed.status, closed.closure_reason, closed.closure_note) == (
        BeneficiaryStatus.CLOSED,
        ClosureReason.OTHER,
        "Went back to her village.",
    )
    # The caseload list's rows carry the reason too.
    (row,) = services.beneficiaries.list_page(BeneficiaryQuery(search="Layla")).rows
    assert row.closure_reason is ClosureReason.OTHER
    # Editing another field of the closed case keeps the reason.
    services.beneficiaries.update(created.id, {"phone": "+961 1 234567"})
    assert services.beneficiaries.get(created.id).closure_reason is ClosureReason.OTHER

    reopened = services.beneficiaries.reopen(created.id)
    assert (reopened.status, reopened.closure_reason, reopened.closure_note) == (
        BeneficiaryStatus.ACTIVE,
        None,
        "",
    )
    # The history keeps the closure and shows reopening cleared it.
    events = audit_rows(login, created.id)
    assert [event.action for event in events] == ["create", "close", "update", "reopen"]
    close_changes, reopen_changes = json.loads(events[1].changes), json.loads(events[3].changes)
    assert close_changes == {
        "status": ["active", "closed"],
        "closure_reason": [None, "other"],
        "closure_note": ["", "Went back to her village."],
    }
    assert reopen_changes == {
        "status": ["closed", "active"],
        "closure_reason": ["other", None],
        "closure_note": ["Went back to her village.", ""],
    }


def test_a_case_closed_before_reasons_were_asked_stays_editable_and_unflagged(cara):
    login, services = cara
    created = services.beneficiaries.create(LAYLA)
    with login.db.write() as uow:  # as migration 0007 leaves a case closed before it
        uow.session.execute(
            update(BeneficiaryRow).where(BeneficiaryRow.id == created.id).values(status="closed")
        )
        uow.commit()
    edited = services.beneficiaries.update(created.id, {"phone": "+961 1 234567"})
    assert (edited.status, edited.closure_reason, edited.invalid_fields) == (
        BeneficiaryStatus.CLOSED,
        None,
        (),
    )
    # Closing it again records the reason it never had.
    fixed = services.beneficiaries.close(created.id, ClosureReason.LOST_CONTACT)
    assert (fixed.status, fixed.closure_reason) == (
        BeneficiaryStatus.CLOSED,
        ClosureReason.LOST_CONTACT,
    )


def test_sessions_timeline_follow_ups_and_cancel(cara):
    _, services = cara
    created = services.beneficiaries.create(LAYLA)
    first = services.case_sessions.create(
        created.id,
        {"starts_at": datetime(2026, 1, 5, 9), "status": "done", "follow_up_on": date(2026, 2, 1)},
    )
    second = services.case_sessions.create(
        created.id,
        {"starts_at": datetime(2026, 2, 1, 9), "status": "done", "follow_up_on": date(2026, 3, 1)},
    )
    assert [s.id for s in services.case_sessions.timeline(created.id)] == [second.id, first.id]
    # The earliest open follow-up (issue 14: tasks), not the latest session's date.
    assert services.beneficiaries.get(created.id).next_follow_up_on == date(2026, 2, 1)
    due = services.case_sessions.follow_ups_due(date(2026, 1, 1), date(2026, 2, 15))
    assert [f.session_id for f in due] == [first.id]
    services.case_sessions.cancel(first.id)
    assert services.beneficiaries.get(created.id).next_follow_up_on == date(2026, 3, 1)
    services.case_sessions.update(first.id, {"status": "done"})
    query = BeneficiaryQuery(follow_up_due_by=date(2026, 2, 1))
    assert services.beneficiaries.list_page(query).total == 1


def test_soft_delete_hides_and_tombstones(office):
    cara, sam = office.services("cara"), office.services("sam")
    created = cara.beneficiaries.create(LAYLA)
    session = cara.case_sessions.create(created.id, {"starts_at": datetime(2026, 1, 5, 9)})
    sam.beneficiaries.delete(created.id)
    with pytest.raises(NotFound):
        cara.beneficiaries.get(created.id)
    with pytest.raises(NotFound):
        sam.case_sessions.get(session.id)
    login = office.login("sam")
    ops = {(entity, op) for entity, _, op, _ in outbox_rows(login)}
    assert ops == {("beneficiary", "delete"), ("case_session", "delete")}


@pytest.fixture
def populated(office):
    """300 beneficiaries spread over cara and colin, through the bulk path."""
    sam = office.services("sam")
    login = office.login("sam")
    owners = [u.id for u in sam.users.caseworkers() if u.role.value == "caseworker"]
    result = BulkImporter(login.db, login.actor, chunk_size=128).import_records(
        demo_records(300, 2, seed=7), total=300, caseworker_ids=owners
    )
    assert (result.beneficiaries, result.case_sessions) == (300, 600)
    return office, sam


def test_paging_covers_every_row_once(populated):
    _, sam = populated
    seen = []
    offset = 0
    while True:
        page = sam.beneficiaries.list_page(BeneficiaryQuery(), offset, 64)
        seen += [b.id for b in page.rows]
        offset += len(page.rows)
        assert page.total == 300
        if not page.has_more:
            break
    assert len(seen) == len(set(seen)) == 300


@pytest.mark.parametrize("key", list(SortKey))
def test_sort_on_every_column(populated, key):
    _, sam = populated
    rows = sam.beneficiaries.list_page(BeneficiaryQuery(sort=key), 0, 300).rows
    values = [_sort_value(b, key) for b in rows]
    assert values == sorted(values)
    descending = sam.beneficiaries.list_page(BeneficiaryQuery(sort=key, descending=True), 0, 300)
    assert [_sort_value(b, key) for b in descending.rows] == sorted(values, reverse=True)


@pytest.mark.parametrize("key", list(SortKey))
def test_broad_and_narrow_search_plans_give_the_same_pages(populated, monkeypatch, key):
    # A broad search walks the sort's index, a narrow one looks its matches up by pk
    # (services/beneficiaries.py: BROAD_SEARCH); every page must be the same either way.
    from desktop.services import beneficiaries as module

    _, sam = populated
    prefix = sam.beneficiaries.list_page(BeneficiaryQuery(), 0, 1).rows[0].last_name[:1]

    def pages(broad_from: int, descending: bool) -> tuple[list[str], int]:
        monkeypatch.setattr(module, "BROAD_SEARCH", broad_from)
        query = BeneficiaryQuery(search=prefix, sort=key, descending=descending)
        ids, offset = [], 0
        while True:
            page = sam.beneficiaries.list_page(query, offset, 7)
            ids += [b.id for b in page.rows]
            offset += len(page.rows)
            if not page.has_more:
                return ids, page.total

    for descending in (False, True):
        broad, narrow = pages(0, descending), pages(10**9, descending)
        assert broad == narrow and broad[1] == len(broad[0]) > 7


def _sort_value(beneficiary, key):
    value = {
        SortKey.CASE_NUMBER: beneficiary.case_number,
        SortKey.LAST_NAME: (beneficiary.last_name.lower(), beneficiary.first_name.lower()),
        SortKey.FIRST_NAME: beneficiary.first_name.lower(),
        SortKey.DATE_OF_BIRTH: beneficiary.date_of_birth,
        SortKey.STATUS: beneficiary.status.value,
        SortKey.CASEWORKER: beneficiary.caseworker_name.lower(),
        SortKey.NEXT_FOLLOW_UP: beneficiary.next_follow_up_on,
        SortKey.UPDATED_AT: beneficiary.updated_at,
    }[key]
    # SQLite sorts NULL first; so does this key.
    return (value is not None, value if value is not None else 0)


def test_prefix_search_on_names_and_case_number(populated):
    _, sam = populated
    everyone = sam.beneficiaries.list_page(BeneficiaryQuery(), 0, 300).rows
    target = everyone[123]
    prefix = target.last_name[:3]
    found = sam.beneficiaries.list_page(BeneficiaryQuery(search=prefix), 0, 300)
    expected = {
        b.id for b in everyone if any(part.lower().startswith(prefix.lower()) for part in _words(b))
    }
    assert {b.id for b in found.rows} == expected and found.total == len(expected)
    by_number = sam.beneficiaries.list_page(BeneficiaryQuery(search=target.case_number), 0, 10)
    assert [b.id for b in by_number.rows] == [target.id]
    both = sam.beneficiaries.list_page(
        BeneficiaryQuery(search=f"{target.first_name} {target.last_name}"), 0, 300
    )
    assert target.id in {b.id for b in both.rows}
    assert sam.beneficiaries.list_page(BeneficiaryQuery(search='"*)(')).total == 0


@pytest.mark.parametrize("key", list(SortKey))
def test_list_rows_are_the_records_get_returns(populated, key):
    # The list reads its pages on the driver's cursor with its own conversions
    # (services/page_sql.py: PageSql); every field must come out as get() has it.
    import dataclasses

    _, sam = populated
    query = BeneficiaryQuery(sort=key, search="a")
    first = sam.beneficiaries.list_page(query, 0, 5)
    continued = sam.beneficiaries.list_page(query, 5, 5)  # keyset where the sort allows
    jumped = sam.beneficiaries.list_page(query, 40, 5)  # OFFSET
    for listed in (*first.rows, *continued.rows, *jumped.rows):
        got = sam.beneficiaries.get(listed.id)
        for field in dataclasses.fields(listed):
            if field.name == "invalid_fields":  # get() reads them; the list does without
                continue
            mine, theirs = getattr(listed, field.name), getattr(got, field.name)
            assert (type(mine), mine) == (type(theirs), theirs), field.name


def test_a_searchs_total_leaves_out_deleted_matches(populated):
    # An unfiltered search is counted from the search index, less the deleted matches
    # (services/beneficiaries.py: _total); with a filter, or for a caseworker, by the rows.
    office, sam = populated
    everyone = sam.beneficiaries.list_page(BeneficiaryQuery(), 0, 300).rows
    prefix = everyone[40].last_name[:1]
    before = sam.beneficiaries.list_page(BeneficiaryQuery(search=prefix), 0, 300)
    doomed = [b for b in before.rows][:3]
    for beneficiary in doomed:
        sam.beneficiaries.delete(beneficiary.id)
    cara_id = next(u.id for u in sam.users.caseworkers() if u.username == "cara")
    cara = office.services("cara")
    for services, query in (
        (sam, BeneficiaryQuery(search=prefix)),
        (sam, BeneficiaryQuery(search=prefix, status=BeneficiaryStatus.ACTIVE)),
        (sam, BeneficiaryQuery(search=prefix, caseworker_id=cara_id)),
        (cara, BeneficiaryQuery(search=prefix)),
    ):
        page = services.beneficiaries.list_page(query, 0, 300)
        assert not {b.id for b in doomed} & {b.id for b in page.rows}
        assert page.total == len(page.rows) == services.beneficiaries.count(query)
    after = sam.beneficiaries.list_page(BeneficiaryQuery(search=prefix), 0, 300)
    assert after.total == before.total - len(doomed) > 0


def _words(beneficiary):
    import re

    text = f"{beneficiary.first_name} {beneficiary.last_name} {beneficiary.case_number}"
    return re.findall(r"\w+", text)


def test_filters_status_and_caseworker(populated):
    _, sam = populated
    closed = sam.beneficiaries.list_page(BeneficiaryQuery(status=BeneficiaryStatus.CLOSED), 0, 300)
    assert closed.total > 0 and all(b.status == BeneficiaryStatus.CLOSED for b in closed.rows)
    cara_id = next(u.id for u in sam.users.caseworkers() if u.username == "cara")
    mine = sam.beneficiaries.list_page(BeneficiaryQuery(caseworker_id=cara_id), 0, 300)
    assert mine.total == 150 and all(b.caseworker_id == cara_id for b in mine.rows)


def test_search_follows_renames(cara):
    _, services = cara
    created = services.beneficiaries.create(LAYLA)
    services.beneficiaries.update(created.id, {"last_name": "Zubayr"})
    assert services.beneficiaries.list_page(BeneficiaryQuery(search="zuba")).total == 1
    assert services.beneficiaries.list_page(BeneficiaryQuery(search="hadd")).total == 0


def test_follow_up_dates_are_relative_to_session(cara):
    _, services = cara
    created = services.beneficiaries.create(LAYLA)
    with pytest.raises(ValidationError) as error:
        services.case_sessions.create(
            created.id,
            {"starts_at": datetime(2026, 1, 5, 9), "follow_up_on": date(2026, 1, 1)},
        )
    assert set(error.value.errors) == {"follow_up_on"}
    with pytest.raises(ValidationError) as error:
        services.case_sessions.create(
            created.id,
            {"starts_at": datetime.now() + timedelta(days=3), "status": "done"},
        )
    assert set(error.value.errors) == {"status"}
