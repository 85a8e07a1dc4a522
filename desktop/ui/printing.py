"""Printed case papers: a case summary and a referral letter, as Qt text documents.

Both are laid out as HTML in a ``QTextDocument`` (Qt's own shaping and bidi: Arabic names
and an Arabic interface render right to left), then painted on paper or into a PDF by
``desktop.ui.paper``. The rows come from the same declaration and display helpers the detail reads
(``desktop.ui.detail.declared_text``, ``desktop.ui.fields``), never from a list of their own.

The case summary is made of ``Section``s in ``SUMMARY_SECTIONS``, the household among
them (its members, each one's relationship, the head).
"""

from __future__ import annotations

import html
import os
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication, QPagedPaintDevice, QTextDocument

from desktop.domain import schema
from desktop.domain.enums import BeneficiaryStatus, Entity
from desktop.domain.forms import FormDefinition, stored_flags
from desktop.domain.records import CaseSession
from desktop.domain.tasks import TaskView
from desktop.errors import ValidationError
from desktop.services.printouts import CaseFile, Document, Output, PrintoutService
from desktop.ui.custom_fields import MARK, grouped, pick_label
from desktop.ui.dates import EMPTY, format_date, format_datetime
from desktop.ui.detail import declared_text
from desktop.ui.fields import choice_text, custom_value_text, field_text, value_text
from desktop.ui.help import ui_language
from desktop.ui.paper import FONT_POINTS, Printing, isolate, render, right_to_left, write_pdf

# -- HTML pieces ------------------------------------------------------------------------------


