"""The sync's digest check reads two indexes, never a record's row (migration 0020).

Every sync ends with `verify._local_pairs`: the (id, server version) of every live
beneficiary and session. Reading their rows decrypted both tables whole (26 s at
100,000 / 1,000,000). Both statements are EXPLAINed for a supervisor (every record)
and a caseworker (their own), before and after the planner has statistics, and the
pairs they return are checked against the records.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import event, text, update

from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, UserRow
from desktop.sync import verify

PEOPLE, PER = 60, 4


@pytest.fixture
def synced(office):
    login = office.login("sam")
    BulkImporter(login.db, login.actor).import_records(demo_records(PEOPLE, PER, 3), total=PEOPLE)
    with login.db.write() as uow:
        # As a sync leaves them: every record at a server version, the owner linked.
        for table in (BeneficiaryRow, CaseSessionRow):
            uow.session.execute(update(table).values(server_version=2))
        uow.session.execute(update(UserRow).values(server_user_id=UserRow.id))
        # One deleted beneficiary (its sessions too, as a delete leaves them) and one
        # deleted session of a live one: neither counts.
        gone, kept = uow.session.execute(text("SELECT id FROM beneficiaries LIMIT 2")).scalars()
        uow.session.execute(
            text("UPDATE beneficiaries SET deleted_at = '2026-01-01' WHERE id = :gone"),
            {"gone": gone},
        )
        uow.session.execute(
            text("UPDATE case_sessions SET deleted_at = '2026-01-01' WHERE beneficiary_id = :gone"),
            {"gone": gone},
        )
        uow.session.execute(
            text(
                "UPDATE case_sessions SET deleted_at = '2026-01-01' WHERE id = "
                "(SELECT id FROM case_sessions WHERE beneficiary_id = :kept LIMIT 1)"
            ),
            {"kept": kept},
        )
        owner = uow.session.execute(text("SELECT caseworker_id FROM beneficiaries")).scalar()
        uow.commit()
    yield login, owner


def _pairs_and_plans(login, run) -> tuple[dict, list[tuple[str, str]]]:
    plans: list[tuple[str, str]] = []

    def explain(connection, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            found = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            plans.append((statement, " | ".join(row[-1] for row in found)))

    event.listen(login.db.engine, "before_cursor_execute", explain)
    try:
        with login.db.read() as uow:
            pairs = verify._local_pairs(run, uow.session)
    finally:
        event.remove(login.db.engine, "before_cursor_execute", explain)
    return pairs, plans


def test_the_digest_reads_indexes_only(synced):
    login, owner = synced
    runs = {
        "supervisor": SimpleNamespace(sees_all=True, server_user_id=None),
        "caseworker": SimpleNamespace(sees_all=False, server_user_id=owner),
    }
    for analysed in (False, True):
        if analysed:
            with login.db.write() as uow:
                uow.session.execute(text("ANALYZE"))
                uow.commit()
        for run in runs.values():
            pairs, plans = _pairs_and_plans(login, run)
            digested = [(s, p) for s, p in plans if "server_version" in s]
            assert len(digested) == 2, plans
            for _statement, plan in digested:
                for step in plan.split(" | "):
                    table = step.split()[1] if step.startswith(("SCAN", "SEARCH")) else None
                    if table not in ("beneficiaries", "case_sessions"):
                        continue
                    if run.sees_all or table == "case_sessions":
                        # Every record: both walked in their digest index, no row read.
                        assert f"USING COVERING INDEX ix_{table}_digest" in step, (analysed, plan)
                    else:
                        # A caseworker's own: their rows found by owner, or the index.
                        assert step.startswith("SEARCH") or "COVERING" in step, (analysed, plan)
            expected = _expected(login, None if run.sees_all else owner)
            assert {entity: sorted(found) for entity, found in pairs.items()} == expected
            assert expected["beneficiary"] and expected["case_session"]


def _expected(login, owner: str | None) -> dict[str, list[tuple[str, int]]]:
    """The live records' pairs read plainly (the owner's only, given one)."""
    mine = "" if owner is None else " AND b.caseworker_id = :owner"
    with login.db.read() as uow:
        people = uow.session.execute(
            text(f"SELECT id, server_version FROM beneficiaries b WHERE deleted_at IS NULL{mine}"),
            {"owner": owner},
        )
        visits = uow.session.execute(
            text(
                "SELECT s.id, s.server_version FROM case_sessions s JOIN beneficiaries b "
                f"ON b.id = s.beneficiary_id WHERE s.deleted_at IS NULL "
                f"AND b.deleted_at IS NULL{mine}"
            ),
            {"owner": owner},
        )
        return {
            "beneficiary": sorted(tuple(row) for row in people),
            "case_session": sorted(tuple(row) for row in visits),
        }
