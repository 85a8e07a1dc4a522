"""A fresh laptop's first pull writes with a larger page cache; later pulls do not."""

from __future__ import annotations

from sqlalchemy import text

from desktop.store import db as store_db
from desktop.sync import pull, pulled


def test_only_the_first_pull_of_an_empty_laptop_gets_the_larger_cache(
    laptops, sync_server, monkeypatch
):
    writer = laptops()
    for n in range(5):
        writer.services.beneficiaries.create({"first_name": f"C{n}", "last_name": "Cache"})
    assert writer.sync().errors == 0

    sizes: list[int] = []
    original = pulled.PulledWrites.write

    def write(self, session):
        sizes.append(-session.execute(text("PRAGMA cache_size")).scalar_one())
        original(self, session)

    monkeypatch.setattr(pulled.PulledWrites, "write", write)
    reader = laptops()
    assert reader.sync().received == 5
    # One page for the first pull; the sync's closing pull (after its push) is not one.
    assert sizes == [pull.FIRST_PULL_CACHE_MB * 1024, store_db.CACHE_KIB]
    with reader.login.db.read() as uow:  # given back after the pull
        assert -uow.session.execute(text("PRAGMA cache_size")).scalar_one() == store_db.CACHE_KIB

    sizes.clear()
    writer.services.beneficiaries.create({"first_name": "Later", "last_name": "Cache"})
    assert writer.sync().errors == 0
    assert reader.sync().received == 1
    assert sizes and set(sizes) == {store_db.CACHE_KIB}
