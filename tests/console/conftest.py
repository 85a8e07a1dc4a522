"""The web console in-process (Flask's test client) on a real encrypted SQLite database."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from server.app import create_app
from server.auth import create_user
from server.config import ServerConfig
from server.models import User
from tests.server.conftest import ServerFactory, ServerProcess

PASSWORD = "correct horse battery"
_CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_config(data_dir: Path, **settings) -> ServerConfig:
    base = ServerConfig(
        data_dir=data_dir,
        database_url=f"sqlite:///{data_dir / 'caseload.db'}",
        jwt_secret=b"console tests signing key, 32 bytes+",
        db_key=bytes(range(32)),
        console_plain_http=True,
    )
    return replace(base, **settings)


def add_user(app: Flask, username: str, role: str, organisation: str = "default") -> User:
    session = app.extensions["caseload"].session_factory()
    try:
        user = create_user(session, username, PASSWORD, role=role, organisation=organisation)
        session.commit()
        session.refresh(user)
        session.expunge(user)
        return user
    finally:
        session.close()


def csrf_token(html: str) -> str:
    found = _CSRF_RE.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def sign_in(client: FlaskClient, username: str, password: str = PASSWORD):
    token = csrf_token(client.get("/sign-in").text)
    return client.post(
        "/sign-in", data={"username": username, "password": password, "csrf_token": token}
    )


@pytest.fixture(scope="module")
def console_server(tmp_path_factory) -> Iterator[ServerProcess]:
    """A real `caseload-server` process on loopback, its console cookie allowed over http."""
    factory = ServerFactory("sqlite", tmp_path_factory.mktemp("console-server"), None)
    try:
        yield factory.start(dev=True, CASELOAD_CONSOLE_PLAIN_HTTP="1")
    finally:
        factory.stop_all()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    made = create_app(make_config(tmp_path))
    yield made
    made.extensions["caseload"].engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()
