"""The comparison area: side-by-side, reader and coverage-map views of one story."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabBar, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from reader.ui.models.rendering import StoryView
from reader.ui.theme import DiffPalette
from reader.ui.views.coverage_map import CoverageMap
from reader.ui.views.reader_view import ReaderView
from reader.ui.views.side_by_side import SideBySideView

VIEW_NAMES = ("side", "reader", "map")
VIEW_LABELS = ("Side by side", "Reader", "Coverage map")


class ComparisonArea(QWidget):
    """Tabs over a stack of the three views; all render the same StoryView."""

    viewChanged = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tabs = QTabBar()
        self.tabs.setObjectName("viewTabs")
        for label in VIEW_LABELS:
            self.tabs.addTab(label)
        self.side = SideBySideView()
        self.reader = ReaderView()
        self.map = CoverageMap()
        self.placeholder = QLabel("Select a story on the left, or drop articles here.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        for widget in (self.side, self.reader, self.map, self.placeholder):
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(self.placeholder)
        self.tabs.currentChanged.connect(self._on_tab)
        self.map.cellClicked.connect(self._jump_from_map)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self._story: StoryView | None = None

    @property
    def story_view(self) -> StoryView | None:
        """The story shown."""
        return self._story

    def current_view(self) -> str:
        """side, reader or map."""
        return VIEW_NAMES[self.tabs.currentIndex()]

    def set_view(self, name: str) -> None:
        """Switch view by name."""
        self.tabs.setCurrentIndex(VIEW_NAMES.index(name) if name in VIEW_NAMES else 0)
        self._on_tab(self.tabs.currentIndex())

    def set_story(self, view: StoryView | None) -> None:
        """Render a story in all three views."""
        self._story = view
        self.side.set_story(view)
        self.reader.set_story(view)
        self.map.set_story(view)
        self._on_tab(self.tabs.currentIndex())

    def set_palette(self, palette: DiffPalette) -> None:
        """Theme change."""
        for w in (self.side, self.reader, self.map):
            w.set_palette(palette)

    def step_difference(self, forward: bool) -> None:
        """Next/previous difference (shown in side-by-side)."""
        if self._story is None:
            return
        if self.current_view() != "side":
            self.set_view("side")
        self.side.step_difference(forward)

    def _on_tab(self, index: int) -> None:
        if self._story is None:
            self.stack.setCurrentWidget(self.placeholder)
        else:
            self.stack.setCurrentIndex(index)
        self.viewChanged.emit(VIEW_NAMES[index])

    def _jump_from_map(self, row: int, article_id: str) -> None:
        self.set_view("side")
        self.side.scroll_to_passage(row, article_id)
