"""French: the .qm is built from the .ts, every message is finished, the app speaks French."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from desktop.resources import resource_path
from tests.conftest import PASSWORDS
from tests.desktop.ui.conftest import submit_login

TS = resource_path("translations", "caseload_fr.ts")
QM = resource_path("translations", "caseload_fr.qm")
NBSP = "\u00a0"

# %1, %n (Qt), %s (Python %-formatting), {name} (str.format), HTML tags.
PLACEHOLDER = re.compile(r"%(?:\d+|n|s)|\{[^{}]*\}|</?[a-zA-Z][^>]*>")


def messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def lrelease(ts: Path, qm: Path) -> None:
    # The tool behind .venv/bin/pyside6-lrelease, found the same way on every platform.
    script = "import sys; from PySide6.scripts.pyside_tool import lrelease; lrelease()"
    subprocess.run(
        [sys.executable, "-c", script, str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def test_committed_qm_is_built_from_the_committed_ts(tmp_path):
    built = tmp_path / "caseload_fr.qm"
    lrelease(TS, built)
    assert built.read_bytes() == QM.read_bytes(), (
        "caseload_fr.qm is stale: run pyside6-lrelease resources/translations/caseload_fr.ts"
    )


def test_every_message_is_translated_with_the_same_placeholders():
    found = messages()
    assert len(found) > 300
    problems = []
    for context, message in found:
        source = message.findtext("source") or ""
        kind = message.find("translation").get("type")
        if kind is not None:  # unfinished, or vanished/obsolete (lrelease leaves those out)
            problems.append(f"{context}/{source!r}: {kind}")
            continue
        forms = translations_of(message)
        if message.get("numerus") == "yes" and len(forms) != 2:
            problems.append(f"{context}/{source!r}: French has two plural forms, got {len(forms)}")
        for text in forms:
            if not text.strip():
                problems.append(f"{context}/{source!r}: empty")
            if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"{context}/{source!r}: placeholders differ in {text!r}")
            accelerators = text.replace("&&", "").count("&")
            if accelerators != source.replace("&&", "").count("&"):
                problems.append(f"{context}/{source!r}: {accelerators} '&' in {text!r}")
            if re.search(r"\w [:;?!]", text):
                problems.append(f"{context}/{source!r}: plain space before :;?! in {text!r}")
    assert not problems, "\n".join(problems)


@pytest.fixture
def french(qapp):
    """The app's translator loaded as desktop.app does for a French system; undone after."""
    from PySide6.QtCore import QLocale

    from desktop.app import install_translations

    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    install_translations(qapp)
    translator = getattr(qapp, "_caseload_translator", None)
    yield translator
    if translator is not None:
        qapp.removeTranslator(translator)
        del qapp._caseload_translator
    QLocale.setDefault(previous)


def mnemonic(text: str) -> str:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else ""


def test_login_and_main_window_in_french(qtbot, controller, office, french):
    from PySide6.QtCore import Qt

    from desktop.ui.login import LoginDialog

    assert french is not None, "caseload_fr.qm was not loaded for fr_FR"
    office.services("cara").beneficiaries.create({"first_name": "Aïcha", "last_name": "Diallo"})

    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    assert dialog.windowTitle() == f"Caseload{NBSP}: connexion"
    assert dialog.login_button.text() == "Se connecter"

    submit_login(qtbot, dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)

    menus = [action.menu() for action in window.menuBar().actions() if action.menu()]
    assert [m.title() for m in menus][:2] == ["&Fichier", "&Dossiers"]
    for menu in [window.menuBar(), *menus]:
        letters = [mnemonic(a.text()) for a in menu.actions() if mnemonic(a.text())]
        assert len(letters) == len(set(letters)), f"clashing accelerators in {menu.title()!r}"
    assert window.new_beneficiary_action.text() == "&Nouveau bénéficiaire"
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == "Nom"

    window.new_beneficiary_action.trigger()
    form = window.open_forms()[-1]
    assert form.windowTitle() == "Nouveau bénéficiaire"
    assert form.field("first_name").accessibleName() == "Prénom *"
    assert form.field("gender").itemText(1) == "Féminin"
    form.reject()
