"""Beneficiaries: register, edit, close, reopen, reassign, delete, and the paged caseload list."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal_column,
    select,
    tuple_,
)

from desktop.auth.permissions import Permission, require, require_record_access
from desktop.domain.enums import (
    BeneficiaryStatus,
    ClosureReason,
    Entity,
    OutboxOp,
    SyncStatus,
)
from desktop.domain.forms import RecordKind
from desktop.domain.problems import Problem
from desktop.domain.records import Actor, Beneficiary, BeneficiaryQuery, Page, SortKey
from desktop.domain.validation import BENEFICIARY_FIELDS, validate_beneficiary
from desktop.errors import NotFound, ValidationError
from desktop.store.changes import Change, Stamp, diff, first_version, record_changes
from desktop.store.custom_indexes import (
    checked_key,
    compared_value,
    custom_value,
    numeric_keys,
)
from desktop.store.db import Database
from desktop.store.tables import BeneficiaryRow, CaseSessionRow, UserRow, new_id, utcnow

from .common import (
    BENEFICIARY_COLUMNS,
    SEARCH_INDEX,
    allocate_case_numbers,
    beneficiary_select,
    beneficiary_values,
    caseload_owner,
    live_count,
    load_beneficiary,
    refuse_stale_edit,
    to_beneficiary,
    visible_beneficiaries,
)
from .duplicates import PossibleDuplicate, find_possible_duplicates
from .forms import (
    CheckedCustom,
    built_in,
    check_custom,
    check_record_custom,
    checked_together,
    current_forms,
)
from .page_sql import PAGE_SQL, PageSql
from .record_checks import check_edit, flag_problems
from .search_counts import listed_live_up_to, listed_up_to, live_matches_up_to
from .search_split import SPLIT_REACH, Split, choose_split, split_statement
from .search_split import unindexed as _unindexed
from .search_terms import SearchMatch, SearchTerms
from .tasks import reassign_open_tasks

log = logging.getLogger(__name__)

MAX_PAGE = 1000
BROAD_SEARCH = 500  # matches from which a search walks the sort index or splits (_search_term)
COUNT_BOUND = 1000  # the list's first count of a search stops here (services/search_counts.py)
FILTER_PAGE = 200  # the page a custom filter's plan is chosen for (see _custom_plan)

SORT_COLUMNS: dict[SortKey, tuple[ColumnElement, ...]] = {
    SortKey.CASE_NUMBER: (BeneficiaryRow.case_number,),
    SortKey.LAST_NAME: (
        BeneficiaryRow.last_name.collate("NOCASE"),
        BeneficiaryRow.first_name.collate("NOCASE"),
    ),
    SortKey.FIRST_NAME: (BeneficiaryRow.first_name.collate("NOCASE"),),
    SortKey.DATE_OF_BIRTH: (BeneficiaryRow.date_of_birth,),
    SortKey.STATUS: (BeneficiaryRow.status,),
    # Through ix_users_display_name and ix_beneficiaries_caseworker_pk (migration 0004):
    # binary order, as the unique index has it (NOCASE would mean sorting every row).
    SortKey.CASEWORKER: (UserRow.display_name, UserRow.id),
    SortKey.NEXT_FOLLOW_UP: (BeneficiaryRow.next_follow_up_on,),
    SortKey.UPDATED_AT: (BeneficiaryRow.updated_at,),
}
# The Beneficiary fields holding each sort's values, to continue after a page's last row.
SORT_FIELDS: dict[SortKey, tuple[str, ...]] = {
    SortKey.CASE_NUMBER: ("case_number",),
    SortKey.LAST_NAME: ("last_name", "first_name"),
    SortKey.FIRST_NAME: ("first_name",),
    SortKey.DATE_OF_BIRTH: ("date_of_birth",),
    SortKey.STATUS: ("status",),
    SortKey.CASEWORKER: ("caseworker_name", "caseworker_id"),
    SortKey.NEXT_FOLLOW_UP: ("next_follow_up_on",),
    SortKey.UPDATED_AT: ("updated_at",),
}
# Sorts on columns that may be NULL: descending, the NULLs come last and a row-value
# comparison would skip them, so those pages keep OFFSET.
NULLABLE_SORTS = frozenset({SortKey.DATE_OF_BIRTH, SortKey.NEXT_FOLLOW_UP})
CONTINUATIONS = 32  # remembered page ends per service (one list, a few sorts and searches)


# The join decides which table SQLite walks first, and with it which index orders the
# page; the unary + takes that choice away from statistics and guesses. Every sort but
# the caseworker's walks beneficiaries through its sort index and looks each caseworker
# up by id; the caseworker sort walks users in (display_name, id) order and each one's
# beneficiaries through (caseworker_id, pk) (migration 0004).
PAGE_SELECT = select(*BENEFICIARY_COLUMNS, BeneficiaryRow.pk).join(
    UserRow, UserRow.id == _unindexed(BeneficiaryRow.caseworker_id)
)
PAGE_SELECT_BY_CASEWORKER = select(*BENEFICIARY_COLUMNS, BeneficiaryRow.pk).join(
    UserRow, _unindexed(UserRow.id) == BeneficiaryRow.caseworker_id
)


class _Binds(dict):
    """A statement's named parameters and their values; the names are its shape."""

    def __call__(self, name: str, value: Any, type_: Any = None) -> BindParameter:
        self[name] = value
        return bindparam(name, value, type_=type_)


