"""A sync runs in the background: the window stays usable, the status bar shows a real total.

The laptop syncs with a real server on loopback through the real HTTP transport; the
transport holds one change-feed request until the test lets it go, so the test acts
while the sync is certainly in the middle of its run (no timing).
"""

from __future__ import annotations

import threading
import uuid

import httpx
import pytest
from PySide6.QtCore import Qt

from desktop.sync.engine import FEED_PAGE
from desktop.ui.caseload import format_count
from desktop.ui.models import beneficiary_table
from tests.conftest import ADMIN_PASSWORD
from tests.desktop.ui.test_windows import log_in
from tests.e2e.conftest import FAST_RETRIES, server_records
from tests.server.conftest import PASSWORD as SERVER_PASSWORD
from tests.server.conftest import beneficiary_body
from tests.server.test_sync import change

LEFT = Qt.MouseButton.LeftButton
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ON_SERVER = 4 * FEED_PAGE  # four pages of the feed
TWO_PAGES = 2 * FEED_PAGE


class HeldFeed(httpx.BaseTransport):
    """The real transport; change-feed request number ``hold_at`` (or, with ``closing``,
    the run's closing pull, the one that leaves out the run's own writes) waits for
    ``release``."""

    def __init__(self, hold_at: int = 0, *, closing: bool = False):
        self.inner = httpx.HTTPTransport()
        self.hold_at = hold_at
        self.closing = closing
        self.feed_requests = 0
        self.held = threading.Event()
        self.release = threading.Event()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/sync/changes":
            self.feed_requests += 1
            if self.closing:
                hold = "exclude_run" in request.url.params and not self.held.is_set()
            else:
                hold = self.feed_requests == self.hold_at
            if hold:
                self.held.set()
                self.release.wait(timeout=60)  # bounded: a failing test does not hang
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
        self.inner = httpx.HTTPTransport()


@pytest.fixture(scope="module")
def busy_office(sync_server) -> str:
    """An organisation whose server holds ON_SERVER beneficiaries (pushed once per module)."""
    organisation = f"busy-{uuid.uuid4().hex[:8]}"
    feeder = sync_server.new_user("supervisor", organisation=organisation)
    with httpx.Client(base_url=sync_server.base_url, timeout=60) as http:
        for start in range(0, ON_SERVER, 100):
            body = [
                change(
                    "beneficiary",
                    str(uuid.uuid4()),
                    beneficiary_body(first_name=f"Pulled{n}", last_name="Feed"),
                )
                for n in range(start, start + 100)
            ]
            answer = http.post("/api/sync/push", json={"changes": body}, headers=feeder.headers)
            assert answer.status_code == 200, answer.text
    return organisation


def signed_in_window(qtbot, controller, office, sync_server, organisation, transport):
    """The admin's window, signed in to the server through the Sync panel (Ctrl+Shift+Y)."""
    grace = office.services("admin").beneficiaries.create(
        {"first_name": "Grace", "last_name": "Mensah"}
    )
    window = log_in(qtbot, controller, "admin", ADMIN_PASSWORD)
    press_sync_shortcut(qtbot, window)
    panel = window.sync_panel
    qtbot.waitUntil(panel.isVisible)
    user = sync_server.new_user("supervisor", organisation=organisation)
    qtbot.keyClicks(panel.server_edit, sync_server.base_url)
    qtbot.keyClicks(panel.username_edit, user.username)
    qtbot.keyClicks(panel.password_edit, SERVER_PASSWORD)
    with qtbot.waitSignal(panel.sign_in_ended, timeout=30_000):
        qtbot.mouseClick(panel.sign_in_button, LEFT)
    assert panel.sync_button.isEnabled()
    window.sync_runner.client_options.update(transport=transport, policy=FAST_RETRIES)
    return window, panel, user, grace


def press_sync_shortcut(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL_SHIFT)


def shown_count(window) -> int:
    """How many records the list finds for the search typed."""
    return window.model.total


def search(qtbot, window, text: str) -> None:
    box = window.caseload.search
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClicks(box, text)


