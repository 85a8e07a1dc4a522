"""Translations: each .qm is built from its .ts, every message is finished, and the app
speaks French, Spanish and Arabic (right to left), English plurals included."""

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
from tests.desktop.ui.conftest import save_ended, submit_login

NBSP = "\u00a0"
LANGUAGES = ("fr", "es", "ar")
# Qt's plural forms: French and Spanish two, Arabic six (0, 1, 2, 3-10, 11-99, 100+).
NUMERUS_FORMS = {"fr": 2, "es": 2, "ar": 6, "en": 2}

# %1, %n/%Ln (Qt), %s (Python %-formatting), {name} (str.format), HTML tags.
PLACEHOLDER = re.compile(r"%(?:\d+|L?n|s)|\{[^{}]*\}|</?[a-zA-Z][^>]*>")


def ts(language: str) -> Path:
    return resource_path("translations", f"caseload_{language}.ts")


def messages(language: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts(language)).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def lrelease(source: Path, qm: Path) -> None:
    # The tool behind .venv/bin/pyside6-lrelease, found the same way on every platform.
    script = "import sys; from PySide6.scripts.pyside_tool import lrelease; lrelease()"
    subprocess.run(
        [sys.executable, "-c", script, str(source), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


@pytest.mark.parametrize("language", [*LANGUAGES, "en"])
def test_committed_qm_is_built_from_the_committed_ts(tmp_path, language):
    built = tmp_path / f"caseload_{language}.qm"
    lrelease(ts(language), built)
    committed = resource_path("translations", f"caseload_{language}.qm")
    assert built.read_bytes() == committed.read_bytes(), (
        f"caseload_{language}.qm is stale: run pyside6-lrelease on caseload_{language}.ts"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(language):
    found = messages(language)
    assert len(found) > 350
    # The same messages in every language (all made by one lupdate run).
    assert {(c, m.findtext("source")) for c, m in found} == {
        (c, m.findtext("source")) for c, m in messages("fr")
    }
    problems = []
    for context, message in found:
        source = message.findtext("source") or ""
        kind = message.find("translation").get("type")
        if kind is not None:  # unfinished, or vanished/obsolete (lrelease leaves those out)
            problems.append(f"{context}/{source!r}: {kind}")
            continue
        forms = translations_of(message)
        if message.get("numerus") == "yes" and len(forms) != NUMERUS_FORMS[language]:
            problems.append(f"{context}/{source!r}: {len(forms)} plural forms")
        for text in forms:
            if not text.strip():
                problems.append(f"{context}/{source!r}: empty")
            if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"{context}/{source!r}: placeholders differ in {text!r}")
            accelerators = text.replace("&&", "").count("&")
            if accelerators != source.replace("&&", "").count("&"):
                problems.append(f"{context}/{source!r}: {accelerators} '&' in {text!r}")
            if language == "fr" and re.search(r"\w [:;?!]", text):
                problems.append(f"{context}/{source!r}: plain space before :;?! in {text!r}")
            if language == "es" and "?" in text and "¿" not in text:
                problems.append(f"{context}/{source!r}: no opening ¿ in {text!r}")
            if language == "ar" and "?" in text:
                problems.append(f"{context}/{source!r}: Latin ? instead of ؟ in {text!r}")
    assert not problems, "\n".join(problems)


def test_english_plural_file_fills_every_plural():
    plural = [m for _, m in messages("fr") if m.get("numerus") == "yes"]
    english = {m.findtext("source"): m for _, m in messages("en")}
    assert {m.findtext("source") for m in plural} == set(english)
    for source, message in english.items():
        assert message.find("translation").get("type") is None, source
        assert len(translations_of(message)) == 2, source


def test_validation_codes_have_one_wording_in_the_domain_and_the_ui():
    from desktop.domain.problems import ENGLISH
    from desktop.ui.messages import TEMPLATES

    assert set(TEMPLATES) == set(ENGLISH) - {"text"}
    assert {code: ENGLISH[code] for code in TEMPLATES} == TEMPLATES
    translated = {m.findtext("source") for c, m in messages("fr") if c == "validation"}
    assert translated == set(TEMPLATES.values())


@pytest.fixture
def language(request, qapp):
    """The app's translations for ``request.param`` as desktop.app installs a chosen
    language; back to the system's (English) after."""
    from desktop.app import install_translations

    code = install_translations(qapp, request.param)
    assert code == request.param, f"caseload_{request.param}.qm was not loaded"
    yield code
    install_translations(qapp)


def mnemonic(text: str) -> str:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else ""


# Known strings per language: the place a person sees them, and what they read.
SEEN = {
    "fr": {
        "login_title": f"Caseload{NBSP}: connexion",
        "login_button": "Se connecter",
        "menus": ["&Fichier", "&Dossiers"],
        "new_beneficiary": "&Nouveau bénéficiaire",
        "name_header": "Nom",
        "form_title": "Nouveau bénéficiaire",
        "first_name": "Prénom *",
        "female": "Féminin",
        "last_name_required": f"Nom{NBSP}: ce champ est obligatoire.",
        "session_title": "Nouvel entretien avec Aïcha Diallo",
        "count": "1 bénéficiaire",
        "pending": "1 modification en attente de synchronisation",
    },
    "es": {
        "login_title": "Caseload: inicio de sesión",
        "login_button": "Iniciar sesión",
        "menus": ["&Archivo", "&Expedientes"],
        "new_beneficiary": "&Nuevo beneficiario",
        "name_header": "Apellidos",
        "form_title": "Nuevo beneficiario",
        "first_name": "Nombre *",
        "female": "Femenino",
        "last_name_required": "Apellidos: este campo es obligatorio.",
        "session_title": "Nueva sesión con Aïcha Diallo",
        "count": "1 beneficiario",
        "pending": "1 cambio pendiente de sincronizar",
    },
    "ar": {
        "login_title": "Caseload: تسجيل الدخول",
        "login_button": "تسجيل الدخول",
        "menus": ["ملف (&F)", "السجلات (&R)"],
        "new_beneficiary": "مستفيد جديد (&N)",
        "name_header": "اسم العائلة",
        "form_title": "مستفيد جديد",
        "first_name": "الاسم الأول *",  # read aloud without "(F)"
        "female": "أنثى",
        "last_name_required": "اسم العائلة: هذا الحقل مطلوب.",
        # The name is isolated (U+2068 … U+2069) so a Latin name keeps its order.
        "session_title": "جلسة جديدة مع \u2068Aïcha Diallo\u2069",
        "count": "١ مستفيد",  # the locale's digits
        "pending": "١ تغيير بانتظار المزامنة",
    },
}


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_login_main_window_and_forms_render_in_the_language(qtbot, controller, office, language):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.login import LoginDialog

    seen = SEEN[language]
    rtl = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    assert QApplication.layoutDirection() == rtl
    office.services("cara").beneficiaries.create({"first_name": "Aïcha", "last_name": "Diallo"})

    controller.start()
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    assert dialog.windowTitle() == seen["login_title"]
    assert dialog.login_button.text() == seen["login_button"]
    assert dialog.layoutDirection() == rtl

    submit_login(qtbot, dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert window.layoutDirection() == rtl
    assert window.caseload.count_label.text() == seen["count"]

    menus = [action.menu() for action in window.menuBar().actions() if action.menu()]
    assert [m.title() for m in menus][:2] == seen["menus"]
    for menu in [window.menuBar(), *menus]:
        letters = [mnemonic(a.text()) for a in menu.actions() if mnemonic(a.text())]
        assert len(letters) == len(set(letters)), f"clashing accelerators in {menu.title()!r}"
    assert window.new_beneficiary_action.text() == seen["new_beneficiary"]
    assert window.model.headerData(1, Qt.Orientation.Horizontal) == seen["name_header"]

    # The beneficiary form, and a validation message under its field, in the language.
    window.new_beneficiary_action.trigger()
    form = window.open_forms()[-1]
    assert form.windowTitle() == seen["form_title"]
    assert form.layoutDirection() == rtl
    assert form.field("first_name").accessibleName() == seen["first_name"]
    assert form.field("gender").itemText(1) == seen["female"]
    qtbot.keyClicks(form.field("first_name"), "Mariam")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.error_text("last_name") == seen["last_name_required"]
    form.discard()

    # The session form (title with the beneficiary's name), and the plural in the status bar.
    window.caseload.select_row(0)  # also under a right-to-left layout
    window.new_session_action.trigger()
    session_form = window.open_forms()[-1]
    assert session_form.windowTitle() == seen["session_title"]
    session_form.discard()
    window.refresh_status()
    assert window.pending_label.text() == seen["pending"]


@pytest.mark.parametrize("language", ["es", "ar"], indirect=True)
def test_a_number_in_a_validation_message_follows_the_language(qtbot, language):
    from PySide6.QtCore import Qt

    from desktop.domain.validation import validate_beneficiary
    from desktop.ui.forms import BeneficiaryForm

    form = BeneficiaryForm()
    qtbot.addWidget(form)
    form.show()
    form.set_save(validate_beneficiary)  # the service's first step
    # Closed after the test, dirty: no modal "unsaved changes" question then.
    from PySide6.QtWidgets import QMessageBox

    form.confirm_discard = lambda: QMessageBox.StandardButton.Discard
    qtbot.keyClicks(form.field("first_name"), "Mariam")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    qtbot.keyClicks(form.field("phone"), "12")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    save_ended(qtbot, form)
    expected = {
        "es": "Teléfono: debe tener de 6 a 17 dígitos, con +, espacios, guiones o paréntesis "
        "opcionales.",
        "ar": "الهاتف: يجب أن يتكون من ٦ إلى ١٧ رقمًا، مع إمكانية استخدام + والمسافات "
        "والشرطات والأقواس.",
    }
    assert form.error_text("phone") == expected[language]


def test_english_shows_real_plurals(qtbot, controller, office):
    from desktop.ui.sync_status import pending_changes_text

    office.services("cara").beneficiaries.create({"first_name": "Aïcha", "last_name": "Diallo"})
    controller.start()
    submit_login(qtbot, controller.dialog, "cara", PASSWORDS["cara"])
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert window.caseload.count_label.text() == "1 beneficiary"
    assert window.pending_label.text() == "1 change waiting to sync"

    class Overview:  # the two shapes SyncAccount.overview() gives the status bar
        pending, pending_more = 10_000, True

    assert pending_changes_text(Overview()) == "More than 10,000 changes waiting to sync"
    Overview.pending, Overview.pending_more = 2, False
    assert pending_changes_text(Overview()) == "2 changes waiting to sync"


def test_language_chosen_in_settings_is_saved_and_applied_at_start(qtbot, qapp, settings, tmp_path):
    from PySide6.QtCore import Qt

    from desktop.app import install_translations
    from desktop.ui import settings as keys
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, tmp_path / "backups")
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["System language", "English", "العربية", "Español", "Français"]
    assert dialog.language_note.isVisibleTo(dialog)  # "applies the next time Caseload starts"
    dialog.language.setFocus()
    qtbot.keyClicks(dialog.language, "Es")  # keyboard search: "Español", not "English"
    assert dialog.language.currentData() == "es"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK
    assert settings.get(keys.LANGUAGE) == "es"
    try:
        assert install_translations(qapp, settings.get(keys.LANGUAGE)) == "es"
        assert SettingsDialog(settings, tmp_path).windowTitle() == "Configuración"
    finally:
        install_translations(qapp)


def test_language_chosen_in_the_setup_wizard_applies_at_once(qtbot, qapp, controller):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.app import install_translations
    from desktop.ui import settings as keys

    controller.start()  # an empty data folder: the setup wizard
    wizard = controller.dialog
    assert wizard.windowTitle() == "Caseload: first start"
    try:
        wizard.language.setFocus()
        # System language, English, العربية, ...: each step down applies the language.
        qtbot.keyClick(wizard.language, Qt.Key.Key_Down)
        english = controller.dialog
        assert english is not wizard and english.language.currentData() == "en"
        qtbot.keyClick(english.language, Qt.Key.Key_Down)
        again = controller.dialog
        assert again is not english and not english.isVisible()
        assert controller.settings.get(keys.LANGUAGE) == "ar"
        assert again.windowTitle() == "Caseload: التشغيل الأول"
        assert again.language.currentData() == "ar"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert again.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        install_translations(qapp)


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_a_session_start_reads_in_order_under_arabic(qtbot, language):
    from types import SimpleNamespace

    from desktop.ui.session_form import CaseSessionForm

    form = CaseSessionForm(SimpleNamespace(id="b1", full_name="Aïcha Diallo"))
    qtbot.addWidget(form)
    form.show()
    start = form.field("starts_at")
    assert form.isRightToLeft()
    # Qt reverses a date-time editor's sections under RTL ("10:07 01-12-2026"); the form
    # keeps the ISO order in Latin digits: what is shown is what is stored.
    shown = start.text().replace("\u200e", "")
    assert shown == start.dateTime().toString("yyyy-MM-dd HH:mm")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_the_context_the_code_looks_it_up_in(language):
    """lupdate files a bare module-level ``tr("...")`` under no context, where the app
    never looks: the printed papers' texts stayed English in every language that way.
    Texts are asked for as ``Class.tr`` / ``self.tr`` / ``QCoreApplication.translate``."""
    text = ts(language).read_text(encoding="utf-8")
    assert "<name></name>" not in text
    # A classmethod's ``cls.tr`` is filed under "cls": the duplicate reasons stayed English.
    assert "<name>cls</name>" not in text and "<name>self</name>" not in text
    from desktop.ui.paper import Printing
    from desktop.ui.translations import translator

    translate = translator(language)
    assert translate("Printing", "Case summary") != "Case summary"
    assert Printing.tr("Case summary")  # the lookup the papers make
    assert translate("DuplicatesDialog", "same phone number") != "same phone number"
