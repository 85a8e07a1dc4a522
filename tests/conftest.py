"""Shared fixtures: a real encrypted database in tmp_path, logged-in users of each role."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CASELOAD_DATA_DIR", None)
os.environ.pop("CASELOAD_PASSWORD", None)

import shutil
from dataclasses import dataclass

import pytest

from desktop.auth.accounts import LocalAccounts, LoginSession
from desktop.domain.enums import Role
from desktop.paths import DataPaths
from desktop.services import Services

ADMIN_PASSWORD = "admin passphrase 1"
PASSWORDS = {
    "admin": ADMIN_PASSWORD,
    "sam": "supervisor passphrase",
    "cara": "caseworker passphrase",
    "colin": "caseworker passphrase 2",
}


@dataclass
class Office:
    """A laptop's data folder with an admin, a supervisor and two caseworkers."""

    paths: DataPaths
    accounts: LocalAccounts

    def login(self, username: str) -> LoginSession:
        return self.accounts.login(username, PASSWORDS[username], check=False)

    def services(self, username: str) -> Services:
        return Services.for_session(self.login(username), self.accounts)


@pytest.fixture
def data_paths(tmp_path) -> DataPaths:
    return DataPaths.resolve(tmp_path / "data")


@pytest.fixture
def accounts(data_paths) -> LocalAccounts:
    return LocalAccounts(data_paths)


@pytest.fixture(scope="session")
def office_template(tmp_path_factory) -> DataPaths:
    """Made once: four Argon2id key slots cost seconds, and many tests need them."""
    paths = DataPaths.resolve(tmp_path_factory.mktemp("office-template") / "data")
    accounts = LocalAccounts(paths)
    login = accounts.initialize("admin", ADMIN_PASSWORD, "Ada Admin")
    services = Services.for_session(login, accounts)
    services.users.add("sam", Role.SUPERVISOR, PASSWORDS["sam"], "Sam Supervisor")
    services.users.add("cara", Role.CASEWORKER, PASSWORDS["cara"], "Cara Caseworker")
    services.users.add("colin", Role.CASEWORKER, PASSWORDS["colin"], "Colin Caseworker")
    login.close()  # the database is closed: its files can be copied as they are
    return paths


@pytest.fixture
def office(office_template, accounts, data_paths):
    """Database with users admin, sam (supervisor), cara and colin (caseworkers): a fresh copy."""
    shutil.copytree(office_template.root, data_paths.root)
    opened: list[LoginSession] = []
    office = Office(data_paths, accounts)
    original = office.login

    def tracking_login(username: str) -> LoginSession:
        session = original(username)
        opened.append(session)
        return session

    office.login = tracking_login  # type: ignore[method-assign]
    yield office
    for session in opened:
        session.close()
