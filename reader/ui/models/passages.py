"""Table model of one story: a row per passage, a column per version (side-by-side view)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.ui.models.rendering import (StoryView, cell_marks_of, diff_html, gap_tooltip,
                                        measure_text)
from reader.ui.theme import LIGHT, DiffPalette

HtmlRole = Qt.ItemDataRole.UserRole + 1      # cell rich text, None for an omission
PresentRole = Qt.ItemDataRole.UserRole + 2   # whether the version has this passage
MeasureRole = Qt.ItemDataRole.UserRole + 3   # plain text the cell shows, for sizing
KindRole = Qt.ItemDataRole.UserRole + 4      # unique / some / all
ArticleRole = Qt.ItemDataRole.UserRole + 5   # article id of the column
MarkTipRole = Qt.ItemDataRole.UserRole + 6   # {mark number: tooltip} of gaps and changes

OMISSION_LABEL = "— not in this version —"
OMISSION_SHORT = "— not here —"
_Index = QModelIndex | QPersistentModelIndex


class PassageTableModel(QAbstractTableModel):
    """Passages × versions of a StoryView; cells carry diff HTML."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._view: StoryView | None = None
        self._columns: tuple[str, ...] = ()
        self._palette: DiffPalette = LIGHT
        self._html_cache: dict[tuple[int, int], str | None] = {}
        self._header_cache: dict[str, str] = {}
        self.inline_missing = False  # show what a version lacks as text, not as a caret

    def set_inline_missing(self, on: bool) -> None:
        """Show the reference words a version lacks inline (bracketed) instead of as carets."""
        self.inline_missing = on
        self.set_palette(self._palette)

    # -- content ----------------------------------------------------------------------------
    def set_story(self, view: StoryView | None) -> None:
        """Show a story (None clears)."""
        self.beginResetModel()
        self._view = view
        self._columns = view.display_ids if view else ()
        self._html_cache.clear()
        self._header_cache.clear()
        self.endResetModel()

    def set_palette(self, palette: DiffPalette) -> None:
        """Re-colour the cells (theme change)."""
        self._palette = palette
        self._html_cache.clear()
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    @property
    def story_view(self) -> StoryView | None:
        """The story shown."""
        return self._view

    def article_id(self, column: int) -> str:
        """Article id of a column."""
        return self._columns[column]

    def column_of(self, article_id: str) -> int:
        """Column of an article id (-1 if absent)."""
        try:
            return self._columns.index(article_id)
        except ValueError:
            return -1

    def row_of(self, passage_id: str) -> int:
        """Row of a passage id (-1 if absent)."""
        if self._view is None:
            return -1
        for row, p in enumerate(self._view.story.passages):
            if p.id == passage_id:
                return row
        return -1

    def difference_rows(self) -> list[int]:
        """Rows where the versions differ (for next/previous difference)."""
        if self._view is None:
            return []
        return [r for r, p in enumerate(self._view.story.passages) if self._view.is_difference(p)]

    def single_member_rows(self) -> list[int]:
        """Rows of passages only one version has (none when the story has one version)."""
        if self._view is None or len(self._columns) < 2:
            return []
        return [r for r, p in enumerate(self._view.story.passages) if len(p.members) <= 1]

    # -- Qt API -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._view is None:
            return 0
        return len(self._view.story.passages)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._view is None:
            return None
        passage = self._view.story.passages[index.row()]
        aid = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._view.passage_text(passage, aid)
            return OMISSION_LABEL if text is None else text
        if role == HtmlRole:
            key = (index.row(), index.column())
            if key not in self._html_cache:
                self._html_cache[key] = diff_html(self._view, passage, aid, self._palette,
                                                    self.inline_missing)
            return self._html_cache[key]
        if role == PresentRole:
            return aid in passage.members
        if role == MeasureRole:
            return measure_text(self._view, passage, aid, self.inline_missing)
        if role == MarkTipRole:
            cell = cell_marks_of(self._view, passage, aid)
            if cell is None:
                return None
            return {n: gap_tooltip(m) for n, m in enumerate(cell.marks) if m.missing}
        if role == KindRole:
            return self._view.share_kind(passage)
        if role == ArticleRole:
            return aid
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._view.cell_tooltip(passage, aid)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if self._view is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                aid = self._columns[section]
                if aid not in self._header_cache:  # counts words: once per story, not per paint
                    self._header_cache[aid] = self._view.header_text(aid)
                return self._header_cache[aid]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._view.header_tooltip(self._columns[section])
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.rowCount():
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
