"""Dates and times as the person reads and types them: their locale's format, their time zone.

The core stores dates as ``date`` and moments as naive UTC ``datetime``; everything the
UI shows goes through ``format_date``/``format_datetime`` here, and everything typed into
a date field through ``parse_date``, so one locale rule holds in the list, the detail,
the sessions, the history and the forms.

The locale's *short* format is used with a four-digit year (``3/14/88`` would leave a
birth year to guesswork). The C locale of a bare system (and of the tests) has no real
format of its own; it gets ISO 8601, the one form every reader can parse.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from PySide6.QtCore import QDate, QLocale, QTime

ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"
EMPTY = "–"
_EPOCH = datetime(1970, 1, 1)

_YEAR = re.compile(r"y+")
_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Right-to-left and left-to-right marks some locales (Arabic) put around separators:
# they are invisible, so a person cannot type them; they are ignored when parsing.
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"))
# The example date in placeholders: day 31 cannot be a month, so the order is plain.
EXAMPLE_DATE = date(1990, 12, 31)


class LocalFormats(NamedTuple):
    locale: QLocale
    date: str  # Qt date format, four-digit year
    time: str  # Qt time format (hours and minutes)
    show_date: Callable[[date], str]
    show_time: Callable[[datetime], str]


_cache: dict[str, LocalFormats] = {}


def local_formats() -> LocalFormats:
    """The formats of the default locale (``QLocale.setDefault``: the app's language)."""
    locale = QLocale()
    key = locale.name()  # QLocale.setDefault sends no event: the name is the cache key
    found = _cache.get(key)
    if found is None:
        if locale.language() == QLocale.Language.C:
            date_format, time_format = ISO_DATE, ISO_TIME
        else:
            short = QLocale.FormatType.ShortFormat
            date_format = _YEAR.sub("yyyy", locale.dateFormat(short))
            time_format = locale.timeFormat(short)
        found = LocalFormats(
            locale,
            date_format,
            time_format,
            _date_formatter(locale, date_format),
            _time_formatter(locale, time_format),
        )
        _cache[key] = found
    return found


# The caseload list formats three dates per row and a page in a few milliseconds:
# numeric formats with Latin digits are turned once into a Python format string
# (QLocale.toString costs five times more); anything else is left to Qt.
_DATE_TOKENS = re.compile(r"yyyy|MM|M|dd|d")
_TIME_TOKENS = re.compile(r"HH|H|hh|h|mm|AP|Ap|ap|A|a")
_DATE_FIELDS = {
    "yyyy": "{0.year:04}",
    "MM": "{0.month:02}",
    "M": "{0.month}",
    "dd": "{0.day:02}",
    "d": "{0.day}",
}


def _python_format(pattern: str, tokens: re.Pattern[str], fields: dict[str, str]) -> str | None:
    parts, end = [], 0
    for match in tokens.finditer(pattern):
        parts.append(pattern[end : match.start()].replace("{", "{{").replace("}", "}}"))
        parts.append(fields[match.group()])
        end = match.end()
    rest = pattern[end:]
    parts.append(rest.replace("{", "{{").replace("}", "}}"))
    literal = tokens.sub("", pattern)
    if any(ch.isalpha() or ch == "'" for ch in literal):
        return None  # names of months or days, quoted text: Qt knows them
    return "".join(parts)


def _date_formatter(locale: QLocale, pattern: str) -> Callable[[date], str]:
    if pattern == ISO_DATE:
        return date.isoformat
    python = _python_format(pattern, _DATE_TOKENS, _DATE_FIELDS) if _latin(locale) else None
    if python is not None:
        return python.format
    return lambda value: locale.toString(QDate(value.year, value.month, value.day), pattern)


def _time_formatter(locale: QLocale, pattern: str) -> Callable[[datetime], str]:
    if _latin(locale):
        am, pm = locale.amText(), locale.pmText()
        fields = {
            "HH": "{0.hour:02}",
            "H": "{0.hour}",
            "hh": "{1:02}",
            "h": "{1}",
            "mm": "{0.minute:02}",
            "AP": "{2}",  # Qt: AP/A upper case, ap/a lower case, Ap the locale's own
            "Ap": "{4}",
            "ap": "{3}",
            "A": "{2}",
            "a": "{3}",
        }
        python = _python_format(pattern, _TIME_TOKENS, fields)
        if python is not None:

            def show(value: datetime) -> str:
                twelve = value.hour % 12 or 12
                noon = pm if value.hour >= 12 else am
                return python.format(value, twelve, noon.upper(), noon.lower(), noon)

            return show
    return lambda value: locale.toString(QTime(value.hour, value.minute), pattern)


def _latin(locale: QLocale) -> bool:
    return locale.zeroDigit() == "0"


def local_time(utc: datetime) -> datetime:
    """A stored moment (naive UTC, or aware) as the person's own wall-clock time, naive.

    The zone is the process's (``TZ``/``time.tzset`` included), read through
    ``time.localtime``: a third of the cost of ``astimezone`` for the list's column.
    """
    if utc.tzinfo is not None:
        utc = utc.astimezone(UTC).replace(tzinfo=None)
    try:
        offset = time.localtime((utc - _EPOCH).total_seconds()).tm_gmtoff
    except (OverflowError, OSError, ValueError):  # outside the C library's range
        return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return utc + timedelta(seconds=offset)


def format_date(value: date | None, empty: str = "") -> str:
    """A date in the person's locale (``14/03/1988`` in France, ISO in the C locale)."""
    if value is None:
        return empty
    return local_formats().show_date(value)


def format_datetime(utc: datetime | None, empty: str = "") -> str:
    """A stored moment (naive UTC) in the person's time zone and locale, to the minute."""
    if utc is None:
        return empty
    here = local_time(utc)
    formats = local_formats()
    if formats.date == ISO_DATE and formats.time == ISO_TIME:
        return here.isoformat(" ", "minutes")
    return f"{formats.show_date(here)} {formats.show_time(here)}"


def format_stored_time(iso: str | None, empty: str = "") -> str:
    """A moment kept as ISO text (settings, sync state; UTC when naive), read locally."""
    if not iso:
        return empty
    try:
        return format_datetime(datetime.fromisoformat(iso))
    except ValueError:
        return iso  # not a moment after all: shown as kept


def format_local_date(utc: datetime | None, empty: str = "") -> str:
    """The day (in the person's time zone) of a stored moment."""
    return format_date(local_time(utc).date(), empty) if utc is not None else empty


def parse_date(text: str) -> date | None:
    """What a person typed as a date: ISO (always) or the locale's short format.

    Digits of any script count (Arabic-Indic digits under Arabic, or Latin ones). None
    when it is no date (empty, or a day that does not exist): the core's check then
    names the problem under the field.
    """
    typed = _ascii_digits(text.strip().translate(_BIDI_MARKS))
    if not typed:
        return None
    if _ISO.match(typed):
        try:
            return date.fromisoformat(typed)
        except ValueError:
            return None  # 1988-02-30: shaped like a date, but no such day
    formats = local_formats()
    if formats.date == ISO_DATE:
        return None
    pattern = formats.date.translate(_BIDI_MARKS)
    parsed = QLocale.c().toDate(typed, pattern)
    if not parsed.isValid():  # a format with the locale's month names
        parsed = formats.locale.toDate(typed, pattern)
    return date(parsed.year(), parsed.month(), parsed.day()) if parsed.isValid() else None


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def date_example() -> str:
    """A typing hint in the person's format, e.g. ``31/12/1990``."""
    return format_date(EXAMPLE_DATE)
