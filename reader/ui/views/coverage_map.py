"""Coverage map: passages × versions as a heat map (after Juxta); click a cell to jump."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from reader.core.align.worddiff import is_unchanged
from reader.ui.models.rendering import StoryView
from reader.ui.theme import LIGHT, DiffPalette

HEADER_H = 46
LEGEND_H = 28
ROW_LABEL_W = 44
MIN_ROW_H = 6
MAX_ROW_H = 22


class CoverageCanvas(QWidget):
    """The painted grid; emits cellClicked(row, article_id)."""

    cellClicked = Signal(int, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("coverageMap")
        self._view: StoryView | None = None
        self._columns: tuple[str, ...] = ()  # display order, computed once per story
        self.palette_ = LIGHT
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_story(self, view: StoryView | None) -> None:
        """Show a story."""
        self._view = view
        self._columns = view.display_ids if view else ()
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def _rows(self) -> int:
        return len(self._view.story.passages) if self._view else 0

    def _row_h(self) -> int:
        rows = self._rows()
        if not rows:
            return MAX_ROW_H
        fit = (max(self.parentWidget().height() if self.parentWidget() else 600, 300)
               - HEADER_H - LEGEND_H - 8) // rows
        return max(MIN_ROW_H, min(MAX_ROW_H, fit))

    def sizeHint(self) -> QSize:
        return QSize(600, HEADER_H + LEGEND_H + self._rows() * self._row_h() + 8)

    def _cols(self) -> tuple[str, ...]:
        return self._columns

    def cell_rect(self, row: int, col: int) -> QRect:
        """Where a cell is painted (widget coordinates)."""
        cols = max(1, len(self._cols()))
        width = (self.width() - ROW_LABEL_W - 8) // cols
        return QRect(ROW_LABEL_W + col * width, LEGEND_H + HEADER_H + row * self._row_h(),
                     width - 2, self._row_h() - 1)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """(row, column) under a point, or None."""
        for col in range(len(self._cols())):
            r0 = self.cell_rect(0, col)
            if r0.left() <= pos.x() <= r0.right():
                row = (pos.y() - LEGEND_H - HEADER_H) // self._row_h()
                if 0 <= row < self._rows():
                    return row, col
        return None

    def _colour(self, passage, aid: str) -> tuple[QColor, bool]:
        pal = self.palette_
        kind = self._view.share_kind(passage)
        if kind == "single":  # one version: nothing to compare, nothing is "only here"
            return QColor(pal.muted), False
        if kind == "unique":
            return QColor(pal.marker), False
        reworded = not is_unchanged(passage.diffs.get(aid, ()))
        base = QColor("#2f6fb3" if kind == "all" else "#7aa7d8")
        if pal.dark:
            base = QColor("#5b9be0" if kind == "all" else "#345e8c")
        return base, reworded

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pal = self.palette_
        painter.fillRect(self.rect(), QColor(pal.base))
        if self._view is None:
            painter.setPen(QColor(pal.muted))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No story selected")
            return
        self._paint_legend(painter)
        metrics = QFontMetrics(self.font())
        view = self._view
        reference = view.reference_id
        for col, aid in enumerate(self._cols()):
            head = self.cell_rect(0, col)
            head = QRect(head.left(), LEGEND_H, head.width(), HEADER_H - 4)
            painter.setPen(QColor(pal.text))
            font = self.font()
            font.setBold(aid == reference)  # the version the diffs read against
            painter.setFont(font)
            outlet = QFontMetrics(font).elidedText(view.label(aid),
                                                   Qt.TextElideMode.ElideRight, head.width() - 4)
            second = view.header_text(aid).splitlines()[3]  # the side-by-side header's figure
            painter.drawText(head.adjusted(2, 0, -2, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{outlet}\n{second}")
        painter.setFont(self.font())
        row_h = self._row_h()
        for row, passage in enumerate(view.story.passages):
            if row_h >= metrics.height() - 2 and (row % 5 == 4 or row == 0):
                painter.setPen(QColor(pal.muted))
                painter.drawText(QRect(0, self.cell_rect(row, 0).top(), ROW_LABEL_W - 6, row_h),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 str(row + 1))
            for col, aid in enumerate(self._cols()):
                rect = self.cell_rect(row, col)
                if aid in passage.members:
                    colour, reworded = self._colour(passage, aid)
                    painter.fillRect(rect, colour)
                    if reworded:  # texture, not just colour, says "worded differently"
                        painter.fillRect(rect, QBrush(QColor(pal.base), Qt.BrushStyle.Dense6Pattern))
                else:
                    painter.fillRect(rect, QColor(pal.grid))
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        pal = self.palette_
        x = 8
        items = [(QColor(pal.marker), False, "only this version"),
                 (QColor("#7aa7d8" if not pal.dark else "#345e8c"), False, "shared by some"),
                 (QColor("#2f6fb3" if not pal.dark else "#5b9be0"), False, "shared by all"),
                 (QColor("#2f6fb3" if not pal.dark else "#5b9be0"), True, "worded differently"),
                 (QColor(pal.grid), False, "missing")]
        metrics = QFontMetrics(self.font())
        for colour, textured, label in items:
            box = QRect(x, 8, 14, 14)
            painter.fillRect(box, colour)
            if textured:
                painter.fillRect(box, QBrush(QColor(pal.base), Qt.BrushStyle.Dense6Pattern))
            painter.setPen(QColor(pal.text))
            painter.drawText(x + 20, 20, label)
            x += 28 + metrics.horizontalAdvance(label)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at(event.position().toPoint())
        if hit is not None:
            self.cellClicked.emit(hit[0], self._cols()[hit[1]])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at(event.position().toPoint())
        if hit is None or self._view is None:
            self.setToolTip("")
            return
        passage = self._view.story.passages[hit[0]]
        aid = self._cols()[hit[1]]
        text = self._view.passage_text(passage, aid)
        outlet = self._view.label(aid)
        self.setToolTip(f"{outlet}: {text[:200]}" if text else f"{outlet}: not in this version")


class CoverageMap(QScrollArea):
    """The canvas in a scroll area (long stories scroll instead of shrinking to nothing)."""

    cellClicked = Signal(int, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.canvas = CoverageCanvas(self)
        self.setWidget(self.canvas)
        self.setWidgetResizable(True)
        self.canvas.cellClicked.connect(self.cellClicked)

    def set_story(self, view: StoryView | None) -> None:
        """Show a story."""
        self.canvas.set_story(view)

    def set_palette(self, palette: DiffPalette) -> None:
        """Theme change."""
        self.canvas.palette_ = palette
        self.canvas.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.canvas.setMinimumHeight(self.canvas.sizeHint().height())
