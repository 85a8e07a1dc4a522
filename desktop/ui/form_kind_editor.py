"""One record kind's page of Admin → Forms: its fields, sections and choices, the
selected field's rows, and the live preview of the form a caseworker will get.

Every change writes into the dialog's document (``FormsAdminDialog.document``), which the
dialog reads again as an imported file is read (desktop/ui/forms_admin.py).
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Entity
from desktop.domain.forms import (
    FIELD_FLAGS,
    SHAREABLE_BUILTINS,
    CustomKind,
    FormSet,
    RecordKind,
)
from desktop.ui.custom_fields import CustomFieldsPanel
from desktop.ui.fields import field_text
from desktop.ui.help import ui_language

if TYPE_CHECKING:
    from desktop.ui.forms_admin import FormsAdminDialog

log = logging.getLogger(__name__)

# The field's yes/no flags shown as check boxes (required and retired have rows of their own).
_FLAGS = tuple(name for name in FIELD_FLAGS if name not in ("required", "retired"))


def push_button(parent: QWidget, text: str, name: str, slot) -> QPushButton:
    """A dialog's push button that Enter never presses by accident (not auto-default)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button


def _kind_names() -> dict[CustomKind, str]:
    return {
        CustomKind.TEXT: QCoreApplication.translate("KindEditor", "Text"),
        CustomKind.LONG_TEXT: QCoreApplication.translate("KindEditor", "Long text"),
        CustomKind.INTEGER: QCoreApplication.translate("KindEditor", "Whole number"),
        CustomKind.DECIMAL: QCoreApplication.translate("KindEditor", "Decimal number"),
        CustomKind.DATE: QCoreApplication.translate("KindEditor", "Date"),
        CustomKind.YES_NO: QCoreApplication.translate("KindEditor", "Yes / no"),
        CustomKind.CHOICE: QCoreApplication.translate("KindEditor", "One choice"),
        CustomKind.CHOICES: QCoreApplication.translate("KindEditor", "Several choices"),
    }


def _typed_number(text: str) -> Any:
    """A bound or a length as typed: a whole number as a number, anything else as text
    (the definition's check then says what is wrong with it, and where)."""
    text = text.strip()
    return int(text) if re.fullmatch(r"-?\d{1,18}", text) else text


