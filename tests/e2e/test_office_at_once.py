"""An office syncing at once, small: three laptops (real encrypted folders, one process
each, the desktop's own sync) start their first sync together against two server
workers on one PostgreSQL schema. The checks are the concurrency bench's own
(tests/benchmarks/office.py: verify, errors_of); its timings are not asserted."""

from __future__ import annotations

import pytest

from tests.benchmarks.concurrency_bench import run_office
from tests.benchmarks.office import build_laptop
from tests.server.conftest import postgres_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LAPTOPS, BENEFICIARIES, SESSIONS = 3, 200, 1


@pytest.fixture
def pg_url() -> str:
    return postgres_url("several workers need PostgreSQL")


def test_three_laptops_at_once_on_two_workers_lose_and_duplicate_nothing(tmp_path, pg_url):
    folders = [tmp_path / f"laptop-{number}" for number in range(LAPTOPS)]
    for number, folder in enumerate(folders):
        build_laptop(folder, BENEFICIARIES, SESSIONS, seed=number)

    run = run_office(tmp_path / "run", "PostgreSQL", 2, folders, pg_url=pg_url, timeout=120)

    assert run["errors"] == {
        "failed_syncs": 0,
        "raised": 0,
        "http_5xx": 0,
        "no_answer": 0,
        "http_429": 0,
        "server_5xx": 0,
    }
    checked = run["verify"]
    for name, each in (("beneficiaries", BENEFICIARIES), ("sessions", BENEFICIARIES * SESSIONS)):
        assert checked[name] == {
            "on_laptops": LAPTOPS * each,
            "on_server": LAPTOPS * each,
            "duplicated": 0,
            "lost": 0,
            "extra": 0,
            "wrong_owner": 0,
        }, name
    assert checked["duplicate_case_numbers"] == 0
    assert checked["outbox_left"] == 0
    assert checked["unsynced_left"] == 0
    assert checked["clean"] and run["clean"]
    # Both workers took laptops, and every push went through them.
    assert run["push_ms"]["count"] >= LAPTOPS * 2
    assert len(set(run["laptop_urls"])) == 2
