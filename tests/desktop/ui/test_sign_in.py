"""Signing in to a server that never answers: the window goes on working meanwhile, the
user can cancel, and otherwise the wait ends with a message that says what happened.

The "server" is a real loopback socket that listens and never answers: the kernel
accepts the connection, the request goes out, and no reply ever comes back.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop.ui.worker import wait_for_workers
from tests.desktop.ui.test_windows import log_in

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def silent_server() -> Iterator[str]:
    """The address of a loopback server that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)  # connections wait in the backlog: accepted, never read
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def open_panel_and_type(qtbot, window, server: str):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL_SHIFT)
    panel = window.sync_panel
    qtbot.waitUntil(panel.isVisible)
    with qtbot.waitActive(panel):  # keys go to the active window, as for a person
        panel.activateWindow()
    for field, text in (
        (panel.server_edit, server),
        (panel.username_edit, "someone"),
        (panel.password_edit, "a server password"),
    ):
        qtbot.mouseClick(field, LEFT)
        field.selectAll()
        qtbot.keyClicks(field, text)
    return panel


def test_the_window_works_while_a_sign_in_waits_and_cancel_ends_the_wait(
    qtbot, controller, office, silent_server, shown_messages
):
    window = log_in(qtbot, controller, "admin")
    panel = open_panel_and_type(qtbot, window, silent_server)
    # The wait is cut short (2 s, not the 15 s default) so that the worker ends soon
    # after the test; the user's Cancel comes long before it.
    window.sync_runner.client_options["timeout"] = 2.0

    qtbot.keyClick(panel.password_edit, Qt.Key.Key_Return)
    assert shown_messages == [], panel.account_state.text()
    assert panel.sign_in_operation is not None and panel.sign_in_operation.running
    assert panel.password_edit.text() == ""
    assert "Signing in to" in panel.account_state.text()
    assert panel.cancel_sign_in_button.isVisible() and not panel.sign_in_button.isEnabled()

    # The event loop runs: a timer fires and a click in the main window is handled.
    fired = []
    QTimer.singleShot(50, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True], timeout=1_000)
    qtbot.mouseClick(window.caseload.search, LEFT)
    qtbot.keyClicks(window.caseload.search, "Haddad")
    assert window.caseload.search.text() == "Haddad"
    assert panel.sign_in_operation is not None and panel.sign_in_operation.running

    with qtbot.waitSignal(panel.sign_in_ended, timeout=1_000):
        qtbot.mouseClick(panel.cancel_sign_in_button, LEFT)
    assert panel.account_state.text() == "Sign-in cancelled; nothing was kept."
    assert panel.sign_in_button.isEnabled() and not panel.cancel_sign_in_button.isVisible()
    assert wait_for_workers(10_000)  # the abandoned request ends at its timeout
    assert not window.services.sync.overview().signed_in


def test_a_sign_in_the_server_never_answers_times_out_with_a_clear_message(
    qtbot, controller, office, silent_server, shown_messages
):
    window = log_in(qtbot, controller, "admin")
    panel = open_panel_and_type(qtbot, window, silent_server)
    window.sync_runner.client_options["timeout"] = 1.0

    with qtbot.waitSignal(panel.sign_in_ended, timeout=10_000):
        qtbot.mouseClick(panel.sign_in_button, LEFT)
    ((kind, text),) = shown_messages
    assert kind == "user"
    assert text.startswith("The server did not answer the sign-in (waited 1 s).")
    assert "Check the server address" in text
    assert panel.account_state.text() == "Not signed in: the server did not answer."
    assert panel.sign_in_button.isEnabled() and not panel.cancel_sign_in_button.isVisible()
    assert not window.services.sync.overview().signed_in
