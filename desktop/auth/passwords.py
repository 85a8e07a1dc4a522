"""Password rules (ASVS 5 §6.2): length, no composition rules, common passwords refused."""

from __future__ import annotations

import unicodedata
from functools import cache

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
        raise ValidationError({field: "Password must be text."})
    length = len(unicodedata.normalize("NFC", password))
    if length < MIN_LENGTH:
        raise ValidationError({field: f"Password must be at least {MIN_LENGTH} characters."})
    if length > MAX_LENGTH:
        raise ValidationError({field: f"Password must be at most {MAX_LENGTH} characters."})
    if "\x00" in password:
        raise ValidationError({field: "Password contains a character that cannot be used."})
    folded = password.casefold()
    if folded in common_passwords():
        raise ValidationError({field: "This password is too common; choose another."})
    if username and folded == username.casefold():
        raise ValidationError({field: "Password must not be the username."})