def _custom_terms(
    query: BeneficiaryQuery, bind: _Binds
) -> list[tuple[ColumnElement[bool], ColumnElement[bool]]]:
    """Each custom filter as (the term its index serves, the same term unindexed)."""
    terms = []
    for at, (key, value) in enumerate(query.custom_filters):
        expression = custom_value(key)  # ValueError unless a field key: it is SQL text
        if isinstance(value, bool):
            type_: Any = Boolean()  # json_extract gives 1 or 0 for true and false
        elif isinstance(value, str):
            type_ = String()
        else:
            raise ValueError(
                f"custom filter {key}: a choice value or yes/no, not {type(value).__name__}"
            )
        parameter = bind(f"custom_{at}", value, type_)
        terms.append((expression == parameter, _unindexed(expression) == parameter))
    return terms


def _custom_plan(matches: int, rows: int) -> str:
    """How a page finds the ``matches`` rows custom filters select among about ``rows``.

    "index": read every match through the filter's index, then sort them (~6 µs a match
    at 100k: for a few hundred). "walk": walk the sort's index and check each row's JSON
    value (~16 µs a row, and a page needs ``page × rows / matches`` of them: for a filter
    most rows pass). "listed", between: the matches' pks listed from the index (~0.8 µs
    each), probed while walking the sort's index (~0.3 µs an entry). At 100,000 rows:
    index up to 1,000 matches, listed up to 20,000, walk beyond; the bench's "critical"
    (5,000) took 64 ms walking, 32 through the index, 2-15 listed.
    """
    reach = FILTER_PAGE * rows  # index entries walked for a page, times the matches
    if matches * matches * 20 <= reach:
        return "index"
    if matches * matches > 20 * reach:
        return "walk"
    return "listed"


def _custom_shape(query: BeneficiaryQuery, numeric: bool) -> tuple:
    """What of a query's custom parts is SQL text or a parameter's type (the page's shape)."""
    filters = tuple((key, isinstance(value, bool)) for key, value in query.custom_filters)
    return filters, query.custom_sort, numeric