def direction(text: str) -> str | None:
    """The text's direction by its first strong character, "rtl" or "ltr" (HTML's
    dir="auto", which Qt's rich text lacks); None when it has none (digits, a dash)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def ui_direction() -> str:
    return "rtl" if right_to_left() else "ltr"


def text_html(text: str) -> str:
    """Interface text (labels, headings), escaped."""
    return html.escape(text)


def side() -> str:
    """The side a line starts on (HTML's align="left"/"right" are absolute in Qt)."""
    return "right" if right_to_left() else "left"


def person_html(text: str) -> str:
    """A person's text inside a line of the interface's: escaped, isolated."""
    return html.escape(isolate(text))


def paragraphs_html(text: str, css: str = "") -> str:
    """A person's text on lines of its own (notes, a summary, a cell's value): a paragraph
    per line, each in its own direction (an Arabic line in an English paper keeps its
    full stop at its end), all starting on the interface's side."""
    style = f' class="{css}"' if css else ""
    return "".join(
        f'<p dir="{direction(line) or "ltr"}" align="{side()}"{style}>'
        f"{html.escape(line) or '&nbsp;'}</p>"
        for line in text.split("\n")
    )


def rows_html(rows: list[tuple[str, str]]) -> str:
    """Label/value rows as a two-column table: labels on the reading side (Qt's tables
    do not mirror, so a right-to-left interface gets its cells in reverse order). Each
    cell is its own paragraph, so a value needs no isolating: its direction is its own
    (a phone number reads left to right in an Arabic paper too)."""
    if not rows:
        return ""
    way, start = ui_direction(), side()
    lines = []
    for label, value in rows:
        label_cell = (
            f'<td class="label" width="32%"><p dir="{way}" align="{start}">'
            f"{text_html(label)}</p></td>"
        )
        value_cell = f"<td>{paragraphs_html(value or EMPTY)}</td>"
        cells = value_cell + label_cell if way == "rtl" else label_cell + value_cell
        lines.append(f"<tr>{cells}</tr>")
    body = "".join(lines)
    return f'<table width="100%" cellspacing="0" cellpadding="2">{body}</table>'


def heading(text: str, level: int = 2) -> str:
    return f'<h{level} dir="{ui_direction()}" align="{side()}">{text_html(text)}</h{level}>'


def line_html(text: str, css: str = "") -> str:
    """A line of the interface's own (names in it already isolated)."""
    style = f' class="{css}"' if css else ""
    return f'<p dir="{ui_direction()}" align="{side()}"{style}>{text}</p>'


def custom_rows(definition: FormDefinition, stored: dict, default_language: str) -> str:
    """The organisation's fields with a value, by section, as the detail shows them."""
    language = ui_language()
    flags = stored_flags(definition, stored)
    parts = []
    for section, rows in grouped(definition, flags):
        shown = []
        for item, key in rows:
            value = stored.get(key)
            if value in (None, "", []):
                continue
            label = item.label(language, default_language) if item is not None else key
            text = custom_value_text(item, value, language, default_language)
            shown.append((label, f"{text} {MARK}" if key in flags else text))
        if not shown:
            continue
        if section is not None:
            parts.append(
                heading(pick_label(section.labels, language, default_language) or section.key, 3)
            )
        parts.append(rows_html(shown))
    return "".join(parts)


# -- the case summary's sections --------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """A part of the case summary: its name (for tests and reports) and its HTML (""
    leaves it out)."""

    key: str
    html: Callable[[CaseFile], str]


def _details(case: CaseFile) -> str:
    beneficiary = case.beneficiary
    closed = beneficiary.status is BeneficiaryStatus.CLOSED
    rows = [
        (field_text(Entity.BENEFICIARY, item.name), declared_text(beneficiary, item))
        for item in schema.BENEFICIARY
        if item.detail
        # Why a case was closed is shown while it is closed, as in the detail.
        and (closed or item.name not in ("closure_reason", "closure_note"))
    ]
    rows.append(
        (
            QCoreApplication.translate("BeneficiaryDetail", "Next follow-up"),
            format_date(beneficiary.next_follow_up_on, EMPTY),
        )
    )
    notes = ""
    if beneficiary.notes:
        notes = heading(field_text(Entity.BENEFICIARY, "notes"), 3) + paragraphs_html(
            beneficiary.notes
        )
    return heading(Printing.tr("Beneficiary")) + rows_html(rows) + notes


def _custom(case: CaseFile) -> str:
    body = custom_rows(
        case.forms.beneficiary, dict(case.beneficiary.custom), case.forms.default_language
    )
    return heading(Printing.tr("The organisation's fields")) + body if body else ""


def session_html(case_session: CaseSession, case: CaseFile) -> str:
    """One session: its date and kind, its declared rows, then the organisation's."""
    rows = [
        (
            field_text(Entity.CASE_SESSION, item.name),
            value_text(item, getattr(case_session, item.name)),
        )
        for item in schema.CASE_SESSION
        if item.detail and item.name not in ("starts_at", "kind")
    ]
    custom = custom_rows(case.forms.session, dict(case_session.custom), case.forms.default_language)
    title = f"{format_datetime(case_session.starts_at)} · {choice_text(case_session.kind)}"
    return heading(title, 3) + rows_html(rows) + custom


def _sessions(case: CaseFile) -> str:
    count = len(case.sessions)
    title = QCoreApplication.translate("BeneficiaryDetail", "Sessions (%n)", "", count)
    if not case.sessions:
        return heading(title) + line_html(text_html(Printing.tr("No sessions recorded.")))
    return heading(title) + "".join(session_html(s, case) for s in case.sessions)


def task_html(task: TaskView) -> str:
    """One follow-up task: its due date and what to do, its state, and the note or reason
    it was closed with."""
    rows = [(field_text(Entity.TASK, "state"), choice_text(task.state))]
    for name in ("done_note", "dismissed_reason"):
        if getattr(task, name):
            rows.append((field_text(Entity.TASK, name), getattr(task, name)))
    title = format_date(task.due_on) + (f" · {task.title}" if task.title else "")
    return heading(title, 3) + rows_html(rows)


def _tasks(case: CaseFile) -> str:
    title = Printing.tr("Follow-up tasks (%n)", "", len(case.tasks))
    if not case.tasks:
        return heading(title) + line_html(text_html(Printing.tr("No follow-up tasks.")))
    return heading(title) + "".join(task_html(task) for task in case.tasks)


