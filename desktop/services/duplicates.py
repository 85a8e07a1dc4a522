"""Is this person already registered? Likely matches, found on this laptop before a create.

Duplicate beneficiaries are the second most common complaint about today's tools, and
they only find them on the server, afterwards. Here the check runs offline, at entry:

- Candidates come from three indexed queries: the FTS index with the first three
  letters of the first and last names (a typo after them still matches) or the index's
  terms they may mean (a typo before them, or a name that sounds the same: the list's
  search finds the same, domain/matching.py), the same date of birth, and the same phone
  number (the last nine characters without separators).
- Each candidate is scored in Python: name similarity with accents, case and word order
  ignored (domain/matching.py: edit distance and Double Metaphone), same date of birth,
  same phone. Two different dates of birth mean two people, unless the phone is the same
  too.
- An identifying custom field (the organisation's own, ``"identifying": true`` in its
  definition) counts when its stored value is the same, case aside for text; its
  reason is ``same:custom.<key>``. Its candidates come from ``json_extract`` on the
  ``custom`` column, which no index holds: a scan, a few tens of ms at 100k records.
- A household shares its phone (and address): registering a new member of a household
  (``household_of``: a member whose household they join) or editing a member, the shared
  phone alone does not make a family member a likely duplicate; the same name with no
  other date of birth (a person registered twice within the family) still does.
- Records the user may not open (another caseworker's caseload) are reported by case
  number and caseworker only, so they can ask a supervisor instead of registering the
  person twice; nothing personal of such a record is shown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from desktop.auth.permissions import Permission, can
from desktop.domain import schema
from desktop.domain.forms import FormDefinition
from desktop.domain.matching import Vocabulary, fold, name_similarity, phone_key
from desktop.domain.problems import CUSTOM_PREFIX
from desktop.domain.records import Actor
from desktop.store.tables import PHONE_KEY_SQL, BeneficiaryRow, HouseholdLinkRow, UserRow

from .common import SEARCH_INDEX
from .forms import read_stored
from .search_terms import word_group

CANDIDATES_PER_QUERY = 200
SIMILAR_NAME = 0.82  # name_similarity from which two full names count as similar

# Why a record is listed (the UI words them: ui/duplicates_dialog.py).
SAME_NAME = "same_name"
SIMILAR = "similar_name"
SAME_BIRTH_DATE = "same_date_of_birth"
SAME_PHONE = "same_phone"
# An identifying field without a matcher of its own (an ID document number, say) counts
# when its value is the same, case aside: the reason is this prefix and the field's name.
SAME_VALUE = "same:"
# The fields the scoring below compares in its own way; the other identifying ones are
# compared whole (each needs an index on the column COLLATE NOCASE, made by its migration).
_OWN_MATCHER = frozenset({"first_name", "last_name", "date_of_birth", "phone"})
EXACT_FIELDS = tuple(
    name for name in schema.names(schema.BENEFICIARY, identifying=True) if name not in _OWN_MATCHER
)

# What a candidate is read with: who it is (the declared identifying fields, which the
# scoring below compares) and whose caseload holds it.
CANDIDATE_COLUMNS = (
    BeneficiaryRow.id,
    BeneficiaryRow.case_number,
    *(getattr(BeneficiaryRow, name) for name in schema.names(schema.BENEFICIARY, identifying=True)),
    BeneficiaryRow.custom,
    BeneficiaryRow.caseworker_id,
    UserRow.display_name,
)


@dataclass(frozen=True)
class PossibleDuplicate:
    id: str
    case_number: str
    caseworker_name: str
    # None when the user may not open the record: only its case number is shown.
    full_name: str | None
    date_of_birth: date | None
    reasons: tuple[str, ...]  # SAME_NAME, SIMILAR, SAME_BIRTH_DATE, SAME_PHONE, SAME_VALUE+name
    score: float

    @property
    def visible(self) -> bool:
        return self.full_name is not None


def _fts_prefixes(first: str, last: str, vocabulary: Vocabulary | None = None) -> str | None:
    words = [fold(first).split(), fold(last).split()]
    if not words[0] or not words[1]:
        return None
    # The first word of each name, cut to three letters (a typo after them still
    # matches), or a registered name it may mean (vocabulary.similar).
    similar = vocabulary.similar if vocabulary is not None else lambda _word: []
    return " AND ".join(word_group(part[0][:3], similar(part[0])) for part in words)


def find_possible_duplicates(
    session: Session,
    actor: Actor,
    values: Mapping[str, Any],
    *,
    exclude_id: str | None = None,
    limit: int = 5,
    custom: Mapping[str, Any] | None = None,
    definition: FormDefinition | None = None,
    vocabulary: Vocabulary | None = None,
    household_of: str | None = None,
) -> list[PossibleDuplicate]:
    """``values``: the cleaned built-in fields; ``custom``: the cleaned custom values,
    of which ``definition``'s identifying fields are compared; ``vocabulary``: the registered
    names' words, to find names misspelt in their first letters too; ``household_of``: a
    beneficiary whose household the person joins (``exclude_id``'s own household counts
    too), whose members' shared phone is no reason of itself."""
    family = _household_members(session, household_of or exclude_id)
    first, last = values.get("first_name") or "", values.get("last_name") or ""
    born: date | None = values.get("date_of_birth")
    phone = phone_key(values.get("phone"))
    base = (
        select(*CANDIDATE_COLUMNS)
        .join(UserRow, UserRow.id == BeneficiaryRow.caseworker_id)
        .where(BeneficiaryRow.deleted_at.is_(None))
        .limit(CANDIDATES_PER_QUERY)
    )
    if exclude_id:
        base = base.where(BeneficiaryRow.id != exclude_id)
    queries = []
    match = _fts_prefixes(first, last, vocabulary)
    if match:
        matching = select(SEARCH_INDEX.c.rowid).where(
            literal_column("beneficiary_search").op("MATCH")(match)
        )
        queries.append(base.where(BeneficiaryRow.pk.in_(matching)))
    if born is not None:
        queries.append(base.where(BeneficiaryRow.date_of_birth == born))
    if phone:
        # Exactly the indexed expression (migration 0005), so the lookup is one index probe.
        queries.append(
            base.where(BeneficiaryRow.phone != "", literal_column(PHONE_KEY_SQL) == phone)
        )
    exact = {
        name: text
        for name in EXACT_FIELDS
        if isinstance(text := values.get(name), str) and (text := text.strip())
    }
    for name, text in exact.items():
        queries.append(base.where(getattr(BeneficiaryRow, name).collate("NOCASE") == text))
    same_custom = identifying_custom(definition, custom or {})
    for key, value in same_custom.items():
        stored_value = func.json_extract(BeneficiaryRow.custom, f"$.{key}")
        if isinstance(value, str):
            queries.append(base.where(stored_value.collate("NOCASE") == value))
        else:  # numbers as numbers, yes/no as 1/0, several choices as their JSON list
            compared = value
            if isinstance(value, list):
                compared = json.dumps(value, separators=(",", ":"))
            queries.append(base.where(stored_value == compared))
    rows: dict[str, Any] = {}
    for query in queries:
        for row in session.execute(query):
            rows[row.id] = row
    everyone = can(actor, Permission.VIEW_ALL_RECORDS)
    probe = Probe(first, last, born, phone, exact, same_custom)
    found: list[PossibleDuplicate] = []
    for row in rows.values():
        verdict = judge(probe, row, family=family)
        if verdict is None:
            continue
        reasons, score = verdict
        shown = everyone or row.caseworker_id == actor.id
        found.append(
            PossibleDuplicate(
                id=row.id,
                case_number=row.case_number,
                caseworker_name=row.display_name,
                full_name=f"{row.first_name} {row.last_name}".strip() if shown else None,
                date_of_birth=row.date_of_birth if shown else None,
                reasons=reasons,
                score=score,
            )
        )
    found.sort(key=lambda item: (-item.score, item.case_number))
    return found[:limit]


