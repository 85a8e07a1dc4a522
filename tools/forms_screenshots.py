"""Renders the organisation's own fields offscreen: the beneficiary form with each example
definition of resources/forms, and Admin → Forms with its preview.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/forms_screenshots.py docs/screenshots

Writes forms-child-protection.png, forms-cash-assistance.png and forms-editor.png; with
``--language ar`` (fr, es) the interface and the definitions' labels are in that
language and each name gets the code (forms-child-protection-ar.png).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.screenshots import save  # sets up the 1280×720 offscreen screen

EXAMPLES = {
    "child_protection": "forms-child-protection.png",
    "cash_assistance": "forms-cash-assistance.png",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--language", default="", help="interface language (fr, es, ar)")
    parser.add_argument("--definitions", type=Path, default=None, help="folder of the examples")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)

    from desktop.app import _make_application, install_style, install_translations
    from desktop.auth.accounts import LocalAccounts
    from desktop.domain import forms
    from desktop.paths import DataPaths
    from desktop.resources import resource_path
    from desktop.services import Services
    from desktop.services.demo import demo_records
    from desktop.ui.forms import BeneficiaryForm
    from desktop.ui.forms_admin import FormsAdminDialog

    app = _make_application(sys.argv[:1])
    install_style(app)
    if args.language and install_translations(app, args.language) != args.language:
        raise SystemExit(f"no translation for {args.language!r}")
    suffix = f"-{args.language}" if args.language else ""
    folder = args.definitions or resource_path("forms")

    def shot(widget, name: str) -> Path:
        return save(widget, args.folder, name.replace(".png", f"{suffix}.png"))

    examples = {}
    for name, file_name in EXAMPLES.items():
        definition = forms.parse((Path(folder) / f"{name}.json").read_bytes()).with_version(1)
        examples[name] = definition
        # Filled in as the demo generator fills a record (every kind given a value).
        person, _sessions = next(demo_records(1, 0, seed=11, definition=definition))
        form = BeneficiaryForm(forms=definition)
        form.load({name: person[name] for name in form.built_in if name in person})
        form.custom.set_values(person.get("custom", {}))
        form.show()
        if name == "cash_assistance":  # and one value the definition refuses, named inline
            form.set_save(lambda values: None)
            form.field("custom.household_size").setText("45")
            form.submit()
        shot(form, file_name)
        form.discard()

    # The editor on a real database: the example published, the admin editing its draft.
    with tempfile.TemporaryDirectory(prefix="caseload-forms-shots-") as root:
        accounts = LocalAccounts(DataPaths.resolve(Path(root) / "data"))
        login = accounts.initialize("admin", "screenshot passphrase", "Ada Admin")
        services = Services.for_session(login, accounts)
        services.forms.import_text((Path(folder) / "child_protection.json").read_bytes())
        services.forms.publish()
        editor = FormsAdminDialog(services.forms)
        editor.show()
        editor.editors[forms.RecordKind.BENEFICIARY].field_list.setCurrentRow(4)  # a choice
        shot(editor, "forms-editor.png")
        editor.discard()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
