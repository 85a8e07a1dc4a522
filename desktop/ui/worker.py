"""The one worker helper: a QRunnable on the global QThreadPool with GUI-thread signals.

Used for login, backups, long saves and (later) sync. The task runs in a pool thread and
never touches widgets; its signals are delivered to the GUI thread (queued connections).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task (by ``WorkerContext.check_cancelled``) when the user cancelled."""


class WorkerSignals(QObject):
    finished = Signal(object)  # the task's result
    failed = Signal(object)  # the exception it raised
    progress = Signal(int, int, str)  # done, total, text
    done = Signal()  # after finished or failed, whatever happened


class WorkerContext:
    """Handed to tasks that want to report progress or notice a cancel."""

    def __init__(self, signals: WorkerSignals, cancel_event: threading.Event):
        self._signals = signals
        self._cancel = cancel_event

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)


class Worker(QRunnable):
    """Runs ``task(*args, **kwargs)`` (or ``task(context, ...)`` with ``with_context``)."""

    def __init__(
        self,
        task: Callable[..., Any],
        *args: Any,
        with_context: bool = False,
        **kwargs: Any,
    ):
        super().__init__()
        self.setAutoDelete(False)  # the Python object owns it; keeps signals alive
        self.signals = WorkerSignals()
        self._task = task
        self._args = args
        self._kwargs = kwargs
        self._with_context = with_context
        self._cancel = threading.Event()
        self.context = WorkerContext(self.signals, self._cancel)
        self.running = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        self.running = True
        try:
            if self._with_context:
                result = self._task(self.context, *self._args, **self._kwargs)
            else:
                result = self._task(*self._args, **self._kwargs)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self.running = False
            self.signals.done.emit()


# Workers are kept here until they are done, so neither they nor their signals are
# garbage-collected while a pool thread still runs them.
_active: set[Worker] = set()


def run_task(
    task: Callable[..., Any],
    *args: Any,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    with_context: bool = False,
    pool: QThreadPool | None = None,
    **kwargs: Any,
) -> Worker:
    """Starts ``task`` in the pool; callbacks run in the GUI thread."""
    worker = Worker(task, *args, with_context=with_context, **kwargs)
    if on_finished is not None:
        worker.signals.finished.connect(on_finished)
    if on_failed is not None:
        worker.signals.failed.connect(on_failed)
    if on_progress is not None:
        worker.signals.progress.connect(on_progress)
    _active.add(worker)
    worker.signals.done.connect(lambda: _active.discard(worker))
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


def wait_for_workers(timeout_ms: int = 10_000) -> bool:
    """Blocks until the global pool is idle (at shutdown, before the database closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
