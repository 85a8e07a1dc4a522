"""How a UI action gets its work done: one ``Operation`` on the worker pool, one signal after.

Every action that writes records or talks to the server is written the same way::

    Operation(self, lambda: services.beneficiaries.close(record_id)) \\
        .applies(Applied(show_id=record_id, message=self.tr("Case closed."))) \\
        .run_in_background()

The work runs in a pool thread (``desktop.ui.worker``) and never touches widgets; what
follows runs in the GUI thread: the app-wide ``changes().applied`` signal first (the main
window reloads the list, shows the detail again and refreshes the status bar, in one
place), then the action's own ``success`` callback. A failure goes to ``show_error``
unless the action handles it. Nothing of either runs once the parent widget is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.errors import show_error
from desktop.ui.worker import Worker, WorkerContext, run_task

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Applied:
    """What an operation changed, for whoever shows records.

    ``show_id``: the beneficiary to show afterwards (None: the one shown stays);
    ``removed_id``: a beneficiary that is gone (its detail closes if it is shown);
    ``message``: a line for the status bar.
    """

    show_id: str | None = None
    removed_id: str | None = None
    message: str = ""


class Changes(QObject):
    """The one "changes applied" signal of the application."""

    applied = Signal(object)  # Applied


_changes: Changes | None = None


def changes() -> Changes:
    """The application's ``Changes`` (made on first use, owned by the QApplication)."""
    global _changes
    if _changes is None or not shiboken6.isValid(_changes):
        _changes = Changes(QCoreApplication.instance())
    return _changes


class Operation(Generic[T]):
    """One background action: ``Operation(parent, op).success(...).run_in_background()``.

    ``parent``: the widget (or object) the action belongs to; errors are shown over it,
    and once it is deleted the result is dropped (the work itself is not undone).

    ``op`` takes no argument, or the worker's context (progress, cancel) when
    ``with_context`` is true.
    """

    def __init__(
        self,
        parent: QObject,
        op: Callable[[], T] | Callable[[WorkerContext], T],
        *,
        with_context: bool = False,
    ):
        self._parent = parent
        self._op = op
        self._with_context = with_context
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress: Callable[[int, int, str], None] | None = None
        self._applied: Applied | Callable[[T | None], Applied] | None = None
        self._applies_on_failure = False
        self.worker: Worker | None = None

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        """Replaces the default (``show_error`` on the parent)."""
        self._failure = callback
        return self

    def progress(self, callback: Callable[[int, int, str], None]) -> Operation[T]:
        self._progress = callback
        return self

    def applies(
        self,
        applied: Applied | Callable[[T | None], Applied],
        *,
        even_on_failure: bool = False,
    ) -> Operation[T]:
        """Announces ``applied`` (or what it makes of the result) on ``changes().applied``.

        ``even_on_failure``: for work that applies as it goes (a sync), the records
        changed before it stopped are shown too (the callable is then given None).
        """
        self._applied = applied
        self._applies_on_failure = even_on_failure
        return self

    @property
    def running(self) -> bool:
        return self.worker is not None

    @property
    def cancelled(self) -> bool:
        return self.worker is not None and self.worker.is_cancelled

    def cancel(self) -> None:
        """Asks the work to stop (it sees ``context.cancelled``); its failure is then not
        shown unless the action has its own ``failure`` callback."""
        if self.worker is not None:
            self.worker.cancel()

    def run_in_background(self) -> Worker:
        if self.worker is not None:
            raise RuntimeError("an operation runs once")
        self.worker = run_task(
            self._op,
            with_context=self._with_context,
            on_finished=self._finished,
            on_failed=self._failed,
            on_progress=self._progressed,
        )
        # The worker is kept until it is done (desktop.ui.worker); it keeps this operation,
        # whose callbacks its signals reach, alive as long, whoever else forgets it.
        self.worker.operation = self
        return self.worker

    # -- in the GUI thread -------------------------------------------------------------------

    def _parent_alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _announce(self, result: Any) -> None:
        if self._applied is None:
            return
        applied = self._applied if isinstance(self._applied, Applied) else self._applied(result)
        changes().applied.emit(applied)

    def _finished(self, result: T) -> None:
        self.worker = None
        if not self._parent_alive():
            return
        # The work was done, even if a cancel came too late to stop it: both are told.
        self._announce(result)
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: BaseException) -> None:
        worker, self.worker = self.worker, None
        if not self._parent_alive():
            log.info("operation failed after its window closed: %s", type(exc).__name__)
            return
        if self._applies_on_failure:
            self._announce(None)
        if worker is not None and worker.is_cancelled and self._failure is None:
            return  # the user stopped it and was told so then
        if self._failure is not None:
            self._failure(exc)
        else:
            show_error(self._parent if isinstance(self._parent, QWidget) else None, exc)

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._progress is not None and self._parent_alive():
            self._progress(done, total, text)
