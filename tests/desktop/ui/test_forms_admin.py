"""Admin → Forms as an organisation admin meets it: a field added by keys and clicks shows
in the preview as it is typed, a bad file's problems are listed by where they are, and
publishing asks first, naming the version."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from desktop.domain import forms
from desktop.domain.forms import RecordKind
from desktop.ui.forms_admin import FormsAdminDialog
from tests.desktop.ui.form_definitions import EVERY_KIND, every_kind

LEFT = Qt.MouseButton.LeftButton


def shown_dialog(qtbot, **options) -> FormsAdminDialog:
    dialog = FormsAdminDialog(**options)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def choose_file(qtbot, dialog: FormsAdminDialog, path) -> None:
    """Once the file dialog is open, puts ``path`` in its file name and presses Enter."""

    def answer() -> None:
        files = dialog.file_dialog
        if files is None or not files.isVisible():
            QTimer.singleShot(20, answer)
            return
        name = files.findChild(QLineEdit, "fileNameEdit")
        # Pasted rather than typed: typing opens the name completer's popup, which takes
        # the Enter offscreen.
        name.setText(str(path))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_a_field_added_by_keys_and_clicks_shows_in_the_preview(qtbot):
    dialog = shown_dialog(qtbot, draft=forms.EMPTY, published=forms.EMPTY)
    editor = dialog.editors[RecordKind.BENEFICIARY]
    assert editor.preview is not None and editor.preview.inputs == {}

    qtbot.mouseClick(editor.add_button, LEFT)
    assert dialog.focusWidget() is editor.key  # the new field's key, selected, to type over
    qtbot.keyClicks(editor.key, "household_size")
    qtbot.keyClick(editor.key, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.kind_box, "Whole")  # "Whole number"
    label = editor.label_edits["en"]
    label.selectAll()
    qtbot.keyClicks(label, "Household size")
    qtbot.keyClicks(editor.minimum, "1")
    qtbot.keyClicks(editor.maximum, "20")
    qtbot.mouseClick(editor.required, LEFT, pos=editor.required.rect().center())

    preview = editor.preview
    assert list(preview.inputs) == ["household_size"]
    row = preview.inputs["household_size"]
    assert row.label.text() == "Household size *"
    assert row.widget.placeholderText() == "1 to 20"
    assert editor.field_list.item(0).text() == "Household size [household_size]"
    assert dialog.problem_texts() == []

    # In the preview it is the caseworker's field: a value out of bounds is named.
    qtbot.keyClicks(row.widget, "25")
    message = "Household size must be between 1 and 20."
    assert preview.problems() == {"custom.household_size": message}

    # A key the file format refuses: the problem names where it is; the preview stays.
    editor.key.selectAll()
    qtbot.keyClicks(editor.key, "Household Size")
    (problem,) = dialog.problem_texts()
    assert problem.startswith("beneficiary.fields[0].key: must be 1-40 lowercase letters")
    assert list(editor.preview.inputs) == ["household_size"]
    assert not dialog.export_button.isEnabled()
    editor.key.selectAll()
    qtbot.keyClicks(editor.key, "people")
    assert dialog.problem_texts() == [] and list(editor.preview.inputs) == ["people"]


def test_fields_are_reordered_retired_and_removed_only_if_never_published(qtbot):
    published = every_kind()
    dialog = shown_dialog(qtbot, draft=published, published=published)
    editor = dialog.editors[RecordKind.BENEFICIARY]
    editor.field_list.setCurrentRow(0)
    assert not editor.remove_button.isEnabled()  # published: retire it, never remove it
    assert editor.key.isReadOnly()
    qtbot.mouseClick(editor.down_button, LEFT)
    assert [f["key"] for f in dialog.document["beneficiary"]["fields"]][:2] == [
        "household_size",
        "guardian",
    ]
    qtbot.mouseClick(editor.retire_button, LEFT)  # guardian, now second
    assert "guardian" not in editor.preview.inputs
    assert editor.field_list.item(1).text().endswith("(retired)")
    qtbot.mouseClick(editor.add_button, LEFT)
    assert editor.remove_button.isEnabled()  # a new field may go again
    qtbot.mouseClick(editor.remove_button, LEFT)
    assert len(dialog.document["beneficiary"]["fields"]) == len(published.beneficiary.fields)
    assert dialog.problem_texts() == []


def test_importing_a_bad_file_lists_every_problem_with_where_it_is(qtbot, tmp_path):
    bad = json.loads(json.dumps(EVERY_KIND))
    fields = bad["beneficiary"]["fields"]
    fields[1]["key"] = "guardian"  # twice
    fields[2]["kind"] = "money"
    del fields[5]["choices"][0]["value"]
    del fields[6]["label"]["fr"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    dialog = shown_dialog(qtbot, draft=forms.EMPTY, published=forms.EMPTY)

    choose_file(qtbot, dialog, path)
    qtbot.mouseClick(dialog.import_button, LEFT)
    problems = dialog.problem_texts()
    assert 'beneficiary.fields[1].key: "guardian" is already the key of fields[0]' in problems
    assert any(p.startswith("beneficiary.fields[2].kind: must be one of text,") for p in problems)
    assert (
        "beneficiary.fields[5].choices[0].value: is missing: every choice needs a stable value"
        in problems
    )
    assert 'beneficiary.fields[6].label: has no text in "fr"' in problems
    assert "bad.json was not imported" in dialog.state.text()
    assert dialog.document["beneficiary"]["fields"] == []  # nothing of it loaded

    good = tmp_path / "good.json"
    good.write_text(json.dumps(EVERY_KIND), encoding="utf-8")
    choose_file(qtbot, dialog, good)
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.problem_texts() == []
    assert "guardian" in dialog.editors[RecordKind.BENEFICIARY].preview.inputs
    assert dialog.languages_edit.text() == "en, fr"


def test_languages_are_edited_and_each_missing_label_is_named(qtbot):
    definition = every_kind()
    dialog = shown_dialog(qtbot, draft=definition, published=definition)
    languages = dialog.languages_edit
    languages.selectAll()
    qtbot.keyClicks(languages, "en")
    qtbot.keyClick(languages, Qt.Key.Key_Return)
    assert dialog.problem_texts() == []  # the French texts went with French
    editor = dialog.editors[RecordKind.BENEFICIARY]
    assert set(editor.label_edits) == {"en"}

    qtbot.keyClicks(languages, ", es")
    qtbot.keyClick(languages, Qt.Key.Key_Return)
    problems = dialog.problem_texts()
    assert 'beneficiary.fields[0].label: has no text in "es"' in problems
    assert 'beneficiary.sections[0].label: has no text in "es"' in problems
    editor.field_list.setCurrentRow(0)
    qtbot.keyClicks(editor.label_edits["es"], "Tutor")
    assert 'beneficiary.fields[0].label: has no text in "es"' not in dialog.problem_texts()
    assert not dialog.export_button.isEnabled()  # the others still lack theirs


def test_the_built_in_fields_a_referral_shares_are_ticked_on_their_tab(qtbot):
    """Issue 14 point 5: nothing is shared until ticked; a custom field has its own box."""
    dialog = shown_dialog(qtbot, draft=forms.EMPTY, published=forms.EMPTY)
    editor = dialog.editors[RecordKind.BENEFICIARY]
    assert not any(box.isChecked() for box in editor.shared_builtins.values())
    assert "shareable" not in dialog.document["beneficiary"]
    assert dialog.editors[RecordKind.SESSION].shared_builtins == {}
    editor.pages.setCurrentIndex(editor.pages.count() - 1)
    for name in ("first_name", "date_of_birth"):
        box = editor.shared_builtins[name]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert dialog.document["beneficiary"]["shareable"] == ["first_name", "date_of_birth"]
    assert dialog.checked.beneficiary.shareable_builtins == ("first_name", "date_of_birth")
    qtbot.keyClick(editor.shared_builtins["first_name"], Qt.Key.Key_Space)
    assert dialog.checked.beneficiary.shareable_builtins == ("date_of_birth",)

    qtbot.mouseClick(editor.add_button, LEFT)
    qtbot.keyClicks(editor.key, "school")
    editor.flags["shareable"].setFocus()
    qtbot.keyClick(editor.flags["shareable"], Qt.Key.Key_Space)
    assert [f.key for f in dialog.checked.beneficiary.where(shareable=True)] == ["school"]
