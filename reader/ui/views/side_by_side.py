"""Side-by-side view: a column per version, a row per passage, word differences in the cells."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QBrush, QColor, QFontMetrics, QPainter
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QMenu, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView)

from reader.ui.models.passages import (OMISSION_LABEL, HtmlRole, KindRole, MeasureRole,
                                       PassageTableModel, PresentRole)
from reader.ui.theme import LIGHT, DiffPalette

PAD = 6  # cell padding, px


class DiffDelegate(QStyledItemDelegate):
    """Paints a cell's diff HTML with QTextDocument, or a hatched, labelled omission."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.palette: DiffPalette = LIGHT
        self._doc = QTextDocument()  # reused: building one per paint is the slow part
        self._doc.setDocumentMargin(0)
        self._measure = QTextDocument()  # plain-text twin of _doc, for row heights
        self._measure.setDocumentMargin(0)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        kind = index.data(KindRole)
        if not index.data(PresentRole):
            painter.fillRect(rect, QColor(self.palette.base))
            painter.fillRect(rect, QBrush(QColor(self.palette.hatch), Qt.BrushStyle.BDiagPattern))
            font = option.font
            font.setItalic(True)
            painter.setFont(font)
            painter.setPen(QColor(self.palette.muted))
            metrics = QFontMetrics(font)
            label_rect = metrics.boundingRect(OMISSION_LABEL).adjusted(-6, -2, 6, 2)
            label_rect.moveCenter(rect.center())
            painter.fillRect(label_rect, QColor(self.palette.base))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, OMISSION_LABEL)
        else:
            bg = self.palette.unique_bg if kind == "unique" else self.palette.base
            painter.fillRect(rect, QColor(bg))
            if kind == "unique":
                # A bar on the left marks content only this version has (not colour alone).
                painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()),
                                 QColor(self.palette.marker))
            self._doc.setDefaultFont(option.font)
            self._doc.setTextWidth(max(10, rect.width() - 2 * PAD))
            self._doc.setHtml(f'<div style="color:{self.palette.text}">{index.data(HtmlRole)}</div>')
            painter.translate(rect.left() + PAD, rect.top() + PAD)
            clip = QRectF(0, 0, rect.width() - 2 * PAD, rect.height() - 2 * PAD)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = clip
            ctx.palette.setColor(QPalette.ColorRole.Text, QColor(self.palette.text))
            painter.setClipRect(clip)
            self._doc.documentLayout().draw(painter, ctx)
            painter.setClipping(False)
            painter.translate(-(rect.left() + PAD), -(rect.top() + PAD))
        if selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def height_for(self, text: str | None, width: int, font) -> int:
        """Cell height for a text at a column width, laid out exactly as paint() does."""
        metrics = QFontMetrics(font)
        if text is None:
            return metrics.height() + 2 * PAD + 4
        doc = self._measure
        doc.setDefaultFont(font)
        doc.setTextWidth(max(10, width - 2 * PAD))
        doc.setPlainText(text)
        return int(doc.size().height()) + 2 * PAD + 1

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width(), self.height_for(index.data(MeasureRole),
                                                          option.rect.width(), option.font))


