"""Sync under faults: lost acknowledgements, killed clients, bad records, tokens, bad answers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from sqlalchemy import func, select, text, update

from desktop.domain.records import BeneficiaryQuery
from desktop.services.sync_account import SyncAccount
from desktop.store.tables import BeneficiaryRow, OutboxRow, UserRow
from desktop.sync.client import RetryPolicy, SignInRequired, SyncError
from desktop.sync.conflicts import ConflictService
from tests.e2e.conftest import FAST_RETRIES, LOCAL_PASSWORD, Laptop, server_records
from tests.processes import sigkill_after_line, start_python
from tests.server.conftest import PASSWORD as SERVER_PASSWORD
from tests.server.conftest import ServerFactory


def outbox(laptop) -> list[tuple[str, str]]:
    with laptop.login.db.read() as uow:
        return uow.session.execute(select(OutboxRow.entity_id, OutboxRow.state)).all()


def create_many(laptop, count: int, prefix: str = "Person") -> list[str]:
    return [
        laptop.services.beneficiaries.create({"first_name": f"{prefix}{n}", "last_name": "Sync"}).id
        for n in range(count)
    ]


def assert_converged(laptop, server, ids) -> None:
    """Each record on the server exactly once, at the version the laptop holds; nothing pending."""
    on_server = server_records(server, laptop.server_user, "beneficiary")
    with laptop.login.db.read() as uow:
        local = dict(
            uow.session.execute(
                select(BeneficiaryRow.id, BeneficiaryRow.server_version).where(
                    BeneficiaryRow.deleted_at.is_(None)
                )
            ).all()
        )
    assert set(ids) <= on_server.keys()
    assert {i: local[i] for i in on_server} == {i: r["version"] for i, r in on_server.items()}
    assert outbox(laptop) == []
    assert laptop.services.maintenance.check() == []


class Rewire(httpx.BaseTransport):
    """A real HTTP transport that can be pointed at a restarted server and can cut answers."""

    def __init__(self, base_url: str):
        self.base = httpx.URL(base_url)
        self.inner = httpx.HTTPTransport()
        self.after_push = None  # callable(request, response) -> None, may raise
        self.before_push = None  # callable() run while the batch is marked uploading
        self.date_shift: timedelta | None = None
        self.pushes = 0
        self.refuse_pushes: set[int] = set()  # numbers (1-based) answered 400, not forwarded

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(host=self.base.host, port=self.base.port)
        if request.url.path == "/api/sync/push" and self.before_push is not None:
            self.before_push()
        if request.url.path == "/api/sync/push" and self.pushes + 1 in self.refuse_pushes:
            self.pushes += 1
            body = {"error": {"code": "bad_request", "message": "This batch is refused."}}
            return httpx.Response(400, json=body, request=request)
        response = self.inner.handle_request(request)
        if request.url.path == "/api/sync/push":
            self.pushes += 1
            if self.after_push is not None:
                response.read()
                self.after_push(request, response)
        if self.date_shift is not None:
            response.headers["Date"] = format_datetime(
                datetime.now(UTC) + self.date_shift, usegmt=True
            )
        return response

    def close(self) -> None:
        # Each sync closes its client; the next one gets a fresh connection pool.
        self.inner.close()
        self.inner = httpx.HTTPTransport()


@pytest.fixture
def own_server(tmp_path) -> Iterator:
    factory = ServerFactory("sqlite", tmp_path / "srv", None)
    try:
        yield factory
    finally:
        factory.stop_all()


def rewired_account(laptop, transport) -> SyncAccount:
    return SyncAccount(laptop.login.db, laptop.login.actor, transport=transport)


def kill_server_after_push(server, transport: Rewire, *, push: int):
    """An ``after_push`` hook: the server commits push number ``push`` and answers, then
    dies before the answer arrives (the answer is cut)."""

    def hook(request, response):
        if transport.pushes < push:
            return
        assert response.status_code == 200  # the server committed and answered...
        server.process.send_signal(signal.SIGKILL)  # ...and dies before the answer arrives
        server.process.wait(timeout=10)
        transport.after_push = None
        response.close()
        raise httpx.ReadError("connection cut", request=request)

    return hook


def test_lost_acknowledgement_is_replayed_not_duplicated(own_server, tmp_path):
    server = own_server.start(dev=True)
    laptop = Laptop(tmp_path / "laptop", server, server.new_user("supervisor"))
    ids = create_many(laptop, 150)
    transport = Rewire(server.base_url)

    transport.after_push = kill_server_after_push(server, transport, push=1)
    account = rewired_account(laptop, transport)
    with pytest.raises(SyncError):
        account.sync(policy=FAST_RETRIES)
    assert {state for _, state in outbox(laptop)} == {"pending"}

    restarted = own_server.start(dev=True, like=server)
    transport.base = httpx.URL(restarted.base_url)
    report = account.sync(policy=FAST_RETRIES)
    assert report.errors == 0 and report.sent == 150 and report.digest_ok
    assert_converged(laptop, restarted, ids)
    with httpx.Client(base_url=restarted.base_url) as http:
        restarted.login(laptop.server_user)
        listed = http.get(
            "/api/beneficiaries", params={"per_page": 100}, headers=laptop.server_user.headers
        ).json()
    assert listed["meta"]["total"] == 150  # the original API agrees: no duplicates
    laptop.close()


def outbox_rows(laptop, ids) -> dict[str, tuple[str, int, bool]]:
    """entity id → (state, attempts, has a sent payload)."""
    with laptop.login.db.read() as uow:
        rows = uow.session.execute(
            select(
                OutboxRow.entity_id, OutboxRow.state, OutboxRow.attempts, OutboxRow.sent_payload
            ).where(OutboxRow.entity_id.in_(ids))
        ).all()
    return {row[0]: (row[1], row[2], row[3] is not None) for row in rows}


def test_pipelined_push_stopped_midway_leaves_the_unsent_batch_as_it_was(own_server, tmp_path):
    # Batch 3 is marked uploading while batch 2 is at the server; the server dies after
    # committing batch 2. Batch 2 goes back to pending (it may have been applied), batch 3
    # goes back exactly as it was, and the next sync sends everything once.
    server = own_server.start(dev=True)
    laptop = Laptop(tmp_path / "laptop", server, server.new_user("supervisor"))
    ids = create_many(laptop, 350)
    transport = Rewire(server.base_url)

    transport.after_push = kill_server_after_push(server, transport, push=2)
    account = rewired_account(laptop, transport)
    with pytest.raises(SyncError):
        account.sync(policy=FAST_RETRIES)
    rows = outbox_rows(laptop, ids)
    assert set(ids[:100]).isdisjoint(rows)  # acknowledged
    assert {rows[i] for i in ids[100:200]} == {("pending", 1, True)}  # sent, answer lost
    assert {rows[i] for i in ids[200:]} == {("pending", 0, False)}  # never sent
    statuses = {laptop.services.beneficiaries.get(i).sync_status.value for i in ids[100:]}
    assert statuses == {"pending"}

    restarted = own_server.start(dev=True, like=server)
    transport.base = httpx.URL(restarted.base_url)
    report = account.sync(policy=FAST_RETRIES)
    assert report.errors == 0 and report.sent == 250 and report.digest_ok
    assert_converged(laptop, restarted, ids)
    laptop.close()


def test_a_refused_batch_in_the_middle_does_not_stop_the_others(own_server, tmp_path):
    server = own_server.start(dev=True)
    laptop = Laptop(tmp_path / "laptop", server, server.new_user("supervisor"))
    ids = create_many(laptop, 350)
    transport = Rewire(server.base_url)
    transport.refuse_pushes = {2}
    report = rewired_account(laptop, transport).sync(policy=FAST_RETRIES)
    assert (report.sent, report.errors) == (250, 100)
    rows = outbox_rows(laptop, ids)
    assert set(rows) == set(ids[100:200])
    assert {state for state, _, _ in rows.values()} == {"error"}
    refused = laptop.services.beneficiaries.get(ids[150])
    assert refused.sync_status.value == "error" and "This batch is refused" in refused.sync_error
    assert (
        set(ids[:100] + ids[200:])
        <= server_records(server, laptop.server_user, "beneficiary").keys()
    )
    laptop.close()


CHILD = textwrap.dedent(
    """
    import sys, time
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.sync import client as client_module, engine as engine_module
    from desktop.services.sync_account import SyncAccount
    from desktop.sync.client import RetryPolicy

    data_dir, password, point = sys.argv[1:4]
    login = LocalAccounts(DataPaths.resolve(data_dir)).login("admin", password, check=False)

    def mark():
        print("MARK", flush=True)
        time.sleep(120)

    original_request = client_module.ServerClient.request
    def request(self, method, path, **kwargs):
        if point == "before_send" and path == "/api/sync/push":
            mark()
        result = original_request(self, method, path, **kwargs)
        if point == "after_send" and path == "/api/sync/push":
            mark()
        return result
    client_module.ServerClient.request = request

    original_apply = engine_module.SyncEngine._apply_pulled
    applied = [0]
    def apply_pulled(self, *args, **kwargs):
        applied[0] += 1
        if point == "mid_pull" and applied[0] == 20:
            mark()
        return original_apply(self, *args, **kwargs)
    engine_module.SyncEngine._apply_pulled = apply_pulled

    SyncAccount(login.db, login.actor).sync(policy=RetryPolicy(attempts=2, first_delay=0.01))
    print("DONE", flush=True)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("point", ["before_send", "after_send", "mid_pull"])
