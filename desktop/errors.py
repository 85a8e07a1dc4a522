"""The two kinds of failure: user errors (fit to show) and everything else (bugs)."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can act on; ``str(exc)`` is a message fit to show."""


class ValidationError(UserError):
    """One or more fields are invalid; ``errors`` maps each field name to a message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


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


class DatabaseCorrupt(DatabaseError):
    """The encrypted database failed its integrity checks; restoring a backup is offered."""

    def __init__(self, detail: str = ""):
        self.detail = detail
        super().__init__(
            "The database is damaged and was not opened. Restore it from a backup "
            "(caseload restore FILE, or File → Restore backup)."
        )


class DatabaseExists(DatabaseError):
    """``init`` was asked to create a database where one already exists."""
