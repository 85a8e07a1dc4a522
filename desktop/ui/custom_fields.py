"""The organisation's own fields in a form: one input per custom field, by section.

Built from a ``forms.FormDefinition`` (``desktop.domain.forms``) for the record forms
and for the admin's live preview alike, so the preview is the form a caseworker gets.
Labels and help are the organisation's own, in the interface's language when the
definition has it, else in its first language; the words around them (messages, marks,
"yes"/"no") are the app's, translated by Qt.

Values are read as ``forms.clean_value`` takes them (key → text, int, ISO date, bool,
choice value, list of choice values; None when empty). A stored value the definition no
longer accepts (``forms.stored_flags``: retired field, kind changed, choice removed, a
field this laptop does not know yet) is shown read-only with a mark saying why, and is
read back exactly as it was stored, so saving the form leaves it untouched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import forms
from desktop.domain.forms import CustomField, CustomKind, FormDefinition, StoredFlag
from desktop.domain.problems import Problem
from desktop.ui.dates import format_date
from desktop.ui.fields import custom_value_text as shown_value
from desktop.ui.fields import yes_no
from desktop.ui.help import ui_language
from desktop.ui.messages import plain_label, render
from desktop.ui.widgets import DateEdit, FieldError, add_labelled_row, mark_invalid

PREFIX = "custom."  # a custom field's name in a form and in a ValidationError's problems
MARK = "⚠"  # beside a value kept as stored (the explanation says why)
_WHOLE = re.compile(r"\s*-?\d{1,18}\s*")


def name_of(key: str) -> str:
    """A custom field's name in the form and in problems: ``custom.<key>``."""
    return PREFIX + key


def key_of(name: str) -> str | None:
    return name[len(PREFIX) :] if name.startswith(PREFIX) else None


def pick_label(labels: Mapping[str, str], language: str, default_language: str) -> str:
    """An organisation's text (a section's label, a field's help) in ``language``, else
    in the definition's first language, as the domain picks a field's label."""
    return forms._pick(labels, language, default_language)


Row = tuple[CustomField | None, str]  # the field (None: unknown to this definition), its key


def grouped(
    definition: FormDefinition, flags: Mapping[str, StoredFlag]
) -> list[tuple[forms.Section | None, list[Row]]]:
    """The rows a form or a detail shows, by section in the definition's order: fields
    without a section first, then each section's; a retired field only when it holds a
    value; stored values of fields the definition does not have, last of the first group."""
    rows: dict[str | None, list[Row]] = {None: []}
    for section in definition.sections:
        rows[section.key] = []
    for item in definition.fields:
        if item.retired and item.key not in flags:
            continue  # retired and empty here: nothing to show
        rows.setdefault(item.section, []).append((item, item.key))
    rows[None] += [(None, key) for key, flag in flags.items() if flag is StoredFlag.UNKNOWN]
    by_key = {section.key: section for section in definition.sections}
    return [(by_key.get(key), items) for key, items in rows.items() if items]


# -- messages -------------------------------------------------------------------------------


def _bound_text(value: int | Decimal | date | None) -> str:
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)


def problem_text(label: str, problem: Problem | str) -> str:
    """A custom value's problem (as the service and ``forms.value_problem`` word it) as
    a sentence naming the field by ``label``, its label as the form shows it."""
    return problem if isinstance(problem, str) else render(problem, label)


def flag_text(flag: StoredFlag) -> str:
    """Why a stored value is shown read-only."""
    return {
        StoredFlag.UNKNOWN: QCoreApplication.translate(
            "CustomFields",
            "Written with a newer form than this laptop has: kept as it is until a sync "
            "brings that form.",
        ),
        StoredFlag.KIND_CHANGED: QCoreApplication.translate(
            "CustomFields",
            "The field has changed kind since this was written: kept as it was, not editable.",
        ),
        StoredFlag.CHOICE_REMOVED: QCoreApplication.translate(
            "CustomFields", "This choice is no longer offered: kept as it was, not editable."
        ),
        StoredFlag.RETIRED: QCoreApplication.translate(
            "CustomFields", "This field is retired: its value is kept and cannot change."
        ),
    }[flag]