def _household_members(session: Session, beneficiary_id: str | None) -> frozenset[str]:
    """The live members of the beneficiary's household (none when not in one)."""
    if beneficiary_id is None:
        return frozenset()
    theirs = select(HouseholdLinkRow.household_id).where(
        HouseholdLinkRow.beneficiary_id == beneficiary_id,
        HouseholdLinkRow.deleted_at.is_(None),
    )
    return frozenset(
        session.execute(
            select(HouseholdLinkRow.beneficiary_id).where(
                HouseholdLinkRow.household_id.in_(theirs), HouseholdLinkRow.deleted_at.is_(None)
            )
        ).scalars()
    ) | {beneficiary_id}


@dataclass(frozen=True)
class Probe:
    """The person a record is compared with: their identifying values, ready to compare
    (the phone as its key, the exact fields stripped, the identifying custom values)."""

    first: str
    last: str
    born: date | None
    phone: str | None
    exact: Mapping[str, str]
    custom: Mapping[str, Any]


def judge(
    probe: Probe, row: Any, known: Probe | None = None, family: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], float] | None:
    """Whether ``row`` (a candidate's columns) is likely ``probe``'s person: the reasons
    and the score, or None. The one rule of the check before a create and of the
    office-wide scan (services/duplicate_scan.py), which passes the candidate's own
    probe as ``known`` (its phone key and custom values worked out once, not per pair).
    ``family``: the ids of the probe's household, whose shared phone is no reason."""
    other_born = probe.born is not None and row.date_of_birth not in (None, probe.born)
    their_phone = known.phone if known is not None else phone_key(row.phone)
    # A family's shared phone says nothing about whether this is the same person.
    same_phone = probe.phone is not None and their_phone == probe.phone and row.id not in family
    same_values = [
        name
        for name, text in probe.exact.items()
        if (getattr(row, name) or "").strip().casefold() == text.casefold()
    ]
    if probe.custom:
        theirs = known.custom if known is not None else read_stored(row.custom)
        same_values += [
            CUSTOM_PREFIX + key
            for key, value in probe.custom.items()
            if _same_value(theirs.get(key), value)
        ]
    if other_born and not same_phone and not same_values:
        return None  # two dates of birth are two people: the names need not be compared
    similarity = name_similarity(probe.first, probe.last, row.first_name, row.last_name)
    same_born = probe.born is not None and row.date_of_birth == probe.born
    likely = (
        same_phone
        or bool(same_values)
        or (not other_born and (similarity >= SIMILAR_NAME or (same_born and similarity >= 0.6)))
    )
    if not likely:
        return None
    reasons: list[str] = []
    if similarity >= 0.999:
        reasons.append(SAME_NAME)
    elif similarity >= SIMILAR_NAME:
        reasons.append(SIMILAR)
    if same_born:
        reasons.append(SAME_BIRTH_DATE)
    if same_phone:
        reasons.append(SAME_PHONE)
    reasons.extend(SAME_VALUE + name for name in same_values)
    score = similarity + 0.5 * same_born + 0.7 * same_phone + 1.0 * len(same_values)
    return tuple(reasons), round(score, 3)


def identifying_custom(
    definition: FormDefinition | None,
    custom: Mapping[str, Any],
    fields: tuple[Any, ...] | None = None,
) -> dict[str, Any]:
    """The identifying custom fields given a value, by key; ``fields``: the definition's
    identifying fields, when the caller has them already (the scan, once per record)."""
    if definition is None:
        return {}
    found = {}
    for item in fields if fields is not None else definition.where(identifying=True):
        value = custom.get(item.key)
        if isinstance(value, str):
            value = value.strip()
        if value not in (None, "", []):
            found[item.key] = value
    return found


def _same_value(stored: Any, given: Any) -> bool:
    if isinstance(stored, str) and isinstance(given, str):
        return stored.strip().casefold() == given.casefold()
    return stored == given and type(stored) is type(given)
