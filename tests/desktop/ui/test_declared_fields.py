"""The form, the detail, the list and the history are made from the declaration
(``desktop/domain/schema.py``): a field added there appears in each of them with no edit
in desktop/ui, with its label translated (context ``field``) and an accelerator of its own
in every language."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from desktop.domain import schema
from desktop.domain.enums import Entity
from desktop.domain.records import Beneficiary
from desktop.domain.schema import Column, Field, Kind
from desktop.resources import resource_path
from desktop.ui.detail import BeneficiaryDetail
from desktop.ui.fields import change_label, change_value, mnemonic
from desktop.ui.forms import BeneficiaryForm, DateEdit
from desktop.ui.models.beneficiary_table import COL_DATE_OF_BIRTH, BeneficiaryTableModel
from desktop.ui.session_form import CaseSessionForm
from tests.desktop.ui.conftest import save_ended

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

NICKNAME = Field(
    "nickname", Kind.TEXT, "Nickname", max_length=80, personal=True, form_column=Column.LEFT
)
# The widget each kind of value gets.
WIDGETS = {
    Kind.TEXT: QLineEdit,
    Kind.LONG_TEXT: QPlainTextEdit,
    Kind.DATE: DateEdit,
    Kind.DATETIME: QDateTimeEdit,
    Kind.INTEGER: QSpinBox,
    Kind.CHOICE: QComboBox,
    Kind.YES_NO: QCheckBox,
}


@pytest.fixture
def nickname(monkeypatch):
    """One optional text field more in the declaration, as a developer would add it."""
    declared = (*schema.BENEFICIARY, NICKNAME)
    monkeypatch.setattr(schema, "BENEFICIARY", declared)
    monkeypatch.setitem(schema.FIELDS, Entity.BENEFICIARY, declared)
    monkeypatch.setitem(schema.BY_NAME, Entity.BENEFICIARY, {f.name: f for f in declared})
    return NICKNAME


@pytest.fixture
def french(qapp):
    from desktop.app import install_translations

    assert install_translations(qapp, "fr") == "fr"
    yield
    install_translations(qapp)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # accelerators go to the active window
    return widget


def row_label(form, name: str) -> str:
    return form._fields[name].label.text()


def labels_of_rows(detail: BeneficiaryDetail) -> dict[str, str]:
    """Row name → its label, read from the detail's two form layouts."""
    found = {}
    for form in detail.page.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and value:
                found[value.widget().objectName().removeprefix("detail_")] = label.widget().text()
    return found


def with_nickname(beneficiary: Beneficiary, value: str):
    """The record as the store would return it once the field has its column."""
    record = dataclasses.make_dataclass(
        "WithNickname", [("nickname", str, "")], bases=(Beneficiary,), frozen=True
    )
    values = {f.name: getattr(beneficiary, f.name) for f in dataclasses.fields(beneficiary)}
    return record(**values, nickname=value)


def test_a_field_added_to_the_declaration_is_in_the_form_detail_and_history(
    qtbot, office, nickname
):
    form = shown(qtbot, BeneficiaryForm())
    edit = form.field("nickname")
    assert isinstance(edit, QLineEdit)
    assert edit.accessibleName() == "Nickname"
    # Its own accelerator: Alt+<letter> goes to the new field.
    letter = mnemonic(row_label(form, "nickname"))
    assert letter and row_label(form, "nickname").replace("&", "") == "Nickname"
    qtbot.keyClick(form, letter, ALT)
    assert form.focusWidget() is edit, (letter, [row_label(form, n) for n in form._fields])

    sent = []
    cara = office.services("cara")

    def save(values):  # the values the service is handed; the store has no column yet
        sent.append(values)
        return cara.beneficiaries.create({k: v for k, v in values.items() if k != "nickname"})

    form.set_save(save)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    qtbot.keyClicks(edit, "Mimi")
    qtbot.keyClick(edit, Qt.Key.Key_S, CTRL)
    save_ended(qtbot, form)
    assert not form.isVisible()
    assert sent[0]["nickname"] == "Mimi"

    stored = cara.beneficiaries.get(form.result_record.id)
    detail = BeneficiaryDetail()
    qtbot.addWidget(detail)
    history = [
        dataclasses.replace(event, changes={**event.changes, "nickname": [None, "Mimi"]})
        for event in office.services("sam").audit.history(stored.id)
    ]
    detail.show_beneficiary(with_nickname(stored, "Mimi"), [], history)
    assert detail.values["nickname"].text() == "Mimi"
    assert labels_of_rows(detail)["nickname"] == "Nickname:"
    changes = detail.audit_model.index(0, 3).data()
    assert "Nickname: Mimi" in changes.splitlines()


