"""The caseload list's page statement, run on the DB-API cursor past the ORM and Core.

Its SQL is compiled once per shape (which filters, which sort, first page, continuation
or offset; ``PAGE_SQL``), and each stored value becomes the record's through
SQLAlchemy's own result processor for its column type, then the loaders' conversion.
SQLAlchemy's statement building, cache key and result rows were two thirds of a page's
time at 100k. ``BeneficiaryService.list_page`` builds the statements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select

from desktop.domain.records import Beneficiary
from desktop.store.tables import BeneficiaryRow

from .common import BENEFICIARY_COLUMNS, BENEFICIARY_CONVERSIONS, SYNC_STATES

_PAGE_COLUMNS = (*BENEFICIARY_COLUMNS, BeneficiaryRow.pk)
_DOMAIN_CONVERSIONS = {
    BENEFICIARY_COLUMNS.index(getattr(BeneficiaryRow, name)): convert
    for name, convert in (*BENEFICIARY_CONVERSIONS, ("sync_status", SYNC_STATES.get))
}


def _then(first: Callable[[Any], Any], second: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: second(first(value))


def _page_conversions(dialect: Any) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """(position, stored → record value) for each list column that needs one."""
    steps = []
    for at, column in enumerate(_PAGE_COLUMNS):
        stored = column.type.dialect_impl(dialect).result_processor(dialect, None)
        domain = _DOMAIN_CONVERSIONS.get(at)
        convert = _then(stored, domain) if stored and domain else stored or domain
        if convert is not None:
            steps.append((at, convert))
    return tuple(steps)


@dataclass(frozen=True)
class PageSql:
    sql: str
    parameters: tuple[tuple[str, Callable[[Any], Any] | None], ...]  # name, bind processor
    conversions: tuple[tuple[int, Callable[[Any], Any]], ...]

    @classmethod
    def compile(cls, statement: Select, dialect: Any, names: Iterable[str]) -> PageSql:
        compiled = statement.compile(dialect=dialect)
        unnamed = set(compiled.positiontup or ()) - set(names)
        if unnamed:  # a value the next page of this shape would silently reuse
            raise RuntimeError(f"the page statement has unnamed parameters: {sorted(unnamed)}")
        parameters = tuple(
            (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
            for name in compiled.positiontup or ()
        )
        return cls(str(compiled), parameters, _page_conversions(dialect))

    def rows(self, connection: Any, values: Mapping[str, Any]) -> list[tuple[Beneficiary, int]]:
        """This page's records and their pks, read on ``connection``'s own DB-API cursor."""
        parameters = [
            process(values[name]) if process else values[name] for name, process in self.parameters
        ]
        cursor = connection.connection.driver_connection.cursor()
        try:
            stored = cursor.execute(self.sql, parameters).fetchall()
        finally:
            cursor.close()
        conversions = self.conversions
        rows = []
        for row in stored:
            record = list(row)
            for at, convert in conversions:
                record[at] = convert(record[at])
            pk = record.pop()
            rows.append((Beneficiary(*record), pk))
        return rows


PAGE_SQL: dict[tuple, PageSql] = {}  # by shape; a few dozen in a session
