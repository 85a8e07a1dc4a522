"""Login throttling (issue 10 point 11): nobody can lock a real user out from elsewhere.

Clients are told apart by binding to different loopback addresses (127.0.0.x), so the
server sees each as its own peer, as it would see laptops on an office network. Where a
test needs a client to stay held, the first delay is ten minutes instead of one second.
"""

from __future__ import annotations

import ipaddress
import re
import time
from datetime import timedelta

import httpx
import pytest

from server.proxies import client_address, parse_address, parse_trusted_proxies
from tests.server.conftest import PASSWORD
from tests.server.test_auth import client_from


def login(client: httpx.Client, username: str, password: str, **headers: str) -> httpx.Response:
    return client.post(
        "/api/auth/login", json={"username": username, "password": password}, headers=headers
    )


HOLD = {"CASELOAD_LOGIN_FIRST_DELAY_SECONDS": "600"}


@pytest.fixture(scope="module")
def defaults(servers):
    """The shipped throttling limits, with a first delay that outlasts each test."""
    return servers.start(dev=True, **HOLD)


@pytest.fixture(scope="module")
def growing(servers):
    """Delays of 3 s, 6 s, 12 s after the second failure: watched within seconds."""
    return servers.start(
        dev=True, CASELOAD_LOGIN_FREE_ATTEMPTS="2", CASELOAD_LOGIN_FIRST_DELAY_SECONDS="3"
    )


@pytest.fixture(scope="module")
def spraying(servers):
    """A client may fail three times in all before its delays start."""
    return servers.start(dev=True, CASELOAD_LOGIN_CLIENT_FREE_ATTEMPTS="3", **HOLD)


@pytest.fixture(scope="module")
def low_ceiling(servers):
    return servers.start(dev=True, CASELOAD_LOGIN_MAX_FAILURES="4")


