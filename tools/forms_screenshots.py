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
    from desktop.domain import forms
    from desktop.resources import resource_path
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
        form = BeneficiaryForm(forms=definition)
        form.show()
        shot(form, file_name)
        form.discard()

    editor = FormsAdminDialog(
        draft=examples["child_protection"], published=examples["child_protection"]
    )
    editor.show()
    editor.editors[forms.RecordKind.BENEFICIARY].field_list.setCurrentRow(4)  # a choice field
    shot(editor, "forms-editor.png")
    editor.discard()
    return 0


if __name__ == "__main__":
    sys.exit(main())
