"""Dialogs: preferences, export, keyboard shortcuts, about, import summary."""
