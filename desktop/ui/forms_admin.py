"""Admin → Forms: the organisation admin edits the draft form definition, with a live preview.

What is edited is the definition's file document (``forms.to_document``): every change
in the editor writes into it and it is read again with ``forms.from_document``, so the
editor checks exactly what an imported file is checked with, each problem shown as
``where: message``, and the preview (``desktop.ui.custom_fields``, the caseworker's own
form) is rebuilt from the result as the admin types. Saving the draft, importing and
publishing go to ``services.forms`` (``FormService``) as Operations on the worker pool.
"""

from __future__ import annotations

import copy
import logging
import re
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import forms
from desktop.domain.forms import (
    FIELD_FLAGS,
    DefinitionError,
    DefinitionProblem,
    FormSet,
    RecordKind,
)
from desktop.ui.form_kind_editor import KindEditor, push_button
from desktop.ui.operations import Operation
from desktop.ui.widgets import ask_with_safe_default

log = logging.getLogger(__name__)

# The field's yes/no flags shown as check boxes (required and retired have rows of their own).
_FLAGS = tuple(name for name in FIELD_FLAGS if name not in ("required", "retired"))


class FormsStore(Protocol):
    """What the editor asks of ``services.forms`` (desktop/services/forms.py)."""

    def current(self) -> FormSet: ...
    def draft(self) -> FormSet | None: ...
    def save_draft(self, forms: FormSet) -> None: ...
    def publish(self) -> FormSet: ...