def _household(case: CaseFile) -> str:
    """The members the printer may see, a line each: the name (isolated, so an Arabic name
    keeps its place in the interface's line), case number, relationship, the head and the
    record itself marked; a household without exactly one head says so."""
    house = case.household
    if house.household_id is None:
        return ""
    count = len(house.members) + house.hidden
    title = QCoreApplication.translate("BeneficiaryDetail", "Household (%n)", "", count)
    head = QCoreApplication.translate("HouseholdPanel", "Head of household")
    lines = []
    for member in house.members:
        parts = [person_html(member.name), text_html(member.case_number)]
        parts.append(text_html(choice_text(member.relationship)))
        if member.is_head:
            parts.insert(0, "<b>" + text_html("★ " + head) + "</b>")
        if member.beneficiary_id == case.beneficiary.id:
            parts.append(text_html(QCoreApplication.translate("HouseholdPanel", "this record")))
        lines.append(line_html(" · ".join(parts)))
    notes = ""
    if house.hidden:
        notes += line_html(
            text_html(
                QCoreApplication.translate(
                    "HouseholdPanel", "%n member(s) in other caseloads", "", house.hidden
                )
            )
        )
    if house.head_problem is not None:
        notes += line_html(text_html(Printing.tr("The household's head is to be chosen again.")))
    return heading(title) + "".join(lines) + notes


# In the order printed.
SUMMARY_SECTIONS: tuple[Section, ...] = (
    Section("beneficiary", _details),
    Section("custom", _custom),
    Section("household", _household),
    Section("tasks", _tasks),
    Section("sessions", _sessions),
)

_STYLE = """
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; color: #1f3f6e; margin-top: 12pt; margin-bottom: 4pt; }
h3 { font-size: 11pt; margin-top: 8pt; margin-bottom: 2pt; }
td.label { color: #444444; }
p.meta { color: #555555; }
"""