def test_client_killed_mid_sync_recovers(laptops, sync_server, point):
    laptop = laptops()
    other = laptops()
    create_many(other, 60, prefix="Remote")
    other.sync()
    ids = create_many(laptop, 120, prefix="Local")
    if point == "mid_pull":
        laptop.sync()  # the local records are on the server; now more arrive to pull
        create_many(other, 60, prefix="Later")
        other.sync()
    laptop.login.close()
    child = start_python(CHILD, str(laptop.paths.root), LOCAL_PASSWORD, point)
    sigkill_after_line(child, "MARK")

    laptop.reopen()
    report = laptop.sync()
    assert report.errors == 0 and report.digest_ok, report
    assert_converged(laptop, sync_server, ids)
    everyone = server_records(sync_server, laptop.server_user, "beneficiary")
    assert laptop.services.beneficiaries.count_visible() == len(everyone)
    check = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(laptop.paths.root), "check"],
        env={**os.environ, "CASELOAD_PASSWORD": LOCAL_PASSWORD},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr


def test_one_invalid_record_in_a_batch_of_100(laptops, sync_server):
    laptop = laptops()
    ids = create_many(laptop, 100)
    bad = ids[37]
    with laptop.login.db.write() as uow:  # as an older release might have stored it
        uow.session.execute(
            update(BeneficiaryRow).where(BeneficiaryRow.id == bad).values(first_name="N" * 150)
        )
        uow.commit()
    report = laptop.sync()
    assert (report.sent, report.errors) == (99, 1)
    assert outbox(laptop) == [(bad, "error")]
    refused = laptop.services.beneficiaries.get(bad)
    assert refused.sync_status.value == "error" and "first_name" in refused.sync_error
    problems = laptop.account.problems()
    assert [p.entity_id for p in problems] == [bad] and "first_name" in problems[0].reason
    again = laptop.sync()
    assert again.sent == 0 and outbox(laptop) == [(bad, "error")]  # not retried by itself
    laptop.services.beneficiaries.update(bad, {"first_name": "Nadia"})  # the user fixes it
    fixed = laptop.sync()
    assert fixed.sent == 1 and outbox(laptop) == []


