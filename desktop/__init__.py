"""Caseload desktop application: offline-first case management with an encrypted store."""

__version__ = "0.1.0"
APP_NAME = "Caseload"
APP_ID = "caseload"