def _document(title: str, body: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet(_STYLE)
    document.setHtml(
        f"<html><head><title>{html.escape(title)}</title></head><body>{body}</body></html>"
    )
    return document


def _printed_line(case: CaseFile) -> str:
    text = Printing.tr("Printed by %1 on %2. Confidential: this paper holds personal data.")
    return line_html(
        text_html(text)
        .replace("%1", person_html(case.printed_by))
        .replace("%2", text_html(format_datetime(case.printed_at))),
        "meta",
    )


def case_summary(case: CaseFile, sections: tuple[Section, ...] = SUMMARY_SECTIONS) -> QTextDocument:
    """The case summary of ``case``: a title, then each section that has something."""
    beneficiary = case.beneficiary
    title = Printing.tr("Case summary")
    head = (
        f'<h1 dir="{ui_direction()}" align="{side()}">{text_html(title)}</h1>'
        + line_html(
            f"<b>{person_html(beneficiary.full_name)}</b> · "
            f"{person_html(beneficiary.case_number)} · {text_html(choice_text(beneficiary.status))}"
        )
        + _printed_line(case)
    )
    body = "".join(part for section in sections if (part := section.html(case)))
    return _document(f"{title} {beneficiary.case_number}", head + body)


# -- the referral letter -----------------------------------------------------------------------


@dataclass(frozen=True)
class Referral:
    """Whom a case is referred to and why (typed in the referral dialog or the CLI)."""

    recipient: str
    organisation: str
    reason: str

    def checked(self) -> Referral:
        """Trimmed; a ValidationError naming each missing part."""
        referral = Referral(self.recipient.strip(), self.organisation.strip(), self.reason.strip())
        problems = {}
        if not referral.recipient and not referral.organisation:
            problems["recipient"] = Printing.tr(
                "Name the person or the organisation the case is referred to."
            )
        if not referral.reason:
            problems["reason"] = Printing.tr("Say why the case is referred.")
        if problems:
            raise ValidationError(problems)
        return referral


def _identifying_rows(case: CaseFile) -> list[tuple[str, str]]:
    """The case number and the fields the declaration marks as identifying a person."""
    beneficiary = case.beneficiary
    rows = [(field_text(Entity.BENEFICIARY, "case_number"), beneficiary.case_number)]
    rows += [
        (field_text(Entity.BENEFICIARY, item.name), declared_text(beneficiary, item))
        for item in schema.BENEFICIARY
        if item.identifying
    ]
    return rows


def referral_letter(case: CaseFile, referral: Referral) -> QTextDocument:
    """A letter referring the person to a partner: to whom, who, why, from which caseworker."""
    referral = referral.checked()
    beneficiary = case.beneficiary
    title = Printing.tr("Referral")
    to = "<br/>".join(
        person_html(part) for part in (referral.recipient, referral.organisation) if part
    )
    caseworker = beneficiary.caseworker_name or case.printed_by
    way = ui_direction()
    body = (
        line_html(text_html(format_date(case.printed_at.date())), "meta")
        + line_html(f"{text_html(Printing.tr('To:'))}<br/><b>{to}</b>")
        + f'<h1 dir="{way}" align="{side()}">{text_html(title)}</h1>'
        + line_html(
            text_html(
                Printing.tr("We refer %1 to your organisation, for the reason below.")
            ).replace("%1", f"<b>{person_html(beneficiary.full_name)}</b>")
        )
        + heading(Printing.tr("Person referred"))
        + rows_html(_identifying_rows(case))
        + heading(Printing.tr("Reason for the referral"))
        + paragraphs_html(referral.reason)
        + heading(Printing.tr("Caseworker"))
        + rows_html(
            [(Printing.tr("Name"), caseworker)]
            + (
                [(Printing.tr("Letter written by"), case.printed_by)]
                if case.printed_by != caseworker
                else []
            )
        )
        + line_html(
            f"<br/><br/>{text_html(Printing.tr('Signature:'))} ______________________________"
        )
        + _printed_line(case)
    )
    return _document(f"{title} {beneficiary.case_number}", body)


# -- a printout, from the record to the paper ------------------------------------------------


@dataclass(frozen=True)
class Printout:
    """What to print about one beneficiary: the case summary, or a referral letter."""

    beneficiary_id: str
    referral: Referral | None = None

    @property
    def kind(self) -> Document:
        return Document.CASE_SUMMARY if self.referral is None else Document.REFERRAL_LETTER

    def document(self, case: CaseFile) -> QTextDocument:
        if self.referral is None:
            return case_summary(case)
        return referral_letter(case, self.referral)


def save_pdf(
    printouts: PrintoutService,
    printout: Printout,
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Reads the case (role-checked), writes the PDF, records the event; its page count."""
    if printout.referral is not None:
        printout.referral.checked()  # before anything is read or written
    case = printouts.case_file(printout.beneficiary_id)
    pages = write_pdf(
        printout.document(case),
        path,
        case.beneficiary.case_number,
        progress=progress,
        cancelled=cancelled,
    )
    printouts.record_printed(printout.beneficiary_id, printout.kind, Output.PDF, pages)
    return pages


def print_on(
    printouts: PrintoutService,
    printout: Printout,
    printer: QPagedPaintDevice,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """As ``save_pdf``, onto a printer the print dialog set up."""
    case = printouts.case_file(printout.beneficiary_id)
    pages = render(
        printout.document(case),
        printer,
        case.beneficiary.case_number,
        progress=progress,
        cancelled=cancelled,
    )
    printouts.record_printed(printout.beneficiary_id, printout.kind, Output.PRINTER, pages)
    return pages


def paper_application(language: str | None = None) -> QGuiApplication:
    """The Qt application a printout needs without a window (``caseload print``):
    offscreen, in ``language`` (None: the app's setting), its translations installed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if language is None:
        from desktop.ui.settings import LANGUAGE, Settings

        language = Settings().get(LANGUAGE)
    from desktop.app import install_translations

    install_translations(app, language)
    return app
