"""Record forms, inline messages from the core's ValidationError: the beneficiary form
here, the session form in ``desktop.ui.session_form``.

The form only collects what was typed; every rule lives in the core
(``desktop.domain.validation``), and each message appears under its own field. The save
itself runs as an ``Operation`` on the worker pool (``desktop.ui.operations``): the form
stays open, greyed and busy, until the record is written, then closes; a refusal brings
it back with what was typed and the messages beside the fields.
Dates are typed in the person's own format or ISO, or picked from a calendar
(``DateEdit``); the core gets ISO text, so an empty date stays possible and a wrong one
gets the core's own message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import schema
from desktop.domain.enums import Entity
from desktop.domain.forms import EMPTY as NO_CUSTOM_FIELDS
from desktop.domain.forms import FormDefinition, FormSet
from desktop.domain.problems import Problem
from desktop.domain.records import Beneficiary, UserAccount
from desktop.domain.schema import Column, Field, Kind
from desktop.domain.validation import validate_beneficiary
from desktop.errors import UserError, ValidationError
from desktop.ui.custom_fields import CustomFieldsPanel, CustomInput, key_of
from desktop.ui.dates import local_formats
from desktop.ui.errors import show_error
from desktop.ui.fields import choices, field_text, mnemonic, translated, with_accelerators
from desktop.ui.messages import field_label, rendered
from desktop.ui.operations import Applied, Operation
from desktop.ui.widgets import (
    DateEdit,
    FieldError,
    add_labelled_row,
    mark_invalid,
)

log = logging.getLogger(__name__)


class KeepEditing(Exception):
    """Raised by a form's check when the user decided not to save after all."""


class _Field:
    """One input: how to read it, how to fill it, and where its message goes."""

    def __init__(
        self,
        name: str,
        widget: QWidget,
        error: FieldError,
        label: QLabel,
        texts: tuple[str, str],
        required: bool,
    ):
        self.name = name
        self.widget = widget
        self.error = error
        self.label = label
        self.texts = texts  # (shown, English): what its accelerator is chosen from
        self.required = required

    def changed_signal(self):
        """The widget's signal for 'the user changed the value'."""
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.toggled
        if isinstance(w, QComboBox):
            return w.currentIndexChanged
        if isinstance(w, QPlainTextEdit):
            return w.textChanged
        if isinstance(w, QSpinBox):
            return w.valueChanged
        if isinstance(w, QDateTimeEdit):
            return w.dateTimeChanged
        return w.textChanged

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QDateTimeEdit):
            # Local wall-clock time, made aware: the core stores UTC.
            return w.dateTime().toPython().astimezone()
        if isinstance(w, DateEdit):
            return w.iso()
        return w.text()

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            # No value and no "none" entry: nothing chosen (the placeholder shows).
            w.setCurrentIndex(index if index >= 0 or value is None else 0)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QDateTimeEdit):
            w.setDateTime(value)
        elif isinstance(w, DateEdit):
            w.set_date(value)
        elif isinstance(value, date):
            w.setText(value.isoformat())
        else:
            w.setText("" if value is None else str(value))


