"""The one worker helper: results, failures, progress and cancel reach the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from desktop.errors import UserError
from desktop.ui.worker import Cancelled, run_task


def test_result_arrives_in_the_gui_thread(qtbot):
    seen = {}

    def task(a, b):
        seen["thread"] = threading.current_thread()
        return a + b

    worker = run_task(task, 2, 3)
    with qtbot.waitSignal(worker.signals.finished, timeout=5_000) as blocker:
        pass
    assert blocker.args == [5]
    assert seen["thread"] is not threading.main_thread()
    assert QThread.currentThread() is qtbot_app_thread()


def qtbot_app_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_failure_and_progress(qtbot):
    progress = []

    def task(context):
        for done in range(1, 4):
            context.progress(done, 3, f"step {done}")
        raise UserError("cannot do that")

    worker = run_task(task, with_context=True, on_progress=lambda *a: progress.append(a))
    with qtbot.waitSignal(worker.signals.failed, timeout=5_000) as blocker:
        pass
    assert isinstance(blocker.args[0], UserError)
    qtbot.waitUntil(lambda: len(progress) == 3)
    assert progress[-1] == (3, 3, "step 3")


def test_cancel(qtbot):
    started = threading.Event()
    release = threading.Event()

    def task(context):
        started.set()
        release.wait(5)
        context.check_cancelled()
        return "not cancelled"

    worker = run_task(task, with_context=True)
    assert started.wait(5)
    worker.cancel()
    release.set()
    with qtbot.waitSignal(worker.signals.failed, timeout=5_000) as blocker:
        pass
    assert isinstance(blocker.args[0], Cancelled)
