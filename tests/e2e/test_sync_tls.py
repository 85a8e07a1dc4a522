"""An untrusted server certificate is named as such, with why; an organisation's own CA
can be trusted (Sync panel, ``caseload sync --ca-file``). Real TLS on loopback in front of
the real server, with certificates made here by a test certificate authority."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.auth.accounts import LocalAccounts, LoginSession
from desktop.paths import DataPaths
from desktop.services import Services
from desktop.services.sync_account import SyncAccount
from desktop.sync.client import CaFileError, CertificateNotTrusted
from desktop.ui.sync_panel import SyncPanel
from tests.desktop.ui.conftest import shown_messages  # noqa: F401 (GUI fixture)
from tests.e2e.conftest import FAST_RETRIES, LOCAL_PASSWORD
from tests.e2e.tls import Certificate, TestAuthority, tls_front
from tests.server.conftest import PASSWORD as SERVER_PASSWORD
from tests.server.conftest import REPO_ROOT, User

UNKNOWN_ISSUER = "is not trusted: it was issued by an unknown certificate authority."


@dataclass
class Certificates:
    authority: TestAuthority
    good: Certificate
    expired: Certificate
    wrong_host: Certificate
    self_signed: Certificate


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> Certificates:
    authority = TestAuthority(tmp_path_factory.mktemp("pki"))
    return Certificates(
        authority,
        good=authority.issue("good"),
        expired=authority.issue("expired", expired=True),
        wrong_host=authority.issue("wrong-host", ("caseload.example.org",)),
        self_signed=authority.issue("self-signed", self_signed=True),
    )


@dataclass
class NewLaptop:
    """A laptop with one record to send, not yet linked to the server."""

    paths: DataPaths
    login: LoginSession
    account: SyncAccount
    server_user: User
    services: Services


@pytest.fixture
def laptop(tmp_path, sync_server):
    paths = DataPaths.resolve(tmp_path / "laptop")
    accounts = LocalAccounts(paths)
    login = accounts.initialize("admin", LOCAL_PASSWORD, "Laptop Admin")
    services = Services.for_session(login, accounts)
    services.beneficiaries.create({"first_name": "Tls", "last_name": "Person"})
    user = sync_server.new_user("supervisor", organisation=f"org-{uuid.uuid4().hex[:8]}")
    made = NewLaptop(paths, login, services.sync, user, services)
    yield made
    made.login.close()


def caseload_cli(laptop: NewLaptop, url: str, *extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASELOAD_")}
    env.update(CASELOAD_PASSWORD=LOCAL_PASSWORD, CASELOAD_SERVER_PASSWORD=SERVER_PASSWORD)
    command = [sys.executable, "-m", "desktop", "--data-dir", str(laptop.paths.root), "sync"]
    command += ["--user", "admin", "--server", url, "--server-user", laptop.server_user.username]
    return subprocess.run(
        [*command, *extra],
        env=env,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_cli_names_the_unknown_authority_and_syncs_with_ca_file(laptop, sync_server, pki, tmp_path):
    laptop.login.close()  # the command line opens the laptop itself
    not_pem = tmp_path / "not-a-certificate.pem"
    not_pem.write_text("this is a note, not a certificate\n")
    with tls_front(pki.good, sync_server.base_url) as front:
        url = front.url
        untrusted = caseload_cli(laptop, url)
        assert untrusted.returncode == 1
        (line,) = untrusted.stderr.strip().splitlines()  # one line, no traceback
        assert line.startswith(f"caseload: The certificate of {url.removeprefix('https://')}")
        assert UNKNOWN_ISSUER in line and "--ca-file" in line

        refused = caseload_cli(laptop, url, "--ca-file", str(not_pem))
        assert refused.returncode == 1
        assert refused.stderr.strip().splitlines() == [
            f"caseload: The certificate authority file {not_pem} holds no certificate in PEM "
            "format (text beginning with -----BEGIN CERTIFICATE-----)."
        ]

        trusted = caseload_cli(laptop, url, "--ca-file", str(pki.authority.ca_file))
        assert trusted.returncode == 0, trusted.stderr
        assert "Sync: sent 1," in trusted.stdout
        # Remembered for this server: the next run needs no option.
        again = caseload_cli(laptop, url)
        assert again.returncode == 0, again.stderr
        assert "Sync: sent 0," in again.stdout


@pytest.mark.parametrize(
    ("certificate", "host", "trust_ca", "expected"),
    [
        ("good", "127.0.0.1", False, UNKNOWN_ISSUER),
        ("self_signed", "localhost", False, "is not trusted: it is self-signed."),
        ("expired", "127.0.0.1", True, "is not trusted: it has expired."),
        (
            "wrong_host",
            "127.0.0.1",
            True,
            "is not trusted: it was issued for another address, not 127.0.0.1.",
        ),
        (
            "wrong_host",
            "localhost",
            True,
            "is not trusted: it was issued for another host name, not localhost.",
        ),
    ],
)
def test_the_reason_a_certificate_is_not_trusted_is_named(
    laptop, sync_server, pki, certificate, host, trust_ca, expected
):
    with tls_front(getattr(pki, certificate), sync_server.base_url, host) as front:
        url = front.url
        if trust_ca:
            laptop.account.set_ca_file(url, str(pki.authority.ca_file))
        with pytest.raises(CertificateNotTrusted) as refused:
            laptop.account.link(url, laptop.server_user.username, SERVER_PASSWORD)
        message = str(refused.value)
        assert message.startswith(f"The certificate of {url.removeprefix('https://')} ")
        assert expected in message
        assert "cannot reach" not in message
    assert not laptop.account.overview().signed_in


def test_a_certificate_failure_is_not_retried(laptop, sync_server, pki):
    """Trying again cannot make a certificate trusted: one handshake, then the message."""
    with tls_front(pki.good, sync_server.base_url) as front:
        url = front.url
        laptop.account.set_ca_file(url, str(pki.authority.ca_file))
        laptop.account.link(url, laptop.server_user.username, SERVER_PASSWORD)
        laptop.account.set_ca_file(url, None)  # the usual authorities only, again
        connections_before = front.connections
        with pytest.raises(CertificateNotTrusted, match="unknown certificate authority"):
            laptop.account.sync(policy=FAST_RETRIES)
        assert front.connections - connections_before == 1
        assert laptop.account.overview().pending == 1  # nothing lost, it waits


def test_a_bad_ca_file_is_refused_naming_it_and_nothing_is_kept(laptop, pki, tmp_path):
    url = "https://caseload.example.org"
    laptop.account.set_ca_file(url, str(pki.authority.ca_file))
    key_only = tmp_path / "key-only.pem"
    key_only.write_bytes(pki.good.key_file.read_bytes())
    binary = tmp_path / "binary.cer"
    binary.write_bytes(bytes(range(256)))
    cases = {
        tmp_path / "missing.pem": "does not exist",
        tmp_path: "is a folder",
        key_only: "holds no certificate in PEM format",
        binary: "holds no certificate in PEM format",
    }
    for path, problem in cases.items():
        with pytest.raises(CaFileError) as refused:
            laptop.account.set_ca_file(url, str(path))
        assert str(refused.value).startswith(f"The certificate authority file {path} {problem}")
    assert laptop.account.ca_file(url) == str(pki.authority.ca_file)


def test_sync_panel_says_the_certificate_is_not_trusted_and_uses_the_ca_file(
    qtbot,
    laptop,
    sync_server,
    pki,
    shown_messages,  # noqa: F811
):
    with tls_front(pki.good, sync_server.base_url) as front:
        url = front.url
        panel = SyncPanel(laptop.services)
        qtbot.addWidget(panel)
        panel.show()
        qtbot.keyClicks(panel.server_edit, url)
        qtbot.keyClicks(panel.username_edit, laptop.server_user.username)
        qtbot.keyClicks(panel.password_edit, SERVER_PASSWORD)
        with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
            qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
        ((kind, text),) = shown_messages
        assert kind == "user" and UNKNOWN_ISSUER in text and "Certificate authority" in text
        assert "Not signed in" in panel.account_state.text()

        shown_messages.clear()
        missing = Path(pki.authority.ca_file.parent, "typo.pem")
        qtbot.keyClicks(panel.ca_edit, str(missing))
        qtbot.keyClicks(panel.password_edit, SERVER_PASSWORD)
        with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
            qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
        assert shown_messages == [
            ("user", f"The certificate authority file {missing} does not exist.")
        ]

        shown_messages.clear()
        panel.ca_edit.clear()
        qtbot.keyClicks(panel.ca_edit, str(pki.authority.ca_file))
        qtbot.keyClicks(panel.password_edit, SERVER_PASSWORD)
        with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
            qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
        assert shown_messages == []
        assert "Signed in" in panel.account_state.text()
        with qtbot.waitSignal(panel.synced, timeout=60_000) as synced:
            qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
        assert synced.args[0].sent == 1
        qtbot.waitUntil(lambda: panel.worker is None)

        # Kept for this server: a panel opened later shows it.
        reopened = SyncPanel(laptop.services)
        qtbot.addWidget(reopened)
        assert reopened.ca_edit.text() == str(pki.authority.ca_file)

        # Without it, "Sync now" shows the same message as signing in did.
        panel.ca_edit.clear()
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.worker is None and bool(shown_messages), timeout=60_000)
        ((kind, text),) = shown_messages
        assert kind == "user" and UNKNOWN_ISSUER in text
