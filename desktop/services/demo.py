"""Realistic, deterministic demo data (same seed, same people), fed through the bulk path.

With a form definition, every record also gets plausible values for the organisation's
own fields (``custom``), of every kind, in their stored form; they are drawn from a
random generator of their own, so the built-in fields of a seed stay the same with or
without a definition.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from desktop.domain import forms
from desktop.domain.enums import ClosureReason, Gender, SessionKind, SessionStatus
from desktop.domain.forms import CustomField, CustomKind, FormDefinition, FormSet
from desktop.errors import UserError

FIRST_NAMES = (
    "Amina",
    "Fatima",
    "Yusuf",
    "Omar",
    "Layla",
    "Hassan",
    "Mariam",
    "Ahmad",
    "Nour",
    "Khalid",
    "Olena",
    "Dmytro",
    "Iryna",
    "Andriy",
    "Sofia",
    "Mykola",
    "Grace",
    "Wanjiru",
    "Kamau",
    "Achieng",
    "Baraka",
    "Zawadi",
    "María",
    "José",
    "Lucía",
    "Carlos",
    "Valentina",
    "Mateo",
    "Camila",
    "Diego",
    "Aïcha",
    "Moussa",
    "Fatoumata",
    "Ibrahima",
    "Awa",
    "Mamadou",
    "Thu",
    "Minh",
    "Linh",
    "Hoa",
    "Priya",
    "Arjun",
    "Anjali",
    "Rahul",
    "Zainab",
    "Tariq",
    "Noura",
    "Samir",
    "Elif",
    "Mehmet",
    "Chloé",
    "Lucas",
    "Emma",
    "Noah",
    "Jean-Pierre",
    "Marie-Claire",
    "Siobhán",
    "Seán",
    "Ngozi",
    "Chinedu",
)
LAST_NAMES = (
    "Haddad",
    "Khalil",
    "Nasser",
    "Saleh",
    "Mansour",
    "Abboud",
    "Farah",
    "Hussein",
    "Rahman",
    "Aziz",
    "Kovalenko",
    "Shevchenko",
    "Bondarenko",
    "Tkachenko",
    "Melnyk",
    "Kariuki",
    "Otieno",
    "Mwangi",
    "Njoroge",
    "Wambui",
    "García",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Pérez",
    "Diallo",
    "Traoré",
    "Keïta",
    "Coulibaly",
    "Nguyen",
    "Tran",
    "Pham",
    "Le",
    "Sharma",
    "Patel",
    "Singh",
    "Yılmaz",
    "Demir",
    "Kaya",
    "Dubois",
    "Moreau",
    "Laurent",
    "O'Brien",
    "Murphy",
    "Okafor",
    "Adeyemi",
    "Mensah",
    "Boateng",
    "Ahmadi",
    "Karimi",
    "Hosseini",
    "Silva",
    "Santos",
    "Oliveira",
)
LANGUAGES = ("ar", "uk", "sw", "es", "fr", "vi", "hi", "tr", "en", "fa", "pt", "so")
STREETS = (
    "Rue de la Paix",
    "Main Street",
    "Shevchenko Ave",
    "Calle Mayor",
    "Market Road",
    "Harbour Lane",
)
LOCATIONS = ("Office", "Home", "Community centre", "Clinic", "School", "Phone")
SUMMARIES = (
    "Reviewed housing situation and rent arrears.",
    "Discussed school enrolment for the children.",
    "Follow-up on medical referral; appointment confirmed.",
    "Assisted with residence permit paperwork.",
    "Food assistance voucher issued.",
    "Psychosocial support session; client reports better sleep.",
    "Job-seeking plan updated; CV drafted.",
    "Legal aid referral made.",
)
CLOSED_REASONS = tuple(reason for reason in ClosureReason if reason is not ClosureReason.OTHER)
OUTCOMES = ("Referred", "Resolved", "In progress", "Needs follow-up", "")


PHRASES = (
    "Lives with extended family",
    "Referred by the community centre",
    "Prefers morning appointments",
    "Needs an interpreter",
    "Walk-in registration",
)
FILLED = 0.8  # share of optional custom fields given a value


def _text_maker(item: CustomField) -> Callable[[random.Random], str] | None:
    """How to draw a text that fits ``item``: the first shape its pattern accepts."""
    if item.kind is CustomKind.LONG_TEXT:
        return lambda rng: rng.choice(SUMMARIES)
    named = any(word in item.key for word in ("name", "head", "guardian", "contact"))
    shapes: list[Callable[[random.Random], str]] = [
        lambda rng: f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        lambda rng: rng.choice(PHRASES),
        lambda rng: f"+{rng.randint(20, 99)}{rng.randint(10**8, 10**9 - 1)}",
        lambda rng: str(rng.randint(10**9, 10**10 - 1)),
        lambda rng: rng.choice("ABCDEFGH") + str(rng.randint(10**6, 9_999_999)),
        lambda rng: rng.choice(LAST_NAMES).upper(),
    ]
    if not named:
        shapes.insert(0, shapes.pop(1))  # a phrase before a name
    if item.pattern is None:
        limit = item.length_limit
        return lambda rng: shapes[0](rng)[:limit]
    probe = random.Random(0)
    for shape in shapes:
        if all(re.fullmatch(item.pattern, shape(probe)) for _ in range(5)):
            return shape
    return None  # nothing plausible fits the pattern: left empty


def _value_maker(item: CustomField, today: date) -> Callable[[random.Random], Any] | None:
    """A drawer of plausible values for ``item``, in their stored form."""
    kind = item.kind
    if kind.is_text:
        return _text_maker(item)
    if kind is CustomKind.INTEGER:
        low = int(item.minimum) if item.minimum is not None else 0
        high = int(item.maximum) if item.maximum is not None else low + 12
        # Skewed to the low end: households of 30 and 12 siblings are the exception.
        return lambda rng: min(high, low + int((high - low + 1) * rng.random() ** 2))
    if kind is CustomKind.DECIMAL:
        low = Decimal(item.minimum if item.minimum is not None else 0)
        high = Decimal(item.maximum if item.maximum is not None else low + 500)
        cents = int((high - low) * 100)
        return lambda rng: forms.clean_value(
            item, str(low + Decimal(int(cents * rng.random() ** 3)) / 100)
        )
    if kind is CustomKind.DATE:
        first = item.minimum if isinstance(item.minimum, date) else today - timedelta(days=1100)
        last = item.maximum if isinstance(item.maximum, date) else today
        span = max(0, (last - first).days)
        return lambda rng: (first + timedelta(days=rng.randint(0, span))).isoformat()
    if kind is CustomKind.YES_NO:
        return lambda rng: rng.random() < 0.6
    values = item.choice_values
    if kind is CustomKind.CHOICE:
        return lambda rng: rng.choice(values)

    def several(rng: random.Random) -> list[str]:
        picked = set(rng.sample(values, rng.randint(1, min(3, len(values)))))
        return [value for value in values if value in picked]

    return several


class _CustomValues:
    """Draws the custom values of one record kind's definition."""

    def __init__(self, definition: FormDefinition, today: date):
        self.makers = []
        for item in definition.active:
            make = _value_maker(item, today)
            if make is None and item.required:
                raise UserError(
                    f"The demo cannot make a value for the required field {item.key!r} "
                    f"(its pattern {item.pattern!r} accepts none of its shapes)"
                )
            if make is not None:
                self.makers.append((item.key, item.required, make))

    def __call__(self, rng: random.Random) -> dict[str, Any]:
        return {
            key: make(rng)
            for key, required, make in self.makers
            if required or rng.random() < FILLED
        }


