"""``caseload report NAME``: a report's table on standard output (docs/reports.md).

The arguments are added by ``add_arguments`` (called from ``desktop/cli.py``); the
reports themselves are ``desktop/services/reports.py``'s table. Each run is recorded in
the audit trail as a "report" event (which report, how many rows, the format).
"""

from __future__ import annotations

import argparse
import sys

FORMATS = ("table", "csv")


def add_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "name",
        metavar="NAME",
        help="the report (e.g. cases, registrations, sessions-per-month, "
        "sessions-per-caseworker, overdue-tasks, beneficiaries-by-gender); "
        "'list' shows every report of this office's forms",
    )
    sub.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    sub.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    sub.add_argument("--caseworker", metavar="USER", help="only this caseworker's records")
    sub.add_argument("--format", choices=FORMATS, default="table")


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.cli import _login
    from desktop.services.reports import ReportFilter, ReportService, parse_day

    # Checked before the password is asked.
    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    login, _services = _login(args)
    try:
        service = ReportService(login.db, login.actor)
        if args.name == "list":
            for report in service.reports():
                print(f"{report.name:<45} {service.title(report)}")
            return 0
        caseworker = service.caseworker_id(args.caseworker) if args.caseworker else None
        report_filter = ReportFilter(start, end, caseworker)
        result = service.export(args.name, report_filter, format=args.format)
    finally:
        login.close()
    if args.format == "csv":
        sys.stdout.write(result.csv_text())
    else:
        print(result.title)
        print(result.text_table())
    return 0
