"""``caseload export``: records to CSV or XLSX from the command line (no Qt here).

Headers are the fields' English labels (the organisation's own fields: its default
language's); the GUI writes them in the person's language. What a caseworker exports is
their own caseload, as in the list.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.domain.enums import BeneficiaryStatus
from desktop.domain.tabular import FileFormat, TableKind
from desktop.errors import UserError

WHAT_ALL = "all"


def add_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--what",
        required=True,
        choices=[*(kind.value for kind in TableKind), WHAT_ALL],
        help="which records; all: every kind that exists (as CSV: one ZIP, a file per kind)",
    )
    sub.add_argument("--format", required=True, choices=[f.value for f in FileFormat])
    sub.add_argument(
        "--password-env",
        metavar="VAR",
        help="protect the XLSX with the password in this environment variable",
    )
    sub.add_argument("--status", choices=[s.value for s in BeneficiaryStatus])
    sub.add_argument("--caseworker", metavar="USERNAME", help="only this caseworker's cases")
    sub.add_argument(
        "--values",
        action="store_true",
        help="choices as their stored values (default: their labels)",
    )
    sub.add_argument("file", type=Path, help="the file to write (replaced if it exists)")


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.cli import _login
    from desktop.domain.records import BeneficiaryQuery
    from desktop.services.exports import ExportFormat, ExportKind, ExportRequest, available

    kinds = available() if args.what == WHAT_ALL else (ExportKind(args.what),)
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if password is None:
            raise UserError(f"--password-env: the variable {args.password_env} is not set.")
    login, services = _login(args)
    try:
        query = None
        if args.status or args.caseworker:
            caseworker_id = None
            if args.caseworker:
                caseworker_id = _caseworker_id(services, args.caseworker)
            query = BeneficiaryQuery(
                status=BeneficiaryStatus(args.status) if args.status else None,
                caseworker_id=caseworker_id,
            )
        result = services.exports.export(
            ExportRequest(
                kinds=kinds,
                format=ExportFormat(args.format),
                path=args.file,
                query=query,
                as_labels=not args.values,
                password=password,
            )
        )
    finally:
        login.close()
    counts = " and ".join(f"{count:,} {kind.value}" for kind, count in result.rows.items())
    protected = ", password-protected" if result.protected else ""
    print(f"Exported {counts} to {result.path} ({result.format.value}{protected}).")
    return 0


def _caseworker_id(services, username: str) -> str:
    for account in services.users.caseworkers():
        if account.username.casefold() == username.casefold():
            return account.id
    raise UserError(f"--caseworker: no caseworker {username!r} whose cases you may export.")