class SideBySideView(QTableView):
    """The passages table; row heights are computed once per story/width and cached."""

    referenceRequested = Signal(str)  # article id the user wants as the reference

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sideBySide")
        self._model = PassageTableModel(self)
        self.setModel(self._model)
        self._delegate = DiffDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setShowGrid(True)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)  # drag to reorder versions
        header.setMinimumSectionSize(190)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(self._schedule_heights)
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self._height_cache: dict[tuple[int, int, int], int] = {}
        # Coalesce the many sectionResized signals of one layout pass into one recompute.
        self._heights_timer = QTimer(self)
        self._heights_timer.setSingleShot(True)
        self._heights_timer.setInterval(0)
        self._heights_timer.timeout.connect(self.update_row_heights)

    @property
    def passage_model(self) -> PassageTableModel:
        """The table model."""
        return self._model

    def set_palette(self, palette: DiffPalette) -> None:
        """Theme change."""
        self._delegate.palette = palette
        self._model.set_palette(palette)
        self.viewport().update()

    def set_story(self, view) -> None:
        """Show a StoryView (or None)."""
        self._model.set_story(view)
        self._height_cache.clear()
        self.fit_columns()
        self.update_row_heights()
        self.horizontalScrollBar().setValue(0)  # a new story starts at its first version
        self.verticalScrollBar().setValue(0)

    def fit_columns(self) -> None:
        """Share the width between versions; past ~4 versions, scroll horizontally."""
        cols = self._model.columnCount()
        if not cols:
            return
        avail = max(1, self.viewport().width() or self.width() - 40)
        width = max(self.horizontalHeader().minimumSectionSize(), avail // min(cols, 4))
        header = self.horizontalHeader()
        header.blockSignals(True)
        for c in range(cols):
            header.resizeSection(c, width)
        header.blockSignals(False)
        header.setFixedHeight(QFontMetrics(header.font()).lineSpacing() * 2 + 14)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()
            self._schedule_heights()

    def _schedule_heights(self, *args) -> None:
        self._heights_timer.start()

    def update_row_heights(self) -> None:
        """Set each row to its tallest cell (cached per row, column and width)."""
        model, header = self._model, self.horizontalHeader()
        font = self.font()
        metrics = QFontMetrics(font)
        vheader = self.verticalHeader()
        for row in range(model.rowCount()):
            tallest = 0
            for col in range(model.columnCount()):
                if header.isSectionHidden(col):
                    continue
                width = header.sectionSize(col)
                key = (row, col, width)
                h = self._height_cache.get(key)
                if h is None:
                    text = model.data(model.index(row, col), MeasureRole)
                    h = self._height_cache[key] = self._delegate.height_for(text, width, font)
                tallest = max(tallest, h)
            vheader.resizeSection(row, max(tallest, metrics.height() + 2 * PAD))

    def scroll_to_passage(self, row: int, article_id: str | None = None) -> None:
        """Select and reveal a passage (from the coverage map or difference navigation)."""
        if not 0 <= row < self._model.rowCount():
            return
        col = self._model.column_of(article_id) if article_id else -1
        if col < 0:
            col = max(0, self.currentIndex().column())
        index = self._model.index(row, col)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def step_difference(self, forward: bool) -> int:
        """Move to the next/previous row where versions differ; returns the row or -1."""
        rows = self._model.difference_rows()
        if not rows:
            return -1
        current = self.currentIndex().row() if self.currentIndex().isValid() else -1
        if forward:
            after = [r for r in rows if r > current]
            target = after[0] if after else rows[0]
        else:
            before = [r for r in rows if r < current] if current >= 0 else []
            target = before[-1] if before else rows[-1]
        self.scroll_to_passage(target)
        return target

    def _header_menu(self, pos) -> None:
        header = self.horizontalHeader()
        section = header.logicalIndexAt(pos)
        menu = QMenu(self)
        if section >= 0:
            aid = self._model.article_id(section)
            menu.addAction("Use as reference", lambda: self.referenceRequested.emit(aid))
            hide = menu.addAction("Hide this version", lambda: self._set_hidden(section, True))
            hidden_count = sum(header.isSectionHidden(c) for c in range(header.count()))
            hide.setEnabled(header.count() - hidden_count > 1)
            menu.addSeparator()
        for col in range(header.count()):
            if header.isSectionHidden(col):
                outlet = self._model.story_view.articles[self._model.article_id(col)].outlet
                menu.addAction(f"Show {outlet}", lambda c=col: self._set_hidden(c, False))
        menu.popup(header.mapToGlobal(pos))

    def _set_hidden(self, column: int, hidden: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, hidden)
        self.update_row_heights()
