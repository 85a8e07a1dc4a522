"""The full integrity check a login left for later, and the banner that reports damage.

After an unclean exit the database needs both full checks (``quick_check`` and
``cipher_integrity_check``, every page): 31 s at 330,000 beneficiaries. The login defers
them (``open_database(defer_check=True)``); once the main window shows the list, a pool
worker runs them on a connection of its own while the person works. If they find damage
the banner above the list says so and what to do, and stays until the window closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.errors import CheckInterrupted
from desktop.ui.worker import Worker, run_task

log = logging.getLogger(__name__)

# The damage lines shown in the banner's tooltip (SQLite's own words, no record data).
SHOWN_PROBLEMS = 5


class IntegrityBanner(QFrame):
    """Hidden until a background check fails; then says what is wrong and what to do."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("integrityBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#integrityBanner { background: #fdecea; border: 1px solid #d93025; }"
            "#integrityBanner QLabel { color: #5f2120; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        self.problems: list[str] = []
        self.hide()

    def show_problems(self, problems: list[str]) -> None:
        self.problems = list(problems)
        self.label.setText(
            self.tr(
                "The database file is damaged: its full check found %n problem(s). "
                "Records you open may be incomplete. Stop entering data, make a backup "
                "(File › Back up now), then close Caseload and restore the latest good "
                "backup (File › Restore backup…) or ask your administrator to run "
                "'caseload check'.",
                "",
                len(problems),
            )
        )
        self.label.setToolTip("\n".join(problems[:SHOWN_PROBLEMS]))
        self.show()


def banner_above(banner: IntegrityBanner, content: QWidget) -> QWidget:
    """The window's central widget: ``banner`` (mostly hidden) over ``content``."""
    holder = QWidget(content.parentWidget())
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(content, 1)
    return holder


def check_in_background(check: Callable[[], list[str]], banner: IntegrityBanner) -> Worker:
    """Runs ``check`` (the maintenance service's) in the pool; damage shows ``banner``."""

    def finished(problems: list[str]) -> None:
        if problems:
            log.error("background integrity check failed: %d problem(s)", len(problems))
            banner.show_problems(problems)
        else:
            log.info("background integrity check passed")

    def failed(exc: BaseException) -> None:
        if isinstance(exc, CheckInterrupted):  # logged out or locked meanwhile
            log.info("background integrity check stopped: the database was closed")
            return
        log.error("background integrity check could not run: %s", type(exc).__name__)
        banner.show_problems([f"error: {exc}"])

    return run_task(check, on_finished=finished, on_failed=failed)
