"""Laptops (real encrypted databases) syncing with a real ``caseload-server`` on loopback."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desktop.auth.accounts import LocalAccounts
from desktop.paths import DataPaths
from desktop.services import Services
from desktop.services.sync_account import SyncAccount
from desktop.sync.client import RetryPolicy
from desktop.sync.engine import SyncReport

# GUI fixtures; app_translations (autouse) installs the app's translations as the app
# does, so a file run alone reads the English plurals ("1 change waiting") too.
from tests.desktop.ui.conftest import app_translations, controller, settings  # noqa: F401
from tests.server.conftest import PASSWORD as SERVER_PASSWORD
from tests.server.conftest import ServerFactory, ServerProcess, User

LOCAL_PASSWORD = "laptop admin passphrase"
# Tests do not wait minutes for backoff: first delay 10 ms, at most 5 tries.
FAST_RETRIES = RetryPolicy(attempts=5, first_delay=0.01, max_delay=0.05, max_wait_in_run=2)


class Laptop:
    """One laptop's data folder; its admin is linked to a server account."""

    def __init__(self, root: Path, server: ServerProcess, server_user: User):
        self.paths = DataPaths.resolve(root)
        self.accounts = LocalAccounts(self.paths)
        self.login = self.accounts.initialize("admin", LOCAL_PASSWORD, "Laptop Admin")
        self.services = Services.for_session(self.login, self.accounts)
        self.server = server
        self.server_user = server_user
        self.account = SyncAccount(self.login.db, self.login.actor)
        self.account.link(server.base_url, server_user.username, SERVER_PASSWORD)

    def sync(self, **options) -> SyncReport:
        options.setdefault("policy", FAST_RETRIES)
        return self.account.sync(**options)

    def reopen(self) -> None:
        """As after a restart of the app."""
        self.login.close()
        self.login = self.accounts.login("admin", LOCAL_PASSWORD)
        self.services = Services.for_session(self.login, self.accounts)
        self.account = SyncAccount(self.login.db, self.login.actor)

    def close(self) -> None:
        self.login.close()


@pytest.fixture(scope="module")
def sync_server(tmp_path_factory) -> Iterator[ServerProcess]:
    factory = ServerFactory("sqlite", tmp_path_factory.mktemp("sync-server"), None)
    try:
        yield factory.start(dev=True)
    finally:
        factory.stop_all()


@pytest.fixture
def laptops(tmp_path, sync_server) -> Iterator:
    """Makes laptops; each test's server accounts are in an organisation of their own."""
    made: list[Laptop] = []
    organisation = f"org-{uuid.uuid4().hex[:8]}"

    def make(role: str = "supervisor", server_user: User | None = None) -> Laptop:
        user = server_user or sync_server.new_user(role, organisation=organisation)
        laptop = Laptop(tmp_path / f"laptop-{len(made)}", sync_server, user)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()


def server_records(server: ServerProcess, user: User, entity: str) -> dict[str, dict]:
    """Every live record the server account sees, by id, through the change feed."""
    records: dict[str, dict] = {}
    since = 0
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        server.login(user)
        while True:
            page = http.get(
                "/api/sync/changes", params={"since": since, "limit": 1000}, headers=user.headers
            ).json()["data"]
            for change in page["changes"]:
                if change["entity"] == entity:
                    if change["deleted"]:
                        records.pop(change["id"], None)
                    else:
                        records[change["id"]] = change
            since = page["next_since"]
            if not page["has_more"]:
                return records
