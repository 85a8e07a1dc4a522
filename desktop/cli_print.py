"""``caseload print``: a case summary or a referral letter as a PDF, from the command line.

Qt lays the paper out (``desktop/ui/printing.py``), so this starts a QGuiApplication on
the offscreen platform: no window, no display needed. cli.py imports this only when the
command runs, and it imports Qt only then too.
"""

from __future__ import annotations

import argparse
import os
import sys
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
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    language = args.language
    if language is None:
        from desktop.ui.settings import LANGUAGE, Settings

        language = Settings().get(LANGUAGE)
    from desktop.app import install_translations
    from desktop.ui import printing

    install_translations(app, language)
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
