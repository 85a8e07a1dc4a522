"""The organisation's own fields in the forms and the detail, as a caseworker meets them:
every kind typed into and read back, messages under the field naming it, values the
definition no longer accepts kept read-only and marked."""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from desktop.domain import forms
from desktop.domain.records import BeneficiaryQuery
from desktop.ui.custom_fields import MARK, CustomFieldsPanel
from desktop.ui.detail import BeneficiaryDetail
from desktop.ui.forms import BeneficiaryForm
from desktop.ui.session_form import CaseSessionForm
from desktop.ui.widgets import DateEdit
from tests.desktop.ui.form_definitions import every_kind

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def shown_panel(qtbot, **options) -> CustomFieldsPanel:
    definition = every_kind()
    panel = CustomFieldsPanel(definition.beneficiary, definition.default_language, **options)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_every_kind_is_rendered_typed_into_and_read_back(qtbot):
    panel = shown_panel(qtbot, language="en")
    inputs = panel.inputs
    # One input per active field, of the kind's widget; the retired, empty field is not offered.
    kinds = {key: type(entry.widget) for key, entry in inputs.items()}
    assert kinds == {
        "guardian": QLineEdit,
        "household_size": QLineEdit,
        "monthly_income": QLineEdit,
        "registered_on": DateEdit,
        "has_disability": QComboBox,
        "risk_level": QComboBox,
        "services": kinds["services"],
        "situation": QPlainTextEdit,
    }
    assert "old_code" not in inputs and not panel.kept
    assert [h.text() for h in panel.headings.values()] == ["Household", "Needs"]
    assert inputs["guardian"].label.text() == "Guardian *"  # required, as the built-in rows
    assert inputs["guardian"].widget.toolTip() == "Who looks after the child"
    # An optional one choice offers "not recorded"; a required one starts with nothing chosen.
    assert inputs["has_disability"].widget.itemText(0) == "(not recorded)"
    assert inputs["risk_level"].widget.currentIndex() == -1

    qtbot.keyClicks(inputs["guardian"].widget, "Mary Okello, aunt of the child, since 2019")
    assert len(inputs["guardian"].widget.text()) == 30  # the field's max_length
    inputs["guardian"].widget.clear()
    qtbot.keyClicks(inputs["guardian"].widget, "Mary Okello")
    qtbot.keyClicks(inputs["household_size"].widget, "4")
    qtbot.keyClicks(inputs["monthly_income"].widget, "1250,50")
    qtbot.keyClicks(inputs["registered_on"].widget, "2024-03-05")
    qtbot.keyClick(inputs["registered_on"].widget, Qt.Key.Key_Tab)
    qtbot.keyClicks(inputs["has_disability"].widget, "Yes")
    qtbot.keyClicks(inputs["risk_level"].widget, "High")
    boxes = inputs["services"].widget.findChildren(QCheckBox)
    assert [b.text() for b in boxes] == ["Health", "School", "Legal aid"]
    for box in (boxes[0], boxes[2]):  # a click on the box itself (its text may be short)
        qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    qtbot.keyClicks(inputs["situation"].widget, "Lives with her aunt.")

    values = panel.values()
    assert values == {
        "guardian": "Mary Okello",
        "household_size": 4,
        "monthly_income": "1250.50",
        "registered_on": "2024-03-05",
        "has_disability": True,
        "risk_level": "high",
        "services": ["health", "legal"],
        "situation": "Lives with her aunt.",
    }
    cleaned, problems, _ = forms.check_values(panel.definition, values)
    assert problems == {} and cleaned["monthly_income"] == "1250.5"

    # Filled again from what is stored, a second panel shows the same.
    again = shown_panel(qtbot, language="en", stored=cleaned)
    assert again.values() == {**values, "monthly_income": "1250.5"}
    assert again.inputs["registered_on"].widget.text() == "2024-03-05"


def test_labels_follow_the_interface_language_else_the_definitions_first(qtbot):
    french = shown_panel(qtbot, language="fr")
    assert french.inputs["guardian"].label.text() == "Tuteur *"
    assert french.headings["household"].text() == "Ménage"
    assert french.inputs["risk_level"].widget.itemText(1) == "Élevé"
    spanish = shown_panel(qtbot, language="es")  # not one of the organisation's languages
    assert spanish.inputs["guardian"].label.text() == "Guardian *"