@pytest.fixture(scope="module")
def behind_proxy(servers):
    return servers.start(dev=True, CASELOAD_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8", **HOLD)


def test_wrong_passwords_from_one_client_do_not_lock_out_the_user_elsewhere(defaults):
    victim = defaults.new_user()
    colleague = defaults.new_user()
    attacker = client_from(defaults, "127.0.0.20")
    statuses = [login(attacker, victim.username, f"guess {n}").status_code for n in range(12)]
    # The right password from the victim's own laptop still signs in...
    assert login(client_from(defaults, "127.0.0.21"), victim.username, PASSWORD).status_code == 200
    # ...while the attacker, after five failures, waits; refused attempts are not checked.
    assert statuses == [401] * 5 + [429] * 7
    # ...and the attacking client can still sign in to another account (its per-client
    # allowance is not used up by five failures).
    assert login(attacker, colleague.username, PASSWORD).status_code == 200
    # The attacker's client is throttled on that account even with the right password.
    held = login(attacker, victim.username, PASSWORD)
    assert held.status_code == 429
    assert held.json()["error"]["code"] == "too_many_attempts"
    assert int(held.headers["Retry-After"]) >= 1
    # Tokens already issued keep working.
    with defaults.client() as http:
        assert http.get("/api/auth/profile", headers=victim.headers).status_code == 200


def test_the_same_client_waits_longer_after_each_failure(growing):
    user = growing.new_user()
    client = client_from(growing, "127.0.0.22")
    assert [login(client, user.username, "nope").status_code for _ in range(2)] == [401, 401]
    waits = []
    for attempt in range(3):
        refused = login(client, user.username, "nope")
        assert refused.status_code == 429, refused.text
        wait = int(refused.headers["Retry-After"])
        assert refused.json()["error"]["retry_after"] == wait
        waits.append(wait)
        if attempt < 2:
            time.sleep(wait)
            # Once the wait is over the attempt is checked again (and fails again).
            assert login(client, user.username, "nope").status_code == 401
    # 3 s after the 2nd failure, 6 s after the 3rd, 12 s after the 4th, each less what
    # had passed when the refusal was answered.
    assert 0 < waits[0] <= 3 < waits[1] <= 6 < 9 < waits[2] <= 12
    # Another client is not held by this one's delays.
    assert login(client_from(growing, "127.0.0.23"), user.username, PASSWORD).status_code == 200


def test_one_client_failing_on_many_accounts_is_slowed_down(spraying):
    users = [spraying.new_user() for _ in range(4)]
    sprayer = client_from(spraying, "127.0.0.24")
    assert [login(sprayer, u.username, "Summer2024!").status_code for u in users[:3]] == [401] * 3
    # A fourth account, right password or not, waits: this client has failed too often.
    assert login(sprayer, users[3].username, PASSWORD).status_code == 429
    assert login(client_from(spraying, "127.0.0.25"), users[3].username, PASSWORD).is_success


def test_an_account_refuses_every_client_after_its_ceiling(low_ceiling):
    user = low_ceiling.new_user()
    for n in range(4):
        client = client_from(low_ceiling, f"127.0.0.{30 + n}")
        assert login(client, user.username, "wrong").status_code == 401
    locked = login(client_from(low_ceiling, "127.0.0.34"), user.username, PASSWORD)
    assert locked.status_code == 429
    assert 0 < int(locked.headers["Retry-After"]) <= 3600
    other = low_ceiling.new_user()
    assert (
        login(client_from(low_ceiling, "127.0.0.34"), other.username, PASSWORD).status_code == 200
    )


def test_the_shipped_ceiling_is_100_failures_an_hour(tmp_path, monkeypatch):
    from server.config import ServerConfig

    for name in ("CASELOAD_LOGIN_MAX_FAILURES", "CASELOAD_LOGIN_WINDOW_SECONDS", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    config = ServerConfig.load(tmp_path / "data")
    assert (config.login_max_failures, config.login_window) == (100, timedelta(hours=1))


def test_x_forwarded_for_is_ignored_from_untrusted_peers(defaults, behind_proxy):
    for server in (defaults, behind_proxy):  # no proxies trusted / 127.0.0.1 trusted
        user = server.new_user()
        client = client_from(server, "127.0.0.40")
        statuses = [
            login(client, user.username, "wrong", **{"X-Forwarded-For": f"192.0.2.{n}"}).status_code
            for n in range(6)
        ]
        assert statuses == [401] * 5 + [429]


def test_x_forwarded_for_names_the_client_behind_a_trusted_proxy(behind_proxy):
    user = behind_proxy.new_user()
    proxy = behind_proxy.client()  # from 127.0.0.1, which is trusted
    typist = {"X-Forwarded-For": "203.0.113.7"}
    assert [login(proxy, user.username, "typo", **typist).status_code for _ in range(6)] == [
        401
    ] * 5 + [429]
    # The same account from another client behind the same proxy signs in.
    assert login(proxy, user.username, PASSWORD, **{"X-Forwarded-For": "203.0.113.8"}).is_success
    # A value the typist made up (left of what the proxy appended) changes nothing.
    spoofed = {"X-Forwarded-For": "198.51.100.1, 203.0.113.7"}
    assert login(proxy, user.username, PASSWORD, **spoofed).status_code == 429


def test_a_bad_trusted_proxy_setting_stops_the_server(defaults):
    done = defaults.run_cli(
        "db", "upgrade", extra_env={"CASELOAD_TRUSTED_PROXIES": "10.0.0.0/8 nonsense"}
    )
    assert done.returncode == 2
    assert "CASELOAD_TRUSTED_PROXIES" in done.stderr and "'nonsense'" in done.stderr


# --- the address rule itself --------------------------------------------------------

TRUSTED = parse_trusted_proxies("127.0.0.1, 10.0.0.0/8 ::1")


@pytest.mark.parametrize(
    ("peer", "headers", "client"),
    [
        ("192.0.2.5", ["203.0.113.1"], "192.0.2.5"),  # untrusted peer: header ignored
        ("127.0.0.1", [], "127.0.0.1"),  # trusted proxy without a header
        ("127.0.0.1", ["203.0.113.1"], "203.0.113.1"),
        ("127.0.0.1", ["6.6.6.6, 203.0.113.1"], "203.0.113.1"),  # walked from the right
        ("127.0.0.1", ["203.0.113.1, 10.1.2.3"], "203.0.113.1"),  # two trusted hops
        ("127.0.0.1", ["6.6.6.6", "203.0.113.1, 10.1.2.3"], "203.0.113.1"),  # two headers
        ("127.0.0.1", ["10.1.2.3, 10.4.5.6"], "10.1.2.3"),  # all trusted: the leftmost
        ("127.0.0.1", ["203.0.113.1, not-an-ip"], "127.0.0.1"),  # garbage stops at the proxy
        ("::1", ["[2001:db8::7]:4711"], "2001:db8::7"),
        ("::ffff:127.0.0.1", ["203.0.113.1:80"], "203.0.113.1"),
    ],
)
def test_client_address_walks_trusted_hops_from_the_right(peer, headers, client):
    assert client_address(peer, headers, TRUSTED) == client


def test_delays_double_from_the_first_up_to_the_cap():
    from server.auth import login_delay

    first, cap = timedelta(seconds=1), timedelta(minutes=15)
    delays = [login_delay(n, 5, first, cap) for n in range(4, 17)]
    assert delays[0] is None
    assert [d.total_seconds() for d in delays[1:]] == [
        1,
        2,
        4,
        8,
        16,
        32,
        64,
        128,
        256,
        512,
        900,
        900,
    ]


def test_trusted_proxies_parse_addresses_and_blocks():
    assert parse_trusted_proxies("") == ()
    assert ipaddress.ip_address("10.9.9.9") in TRUSTED[1]
    assert parse_address("garbage") is None
    with pytest.raises(ValueError, match=re.escape("'10.0.0.300'")):
        parse_trusted_proxies("10.0.0.300")
