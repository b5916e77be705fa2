"""The story list pane: a full-text search field over a lazily paged tree of stories."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QMenu,
                               QStyledItemDelegate, QTreeView, QVBoxLayout, QWidget)

from reader.ui.models.story_list import (COL_DATE, COL_OUTLETS, COL_STAR, COL_TITLE,
                                         COL_VERSIONS, ArticleIdRole, OutletsRole, StoryIdRole,
                                         StoryListModel)

SEARCH_DELAY_MS = 250  # type-ahead: query once the user pauses
NARROW_LIST = 440  # px: below this the story list hides its Date column


def compact_outlets(outlets, metrics: QFontMetrics, width: int) -> str:
    """The first outlet, elided to fit, then "+N" for the others (the count never elides)."""
    outlets = tuple(outlets or ())
    if not outlets:
        return ""
    more = f" +{len(outlets) - 1}" if len(outlets) > 1 else ""
    room = max(0, width - metrics.horizontalAdvance(more))
    return metrics.elidedText(outlets[0], Qt.TextElideMode.ElideRight, room) + more


class OutletsDelegate(QStyledItemDelegate):
    """Draws the Outlets column as "first outlet… +N" so a narrow column still says how many."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        outlets = index.data(OutletsRole)
        if outlets:
            width = option.rect.width() - 12  # the style's text margins
            option.text = compact_outlets(outlets, QFontMetrics(option.font), width)


class StoryBrowser(QWidget):
    """Search field + story tree. Emits the user's intents; the main window acts on them."""

    storySelected = Signal(str)           # story id
    starToggled = Signal(QModelIndex)
    contextRequested = Signal(QMenu, list)  # menu to fill, selected indexes

    def __init__(self, model: StoryListModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("storySearch")
        self.search.setPlaceholderText("Search articles (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView()
        self.tree.setObjectName("storyList")
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)  # lets a 50,000-row list scroll cheaply
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setSortingEnabled(True)
        # Stories worth comparing first: most versions, then the latest.
        self.tree.sortByColumn(COL_VERSIONS, Qt.SortOrder.DescendingOrder)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setItemDelegateForColumn(COL_OUTLETS, OutletsDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(20)
        # The title gets every spare pixel; the other columns are as narrow as their content.
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        bold = self.tree.font()
        bold.setBold(True)  # unread rows are bold: size for them
        metrics, pad = QFontMetrics(bold), 12
        for col, width in ((COL_VERSIONS, metrics.horizontalAdvance("99") + pad),
                           (COL_OUTLETS, metrics.horizontalAdvance("Reute… +9") + pad),
                           (COL_DATE, metrics.horizontalAdvance("2025-10-23") + pad),
                           (COL_STAR, metrics.horizontalAdvance("★") + pad)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        # Said instead of an empty list: a first-run welcome, or that a search found nothing.
        self.empty_note = QLabel()
        self.empty_note.setObjectName("storyListNote")
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_note.setContentsMargins(8, 8, 8, 8)
        self.empty_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.tree, 1)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(self._update_note)
        self._update_note()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.customContextMenuRequested.connect(self._on_menu)

    def _update_note(self, *args) -> None:
        if self.model.rowCount():
            self.empty_note.hide()
            return
        query = self.model.query
        if query:
            self.empty_note.setText(f"No article matches “{query}”. Search looks for words in "
                                    "titles, outlets and text; clear the field to see every "
                                    "story.")
        else:
            self.empty_note.setText(
                "<b>Welcome to Parallax.</b><br>Import articles from several outlets: drag "
                "files or folders onto this window, or use File → Import files, or Edit → "
                "Paste article. Versions of the same story are grouped here; select one to see, "
                "side by side, what each outlet added, left out or worded differently.")
        self.empty_note.show()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # A narrow list gives the Date column's room to the titles (dates are in the
        # comparison's column headers and the tooltips); a wide one shows it.
        self.tree.setColumnHidden(COL_DATE, self.width() < NARROW_LIST)

    def apply_search(self) -> None:
        """Run the typed query now (instead of after the type-ahead pause)."""
        self._search_timer.stop()
        current = self.current_story_id()
        self.model.set_query(self.search.text())
        if current:
            self.select_story(current, emit=False)

    def current_story_id(self) -> str | None:
        """Id of the story under the cursor."""
        index = self.tree.currentIndex()
        return index.data(StoryIdRole) if index.isValid() else None

    def current_article_id(self) -> str | None:
        """Article id if the cursor is on a version row."""
        index = self.tree.currentIndex()
        return index.data(ArticleIdRole) if index.isValid() else None

    def selected_story_rows(self) -> list:
        """StoryRows of the selected lines (versions count as their story), no repeats."""
        rows, seen = [], set()
        for index in self.tree.selectionModel().selectedRows():
            row = self.model.story_row(index)
            if row is not None and row.id not in seen:
                seen.add(row.id)
                rows.append(row)
        return rows

    def select_story(self, story_id: str, emit: bool = True) -> bool:
        """Put the cursor on a story (loading pages until it is found); False if absent."""
        index = self.model.index_of_story(story_id)
        while not index.isValid() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            index = self.model.index_of_story(story_id)
        if not index.isValid():
            return False
        if not emit:
            self.tree.selectionModel().blockSignals(True)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        if not emit:
            self.tree.selectionModel().blockSignals(False)
        return True

    def step(self, delta: int) -> None:
        """Next (+1) / previous (-1) story, skipping version rows."""
        index = self.tree.currentIndex()
        row = self.model.story_row(index)
        top = self.model.index_of_story(row.id).row() if row else -1
        target = top + delta
        if target >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if 0 <= target < self.model.rowCount():
            new = self.model.index(target, 0)
            self.tree.setCurrentIndex(new)
            self.tree.scrollTo(new)

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        story_id = current.data(StoryIdRole) if current.isValid() else None
        if story_id and story_id != (previous.data(StoryIdRole) if previous.isValid() else None):
            self.storySelected.emit(story_id)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_STAR:
            self.starToggled.emit(index)

    def _on_menu(self, pos) -> None:
        menu = QMenu(self)
        self.contextRequested.emit(menu, self.tree.selectionModel().selectedRows())
        if not menu.isEmpty():
            menu.popup(self.tree.viewport().mapToGlobal(pos))
