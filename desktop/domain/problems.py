"""What is wrong with a value, as a code with parameters, and its English wording.

The rules (``validation``, passwords, the services) say *what* is wrong; the words are
chosen where they are shown: in English here for the CLI, the logs and the exceptions'
``str()``, and translated by code in the UI (``desktop.ui.messages``). Placeholders are
``str.format`` names; ``{label}`` is the field's label, filled in by the renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# A custom field's name in problems, audit diffs and conflicts: "custom.<key>".
CUSTOM_PREFIX = "custom."

# The English wording of every code (the UI's table has the same codes and placeholders;
# tests/desktop/ui/test_translation.py checks that the two agree).
ENGLISH: dict[str, str] = {
    "required": "{label} is required.",
    "not_text": "{label} must be text.",
    "control_character": "{label} contains a control character that cannot be stored.",
    "too_long": "{label} must be at most {max} characters (it has {length}).",
    "not_a_choice": "{label} must be one of: {choices}.",
    "not_a_date": "{label} is not a valid date (use YYYY-MM-DD).",
    "not_a_datetime": "{label} is not a valid date and time.",
    "not_yes_no": "{label} must be yes or no.",
    "not_whole_number": "{label} must be a whole number.",
    "out_of_range": "{label} must be between {low} and {high}.",
    "unknown_field": "{field} is not a field that can be changed here.",
    "in_future": "{label} cannot be in the future.",
    "birth_too_old": "{label} is not plausible (more than {years} years ago).",
    "phone_format": (
        "{label} must be {min} to {max} digits, optionally with +, spaces, dashes or brackets."
    ),
    "email_format": "{label} is not a valid address (name@example.org).",
    "language_format": "{label} must be a language name or code (e.g. ar, fr-CA).",
    "consent_date_without_consent": "{label} is set but consent is not given.",
    "closure_reason_required": "{label} is required to close a case.",
    "closure_note_required": "{label} is required when the reason is Other.",
    "start_implausible": "{label} is not a plausible date ({first_year} to {years} years ahead).",
    "done_before_start": "A session that has not started yet cannot be done or a no-show.",
    "follow_up_before_session": "{label} cannot be before the session.",
    "username_format": "{label} may use letters, digits and . _ - @ ({min} to {max} characters).",
    "username_taken": "The username {username} is already taken.",
    "password_too_short": "{label} must be at least {min} characters.",
    "password_too_long": "{label} must be at most {max} characters.",
    "password_bad_character": "{label} contains a character that cannot be used.",
    "password_too_common": "This password is too common; choose another.",
    "password_is_username": "{label} must not be the username.",
    "wrong_password": "Current password is wrong.",
    "inactive_caseworker": "{label} is not an active user.",
    # The organisation's own fields (domain/forms.py, ``value_problem``).
    "not_a_number": "{label} must be a number.",
    "below_minimum": "{label} must be at least {min}.",
    "above_maximum": "{label} must be at most {max}.",
    "pattern_mismatch": "{label} is not in the expected format.",
    "repeated_choice": "{label} lists the same choice twice.",
    "retired_field": "{label} is retired: its value can no longer be changed.",
    "custom_not_object": "{label} must map field keys to values.",
    # A message with no code (older callers, the bulk importer's record prefix): shown as is.
    "text": "{text}",
}


@dataclass(frozen=True)
class Problem:
    """One invalid field: ``code`` is a key of ``ENGLISH``; ``params`` fill its placeholders."""

    code: str
    field: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return render(ENGLISH[self.code], self, english_label(self.field), format_number)

    def __str__(self) -> str:
        return self.english()


def english_label(name: str) -> str:
    from .validation import LABELS  # the labels live with the fields they name

    # A custom field ("custom.household_size"): its key, as the organisation's label is
    # in the definition, which the renderer of a form (the UI) passes in.
    plain = name.removeprefix(CUSTOM_PREFIX) or name
    return LABELS.get(name, plain.replace("_", " ").capitalize())


def format_number(value: int) -> str:
    return f"{value:,}"


def render(template: str, problem: Problem, label: str, number: Any) -> str:
    """Fills ``template`` for ``problem``: numbers through ``number`` (the locale's digits
    and grouping in the UI), ``{label}`` and ``{field}`` from the field."""
    values = {
        key: number(value) if isinstance(value, int) and not isinstance(value, bool) else value
        for key, value in problem.params.items()
    }
    values.setdefault("label", label)
    values.setdefault("field", problem.field)
    return template.format(**values)
