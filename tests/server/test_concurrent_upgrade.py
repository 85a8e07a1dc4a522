"""Several workers starting at once on a fresh PostgreSQL database migrate it once."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from server.db import make_engine, upgrade
from tests.server.conftest import PostgresSchemas, postgres_url

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh_url():
    schemas = PostgresSchemas(postgres_url())
    try:
        yield schemas.fresh_url()
    finally:
        schemas.close()


def test_four_workers_upgrading_a_fresh_database_at_once_all_start(fresh_url):
    engines = [make_engine(fresh_url, None) for _ in range(4)]
    start = threading.Barrier(len(engines))
    failures: list[BaseException] = []

    def start_worker(engine) -> None:
        start.wait()
        try:
            upgrade(engine)
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=start_worker, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    with engines[0].connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert len(versions) == 1
    for engine in engines:
        engine.dispose()
