"""The live counter (migration 0019) through sync apply: records pulled in, deleted,
merged and reassigned on another laptop arrive through the pull's own writes, and the
"of N" stays equal to the live rows."""

from __future__ import annotations

from sqlalchemy import text


def counted_and_kept(laptop) -> tuple[dict, dict]:
    with laptop.login.db.read() as uow:
        counted = dict(
            uow.session.execute(
                text(
                    "SELECT caseworker_id, count(*) FROM beneficiaries "
                    "WHERE deleted_at IS NULL GROUP BY caseworker_id"
                )
            ).all()
        )
        kept = {
            owner: live
            for owner, live in uow.session.execute(
                text("SELECT caseworker_id, live FROM live_counts")
            )
            if live
        }
    return counted, kept


def test_the_counter_follows_pulled_creates_deletes_and_merges(laptops):
    a, b = laptops(), laptops()
    made = [
        a.services.beneficiaries.create({"first_name": f"Hana{n}", "last_name": "Banda"})
        for n in range(6)
    ]
    a.sync()
    b.sync()
    counted, kept = counted_and_kept(b)
    assert counted == kept and b.services.beneficiaries.count_visible() == 6

    a.services.beneficiaries.delete(made[0].id)
    a.services.merges.merge(made[1].id, made[2].id)
    a.sync()
    b.sync()
    counted, kept = counted_and_kept(b)
    assert counted == kept
    assert b.services.beneficiaries.count_visible() == 4
    assert a.services.beneficiaries.count_visible() == 4
