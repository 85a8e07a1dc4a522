"""The main window's sync: the one Sync panel, the background run and the status bar slots.

A part of ``MainWindow`` (``desktop.ui.main_window``). The run announces what it
applied on the one ``changes().applied`` signal (``BackgroundSync``), so the list and
the detail are refreshed where every other change refreshes them.
"""

from __future__ import annotations

from desktop.errors import UserError
from desktop.ui.dates import format_stored_time


class SyncControls:
    """Mixed into MainWindow: the Sync panel, the window's sync run, the status bar."""

    def open_sync_panel(self) -> None:
        """Shows the one Sync panel; while a sync runs it shows that run (no second one)."""
        if self.services is None:
            return
        from desktop.ui.sync_panel import SyncPanel

        if self.sync_panel is None:
            panel = SyncPanel(self.services, self, runner=self._sync_runner())
            panel.finished.connect(lambda _result: self.refresh_status())
            self.sync_panel = panel
        else:
            self.sync_panel.refresh()
        self.sync_panel.show()
        self.sync_panel.raise_()
        self.sync_panel.activateWindow()

    def _sync_runner(self):
        if self.sync_runner is None:
            from desktop.ui.sync_panel import BackgroundSync

            runner = BackgroundSync(self.services.sync, self)
            runner.started.connect(lambda: self._show_sync_running(True))
            runner.progress.connect(self._sync_progress)
            runner.ended.connect(self._sync_ended)
            self.sync_runner = runner
        return self.sync_runner

    def cancel_sync(self) -> None:
        if self.sync_runner is not None:
            self.sync_runner.cancel()
            self.sync_cancel_button.setEnabled(False)

    def _show_sync_running(self, running: bool) -> None:
        for widget in (self.sync_progress, self.sync_activity, self.sync_cancel_button):
            widget.setVisible(running)
        self.sync_cancel_button.setEnabled(running)
        if running:
            self.sync_progress.setRange(0, 0)  # busy until the first total

    def _sync_progress(self, done: int, total: int, text: str) -> None:
        if total:
            self.sync_progress.setRange(0, total)
            self.sync_progress.setValue(min(done, total))
        self.sync_activity.setText(text)

    def _sync_ended(self) -> None:
        # The records it applied are refreshed through changes().applied, however it ended.
        self._show_sync_running(False)
        self.sync_activity.clear()

    def refresh_status(self) -> None:
        if self.services is None:
            return
        from desktop.ui.sync_status import pending_changes_text, sync_state_text

        try:
            sync = self.services.sync.overview()
            last = self.services.maintenance.last_backup_at()
        except UserError:
            return

        self.pending_label.setText(pending_changes_text(sync))
        self.backup_label.setText(
            self.tr("Last backup: %1").replace("%1", format_stored_time(last))
            if last
            else self.tr("No backup yet")
        )
        self.sync_slot.setText(sync_state_text(sync))
