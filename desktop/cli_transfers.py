"""``caseload transfer``: propose, list and decide transfers of a case, headless (issue 14
point 4). The same rules as the window (desktop/services/transfers.py): a caseworker
proposes their own case, the receiver accepts or declines, the case's caseworker cancels;
supervisors may do each. The case moves at the next sync (``caseload sync``).
"""

from __future__ import annotations

import argparse
import json

from desktop.domain.schema import choice_label
from desktop.domain.transfers import TransferView

DECISIONS = ("accept", "decline", "cancel")


def add_parser(command) -> None:
    """The subcommand, for desktop/cli.py's ``build_parser`` (``command`` is its helper)."""
    transfer = command("transfer", "hand a case on to another caseworker", cmd_transfer)
    steps = transfer.add_subparsers(dest="step", required=True, metavar="STEP")
    propose = steps.add_parser("propose", help="propose a case to another caseworker")
    propose.add_argument("case", metavar="CASE", help="the case number")
    propose.add_argument("--to", required=True, metavar="USERNAME", help="the receiver")
    propose.add_argument("--note", required=True, metavar="TEXT", help="why, for the receiver")
    listing = steps.add_parser("list", help="pending transfers: to decide, and waiting")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    for step in DECISIONS:
        decide = steps.add_parser(step, help=f"{step} a case's pending transfer")
        decide.add_argument("case", metavar="CASE", help="the case number")
        decide.add_argument(
            "--note", default="", metavar="TEXT", help="the decision's note (decline: required)"
        )
    for sub in (propose, listing, *(steps.choices[step] for step in DECISIONS)):
        sub.add_argument(
            "--user", help="local user running the command (default: the admin named at init)"
        )


def _row(transfer: TransferView) -> dict:
    return {
        "id": transfer.id,
        "beneficiary_id": transfer.beneficiary_id,
        "case_number": transfer.case_number,
        "beneficiary": transfer.beneficiary_name,
        "from": transfer.from_name,
        "to": transfer.to_name,
        "note": transfer.note,
        "state": transfer.state.value,
        "proposed_at": transfer.proposed_at.isoformat(timespec="seconds"),
    }


def cmd_transfer(args: argparse.Namespace) -> int:
    from desktop.cli import _login

    login, services = _login(args, check=False)
    transfers = services.transfers
    try:
        if args.step == "list":
            rows = [_row(t) for t in transfers.pending()]
            if args.json:
                print(json.dumps(rows, indent=2, ensure_ascii=False))
                return 0
            for row in rows:
                print(
                    f"{row['case_number']:<12}  {row['beneficiary']:<28}  "
                    f"{row['from']:<20} -> {row['to']:<20}  {row['note']}"
                )
            print(f"{len(rows)} pending transfer(s)")
            return 0
        beneficiary_id = transfers.case_id(args.case)
        if args.step == "propose":
            receiver = transfers.receiver_named(beneficiary_id, args.to)
            done = transfers.propose(beneficiary_id, receiver, args.note)
        else:
            pending = transfers.find_pending(beneficiary_id)
            decide = {
                "accept": transfers.accept,
                "decline": transfers.decline,
                "cancel": transfers.cancel,
            }[args.step]
            done = decide(pending.id, args.note, expected_version=pending.version)
    finally:
        login.close()
    moves = " The case moves at the next sync." if args.step in ("propose", "accept") else ""
    print(f"Transfer of {done.case_number} to {done.to_name}: {choice_label(done.state)}.{moves}")
    return 0