class KindEditor(QWidget):
    """The fields of one record kind: their list, the selected one's editor, the sections
    and the preview."""

    edited = Signal()

    def __init__(self, dialog: FormsAdminDialog, kind: RecordKind):
        super().__init__(dialog)
        self.dialog = dialog
        self.kind = kind
        self.setObjectName(f"{kind.value}Editor")
        self._row: int | None = None  # the field being edited (index in the document)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        # -- the list of fields and the sections --------------------------------------------
        left = QWidget(splitter)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        fields_label = QLabel(self.tr("&Fields"), left)
        left_box.addWidget(fields_label)
        self.field_list = QListWidget(left)
        self.field_list.setObjectName("fieldList")
        self.field_list.setAccessibleName(self.tr("Fields"))
        fields_label.setBuddy(self.field_list)
        self.field_list.currentRowChanged.connect(self._select)
        listing = QHBoxLayout()
        listing.addWidget(self.field_list, 1)
        self.field_list.setMinimumHeight(150)
        buttons = QVBoxLayout()
        self.add_button = push_button(self, self.tr("&Add field"), "addField", self.add_field)
        self.retire_button = push_button(
            self, self.tr("Re&tire"), "retireField", self.toggle_retired
        )
        self.up_button = push_button(self, self.tr("Move &up"), "moveUp", lambda: self.move(-1))
        self.down_button = push_button(
            self, self.tr("Move do&wn"), "moveDown", lambda: self.move(1)
        )
        self.remove_button = push_button(self, self.tr("Remo&ve"), "removeField", self.remove_field)
        self.remove_button.setToolTip(self.tr("Only a field never published can be removed"))
        for button in (
            self.add_button,
            self.retire_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        listing.addLayout(buttons)
        left_box.addLayout(listing)
        # Below the list: the selected field's editor, or the sections (a tab each).
        self.pages = QTabWidget(left)
        self.pages.setObjectName("editorPages")
        left_box.addWidget(self.pages, 3)
        sections_page = QWidget(self.pages)
        sections_box = QVBoxLayout(sections_page)
        self.sections = QTableWidget(0, 1, sections_page)
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.verticalHeader().hide()
        self.sections.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sections.itemChanged.connect(self._sections_edited)
        sections_box.addWidget(self.sections, 1)
        section_buttons = QHBoxLayout()
        section_buttons.addWidget(
            push_button(self, self.tr("Add section"), "addSection", self.add_section)
        )
        section_buttons.addWidget(
            push_button(self, self.tr("Remove section"), "removeSection", self.remove_section)
        )
        sections_box.addLayout(section_buttons)

        # -- the selected field ---------------------------------------------------------------
        editor_scroll = QScrollArea(self.pages)
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.editor = QWidget(editor_scroll)
        self.editor.setObjectName("fieldEditor")
        editor_scroll.setWidget(self.editor)
        self.pages.addTab(editor_scroll, self.tr("Field"))
        self.pages.addTab(sections_page, self.tr("Sectio&ns"))
        # The built-in fields a referral shares (beneficiaries only): nothing unless ticked.
        self.shared_builtins: dict[str, QCheckBox] = {}
        if kind is RecordKind.BENEFICIARY:
            shared_page = QWidget(self.pages)
            shared_page.setObjectName("sharedBuiltins")
            shared_box = QVBoxLayout(shared_page)
            hint = QLabel(
                self.tr("Built-in fields sent with a referral to another organisation:"),
                shared_page,
            )
            hint.setWordWrap(True)
            shared_box.addWidget(hint)
            grid = QGridLayout()
            for at, name in enumerate(SHAREABLE_BUILTINS):
                box = QCheckBox(field_text(Entity.BENEFICIARY, name), shared_page)
                box.setObjectName(f"share_{name}")
                box.toggled.connect(self._write_shared)
                grid.addWidget(box, at // 2, at % 2)
                self.shared_builtins[name] = box
            shared_box.addLayout(grid)
            shared_box.addStretch(1)
            self.pages.addTab(shared_page, self.tr("S&hared"))
        self.form = QFormLayout(self.editor)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.key = self._line("key", self.tr("&Key"))
        self.key.setToolTip(
            self.tr("Lowercase letters, digits and _; a published field's key never changes")
        )
        self.kind_box = QComboBox(self.editor)
        self.kind_box.setObjectName("kind")
        for kind, name in _kind_names().items():
            self.kind_box.addItem(name, kind.value)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self._row_of(self.tr("K&ind"), self.kind_box)
        self.label_edits: dict[str, QLineEdit] = {}
        self.help_edits: dict[str, QLineEdit] = {}
        self._labels_at = self.form.rowCount()  # the label and help rows go here
        self.section_box = QComboBox(self.editor)
        self.section_box.setObjectName("section")
        self.section_box.currentIndexChanged.connect(self._write_field)
        self._row_of(self.tr("S&ection"), self.section_box)
        self.required = QCheckBox(self.tr("&Required"), self.editor)
        self.required.setObjectName("required")
        self.required.toggled.connect(self._write_field)
        self.form.addRow("", self.required)
        self.minimum = self._line("minimum", self.tr("Mi&nimum"))
        self.maximum = self._line("maximum", self.tr("Ma&ximum"))
        self.max_length = self._line("max_length", self.tr("Max &length"))
        self.pattern = self._line("pattern", self.tr("&Pattern"))
        self.pattern.setToolTip(self.tr("A regular expression the whole value must match"))
        self.choices_group = QGroupBox(self.tr("Choices"), self.editor)
        choices_box = QVBoxLayout(self.choices_group)
        self.choices = QTableWidget(0, 1, self.choices_group)
        self.choices.setObjectName("choices")
        self.choices.setAccessibleName(self.tr("Choices"))
        self.choices.verticalHeader().hide()
        self.choices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.choices.setMinimumHeight(110)
        self.choices.itemChanged.connect(self._write_field)
        choices_box.addWidget(self.choices)
        choice_buttons = QHBoxLayout()
        choice_buttons.addWidget(
            push_button(self, self.tr("Add choice"), "addChoice", self.add_choice)
        )
        choice_buttons.addWidget(
            push_button(self, self.tr("Remove choice"), "removeChoice", self.remove_choice)
        )
        choices_box.addLayout(choice_buttons)
        self.form.addRow(self.choices_group)
        flags = QGroupBox(self.tr("Used in"), self.editor)
        flags_box = QGridLayout(flags)
        flag_texts = {
            "personal": self.tr("Personal data (cleared when erased)"),
            "column": self.tr("A list column"),
            "filter": self.tr("A list filter"),
            "searchable": self.tr("Searchable"),
            "identifying": self.tr("Identifies a person (duplicate check)"),
            "shareable": self.tr("Shared in a referral to another organisation"),
        }
        self.flags: dict[str, QCheckBox] = {}
        for at, name in enumerate(_FLAGS):
            box = QCheckBox(flag_texts[name], flags)
            box.setObjectName(name)
            box.toggled.connect(self._write_field)
            flags_box.addWidget(box, at, 0)
            self.flags[name] = box
        self.form.addRow(flags)
        self.retired_note = QLabel(self.tr("Retired: hidden from new entry, stored values kept"))
        self.retired_note.setProperty("role", "hint")
        self.form.addRow(self.retired_note)

        # -- the preview -----------------------------------------------------------------
        right = QWidget(splitter)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        preview_label = QLabel(self.tr("Preview: the form as a caseworker sees it"), right)
        preview_label.setProperty("role", "hint")
        right_box.addWidget(preview_label)
        self.preview_scroll = QScrollArea(right)
        self.preview_scroll.setObjectName("preview")
        self.preview_scroll.setWidgetResizable(True)
        right_box.addWidget(self.preview_scroll, 1)
        self.preview: CustomFieldsPanel | None = None
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 740])
        self.splitter = splitter

    # -- building helpers ------------------------------------------------------------------

    def _line(self, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self.editor)
        edit.setObjectName(name)
        edit.textEdited.connect(self._write_field)
        self._row_of(label, edit)
        return edit

    def _row_of(self, label: str, widget: QWidget) -> QLabel:
        shown = QLabel(label, self.editor)
        shown.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        self.form.addRow(shown, widget)
        return shown

    # -- the document ------------------------------------------------------------------------

    @property
    def document(self) -> dict[str, Any]:
        return self.dialog.document[self.kind.value]

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.document.setdefault("fields", [])

    @property
    def languages(self) -> list[str]:
        return self.dialog.languages

    def published_keys(self) -> set[str]:
        return {item.key for item in self.dialog.published.of(self.kind).fields}

    def _write_shared(self, *_args) -> None:
        names = [name for name, box in self.shared_builtins.items() if box.isChecked()]
        if names:
            self.document["shareable"] = names
        else:
            self.document.pop("shareable", None)
        self.edited.emit()

    def reload(self, select: int | None = None) -> None:
        """The list, the sections and the editor from the document (after a load or a
        change of languages)."""
        shared = set(self.document.get("shareable") or [])
        for name, box in self.shared_builtins.items():
            with QSignalBlocker(box):
                box.setChecked(name in shared)
        self._rebuild_language_rows()
        self._fill_sections()
        self._fill_list(self.field_list.currentRow() if select is None else select)

    def _fill_list(self, select: int) -> None:
        with QSignalBlocker(self.field_list):
            self.field_list.clear()
            for raw in self.fields:
                self.field_list.addItem(QListWidgetItem(self._list_text(raw)))
        row = min(max(select, 0), len(self.fields) - 1)
        self.field_list.setCurrentRow(row)
        self._select(row)

    def _list_text(self, raw: dict[str, Any]) -> str:
        labels = raw.get("label") or {}
        label = (labels.get(ui_language()) or labels.get(self.languages[0]) or "").strip()
        text = f"{label} [{raw.get('key', '')}]" if label else str(raw.get("key", ""))
        if raw.get("retired"):
            text += " " + self.tr("(retired)")
        return text

    def _rebuild_language_rows(self) -> None:
        for edit in [*self.label_edits.values(), *self.help_edits.values()]:
            self.form.removeRow(edit)
        self.label_edits, self.help_edits = {}, {}
        row = self._labels_at
        for language in self.languages:
            for target, name, text in (
                (self.label_edits, "label", self.tr("Label (%1)")),
                (self.help_edits, "help", self.tr("Help (%1)")),
            ):
                edit = QLineEdit(self.editor)
                edit.setObjectName(f"{name}_{language}")
                shown = text.replace("%1", language)
                edit.setAccessibleName(shown)
                edit.textEdited.connect(self._write_field)
                label = QLabel(shown)
                label.setBuddy(edit)
                self.form.insertRow(row, label, edit)
                row += 1
                target[language] = edit
        headers = [self.tr("Key"), *self.languages]  # a label per language
        for table in (self.sections, self.choices):
            with QSignalBlocker(table):
                table.setColumnCount(len(headers))
                table.setHorizontalHeaderLabels(
                    headers if table is self.sections else [self.tr("Value"), *headers[1:]]
                )

    def _fill_sections(self) -> None:
        sections = self.document.setdefault("sections", [])
        with QSignalBlocker(self.sections):
            self.sections.setRowCount(len(sections))
            for row, section in enumerate(sections):
                self._fill_table_row(self.sections, row, section.get("key", ""), section)
        with QSignalBlocker(self.section_box):
            self.section_box.clear()
            self.section_box.addItem(self.tr("(no section)"), None)
            for section in sections:
                key = section.get("key", "")
                label = (section.get("label") or {}).get(self.languages[0], "")
                self.section_box.addItem(f"{label} [{key}]" if label else key, key)

    def _fill_table_row(self, table: QTableWidget, row: int, key: str, raw: dict) -> None:
        labels = raw.get("label") or {}
        if isinstance(labels, str):
            labels = {self.languages[0]: labels}
        table.setItem(row, 0, QTableWidgetItem(str(key)))
        for column, language in enumerate(self.languages, start=1):
            table.setItem(row, column, QTableWidgetItem(labels.get(language, "")))

    def _table_rows(self, table: QTableWidget, key_name: str) -> list[dict[str, Any]]:
        rows = []
        for row in range(table.rowCount()):
            key = table.item(row, 0)
            labels = {}
            for column, language in enumerate(self.languages, start=1):
                item = table.item(row, column)
                if item is not None and item.text().strip():
                    labels[language] = item.text().strip()
            rows.append({key_name: key.text().strip() if key else "", "label": labels})
        return rows

    # -- the selected field --------------------------------------------------------------------

    def _select(self, row: int) -> None:
        self._row = row if 0 <= row < len(self.fields) else None
        self.editor.setEnabled(self._row is not None)
        raw = self.fields[self._row] if self._row is not None else {}
        widgets = [
            self.key,
            self.kind_box,
            self.section_box,
            self.required,
            self.minimum,
            self.maximum,
            self.max_length,
            self.pattern,
            self.choices,
            *self.flags.values(),
            *self.label_edits.values(),
            *self.help_edits.values(),
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        self.key.setText(str(raw.get("key", "")))
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(raw.get("kind", "text"))))
        self.section_box.setCurrentIndex(max(0, self.section_box.findData(raw.get("section"))))
        self.required.setChecked(bool(raw.get("required")))
        for name in ("minimum", "maximum", "max_length", "pattern"):
            value = raw.get(name)
            getattr(self, name).setText("" if value is None else str(value))
        choices = raw.get("choices") or []
        self.choices.setRowCount(len(choices))
        for at, choice in enumerate(choices):
            self._fill_table_row(self.choices, at, choice.get("value", ""), choice)
        for name, box in self.flags.items():
            box.setChecked(bool(raw.get(name)))
        for target, name in ((self.label_edits, "label"), (self.help_edits, "help")):
            texts = raw.get(name) or {}
            if isinstance(texts, str):
                texts = {self.languages[0]: texts}
            for language, edit in target.items():
                edit.setText(texts.get(language, ""))
        del blockers
        published = raw.get("key") in self.published_keys()
        self.key.setReadOnly(published)
        self.retired_note.setVisible(bool(raw.get("retired")))
        self._show_kind_rows()
        self._update_buttons()

    def _kind(self) -> CustomKind:
        return CustomKind(self.kind_box.currentData())

    def _show_kind_rows(self) -> None:
        """Only what the kind has: bounds, a length and a pattern, or choices."""
        kind = self._kind()
        for widget, shown in (
            (self.minimum, kind.is_bounded),
            (self.maximum, kind.is_bounded),
            (self.max_length, kind.is_text),
            (self.pattern, kind is CustomKind.TEXT),
            (self.choices_group, kind.has_choices),
        ):
            self.form.setRowVisible(widget, shown)
        placeholder = {CustomKind.DATE: "YYYY-MM-DD", CustomKind.DECIMAL: "12.5"}.get(kind, "")
        self.minimum.setPlaceholderText(placeholder)
        self.maximum.setPlaceholderText(placeholder)

    def _kind_changed(self) -> None:
        self._show_kind_rows()
        self._write_field()

    def _write_field(self, *_args) -> None:
        """The editor's values into the selected field of the document (what the kind
        does not have is left out), then the whole definition is read again."""
        if self._row is None:
            return
        old = self.fields[self._row]
        kind = self._kind()
        raw: dict[str, Any] = {"key": self.key.text().strip(), "kind": kind.value}
        raw["label"] = {
            language: edit.text() for language, edit in self.label_edits.items() if edit.text()
        }
        helps = {language: e.text() for language, e in self.help_edits.items() if e.text()}
        if helps:
            raw["help"] = helps
        if self.section_box.currentData() is not None:
            raw["section"] = self.section_box.currentData()
        if kind.is_bounded:
            for name in ("minimum", "maximum"):
                text = getattr(self, name).text().strip()
                if text:
                    raw[name] = _typed_number(text) if kind is CustomKind.INTEGER else text
        if kind.is_text and self.max_length.text().strip():
            raw["max_length"] = _typed_number(self.max_length.text())
        if kind is CustomKind.TEXT and self.pattern.text():
            raw["pattern"] = self.pattern.text()
        if kind.has_choices:
            raw["choices"] = self._table_rows(self.choices, "value")
        if self.required.isChecked():
            raw["required"] = True
        for name, box in self.flags.items():
            if box.isChecked():
                raw[name] = True
        if old.get("retired"):
            raw["retired"] = True
        self.fields[self._row] = raw
        self.field_list.item(self._row).setText(self._list_text(raw))
        self._update_buttons()
        self.edited.emit()

    def _update_buttons(self) -> None:
        row = self._row
        has = row is not None
        self.retire_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.fields) - 1)
        published = has and self.fields[row].get("key") in self.published_keys()
        self.remove_button.setEnabled(has and not published)
        retired = has and bool(self.fields[row].get("retired"))
        self.retire_button.setText(self.tr("Res&tore") if retired else self.tr("Re&tire"))

    # -- the list's actions --------------------------------------------------------------------

    def add_field(self) -> None:
        taken = {raw.get("key") for raw in self.fields}
        number = len(self.fields) + 1
        while f"field_{number}" in taken:
            number += 1
        label = self.tr("New field")
        self.fields.append(
            {
                "key": f"field_{number}",
                "kind": "text",
                "label": dict.fromkeys(self.languages, label),
            }
        )
        self._fill_list(len(self.fields) - 1)
        self.edited.emit()
        self.key.setFocus()
        self.key.selectAll()

    def toggle_retired(self) -> None:
        if self._row is None:
            return
        raw = self.fields[self._row]
        if raw.get("retired"):
            raw.pop("retired")
        else:
            raw["retired"] = True
        self._fill_list(self._row)
        self.edited.emit()

    def move(self, step: int) -> None:
        row = self._row
        if row is None or not 0 <= row + step < len(self.fields):
            return
        fields = self.fields
        fields[row], fields[row + step] = fields[row + step], fields[row]
        self._fill_list(row + step)
        self.edited.emit()

    def remove_field(self) -> None:
        row = self._row
        if row is None or self.fields[row].get("key") in self.published_keys():
            return  # a published field is retired, never removed (forms.changes_refused)
        del self.fields[row]
        self._fill_list(row)
        self.edited.emit()

    def add_section(self) -> None:
        sections = self.document.setdefault("sections", [])
        taken = {s.get("key") for s in sections}
        number = len(sections) + 1
        while f"section_{number}" in taken:
            number += 1
        sections.append(
            {"key": f"section_{number}", "label": dict.fromkeys(self.languages, self.tr("Section"))}
        )
        self._fill_sections()
        self._select(self.field_list.currentRow())
        self.sections.setCurrentCell(len(sections) - 1, 0)
        self.edited.emit()

    def remove_section(self) -> None:
        row = self.sections.currentRow()
        sections = self.document.get("sections", [])
        if not 0 <= row < len(sections):
            return
        key = sections.pop(row).get("key")
        for raw in self.fields:  # its fields are left without a section, not lost
            if raw.get("section") == key:
                raw.pop("section")
        self._fill_sections()
        self._select(self.field_list.currentRow())
        self.edited.emit()

    def _sections_edited(self, _item=None) -> None:
        rows = self._table_rows(self.sections, "key")
        old = self.document.get("sections", [])
        renamed = {
            before.get("key"): after["key"] for before, after in zip(old, rows, strict=False)
        }
        for raw in self.fields:  # a section's new key follows into its fields
            if raw.get("section") in renamed:
                raw["section"] = renamed[raw["section"]]
        self.document["sections"] = rows
        selected = self.section_box.currentData()
        self._fill_sections()
        self.section_box.setCurrentIndex(
            max(0, self.section_box.findData(renamed.get(selected, selected)))
        )
        self.edited.emit()

    def add_choice(self) -> None:
        row = self.choices.rowCount()
        with QSignalBlocker(self.choices):
            self.choices.setRowCount(row + 1)
            label = self.tr("Choice %1").replace("%1", str(row + 1))
            self._fill_table_row(
                self.choices,
                row,
                f"choice_{row + 1}",
                {"label": dict.fromkeys(self.languages, label)},
            )
        self.choices.setCurrentCell(row, 0)
        self._write_field()

    def remove_choice(self) -> None:
        row = self.choices.currentRow()
        if row >= 0:
            self.choices.removeRow(row)
            self._write_field()

    # -- the preview ---------------------------------------------------------------------------

    def show_preview(self, forms_set: FormSet) -> None:
        """The caseworker's form for this kind, rebuilt from the checked definition."""
        old = self.preview
        self.preview = CustomFieldsPanel(
            forms_set.of(self.kind), forms_set.default_language, parent=self.preview_scroll
        )
        self.preview.setObjectName("previewPanel")
        self.preview_scroll.setWidget(self.preview)  # the old one is deleted by the scroll area
        del old

    def fit_preview(self, width: int) -> None:
        """The preview as wide as the caseworker's form needs (its two columns side by
        side), the list and the editor in what is left of ``width``."""
        if self.preview is None:
            return
        bar = self.preview_scroll.verticalScrollBar().sizeHint().width()
        need = self.preview.sizeHint().width() + bar + 8
        editing = max(420, width - need)
        self.splitter.setSizes([editing, max(0, width - editing)])