# -- one input ------------------------------------------------------------------------------


class ChoicesBox(QWidget):
    """Several choices: a check box per choice, in columns when there are many."""

    changed = Signal()

    def __init__(self, item: CustomField, language: str, default_language: str, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        columns = 1 if len(item.choices) <= 4 else 2 if len(item.choices) <= 12 else 3
        rows = -(-len(item.choices) // columns)
        self.boxes: dict[str, QCheckBox] = {}
        for at, choice in enumerate(item.choices):
            box = QCheckBox(item.choice_label(choice.value, language, default_language), self)
            box.setObjectName(f"choice_{item.key}_{choice.value}")
            box.toggled.connect(self.changed)
            grid.addWidget(box, at % rows, at // rows)  # down the first column, then on
            self.boxes[choice.value] = box

    def value(self) -> list[str] | None:
        chosen = [value for value, box in self.boxes.items() if box.isChecked()]
        return chosen or None

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for choice, box in self.boxes.items():
            box.setChecked(choice in chosen)


class CustomInput:
    """One custom field's row: its widget, label and message line.

    Shaped like the record form's own rows (``name``, ``widget``, ``error``, ``label``,
    ``texts``, ``required``, ``value()``, ``set_value()``, ``changed_signal()``), so the
    form's inline messages, re-checks and accelerators treat it as one of its fields.
    """

    def __init__(
        self,
        item: CustomField,
        widget: QWidget,
        error: FieldError,
        label: QLabel,
        texts: tuple[str, str],
    ):
        self.item = item
        self.key = item.key
        self.name = name_of(item.key)
        self.widget = widget
        self.error = error
        self.label = label
        self.texts = texts
        self.required = item.required

    def changed_signal(self):
        w = self.widget
        if isinstance(w, ChoicesBox):
            return w.changed
        if isinstance(w, QComboBox):
            return w.currentIndexChanged
        return w.textChanged

    def value(self) -> Any:
        w, kind = self.widget, self.item.kind
        if isinstance(w, ChoicesBox):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText() or None
        if isinstance(w, DateEdit):
            return w.iso() or None
        text = w.text().strip()
        if not text:
            return None
        if kind is CustomKind.INTEGER:
            return int(text) if _WHOLE.fullmatch(text) else text
        if kind is CustomKind.DECIMAL:
            return _decimal_typed(text)
        return text

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, ChoicesBox):
            w.set_value(value)
        elif isinstance(w, QComboBox):
            index = w.findData(value) if value is not None else -1
            # Nothing stored: the "not recorded" entry, or no entry (the placeholder).
            w.setCurrentIndex(index if index >= 0 else (0 if w.itemData(0) is None else -1))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, DateEdit):
            w.set_date(value)
        elif isinstance(value, str) and self.item.kind is CustomKind.DECIMAL:
            w.setText(value.replace(".", QLocale().decimalPoint()))
        else:
            w.setText("" if value is None else str(value))


def _decimal_typed(text: str) -> str:
    """A number as typed, with the person's decimal separator made a point ("12,5")."""
    point = QLocale().decimalPoint()
    if point != "." and point in text:
        text = text.replace(QLocale().groupSeparator(), "").replace(point, ".")
    elif "," in text and "." not in text:
        text = text.replace(",", ".")
    return text


# -- the panel ------------------------------------------------------------------------------


class CustomFieldsPanel(QWidget):
    """Every custom field of ``definition``, grouped by section, two columns per section.

    ``stored``: the record's custom values (``record.custom``); those the definition
    would not accept now are shown read-only and marked. ``language``: the labels'
    language (default: the interface's).
    """

    changed = Signal()

    def __init__(
        self,
        definition: FormDefinition,
        default_language: str,
        *,
        stored: Mapping[str, Any] | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("customFields")
        self.definition = definition
        self.default_language = default_language
        self.language = language or ui_language()
        self.stored: dict[str, Any] = dict(stored or {})
        self.flags = forms.stored_flags(definition, self.stored)
        self.inputs: dict[str, CustomInput] = {}  # key → input, in form order
        self.kept: dict[str, QLineEdit] = {}  # key → read-only value kept as stored
        self.headings: dict[str | None, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        for section, items in grouped(definition, self.flags):
            if section is not None:
                heading = QLabel(
                    pick_label(section.labels, self.language, default_language) or section.key,
                    self,
                )
                heading.setObjectName(f"section_{section.key}")
                heading.setProperty("role", "section-heading")
                heading.setStyleSheet("font-weight: bold; color: #1f3f6e; padding-top: 6px;")
                outer.addWidget(heading)
                self.headings[section.key] = heading
            columns = QHBoxLayout()
            half = -(-len(items) // 2)
            for part in (items[:half], items[half:]):
                if columns.count():
                    # A gap, not the row's spacing: the columns would pass that on as the
                    # forms' row spacing (as in the record form's own columns).
                    columns.addSpacing(24)
                form = QFormLayout()
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
                form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                for item, key in part:
                    self._add_row(form, item, key)
                columns.addLayout(form, 1)
            outer.addLayout(columns)
        outer.addStretch(1)  # room the form gives beyond the rows' own goes below them
        self.set_values(self.stored)

    def _add_row(self, form: QFormLayout, item: CustomField | None, key: str) -> None:
        label = item.label(self.language, self.default_language) if item else key
        english = item.label("en", self.default_language) if item else key
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        help_text = ""
        if item is not None and item.help:
            help_text = pick_label(item.help, self.language, self.default_language)
        if key in self.flags:  # kept as stored, read-only, with the reason under it
            flag = self.flags[key]
            value = shown_value(item, self.stored[key], self.language, self.default_language)
            shown = QLineEdit(value, self)
            shown.setReadOnly(True)
            shown.setObjectName(name_of(key))
            shown.setAccessibleName(label)
            shown.setProperty("kept", True)
            shown.setStyleSheet("background: #eceef1; color: #4a5565;")
            why = QLabel(f"{MARK} {flag_text(flag)}", self)
            why.setObjectName(f"flag_{key}")
            why.setProperty("role", "hint")
            why.setWordWrap(True)
            shown.setToolTip(flag_text(flag))
            box.addWidget(shown)
            box.addWidget(why)
            add_labelled_row(form, f"{label} {MARK}", holder, shown)
            self.kept[key] = shown
            return
        assert item is not None
        widget = self._widget_for(item)
        widget.setObjectName(name_of(key))
        shown_label = label + (" *" if item.required else "")
        widget.setAccessibleName(shown_label)
        if help_text:
            widget.setToolTip(help_text)
            widget.setStatusTip(help_text)
            widget.setAccessibleDescription(help_text)
        error = FieldError(name_of(key), self)
        # The row takes the column's width, so a message under a narrow combo box wraps
        # at the column's edge, not the box's; the box itself keeps its own width.
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        narrow = isinstance(widget, QComboBox) or widget.maximumWidth() < 1000
        box.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeading if narrow else Qt.AlignmentFlag(0))
        box.addWidget(error)
        row_label = add_labelled_row(form, shown_label, holder, widget)
        if help_text:
            row_label.setToolTip(help_text)
        entry = CustomInput(item, widget, error, row_label, (label, english))
        entry.changed_signal().connect(self.changed)
        self.inputs[key] = entry

    def _widget_for(self, item: CustomField) -> QWidget:
        kind = item.kind
        if kind is CustomKind.LONG_TEXT:
            box = QPlainTextEdit(self)
            box.setTabChangesFocus(True)
            box.ensurePolished()
            lines = 3 * box.fontMetrics().lineSpacing() + 14
            box.setMinimumHeight(max(48, lines))
            box.setMaximumHeight(max(48, lines) * 2)
            return box
        if kind is CustomKind.DATE:
            return DateEdit(self)
        if kind in (CustomKind.CHOICE, CustomKind.YES_NO):
            entries = (
                [(yes_no(True), True), (yes_no(False), False)]
                if kind is CustomKind.YES_NO
                else [
                    (item.choice_label(c.value, self.language, self.default_language), c.value)
                    for c in item.choices
                ]
            )
            combo = QComboBox(self)
            if not item.required:  # one must be chosen when required: no "none" entry
                combo.addItem(QCoreApplication.translate("CustomFields", "(not recorded)"), None)
            for text, value in entries:
                combo.addItem(text, value)
            if item.required:
                combo.setPlaceholderText(QCoreApplication.translate("CustomFields", "Choose…"))
            return combo
        if kind is CustomKind.CHOICES:
            return ChoicesBox(item, self.language, self.default_language, self)
        line = QLineEdit(self)
        if kind is CustomKind.TEXT:
            line.setMaxLength(item.length_limit)
        elif kind in (CustomKind.INTEGER, CustomKind.DECIMAL):
            low, high = _bound_text(item.minimum), _bound_text(item.maximum)
            if low and high:
                line.setPlaceholderText(
                    QCoreApplication.translate("CustomFields", "%1 to %2")
                    .replace("%1", low)
                    .replace("%2", high)
                )
            elif low:
                line.setPlaceholderText(
                    QCoreApplication.translate("CustomFields", "at least %1").replace("%1", low)
                )
            elif high:
                line.setPlaceholderText(
                    QCoreApplication.translate("CustomFields", "at most %1").replace("%1", high)
                )
            line.setMaximumWidth(160)
        return line

    # -- values --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Key → value for every field shown: typed ones (None when empty), and the ones
        kept as stored exactly as they were."""
        found = {key: entry.value() for key, entry in self.inputs.items()}
        found.update({key: self.stored[key] for key in self.kept})
        return found

    def set_values(self, custom: Mapping[str, Any]) -> None:
        """Fills the inputs from a record's ``.custom`` (the kept rows stay as built)."""
        for key, entry in self.inputs.items():
            with QSignalBlocker(entry.widget):
                entry.set_value(custom.get(key))

    def problems(self, values: Mapping[str, Any] | None = None) -> dict[str, str]:
        """``custom.<key>`` → message for what the definition refuses in ``values``."""
        values = self.values() if values is None else values
        _cleaned, found, _incomplete = forms.check_values(
            self.definition, values, stored=self.stored, require=True
        )
        return {
            name_of(key): self.message(
                key,
                forms.value_problem(
                    self.definition.field(key), key, problem, values.get(key), self.language
                ),
            )
            for key, problem in found.items()
        }

    def message(self, key: str, problem: Problem | str) -> str:
        """``problem`` of the field ``key`` in words, naming it as the form does."""
        entry = self.inputs.get(key)
        item = self.definition.field(key)
        label = (
            plain_label(entry.label.text()).removesuffix(" *")
            if entry is not None
            else item.label(self.language, self.default_language)
            if item is not None
            else key
        )
        return problem_text(label, problem)

    def show_errors(self, errors: Mapping[str, str | Problem]) -> QWidget | None:
        """Messages under their fields (names ``custom.<key>``); the first field with one
        is returned (for the focus)."""
        first = None
        for key, entry in self.inputs.items():
            message = errors.get(entry.name, "")
            if message and not isinstance(message, str):
                message = self.message(key, message)
            entry.error.show_message(message)
            mark_invalid(entry.widget, bool(message))
            if message and first is None:
                first = entry.widget
        return first

    def error_text(self, key: str) -> str:
        error = self.inputs[key].error
        return error.text() if error.isVisibleTo(self) else ""
