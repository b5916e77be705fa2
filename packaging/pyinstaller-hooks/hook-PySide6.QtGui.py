"""PyInstaller hook override for PySide6.QtGui: the stock hook minus Qt plugins we never use.

Filtering here, before PyInstaller's dependency analysis, matters: dropping a plugin later in
the spec would still ship the system libraries it pulled in (the GTK 3 theme alone drags in
GTK, GDK, cairo, pango, ATK: ~20 MB).
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# group -> plugin names kept (None: the whole group). Groups not listed are dropped.
PLUGIN_KEEP = {
    # xcb (X11), wayland, offscreen (headless screenshots, tests), minimal (diagnostics);
    # qwindows/qcocoa so the same spec builds on Windows and macOS.
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    # The desktop portal gives native file dialogs on GNOME/KDE/Flatpak without GTK itself.
    "platformthemes": {"qxdgdesktopportal"},
    "platforminputcontexts": None,  # compose keys and IBus (accents, CJK input)
    "xcbglintegrations": None,
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
    "wayland-shell-integration": {"xdg-shell", "wl-shell-plugin"},
    "iconengines": None,  # SVG icons
    "imageformats": {"qsvg", "qico", "qjpeg", "qgif"},  # PNG is built into QtGui
}


def _wanted(src: str, dest_dir: str) -> bool:
    parts = Path(dest_dir).parts
    if "plugins" not in parts:
        return True
    group = parts[parts.index("plugins") + 1] if parts[-1] != "plugins" else ""
    if group not in PLUGIN_KEEP:
        return False
    keep = PLUGIN_KEEP[group]
    return keep is None or Path(src).name.split(".")[0].removeprefix("lib") in keep


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if _wanted(src, dest)]