def test_a_refused_value_is_named_under_its_field_and_nothing_is_saved(qtbot, office):
    services = office.services("cara")
    form = BeneficiaryForm(forms=every_kind())
    qtbot.addWidget(form)
    form.set_save(lambda values: services.beneficiaries.create(values))
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClicks(form.field("first_name"), "Amina")
    qtbot.keyClicks(form.field("last_name"), "Haddad")
    # Tab order follows the form: from the last built-in field into the first custom one.
    form.field("notes").setFocus()
    qtbot.keyClick(form.field("notes"), Qt.Key.Key_Tab)
    assert form.focusWidget() is form.field("custom.guardian")
    qtbot.keyClicks(form.field("custom.household_size"), "25")
    qtbot.keyClicks(form.field("custom.monthly_income"), "a lot")
    qtbot.keyClick(form.field("custom.monthly_income"), Qt.Key.Key_S, CTRL)

    assert form.isVisible() and not form.saving
    assert services.beneficiaries.count(BeneficiaryQuery()) == 0
    assert form.error_text("custom.guardian") == "Guardian is required."
    assert form.error_text("custom.household_size") == "Household size must be between 1 and 20."
    income = form.error_text("custom.monthly_income")
    assert income == "Monthly income must be a number."
    assert form.error_text("custom.risk_level") == "Risk level is required."
    assert form.focusWidget() is form.field("custom.guardian")  # the first, in form order
    assert form.field("custom.household_size").property("invalid") is True

    # Corrected, a message goes at once; the others stay until their field is right.
    form.field("custom.household_size").clear()
    qtbot.keyClicks(form.field("custom.household_size"), "5")
    assert form.error_text("custom.household_size") == ""
    assert form.error_text("custom.guardian") != ""

    # The accelerators reach the custom rows too (the existing letters, none shared).
    letters = [f.label.text() for f in form._fields.values()]
    marks = [t[t.index("&") + 1].lower() for t in letters if "&" in t]
    assert len(marks) == len(set(marks)) and "&" in form._fields["custom.guardian"].label.text()


def test_retired_and_flagged_values_are_kept_read_only_and_marked(qtbot):
    stored = {
        "old_code": "A-17",  # a retired field
        "risk_level": "medium",  # a choice no longer offered
        "household_size": "four",  # written when the field was text
        "from_newer_form": "x",  # a field this laptop's definition does not have
        "guardian": "Mary",
    }
    panel = shown_panel(qtbot, language="en", stored=stored)
    assert set(panel.kept) == {"old_code", "risk_level", "household_size", "from_newer_form"}
    for key, shown in panel.kept.items():
        assert shown.isReadOnly()
        why = panel.findChild(QLabel, f"flag_{key}")
        assert why.isVisible() and why.text().startswith(MARK)
    assert "retired" in panel.findChild(QLabel, "flag_old_code").text()
    assert "no longer offered" in panel.findChild(QLabel, "flag_risk_level").text()
    assert "changed kind" in panel.findChild(QLabel, "flag_household_size").text()
    assert "newer form" in panel.findChild(QLabel, "flag_from_newer_form").text()
    assert panel.kept["risk_level"].text() == "medium"

    qtbot.keyClicks(panel.kept["old_code"], "B")  # read-only: typing changes nothing
    values = panel.values()
    for key in panel.kept:
        assert values[key] == stored[key]  # untouched: saved back exactly as stored
    _, problems, _ = forms.check_values(panel.definition, values, stored=stored)
    assert problems == {}


def a_beneficiary(office):
    services = office.services("cara")
    return services.beneficiaries.create({"first_name": "Amina", "last_name": "Haddad"})


def test_the_session_form_shows_the_session_fields(qtbot, office):
    form = CaseSessionForm(a_beneficiary(office), forms=every_kind())
    qtbot.addWidget(form)
    outcome = form.field("custom.visit_outcome")
    qtbot.keyClicks(outcome, "Absent")
    assert form.values()["custom"] == {"visit_outcome": "absent"}


def test_the_detail_shows_custom_rows_in_section_order_with_flags(qtbot, office):
    stored = {
        "guardian": "Mary Okello",
        "has_disability": False,
        "risk_level": "high",
        "services": ["health", "legal"],
        "registered_on": "2024-03-05",
        "old_code": "A-17",
    }
    # As the store hands a record back (its custom values are the JSON text it keeps).
    beneficiary = replace(a_beneficiary(office), custom_json=json.dumps(stored))
    detail = BeneficiaryDetail()
    qtbot.addWidget(detail)
    detail.set_forms(every_kind())
    detail.show_beneficiary(beneficiary, [], None)
    rows = {key: label.text() for key, label in detail.custom_values.items()}
    assert list(rows) == [
        "old_code",  # no section: first
        "guardian",
        "household_size",
        "monthly_income",
        "registered_on",
        "has_disability",
        "risk_level",
        "services",
        "situation",
    ]
    assert rows["guardian"] == "Mary Okello"
    assert rows["has_disability"] == "no"
    assert rows["risk_level"] == "High"
    assert rows["services"] == "Health, Legal aid"
    assert rows["registered_on"] == "2024-03-05"
    assert rows["household_size"] == "–"
    assert rows["old_code"] == f"A-17 {MARK}"
    assert "retired" in detail.custom_values["old_code"].toolTip()
    detail.clear()
    assert detail.custom_values == {}
