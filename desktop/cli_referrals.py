"""``caseload referral``: referrals to another organisation, headless (issue 14 point 5).

- ``send CASE --to ORG --consent [--note TEXT]``: refers a beneficiary (offline; sent at
  the next sync). Refused without ``--consent``: the person's consent to share is recorded
  by the acting user. Prints what will be shared (field names, not values).
- ``list [--incoming] [--json]``: the referrals sent from this laptop's caseload, or
  (``--incoming``, supervisors and admins, online) those sent to this organisation.
- ``accept ID [--note TEXT]`` / ``decline ID --note REASON``: decides an incoming one
  (online); an accepted person arrives as a new beneficiary at the next sync.
"""

from __future__ import annotations

import argparse
import json

from desktop.errors import UserError


def add_parser(command) -> None:
    """The subcommand, for desktop/cli.py's ``build_parser`` (``command`` is its helper)."""
    referral = command("referral", "refer a case to another organisation; incoming ones", cmd)
    actions = referral.add_subparsers(dest="referral_action", required=True)
    send = actions.add_parser("send", help="refer a beneficiary (sent at the next sync)")
    send.add_argument("case_number", metavar="CASE")
    send.add_argument("--to", required=True, metavar="ORG", help="the receiving organisation")
    send.add_argument(
        "--consent", action="store_true", help="the person consents to sharing (required)"
    )
    send.add_argument("--note", default="", metavar="TEXT", help="why the person is referred")
    listing = actions.add_parser("list", help="referrals sent, or --incoming ones")
    listing.add_argument("--incoming", action="store_true", help="sent to this organisation")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    for name, help_text in (("accept", "accept an incoming referral"), ("decline", "decline one")):
        decide = actions.add_parser(name, help=help_text)
        decide.add_argument("referral_id", metavar="ID")
        decide.add_argument("--note", default="", metavar="TEXT", help="a note; why, to decline")
    for sub in actions.choices.values():
        sub.add_argument(
            "--user", help="local user running the command (default: the admin named at init)"
        )


def cmd(args: argparse.Namespace) -> int:
    from desktop.cli import _login

    login, services = _login(args, check=False)
    try:
        return _run(args, services)
    finally:
        login.close()


def _run(args: argparse.Namespace, services) -> int:
    referrals = services.referrals
    action = args.referral_action
    if action == "send":
        beneficiary_id = services.printouts.find(args.case_number)
        if not args.consent:
            raise UserError(
                "A referral needs the person's consent to share their data: "
                "record it, then run again with --consent."
            )
        shared = referrals.shared_preview(beneficiary_id)
        made = referrals.send(beneficiary_id, args.to, args.note, consent=True)
        names = ", ".join(item.name for item in shared) or "nothing (no field is shareable)"
        print(f"Referral {made.id} of {made.case_number} to {made.to_organisation} made.")
        print(f"Shared: {names}. It is sent at the next sync.")
        return 0
    if action == "list":
        rows = _incoming_rows(services) if args.incoming else _sent_rows(services)
        if args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
            return 0
        for row in rows:
            who = row.get("from_organisation") or row.get("to_organisation")
            print(f"{row['id']}  {row['state']:<9}  {row.get('case_number', ''):<12}  {who}")
        print(f"{len(rows)} referral(s)")
        return 0
    if action == "accept":
        case_number = referrals.accept(services.sync, args.referral_id, note=args.note)
        print(f"Accepted referral {args.referral_id}: new case {case_number} (arrives at sync).")
        return 0
    referrals.decline(services.sync, args.referral_id, args.note)
    print(f"Declined referral {args.referral_id}.")
    return 0


def _sent_rows(services) -> list[dict]:
    return [
        {
            "id": r.id,
            "case_number": r.case_number,
            "to_organisation": r.to_organisation,
            "state": r.state.value,
            "note": r.note,
            "decision_note": r.decision_note,
            "consent_at": r.consent_at.isoformat() if r.consent_at else None,
            "sync_status": r.sync_status,
        }
        for r in services.referrals.sent()
    ]


def _incoming_rows(services) -> list[dict]:
    return [
        {
            "id": r.id,
            "from_organisation": r.from_organisation,
            "state": r.state,
            "note": r.note,
            "created_at": r.created_at,
            "decision_note": r.decision_note,
            "shared": {item.name: item.value for item in r.shared},
        }
        for r in services.referrals.incoming(services.sync)
    ]
