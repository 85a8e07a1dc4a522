"""Subprocess probes: ``python -m tests.benchmarks.probes KIND [DATA_DIR]``.

- ``start-app DATA_DIR``: runs the app's own startup (``desktop.app.main``, as
  ``python -m desktop --data-dir D`` does) and prints ``SHOWN`` when the login dialog has
  been painted for the first time, then exits at once.
- ``start-bare``: a bare PySide6 window, same signal: the baseline of the start row.
- ``memory-app DATA_DIR``: logs in, opens the real main window with the caseload list,
  prints ``RSS <kB>`` once it is painted.
- ``memory-bare``: a bare PySide6 window's RSS, the baseline of the memory row.

The parent measures the wall time from ``Popen`` to the line, so interpreter start-up and
imports count, as they do for a user.
"""

from __future__ import annotations

import os
import sys


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _finish(line: str) -> None:
    print(line, flush=True)
    os._exit(0)  # the measurement is over: no teardown (the parent stops timing at the line)


def _on_first_paint(widget, line_factory) -> None:
    """Prints once the widget's first paint event has been delivered."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                # After the paint has been handled (the frame exists), not before.
                QTimer.singleShot(0, lambda: _finish(line_factory()))
            return False

    widget._first_paint = FirstPaint(widget)
    widget.installEventFilter(widget._first_paint)


def start_app(data_dir: str) -> None:
    import argparse

    import desktop.app
    import desktop.ui.controller as controller

    original_start = controller.AppController.start

    def start(self):
        self.login_shown.connect(lambda dialog: _on_first_paint(dialog, lambda: "SHOWN"))
        original_start(self)

    controller.AppController.start = start
    args = argparse.Namespace(data_dir=data_dir, verbose=False, self_test=False)
    sys.exit(desktop.app.main(args))


def start_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("Caseload")
    window.resize(420, 300)
    _on_first_paint(window, lambda: "SHOWN")
    window.show()
    sys.exit(app.exec())


def memory_app(data_dir: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.app import install_style, open_main_window
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.ui.settings import Settings
    from tests.benchmarks.dataset import ADMIN, PASSWORD

    app = QApplication(sys.argv[:1])
    install_style(app)
    accounts = LocalAccounts(DataPaths.resolve(data_dir))
    login = accounts.login(ADMIN, PASSWORD)
    settings = Settings(
        QSettings(os.path.join(data_dir, "bench-settings.ini"), QSettings.Format.IniFormat)
    )
    window = open_main_window(login, accounts, settings)
    window.resize(1400, 900)
    assert window.model.total > 0
    _on_first_paint(window.caseload.view.viewport(), lambda: f"RSS {_rss_kb()}")
    window.show()
    sys.exit(app.exec())


def memory_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("Caseload")
    window.resize(1400, 900)
    _on_first_paint(window, lambda: f"RSS {_rss_kb()}")
    window.show()
    sys.exit(app.exec())


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    {
        "start-app": start_app,
        "start-bare": start_bare,
        "memory-app": memory_app,
        "memory-bare": memory_bare,
    }[kind](*rest)
