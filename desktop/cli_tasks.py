"""``caseload tasks``: open follow-up tasks, headless (issue 14 point 2).

A caseworker sees their own caseload's tasks, a supervisor the office's; ``--caseworker``
narrows to one person's, ``--overdue`` to those past their due date. Without
``--overdue`` the list runs to the end of this week (overdue, today, this week).
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from desktop.domain.tasks import TaskView, week_end


def add_parser(command) -> None:
    """The subcommand, for desktop/cli.py's ``build_parser`` (``command`` is its helper)."""
    tasks = command("tasks", "open follow-up tasks: overdue, today, this week", cmd_tasks)
    tasks.add_argument("--overdue", action="store_true", help="only overdue tasks")
    tasks.add_argument("--caseworker", metavar="NAME", help="one caseworker's (username or name)")
    tasks.add_argument("--json", action="store_true", help="one JSON array")
    tasks.add_argument(
        "--user", help="local user running the command (default: the admin named at init)"
    )


def _row(task: TaskView, today: date) -> dict:
    return {
        "id": task.id,
        "due_on": task.due_on.isoformat(),
        "due": task.due(today).value,
        "beneficiary_id": task.beneficiary_id,
        "case_number": task.case_number,
        "beneficiary": task.beneficiary_name,
        "caseworker": task.caseworker_name,
        "title": task.title,
        "origin": task.origin,
        "case_session_id": task.case_session_id,
    }


def cmd_tasks(args: argparse.Namespace) -> int:
    from desktop.cli import _login
    from desktop.services.tasks import caseworker_named

    today = date.today()
    login, services = _login(args, check=False)
    try:
        owner = None
        if args.caseworker:
            owner = caseworker_named(services.users.caseworkers(), args.caseworker).id
        found = services.tasks.open_tasks(
            due_by=None if args.overdue else week_end(today),
            overdue_on=today if args.overdue else None,
            caseworker_id=owner,
        )
    finally:
        login.close()
    rows = [_row(task, today) for task in found]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        what = row["title"] or "Follow-up"
        print(
            f"{row['due_on']}  {row['due']:<9}  {row['case_number']:<12}  "
            f"{row['beneficiary']:<28}  {row['caseworker']:<20}  {what}"
        )
    print(f"{len(rows)} open task(s)")
    return 0