def demo_records(
    count: int,
    sessions_per_beneficiary: int,
    seed: int,
    today: date | None = None,
    definition: FormSet | None = None,
) -> Iterator[tuple[dict, list[dict]]]:
    """``count`` people with their sessions; with ``definition``, their custom values too."""
    rng = random.Random(seed)
    today = today or date.today()
    custom_rng = random.Random(seed * 7919 + 1)  # its own stream: see the module's docstring
    beneficiary_custom = session_custom = None
    if definition is not None and definition.beneficiary.active:
        beneficiary_custom = _CustomValues(definition.beneficiary, today)
    if definition is not None and definition.session.active:
        session_custom = _CustomValues(definition.session, today)
    genders = (
        Gender.FEMALE,
        Gender.MALE,
        Gender.FEMALE,
        Gender.MALE,
        Gender.OTHER,
        Gender.UNDISCLOSED,
    )
    kinds = tuple(SessionKind)
    for number in range(count):
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        # Mostly adults; about one in six a child (caseloads include minors).
        youngest, oldest = (2, 17) if rng.random() < 0.17 else (18, 85)
        birth = today - timedelta(days=rng.randint(365 * youngest, 365 * oldest))
        consent = rng.random() < 0.9
        beneficiary = {
            "first_name": first,
            "last_name": last,
            "date_of_birth": birth,
            "gender": rng.choice(genders),
            "phone": f"+{rng.randint(20, 99)} {rng.randint(100, 999)} "
            f"{rng.randint(100000, 999999)}",
            "email": f"{first.lower()}.{number}@example.org" if rng.random() < 0.4 else "",
            "address": f"{rng.randint(1, 200)} {rng.choice(STREETS)}",
            "preferred_language": rng.choice(LANGUAGES),
            "status": "closed" if rng.random() < 0.15 else "active",
            # Taken in turn, not drawn: the seeded values of every other field stay as
            # they were before closing asked why. "Other" would need a note.
            "closure_reason": CLOSED_REASONS[number % len(CLOSED_REASONS)],
            "consent_given": consent,
            "consent_date": today - timedelta(days=rng.randint(0, 700)) if consent else None,
            "notes": "",
        }
        if beneficiary["status"] != "closed":
            beneficiary["closure_reason"] = None
        if beneficiary_custom is not None:
            beneficiary["custom"] = beneficiary_custom(custom_rng)
        sessions = []
        start = datetime.combine(today, datetime.min.time()) - timedelta(days=rng.randint(30, 900))
        for index in range(sessions_per_beneficiary):
            starts_at = start + timedelta(days=index * rng.randint(7, 30), hours=rng.randint(8, 17))
            past = starts_at < datetime.combine(today, datetime.min.time())
            status = (
                rng.choice(
                    (SessionStatus.DONE,) * 8 + (SessionStatus.CANCELLED, SessionStatus.NO_SHOW)
                )
                if past
                else SessionStatus.PLANNED
            )
            follow_up = (
                (starts_at + timedelta(days=rng.randint(7, 45))).date()
                if rng.random() < 0.5
                else None
            )
            sessions.append(
                {
                    "starts_at": starts_at,
                    "duration_minutes": rng.choice((15, 30, 45, 60, 90)),
                    "kind": rng.choice(kinds),
                    "location": rng.choice(LOCATIONS),
                    "status": status,
                    "summary": rng.choice(SUMMARIES),
                    "outcome": rng.choice(OUTCOMES),
                    "follow_up_on": follow_up,
                }
            )
            if session_custom is not None:
                sessions[-1]["custom"] = session_custom(custom_rng)
        yield beneficiary, sessions