@dataclass(frozen=True)
class _Filter:
    """A list query's WHERE terms; for a search, its matches and (when nothing else
    filters) the search index's match count."""

    conditions: list[ColumnElement[bool]]
    binds: _Binds
    matching: Select | None = None
    matches: int | None = None
    broad: bool = False
    # Custom filters: the terms the count uses (through their indexes), and whether the
    # page walks the sort's index instead (see _custom_filters).
    counted: list[ColumnElement[bool]] | None = None
    custom_plan: str | None = None  # see _custom_plan
    total: int | None = None  # already counted
    # A search without custom filters: the terms other than the search's own, for the
    # bounded count driven by the search index (see _bounded_total).
    unsearched: list[ColumnElement[bool]] | None = None
    match: str | None = None
    search: SearchMatch | None = None  # the match's parts, for a split (see _split)
    owner: str | None = None  # the one caseworker whose records are listed


class BeneficiaryService:
    def __init__(self, db: Database, actor: Actor):
        self._db = db
        self._actor = actor
        # (query, offset) -> (sort values, pk) of the row before ``offset``: the next page
        # continues from there through the sort's index instead of skipping ``offset`` rows.
        self._continuations: OrderedDict[tuple, tuple[tuple, int]] = OrderedDict()
        self._continuations_lock = threading.Lock()
        # The search index's vocabulary for typo-tolerant search (services/search_terms.py).
        self._terms = SearchTerms()

    # -- reading -----------------------------------------------------------------------

    def get(self, beneficiary_id: str) -> Beneficiary:
        with self._db.read() as uow:
            row = uow.session.execute(
                beneficiary_select()
                .add_columns(BeneficiaryRow.invalid_fields)
                .where(BeneficiaryRow.id == beneficiary_id, BeneficiaryRow.deleted_at.is_(None))
            ).one_or_none()
        if row is None:
            raise NotFound("That beneficiary does not exist or has been deleted.")
        require_record_access(self._actor, row.caseworker_id)
        return to_beneficiary(row)

    def _visible(self, bind: _Binds) -> list[ColumnElement[bool]]:
        return visible_beneficiaries(self._actor, lambda owner: bind("actor", owner))

    def selecting(self, query: BeneficiaryQuery | None) -> list[ColumnElement[bool]] | None:
        """The terms (over BeneficiaryRow, values bound in) of the records the list shows
        this user for ``query``, or of every record they may see (None): for exports and
        reports, so they select what the list does. None: nothing can match."""
        if query is None:
            return self._visible(_Binds())
        found = self._conditions(query)
        return None if found is None else found.conditions

    def _matches(self, match: str) -> int:
        """Matches in the search index (deleted ones too), up to BROAD_SEARCH + 1: enough
        to choose the page's plan."""
        with self._db.read() as uow:
            return listed_up_to(uow.session, match, BROAD_SEARCH + 1)

    def _conditions(self, query: BeneficiaryQuery) -> _Filter | None:
        bind = _Binds()
        conditions = self._visible(bind)
        visible = len(conditions)
        if query.status is not None:
            # Two values, neither selective: walking the sort's index and skipping the
            # others beats the status index plus sorting ~85% of the table (80 ms at 100k).
            status = bind("status", BeneficiaryStatus(query.status).value)
            conditions.append(_unindexed(BeneficiaryRow.status) == status)
        if query.caseworker_id:
            owner = bind("caseworker", query.caseworker_id)
            conditions.append(BeneficiaryRow.caseworker_id == owner)
        if query.follow_up_due_by is not None:
            due = bind("due", query.follow_up_due_by, BeneficiaryRow.next_follow_up_on.type)
            conditions.append(BeneficiaryRow.next_follow_up_on <= due)
        custom = _custom_terms(query, bind)
        searched = bool(query.search.strip())
        search = self._terms.search(self._db, query.search) if searched else None
        if searched and search is None:
            return None  # only punctuation typed: nothing can match
        match = None if search is None else search.expression
        if custom:
            return self._custom_filters(conditions, custom, bind, match)
        if match is None:
            return _Filter(conditions, bind)
        unsearched = list(conditions)
        matching, matches, broad = self._search_term(conditions, bind, match)
        # Only the search and deletion narrow the list: its total is counted from the index.
        only_searched = visible == 1 and len(conditions) == 2
        return _Filter(
            conditions,
            bind,
            matching,
            matches if only_searched else None,
            broad,
            unsearched=unsearched,
            match=match,
            search=search,
            owner=query.caseworker_id or caseload_owner(self._actor),
        )

    def _search_term(
        self, conditions: list[ColumnElement[bool]], bind: _Binds, match: str
    ) -> tuple[Select, int, bool]:
        """Adds the search to ``conditions``: (its matches, how many, broad)."""
        matching = select(SEARCH_INDEX.c.rowid).where(
            literal_column("beneficiary_search").op("MATCH")(bind("match", match))
        )
        # SQLite drives a search by its matches (a table read each, then a sort) even
        # when a prefix like "h" matches 10,000 records: 60-200 ms on a cold cache.
        # Past BROAD_SEARCH matches the page walks the sort's index instead, checking
        # each pk against the matches (5 ms); selective searches keep the pk lookups.
        matches = self._matches(match)
        broad = matches > BROAD_SEARCH
        pk = _unindexed(BeneficiaryRow.pk) if broad else BeneficiaryRow.pk
        conditions.append(pk.in_(matching))
        return matching, matches, broad

    def _custom_filters(
        self,
        conditions: list[ColumnElement[bool]],
        custom: list[tuple[ColumnElement[bool], ColumnElement[bool]]],
        bind: _Binds,
        match: str | None,
    ) -> _Filter:
        """The list's terms with custom filters (desktop/store/custom_indexes.py).

        The rows the filters select are counted first, through their indexes; that is
        the total when nothing is searched, and it chooses the page's plan
        (``_custom_plan``).
        """
        counted = [*conditions, *(indexed for indexed, _ in custom)]
        with self._db.read() as uow:
            filtered, rows = uow.session.execute(
                select(
                    select(func.count())
                    .select_from(BeneficiaryRow)
                    .where(and_(*counted))
                    .scalar_subquery(),
                    select(func.max(BeneficiaryRow.pk)).scalar_subquery(),
                )
            ).one()
        plan = _custom_plan(filtered, rows or 0)
        page = list(conditions)
        if plan == "index":
            page += [indexed for indexed, _ in custom]
        elif plan == "walk":
            page += [walked for _, walked in custom]
        else:  # "listed": the matches' pks from the index, probed while walking the sort's
            listed = select(BeneficiaryRow.pk).where(
                BeneficiaryRow.deleted_at.is_(None), *(indexed for indexed, _ in custom)
            )
            page.append(_unindexed(BeneficiaryRow.pk).in_(listed.correlate(None)))
        if match is None:
            return _Filter(page, bind, counted=counted, custom_plan=plan, total=filtered)
        matching, _matches, broad = self._search_term(page, bind, match)
        # The count goes through the filters' index and checks each pk among the matches.
        counted.append(_unindexed(BeneficiaryRow.pk).in_(matching))
        return _Filter(page, bind, matching, None, broad, counted, plan)

    def _counted(self, connection: Any, found: _Filter, bound: int | None) -> tuple[int, bool]:
        """How many rows ``found`` selects, a search's up to ``bound``; (count, more)."""
        if bound is not None and found.unsearched is not None and found.match is not None:
            if found.matches is not None:  # only deletion narrows (see _conditions)
                return listed_live_up_to(connection, found.match, bound)
            return live_matches_up_to(connection, found.match, found.unsearched, bound)
        return self._total(connection, found), False

    def _total(self, connection: Any, found: _Filter) -> int:
        """How many rows ``found`` selects.

        A search with nothing else to check is the index's match count less the deleted
        records among the matches (migration 0009's index holds only those): counting
        the live matches instead reads every live row's index entry, 8-30 ms at 100k.
        """
        if found.total is not None:
            return found.total
        if found.matches is not None:
            matches = found.matches  # counted up to BROAD_SEARCH + 1 (_matches)
            if matches > BROAD_SEARCH:
                matches = listed_up_to(connection, found.match or "", None)
            deleted = connection.execute(
                select(func.count())
                .select_from(BeneficiaryRow)
                .where(
                    BeneficiaryRow.deleted_at.is_not(None),
                    _unindexed(BeneficiaryRow.pk).in_(found.matching),
                )
            ).scalar_one()
            return matches - deleted
        statement = select(func.count()).select_from(BeneficiaryRow)
        counted = found.counted if found.counted is not None else found.conditions
        return connection.execute(statement.where(and_(*counted))).scalar_one()

    def possible_duplicates(
        self,
        values: Mapping[str, Any],
        *,
        exclude_id: str | None = None,
        household_of: str | None = None,
    ) -> list[PossibleDuplicate]:
        """Registered people who may be the one in ``values`` (see services/duplicates.py);
        ``household_of``: registering a new member of that beneficiary's household.

        ``values`` are the form's fields as typed; they are validated first, so a field
        the form would refuse is named in a ValidationError here too.
        """
        with self._db.read() as uow:
            current = current_forms(self._db, uow.session)
            cleaned, checked = checked_together(
                lambda: validate_beneficiary(built_in(values)),
                # The values typed so far: a required field may still be empty.
                lambda: check_custom(
                    current, RecordKind.BENEFICIARY, values.get("custom") or {}, require=False
                ),
            )
            return find_possible_duplicates(
                uow.session,
                self._actor,
                cleaned,
                vocabulary=self._terms.vocabulary(uow.session),
                exclude_id=exclude_id,
                custom=checked.values,
                definition=current.beneficiary,
                household_of=household_of,
            )

    def count_visible(self) -> int:
        """Every beneficiary this user may see: the "of N" in "1,234 of N", read from the
        maintained counter (migration 0019)."""
        with self._db.read() as uow:
            return live_count(uow.session, self._actor)

    def count(self, query: BeneficiaryQuery) -> int:
        found = self._conditions(query)
        if found is None:
            return 0
        with self._db.read() as uow:
            return self._total(uow.session.connection(), found)

    def count_bounded(self, query: BeneficiaryQuery, bound: int) -> tuple[int, bool]:
        """What ``query`` selects, a search's counted up to ``bound``: (count, more)."""
        found = self._conditions(query)
        if found is None:
            return 0, False
        with self._db.read() as uow:
            return self._counted(uow.session.connection(), found, bound)

    def list_page(
        self,
        query: BeneficiaryQuery,
        offset: int = 0,
        limit: int = 100,
        *,
        with_total: bool = True,
        bound: int | None = None,
    ) -> Page[Beneficiary]:
        """One page of the caseload list; search, filters and sort all run in SQL.

        ``bound``: a search's total is counted up to it (``Page.more`` says whether more
        match); None counts them all.

        The page after one this service has just returned continues from its last row
        (keyset: ``(sort columns, pk) > last``), so scrolling to row 100,000 costs what
        the first page costs; any other offset is skipped with OFFSET.
        """
        limit = max(1, min(limit, MAX_PAGE))
        if query.custom_sort is not None:
            checked_key(query.custom_sort)  # before anything is read: it is SQL text
        found = self._conditions(query)
        if found is None:
            return Page((), offset, 0)
        key = SortKey(query.sort)
        after = self._continuation(query, offset) if offset else None
        values = dict(found.binds, limit=limit, offset=offset if after is None else 0)
        if after is not None:
            sort_values, pk = after
            values.update({f"after_{at}": value for at, value in enumerate(sort_values)})
            values["after_pk"] = pk
        with self._db.read() as uow:
            # On the unit of work's connection (its transaction), past the ORM and Core.
            connection = uow.session.connection()
            numeric = query.custom_sort is not None and query.custom_sort in numeric_keys(
                current_forms(self._db, uow.session)
            )
            split = self._split(uow.session, found, query, values["offset"] + limit)
            if split is not None:
                values.update(split.values(limit, values["offset"]))
            shape = (
                tuple(found.binds),
                found.broad,
                found.custom_plan,
                _custom_shape(query, numeric),
                key,
                query.descending,
                after is not None,
                split and split.shape,
            )
            page_sql = PAGE_SQL.get(shape)
            if page_sql is None:
                statement = self._page_statement(found, query, after is not None, numeric, split)
                page_sql = PageSql.compile(statement, connection.dialect, values)
                PAGE_SQL[shape] = page_sql
            rows = page_sql.rows(connection, values)
            total, more = self._counted(connection, found, bound) if with_total else (-1, False)
        if rows:
            last, last_pk = rows[-1]
            self._remember(query, offset + len(rows), last, last_pk, numeric)
        return Page(tuple(beneficiary for beneficiary, _pk in rows), offset, total, more)

    def _split(self, session, found: _Filter, query: BeneficiaryQuery, reach: int) -> Split | None:
        """How a broad search's page is read by name (services/search_split.py), or None."""
        if not found.broad or found.search is None or found.unsearched is None:
            return None  # narrow, or custom filters (their own plans)
        if query.custom_sort is not None or reach > SPLIT_REACH:
            return None
        key = SortKey(query.sort)
        return choose_split(session, self._terms, found.search, key, BROAD_SEARCH, found.owner)

    @staticmethod
    def _page_statement(
        found: _Filter,
        query: BeneficiaryQuery,
        after: bool,
        numeric: bool = False,
        split: Split | None = None,
    ) -> Select:
        """The page's statement with named parameters: limit, offset and, ``after``, the
        row to continue after (``after_0``… its sort values, ``after_pk``)."""
        key, descending = SortKey(query.sort), query.descending
        if query.custom_sort is not None:
            # Through the field's index (custom_indexes): (value, rowid) is this order.
            sort_columns: tuple[ColumnElement, ...] = (
                custom_value(query.custom_sort, numeric=numeric),
            )
            by_caseworker = False
        else:
            sort_columns = SORT_COLUMNS[key]
            by_caseworker = key is SortKey.CASEWORKER
        tie_breaker = BeneficiaryRow.pk
        order = [c.desc() if descending else c.asc() for c in (*sort_columns, tie_breaker)]
        page_select = PAGE_SELECT_BY_CASEWORKER if by_caseworker else PAGE_SELECT
        continued: list[ColumnElement[bool]] = []
        if after:
            bound = [
                bindparam(f"after_{at}", type_=column.type)
                for at, column in enumerate(sort_columns)
            ]
            left = tuple_(*sort_columns, tie_breaker)
            right = tuple_(*bound, bindparam("after_pk", type_=tie_breaker.type))
            # SQLite does not turn a row-value comparison into an index range: alone it
            # walks the index from its start (5 ms at row 50,000, growing with depth). The
            # same bound on the first sort column alone starts the walk there (0.3 ms).
            leading, start = sort_columns[0], bound[0]
            if descending:
                continued = [left < right, leading <= start]
            else:
                continued = [left > right, leading >= start]
        if split is not None and found.unsearched is not None and found.matching is not None:
            parts = (page_select, found.unsearched, found.matching, continued)
            return split_statement(*parts, split, order, (*SORT_FIELDS[key], "pk"), descending)
        statement = page_select.where(and_(*found.conditions), *continued).order_by(*order)
        statement = statement.limit(bindparam("limit", type_=Integer))
        return statement.offset(bindparam("offset", type_=Integer))

    def _continuation(self, query: BeneficiaryQuery, offset: int) -> tuple[tuple, int] | None:
        with self._continuations_lock:
            return self._continuations.get((query, offset))

    def _remember(
        self, query: BeneficiaryQuery, end: int, last: Beneficiary, pk: int, numeric: bool
    ) -> None:
        if query.custom_sort is not None:
            values: tuple = (compared_value(last.custom, query.custom_sort, numeric),)
            nullable = True  # any record may have no value
        else:
            key = SortKey(query.sort)
            values = tuple(
                getattr(last, name).value if name == "status" else getattr(last, name)
                for name in SORT_FIELDS[key]
            )
            nullable = key in NULLABLE_SORTS
        if any(value is None for value in values):
            return  # NULLs do not compare: the next page uses OFFSET
        if query.descending and nullable:
            return
        with self._continuations_lock:
            self._continuations[(query, end)] = (values, pk)
            self._continuations.move_to_end((query, end))
            while len(self._continuations) > CONTINUATIONS:
                self._continuations.popitem(last=False)

    # -- writing -----------------------------------------------------------------------

    def create(self, values: Mapping[str, Any], *, caseworker_id: str | None = None) -> Beneficiary:
        """Registers a person; ``values["custom"]``: the organisation's own fields by key."""
        owner = caseworker_id or self._actor.id
        if owner != self._actor.id:
            require(self._actor, Permission.REASSIGN_RECORDS)
        now = utcnow()
        with self._db.write() as uow:
            cleaned, custom = self._checked(uow.session, values, None)
            _require_active_user(uow.session, owner)
            (case_number,) = allocate_case_numbers(uow.session, 1)
            row = BeneficiaryRow(
                id=new_id(),
                case_number=case_number,
                caseworker_id=owner,
                **first_version(self._actor.id, now),
                **cleaned,
                **_custom_columns(custom),
            )
            uow.session.add(row)
            self._record(
                uow.session,
                "create",
                [
                    Change(
                        row.id, {**diff({}, {**cleaned, "caseworker_id": owner}), **custom.changes}
                    )
                ],
                stamp=Stamp.NEW,
            )
            uow.commit()
            beneficiary_id = row.id
        log.info("beneficiary %s created", beneficiary_id)
        return self.get(beneficiary_id)

    def update(
        self,
        beneficiary_id: str,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None = None,
    ) -> Beneficiary:
        """Changes some fields. With ``expected_version``, refuses to overwrite a newer edit."""
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            refuse_stale_edit(row, expected_version, "beneficiary")
            old = beneficiary_values(row, BENEFICIARY_FIELDS)
            cleaned, custom = checked_together(
                lambda: check_edit(Entity.BENEFICIARY, old, built_in(changes)),
                lambda: (
                    self._custom(uow.session, changes["custom"], row.custom)
                    if "custom" in changes
                    else None
                ),
            )
            changed = diff(old, cleaned)
            if custom is not None and custom.changes:
                changed.update(custom.changes)
                for column, value in _custom_columns(custom).items():
                    setattr(row, column, value)
            if not changed:
                return self.get(beneficiary_id)
            for field in changed:
                if field in cleaned:
                    setattr(row, field, cleaned[field])
            flag_problems(Entity.BENEFICIARY, row)
            self._save_change(uow.session, row, "update", changed)
            uow.commit()
        log.info("beneficiary %s updated (%s)", beneficiary_id, ", ".join(sorted(changed)))
        return self.get(beneficiary_id)

    def close(
        self, beneficiary_id: str, reason: ClosureReason | str | None, note: str = ""
    ) -> Beneficiary:
        """Closes the case, saying why (a note is required when the reason is "other").

        A closed case may be closed again to correct its reason or note.
        """
        return self._set_status(
            beneficiary_id,
            "close",
            {"status": BeneficiaryStatus.CLOSED, "closure_reason": reason, "closure_note": note},
        )

    def reopen(self, beneficiary_id: str) -> Beneficiary:
        """Reopens the case; its closure reason and note are cleared (the audit log keeps them)."""
        return self._set_status(
            beneficiary_id,
            "reopen",
            {"status": BeneficiaryStatus.ACTIVE, "closure_reason": None, "closure_note": ""},
        )

    def _set_status(self, beneficiary_id: str, action: str, changes: dict[str, Any]) -> Beneficiary:
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            old = beneficiary_values(row, BENEFICIARY_FIELDS)
            cleaned = check_edit(Entity.BENEFICIARY, old, changes)
            changed = diff(old, cleaned)
            if not changed:
                return self.get(beneficiary_id)
            for field in changed:
                setattr(row, field, cleaned[field])
            flag_problems(Entity.BENEFICIARY, row)
            self._save_change(uow.session, row, action, changed)
            uow.commit()
        log.info("beneficiary %s: %s", beneficiary_id, action)
        return self.get(beneficiary_id)

    def reassign(self, beneficiary_id: str, caseworker_id: str) -> Beneficiary:
        require(self._actor, Permission.REASSIGN_RECORDS)
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            _require_active_user(uow.session, caseworker_id)
            if row.caseworker_id == caseworker_id:
                return self.get(beneficiary_id)
            changed = {"caseworker_id": [row.caseworker_id, caseworker_id]}
            row.caseworker_id = caseworker_id
            self._save_change(uow.session, row, "reassign", changed)
            reassign_open_tasks(uow.session, self._actor.id, beneficiary_id, caseworker_id)
            uow.commit()
        return self.get(beneficiary_id)

    def delete(self, beneficiary_id: str) -> None:
        """Soft delete (a tombstone that syncs), with the beneficiary's sessions."""
        require(self._actor, Permission.DELETE_RECORDS)
        now = utcnow()
        with self._db.write() as uow:
            row = load_beneficiary(uow.session, self._actor, beneficiary_id)
            sessions = uow.session.execute(
                select(CaseSessionRow).where(
                    CaseSessionRow.beneficiary_id == beneficiary_id,
                    CaseSessionRow.deleted_at.is_(None),
                )
            ).scalars()
            deleted = []
            for case_session in sessions:
                case_session.deleted_at = now
                deleted.append(
                    Change(
                        case_session.id,
                        base_version=case_session.server_version,
                        beneficiary_id=beneficiary_id,
                    )
                )
            record_changes(
                uow.session,
                Entity.CASE_SESSION,
                deleted,
                action="delete",
                actor_id=self._actor.id,
                now=now,
                status=SyncStatus.PENDING,
                outbox=OutboxOp.DELETE,
            )
            row.deleted_at = now
            self._save_change(uow.session, row, "delete", {}, op=OutboxOp.DELETE)
            uow.commit()
        log.info("beneficiary %s deleted", beneficiary_id)

    def _checked(
        self, session, values: Mapping[str, Any], stored: str | None
    ) -> tuple[dict[str, Any], CheckedCustom]:
        """The built-in fields validated and the custom ones checked, every problem of
        both in one ValidationError."""
        return checked_together(
            lambda: validate_beneficiary(built_in(values)),
            lambda: self._custom(session, values.get("custom"), stored),
        )

    def _custom(self, session, given: Any, stored: str | None) -> CheckedCustom:
        return check_record_custom(self._db, session, RecordKind.BENEFICIARY, given, stored)

    def _save_change(
        self,
        session,
        row: BeneficiaryRow,
        action: str,
        changed: dict,
        op: OutboxOp = OutboxOp.UPSERT,
    ) -> None:
        self._record(session, action, [Change(row.id, changed, row.server_version)], op=op)

    def _record(
        self,
        session,
        action: str,
        changes: list[Change],
        *,
        stamp: Stamp = Stamp.CHANGED,
        op: OutboxOp = OutboxOp.UPSERT,
    ) -> None:
        record_changes(
            session,
            Entity.BENEFICIARY,
            changes,
            action=action,
            actor_id=self._actor.id,
            stamp=stamp,
            status=SyncStatus.PENDING,
            outbox=op,
        )


def _custom_columns(custom: CheckedCustom) -> dict[str, Any]:
    return {
        "custom": custom.text,
        "form_version": custom.version,
        "custom_search": custom.search,
    }


def _require_active_user(session, user_id: str) -> None:
    active = session.execute(select(UserRow.active).where(UserRow.id == user_id)).scalar()
    if not active:
        raise ValidationError({"caseworker_id": Problem("inactive_caseworker", "caseworker_id")})
