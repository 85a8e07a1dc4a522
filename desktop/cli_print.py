"""``caseload print``: a case summary or a referral letter as a PDF, from the command line.

Qt lays the paper out, so the UI layer starts its offscreen application
(``desktop/ui/printing.paper_application``): no window, no display needed. This module
imports no Qt itself; cli.py imports it only when the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("case_number", metavar="CASE_NUMBER")
    sub.add_argument("--pdf", required=True, type=Path, metavar="FILE", help="the PDF to write")
    sub.add_argument(
        "--letter", action="store_true", help="a referral letter instead of the case summary"
    )
    sub.add_argument("--to", default="", metavar="NAME", help="the letter's recipient")
    sub.add_argument(
        "--organisation", default="", metavar="NAME", help="the recipient's organisation"
    )
    sub.add_argument("--reason", default="", metavar="TEXT", help="why the case is referred")
    sub.add_argument(
        "--language",
        metavar="CODE",
        help="the paper's language (en, fr, es, ar; default: the app's setting)",
    )


def cmd_print(args: argparse.Namespace) -> int:
    from desktop.cli import _login
    from desktop.errors import ValidationError

    if not args.letter and (args.to or args.organisation or args.reason):
        raise ValidationError(
            {"--to/--organisation/--reason": "These describe a referral; add --letter."}
        )
    from desktop.ui import printing

    printing.paper_application(args.language)
    referral = (
        printing.Referral(args.to, args.organisation, args.reason).checked()
        if args.letter
        else None
    )
    login, services = _login(args)
    try:
        beneficiary_id = services.printouts.find(args.case_number)
        pages = printing.save_pdf(
            services.printouts, printing.Printout(beneficiary_id, referral), args.pdf
        )
    finally:
        login.close()
    what = "referral letter" if args.letter else "case summary"
    # The case number only: the terminal (and its scrollback) gets no names.
    print(
        f"Wrote the {what} of {args.case_number.strip()} to {args.pdf} "
        f"({pages} page{'s' if pages != 1 else ''}; the PDF is not encrypted)."
    )
    return 0
