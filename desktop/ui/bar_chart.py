"""A report's chart: horizontal bars drawn with QPainter (docs/reports.md says why no library).

One bar per category (a month, a caseworker, a choice); with a second label column (the
kind of each month's sessions), the bar is stacked by it and a legend names the colours.
Bars read right to left in a right-to-left language. The numbers are the table's: the
chart is only another view of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# Okabe and Ito's colours, told apart with the common colour-vision deficiencies.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
BAR_HEIGHT = 18
GAP = 6
MARGIN = 8


@dataclass(frozen=True)
class Bar:
    label: str
    parts: tuple[tuple[int, int], ...]  # (series index, value), stacked in order

    @property
    def total(self) -> int:
        return sum(value for _series, value in self.parts)


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("barChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bars: tuple[Bar, ...] = ()
        self.series: tuple[str, ...] = ()
        self.empty_text = ""

    def set_rows(self, rows: list[tuple], *, stacked: bool, empty_text: str = "") -> None:
        """``rows``: (label, count) or, ``stacked``, (label, series label, count)."""
        self.empty_text = empty_text
        series: dict[str, int] = {}
        bars: dict[str, list[tuple[int, int]]] = {}
        for row in rows:
            label, value = str(row[0]), int(row[-1])
            name = str(row[1]) if stacked else ""
            index = series.setdefault(name, len(series))
            bars.setdefault(label, []).append((index, value))
        self.bars = tuple(Bar(label, tuple(parts)) for label, parts in bars.items())
        self.series = tuple(series) if stacked else ()
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def _legend_height(self) -> int:
        return BAR_HEIGHT + GAP if self.series else 0

    def sizeHint(self) -> QSize:
        rows = max(len(self.bars), 1)
        return QSize(480, MARGIN * 2 + self._legend_height() + rows * (BAR_HEIGHT + GAP))

    def color(self, series: int) -> QColor:
        return QColor(PALETTE[series % len(PALETTE)])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(palette.ColorRole.WindowText)
        painter.setPen(text_color)
        metrics = QFontMetrics(self.font())
        width = self.width()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def mirrored(rect: QRectF) -> QRectF:
            if not rtl:
                return rect
            return QRectF(width - rect.x() - rect.width(), rect.y(), rect.width(), rect.height())

        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        top = MARGIN
        if self.series:
            x = MARGIN
            for index, name in enumerate(self.series):
                swatch = QRectF(x, top + 4, BAR_HEIGHT - 8, BAR_HEIGHT - 8)
                painter.fillRect(mirrored(swatch), self.color(index))
                text_width = metrics.horizontalAdvance(name)
                label = QRectF(x + BAR_HEIGHT - 4, top, text_width + 4, BAR_HEIGHT)
                painter.drawText(mirrored(label), int(Qt.AlignmentFlag.AlignVCenter), name)
                x += BAR_HEIGHT + text_width + 16
            top += self._legend_height()
        label_width = min(
            max(metrics.horizontalAdvance(bar.label) for bar in self.bars) + GAP * 3, width // 3
        )
        largest = max(bar.total for bar in self.bars) or 1
        value_width = metrics.horizontalAdvance(f"{largest:,}") + GAP * 2
        area = max(width - MARGIN * 2 - label_width - value_width, 10)
        for row, bar in enumerate(self.bars):
            y = top + row * (BAR_HEIGHT + GAP)
            label = QRectF(MARGIN, y, label_width - GAP, BAR_HEIGHT)
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
            )
            shown = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label.width()))
            painter.drawText(mirrored(label), int(align), shown)
            x = MARGIN + label_width
            for series, value in bar.parts:
                length = area * value / largest
                painter.fillRect(mirrored(QRectF(x, y, length, BAR_HEIGHT)), self.color(series))
                x += length
            value_rect = QRectF(x + GAP, y, value_width, BAR_HEIGHT)
            painter.drawText(
                mirrored(value_rect), int(Qt.AlignmentFlag.AlignVCenter), f"{bar.total:,}"
            )
        painter.end()
