"""``caseload merge`` and ``caseload duplicates``: merging duplicates, headless (issue 14 point 7).

    caseload merge SURVIVOR_CASE MERGED_CASE [--take FIELD=merged ...]
    caseload merge --undo CASE
    caseload duplicates [--json]

A merge keeps the survivor's value of every field unless ``--take FIELD=merged`` names
it (a built-in field's name or ``custom.<key>``); ``--undo`` undoes the latest merge of
the record with that case number (either side). Supervisors and admins only.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.errors import UserError


def add_parser(command) -> None:
    """The subcommands, for desktop/cli.py's ``build_parser`` (``command`` is its helper)."""
    merge = command("merge", "merge two records of one person, or undo a merge", cmd_merge)
    merge.add_argument("cases", nargs="*", metavar="CASE", help="SURVIVOR_CASE MERGED_CASE")
    merge.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD=merged",
        help="take this field's value from the merged record (repeatable)",
    )
    merge.add_argument("--undo", metavar="CASE", help="undo the latest merge of this record")
    merge.add_argument("--user", help="local user running the command")
    duplicates = command("duplicates", "likely duplicate pairs across the caseload", cmd_duplicates)
    duplicates.add_argument("--json", action="store_true", help="one JSON array")
    duplicates.add_argument("--limit", type=int, help="at most this many pairs")
    duplicates.add_argument("--user", help="local user running the command")


def _taken(items: list[str]) -> list[str]:
    taken = []
    for item in items:
        name, _, side = item.partition("=")
        if not name or side.strip().lower() not in ("merged", "survivor"):
            raise UserError(f"--take {item!r}: write FIELD=merged (or FIELD=survivor).")
        if side.strip().lower() == "merged":
            taken.append(name.strip())
    return taken


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop.cli import _login

    if args.undo and args.cases:
        raise UserError("Give either --undo CASE or SURVIVOR_CASE MERGED_CASE, not both.")
    if not args.undo and len(args.cases) != 2:
        raise UserError("Name two case numbers: SURVIVOR_CASE MERGED_CASE.")
    taken = _taken(args.take)
    login, services = _login(args, check=False)
    try:
        merges = services.merges
        if args.undo:
            record = merges.record_id(args.undo)
            event = merges.undoable(record)
            if event is None:
                raise UserError(f"{args.undo} has no merge made on this laptop to undo.")
            merges.undo(event.id)
            print(f"Merge undone: {args.undo} and its records are back as they were.")
            return 0
        survivor, merged = (merges.record_id(case) for case in args.cases)
        event = merges.merge(survivor, merged, take=taken)
    finally:
        login.close()
    moved = ", ".join(
        f"{len(ids)} {entity.replace('_', ' ')}(s)" for entity, ids in event.moved.items()
    )
    print(f"{args.cases[1]} merged into {args.cases[0]}; moved: {moved or 'nothing'}.")
    print(f"Undo with: caseload merge --undo {args.cases[1]}")
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    from desktop.cli import _login

    login, services = _login(args, check=False)
    try:
        total = [0]

        def progress(done: int, of: int) -> None:
            if not args.json and sys.stderr.isatty() and of:
                print(f"\rscanning … {done * 100 // of}%", end="", file=sys.stderr, flush=True)
            total[0] = of

        pairs = services.merges.scan(progress=progress, limit=args.limit)
    finally:
        login.close()
    rows = [
        {
            "score": pair.score,
            "reasons": list(pair.reasons),
            "records": [
                {
                    "id": record.id,
                    "case_number": record.case_number,
                    "name": record.full_name,
                    "date_of_birth": record.date_of_birth.isoformat()
                    if record.date_of_birth
                    else None,
                    "caseworker": record.caseworker_name,
                }
                for record in (pair.first, pair.second)
            ],
        }
        for pair in pairs
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        a, b = row["records"]
        print(
            f"{row['score']:5.2f}  {a['case_number']:<12} {a['name']:<28} "
            f"{b['case_number']:<12} {b['name']:<28} {', '.join(row['reasons'])}"
        )
    print(f"{len(rows)} likely pair(s)")
    return 0
