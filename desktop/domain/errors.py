"""The failures the domain's rules raise (``desktop.errors`` re-exports them with the rest)."""

from __future__ import annotations

from collections.abc import Mapping

from .problems import Problem


class UserError(Exception):
    """Something the user can act on; ``str(exc)`` is a message fit to show."""


class ValidationError(UserError):
    """One or more fields are invalid.

    ``problems`` maps each field name to a ``Problem`` (a code with parameters, which the
    UI translates); ``errors`` maps it to the English message (CLI, logs). A plain string
    is accepted as an already-worded message (code ``text``).
    """

    def __init__(self, errors: Mapping[str, str | Problem]):
        self.problems: dict[str, Problem] = {
            name: item if isinstance(item, Problem) else Problem("text", name, {"text": item})
            for name, item in errors.items()
        }
        self.errors: dict[str, str] = {
            name: problem.english() for name, problem in self.problems.items()
        }
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))
