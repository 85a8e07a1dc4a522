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

For the list's broad searches (services/search_split.py) it also answers which stored
last names and first names a typed word's group matches: the distinct names are kept in
a small in-memory FTS5 index with the search index's own tokenizer, so the answer is the
search index's, not a Python imitation of it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import sqlcipher3
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
# Each distinct name once per column, through ix_beneficiaries_first_name and _last_name
# (covering); names equal but for ASCII case have the same terms and sort together.
NAME_COLUMNS = ("first_name", "last_name")
_NAMES = text(
    "SELECT 'first_name', first_name FROM beneficiaries GROUP BY first_name COLLATE NOCASE "
    "UNION ALL SELECT 'last_name', last_name FROM beneficiaries GROUP BY last_name COLLATE NOCASE"
)
# The search index's own definition, for its tokenizer (written out in its migration).
_INDEX_SQL = text("SELECT sql FROM sqlite_master WHERE name = 'beneficiary_search'")
_TOKENIZE = re.compile(r"tokenize\s*=\s*'([^']*)'")


@dataclass(frozen=True)
class SearchMatch:
    """What was typed, as FTS5 query parts: one group per word, all must match; the
    phone clause (or None) may match instead."""

    groups: tuple[str, ...]
    phone: str | None = None

    @property
    def expression(self) -> str:
        words = " AND ".join(self.groups)
        return words if self.phone is None else f"({words}) OR {PHONE_COLUMN} : ({self.phone})"

    def elsewhere(self, at: int, column: str) -> str:
        """The query with group ``at`` matched in any column but ``column``."""
        groups = list(self.groups)
        groups[at] = f"- {column} : ({groups[at]})"
        return SearchMatch(tuple(groups), self.phone).expression


class _NameIndex:
    """The distinct first and last names in an in-memory FTS5 table, tokenized as the
    search index is. Names are only added: one no longer stored matches no row."""

    def __init__(self, tokenize: str) -> None:
        self._connection = sqlcipher3.connect(":memory:", check_same_thread=False)
        quoted = tokenize.replace("'", "''")
        self._connection.execute(
            f"CREATE VIRTUAL TABLE names USING fts5({', '.join(NAME_COLUMNS)}, tokenize='{quoted}')"
        )
        self._held: set[tuple[str, str]] = set()

    def add(self, rows) -> None:
        new = []
        for column, name in rows:
            key = (column, name.translate(_ASCII_LOWER))
            if key not in self._held:
                self._held.add(key)
                new.append(tuple(name if c == column else "" for c in NAME_COLUMNS))
        if new:
            marks = ", ".join("?" for _ in NAME_COLUMNS)
            self._connection.executemany(f"INSERT INTO names VALUES ({marks})", new)

    def matching(self, column: str, group: str) -> list[str]:
        if column not in NAME_COLUMNS:
            raise ValueError(column)
        found = self._connection.execute(
            f"SELECT {column} FROM names WHERE names MATCH ?", (f"{column} : ({group})",)
        )
        return [name for (name,) in found]


# What SQLite's NOCASE compares: ASCII letters folded, nothing else.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class SearchTerms:
    """The names of one database as a Vocabulary, reread when the search index changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: bytes | None = None
        self._vocabulary = Vocabulary()
        self._names: _NameIndex | None = None

    def vocabulary(self, session: Session) -> Vocabulary:
        """The names' vocabulary as ``session`` sees it (one row read when unchanged)."""
        version = session.execute(_INDEX_VERSION).scalar()
        with self._lock:
            if version is not None and version == self._version:
                return self._vocabulary
        rows = session.execute(_NAMES).all()
        # Folded and split as the index's tokenizer does ("Jean-Pierre": jean, pierre).
        vocabulary = Vocabulary.of(word for _, name in rows for word in fold(name).split())
        with self._lock:
            if self._names is None:
                tokenize = _TOKENIZE.search(session.execute(_INDEX_SQL).scalar_one())
                self._names = _NameIndex(tokenize.group(1) if tokenize else "unicode61")
            self._names.add(rows)
            self._version, self._vocabulary = version, vocabulary
        return vocabulary

    def names(self, session: Session, column: str, group: str) -> list[str]:
        """The stored values of ``column`` (first_name or last_name) with a term that
        ``group`` matches, as ``session`` sees them (with some no longer stored)."""
        self.vocabulary(session)
        with self._lock:
            assert self._names is not None
            return self._names.matching(column, group)

    def search(self, db: Database, typed: str) -> SearchMatch | None:
        """The FTS5 query for what was typed in the search box; None: nothing to search
        (only punctuation typed)."""
        tokens = _TOKEN.findall(typed)
        if not tokens:
            return None
        with db.read() as uow:
            vocabulary = self.vocabulary(uow.session)
        return search_match(typed, vocabulary)


def search_match(typed: str, vocabulary: Vocabulary) -> SearchMatch | None:
    """Each typed word a group (itself as a prefix, or a term it may mean); all groups
    must match. A phone-like search may match the phone's digits instead."""
    tokens = _TOKEN.findall(typed)[:MAX_WORDS]
    if not tokens:
        return None
    # FTS5 takes an implicit AND between phrases only, not between groups.
    groups = tuple(word_group(token, _beyond_prefix(token, vocabulary)) for token in tokens)
    digits = phone_digits(typed)
    if not PHONE_TYPED.match(typed) or len(digits) < PHONE_FROM_DIGITS:
        return SearchMatch(groups)
    phone = [f'"{digits}"*']
    if len(digits) > PHONE_KEY_DIGITS:  # a longer prefix: the last nine alone may match
        phone.append(f'"{digits[-PHONE_KEY_DIGITS:]}"')
    return SearchMatch(groups, " OR ".join(phone))


def fts_match(typed: str, vocabulary: Vocabulary) -> str | None:
    """The FTS5 query string for what was typed (see ``search_match``)."""
    found = search_match(typed, vocabulary)
    return None if found is None else found.expression


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
