"""How a laid-out document goes onto paper: the paper size, pages and footer, the PDF file.

Any ``QPagedPaintDevice`` takes the pages: a ``QPdfWriter`` (QtGui) for a PDF, or the
``QPrinter`` the print dialog set up. Both may be painted off the GUI thread, so the window
does this on the worker pool (``desktop/ui/print_dialog.py``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from desktop.errors import UserError
from desktop.paths import make_private

MARGIN_MM = 18.0
FONT_POINTS = 10.0
# Where US Letter is the paper in the shops (the rest of the world uses A4).
LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.Venezuela,
        QLocale.Country.Guatemala,
        QLocale.Country.CostaRica,
        QLocale.Country.PuertoRico,
    }
)


class Printing:
    """The context of the printed papers' texts: lupdate files ``Printing.tr("...")``
    under it (a module-level ``tr()`` it files under no context, and the app never
    found those translations)."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("Printing", text, disambiguation, n)


def paper(locale: QLocale | None = None) -> QPageSize:
    """A4, or Letter where that is the local paper (by the locale's territory)."""
    territory = (locale or QLocale()).territory()
    size = (
        QPageSize.PageSizeId.Letter if territory in LETTER_TERRITORIES else QPageSize.PageSizeId.A4
    )
    return QPageSize(size)


def right_to_left() -> bool:
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


# Unicode's first-strong isolate: a person's text (a name, a phone number, a sentence)
# set inside a line or a cell keeps its own direction and cannot pull the digits and
# marks around it into its run ("مريم · 6RYZK-00001" must not print "6 · مريم RYZK…").
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    return f"{FSI}{text}{PDI}" if text else text


class PrintCancelled(UserError):
    """The person stopped a printout; nothing was written."""


def render(
    document: QTextDocument,
    device: QPagedPaintDevice,
    footer: str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Paints ``document`` page by page on ``device`` with a footer ("CASE · page 2 of 3");
    returns the number of pages. The document is laid out for the device itself, so
    fonts keep their point sizes whatever the device's resolution."""
    layout = document.documentLayout()
    layout.setPaintDevice(device)
    document.setDocumentMargin(0)
    resolution = device.logicalDpiY()
    page = device.pageLayout().paintRectPixels(resolution)
    footer_height = resolution * 0.35  # about 9 mm: one small line and a gap
    body = QSizeF(page.width(), page.height() - footer_height)
    document.setPageSize(body)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise UserError(Printing.tr("The printer or the file could not be opened for writing."))
    try:
        small = QFont(document.defaultFont())
        small.setPointSizeF(FONT_POINTS - 2)
        painter.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if right_to_left() else Qt.LayoutDirection.LeftToRight
        )
        for number in range(pages):
            if cancelled is not None and cancelled():
                raise PrintCancelled(Printing.tr("Printing stopped; nothing was written."))
            if number:
                device.newPage()
            painter.save()
            painter.translate(0, -number * body.height())
            document.drawContents(
                painter, QRectF(0, number * body.height(), body.width(), body.height())
            )
            painter.restore()
            painter.setFont(small)
            line = (
                Printing.tr("%1 · page %2 of %3")
                .replace("%1", isolate(footer))
                .replace("%2", str(number + 1))
                .replace("%3", str(pages))
            )
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer_height),
                int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter),
                line,
            )
            if progress is not None:
                progress(number + 1, pages)
    finally:
        painter.end()
    return pages


def page_layout(size: QPageSize | None = None) -> QPageLayout:
    return QPageLayout(
        size or paper(),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def write_pdf(
    document: QTextDocument,
    path: Path,
    footer: str,
    *,
    size: QPageSize | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Writes the PDF to ``path`` (0600: it holds personal data; it is not encrypted),
    whole or not at all: it is written beside it and renamed at the end. Returns its
    page count."""
    path = Path(path)
    if path.is_dir():
        raise UserError(Printing.tr("%1 is a folder; name the PDF file.").replace("%1", str(path)))
    folder = path.parent
    if not folder.is_dir():
        raise UserError(Printing.tr("The folder %1 does not exist.").replace("%1", str(folder)))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".caseload-", suffix=".pdf", dir=folder)
    except OSError as exc:
        raise UserError(
            Printing.tr("Cannot write in %1: %2.")
            .replace("%1", str(folder))
            .replace("%2", exc.strerror or "")
        ) from None
    os.close(handle)  # made 0600 by mkstemp; the writer opens it by name
    temporary_path = Path(temporary)
    try:
        writer = QPdfWriter(str(temporary_path))
        writer.setCreator("Caseload")
        writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        writer.setPageLayout(page_layout(size))
        pages = render(document, writer, footer, progress=progress, cancelled=cancelled)
        del writer  # the file is complete once the painter has ended
        make_private(temporary_path)
        os.replace(temporary_path, path)
    except BaseException:
        temporary_path.unlink(missing_ok=True)
        raise
    return pages
