"""Password rules (ASVS 5 §6.2): length, no composition rules, common passwords refused."""

from __future__ import annotations

import unicodedata
from functools import cache

from desktop.domain.problems import Problem
from desktop.errors import ValidationError
from desktop.resources import resource_path

MIN_LENGTH = 8
MAX_LENGTH = 128


@cache
def common_passwords() -> frozenset[str]:
    lines = resource_path("common-passwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line and not line.startswith("#"))


def check_password(password: str, *, username: str = "", field: str = "password") -> None:
    """Raises ValidationError naming ``field`` when the password may not be used."""
    if not isinstance(password, str):
        raise ValidationError({field: Problem("not_text", field)})
    length = len(unicodedata.normalize("NFC", password))
    if length < MIN_LENGTH:
        raise ValidationError({field: Problem("password_too_short", field, {"min": MIN_LENGTH})})
    if length > MAX_LENGTH:
        raise ValidationError({field: Problem("password_too_long", field, {"max": MAX_LENGTH})})
    if "\x00" in password:
        raise ValidationError({field: Problem("password_bad_character", field)})
    folded = password.casefold()
    if folded in common_passwords():
        raise ValidationError({field: Problem("password_too_common", field)})
    if username and folded == username.casefold():
        raise ValidationError({field: Problem("password_is_username", field)})
