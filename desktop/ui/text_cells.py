"""Painting a list's cells of one line of plain text, laid out once instead of every frame.

Qt's own delegate lays each cell's text out again (itemize, shape, elide) on every paint:
with the organisation's fields as columns the caseload list shows 13 columns, and its full
repaint spent most of its time shaping the same strings (perf: QTextEngine and
QUnicodeTools at the top). ``TextCellDelegate`` keeps each shown string as a
``QStaticText``, already shortened with "…" for its column's width, and draws it with the
style's own selection background and focus frame. It shows the display text only: a view
whose model gives fonts, colours, icons or check boxes keeps Qt's delegate.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QStaticText, QTextOption
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QWidget,
)

DISPLAY_ROLE = Qt.ItemDataRole.DisplayRole
# The state's flags as plain ints: Python's enum ``&`` costs microseconds a cell.
SELECTED = QStyle.StateFlag.State_Selected.value
HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
ACTIVE = QStyle.StateFlag.State_Active.value
ENABLED = QStyle.StateFlag.State_Enabled.value
KEYBOARD_FOCUS = QStyle.StateFlag.State_KeyboardFocusChange
RIGHT_TO_LEFT = Qt.LayoutDirection.RightToLeft
ELIDE_RIGHT = Qt.TextElideMode.ElideRight
PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
FOCUS_FRAME = QStyle.PrimitiveElement.PE_FrameFocusRect
ColorGroup = QPalette.ColorGroup
ColorRole = QPalette.ColorRole
# Laid-out strings kept per view: a screenful is ~400 cells; a long scroll meets new names
# all the time, so the whole cache is dropped when it grows past this many.
MAX_CACHED = 4096


def _text_color(palette: QPalette, state: int) -> QColor:
    """The pen of a cell's text, as Qt's item painting picks it."""
    if not state & ENABLED:
        group = ColorGroup.Disabled
    else:
        group = ColorGroup.Active if state & ACTIVE else ColorGroup.Inactive
    return palette.color(group, ColorRole.HighlightedText if state & SELECTED else ColorRole.Text)


class TextCellDelegate(QStyledItemDelegate):
    """Draws each cell's display text as a cached ``QStaticText`` (see the module's note)."""

    def __init__(self, view: QWidget):
        super().__init__(view)
        self._view = view
        self._laid_out: dict[tuple[str, int, bool], QStaticText] = {}
        # (palette, state) -> the text's colour: a palette lookup costs more than the draw.
        self._colors: dict[tuple[int, int], QColor] = {}
        self._style = view.style()
        # The text's inset from the cell's edge, as Qt's own item painting has it.
        self._margin = (
            self._style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        )

    def clear(self) -> None:
        """Forgets every laid-out string and colour (after a change of font, style or language)."""
        self._laid_out.clear()
        self._colors.clear()
        self._style = self._view.style()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data(DISPLAY_ROLE)
        state = option.state.value
        rect = option.rect
        # The selection's background (and nothing for an unselected cell: the view has
        # painted the row's alternating colour already), as the style draws it.
        if state & SELECTED:
            self._style.drawPrimitive(PANEL, option, painter, self._view)
        if text:
            margin = self._margin
            width = rect.width() - 2 * margin
            rtl = option.direction is RIGHT_TO_LEFT
            key = (text, width, rtl)
            static = self._laid_out.get(key)
            if static is None:
                static = self._lay_out(text, width, option)
            palette = option.palette
            colors = (palette.cacheKey(), state & (SELECTED | ACTIVE | ENABLED))
            color = self._colors.get(colors)
            if color is None:
                color = self._colors[colors] = _text_color(palette, state)
            painter.setPen(color)
            size = static.size()
            top = rect.y() + (rect.height() - size.height()) / 2
            left = rect.right() - margin - size.width() + 1 if rtl else rect.x() + margin
            painter.drawStaticText(QPointF(left, int(top)), static)
        if state & HAS_FOCUS:
            self._focus_frame(painter, option)

    def _lay_out(self, text: str, width: int, option: QStyleOptionViewItem) -> QStaticText:
        if len(self._laid_out) >= MAX_CACHED:
            self._laid_out.clear()
        static = QStaticText(option.fontMetrics.elidedText(text, ELIDE_RIGHT, width))
        static.setTextFormat(Qt.TextFormat.PlainText)
        layout = QTextOption()
        layout.setTextDirection(option.direction)
        layout.setWrapMode(QTextOption.WrapMode.NoWrap)
        static.setTextOption(layout)
        self._laid_out[(text, width, option.direction is RIGHT_TO_LEFT)] = static
        return static

    def _focus_frame(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        """The current cell's frame, for a person moving through the list by keyboard."""
        focus = QStyleOptionFocusRect()
        focus.rect = option.rect
        focus.state = option.state | KEYBOARD_FOCUS
        focus.palette = option.palette
        focus.direction = option.direction
        focus.fontMetrics = option.fontMetrics
        selected = option.state.value & SELECTED
        focus.backgroundColor = option.palette.color(
            ColorRole.Highlight if selected else ColorRole.Base
        )
        self._style.drawPrimitive(FOCUS_FRAME, focus, painter, self._view)
