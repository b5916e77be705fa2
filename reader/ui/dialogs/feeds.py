"""Manage feeds: subscriptions by folder, last success and error; rename, move, remove."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

FeedIdRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Feed", "Items", "Last success", "Last error", "Address")


def _when(stamp: str | None) -> str:
    return stamp.replace("T", " ")[:16] if stamp else "never"


class FeedsDialog(QDialog):
    """The subscriptions as a tree (folders, then feeds); acts through the FeedsController."""

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Feeds")
        self.resize(900, 420)
        self._controller = controller
        self.tree = QTreeWidget()
        self.tree.setObjectName("feedTree")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(True)
        buttons = QHBoxLayout()
        for text, slot in (("Add…", self._add), ("Rename…", self._rename),
                           ("Move to folder…", self._move), ("Remove", self._remove),
                           ("Refresh", self._refresh)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(close)
        controller.finished.connect(lambda _r: self.reload())
        self.reload()

    def reload(self) -> None:
        """Fill the tree from the library."""
        self.tree.clear()
        folders: dict[str, QTreeWidgetItem] = {}
        for feed in self._controller.store.list():
            parent = self.tree.invisibleRootItem()
            if feed.folder:
                parent = folders.get(feed.folder)
                if parent is None:
                    parent = folders[feed.folder] = QTreeWidgetItem(self.tree, [feed.folder])
                    parent.setExpanded(True)
            item = QTreeWidgetItem(parent, [feed.title, str(feed.items),
                                            _when(feed.last_success), feed.last_error or "",
                                            feed.url])
            item.setData(0, FeedIdRole, feed.id)
            if feed.last_error:
                item.setToolTip(3, feed.last_error)
        for col in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(col)

    def selected_feed(self) -> str | None:
        """The id of the selected feed (None for a folder or nothing)."""
        item = self.tree.currentItem()
        return None if item is None else item.data(0, FeedIdRole)

    def _add(self) -> None:
        if self._controller.add_feed():
            self.reload()

    def _rename(self) -> None:
        feed_id = self.selected_feed()
        if feed_id is None:
            return
        feed = self._controller.store.get(feed_id)
        title, ok = QInputDialog.getText(self, "Rename feed", "Show this feed as:", text=feed.title)
        if ok:
            self._controller.store.rename(feed_id, title)
            self.reload()

    def _move(self) -> None:
        feed_id = self.selected_feed()
        if feed_id is None:
            return
        store = self._controller.store
        folder, ok = QInputDialog.getItem(self, "Move to folder", "Folder (empty for none):",
                                          ["", *store.folders()], 0, True)
        if ok:
            store.move(feed_id, folder)
            self.reload()

    def _remove(self) -> None:
        feed_id = self.selected_feed()
        if feed_id is not None:
            self._controller.store.remove(feed_id)
            self.reload()

    def _refresh(self) -> None:
        feed_id = self.selected_feed()
        self._controller.refresh([feed_id] if feed_id else None)
