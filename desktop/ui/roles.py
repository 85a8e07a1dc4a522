"""How a role is named on screen (the window title, the users dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.domain.enums import Role


def role_label(role: Role) -> str:
    # Filed under the main window's context, where the translations have it.
    return {
        Role.CASEWORKER: QApplication.translate("MainWindow", "caseworker"),
        Role.SUPERVISOR: QApplication.translate("MainWindow", "supervisor"),
        Role.ADMIN: QApplication.translate("MainWindow", "admin"),
    }[role]