def test_access_token_expiring_between_batches_refreshes_once(own_server, tmp_path):
    server = own_server.start(dev=True, CASELOAD_ACCESS_TOKEN_SECONDS="8")
    laptop = Laptop(tmp_path / "laptop", server, server.new_user("supervisor"))
    ids = create_many(laptop, 250)
    transport = Rewire(server.base_url)
    waited = threading.Event()
    # A fresh token now: it lives 8 s; the pause after the first batch outlives it.
    laptop.account.link(server.base_url, laptop.server_user.username, SERVER_PASSWORD)

    def outlive_the_token(request, response):
        if not waited.is_set():
            waited.set()
            threading.Event().wait(8.5)

    transport.after_push = outlive_the_token
    report = rewired_account(laptop, transport).sync(policy=FAST_RETRIES)
    assert report.sent == 250 and report.token_refreshes == 1
    assert transport.pushes == 4  # three batches plus the one retried after the refresh
    assert_converged(laptop, server, ids)
    laptop.close()


def test_revoked_refresh_token_stops_sync_and_keeps_the_outbox(laptops):
    laptop = laptops()
    create_many(laptop, 5)
    with laptop.login.db.read() as uow:
        access = uow.session.execute(
            select(UserRow.access_token).where(UserRow.username == "admin")
        ).scalar()
    with httpx.Client(base_url=laptop.server.base_url) as http:
        response = http.post("/api/auth/logout", headers={"Authorization": f"Bearer {access}"})
        assert response.status_code == 200
    with pytest.raises(SignInRequired):
        laptop.sync()
    assert len(outbox(laptop)) == 5 and {s for _, s in outbox(laptop)} == {"pending"}
    assert not laptop.account.overview().signed_in
    laptop.account.link(laptop.server.base_url, laptop.server_user.username, SERVER_PASSWORD)
    assert laptop.sync().sent == 5


