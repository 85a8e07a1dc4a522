"""The sync state line of the status bar; light, so the main window loads no HTTP client."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop.ui.dates import format_stored_time


def pending_count_text(overview) -> str:
    """The waiting changes in the user's number format; "10,000+" past the count's cap."""
    from desktop.ui.caseload import format_count

    return format_count(overview.pending) + ("+" if overview.pending_more else "")


def sync_state_text(overview) -> str:
    """One line for the status bar."""
    if not overview.server_url:
        return QDialog.tr("Sync: not set up")
    parts = []
    if overview.conflicts:
        parts.append(QDialog.tr("%1 conflict(s)").replace("%1", str(overview.conflicts)))
    if overview.errors:
        parts.append(QDialog.tr("%1 refused").replace("%1", str(overview.errors)))
    if not overview.signed_in:
        parts.append(QDialog.tr("sign in needed"))
    last = format_stored_time(overview.last_sync_at) if overview.last_sync_at else None
    parts.append(
        QDialog.tr("last sync %1").replace("%1", last) if last else QDialog.tr("never synced")
    )
    return QDialog.tr("Sync: ") + ", ".join(parts)
