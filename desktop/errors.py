"""The two kinds of failure: user errors (fit to show) and everything else (bugs)."""

from __future__ import annotations

# The two the domain's rules raise live with them (the domain imports nothing above it).
from desktop.domain.errors import UserError as UserError
from desktop.domain.errors import ValidationError as ValidationError


class PermissionDenied(UserError):
    """The logged-in user's role does not allow this operation on this record."""


class NotFound(UserError):
    """The record does not exist (or is deleted)."""


class AuthenticationFailed(UserError):
    """Wrong username or password; never says which."""

    def __init__(self, message: str = "Wrong username or password."):
        super().__init__(message)


class LoginThrottled(UserError):
    """Too many failed attempts: the next one is allowed after ``retry_after`` seconds."""

    def __init__(self, retry_after: float):
        self.retry_after = max(0.0, retry_after)
        seconds = max(1, round(self.retry_after))
        super().__init__(f"Too many failed attempts. Try again in {seconds} seconds.")


class DatabaseError(UserError):
    """The database cannot be used (missing, damaged, not ours)."""


class CheckInterrupted(DatabaseError):
    """The database was closed while its integrity check ran (a logout, a lock)."""


class DatabaseCorrupt(DatabaseError):
    """The database file cannot be used as it is (damaged, empty, truncated, missing);
    restoring a backup is offered. ``problem`` says what is wrong in a few words."""

    def __init__(self, detail: str = "", *, problem: str = "The database is damaged"):
        self.detail = detail
        self.problem = problem
        super().__init__(
            f"{problem} and was not opened. Restore it from a backup "
            "(caseload restore FILE, or Restore backup… in the login window)."
        )


class KeySlotFileError(UserError):
    """The key-slot file, or one user's slot in it, cannot be used; the message names both."""


class DatabaseExists(DatabaseError):
    """``init`` was asked to create a database where one already exists."""
