"""Light/dark themes: QSS from resources/qss/, and the colour-blind-safe diff palette."""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication



def qss_dir() -> pathlib.Path:
    """Where the theme stylesheets are (checkout, wheel or bundle)."""
    try:
        from reader.resources import resources_dir

        return resources_dir() / "qss"
    except (ImportError, FileNotFoundError):  # before packaging's resources module existed
        return pathlib.Path(__file__).resolve().parents[2] / "resources" / "qss"


@dataclass(frozen=True, slots=True)
class DiffPalette:
    """Colours for differences: blue/orange (safe for red-green colour blindness).

    Colour is never the only signal: insertions are also underlined, deletions struck
    through, omissions hatched and labelled, unique sentences dotted-underlined.
    """

    dark: bool
    text: str
    muted: str
    base: str
    insert_bg: str      # words this version has and the reference lacks (underlined)
    delete_bg: str      # reference words this version lacks (struck through)
    unique_bg: str      # content only this version has
    some_bg: str        # content shared by some versions
    all_bg: str         # content every version has
    hatch: str          # omission cells
    grid: str
    marker: str


LIGHT = DiffPalette(False, "#1b1b1b", "#6b6b6b", "#ffffff", "#cfe3ff", "#ffd9b3",
                    "#ffe4c7", "#dbe9fb", "#ffffff", "#c9c9c9", "#e2e2e2", "#c25e00")
DARK = DiffPalette(True, "#e8e8e8", "#a0a0a0", "#1e1f22", "#1d3f6e", "#6b3a0c",
                   "#5a3511", "#203650", "#1e1f22", "#4a4a4a", "#333438", "#ff9d3d")


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark scheme (Qt 6.5+ colorScheme, else the palette)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return True
        if value == Qt.ColorScheme.Light:
            return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve(theme: str) -> str:
    """light or dark, resolving `system` against the desktop's scheme."""
    if theme == "system":
        return "dark" if system_is_dark() else "light"
    return theme if theme in ("light", "dark") else "light"


def diff_palette(theme: str) -> DiffPalette:
    """The diff palette for a theme name (system, light, dark)."""
    return DARK if resolve(theme) == "dark" else LIGHT


def _qpalette(p: DiffPalette) -> QPalette:
    pal = QPalette()
    window = QColor("#2b2d31" if p.dark else "#f3f3f3")
    base = QColor(p.base)
    text = QColor(p.text)
    pal.setColor(QPalette.ColorRole.Window, window)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Base, base)
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#26282c" if p.dark else "#f7f7f7"))
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.Button, window)
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.ToolTipBase, base)
    pal.setColor(QPalette.ColorRole.ToolTipText, text)
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(p.muted))
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fb3" if p.dark else "#3d7fd0"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Link, QColor("#7fb2ff" if p.dark else "#1f5fa8"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.muted))
    return pal


def apply_theme(app: QApplication, theme: str, font_size: int) -> DiffPalette:
    """Apply palette + QSS for the theme to the whole app; return its diff palette."""
    palette = diff_palette(theme)
    app.setStyle("Fusion")  # the same look on every platform, so QSS and palette agree
    app.setPalette(_qpalette(palette))
    name = "dark" if palette.dark else "light"
    qss = ""
    for path in sorted(qss_dir().glob("*.qss")):
        if path.stem.split("-", 1)[-1] in ("base", name):
            qss += path.read_text(encoding="utf-8") + "\n"
    app.setStyleSheet(qss.replace("@FONT_SIZE@", str(font_size)))
    return palette
