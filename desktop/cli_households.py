"""``caseload household``: a beneficiary's household, headless (issue 14 point 6).

``show CASE_NUMBER`` lists the members (relationship, head); ``link CASE_NUMBER --to
CASE_NUMBER --relationship R`` adds the first to the household of the second (formed with
the second as head if they are in none); ``unlink CASE_NUMBER`` removes a member;
``head CASE_NUMBER`` makes them the head. Role-checked as the GUI is.
"""

from __future__ import annotations

import argparse
import json

from desktop.domain.enums import Relationship
from desktop.domain.households import HeadProblem, Household

# What `show` says of a household without exactly one head (see domain/households.py).
HEAD_PROBLEMS = {
    HeadProblem.SEVERAL: "conflict: several heads (each made on another laptop); "
    "choose one with `caseload household head CASE_NUMBER`",
    HeadProblem.NONE: "no head; choose one with `caseload household head CASE_NUMBER`",
}


def add_parser(command) -> None:
    """The subcommand, for desktop/cli.py's ``build_parser`` (``command`` is its helper)."""
    household = command("household", "a beneficiary's household: show, link, unlink, head", cmd)
    household.add_argument("action", choices=("show", "link", "unlink", "head"))
    household.add_argument("case_number", metavar="CASE_NUMBER")
    household.add_argument("--to", metavar="CASE_NUMBER", help="link: a member of the household")
    household.add_argument(
        "--relationship",
        choices=[r.value for r in Relationship],
        help="link: how they are related to the head",
    )
    household.add_argument("--json", action="store_true", help="show: one JSON object")
    household.add_argument(
        "--user", help="local user running the command (default: the admin named at init)"
    )


def _as_dict(house: Household) -> dict:
    return {
        "household_id": house.household_id,
        "members": [
            {
                "case_number": m.case_number,
                "name": m.name,
                "relationship": m.relationship.value,
                "head": m.is_head,
            }
            for m in house.members
        ],
        "hidden_members": house.hidden,
        "head_problem": house.head_problem.value if house.head_problem else None,
    }


def cmd(args: argparse.Namespace) -> int:
    from desktop.cli import _login
    from desktop.errors import UserError

    if args.action == "link" and (not args.to or not args.relationship):
        raise UserError("household link needs --to CASE_NUMBER and --relationship.")
    login, services = _login(args, check=False)
    try:
        member = services.printouts.find(args.case_number)
        households = services.households
        if args.action == "link":
            house = households.link(
                member, to=services.printouts.find(args.to), relationship=args.relationship
            )
        elif args.action == "unlink":
            households.unlink(member)
            house = households.household_of(member)
        elif args.action == "head":
            house = households.make_head(member)
        else:
            house = households.household_of(member)
    finally:
        login.close()
    if args.json:
        print(json.dumps(_as_dict(house), indent=2, ensure_ascii=False))
        return 0
    if house.household_id is None:
        print(f"{args.case_number.strip()} is not in a household.")
        return 0
    for m in house.members:
        head = "head" if m.is_head else ""
        print(f"{m.case_number:<12}  {m.name:<32}  {m.relationship.value:<9}  {head}")
    if house.hidden:
        print(f"and {house.hidden} member(s) of other caseloads")
    if house.head_problem:
        print(HEAD_PROBLEMS[house.head_problem])
    print(f"{len(house.members) + house.hidden} member(s)")
    return 0
