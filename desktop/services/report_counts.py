"""Counting through the report indexes (migration 0011): a seek per known value.

SQLite without statistics (the app runs no ANALYZE; see migration 0004) walks a whole
index for a GROUP BY or a DISTINCT and sorts what it read. At 1,000,000 sessions that is
seconds. Naming the values counted (a field's choices, the months of a range, the user
ids) makes it seek each value's range of dates in the index instead
(``seek_counts``); values nobody can list beforehand (the stored lists of a
several-choices field) are found one seek each (``distinct_values``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

Counts = list[tuple[Any, ...]]  # (the label columns' stored values..., count)


def seek_counts(
    session: Session,
    table: Any,
    where: list[ColumnElement[bool]],
    column: ColumnElement,
    known: Sequence[Any],
    *,
    then: ColumnElement | None = None,
    then_order: Sequence[Any] = (),
    complete: bool = False,
    rest_only: bool = False,
) -> Counts:
    """Counts by ``column`` (then by ``then``) through the report index that starts with it.

    Without statistics (the app runs no ANALYZE, see migration 0004) SQLite would walk
    the whole index and sort every entry for a GROUP BY; naming the ``known`` values makes
    it seek each value's range of dates instead. ``complete``: no other value can be
    stored (months of the range, user ids); otherwise NULL and every value between and
    around the known ones are counted too (a retired choice, a value from the server),
    each gap one more seek. ``rest_only``: only those (the known values were counted
    elsewhere, e.g. month by month).
    """
    grouped = (column,) if then is None else (column, then)

    def counts(*conditions: ColumnElement[bool]) -> Counts:
        statement = (
            select(*grouped, func.count())
            .select_from(table)
            .where(*where, *conditions)
            .group_by(*grouped)
        )
        return [tuple(row) for row in session.execute(statement)]

    values = sorted(set(known))
    found = counts(column.in_(values)) if values and not rest_only else []
    if not complete and then is not None:
        found += counts(column.is_(None))
    elif not complete:
        # Not grouped: a GROUP BY of the NULLs reads every row (SQLite's plan), a count not.
        missing = session.execute(
            select(func.count()).select_from(table).where(*where, column.is_(None))
        ).scalar_one()
        found += [(None, missing)] if missing else []
        edges = [None, *values, None]
        for low, high in pairwise(edges):
            bounds = [column > low] if low is not None else []
            bounds += [column < high] if high is not None else []
            found += counts(*(bounds or [column.is_not(None)]))
    orders = [{value: at for at, value in enumerate(known)}]
    orders.append({value: at for at, value in enumerate(then_order)})
    return sorted(
        found,
        key=lambda row: tuple(
            (v is None, order.get(v, len(order)), str(v))
            for v, order in zip(row[:-1], orders, strict=False)
        ),
    )


MAX_DISTINCT = 1_000  # lists of choices enumerated by seeks; past it, a value scan


def distinct_values(session: Session, table: Any, column: ColumnElement) -> list[Any]:
    """The distinct stored values of an indexed ``column`` (live rows), one seek each:
    SQLite without statistics would read every index entry for a DISTINCT. Past
    ``MAX_DISTINCT`` the rest is left to ``seek_counts``'s gaps (a scan of them)."""
    found: list[Any] = []
    live = table.deleted_at.is_(None)
    after = session.execute(select(func.min(column)).where(live)).scalar()
    while after is not None and len(found) < MAX_DISTINCT:
        found.append(after)
        after = session.execute(select(func.min(column)).where(live, column > after)).scalar()
    return found
