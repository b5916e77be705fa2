"""Side-by-side view: a column per version, a row per passage, word differences in the cells."""

from __future__ import annotations

from PySide6.QtCore import (QEvent, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QAbstractTextDocumentLayout, QBrush, QColor, QFontMetrics, QPainter
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QMenu, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableView,
                               QToolTip)

from reader.ui.models.passages import (OMISSION_LABEL, OMISSION_SHORT, HtmlRole, KindRole,
                                       MarkTipRole, MeasureRole, PassageTableModel,
                                       PresentRole)
from reader.ui.theme import LIGHT, DiffPalette

PAD = 6  # cell padding, px
MIN_COLUMN = 120  # px: narrower than this, the versions scroll sideways instead


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
            label = OMISSION_LABEL
            if metrics.horizontalAdvance(label) + 16 > rect.width():
                label = OMISSION_SHORT  # a narrow column: the short form, never a cut one
            label_rect = metrics.boundingRect(label).adjusted(-6, -2, 6, 2)
            label_rect.moveCenter(rect.center())
            painter.fillRect(label_rect, QColor(self.palette.base))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, label)
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

    def anchor_at(self, rect: QRect, html: str, font, point) -> str:
        """The link (gap or change mark) under a point of a cell, laid out as paint() does."""
        self._doc.setDefaultFont(font)
        self._doc.setTextWidth(max(10, rect.width() - 2 * PAD))
        self._doc.setHtml(f'<div style="color:{self.palette.text}">{html}</div>')
        local = QPointF(point.x() - rect.left() - PAD, point.y() - rect.top() - PAD)
        return self._doc.documentLayout().anchorAt(local)

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.data(PresentRole):
            html = index.data(HtmlRole) or ""
            anchor = self.anchor_at(option.rect, html, option.font, event.pos())
            if anchor.startswith("gap:"):
                tip = index.data(MarkTipRole)
                text = (tip or {}).get(int(anchor[4:]), "")
                if text:
                    QToolTip.showText(event.globalPos(), text, view)
                    return True
        return super().helpEvent(event, view, option, index)

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
    sharedOnlyChanged = Signal(bool)  # the view turned the filter off itself (a jump)

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
        header.setMinimumSectionSize(MIN_COLUMN)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionResized.connect(self._schedule_heights)
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self._height_cache: dict[tuple[int, int, int], int] = {}
        self._shared_only = False
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
        """Show a StoryView (or None). The reference version is the first column; a
        recomputed story (new reference, new options) keeps the user's order and hidden
        columns, a different story starts from the default order."""
        old = self._model.story_view
        same = old is not None and view is not None and old.story.id == view.story.id
        order, hidden = self.column_order(), self.hidden_columns()
        self._model.set_story(view)
        self._height_cache.clear()
        self._arrange_columns(order if same else [], hidden if same else set())
        self._apply_row_filter(resize=False)  # a model reset shows every row again
        self.fit_columns()
        self.update_row_heights()
        self.horizontalScrollBar().setValue(0)  # a new story starts at its first version
        self.verticalScrollBar().setValue(0)  # ... and at its first row

    def first_visible_content_row(self) -> int:
        """The first row with text in a column on screen: the view opens there, so it never
        opens on rows that are empty in every column in sight (rows above stay scrollable)."""
        header, model = self.horizontalHeader(), self._model
        width = max(1, self.viewport().width())
        on_screen = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)
                     and header.sectionViewportPosition(c) < width]
        for row in range(model.rowCount()):
            if not self.isRowHidden(row) and any(
                    model.index(row, c).data(PresentRole) for c in on_screen):
                return row
        return 0

    def column_order(self) -> list[str]:
        """Article ids of the columns, left to right as shown."""
        header = self.horizontalHeader()
        return [self._model.article_id(header.logicalIndex(v)) for v in range(header.count())]

    def hidden_columns(self) -> set[str]:
        """Article ids of the hidden columns."""
        header = self.horizontalHeader()
        return {self._model.article_id(c) for c in range(header.count())
                if header.isSectionHidden(c)}

    def _arrange_columns(self, previous: list[str], hidden: set[str]) -> None:
        # Header moves and hidden sections outlive a model reset; lay them out explicitly.
        header, model = self.horizontalHeader(), self._model
        ids = [model.article_id(c) for c in range(model.columnCount())]
        if not ids:
            return
        ref = ids[0]  # the model puts the reference first
        wanted = [ref] + [a for a in previous if a in ids and a != ref]
        wanted += [a for a in ids if a not in wanted]
        for visual, aid in enumerate(wanted):
            header.moveSection(header.visualIndex(ids.index(aid)), visual)
        for col, aid in enumerate(ids):
            header.setSectionHidden(col, aid in hidden and aid != ref)

    def fit_columns(self) -> None:
        """Share the pane's width between the shown versions (at least MIN_COLUMN px each;
        past that the table scrolls sideways)."""
        cols = self._model.columnCount()
        if not cols:
            return
        header = self.horizontalHeader()
        shown = [c for c in range(cols) if not header.isSectionHidden(c)] or [0]
        avail = max(1, self.viewport().width() or self.width() - 40)
        width = max(MIN_COLUMN, avail // len(shown))
        header.blockSignals(True)
        for c in range(cols):
            header.resizeSection(c, width)
        header.blockSignals(False)
        header.setFixedHeight(QFontMetrics(header.font()).lineSpacing() * 5 + 14)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()
            self._schedule_heights()

    def clear_height_cache(self) -> None:
        """Forget the row heights (the cells' text changed) and measure again."""
        self._height_cache.clear()
        self.update_row_heights()

    def _schedule_heights(self, *args) -> None:
        self._heights_timer.start()

    def update_row_heights(self) -> None:
        """Set each row to its tallest cell (cached per row, column and width)."""
        model, header = self._model, self.horizontalHeader()
        font = self.font()
        metrics = QFontMetrics(font)
        vheader = self.verticalHeader()
        for row in range(model.rowCount()):
            if self.isRowHidden(row):
                continue  # sized when the filter shows it again
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

    # -- "shared passages only" -----------------------------------------------------------
    @property
    def shared_only(self) -> bool:
        """Whether rows of passages only one version has are hidden."""
        return self._shared_only

    def set_shared_only(self, on: bool) -> None:
        """Hide (or show again) the rows of passages only one version has."""
        if on == self._shared_only:
            return
        self._shared_only = on
        self._apply_row_filter()

    def hidden_rows(self) -> list[int]:
        """Rows the filter hides."""
        return [r for r in range(self._model.rowCount()) if self.isRowHidden(r)]

    def _apply_row_filter(self, resize: bool = True) -> None:
        rows = self._model.single_member_rows() if self._shared_only else []
        hide = set(rows)
        for row in range(self._model.rowCount()):
            self.setRowHidden(row, row in hide)
        if resize:
            self.update_row_heights()  # rows shown again need their heights before a jump

    def scroll_to_passage(self, row: int, article_id: str | None = None) -> None:
        """Select and reveal a passage (from the coverage map or difference navigation);
        a passage the filter hides turns the filter off rather than jumping nowhere."""
        if not 0 <= row < self._model.rowCount():
            return
        if self.isRowHidden(row):
            self.set_shared_only(False)
            self.sharedOnlyChanged.emit(False)
        col = self._model.column_of(article_id) if article_id else -1
        if col < 0:
            col = max(0, self.currentIndex().column())
            if not self._model.index(row, col).data(PresentRole):
                # Land on a version that has the passage, leftmost first (as shown).
                header = self.horizontalHeader()
                having = [header.logicalIndex(v) for v in range(header.count())
                          if not header.isSectionHidden(header.logicalIndex(v))
                          and self._model.index(row, header.logicalIndex(v)).data(PresentRole)]
                col = having[0] if having else col
        index = self._model.index(row, col)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def step_difference(self, forward: bool) -> int:
        """Move to the next/previous row where versions differ; returns the row or -1."""
        rows = [r for r in self._model.difference_rows() if not self.isRowHidden(r)]
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
                outlet = self._model.story_view.label(self._model.article_id(col))
                menu.addAction(f"Show {outlet}", lambda c=col: self._set_hidden(c, False))
        menu.popup(header.mapToGlobal(pos))

    def _set_hidden(self, column: int, hidden: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, hidden)
        self.fit_columns()
        self.update_row_heights()
