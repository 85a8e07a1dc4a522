"""The one worker helper: results, failures, progress and cancel reach the GUI thread."""

from __future__ import annotations

import threading

from desktop.errors import UserError
from desktop.ui.worker import Cancelled, run_task


class Received:
    """Callbacks handed to run_task (connected before the task starts, so nothing is missed)."""

    def __init__(self):
        self.results: list = []
        self.failures: list = []
        self.progress: list = []
        self.threads: list = []

    def finished(self, result):
        self.threads.append(threading.current_thread())
        self.results.append(result)

    def failed(self, exc):
        self.threads.append(threading.current_thread())
        self.failures.append(exc)


def test_result_arrives_in_the_gui_thread(qtbot):
    seen = {}
    received = Received()

    def task(a, b):
        seen["thread"] = threading.current_thread()
        return a + b

    run_task(task, 2, 3, on_finished=received.finished, on_failed=received.failed)
    qtbot.waitUntil(lambda: received.results == [5])
    assert seen["thread"] is not threading.main_thread()
    assert received.threads == [threading.main_thread()]


def test_failure_and_progress(qtbot):
    received = Received()

    def task(context):
        for done in range(1, 4):
            context.progress(done, 3, f"step {done}")
        raise UserError("cannot do that")

    run_task(
        task,
        with_context=True,
        on_failed=received.failed,
        on_progress=lambda *args: received.progress.append(args),
    )
    qtbot.waitUntil(lambda: len(received.failures) == 1)
    assert isinstance(received.failures[0], UserError)
    assert received.progress == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_cancel(qtbot):
    started = threading.Event()
    release = threading.Event()
    received = Received()

    def task(context):
        started.set()
        release.wait(5)
        context.check_cancelled()
        return "not cancelled"

    worker = run_task(
        task, with_context=True, on_finished=received.finished, on_failed=received.failed
    )
    assert started.wait(5)
    worker.cancel()
    release.set()
    qtbot.waitUntil(lambda: len(received.failures) == 1)
    assert isinstance(received.failures[0], Cancelled)
    assert received.results == []
