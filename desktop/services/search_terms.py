"""The search box's FTS5 query, tolerant of typos, and the index vocabulary it uses.

A typed word matches what it did before (itself as a prefix: "Abb" finds "Abboud") and
also the names it may mean (domain/matching.py: one or two edits off, or sounding the
same), so "Aboud" and "Abboux" find "Abboud" and "Mohamed" finds "Muhammad". The names
are the distinct first and last names, read through their NOCASE indexes (14-31 ms CPU
at 100,000 records) once, and again only after the search index changed; comparing a
word with a few thousand names takes well under a millisecond, where scanning 100,000
records per keystroke would not. The expanded query is still one FTS MATCH. (The
index's own vocabulary, an ``fts5vocab`` table, was measured too: it lists every term
of every column, 90,000 at 100k records, in 180-260 ms CPU: too slow after each save.)

A search that looks like a phone number (digits and ``+ - ( ) . /`` only) also matches
the number's digits in ``phone_search`` (migration 0013): all of them as a prefix, and
the last nine whole, as the duplicate check compares phones.
"""

from __future__ import annotations

import re
import threading

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.domain.matching import PHONE_KEY_DIGITS, Vocabulary, fold, phone_digits
from desktop.store.db import Database

MAX_WORDS = 8  # typed words searched; more narrow nothing in practice
PHONE_TYPED = re.compile(r"^[\d\s+\-().\/]+$")
PHONE_FROM_DIGITS = 4  # fewer digits are a case number's or an ID's prefix, not a phone
_TOKEN = re.compile(r"\w+", re.UNICODE)
PHONE_COLUMN = "phone_search"

# Every write to the index rewrites its structure record (the FTS5 shadow table's row
# 10): comparing it says whether the vocabulary read before is still the index's.
_INDEX_VERSION = text("SELECT block FROM beneficiary_search_data WHERE id = 10")
# Each distinct name once, through ix_beneficiaries_first_name and _last_name (covering).
_NAMES = text(
    "SELECT first_name FROM beneficiaries GROUP BY first_name COLLATE NOCASE "
    "UNION SELECT last_name FROM beneficiaries GROUP BY last_name COLLATE NOCASE"
)


class SearchTerms:
    """The names of one database as a Vocabulary, reread when the search index changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: bytes | None = None
        self._vocabulary = Vocabulary()

    def vocabulary(self, session: Session) -> Vocabulary:
        """The names' vocabulary as ``session`` sees it (one row read when unchanged)."""
        version = session.execute(_INDEX_VERSION).scalar()
        with self._lock:
            if version is not None and version == self._version:
                return self._vocabulary
        names = (name for (name,) in session.execute(_NAMES))
        # Folded and split as the index's tokenizer does ("Jean-Pierre": jean, pierre).
        vocabulary = Vocabulary.of(word for name in names for word in fold(name).split())
        with self._lock:
            self._version, self._vocabulary = version, vocabulary
        return vocabulary

    def match(self, db: Database, typed: str) -> str | None:
        """The FTS5 query for what was typed in the search box; None: nothing to search
        (only punctuation typed)."""
        tokens = _TOKEN.findall(typed)
        if not tokens:
            return None
        with db.read() as uow:
            vocabulary = self.vocabulary(uow.session)
        return fts_match(typed, vocabulary)


def fts_match(typed: str, vocabulary: Vocabulary) -> str | None:
    """Each typed word a group (itself as a prefix, or a term it may mean); all groups
    must match. A phone-like search may match the phone's digits instead."""
    tokens = _TOKEN.findall(typed)[:MAX_WORDS]
    if not tokens:
        return None
    # FTS5 takes an implicit AND between phrases only, not between groups.
    words = " AND ".join(word_group(token, _beyond_prefix(token, vocabulary)) for token in tokens)
    digits = phone_digits(typed)
    if not PHONE_TYPED.match(typed) or len(digits) < PHONE_FROM_DIGITS:
        return words
    phone = [f'"{digits}"*']
    if len(digits) > PHONE_KEY_DIGITS:  # a longer prefix: the last nine alone may match
        phone.append(f'"{digits[-PHONE_KEY_DIGITS:]}"')
    return f"({words}) OR {PHONE_COLUMN} : ({' OR '.join(phone)})"


def _beyond_prefix(token: str, vocabulary: Vocabulary) -> list[str]:
    """The terms ``token`` may mean that its own prefix term does not already match."""
    start = fold(token)
    return [term for term in vocabulary.similar(token) if not term.startswith(start)]


def word_group(token: str, similar: list[str]) -> str:
    """``token`` as a quoted prefix term, OR the whole terms it may mean."""
    prefix = f'"{token}"*'
    if not similar:
        return prefix
    # Terms come from the index (\w only, folded): quoting cannot break the query.
    return "(" + " OR ".join([prefix, *(f'"{term}"' for term in similar)]) + ")"
