"""The office-wide "Possible duplicates" scan: likely pairs among every live record.

Comparing every record with every other is 5·10⁹ pairs at 100,000 records. The scan
compares only records that share a blocking key, the same ones the check before a create
looks a person up by (services/duplicates.py), and judges each pair with that check's
own rule (`duplicates.judge`), so the scan lists what the check would have said:

- the first three letters of the first word of the first and of the last name (in either
  order: first and last names are often swapped), as the check's name query;
- the names' sounds (Double Metaphone, domain/matching.py), for "Mohamed"/"Muhammad";
- the same date of birth; the same phone key; the same value of an exact identifying
  field (ID number) or of an identifying custom field.

A pair is judged once however many keys it shares. Two dates of birth are two people
unless the phone or an identifying value is the same, which their own blocks compare:
so a name's block pairs only records without a date of birth (with every other record
of the block), and the common case (the same name, another person) costs nothing. A
phone or value shared by more than ``SHARED_MAX`` records makes no pairs of its own, and
a date of birth shared by more than ``DATE_MAX`` pairs only records whose names share a
block too. What
the blocks can miss: two records, one without a date of birth, whose names are alike
but neither start with the same three letters nor sound the same. Progress is reported
per block; a cancel stops at the next block.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from desktop.auth.permissions import Permission, require
from desktop.domain.forms import FormDefinition
from desktop.domain.matching import fold, phone_key, sounds
from desktop.domain.records import Actor
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, UserRow

from .common import visible_beneficiaries
from .duplicates import CANDIDATE_COLUMNS, EXACT_FIELDS, Probe, identifying_custom, judge
from .forms import current_forms, read_stored

log = logging.getLogger(__name__)

PROGRESS_EVERY = 2_000  # blocks between progress reports and cancel checks
NAME_KEYS = ("n:", "s:")  # the blocks by name (the others: date, phone, values)
VALUE_KEYS = ("p:", "x:", "c:")  # the blocks by a shared phone or identifying value
# A phone or identifying value that more records than this share identifies nobody (a
# placeholder "000000000", a common guardian's name): it makes no pairs of its own.
SHARED_MAX = 10
# A date of birth more records than this share (the 1st of January put for an age known
# only by its year) pairs only those of them whose names share a block too.
DATE_MAX = 200


class ScanCancelled(Exception):
    """The person cancelled the scan; nothing was changed."""


@dataclass(frozen=True)
class ScannedRecord:
    id: str
    case_number: str
    full_name: str
    date_of_birth: date | None
    caseworker_name: str


@dataclass(frozen=True)
class DuplicatePair:
    first: ScannedRecord
    second: ScannedRecord
    reasons: tuple[str, ...]  # as PossibleDuplicate.reasons
    score: float


@lru_cache(maxsize=65_536)
def _name_keys(first: str, last: str) -> frozenset[str]:
    """The name blocks of a first and last name; remembered, as names repeat across a
    caseload and their sounds cost a tenth of a millisecond to work out."""
    words = [fold(first).split()[:1], fold(last).split()[:1]]
    if not words[0] or not words[1]:
        return frozenset()
    a, b = words[0][0], words[1][0]
    keys = {"n:" + "|".join(sorted((a[:3], b[:3])))}
    for sound_a in sounds(a) or {a}:
        for sound_b in sounds(b) or {b}:
            keys.add("s:" + "|".join(sorted((sound_a, sound_b))))
    return frozenset(keys)


def _keys(row: Any, probe: Probe, names: frozenset[str]) -> Iterable[str]:
    yield from names
    if row.date_of_birth is not None:
        yield f"b:{row.date_of_birth.isoformat()}"
    if probe.phone:
        yield f"p:{probe.phone}"
    for name, text in probe.exact.items():
        yield f"x:{name}:{text.casefold()}"
    for key, value in probe.custom.items():
        yield f"c:{key}:{str(value).casefold()}"


def scan_duplicates(
    db: Database,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limit: int | None = None,
) -> list[DuplicatePair]:
    """Likely pairs among the live records ``actor`` may see, most likely first.

    Supervisors and admins (the scan reads the office's caseload to merge from it).
    Raises ScanCancelled when ``cancelled()`` turns true.
    """
    require(actor, Permission.MERGE_RECORDS)
    progress = progress or (lambda _done, _total: None)
    cancelled = cancelled or (lambda: False)
    with db.read() as uow:
        definition = current_forms(db, uow.session).beneficiary
        rows = uow.session.execute(
            select(*CANDIDATE_COLUMNS)
            .join(UserRow, UserRow.id == BeneficiaryRow.caseworker_id)
            .where(*visible_beneficiaries(actor))
            .order_by(BeneficiaryRow.pk)
        ).all()
    if cancelled():
        raise ScanCancelled()
    found = likely_pairs(rows, definition, progress, cancelled)
    if limit is not None:
        found = found[:limit]
    return [
        DuplicatePair(_scanned(rows[i]), _scanned(rows[j]), reasons, score)
        for score, i, j, reasons in found
    ]


def likely_pairs(
    rows: list[Any],
    definition: FormDefinition,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> list[tuple[float, int, int, tuple[str, ...]]]:
    """(score, i, j, reasons) of the likely pairs among ``rows`` (CANDIDATE_COLUMNS),
    most likely first."""
    probes: list[Probe] = []  # each record as the check compares it: its identifying values
    knowns: list[Probe] = []  # and as a candidate: its phone key and every custom value
    blocks: dict[str, list[int]] = {}
    name_keys: list[frozenset[str]] = []
    identifying = definition.where(identifying=True)
    for index, row in enumerate(rows):
        exact = {
            name: text
            for name in EXACT_FIELDS
            if isinstance(text := getattr(row, name), str) and (text := text.strip())
        }
        stored = read_stored(row.custom) if identifying else {}
        custom = identifying_custom(definition, stored, identifying) if identifying else {}
        phone = phone_key(row.phone)
        probe = Probe(row.first_name, row.last_name, row.date_of_birth, phone, exact, custom)
        probes.append(probe)
        knowns.append(Probe("", "", None, phone, {}, stored))
        names = _name_keys(row.first_name, row.last_name)
        name_keys.append(names)
        for key in _keys(row, probe, names):
            blocks.setdefault(key, []).append(index)
    shared = [
        (key, members)
        for key, members in blocks.items()
        if len(members) > 1 and not (key[:2] in VALUE_KEYS and len(members) > SHARED_MAX)
    ]
    total = len(shared)
    progress(0, total)
    count = len(rows)
    judged: set[int] = set()  # i * count + j: a pair judged once, whatever keys it shares
    found: list[tuple[float, int, int, tuple[str, ...]]] = []

    def consider(i: int, j: int) -> None:
        if i > j:
            i, j = j, i
        pair = i * count + j
        if pair in judged:
            return
        judged.add(pair)
        verdict = judge(probes[i], rows[j], knowns[j])
        if verdict is not None:
            found.append((verdict[1], i, j, verdict[0]))

    for done, (key, members) in enumerate(shared, start=1):
        if key[:2] in NAME_KEYS:
            # Two dates of birth known: the same one is the date's block, two different
            # ones are two people unless the phone or a value is the same (their own
            # blocks). A name's block need only pair those without a date of birth.
            for i in members:
                if probes[i].born is None:
                    for j in members:
                        if j != i:
                            consider(i, j)
        elif key[:2] == "b:" and len(members) > DATE_MAX:
            by_name: dict[str, list[int]] = {}
            for i in members:
                for name in name_keys[i]:
                    by_name.setdefault(name, []).append(i)
            for group in by_name.values():
                for at, i in enumerate(group):
                    for j in group[at + 1 :]:
                        consider(i, j)
        else:
            for at, i in enumerate(members):
                for j in members[at + 1 :]:
                    consider(i, j)
        if done % PROGRESS_EVERY == 0:
            if cancelled():
                raise ScanCancelled()
            progress(done, total)
    progress(total, total)
    found.sort(key=lambda item: (-item[0], rows[item[1]].case_number, rows[item[2]].case_number))
    log.info(
        "duplicate scan: %d records, %d pairs judged, %d likely", len(rows), len(judged), len(found)
    )
    return found


def _scanned(row: Any) -> ScannedRecord:
    return ScannedRecord(
        row.id,
        row.case_number,
        f"{row.first_name} {row.last_name}".strip(),
        row.date_of_birth,
        row.display_name,
    )
