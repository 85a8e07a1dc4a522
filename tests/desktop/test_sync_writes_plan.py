"""A push batch's set-based writes look each row up by its key (EXPLAIN QUERY PLAN).

`outbox.mark_uploading` and `records.set_each` update rows named in a JSON list
(`UPDATE … FROM json_each`). Walked the other way round, through an index on the other
condition, each would read the whole list for every candidate row: marking through
`ix_outbox_state` made a push of 10,000 records fifteen times as slow.
"""

from __future__ import annotations

from sqlalchemy import event, text

from desktop.services.bulk import BulkImporter
from desktop.services.demo import demo_records
from desktop.store.tables import BeneficiaryRow, CaseSessionRow
from desktop.sync.outbox import mark_uploading
from desktop.sync.records import set_each


def test_marks_and_acknowledgements_look_each_row_up_by_its_key(office):
    login = office.login("admin")
    BulkImporter(login.db, login.actor).import_records(demo_records(300, 2, 3), total=300)
    plans: list[str] = []

    def explain(connection, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("UPDATE"):
            found = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            plans.append(" | ".join(row[-1] for row in found))

    event.listen(login.db.engine, "before_cursor_execute", explain)
    try:
        for analysed in (False, True):
            with login.db.write() as uow:
                connection = uow.session.connection()
                if analysed:
                    connection.exec_driver_sql("ANALYZE")
                outbox = connection.exec_driver_sql(
                    "SELECT id FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 50"
                ).scalars()
                mark_uploading(uow.session, [(row_id, "{}") for row_id in outbox])
                for table in (BeneficiaryRow.__table__, CaseSessionRow.__table__):
                    ids = connection.exec_driver_sql(
                        f"SELECT id FROM {table.name} ORDER BY id LIMIT 50"
                    )
                    pairs = [(row_id, 3) for row_id in ids.scalars()]
                    set_each(uow.session, table, pairs, "server_version", sync_status="synced")
                uow.commit()
    finally:
        event.remove(login.db.engine, "before_cursor_execute", explain)
    assert len(plans) == 6
    for plan in plans:
        first, second = plan.split(" | ")
        assert first.startswith("SCAN j VIRTUAL TABLE"), plan
        assert second.startswith("SEARCH ") and ("(id=?)" in second or "(rowid=?)" in second), plan
    with login.db.read() as uow:
        marked = uow.session.execute(
            text("SELECT count(*) FROM outbox WHERE state = 'uploading' AND attempts = 1")
        ).scalar()
        synced = uow.session.execute(
            text("SELECT count(*) FROM beneficiaries WHERE server_version = 3")
        ).scalar()
    assert (marked, synced) == (100, 50)  # two passes of 50 marks, the same 50 acks
