"""``caseload import FILE``: beneficiaries from a CSV or XLSX file (desktop/services/imports.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.domain import tabular

# Exit status when rows were rejected (imported without them, or nothing in all-or-nothing).
ROWS_REJECTED = 3
SHOWN_PROBLEMS = 20
WHAT = ("beneficiaries", "sessions")


def add_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", type=Path, metavar="FILE", help="a CSV or XLSX file")
    sub.add_argument(
        "--what",
        choices=WHAT,
        default="beneficiaries",
        help="what the file holds: beneficiaries, or sessions (matched by the Case no. column)",
    )
    sub.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    sub.add_argument(
        "--mapping", type=Path, metavar="FILE", help="a mapping file (header -> field, date order)"
    )
    sub.add_argument(
        "--save-mapping", type=Path, metavar="FILE", help="write the mapping used to FILE"
    )
    sub.add_argument(
        "--rejects", type=Path, metavar="FILE", help="write the rejected rows and why to FILE (CSV)"
    )
    sub.add_argument(
        "--all-or-nothing",
        action="store_true",
        help="import nothing if any row is rejected (default: import the valid rows)",
    )
    sub.add_argument(
        "--date-order",
        choices=tabular.DATE_ORDERS,
        help="how dates such as 03/04/1988 read: dmy (day first), mdy, ymd",
    )
    sub.add_argument("--encoding", help="the CSV file's text encoding (default: detected)")
    sub.add_argument(
        "--skip-duplicates",
        action="store_true",
        help="reject the rows that look like a record already here or an earlier row",
    )


def _progress(done: int, total: int) -> None:
    print(f"\rImporting… {done * 100 // max(total, 1)}%   ", end="", file=sys.stderr, flush=True)


def cmd_import(args, login_services) -> int:
    from desktop.services.imports import Mode, load_mapping, save_mapping, settle_date_order
    from desktop.ui.translations import import_translations

    mapping = load_mapping(args.mapping) if args.mapping else None
    login, services = login_services(args)
    try:
        from desktop.domain.enums import Entity

        entity = Entity.BENEFICIARY if args.what == "beneficiaries" else Entity.CASE_SESSION
        plan = services.imports.plan(
            args.file,
            entity=entity,
            encoding=args.encoding,
            mapping=mapping,
            translations=import_translations(),
        )
        if args.date_order:
            plan = plan.with_date_order(args.date_order)
        plan = settle_date_order(plan)
        unmapped = [h for h, key in zip(plan.headers, plan.targets, strict=True) if h and not key]
        if unmapped:
            print(f"caseload: not imported (no field): {', '.join(unmapped)}", file=sys.stderr)
        if args.save_mapping:
            save_mapping(args.save_mapping, plan.mapping_document())
        report = services.imports.run(
            plan,
            mode=Mode.ALL_OR_NOTHING if args.all_or_nothing else Mode.VALID_ROWS,
            dry_run=args.dry_run,
            rejects=args.rejects,
            skip_duplicates=args.skip_duplicates,
            progress=_progress if sys.stderr.isatty() else None,
        )
    finally:
        login.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for problem in report.problems[:SHOWN_PROBLEMS]:
        print(f"caseload: row {problem.row}: {problem.message}", file=sys.stderr)
    if report.rejected > SHOWN_PROBLEMS:
        print("caseload: … and more (see the rejects file, --rejects FILE)", file=sys.stderr)
    for flag in report.duplicate_flags[:SHOWN_PROBLEMS]:
        print(f"caseload: likely duplicate: {flag.message}", file=sys.stderr)
    print(report.summary())
    if report.rejects_path is not None:
        print(f"Rejected rows and their reasons: {report.rejects_path}")
    return ROWS_REJECTED if report.rejected else 0
