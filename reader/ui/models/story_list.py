"""Tree model of the library's stories (lazily paged) with their versions as children."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from PySide6.QtCore import (QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt,
                            Signal)
from PySide6.QtGui import QFont

from reader.core.text.display import one_line

PAGE_SIZE = 200
ARTICLE_MIME = "application/x-parallax-article"

COLUMNS = ("Story", "#", "Outlets", "Date", "★")
COL_TITLE, COL_VERSIONS, COL_OUTLETS, COL_DATE, COL_STAR = range(5)
SORT_KEYS = {COL_TITLE: "title", COL_VERSIONS: "versions", COL_OUTLETS: "outlets",
             COL_DATE: "date", COL_STAR: "starred"}

StoryIdRole = Qt.ItemDataRole.UserRole + 10
ArticleIdRole = Qt.ItemDataRole.UserRole + 11
VersionCountRole = Qt.ItemDataRole.UserRole + 12
OutletsRole = Qt.ItemDataRole.UserRole + 13  # tuple of outlet names, for the compact column
_Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internalId of story rows; version rows carry story row + 1


@dataclass(frozen=True, slots=True)
class VersionRow:
    """One version line under a story."""

    article_id: str
    outlet: str
    title: str
    date: str | None
    read: bool
    starred: bool


class StorySource(Protocol):
    """What the story list needs from the library (see reader.ui.gateway)."""

    def story_page(self, limit: int, offset: int, sort: str, descending: bool,
                   query: str | None) -> Sequence: ...

    def versions(self, story_row) -> Sequence[VersionRow]: ...

    def story(self, story_id: str): ...


class StoryListModel(QAbstractItemModel):
    """Stories as top-level rows fetched a page at a time (fetchMore); versions as children."""

    # (article id, target story id): a version was dropped onto another story.
    moveRequested = Signal(str, str)

    def __init__(self, source: StorySource, parent=None) -> None:
        super().__init__(parent)
        self._source = source
        self._rows: list = []
        self._versions: dict[str, list[VersionRow]] = {}
        self._exhausted = False
        self._query: str | None = None
        self._sort = "versions"  # stories worth comparing first (the browser's default)
        self._descending = True
        self.pages_fetched = 0  # for benchmarks: proves the list never loads everything

    # -- paging and refresh -----------------------------------------------------------------
    def set_query(self, query: str | None) -> None:
        """Filter by a full-text query (None or "" shows every story)."""
        self._query = (query or "").strip() or None
        self.refresh(keep_loaded=False)

    @property
    def query(self) -> str | None:
        """The active full-text query."""
        return self._query

    def refresh(self, keep_loaded: bool = True) -> None:
        """Reload from the library (after an import or a regrouping decision)."""
        wanted = max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE
        self.beginResetModel()
        self._rows = []
        self._versions.clear()
        self._exhausted = False
        self.endResetModel()
        while len(self._rows) < wanted and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = list(self._source.story_page(PAGE_SIZE, len(self._rows), self._sort,
                                            self._descending, self._query))
        self.pages_fetched += 1
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = SORT_KEYS.get(column, "date")
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.refresh(keep_loaded=False)
        self.layoutChanged.emit()

    # -- lookups ----------------------------------------------------------------------------
    def story_row(self, index: _Index):
        """The StoryRow of a story index (or of a version's story)."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def index_of_story(self, story_id: str) -> QModelIndex:
        """The index of a loaded story (invalid if not loaded)."""
        for row, story in enumerate(self._rows):
            if story.id == story_id:
                return self.index(row, 0)
        return QModelIndex()

    def update_story(self, story_id: str) -> None:
        """Re-read one story's row (read/star flags changed) without resetting the list."""
        for r, row in enumerate(self._rows):
            if row.id != story_id:
                continue
            try:
                self._rows[r] = self._source.story(story_id)
            except KeyError:
                return
            self._versions.pop(story_id, None)
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
            n = self.rowCount(self.index(r, 0))
            if n:
                parent = self.index(r, 0)
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(n - 1, len(COLUMNS) - 1, parent))
            return

    def loaded_count(self) -> int:
        """Stories loaded so far."""
        return len(self._rows)

    def _version_rows(self, story_index: int) -> list[VersionRow]:
        story = self._rows[story_index]
        rows = self._versions.get(story.id)
        if rows is None:
            rows = self._versions[story.id] = list(self._source.versions(story))
        return rows

    # -- Qt API -----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._rows) else QModelIndex()
        if parent.internalId() != _TOP or parent.row() >= len(self._rows):
            return QModelIndex()
        if row >= len(self._rows[parent.row()].article_ids):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == _TOP and parent.column() == 0:
            story = self._rows[parent.row()]
            # A single-version story is a leaf: nothing to expand.
            return len(story.article_ids) if len(story.article_ids) > 1 else 0
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return ("Story title", "Number of versions", "Outlets", "Latest date",
                    "Starred")[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._story_data(self._rows[index.row()], index.column(), role)
        story_row = index.internalId() - 1
        version = self._version_rows(story_row)[index.row()]
        return self._version_data(self._rows[story_row], version, index.column(), role)

    def _story_data(self, story, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return one_line(story.title) or "(untitled)"
            if column == COL_VERSIONS:
                return str(len(story.article_ids))
            if column == COL_OUTLETS:
                return ", ".join(story.outlets)
            if column == COL_DATE:
                return story.latest_date or ""
            if column == COL_STAR:
                return "★" if story.starred else "☆"
        if role == Qt.ItemDataRole.FontRole and not story.read:
            font = QFont()
            font.setBold(True)  # unread, as in a mail client
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TITLE, COL_OUTLETS):
            return (f"{one_line(story.title)}\n{len(story.article_ids)} versions: "
                    f"{one_line(', '.join(story.outlets))}")
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_STAR:
            return "starred" if story.starred else "not starred"
        if role == StoryIdRole:
            return story.id
        if role == OutletsRole:
            return tuple(story.outlets)
        if role == VersionCountRole:
            return len(story.article_ids)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_VERSIONS, COL_STAR):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _version_data(self, story, version: VersionRow, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return one_line(version.title) or "(untitled)"
            if column == COL_OUTLETS:
                return version.outlet
            if column == COL_DATE:
                return version.date or ""
            if column == COL_STAR:
                return "★" if version.starred else ""
            return None
        if role == Qt.ItemDataRole.FontRole and not version.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TITLE, COL_OUTLETS):
            return f"{one_line(version.title)}\n{one_line(version.outlet)}"
        if role == OutletsRole:
            return (version.outlet,)
        if role == StoryIdRole:
            return story.id
        if role == ArticleIdRole:
            return version.article_id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == _TOP:
            return base | Qt.ItemFlag.ItemIsDropEnabled  # drop a version onto a story
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren

    # -- drag a version onto another story --------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [ARTICLE_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = []
        for index in indexes:
            aid = self.data(index, ArticleIdRole)
            if aid and aid not in ids:
                ids.append(aid)
        mime = QMimeData()
        mime.setData(ARTICLE_MIME, "\n".join(ids).encode())
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        return data.hasFormat(ARTICLE_MIME) and parent.isValid() and parent.internalId() == _TOP

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._rows[parent.row()]
        for aid in bytes(data.data(ARTICLE_MIME)).decode().split():
            if aid not in target.article_ids:
                self.moveRequested.emit(aid, target.id)
        # The library decides the new grouping; the list refreshes from it afterwards.
        return False
