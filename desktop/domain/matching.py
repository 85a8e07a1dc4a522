"""How two spellings of a name, or two ways of writing a phone number, are compared.

One place for the list's typo-tolerant search (services/search_terms.py) and the
duplicate check (services/duplicates.py), so both find the same people:

- edit distance (rapidfuzz's optimal string alignment: Levenshtein's edits plus two
  neighbours swapped, the commonest slip at a keyboard): one edit in a short word
  ("Aboud", "Abboux" for "Abboud"), up to two in a longer one; only for a word that
  is no name of the index itself (a name that exists is what was meant);
- Double Metaphone codes (the ``doublemetaphone`` package): names written as they
  sound, which are often three or more edits apart ("Mohamed" for "Muhammad",
  "Yusuf" for "Youssef"). The codes are coarse ("Grace" and "Garcia" share KRS), so two
  words also need some likeness of their letters. Codes exist for Latin letters only:
  names in other scripts are matched by edit distance alone;
- phone numbers by their digits: the last nine, as country and trunk prefixes differ.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from doublemetaphone import doublemetaphone
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

_WORD = re.compile(r"\w+", re.UNICODE)

SHORT_WORD = 5  # up to this many letters a word may be one edit off; longer ones two
FUZZY_FROM = 4  # shorter words are prefixes being typed ("ole" is one edit from "le")
PHONETIC_FROM = 4  # a code of two or three letters ("AL" for Ali) fits too many names
MAX_SIMILAR = 16  # terms one typed word may stand for (the FTS query stays small)
PHONETIC_WORD = 0.9  # a word's similarity to one that sounds the same (see word_similarity)
# fuzz.ratio from which two words of the same sound count as one name written two ways:
# "Mohamed"/"Muhammad" 67, "Hussein"/"Hosseini" 80; "Grace"/"Garcia" 55 do not.
SOUND_LIKENESS = 60
PHONE_KEY_DIGITS = 9
PHONE_MIN_DIGITS = 7


def fold(text: str) -> str:
    """Lower case, accents removed, words only, in order: "  Zoë  N'Diaye" -> "zoe n diaye".

    The search index's tokenizer (unicode61, remove_diacritics 2) folds its terms the
    same way, so a folded word can be compared with the index's vocabulary."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain.casefold()))


def phone_digits(phone: str | None) -> str:
    """The digits of a phone number as typed: "+47 (965) 750-464" -> "47965750464"."""
    return "".join(ch for ch in phone or "" if ch.isdigit())


def phone_key(phone: str | None) -> str | None:
    """The last nine digits (country and trunk prefixes differ); None for fewer than seven."""
    digits = phone_digits(phone)
    return digits[-PHONE_KEY_DIGITS:] if len(digits) >= PHONE_MIN_DIGITS else None


def edit_limit(word: str) -> int:
    """How many edits a typed word may be off the term it means (0: none, too short)."""
    if len(word) < FUZZY_FROM:
        return 0
    return 1 if len(word) <= SHORT_WORD else 2


@lru_cache(maxsize=65_536)  # names repeat; a code costs tens of microseconds
def sounds(word: str) -> frozenset[str]:
    """The word's Double Metaphone codes (primary and alternative); none when it is short
    or not written in Latin letters."""
    if len(word) < PHONETIC_FROM or not word.isalpha():
        return frozenset()
    return frozenset(code for code in doublemetaphone(word) if len(code) >= 2)


def sound_alike(a: str, b: str) -> bool:
    """Two folded words that sound the same and look alike enough to be one name."""
    return bool(sounds(a) & sounds(b)) and fuzz.ratio(a, b) >= SOUND_LIKENESS


def word_similarity(a: str, b: str) -> float:
    """0..1 for two folded words: their normalised edit similarity, or PHONETIC_WORD when
    they sound alike."""
    if a == b:
        return 1.0
    similarity = fuzz.ratio(a, b) / 100
    if similarity < PHONETIC_WORD and sound_alike(a, b):
        return PHONETIC_WORD
    return similarity


def name_similarity(first: str, last: str, other_first: str, other_last: str) -> float:
    """0..1; word order does not matter (first and last names are often swapped), and a
    word that sounds like the other's ("Mohamed", "Muhammad") counts nearly as the same."""
    a = fold(f"{first} {last}")
    if not a:
        return 0.0
    b = fold(f"{other_first} {other_last}")
    swapped = fold(f"{other_last} {other_first}")
    whole = max(fuzz.ratio(a, b), fuzz.ratio(a, swapped), fuzz.token_sort_ratio(a, b)) / 100
    return max(whole, _word_by_word(a.split(), b.split()))


def _word_by_word(ours: list[str], theirs: list[str]) -> float:
    """Each word matched with its most similar word of the other name; a word without a
    partner counts 0 (so "Ali Hassan" is not "Ali Hassan Farah")."""
    if not ours or not theirs:
        return 0.0
    shorter, longer = sorted((ours, theirs), key=len)
    left = list(longer)
    total = 0.0
    for word in shorter:
        best = max(left, key=lambda other: word_similarity(word, other))
        total += word_similarity(word, best)
        left.remove(best)
    return total / len(longer)


@dataclass
class Vocabulary:
    """The distinct words of the registered names, with their sounds, to say which of
    them a typed word may mean. Built once and reused: a lookup compares one word with every
    term in C (rapidfuzz) and the sounds by dictionary, with no database read."""

    terms: list[str] = field(default_factory=list)
    by_sound: dict[str, list[str]] = field(default_factory=dict)
    known: frozenset[str] = frozenset()

    @classmethod
    def of(cls, terms: Iterable[str]) -> Vocabulary:
        # Words only: case numbers, phone and ID digits are searched by their prefix.
        words = sorted({term for term in terms if len(term) >= 2 and not _has_digit(term)})
        by_sound: dict[str, list[str]] = {}
        for term in words:
            for code in sounds(term):
                by_sound.setdefault(code, []).append(term)
        return cls(words, by_sound, frozenset(words))

    def similar(self, typed: str) -> list[str]:
        """Terms ``typed`` may mean (a misspelling, or another way to write the name),
        closest first, not ``typed`` itself; [] for a short word or a number."""
        word = fold(typed).replace(" ", "")
        limit = edit_limit(word)
        if not limit or _has_digit(word):
            return []
        found = []
        if word not in self.known:
            close = process.extract(
                word, self.terms, scorer=OSA.distance, score_cutoff=limit, limit=MAX_SIMILAR
            )
            found = [term for term, _distance, _at in close]
        for code in sounds(word):
            found += [
                term
                for term in self.by_sound.get(code, ())
                if term != word and fuzz.ratio(word, term) >= SOUND_LIKENESS
            ]
        return list(dict.fromkeys(found))[:MAX_SIMILAR]


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)