def test_the_window_stays_usable_and_cancel_in_the_status_bar_loses_nothing(
    qtbot, controller, office, sync_server, busy_office, monkeypatch
):
    # The list counts every match here (a broad search stops counting at COUNT_BOUND).
    monkeypatch.setattr(beneficiary_table, "COUNT_BOUND", ON_SERVER + 1)
    held = HeldFeed(hold_at=3)  # after two pages of the first pull
    window, panel, user, grace = signed_in_window(
        qtbot, controller, office, sync_server, busy_office, held
    )
    lines: list[str] = []
    window.sync_runner.progress.connect(lambda _done, _total, text: lines.append(text))
    try:
        qtbot.mouseClick(panel.sync_button, LEFT)
        qtbot.waitUntil(held.held.is_set, timeout=60_000)
        # The status bar: a bar, the line with the server's total, Cancel.
        expected = f"Receiving {format_count(TWO_PAGES)} of {format_count(ON_SERVER)}"
        qtbot.waitUntil(lambda: window.sync_activity.text() == expected, timeout=10_000)
        assert window.sync_progress.isVisible() and window.sync_cancel_button.isEnabled()
        bar = window.sync_progress
        assert (bar.value(), bar.maximum()) == (TWO_PAGES, ON_SERVER)
        assert panel.progress.format() == expected

        # The panel is not modal and may be closed; the sync goes on.
        assert not panel.isModal() and window.isEnabled()
        qtbot.keyClick(panel, Qt.Key.Key_Escape)
        assert not panel.isVisible() and window.sync_runner.running

        # The window is usable: searching finds the local record and the pulled pages.
        search(qtbot, window, "Mensah")
        qtbot.waitUntil(lambda: shown_count(window) == 1, timeout=10_000)
        search(qtbot, window, "Feed")
        qtbot.waitUntil(lambda: shown_count(window) == TWO_PAGES, timeout=10_000)

        # Ctrl+Shift+Y while it runs shows the same run; no second sync starts.
        worker = window.sync_runner.worker
        press_sync_shortcut(qtbot, window)
        qtbot.waitUntil(panel.isVisible)
        assert window.sync_panel is panel and window.sync_runner.worker is worker
        assert panel.progress.format() == expected and not panel.sync_button.isEnabled()

        qtbot.mouseClick(window.sync_cancel_button, LEFT)
        assert window.sync_activity.text() == "Cancelling…"
    finally:
        held.release.set()
    qtbot.waitUntil(lambda: not window.sync_runner.running, timeout=60_000)
    assert worker.is_cancelled
    assert not window.sync_progress.isVisible() and not window.sync_cancel_button.isVisible()
    assert "Sync cancelled; nothing was lost." in panel.summary.text()
    assert "1 change waiting to sync" in window.pending_label.text()  # Grace: not sent yet

    # A second sync completes: everything arrives, Grace goes out, the digest agrees.
    with qtbot.waitSignal(panel.synced, timeout=120_000) as blocker:
        qtbot.mouseClick(panel.sync_button, LEFT)
    report = blocker.args[0]
    assert report.digest_ok is True and report.sent == 1
    qtbot.waitUntil(lambda: shown_count(window) == ON_SERVER, timeout=10_000)  # one refresh
    assert "0 changes waiting to sync" in window.pending_label.text()
    assert grace.id in server_records(sync_server, user, "beneficiary")
    totals = {line.split(" of ")[1] for line in lines if line.startswith("Receiving")}
    assert format_count(ON_SERVER) in totals  # the first pull's real total
    assert any(line.startswith("Sending 1 of 1") for line in lines)  # the outbox count


def test_locking_cancels_a_running_sync_cleanly(qtbot, controller, office, sync_server):
    held = HeldFeed(hold_at=1)
    organisation = f"lock-{uuid.uuid4().hex[:8]}"
    window, panel, _user, _grace = signed_in_window(
        qtbot, controller, office, sync_server, organisation, held
    )
    try:
        qtbot.mouseClick(panel.sync_button, LEFT)
        qtbot.waitUntil(held.held.is_set, timeout=60_000)
        worker = window.sync_runner.worker
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        threading.Timer(0.2, held.release.set).start()  # the lock waits for the worker
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    finally:
        held.release.set()
    assert window.locked and worker.is_cancelled and not worker.running
    assert window.sync_runner is None and window.sync_panel is None
    assert not window.sync_progress.isVisible()