class RecordForm(QDialog):
    """Shared shape: fields with inline errors, Save/Cancel, Ctrl+S, unsaved-changes prompt."""

    saved = Signal(object)  # the record the service returned
    # Choices the person must make in this form even where the core has a default.
    required_choices: tuple[str, ...] = ()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._fields: dict[str, _Field | CustomInput] = {}
        self.custom: CustomFieldsPanel | None = None  # the organisation's own fields
        self._declared: set[str] = set()  # the rows made from the declaration
        self._initial: dict[str, Any] = {}
        self._save: Callable[..., Any] | None = None
        self._check: Callable[[dict[str, Any]], None] | None = None
        self._applied: Callable[[Any], Applied] | None = None
        self._operation: Operation | None = None  # the save on the worker pool, while it runs
        self._focus_before_save: QWidget | None = None
        self.result_record: Any = None
        self.question_box: QMessageBox | None = None

        outer = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        self.heading.setObjectName("formHeading")
        outer.addWidget(self.heading)
        self.form_error = QLabel(self)
        self.form_error.setObjectName("formError")
        self.form_error.setProperty("role", "field-error")
        self.form_error.setWordWrap(True)
        self.form_error.setAccessibleName(self.tr("Form error"))
        self.form_error.hide()
        outer.addWidget(self.form_error)

        # Fields in columns side by side (next_column), so a long form fits a 720 px
        # screen; the scroll area is only for what does not fit (many messages shown).
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.columns = QHBoxLayout()
        self.body_layout.addLayout(self.columns)
        self.form = self._new_column()
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self._sized = False

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.submit)

    # -- building ------------------------------------------------------------------------

    def _new_column(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if self.columns.count():
            # A gap, not the row's spacing: the columns would pass that on as row spacing.
            self.columns.addSpacing(24)
        self.columns.addLayout(form, 1)
        return form

    def next_column(self) -> None:
        """The fields added from now on go in a new column to the right."""
        self.form = self._new_column()

    def showEvent(self, event) -> None:
        if not self._sized:
            self._sized = True
            self.resize(self.fitting_size(self.screen().availableGeometry().size()))
        super().showEvent(event)

    def fitting_size(self, available: QSize) -> QSize:
        """Every field in sight without scrolling, as far as a screen of ``available`` allows.

        A scroll area asks for at most about 24 lines, which made a long form scroll even
        on a screen with room to spare.
        """
        chrome = self.sizeHint() - self.scroll.sizeHint()
        body = self.body.sizeHint()
        forms = [self.columns.itemAt(i).layout() for i in range(self.columns.count())]
        forms = [form for form in forms if form is not None]
        # Columns of one width: the widest one's.
        widest = max(form.sizeHint().width() for form in forms)
        body.setWidth(max(body.width(), widest * len(forms) + 24 * (len(forms) - 1)))
        wanted = body + chrome + QSize(2, 2)
        room = available - QSize(20, 40)  # the window's frame and title bar
        return wanted.expandedTo(self.minimumSizeHint()).boundedTo(room)

    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        *,
        english: str = "",
        required: bool = False,
        hint: str = "",
    ) -> QWidget:
        """A row: ``label`` (translated, without accelerator: the form gives each row a
        letter of its own, see ``_mark_accelerators``), the widget and its message line."""
        shown = label + (" *" if required else "")
        widget.setObjectName(name)
        widget.setAccessibleName(shown)
        if isinstance(widget, QDateTimeEdit) and self.isRightToLeft():
            _keep_left_to_right(widget)
        if hint:
            widget.setToolTip(hint)
        error = FieldError(name, self)
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        row_label = add_labelled_row(self.form, shown, holder, widget)
        field = _Field(name, widget, error, row_label, (label, english or label), required)
        self._fields[name] = field
        field.changed_signal().connect(self._recheck_shown_errors)
        self._mark_accelerators()
        return widget

    def add_declared(self, fields: Iterable[Field], column: Column) -> None:
        """A row per declared editable field of ``column``, in declared order, one widget
        per kind; the right column's rows start a new column."""
        rows = [f for f in fields if f.editable and f.form_column is column]
        if rows and column is not Column.LEFT:
            self.next_column()
        for declared in rows:
            self._declared.add(declared.name)
            self.add_field(
                declared.name,
                translated(declared.label),
                self.widget_for(declared),
                english=declared.label,
                required=declared.required,
            )

    def widget_for(self, declared: Field) -> QWidget:
        """The input for one kind of value."""
        kind = declared.kind
        if kind is Kind.LONG_TEXT:
            # Short texts (an address) open smaller than notes; both grow with the form.
            return self.text_box(48 if (declared.max_length or 0) <= 1000 else 70)
        if kind is Kind.DATE:
            return DateEdit(self)
        if kind is Kind.DATETIME:
            when = QDateTimeEdit(self)
            when.setCalendarPopup(True)
            formats = local_formats()  # the person's own way of writing a date and a time
            when.setDisplayFormat(f"{formats.date} {formats.time}")
            return when
        if kind is Kind.INTEGER:
            number = QSpinBox(self)
            low = declared.minimum if declared.minimum is not None else 0
            number.setRange(low, declared.maximum if declared.maximum is not None else 2**31 - 1)
            if declared.unit:
                number.setSuffix(" " + translated(declared.unit))
            return number
        if kind is Kind.CHOICE:
            if declared.required:  # one must be chosen: nothing offered as "none"
                return self.combo(choices(declared), self.tr("Choose…"))
            return self.combo([(self.tr("(not recorded)"), None), *choices(declared)])
        if kind is Kind.YES_NO:
            return QCheckBox(self)
        return self.line(translated(declared.placeholder))

    def add_custom(
        self, definition: FormDefinition, default_language: str, stored: Mapping[str, Any]
    ) -> None:
        """The organisation's own fields (``desktop.ui.custom_fields``) after the built-in
        ones, across the form's width, by section. Their rows join the form's own: the
        same inline messages (names ``custom.<key>``), re-checks and accelerators."""
        panel = CustomFieldsPanel(definition, default_language, stored=stored, parent=self.body)
        if not panel.inputs and not panel.kept:
            panel.deleteLater()
            return
        self.custom = panel
        self.body_layout.addWidget(panel)
        for entry in panel.inputs.values():
            self._fields[entry.name] = entry
            entry.changed_signal().connect(self._recheck_shown_errors)
        self._mark_accelerators()

    def _mark_accelerators(self) -> None:
        """A letter per row that no other row nor button of the form has, in every
        language (the declared rows first, then the form's own), so no translation can
        make two rows share one."""
        rows = sorted(self._fields.values(), key=lambda f: f.name not in self._declared)
        taken = [mnemonic(button.text()) for button in self.buttons.buttons()]
        marked = with_accelerators([f.texts for f in rows], taken)
        for field, text in zip(rows, marked, strict=True):
            field.label.setText(text + (" *" if field.required else ""))

    def line(self, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        return edit

    def text_box(self, height: int = 70) -> QPlainTextEdit:
        """A multi-line box: at least ``height`` px and three lines, taller as the form grows."""
        box = TextBox(self)
        box.setTabChangesFocus(True)
        box.ensurePolished()  # the style sheet's font and padding, to count lines in
        margins = box.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(box.document().documentMargin())
        lines = 3 * box.fontMetrics().lineSpacing() + frame
        box.setMinimumHeight(max(height, lines))
        return box

    def combo(self, choices: list[tuple[str, Any]], placeholder: str = "") -> QComboBox:
        box = QComboBox(self)
        for text, value in choices:
            box.addItem(text, value)
        if placeholder:
            box.setPlaceholderText(placeholder)  # shown while nothing is chosen
        return box

    def field(self, name: str) -> QWidget:
        return self._fields[name].widget

    def error_text(self, name: str) -> str:
        error = self._fields[name].error
        return error.text() if error.isVisibleTo(self) else ""

    # -- values --------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The built-in fields by name, and the custom ones under ``"custom"`` (key → value,
        as ``forms.clean_value`` takes them) when the form has any."""
        found = {
            name: field.value()
            for name, field in self._fields.items()
            if not isinstance(field, CustomInput)
        }
        if self.custom is not None:
            found["custom"] = self.custom.values()
        return found

    def load(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self._fields:
                self._fields[name].set_value(value)
        self._initial = self.values()

    @property
    def built_in(self) -> list[str]:
        """The names of the form's own (not custom) fields."""
        return [n for n, f in self._fields.items() if not isinstance(f, CustomInput)]

    def custom_problems(self, values: Mapping[str, Any]) -> dict[str, str]:
        """``custom.<key>`` → message for the custom values the definition refuses."""
        if self.custom is None:
            return {}
        return self.custom.problems(values.get("custom") or {})

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def set_save(
        self,
        save: Callable[..., Any],
        *,
        check: Callable[[dict[str, Any]], None] | None = None,
        applied: Callable[[Any], Applied] | None = None,
    ) -> None:
        """How the form saves.

        ``save(values, **save_options())`` writes the record and returns it; it runs on the
        worker pool, so it touches no widget. ``check(values)`` runs before it in the GUI
        thread (a quick read, a question to the person) and raises KeepEditing to go back
        to the form. ``applied(record)`` is announced on the one "changes applied" signal
        once the record is saved, before the form closes.
        """
        self._save = save
        self._check = check
        self._applied = applied

    def save_options(self) -> dict[str, Any]:
        """Keyword arguments for the save besides the values (read in the GUI thread)."""
        return {}

    @property
    def saving(self) -> bool:
        """A save is running on the worker pool."""
        return self._operation is not None

    # -- saving --------------------------------------------------------------------------

    def show_errors(self, errors: Mapping[str, str | Problem]) -> None:
        labels = {n: field_label(f.widget.accessibleName()) for n, f in self._fields.items()}
        if self.custom is not None:  # custom problems carry the definition's codes
            errors = {
                name: self.custom.message(key, item)
                if (key := key_of(name)) is not None and not isinstance(item, str)
                else item
                for name, item in errors.items()
            }
        errors = rendered(errors, labels)
        first: QWidget | None = None
        unplaced = []
        for name, field in self._fields.items():
            message = errors.get(name, "")
            field.error.show_message(message)
            mark_invalid(field.widget, bool(message))
            if message and first is None:
                first = field.widget
        for name, message in errors.items():
            if name not in self._fields:
                unplaced.append(message)
        self.form_error.setText("\n".join(unplaced))
        self.form_error.setVisible(bool(unplaced))
        if self.isVisible() and errors:
            # Messages take lines: grow (as far as the screen allows) rather than scroll.
            self.body.adjustSize()
            room = self.fitting_size(self.screen().availableGeometry().size())
            self.resize(self.size().expandedTo(room))
        if first is not None:
            first.setFocus()

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        """Messages by field for what the rules say of ``values`` (empty: all valid).

        Subclasses name the core's check; the form asks it again as the user corrects a
        field, so a message goes away as soon as its field is valid.
        """
        return {}

    def _recheck_shown_errors(self) -> None:
        shown = [f for f in self._fields.values() if f.error.isVisibleTo(self)]
        if not shown:
            return
        remaining = self.problems(self.prepared_values())
        for field in shown:
            if field.name not in remaining:
                field.error.clear_message()
                mark_invalid(field.widget, False)

    def confirm_save(self, values: dict[str, Any]) -> bool:
        """A last question before saving (False: back to the form)."""
        return True

    def submit(self) -> None:
        if self._save is None or self.saving:
            return  # a second Ctrl+S or Enter while the first save runs: still one save
        values = self.prepared_values()
        missing = {k: v for k, v in self.problems(values).items() if k in self.required_choices}
        # A custom value the definition refuses is named under its field before any save:
        # the service checks the same definition (FORMS.md) and would refuse it anyway.
        missing.update(self.custom_problems(values))
        if missing:
            self.show_errors(missing)
            return
        if not self.confirm_save(values):
            return
        if self._check is not None:
            try:
                self._check(values)
            except Exception as exc:  # KeepEditing, a ValidationError of the check's read
                self._refused(exc)
                return
        save, options = self._save, self.save_options()
        operation = Operation(self, lambda: save(values, **options))
        if self._applied is not None:
            operation.applies(self._applied)
        operation.success(self._saved).failure(self._save_failed)
        self._operation = operation
        self._show_saving(True)
        operation.run_in_background()

    def _saved(self, record: Any) -> None:
        self._operation = None
        self._show_saving(False)
        self.show_errors({})
        self.result_record = record
        self._initial = self.values()
        self.saved.emit(record)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._operation = None
        self._show_saving(False)
        self._refused(exc)

    def _refused(self, exc: BaseException) -> None:
        """Back to the form, with what was typed: the messages beside their fields, or the
        error in a box over the form."""
        if isinstance(exc, KeepEditing):
            return  # the user chose to go back to the form (or it was closed for them)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.problems)
            return
        if isinstance(exc, UserError):
            self.show_errors({})
        show_error(self, exc)

    def _show_saving(self, saving: bool) -> None:
        """While the save runs nothing can be typed (it would be lost when the form closes),
        Save shows "Saving…" and neither button acts; afterwards the focus is back."""
        if saving:
            self._focus_before_save = self.focusWidget()
        self.body.setEnabled(not saving)
        for button in self.buttons.buttons():
            button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("&Save"))
        if saving:
            self.setCursor(Qt.CursorShape.BusyCursor)
            return
        self.unsetCursor()
        if self._focus_before_save is not None:
            self._focus_before_save.setFocus()
            self._focus_before_save = None

    def prepared_values(self) -> dict[str, Any]:
        """What goes to the service; subclasses drop what the service takes elsewhere."""
        return self.values()

    # -- closing -------------------------------------------------------------------------

    def confirm_discard(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel (tests replace this to answer without a modal box)."""
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save your changes before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def reject(self) -> None:
        if self.saving:
            return  # Escape or Cancel while saving: the save ends it (closed, or refused)
        if self.is_dirty():
            answer = self.confirm_discard()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.submit()
                return
        super().reject()

    def discard(self) -> None:
        """Closes without asking (lock, switch user)."""
        self._initial = self.values()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.saving:
            event.ignore()  # as reject: the save in flight decides whether the form closes
            return
        if self.is_dirty():
            answer = self.confirm_discard()
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self.submit()
                return
        super().closeEvent(event)


class TextBox(QPlainTextEdit):
    """A plain-text box that asks for its minimum height, not Qt's ten lines: the form opens
    with every field in sight and gives the boxes whatever room is left."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class BeneficiaryForm(RecordForm):
    """New or edited beneficiary. Supervisors pick the caseworker of a new record."""

    def __init__(
        self,
        beneficiary: Beneficiary | None = None,
        *,
        caseworkers: list[UserAccount] | None = None,
        default_caseworker_id: str | None = None,
        forms: FormSet = NO_CUSTOM_FIELDS,
        parent: QWidget | None = None,
        prefill: Mapping[str, Any] | None = None,
    ):
        """``prefill``: values a new record starts with (a household's address, phone)."""
        title = (
            self.tr("New beneficiary")
            if beneficiary is None
            else self.tr("Edit beneficiary %s") % beneficiary.case_number
        )
        super().__init__(title, parent)
        self.setObjectName("beneficiaryForm")
        self.beneficiary = beneficiary
        self._has_caseworker = beneficiary is None and bool(caseworkers)
        # Not the status and the closure's fields: closing asks why (ui/close_dialog.py),
        # reopening is its own action, and a new record is active.
        declared = [f for f in schema.BENEFICIARY if f.in_form]
        self.add_declared(declared, Column.LEFT)  # the person on the left
        if self._has_caseworker:  # a supervisor registers for a caseworker
            choices = [(c.display_name, c.id) for c in caseworkers or []]
            self.add_field(
                "caseworker_id",
                field_text(Entity.BENEFICIARY, "caseworker_id"),
                self.combo(choices),
                english=schema.label("caseworker_id", Entity.BENEFICIARY),
            )
        self.add_declared(declared, Column.RIGHT)  # where they live, consent, notes
        stored = beneficiary.custom if beneficiary is not None else {}
        self.add_custom(forms.beneficiary, forms.default_language, stored)
        if "consent_given" in self._fields:
            self.field("consent_given").setText(
                self.tr("The beneficiary consented to data processing")
            )
        if beneficiary is not None:
            self.load({name: stored_value(getattr(beneficiary, name)) for name in self.built_in})
        else:
            self.load(
                {
                    **new_record_defaults(declared),
                    **(prefill or {}),
                    "caseworker_id": default_caseworker_id,
                }
            )
        self.field("first_name").setFocus()

    def prepared_values(self) -> dict[str, Any]:
        values = self.values()
        values.pop("caseworker_id", None)  # not a field of the record: save_options
        return values

    def save_options(self) -> dict[str, Any]:
        return {"caseworker_id": self.caseworker_id} if self._has_caseworker else {}

    def problems(self, values: dict[str, Any]) -> dict[str, str]:
        built_in = {k: v for k, v in values.items() if k != "custom"}
        return {
            **validation_problems(validate_beneficiary, built_in),
            **self.custom_problems(values),
        }

    @property
    def caseworker_id(self) -> str | None:
        return self.field("caseworker_id").currentData() if self._has_caseworker else None


def validation_problems(
    check: Callable[[dict[str, Any]], Any], values: dict[str, Any]
) -> dict[str, str]:
    try:
        check(values)
    except ValidationError as exc:
        return dict(exc.problems)
    return {}


def _keep_left_to_right(edit: QDateTimeEdit) -> None:
    """An ISO date and time in Latin digits, left to right, under Arabic too.

    Under a right-to-left application QDateTimeEdit reverses its sections ("10:07
    01-12-2026" for 2026-12-01 07:10) and the locale's digits reorder the groups again; a
    leading LRM in the format and a left-to-right C-locale editor keep "2026-12-01 07:10".
    """
    shown = edit.displayFormat()  # already reversed ("mm:HH dd-MM-yyyy") under RTL
    if "yyyy" not in shown or "MMM" in shown:
        return  # not an ISO date: the locale's own format is left as it is
    edit.setLocale(QLocale.c())
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.findChild(QLineEdit).setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat("\u200eyyyy-MM-dd" + (" HH:mm" if "h" in shown.lower() else ""))


def new_record_defaults(fields: Iterable[Field]) -> dict[str, Any]:
    """What a new record gets for the fields the person has not filled in yet."""
    return {f.name: stored_value(f.default) for f in fields if f.default is not None}


def stored_value(value: Any) -> Any:
    """Enum members to their stored value, so combo boxes find them."""
    return getattr(value, "value", value)
