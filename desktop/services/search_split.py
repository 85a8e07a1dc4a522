"""A broad search's page read where its matches sit in the list's order, by name.

A search with more than BROAD_SEARCH matches walks the sort's index from its start and
checks each row against the matches. When the matches sit together in that order (typing
"nguy" with the list by last name: the Nguyens sort in the middle) the walk reads every
row sorted before them: 41 ms of CPU at 1,000,000 beneficiaries, growing with the office.

With the list sorted by a name (last name, or first name), the rows where a typed word
matches that column are exactly the rows holding one of the stored names it matches
(``SearchTerms.names``: asked of an index with the search index's own tokenizer). The page
is then the first rows of two disjoint parts, each read in the list's order:

- named: the rows holding one of those names, read through the sort's index at each name
  (one seek a name, in order); with several words, each row is checked against the
  matches;
- elsewhere: the other matches, where that word matched another column. The search index
  finds them with the column left out (``- last_name : (...)``), and the names exclude the
  rows the named part has. Usually none or few (read and sorted); when many, the sort's
  index is walked as before, for them alone.

Each part gives its first offset + limit rows; their union is sorted and cut. With
several words, the word whose other matches are fewest is the one split on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    UnaryExpression,
    bindparam,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.sql.operators import custom_op
from sqlalchemy.sql.visitors import replacement_traverse

from desktop.domain.records import SortKey
from desktop.store.tables import BeneficiaryRow, LiveCountRow

from .common import SEARCH_INDEX
from .search_counts import MATCH, listed_up_to
from .search_terms import SearchMatch, SearchTerms

# The name column a sort starts with; its index is (that name NOCASE, ..., pk).
SPLIT_COLUMNS = {SortKey.LAST_NAME: "last_name", SortKey.FIRST_NAME: "first_name"}
OWNER_PAGE = 100  # the page _large_caseload compares for (the list's page)
# Deepest row (offset + limit) a page is read this way: each part reads that many rows.
# Scrolling on continues after the last row (offset 0); a jump further down keeps the walk.
SPLIT_REACH = 2000


def unindexed(column: ColumnElement) -> ColumnElement:
    """``+column``: the same value, but SQLite will not pick an index for this term."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


@dataclass(frozen=True)
class Split:
    column: str  # the sort's leading name column
    names: tuple[str, ...]  # its stored values the split word matches
    elsewhere: str | None  # the search index's query for the other matches; None: none
    broad: bool  # the other matches are too many to read and sort
    checked: bool  # several words: named rows must also match the others

    @property
    def shape(self) -> tuple:
        return (self.column, self.elsewhere is not None, self.broad, self.checked)

    def values(self, limit: int, offset: int) -> dict[str, Any]:
        values: dict[str, Any] = {"names": json.dumps(self.names), "part_limit": offset + limit}
        if self.elsewhere is not None:
            values["elsewhere"] = self.elsewhere
        return values


def choose_split(
    session: Any,
    terms: SearchTerms,
    search: SearchMatch,
    key: SortKey,
    broad_from: int,
    owner: str | None = None,
) -> Split | None:
    """How a broad search's page is read for the sort ``key``, the list showing only
    ``owner``'s records when given; None: by the walk."""
    column = SPLIT_COLUMNS.get(key)
    if column is None or search.phone is not None:
        return None
    if owner is not None and not _large_caseload(session, owner):
        return None
    best: tuple[int, list[str], str] | None = None
    for at, group in enumerate(search.groups):
        names = terms.names(session, column, group)
        if not names:
            continue
        elsewhere = search.elsewhere(at, column)
        others = listed_up_to(session, elsewhere, broad_from + 1)
        if best is None or others < best[0]:
            best = (others, names, elsewhere)
        if not others:
            break
    if best is None:
        return None
    others, names, elsewhere = best
    return Split(
        column,
        tuple(names),
        elsewhere if others else None,
        others > broad_from,
        len(search.groups) > 1,
    )


def _large_caseload(session: Any, owner: str) -> bool:
    """Whether a split beats the walk through ``owner``'s index (ix_beneficiaries_live):
    the split checks the owner of about page x everyone / theirs rows, the walk reads all
    of theirs, so the split wins past the square root of page x everyone (10,000 of
    1,000,000). From the counters of migration 0019."""
    theirs, everyone = session.execute(
        select(
            func.coalesce(
                func.sum(LiveCountRow.live).filter(LiveCountRow.caseworker_id == owner), 0
            ),
            func.coalesce(func.sum(LiveCountRow.live), 0),
        )
    ).one()
    return theirs * theirs > OWNER_PAGE * everyone


def _owner_unindexed(element: Any) -> ColumnElement | None:
    owner = BeneficiaryRow.__table__.c.caseworker_id
    if getattr(element, "table", None) is owner.table and getattr(element, "key", "") == owner.key:
        return unindexed(element)
    return None  # keep it, and look inside


def split_statement(
    page_select: Select,
    conditions: list[ColumnElement[bool]],
    matching: Select,
    continued: list[ColumnElement[bool]],
    split: Split,
    order: list[ColumnElement],
    ordered_by: tuple[str, ...],
    descending: bool,
) -> Select:
    """The page's statement: ``conditions`` (the list's own, the search's left out),
    ``matching`` (the search's pks), ``order`` (sort columns then pk; ``ordered_by``: their
    result columns' names) and ``continued`` (the terms that continue after a row), with
    the binds of ``Split.values``."""
    # The owner's term must not choose the owner's index: the names' seeks order the page.
    conditions = [replacement_traverse(term, {}, _owner_unindexed) for term in conditions]
    name = getattr(BeneficiaryRow, split.column).collate("NOCASE")
    names = select(literal_column("value")).select_from(
        func.json_each(bindparam("names", type_=String))
    )
    named_terms = [*conditions, name.in_(names), *continued]
    if split.checked:
        named_terms.append(unindexed(BeneficiaryRow.pk).in_(matching))
    named = page_select.where(*named_terms).order_by(*order)
    limit = bindparam("limit", type_=Integer)
    offset = bindparam("offset", type_=Integer)
    if split.elsewhere is None:
        return named.limit(limit).offset(offset)
    part_limit = bindparam("part_limit", type_=Integer)
    others = select(SEARCH_INDEX.c.rowid).where(MATCH(bindparam("elsewhere", type_=String)))
    pk = unindexed(BeneficiaryRow.pk) if split.broad else BeneficiaryRow.pk
    elsewhere = page_select.where(*conditions, pk.in_(others), name.not_in(names), *continued)
    # (SQLAlchemy's LIMIT on SQLite comes with an OFFSET, bound unless given as SQL.)
    parts = [
        select(part.limit(part_limit).offset(literal_column("0")).subquery())
        for part in (named, elsewhere.order_by(*order))
    ]
    # The union's order names its result columns; the names compare as the index does.
    by_name = [literal_column(column) for column in ordered_by]
    by_name[:-1] = [column.collate("NOCASE") for column in by_name[:-1]]
    merged = [column.desc() if descending else column.asc() for column in by_name]
    return union_all(*parts).order_by(*merged).limit(limit).offset(offset)
