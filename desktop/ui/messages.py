"""Validation messages in the user's language, looked up by the problem's code.

The domain says what is wrong (``desktop.domain.problems.Problem``: a code and its
parameters); this table holds the same codes with translatable wording (context
``validation``), and ``render`` fills in the field's label as the form shows it and
numbers in the user's locale. A code missing here falls back to the English wording.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop.domain.problems import ENGLISH, Problem, english_label
from desktop.domain.problems import render as fill

CONTEXT = "validation"

TEMPLATES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("validation", "{label} is required."),
    "not_text": QT_TRANSLATE_NOOP("validation", "{label} must be text."),
    "control_character": QT_TRANSLATE_NOOP(
        "validation", "{label} contains a control character that cannot be stored."
    ),
    "too_long": QT_TRANSLATE_NOOP(
        "validation", "{label} must be at most {max} characters (it has {length})."
    ),
    "not_a_choice": QT_TRANSLATE_NOOP("validation", "{label} must be one of: {choices}."),
    "not_a_date": QT_TRANSLATE_NOOP("validation", "{label} is not a valid date (use YYYY-MM-DD)."),
    "not_a_datetime": QT_TRANSLATE_NOOP("validation", "{label} is not a valid date and time."),
    "not_yes_no": QT_TRANSLATE_NOOP("validation", "{label} must be yes or no."),
    "not_whole_number": QT_TRANSLATE_NOOP("validation", "{label} must be a whole number."),
    "out_of_range": QT_TRANSLATE_NOOP("validation", "{label} must be between {low} and {high}."),
    "unknown_field": QT_TRANSLATE_NOOP(
        "validation", "{field} is not a field that can be changed here."
    ),
    "in_future": QT_TRANSLATE_NOOP("validation", "{label} cannot be in the future."),
    "birth_too_old": QT_TRANSLATE_NOOP(
        "validation", "{label} is not plausible (more than {years} years ago)."
    ),
    "phone_format": QT_TRANSLATE_NOOP(
        "validation",
        "{label} must be {min} to {max} digits, optionally with +, spaces, dashes or brackets.",
    ),
    "email_format": QT_TRANSLATE_NOOP(
        "validation", "{label} is not a valid address (name@example.org)."
    ),
    "language_format": QT_TRANSLATE_NOOP(
        "validation", "{label} must be a language name or code (e.g. ar, fr-CA)."
    ),
    "consent_date_without_consent": QT_TRANSLATE_NOOP(
        "validation", "{label} is set but consent is not given."
    ),
    "closure_reason_required": QT_TRANSLATE_NOOP(
        "validation", "{label} is required to close a case."
    ),
    "closure_note_required": QT_TRANSLATE_NOOP(
        "validation", "{label} is required when the reason is Other."
    ),
    "start_implausible": QT_TRANSLATE_NOOP(
        "validation", "{label} is not a plausible date ({first_year} to {years} years ahead)."
    ),
    "done_before_start": QT_TRANSLATE_NOOP(
        "validation", "A session that has not started yet cannot be done or a no-show."
    ),
    "follow_up_before_session": QT_TRANSLATE_NOOP(
        "validation", "{label} cannot be before the session."
    ),
    "username_format": QT_TRANSLATE_NOOP(
        "validation", "{label} may use letters, digits and . _ - @ ({min} to {max} characters)."
    ),
    "username_taken": QT_TRANSLATE_NOOP("validation", "The username {username} is already taken."),
    "password_too_short": QT_TRANSLATE_NOOP(
        "validation", "{label} must be at least {min} characters."
    ),
    "password_too_long": QT_TRANSLATE_NOOP(
        "validation", "{label} must be at most {max} characters."
    ),
    "password_bad_character": QT_TRANSLATE_NOOP(
        "validation", "{label} contains a character that cannot be used."
    ),
    "password_too_common": QT_TRANSLATE_NOOP(
        "validation", "This password is too common; choose another."
    ),
    "password_is_username": QT_TRANSLATE_NOOP("validation", "{label} must not be the username."),
    "wrong_password": QT_TRANSLATE_NOOP("validation", "Current password is wrong."),
    "inactive_caseworker": QT_TRANSLATE_NOOP("validation", "{label} is not an active user."),
    # The organisation's own fields (desktop/domain/forms.py, ``value_problem``).
    "not_a_number": QT_TRANSLATE_NOOP("validation", "{label} must be a number."),
    "below_minimum": QT_TRANSLATE_NOOP("validation", "{label} must be at least {min}."),
    "above_maximum": QT_TRANSLATE_NOOP("validation", "{label} must be at most {max}."),
    "pattern_mismatch": QT_TRANSLATE_NOOP("validation", "{label} is not in the expected format."),
    "repeated_choice": QT_TRANSLATE_NOOP("validation", "{label} lists the same choice twice."),
    "retired_field": QT_TRANSLATE_NOOP(
        "validation", "{label} is retired: its value can no longer be changed."
    ),
    "custom_not_object": QT_TRANSLATE_NOOP("validation", "{label} must map field keys to values."),
}


def _number(value: int) -> str:
    locale = QLocale()
    return f"{value:,}" if locale.language() == QLocale.Language.C else locale.toString(value)


def render(problem: Problem, label: str | None = None) -> str:
    """The message for ``problem``; ``label`` is the field's label as shown (translated)."""
    if problem.code == "text":
        return str(problem.params.get("text", ""))
    template = TEMPLATES.get(problem.code)
    text = QCoreApplication.translate(CONTEXT, template) if template else ENGLISH[problem.code]
    return fill(text, problem, label or english_label(problem.field), _number)


# "ملف (&F)": the accelerator in brackets after a label in a non-Latin script.
_BRACKETED_ACCELERATOR = re.compile(r"\s*\(&[^&\s]\)")


def plain_label(label: str) -> str:
    """A label as read aloud: without its accelerator ("&Phone", "الهاتف (&P)")."""
    text = _BRACKETED_ACCELERATOR.sub("", label.replace("&&", "\0"))
    return text.replace("&", "").replace("\0", "&")


def field_label(shown: str) -> str:
    """The field's name in a message: its label without accelerator or required mark."""
    return plain_label(shown).removesuffix(" *")


def rendered(errors: Mapping[str, str | Problem], labels: Mapping[str, str]) -> dict[str, str]:
    """Field → text for a form: problems rendered with the form's own labels."""
    return {
        name: item if isinstance(item, str) else render(item, labels.get(name))
        for name, item in errors.items()
    }