class FormsAdminDialog(QDialog):
    """Admin → Forms: the draft's fields per record kind, its languages, a live preview,
    Import…/Export…, Save draft and Publish."""

    published_version = Signal(int)

    def __init__(
        self,
        store: FormsStore | None = None,
        *,
        draft: FormSet | None = None,
        published: FormSet | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("formsAdmin")
        self.setWindowTitle(self.tr("Forms"))
        self.store = store
        self.published = (
            published
            if published is not None
            else (store.current() if store is not None else forms.EMPTY)
        )
        if draft is None and store is not None:
            draft = store.draft()
        start = draft if draft is not None else self.published
        self.document: dict[str, Any] = forms.to_document(start)
        self.checked: FormSet | None = start
        self.operation: Operation | None = None
        self.question_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self._saved_document = copy.deepcopy(self.document)
        self._fitted = False

        outer = QVBoxLayout(self)
        head = QFormLayout()
        self.title = QLineEdit(self.document.get("title", ""), self)
        self.title.setObjectName("title")
        self.title.textEdited.connect(self._title_edited)
        title_label = QLabel(self.tr("T&itle"), self)
        title_label.setBuddy(self.title)
        head.addRow(title_label, self.title)
        self.languages_edit = QLineEdit(", ".join(self.document["languages"]), self)
        self.languages_edit.setObjectName("languages")
        self.languages_edit.setToolTip(
            self.tr("The languages the labels are written in, the first one the default")
        )
        self.languages_edit.editingFinished.connect(self._languages_edited)
        languages_label = QLabel(self.tr("&Languages"), self)
        languages_label.setBuddy(self.languages_edit)
        head.addRow(languages_label, self.languages_edit)
        self.state = QLabel(self)
        self.state.setObjectName("formsState")
        self.state.setProperty("role", "hint")
        head.addRow("", self.state)
        outer.addLayout(head)

        self.tabs = QTabWidget(self)
        self.editors = {kind: KindEditor(self, kind) for kind in RecordKind}
        self.tabs.addTab(self.editors[RecordKind.BENEFICIARY], self.tr("&Beneficiary"))
        self.tabs.addTab(self.editors[RecordKind.SESSION], self.tr("Se&ssion"))
        for editor in self.editors.values():
            editor.edited.connect(self.recheck)
        outer.addWidget(self.tabs, 1)

        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.problems.setAccessibleName(self.tr("Problems in the definition"))
        self.problems.setMaximumHeight(110)
        self.problems.setStyleSheet("color: #b3261e;")
        outer.addWidget(self.problems)

        buttons = QHBoxLayout()
        self.import_button = push_button(
            self, self.tr("&Import…"), "importButton", self.import_file
        )
        self.export_button = push_button(
            self, self.tr("E&xport…"), "exportButton", self.export_file
        )
        self.save_button = push_button(self, self.tr("Save &draft"), "saveDraft", self.save_draft)
        self.publish_button = push_button(self, self.tr("&Publish…"), "publishButton", self.publish)
        self.close_button = push_button(self, self.tr("Close"), "closeButton", self.reject)
        for button in (self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.save_button, self.publish_button, self.close_button):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.resize(1240, 680)
        for editor in self.editors.values():
            editor.reload(0)
        self.recheck()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            for editor in self.editors.values():
                editor.fit_preview(self.tabs.width() - 8)

    @property
    def languages(self) -> list[str]:
        return list(self.document.get("languages") or ["en"])

    # -- editing -------------------------------------------------------------------------------

    def _title_edited(self, text: str) -> None:
        self.document["title"] = text
        self.recheck()

    def _languages_edited(self) -> None:
        typed = [x.strip() for x in re.split(r"[,\s]+", self.languages_edit.text()) if x.strip()]
        if typed == self.languages:
            return
        self.document["languages"] = typed or ["en"]
        _drop_languages(self.document, set(self.languages))
        for editor in self.editors.values():
            editor.reload()
        self.recheck()

    def recheck(self) -> None:
        """The document read again as a file is: the problems listed, the preview rebuilt."""
        document = dict(self.document, version=self.published.version)
        try:
            checked = forms.from_document(document)
            refused = forms.changes_refused(self.published, checked)
            if refused:
                raise DefinitionError(refused)
        except DefinitionError as exc:
            self.checked = None
            self.show_problems(exc.problems)
        else:
            self.checked = checked
            self.show_problems(())
            for editor in self.editors.values():
                editor.show_preview(checked)
        self._update_state()

    def show_problems(self, problems: tuple[DefinitionProblem, ...] | list) -> None:
        self.problems.clear()
        for problem in problems:
            self.problems.addItem(str(problem))  # "where: message"
        self.problems.setVisible(bool(problems))

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

    @property
    def dirty(self) -> bool:
        return self.document != self._saved_document

    def _update_state(self) -> None:
        busy = self.operation is not None
        valid = self.checked is not None
        has_store = self.store is not None
        self.save_button.setEnabled(has_store and valid and not busy)
        self.publish_button.setEnabled(has_store and valid and not busy)
        self.import_button.setEnabled(not busy)
        self.export_button.setEnabled(valid and not busy)
        version = self.published.version
        text = (
            self.tr("Published: version %1. You are editing the draft of version %2.")
            .replace("%1", str(version))
            .replace("%2", str(version + 1))
            if version
            else self.tr("Nothing published yet. You are editing the draft of version 1.")
        )
        if self.dirty:
            text += " " + self.tr("(unsaved changes)")
        if not valid:
            text += " " + self.tr("Correct the problems listed below to save or publish.")
        self.state.setText(text)

    # -- files ----------------------------------------------------------------------------------

    def ask_path(self, title: str, *, save: bool) -> str:
        """A file chosen in Qt's own dialog (``self.file_dialog`` while open)."""
        dialog = QFileDialog(self, title)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setNameFilters([self.tr("Form definitions (*.json)"), self.tr("All files (*)")])
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("json")
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.file_dialog = dialog
        try:
            chosen = dialog.exec() and dialog.selectedFiles()
        finally:
            self.file_dialog = None
            dialog.deleteLater()
        return chosen[0] if chosen else ""

    def import_file(self) -> None:
        """A definition file into the editor (not saved until Save draft): every problem
        in it listed as ``where: message``, and nothing of it loaded then."""
        path = self.ask_path(self.tr("Import a form definition"), save=False)
        if not path:
            return
        try:
            text = Path(path).read_bytes()
            imported = forms.parse(text)
            refused = forms.changes_refused(self.published, imported)
            if refused:
                raise DefinitionError(refused)
        except OSError as exc:
            self.show_problems([DefinitionProblem(Path(path).name, exc.strerror or str(exc))])
            return
        except DefinitionError as exc:
            self.show_problems(exc.problems)
            self.state.setText(
                self.tr(
                    "%1 was not imported: it has %n problem(s).", "", len(exc.problems)
                ).replace("%1", Path(path).name)
            )
            return
        self.load(imported)
        log.info("form definition imported into the editor (%d bytes)", len(text))

    def load(self, forms_set: FormSet) -> None:
        self.document = forms.to_document(forms_set)
        self.title.setText(forms_set.title)
        self.languages_edit.setText(", ".join(forms_set.languages))
        for editor in self.editors.values():
            editor.reload(0)
        self.recheck()

    def export_file(self) -> None:
        if self.checked is None:
            return
        path = self.ask_path(self.tr("Export the form definition"), save=True)
        if not path:
            return
        try:
            Path(path).write_text(forms.dumps(self.checked), encoding="utf-8")
        except OSError as exc:
            self.show_problems([DefinitionProblem(Path(path).name, exc.strerror or str(exc))])
            return
        self.state.setText(self.tr("Exported to %1.").replace("%1", path))

    # -- saving and publishing -------------------------------------------------------------------

    def save_draft(self) -> None:
        checked, store = self.checked, self.store
        if checked is None or store is None or self.operation is not None:
            return
        self._run(lambda: store.save_draft(checked), self._draft_saved)

    def _draft_saved(self, _result: Any) -> None:
        self._saved_document = copy.deepcopy(self.document)
        self._update_state()
        self.state.setText(self.tr("Draft saved."))

    def publish(self) -> None:
        checked, store = self.checked, self.store
        if checked is None or store is None or self.operation is not None:
            return
        version = self.published.version + 1
        if not ask_with_safe_default(
            self,
            self.tr("Publish the form"),
            self.tr(
                "Publish this form as version %1? Every laptop of the organisation gets it "
                "at its next sync. A published field can later be retired, never removed."
            ).replace("%1", str(version)),
            self.tr("&Publish version %1").replace("%1", str(version)),
            icon=QMessageBox.Icon.Question,
        ):
            return

        def op() -> FormSet:
            store.save_draft(checked)
            return store.publish()

        self._run(op, self._published)

    def _published(self, result: FormSet) -> None:
        self.published = result
        self._saved_document = copy.deepcopy(self.document)
        for editor in self.editors.values():
            editor.reload()  # published keys can no longer be changed nor removed
        self.recheck()
        self.state.setText(self.tr("Version %1 published.").replace("%1", str(result.version)))
        self.published_version.emit(result.version)

    def _run(self, op, success) -> None:
        def done(result: Any) -> None:
            self.operation = None
            success(result)

        def failed(exc: BaseException) -> None:
            self.operation = None
            self._update_state()
            if isinstance(exc, DefinitionError):
                self.show_problems(exc.problems)
            else:
                from desktop.ui.errors import show_error

                show_error(self, exc)

        self.operation = Operation(self, op).success(done).failure(failed)
        self._update_state()
        self.operation.run_in_background()

    def discard(self) -> None:
        """Closes without asking (lock, switch user): the session it edits through ends."""
        self._saved_document = copy.deepcopy(self.document)
        super().reject()

    def reject(self) -> None:
        if self.operation is not None:
            return  # the save in flight ends first
        if self.dirty and self.store is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Close without saving the draft?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def _drop_languages(document: dict[str, Any], kept: set[str]) -> None:
    """Texts in a language the definition no longer has are dropped (the editor shows
    the definition's languages only, so they could not be corrected there)."""

    def prune(owner: dict[str, Any], name: str) -> None:
        texts = owner.get(name)
        if isinstance(texts, dict):
            owner[name] = {k: v for k, v in texts.items() if k in kept}

    for kind in RecordKind:
        part = document.get(kind.value) or {}
        for section in part.get("sections", []):
            prune(section, "label")
        for raw in part.get("fields", []):
            prune(raw, "label")
            prune(raw, "help")
            for choice in raw.get("choices") or []:
                prune(choice, "label")
