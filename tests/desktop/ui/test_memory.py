"""Memory that the login and unlock worker threads freed is handed back to the system."""

import sys

import pytest
from PySide6.QtCore import Qt

import desktop.ui.controller
import desktop.ui.main_window
from desktop.ui import memory
from desktop.ui.login import LoginDialog
from tests.conftest import PASSWORDS
from tests.desktop.ui.conftest import submit_login


@pytest.fixture
def fresh_lookup():
    memory._malloc_trim.cache_clear()
    yield
    memory._malloc_trim.cache_clear()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_release_asks_glibc_on_linux(fresh_lookup):
    assert memory.release_free_memory() is True


def test_release_does_nothing_where_there_is_no_malloc_trim(fresh_lookup, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert memory.release_free_memory() is False


def test_login_and_unlock_hand_back_what_their_worker_freed(qtbot, controller, office, monkeypatch):
    calls = []
    for module in (desktop.ui.controller, desktop.ui.main_window):
        monkeypatch.setattr(
            module, "release_free_memory", lambda name=module.__name__: calls.append(name)
        )
    controller.start()
    assert isinstance(controller.dialog, LoginDialog)
    submit_login(qtbot, controller.dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    assert calls == ["desktop.ui.controller"]

    window = controller.window
    window.lock()
    window.lock_screen.password.setText(PASSWORDS["cara"])
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert calls == ["desktop.ui.controller", "desktop.ui.main_window"]
