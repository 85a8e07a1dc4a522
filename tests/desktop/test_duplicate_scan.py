"""Issue 14 point 7: the office-wide scan finds what the duplicate check would, by blocks
instead of every pair; supervisors only; progress and cancel."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from desktop.domain.matching import phone_key
from desktop.errors import PermissionDenied
from desktop.services.duplicate_scan import ScanCancelled
from desktop.services.duplicates import Probe as CheckProbe
from desktop.services.duplicates import judge

FIRST = ("Layla", "Leila", "Mohamed", "Muhammad", "Omar", "Omer", "Grace", "Amina", "Aminah")
LAST = ("Haddad", "Hadad", "Salah", "Nasser", "Okafor", "Yusuf", "Youssef")


@pytest.fixture
def crowd(office):
    """Sixty people with look-alike names, shared birth dates (or none known) and a few
    shared phones."""
    cara = office.services("cara")
    rng = random.Random(5)
    made = []
    for number in range(60):
        values = {
            "first_name": rng.choice(FIRST),
            "last_name": rng.choice(LAST),
            "date_of_birth": date(1980, 1, 1) + timedelta(days=rng.randint(0, 20)),
        }
        if number % 7 == 0:
            values["phone"] = f"+961 3 {100000 + number % 3}"
        if number % 5 == 0:
            del values["date_of_birth"]  # not known: matched by name alone
        made.append(cara.beneficiaries.create(values))
    cara.close()
    return made


def test_the_scan_finds_exactly_the_pairs_the_check_would(office, crowd):
    sam = office.services("sam")
    found = {frozenset((p.first.id, p.second.id)) for p in sam.merges.scan()}
    # Every pair, judged by the check's own rule (the brute force the blocks avoid).
    expected = set()
    for a, b in itertools.combinations(crowd, 2):
        probe = CheckProbe(a.first_name, a.last_name, a.date_of_birth, phone_key(a.phone), {}, {})
        if judge(probe, b) is not None:
            expected.add(frozenset((a.id, b.id)))
    assert expected and found == expected
    sam.close()


def test_progress_is_reported_and_a_cancel_stops_the_scan(office, crowd, monkeypatch):
    from desktop.services import duplicate_scan

    sam = office.services("sam")
    reports: list[tuple[int, int]] = []
    sam.merges.scan(progress=lambda done, total: reports.append((done, total)))
    assert reports[0][0] == 0 and reports[-1][0] == reports[-1][1] > 0
    monkeypatch.setattr(duplicate_scan, "PROGRESS_EVERY", 1)
    seen: list[int] = []
    with pytest.raises(ScanCancelled):
        sam.merges.scan(
            progress=lambda done, total: seen.append(done), cancelled=lambda: len(seen) > 2
        )
    assert seen[-1] < reports[-1][1]
    sam.close()


def test_a_caseworker_may_not_scan_the_office(office, crowd):
    cara = office.services("cara")
    with pytest.raises(PermissionDenied):
        cara.merges.scan()
    cara.close()


def test_a_phone_many_records_share_identifies_nobody(office):
    cara = office.services("cara")
    names = ("Ana", "Ben", "Chidi", "Dara", "Emeka", "Femi", "Gita", "Hana", "Ines", "Jude")
    for at, first in enumerate((*names, "Kofi", "Lamar")):
        cara.beneficiaries.create(
            {
                "first_name": first,
                "last_name": f"Person{at}",
                "date_of_birth": date(1970 + at, 1, 2),
                "phone": "000 0000",  # a placeholder written for "no phone"
            }
        )
    a = cara.beneficiaries.create(
        {
            "first_name": "Rania",
            "last_name": "Saad",
            "date_of_birth": date(1991, 3, 3),
            "phone": "+20 111 222 333",
        }
    )
    b = cara.beneficiaries.create(
        {
            "first_name": "Rana",
            "last_name": "Saad",
            "date_of_birth": date(1992, 4, 4),
            "phone": "0111 222 333",
        }
    )
    cara.close()
    sam = office.services("sam")
    pairs = sam.merges.scan()
    assert [{p.first.id, p.second.id} for p in pairs] == [{a.id, b.id}]
    assert pairs[0].reasons == ("similar_name", "same_phone")
    sam.close()
