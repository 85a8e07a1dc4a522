"""The app's per-address limits (server/limits.py), in one process with in-memory counters;
test_office_stack.py has two processes sharing them in a real Redis."""

from __future__ import annotations

import logging
import secrets

import pytest

from server.app import create_app
from server.config import ConfigError, ServerConfig
from tests.server.conftest import free_port


def make_app(tmp_path, **settings):
    config = ServerConfig(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'caseload.db'}",
        jwt_secret=secrets.token_bytes(32),
        db_key=secrets.token_bytes(32),
        **settings,
    )
    app = create_app(config)
    yield app
    app.extensions["caseload"].engine.dispose()


@pytest.fixture
def app(tmp_path):
    yield from make_app(tmp_path, rate_limit_login="3 per hour", rate_limit_api="5 per hour")


def login(client, address="192.0.2.1"):
    return client.post("/api/auth/login", json={}, environ_base={"REMOTE_ADDR": address})


def test_sign_ins_past_the_limit_get_429_in_the_error_format(app):
    client = app.test_client()
    assert [login(client).status_code for _ in range(3)] == [422] * 3
    refused = login(client)
    assert refused.status_code == 429
    body = refused.get_json()["error"]
    assert body["code"] == "rate_limited"
    assert body["retry_after"] == int(refused.headers["Retry-After"])
    assert 3000 < body["retry_after"] <= 3600
    assert refused.headers["Cache-Control"] == "no-store"
    # Per address: another client is not held.
    assert login(client, "192.0.2.2").status_code == 422


def test_the_api_limit_counts_every_route_but_health(app):
    client = app.test_client()
    env = {"REMOTE_ADDR": "192.0.2.3"}
    for _ in range(10):
        assert client.get("/health", environ_base=env).status_code == 200
    statuses = [client.get("/api/auth/profile", environ_base=env).status_code for _ in range(5)]
    assert statuses == [401] * 5
    assert client.get("/api/openapi.json", environ_base=env).status_code == 429
    assert client.get("/health", environ_base=env).status_code == 200


def test_limits_can_be_turned_off(tmp_path):
    for app in make_app(tmp_path, rate_limit_login=None, rate_limit_api=None):
        client = app.test_client()
        assert {login(client).status_code for _ in range(20)} == {422}


def test_settings_are_read_and_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("CASELOAD_RATE_LIMIT_API", "10/second;1000 per hour")
    monkeypatch.setenv("CASELOAD_RATE_LIMIT_LOGIN", "off")
    monkeypatch.setenv("CASELOAD_REDIS_URL", "redis://127.0.0.1:6379/2")
    config = ServerConfig.load(tmp_path / "data")
    assert config.rate_limit_api == "10/second;1000 per hour"
    assert config.rate_limit_login is None
    assert config.redis_url == "redis://127.0.0.1:6379/2"
    monkeypatch.setenv("CASELOAD_RATE_LIMIT_LOGIN", "lots")
    with pytest.raises(ConfigError, match="CASELOAD_RATE_LIMIT_LOGIN"):
        ServerConfig.load(tmp_path / "data")
    monkeypatch.delenv("CASELOAD_RATE_LIMIT_LOGIN")
    monkeypatch.setenv("CASELOAD_REDIS_URL", "127.0.0.1:6379")
    with pytest.raises(ConfigError, match="CASELOAD_REDIS_URL"):
        ServerConfig.load(tmp_path / "data")
    monkeypatch.delenv("CASELOAD_REDIS_URL")
    monkeypatch.delenv("CASELOAD_RATE_LIMIT_API")
    defaults = ServerConfig.load(tmp_path / "data")
    assert (defaults.redis_url, defaults.rate_limit_api, defaults.rate_limit_login) == (
        None,
        "3000 per minute",
        "60 per minute",
    )


def test_an_unreachable_redis_lets_requests_through_and_health_says_so(tmp_path, caplog):
    # A loopback port nothing listens on: connections are refused at once.
    url = f"redis://127.0.0.1:{free_port()}/0"
    for app in make_app(tmp_path, redis_url=url, rate_limit_login="1 per hour"):
        client = app.test_client()
        with caplog.at_level(logging.ERROR):
            assert [login(client).status_code for _ in range(3)] == [422] * 3
        health = client.get("/health")
        assert health.status_code == 503
        error = health.get_json()["error"]
        assert (error["code"], error["check"]) == ("redis_unavailable", "redis")
    assert "Failed to rate limit" in caplog.text
