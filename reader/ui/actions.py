"""Menus, toolbar and keyboard shortcuts of the main window (one table, one place)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

# (attribute, menu, label, shortcuts, help text for the shortcuts dialog)
ACTIONS = (
    ("import_files", "&File", "&Import files…", ["Ctrl+O"], "Import files"),
    ("import_folder", "&File", "Import &folder…", ["Ctrl+Shift+O"], "Import a folder"),
    ("export", "&File", "&Export…", ["Ctrl+E"], "Export a report"),
    ("quit", "&File", "&Quit", ["Ctrl+Q"], "Quit"),
    ("undo", "&Edit", "&Undo", ["Ctrl+Z"], "Undo"),
    ("redo", "&Edit", "&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "Redo"),
    ("paste_article", "&Edit", "&Paste article", ["Ctrl+Shift+V"],
     "Import the clipboard's text as an article"),
    ("find", "&Edit", "&Find…", ["Ctrl+F"], "Search the library"),
    ("preferences", "&Edit", "Pr&eferences…", ["Ctrl+,"], "Preferences"),
    ("refresh_feeds", "Fee&ds", "&Refresh feeds", ["F5"], "Refresh feeds (uses the network)"),
    ("add_feed", "Fee&ds", "&Add feed…", ["Ctrl+Shift+N"], "Subscribe to a feed"),
    ("manage_feeds", "Fee&ds", "&Manage feeds…", [], "Subscriptions"),
    ("import_opml", "Fee&ds", "&Import subscriptions (OPML)…", [], "Import OPML"),
    ("export_opml", "Fee&ds", "&Export subscriptions (OPML)…", [], "Export OPML"),
    ("rename_story", "&Story", "&Rename story…", ["F2"], "Rename the story"),
    ("edit_article", "&Story", "&Edit version title and outlet…", ["Shift+F2"],
     "Edit a version's title and outlet"),
    ("split_version", "&Story", "&Split version out", ["Ctrl+Shift+S"],
     "Take the selected version out of its story"),
    ("merge_stories", "&Story", "&Merge selected stories", ["Ctrl+M"],
     "Merge the selected stories"),
    ("remove", "&Story", "Remo&ve from library", ["Delete"],
     "Remove the selected versions or stories from the library (undoable)"),
    ("toggle_star", "&Story", "S&tar", ["S"], "Star / unstar the story"),
    ("toggle_read", "&Story", "Mark read/&unread", ["U"], "Mark the story read / unread"),
    ("next_story", "&View", "&Next story", ["J", "Alt+Down"], "Next story"),
    ("prev_story", "&View", "&Previous story", ["K", "Alt+Up"], "Previous story"),
    ("next_diff", "&View", "Next &difference", ["F8"], "Next difference"),
    ("prev_diff", "&View", "Previous di&fference", ["Shift+F8"], "Previous difference"),
    ("view_side", "&View", "&Side by side", ["Ctrl+1"], "Side-by-side view"),
    ("view_reader", "&View", "&Reader", ["Ctrl+2"], "Reader view"),
    ("view_map", "&View", "&Coverage map", ["Ctrl+3"], "Coverage map"),
    ("shared_only", "&View", "Shared passages &only", ["Ctrl+Shift+U"],
     "Side by side: hide passages only one version has"),
    ("missing_inline", "&View", "Show &missing words inline", ["Ctrl+Shift+M"],
     "Side by side: show what a version lacks as [bracketed] text instead of a ‸ caret"),
    ("shortcuts", "&Help", "&Keyboard shortcuts", ["F1"], "This list"),
    ("about", "&Help", "&About Parallax", [], "About"),
)
TOOLBAR = ("import_files", "export", "refresh_feeds", None, "view_side", "view_reader", "view_map", None,
           "shared_only", None, "undo", "redo")


def build_actions(window: QMainWindow) -> SimpleNamespace:
    """Create every action with its shortcuts, in menus and the toolbar; return them by name."""
    actions = SimpleNamespace()
    menus: dict[str, object] = {}
    for name, menu_name, label, keys, _ in ACTIONS:
        action = QAction(label, window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        if menu_name not in menus:
            menus[menu_name] = window.menuBar().addMenu(menu_name)
        menus[menu_name].addAction(action)
        setattr(actions, name, action)
    for view in ("view_side", "view_reader", "view_map", "shared_only", "missing_inline"):
        getattr(actions, view).setCheckable(True)
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for name in TOOLBAR:
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(getattr(actions, name))
    actions.menus = menus
    actions.toolbar = toolbar
    return actions


def shortcut_table() -> list[tuple[str, str]]:
    """(keys, description) for the shortcuts dialog, taken from ACTIONS."""
    out = [(" / ".join(keys), text) for _, _, _, keys, text in ACTIONS if keys]
    out.append(("Drag a version onto a story", "Move it to that story"))
    return out