def test_every_declared_field_has_its_widget_and_goes_through_the_service(qtbot, office):
    cara = office.services("cara")
    form = shown(qtbot, BeneficiaryForm())
    for declared in schema.BENEFICIARY:
        if declared.editable and declared.in_form:  # status, closure: their own actions
            assert isinstance(form.field(declared.name), WIDGETS[declared.kind]), declared.name
    assert form.field("gender").itemText(0) == "(not recorded)"  # optional: "none" first
    assert form.field("phone").placeholderText() == "+256 700 123456"
    form.set_save(cara.beneficiaries.create)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    qtbot.keyClicks(form.field("date_of_birth"), "1988-03-01")
    qtbot.keyClicks(form.field("gender"), "Fem")
    qtbot.keyClicks(form.field("phone"), "+256 700 123456")
    qtbot.keyClicks(form.field("address"), "Plot 12, Kira Road")
    qtbot.keyClicks(form.field("preferred_language"), "sw")
    qtbot.mouseClick(form.field("consent_given"), Qt.MouseButton.LeftButton, pos=_box(form))
    qtbot.keyClicks(form.field("consent_date"), "2026-01-05")
    qtbot.keyClicks(form.field("notes"), "Needs an interpreter.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    save_ended(qtbot, form)
    assert not form.isVisible(), form.values()

    stored = cara.beneficiaries.get(form.result_record.id)  # read back from the database
    assert (stored.gender.value, stored.preferred_language, stored.consent_given) == (
        "female",
        "sw",
        True,
    )
    detail = BeneficiaryDetail()
    qtbot.addWidget(detail)
    detail.show_beneficiary(stored, [], None)
    texts = {name: label.text() for name, label in detail.values.items()}
    assert texts["gender"] == "Female"
    assert texts["preferred_language"] == "Kiswahili (sw)"
    assert texts["consent_given"].startswith("given ")
    assert texts["caseworker_id"] == stored.caseworker_name
    assert labels_of_rows(detail)["date_of_birth"] == "Date of birth:"
    # Rows not declared for the detail: the status is the chip, the consent date is in
    # the consent row, the names are the title, the notes are under the rows.
    assert {"status", "consent_date", "first_name", "notes"}.isdisjoint(detail.values)

    # The session form: the integer's bounds and unit and the choices from the declaration.
    session_form = shown(qtbot, CaseSessionForm(stored))
    duration = session_form.field("duration_minutes")
    declared = schema.field(Entity.CASE_SESSION, "duration_minutes")
    assert (duration.minimum(), duration.maximum(), duration.value()) == (
        declared.minimum,
        declared.maximum,
        declared.default,
    )
    assert duration.suffix() == " min"
    assert row_label(session_form, "kind").endswith(" *")  # required: marked
    session_form.set_save(lambda values: cara.case_sessions.create(stored.id, values))
    qtbot.keyClicks(session_form.field("kind"), "Home")
    qtbot.keyClicks(session_form.field("status"), "Planned")
    qtbot.keyClicks(session_form.field("location"), "Kira")
    qtbot.keyClick(session_form.field("location"), Qt.Key.Key_S, CTRL)
    save_ended(qtbot, session_form)
    assert not session_form.isVisible()
    (saved,) = cara.case_sessions.timeline(stored.id)
    assert (saved.kind.value, saved.status.value, saved.duration_minutes) == (
        "home_visit",
        "planned",
        60,
    )


def _box(form):
    """Where the consent check box's box is (its left edge, or right under Arabic)."""
    check = form.field("consent_given")
    return QPoint(check.width() - 8 if check.isRightToLeft() else 8, check.height() // 2)


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_each_form_has_unique_accelerators_in_every_language(qtbot, qapp, language):
    from types import SimpleNamespace

    from desktop.app import install_translations

    install_translations(qapp, "" if language == "en" else language)
    try:
        beneficiary = SimpleNamespace(id="b1", full_name="Aïcha Diallo", case_number="C-1")
        caseworkers = [SimpleNamespace(display_name="Cara", id="u1")]
        forms = [
            BeneficiaryForm(caseworkers=caseworkers, default_caseworker_id="u1"),
            CaseSessionForm(beneficiary),
        ]
        for form in forms:
            qtbot.addWidget(form)
            letters = [mnemonic(row_label(form, name)) for name in form._fields]
            letters += [mnemonic(b.text()) for b in form.buttons.buttons() if mnemonic(b.text())]
            assert all(letters), [row_label(form, name) for name in form._fields]
            assert len(letters) == len(set(letters)), letters
            for name in form._fields:
                text = row_label(form, name)
                if language == "ar":  # the English letter in brackets after the text
                    assert re.search(r" \(&[A-Z]\)( \*)?$", text), text
                else:
                    assert "(&" not in text, text
    finally:
        install_translations(qapp)


def test_the_french_interface_shows_the_declared_labels_translated(qtbot, qapp, office, french):
    cara = office.services("cara")
    amina = cara.beneficiaries.create(
        {"first_name": "Amina", "last_name": "Haddad", "gender": "female"}
    )
    sam = office.services("sam")
    amina = sam.beneficiaries.update(amina.id, {"gender": "male"}, expected_version=1)

    form = BeneficiaryForm(amina)
    qtbot.addWidget(form)
    assert row_label(form, "date_of_birth").replace("&", "") == "Date de naissance"
    assert row_label(form, "first_name").replace("&", "") == "Prénom *"
    assert form.field("gender").itemText(1) == "Féminin"
    assert "status" not in form.values()  # closing and reopening are the list's actions

    detail = BeneficiaryDetail()
    qtbot.addWidget(detail)
    detail.show_beneficiary(amina, [], sam.audit.history(amina.id))
    assert labels_of_rows(detail)["date_of_birth"] == "Date de naissance:"
    assert labels_of_rows(detail)["caseworker_id"] == "Gestionnaire de cas:"
    assert detail.values["gender"].text() == "Masculin"
    assert detail.status_chip.text() == "Actif"

    model = BeneficiaryTableModel(cara.beneficiaries)
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(COL_DATE_OF_BIRTH, horizontal) == "Date de naissance"
    assert model.headerData(1, horizontal) == "Nom"

    changes = detail.audit_model.index(0, 3).data()  # newest first: the change of gender
    assert changes == "Genre: Féminin → Masculin"
    created = detail.audit_model.index(1, 3).data().splitlines()
    assert "Prénom: Amina" in created and "Genre: Féminin" in created
    # What the conflicts tab reads: a field's label and values, and a delete.
    assert change_label("case_session", "kind") == "Type"
    assert change_value("case_session", "kind", "home_visit") == "Visite à domicile"
    assert change_value("beneficiary", "consent_given", True) == "oui"
    assert change_label("beneficiary", "deleted") == "Supprimé"


def test_lupdate_files_every_declared_label_under_field_and_every_choice():
    root = ET.parse(resource_path("translations", "caseload_fr.ts")).getroot()
    filed = {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }
    for declared in (*schema.BENEFICIARY, *schema.CASE_SESSION):
        for text in (declared.label, declared.unit):
            if text:
                assert ("field", text) in filed, text
    for labels in schema.CHOICE_LABELS.values():
        for text in labels.values():
            assert ("choice", text) in filed, text


def test_accelerators_prefer_word_starts_escape_ampersands_and_bracket_other_scripts():
    from desktop.ui.fields import with_accelerators

    marked = with_accelerators(
        [
            ("Start", "Start"),
            ("Status", "Status"),
            ("Terms & conditions", "Terms & conditions"),
            ("الهاتف", "Phone"),
            ("المدة", "Start"),  # its English letters all taken but one
        ],
        taken=["s"],  # the Save button's
    )
    assert marked == [
        "S&tart",
        "St&atus",
        "Terms && &conditions",
        "الهاتف (&P)",
        "المدة (&R)",
    ]
    assert [mnemonic(text) for text in marked] == ["t", "a", "c", "p", "r"]
