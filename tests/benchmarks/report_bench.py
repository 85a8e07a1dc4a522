"""Issue 13 point 11: every report's query at 100,000 beneficiaries / 1,000,000 sessions.

One row per report of ``desktop/services/reports.py`` (its table, with the counts by
every choice field of the bench's form definition), run as the admin (the whole office:
the most rows). Each runs over the dashboard's default range, the last 12 months, and,
in the details, over all time. The baseline, measured in the same run on the same
connection, is the simplest query over the same records: ``count(*)`` of the report's
record kind in the range (what any report must at least read).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from .dataset import ADMIN, PASSWORD, Dataset
from .report import Row, median, p95, timed_ms

TARGET_MS = 200


def _count_of_rows(session: Any, report: Any, report_filter: Any, actor: Any) -> int:
    from sqlalchemy import func, select

    kind = report.kind
    conditions = list(kind.visible(actor))
    if report_filter.start is not None:
        conditions.append(kind.dated_by >= datetime.combine(report_filter.start, time.min))
    if report_filter.end is not None:
        end = datetime.combine(report_filter.end + timedelta(days=1), time.min)
        conditions.append(kind.dated_by < end)
    statement = select(func.count()).select_from(kind.table).where(*conditions)
    return session.execute(statement).scalar_one()


def bench_reports(dataset: Dataset, quick: bool, details: dict[str, Any]) -> list[Row]:
    from desktop.auth.accounts import LocalAccounts
    from desktop.paths import DataPaths
    from desktop.services.reports import ReportFilter, ReportService

    runs = 5 if quick else 9
    today = date.today()
    year = ReportFilter(today - timedelta(days=364), today)
    login = LocalAccounts(DataPaths.resolve(dataset.root)).login(
        ADMIN, PASSWORD
    )  # closed cleanly after
    rows: list[Row] = []
    found: dict[str, Any] = {}
    try:
        service = ReportService(login.db, login.actor)
        for report in service.reports():
            samples, baseline, all_time = [], [], []
            result = service.run(report, year)  # warm: the first read decrypts the pages
            for _ in range(runs):
                samples.append(timed_ms(lambda r=report: service.run(r, year)))
                with login.db.read() as uow:
                    baseline.append(
                        timed_ms(
                            lambda r=report, s=uow.session: _count_of_rows(s, r, year, login.actor)
                        )
                    )
                all_time.append(timed_ms(lambda r=report: service.run(r)))
            found[report.name] = {
                "rows": len(result.rows),
                "counted": result.total,
                "ms": samples,
                "count_of_rows_ms": baseline,
                "all_time_ms": all_time,
            }
            med, base = median(samples), median(baseline)
            rows.append(
                Row(
                    f"report {report.name} (12 months)",
                    med,
                    p95(samples),
                    "ms",
                    base,
                    med / base if base else None,
                    f"≤ {TARGET_MS} ms",
                    med <= TARGET_MS,
                    "of counting its rows",
                    notes=[f"all time: median {median(all_time):.1f} ms"],
                )
            )
    finally:
        login.close()
    details["reports"] = {"range": [year.start.isoformat(), year.end.isoformat()], **found}
    return rows
