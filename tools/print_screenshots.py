"""Renders the first page of a printed case summary to PNG, as poppler draws the PDF.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/print_screenshots.py docs/screenshots
    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/print_screenshots.py --language ar

Writes case-summary.png (case-summary-ar.png with ``--language ar``): an Arabic-named
child of the child-protection form with three sessions, printed through
``desktop.ui.printing`` and rendered by pdftoppm (poppler-utils) at 80 dpi. With
``--dialog`` it also saves the Print… dialog (print-dialog.png) to look at.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--language", default="", help="interface language (fr, es, ar)")
    parser.add_argument("--dialog", action="store_true", help="also save the Print… dialog")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)

    from desktop.app import _make_application, install_style, install_translations
    from desktop.auth.accounts import LocalAccounts
    from desktop.domain.enums import Role
    from desktop.paths import DataPaths
    from desktop.services import Services
    from desktop.ui import printing
    from tests.desktop.ui.printouts import arabic_case, pdf_page_png, publish_child_protection

    app = _make_application(sys.argv[:1])
    install_style(app)
    if install_translations(app, args.language) != (args.language or "en"):
        raise SystemExit(f"no translation for {args.language!r}")
    suffix = f"-{args.language}" if args.language else ""
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths.resolve(Path(folder) / "data")
        accounts = LocalAccounts(paths)
        login = accounts.initialize("admin", "screenshot admin passphrase", "Ada Admin")
        admin = Services.for_session(login, accounts)
        admin.users.add("cara", Role.CASEWORKER, "screenshot caseworker pass", "Cara Haddad")
        publish_child_protection(admin)
        cara = Services.for_session(accounts.login("cara", "screenshot caseworker pass"), accounts)
        case = arabic_case(cara, sessions=3)
        pdf = Path(folder) / "summary.pdf"
        pages = printing.save_pdf(cara.printouts, printing.Printout(case), pdf)
        png = pdf_page_png(pdf, args.folder / f"case-summary{suffix}.png")
        print(f"{png} (page 1 of {pages})")
        if args.dialog:
            from desktop.ui.print_dialog import PrintCaseDialog

            dialog = PrintCaseDialog(cara.beneficiaries.get(case))
            dialog.letter.setChecked(True)
            dialog.show()
            app.processEvents()
            shot = Path(folder).parent / f"print-dialog{suffix}.png"
            dialog.grab().save(str(shot))
            print(shot)
            dialog.close()
        cara.close()
        admin.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
