"""Indexes on the organisation's own fields, so the caseload list filters and sorts by them.

A custom value lives inside the record's JSON (``beneficiaries.custom``); the list filters
with ``json_extract(custom, '$.<key>') = ?`` and sorts by the same expression. SQLite uses
an index for such a term only if the index is on the very same expression, so both the
list's terms (``custom_value``) and the indexes (``ensure_custom_indexes``) are made here.

The reports count by every active choice, yes/no and several-choices field of
beneficiaries and sessions (``report_index_sql``: the value, the report's date, the
caseworker), so those indexes follow the definition here too.

An index exists for every active beneficiary field marked as a list column or a filter;
each is partial (``deleted_at IS NULL``, which every list query has), so deleted records
cost nothing in it. The set follows the published definition: publishing (or pulling) a
new version calls ``ensure_custom_indexes`` in the same transaction.

A field key ends up in SQL text (an expression index cannot match a bound parameter), so
only keys ``forms.KEY`` accepts are used; values are always bound.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import REAL, ColumnElement, String, cast, func, literal_column, text

from desktop.domain import forms
from desktop.store.tables import BeneficiaryRow, CaseSessionRow

log = logging.getLogger(__name__)

PREFIX = "ix_custom_"
REPORT_PREFIX = "ix_report_"
_TABLE = BeneficiaryRow.__tablename__
_LIVE = "deleted_at IS NULL"


def checked_key(key: Any) -> str:
    """``key`` if it is a field key (lowercase letters, digits, _), else ValueError."""
    if not isinstance(key, str) or not forms.KEY.fullmatch(key):
        raise ValueError(f"not a custom field key: {key!r}")
    return key


def _path(key: str) -> str:
    return f"'$.{checked_key(key)}'"  # a checked key needs no quoting inside the literal


def custom_value(key: str, *, numeric: bool = False) -> ColumnElement:
    """The list's expression for a custom field's stored value (NULL when it has none).

    ``numeric``: a decimal field, stored as exact text ("12.5"), compares as a number
    (as text "10" sorts before "9").
    """
    value = func.json_extract(BeneficiaryRow.custom, literal_column(_path(key), String))
    return cast(value, REAL) if numeric else value


def compared_value(custom: dict[str, Any], key: str, numeric: bool) -> Any:
    """What ``custom_value(key, numeric=)`` gives for a record's custom values, as SQLite
    compares it: JSON true/false are 1/0, a decimal's text its number; an array or object
    (not a column's kind) continues by OFFSET."""
    value = custom.get(key)
    if isinstance(value, bool):
        return int(value)
    if numeric and isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None  # a value the field's rules refuse now: this page ends by OFFSET
    return value if isinstance(value, int | float | str) else None


def numeric_keys(definition: forms.FormSet) -> frozenset[str]:
    """The beneficiary fields whose stored text is a number (decimals)."""
    return frozenset(
        item.key for item in definition.beneficiary.fields if item.kind is forms.CustomKind.DECIMAL
    )


def index_name(key: str) -> str:
    return PREFIX + checked_key(key)


def index_sql(key: str, *, numeric: bool = False) -> str:
    """The index on ``custom_value(key, numeric=)``, as SQLite keeps it in sqlite_master."""
    value = f"json_extract(custom, {_path(key)})"
    if numeric:
        value = f"CAST({value} AS REAL)"
    return f"CREATE INDEX {index_name(key)} ON {_TABLE} ({value}) WHERE {_LIVE}"


# The reports' counts by a choice field (services/reports.py): per record kind's table,
# the date a report's range applies to and the index name's short table part.
REPORT_TABLES = {
    forms.RecordKind.BENEFICIARY: (BeneficiaryRow.__tablename__, "created_at", "b"),
    forms.RecordKind.SESSION: (CaseSessionRow.__tablename__, "starts_at", "s"),
}
REPORT_KINDS = (forms.CustomKind.CHOICE, forms.CustomKind.YES_NO, forms.CustomKind.CHOICES)


def report_path(key: str) -> str:
    """The reports' JSON path: the key quoted (``$."risk"``), the same value as ``$.risk``
    but another expression, so the caseload list's plans keep to the list's own indexes
    and the reports' statements (written with this path) to theirs."""
    return f"'$.\"{checked_key(key)}\"'"


def report_index_name(kind: forms.RecordKind, key: str) -> str:
    return f"{REPORT_PREFIX}{REPORT_TABLES[kind][2]}_{checked_key(key)}"


def report_index_sql(kind: forms.RecordKind, key: str) -> str:
    """The index a count by a custom choice field reads: the value, the report's date, the
    caseworker and ``deleted_at`` (so SQLite sees it covers the query), live rows only."""
    table, dated_by, _short = REPORT_TABLES[kind]
    return (
        f"CREATE INDEX {report_index_name(kind, key)} ON {table} "
        f"(json_extract(custom, {report_path(key)}), {dated_by}, caseworker_id, deleted_at) "
        f"WHERE {_LIVE}"
    )


def report_keys(definition: forms.FormSet, kind: forms.RecordKind) -> tuple[str, ...]:
    """The fields of ``kind`` a report counts by: active choice, yes/no, several choices."""
    return tuple(item.key for item in definition.of(kind).active if item.kind in REPORT_KINDS)


def indexed_keys(definition: forms.FormSet) -> tuple[str, ...]:
    """The beneficiary fields the list filters or sorts by: those get an index."""
    return tuple(item.key for item in definition.beneficiary.active if item.column or item.filter)


def ensure_custom_indexes(connection: Any, definition: forms.FormSet) -> tuple[list, list]:
    """Makes the custom indexes ``definition`` needs and drops those it no longer does.

    ``connection``: a SQLAlchemy Connection or Session, inside the transaction that
    stores the definition (SQLite's DDL is transactional). Nothing is written when the
    indexes already match: one read of sqlite_master. Returns (created, dropped) names.
    """
    numeric = numeric_keys(definition)
    wanted = {
        index_name(key): index_sql(key, numeric=key in numeric) for key in indexed_keys(definition)
    }
    for kind in REPORT_TABLES:
        for key in report_keys(definition, kind):
            wanted[report_index_name(kind, key)] = report_index_sql(kind, key)
    present = dict(
        connection.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                "((tbl_name = :table AND name LIKE :prefix ESCAPE '\\') "
                "OR name LIKE :reports ESCAPE '\\')"
            ),
            {
                "table": _TABLE,
                "prefix": PREFIX.replace("_", "\\_") + "%",
                "reports": REPORT_PREFIX.replace("_", "\\_") + "%",
            },
        ).all()
    )
    dropped = [name for name, sql in present.items() if wanted.get(name) != sql]
    created = [name for name in wanted if name not in present or name in dropped]
    for name in dropped:
        connection.execute(text(f'DROP INDEX "{name}"'))
    for name in created:
        connection.execute(text(wanted[name]))
    if created or dropped:
        log.info("custom indexes: %d created, %d dropped", len(created), len(dropped))
    return created, dropped
