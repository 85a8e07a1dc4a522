"""The sync state line of the status bar; light, so the main window loads no HTTP client."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.dates import format_stored_time


class SyncStatus:
    """The context of these texts: lupdate files ``SyncStatus.tr("...")`` under it, plurals
    included (it does not see plurals in ``QCoreApplication.translate``)."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("SyncStatus", text, disambiguation, n)


def pending_count_text(overview) -> str:
    """The waiting changes in the user's number format; "more than 10,000" past the cap.

    The status bar counts at most ``PENDING_CAP`` rows (it refreshes often); saying "more
    than" keeps it from contradicting the exact number ``caseload status`` prints.
    """
    from desktop.ui.caseload import format_count

    if overview.pending_more:
        return SyncStatus.tr("more than %1").replace("%1", format_count(overview.pending))
    return format_count(overview.pending)


def pending_changes_text(overview) -> str:
    """The status bar's "N changes waiting to sync", with a real plural."""
    from desktop.ui.caseload import format_count

    if overview.pending_more:
        return SyncStatus.tr("More than %1 changes waiting to sync").replace(
            "%1", format_count(overview.pending)
        )
    return SyncStatus.tr("%Ln change(s) waiting to sync", "", overview.pending)


def sync_state_text(overview) -> str:
    """One line for the status bar."""
    if not overview.server_url:
        return SyncStatus.tr("Sync: not set up")
    parts = []
    if overview.conflicts:
        parts.append(SyncStatus.tr("%Ln conflict(s)", "", overview.conflicts))
    if overview.errors:
        parts.append(SyncStatus.tr("%Ln refused", "", overview.errors))
    if not overview.signed_in:
        parts.append(SyncStatus.tr("sign in needed"))
    last = format_stored_time(overview.last_sync_at) if overview.last_sync_at else None
    parts.append(
        SyncStatus.tr("last sync %1").replace("%1", last) if last else SyncStatus.tr("never synced")
    )
    return SyncStatus.tr("Sync: ") + ", ".join(parts)