class Hostile(BaseHTTPRequestHandler):
    mode = "html"
    hits: list[str] = []

    def log_message(self, *args) -> None:  # quiet
        pass

    def _answer(self) -> None:
        Hostile.hits.append(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        mode = Hostile.mode
        if mode == "stall":
            threading.Event().wait(3)
            return
        status, body, content_type, extra = {
            "html": (
                200,
                b"<html><body>Please log in to the hotel Wi-Fi</body></html>",
                "text/html",
                {},
            ),
            "truncated": (200, b'{"data": {"changes": [', "application/json", {}),
            "no_envelope": (
                200,
                b'{"changes": [], "next_since": 0, "has_more": false}',
                "application/json",
                {},
            ),
            "500": (500, b'{"error": {"code": "boom", "message": "boom"}}', "application/json", {}),
            "503": (503, b"busy", "text/plain", {"Retry-After": "1"}),
            "429": (
                429,
                b'{"error": {"code": "slow", "message": "slow down"}}',
                "application/json",
                {"Retry-After": "2"},
            ),
        }[mode]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer


@pytest.fixture
def hostile_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("mode", ["html", "truncated", "no_envelope", "500", "503", "429", "stall"])
def test_hostile_answers_change_nothing(laptops, hostile_server, mode):
    laptop = laptops()
    ids = create_many(laptop, 3)
    laptop.sync()
    laptop.services.beneficiaries.update(ids[0], {"notes": "unsent"})
    with laptop.login.db.write() as uow:
        uow.session.execute(
            update(UserRow).where(UserRow.username == "admin").values(server_url=hostile_server)
        )
        uow.commit()
    with laptop.login.db.read() as uow:
        before = uow.session.execute(text("SELECT * FROM beneficiaries ORDER BY pk")).all()
    Hostile.mode, Hostile.hits = mode, []
    pauses: list[float] = []
    policy = RetryPolicy(attempts=3, first_delay=0.01, max_delay=0.05, max_wait_in_run=10)
    with pytest.raises(SyncError):
        laptop.account.sync(policy=policy, sleep=pauses.append, timeout=1.0)
    with laptop.login.db.read() as uow:
        after = uow.session.execute(text("SELECT * FROM beneficiaries ORDER BY pk")).all()
    assert after == before
    assert outbox(laptop) == [(ids[0], "pending")]
    assert len(Hostile.hits) == 3  # bounded retries
    if mode in ("503", "429"):
        expected = 1.0 if mode == "503" else 2.0
        assert sum(pauses) >= 2 * expected - 1e-6  # Retry-After honoured before each retry


def test_clock_skew_is_reported(laptops):
    laptop = laptops()
    transport = Rewire(laptop.server.base_url)
    transport.date_shift = timedelta(minutes=-10)
    report = rewired_account(laptop, transport).sync(policy=FAST_RETRIES)
    assert any("clock" in warning for warning in report.warnings)
    assert report.clock_skew == pytest.approx(600, abs=30)
    fine = laptop.sync()
    assert not any("clock" in warning for warning in fine.warnings)


def test_digest_mismatch_then_full_resync_keeps_unsent_changes(laptops):
    a, b = laptops(), laptops()
    ids = create_many(a, 10)
    a.sync()
    with a.login.db.write() as uow:  # a record the server has lost track of, as it were
        uow.session.execute(
            update(BeneficiaryRow).where(BeneficiaryRow.id == ids[3]).values(server_version=99)
        )
        uow.commit()
    a.services.beneficiaries.update(ids[5], {"notes": "not sent yet"})
    create_many(b, 2, prefix="Fresh")
    b.sync()
    report = a.sync()
    assert report.digest_ok is False and any("full resync" in w for w in report.warnings)
    full = a.account.sync(full=True, policy=FAST_RETRIES)
    assert full.digest_ok and full.errors == 0
    assert a.services.beneficiaries.get(ids[5]).notes == "not sent yet"
    assert b.sync().received >= 1
    assert b.services.beneficiaries.get(ids[5]).notes == "not sent yet"
    assert a.services.beneficiaries.list_page(BeneficiaryQuery(search="Fresh")).total == 2


def test_resolved_conflict_is_pushed(laptops):
    a, b = laptops(), laptops()
    (record,) = create_many(a, 1)
    a.sync()
    b.sync()
    a.services.beneficiaries.update(record, {"notes": "from A", "phone": "+44 20 7946 0000"})
    b.services.beneficiaries.update(record, {"notes": "from B"})
    a.sync()
    assert b.sync().conflicts == 1
    conflicts = ConflictService(b.login.db, b.login.actor)
    (conflict,) = conflicts.open_conflicts()
    with pytest.raises(Exception, match="Notes"):
        conflicts.resolve(conflict.id, "edit", "x" * 30_000)
    conflicts.resolve(conflict.id, "edit", "from A and B")
    assert conflicts.open_conflicts() == []
    report = b.sync()
    assert report.sent == 1 and report.conflicts == 0
    a.sync()
    for laptop in (a, b):
        merged = laptop.services.beneficiaries.get(record)
        assert (merged.notes, merged.phone) == ("from A and B", "+44 20 7946 0000")
        assert merged.sync_status.value == "synced"


def test_headless_sync_command(laptops, sync_server):
    laptop = laptops()
    create_many(laptop, 4)
    laptop.login.close()
    user = sync_server.new_user("caseworker", organisation=laptop.server_user.organisation)
    env = {
        **os.environ,
        "CASELOAD_PASSWORD": LOCAL_PASSWORD,
        "CASELOAD_SERVER_PASSWORD": SERVER_PASSWORD,
    }
    command = [
        sys.executable,
        "-m",
        "desktop",
        "--data-dir",
        str(laptop.paths.root),
        "sync",
        "--server",
        sync_server.base_url,
        "--user",
        "admin",
        "--server-user",
        user.username,
    ]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "Sync: sent 4, received 0, conflicts 0, errors 0." in first.stdout
    env.pop("CASELOAD_SERVER_PASSWORD")
    second = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert second.returncode == 0, second.stderr  # the stored token is enough
    assert "Sync: sent 0" in second.stdout
    laptop.reopen()
    with laptop.login.db.read() as uow:
        stored = uow.session.execute(
            select(UserRow).where(UserRow.username == "admin")
        ).scalar_one()
        assert stored.refresh_token and stored.server_user_id == user.id
        raw = json.dumps([stored.access_token, stored.refresh_token])
    assert SERVER_PASSWORD not in raw
    assert (laptop.paths.root / "caseload.db").read_bytes().find(SERVER_PASSWORD.encode()) == -1
    assert len(server_records(sync_server, user, "beneficiary")) == 4
    with laptop.login.db.read() as uow:
        assert uow.session.execute(select(func.count()).select_from(OutboxRow)).scalar_one() == 0


def test_edit_while_uploading_stays_pending_and_goes_out_next(laptops, sync_server):
    laptop = laptops()
    (record,) = create_many(laptop, 1)
    transport = Rewire(laptop.server.base_url)

    def edit_during_upload():
        transport.before_push = None
        assert laptop.services.beneficiaries.get(record).sync_status.value == "uploading"
        laptop.services.beneficiaries.update(record, {"notes": "typed while sending"})

    transport.before_push = edit_during_upload
    account = rewired_account(laptop, transport)
    report = account.sync(policy=FAST_RETRIES)
    # The first version was acknowledged; the edit made meanwhile went out in the next pass.
    assert report.sent == 2 and outbox(laptop) == []
    on_server = server_records(sync_server, laptop.server_user, "beneficiary")[record]
    assert on_server["data"]["notes"] == "typed while sending" and on_server["version"] == 2
    assert laptop.services.beneficiaries.get(record).sync_status.value == "synced"


def test_local_delete_against_a_server_edit_is_a_conflict_with_no_orphans(laptops, sync_server):
    a, b = laptops(), laptops()
    (record,) = create_many(a, 1)
    a.services.case_sessions.create(record, {"starts_at": datetime(2026, 5, 4, 10)})
    a.sync()
    b.sync()
    b.services.beneficiaries.update(record, {"notes": "new information"})
    b.sync()
    a.services.beneficiaries.delete(record)
    report = a.sync()
    assert report.conflicts == 1
    conflicts = ConflictService(a.login.db, a.login.actor)
    (conflict,) = conflicts.open_conflicts()
    assert (conflict.field, conflict.local_value, conflict.server_value) == ("deleted", True, False)
    assert record in server_records(sync_server, a.server_user, "beneficiary")  # nothing dropped
    conflicts.resolve(conflict.id, "mine")  # the supervisor confirms the deletion
    assert a.sync().errors == 0
    assert record not in server_records(sync_server, a.server_user, "beneficiary")
    assert server_records(sync_server, a.server_user, "case_session") == {}  # no orphan sessions
    b.sync()
    assert b.services.beneficiaries.count_visible() == 0
    with b.login.db.read() as uow:
        live_sessions = uow.session.execute(
            text("SELECT count(*) FROM case_sessions WHERE deleted_at IS NULL")
        ).scalar_one()
    assert live_sessions == 0


def test_record_reassigned_away_leaves_the_caseworkers_laptop(laptops, sync_server):
    caseworker = laptops("caseworker")
    organisation = caseworker.server_user.organisation
    (record,) = create_many(caseworker, 1)
    caseworker.services.case_sessions.create(record, {"starts_at": datetime(2026, 6, 1, 9)})
    caseworker.sync()
    other = sync_server.new_user("caseworker", organisation=organisation)
    supervisor = sync_server.new_user("supervisor", organisation=organisation)
    with httpx.Client(base_url=sync_server.base_url) as http:  # another office's client
        response = http.put(
            f"/api/beneficiaries/{record}",
            json={"caseworker_id": other.id},
            headers=supervisor.headers,
        )
        assert response.status_code == 200, response.text
    report = caseworker.sync()  # the feed says it left this caseload: no resync needed
    assert report.errors == 0 and report.digest_ok
    assert any("reassigned to another caseworker" in w for w in report.warnings)
    assert caseworker.services.beneficiaries.count_visible() == 0
    assert outbox(caseworker) == []
    assert record in server_records(sync_server, other, "beneficiary")  # untouched there
