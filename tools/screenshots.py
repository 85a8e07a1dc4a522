"""Renders the README screenshots offscreen from a temporary office with demo data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py docs/screenshots

Writes login.png, main-window.png, beneficiary-form.png (and
beneficiary-form-errors.png, session-form.png, lock-screen.png, setup-wizard.png) into
the given folder. With ``--language es`` (fr, ar) the interface is in that language and
each name gets the code: main-window-es.png, ...
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

# A 1280×720 screen (offscreen's own is 800×800): windows and forms open at the size they
# would there.
SCREEN_CONFIG = Path(tempfile.gettempdir()) / "caseload-screenshots-screen.json"
SCREEN_CONFIG.write_text(
    '{"screens": [{"name": "screen", "x": 0, "y": 0, "width": 1280, "height": 720,'
    ' "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}'
)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"
# Same look on every machine: English, fixed scale.
os.environ.setdefault("LANG", "en_US.UTF-8")
os.environ["QT_SCALE_FACTOR"] = "1"

PASSWORD = "screenshot passphrase"


def build_office(root: Path):
    from desktop.auth.accounts import LocalAccounts
    from desktop.domain.enums import Role
    from desktop.paths import DataPaths
    from desktop.services import Services
    from desktop.services.bulk import BulkImporter
    from desktop.services.demo import demo_records

    accounts = LocalAccounts(DataPaths.resolve(root / "data"))
    login = accounts.initialize("sam", PASSWORD, "Sam Okafor")
    services = Services.for_session(login, accounts)
    services.users.change_role("sam", Role.ADMIN)
    owners = [
        services.users.add("grace", Role.CASEWORKER, PASSWORD + " g", "Grace Mwangi").id,
        services.users.add("lucas", Role.CASEWORKER, PASSWORD + " l", "Lucas Dubois").id,
        services.users.add("thu", Role.CASEWORKER, PASSWORD + " t", "Thu Nguyen").id,
    ]
    BulkImporter(login.db, login.actor).import_records(
        demo_records(2_500, 4, seed=3), total=2_500, caseworker_ids=owners
    )
    login.close()
    return accounts


def save(widget, folder: Path, name: str) -> Path:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    path = folder / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--language", default="", help="interface language (fr, es, ar)")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings

    from desktop.app import (
        _make_application,
        install_style,
        install_translations,
        open_main_window,
    )
    from desktop.ui.errors import install_qt_message_handler

    app = _make_application(sys.argv[:1])
    install_qt_message_handler()
    install_style(app)
    if args.language and install_translations(app, args.language) != args.language:
        raise SystemExit(f"no translation for {args.language!r}")
    suffix = f"-{args.language}" if args.language else ""

    def shot(widget, name: str) -> Path:
        return save(widget, args.folder, name.replace(".png", f"{suffix}.png"))

    with tempfile.TemporaryDirectory(prefix="caseload-shots-") as folder:
        root = Path(folder)
        accounts = build_office(root)
        from desktop.ui.login import LoginDialog, SetupWizard
        from desktop.ui.settings import Settings

        wizard = SetupWizard(lambda username, password, display_name: None)
        wizard.resize(500, wizard.sizeHint().height())
        wizard.show()
        shot(wizard, "setup-wizard.png")
        wizard.close()

        login_dialog = LoginDialog(lambda u, p: None, username="sam")
        login_dialog.resize(440, login_dialog.sizeHint().height())
        login_dialog.show()
        shot(login_dialog, "login.png")
        login_dialog.close()

        settings = Settings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
        window = open_main_window(accounts.login("sam", PASSWORD, check=False), accounts, settings)
        window.resize(1280, 720)
        window.show()
        window.caseload.select_row(3)
        shot(window, "main-window.png")

        window.edit_beneficiary()
        form = window.open_forms()[-1]
        shot(form, "beneficiary-form.png")
        form.discard()

        window.new_beneficiary()
        new_form = window.open_forms()[-1]
        new_form.field("first_name").setText("Mariam")
        new_form.field("date_of_birth").setText("27/03/1984")
        new_form.field("phone").setText("12")
        new_form.submit()  # the core's messages appear under their fields
        shot(new_form, "beneficiary-form-errors.png")
        new_form.discard()

        window.new_session()
        session_form = window.open_forms()[-1]
        shot(session_form, "session-form.png")
        session_form.discard()

        window.lock()
        shot(window, "lock-screen.png")
        window.shutdown()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
