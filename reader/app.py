"""GUI composition root: QApplication, settings, library, task runner, main window."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

# An import that has not finished by then is stuck: give up rather than hang a script.
SCREENSHOT_TIMEOUT_MS = 180_000


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        return 1280, 800
    return max(640, w), max(480, h)


def create_application(argv: Sequence[str] = ()):
    """The QApplication (reused if one exists), with names and icon set."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["parallax", *argv])
    app.setApplicationName("Parallax")
    app.setOrganizationName("Parallax")
    app.setApplicationDisplayName("Parallax")
    # Wayland matches the window to its desktop entry (and icon) by this name.
    from reader.resources import APP_ID

    app.setDesktopFileName(APP_ID)
    try:
        from reader.resources import icon_path

        app.setWindowIcon(QIcon(str(icon_path())))
    except Exception:  # noqa: BLE001 -- a missing icon is cosmetic, never fatal
        pass
    return app


def create_window(library_path=None, settings=None, *, quiet: bool = False, restore=True):
    """Open the library and build the main window around it (raises LibraryError)."""
    from reader.core.library.library import Library
    from reader.ui.gateway import LibraryGateway
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import UiSettings
    from reader.ui.tasks import TaskRunner

    settings = settings or UiSettings()
    library = Library.open(library_path)
    window = MainWindow(LibraryGateway(library), settings, TaskRunner(), quiet=quiet)
    if not restore:
        window.resize(1280, 800)
    return window


def _sample_paths(window, settings, paths: list[str]) -> list[str]:
    """First run with an empty library: import the shipped seeds as a sample library."""
    if paths or settings.sample_imported or window.gateway.count_articles():
        return paths
    settings.sample_imported = True
    try:
        from reader.resources import seeds_dir

        return [str(seeds_dir())]
    except (ImportError, FileNotFoundError):
        return []


def _open_window(args: argparse.Namespace, settings):
    """The main window; a damaged library first offers a repair (a dialog, not a traceback)."""
    from reader.core.library.connection import DamagedLibrary

    try:
        return create_window(args.library, settings, quiet=bool(args.screenshot),
                             restore=not args.screenshot)
    except DamagedLibrary as exc:
        if args.screenshot:
            raise
        from reader.ui.dialogs.damaged import offer_repair

        outcome = offer_repair(str(exc), args.library)
        if outcome is None:
            print(f"parallax: {exc}", file=sys.stderr)
            return None
        print(f"parallax: {outcome}", file=sys.stderr)
        return create_window(args.library, settings, restore=True)


def display_problem(env, platform: str) -> str | None:
    """Why no window can open here (one line), or None: on Linux/BSD, Qt aborts the process
    when it finds no display, so say so before asking it."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs…: Qt needs no desktop display
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "run it in a desktop session, or use QT_QPA_PLATFORM=offscreen with --screenshot")


def run_app(args: argparse.Namespace) -> int:
    """`parallax gui`: open the window (or render a screenshot and exit)."""
    from reader.core.library.connection import LibraryError
    from reader.ui.settings import UiSettings
    from reader.ui.theme import apply_theme

    problem = display_problem(os.environ, sys.platform)
    if problem:
        print(f"parallax: {problem}", file=sys.stderr)
        return 1
    app = create_application()
    settings = UiSettings()
    palette = apply_theme(app, args.theme or settings.theme, settings.font_size)
    try:
        window = _open_window(args, settings)
    except LibraryError as exc:
        print(f"parallax: {exc}", file=sys.stderr)
        return 1
    if window is None:
        return 1
    window.set_palette(palette)
    paths = _sample_paths(window, settings, [str(p) for p in args.paths])
    if args.screenshot:
        return _screenshot(app, window, paths, args)
    window.show()
    if paths:
        window.import_paths(paths)
    else:
        window.restore_last_story()
    return app.exec()


def _screenshot(app, window, paths: list[str], args: argparse.Namespace) -> int:
    """Import, select the first multi-version story, wait for its analysis, grab, exit."""
    from PySide6.QtCore import QTimer

    width, height = _parse_size(args.size or "1280x800")
    window.resize(width, height)
    window.fit_panes(width)
    window.comparison.set_view(args.view or "side")
    window.show()
    outcome = {"code": 1}

    def grab(_story_id: str = "") -> None:
        # Deferred one turn of the event loop so pending layouts (row heights) are applied.
        QTimer.singleShot(0, save)

    def save() -> None:
        ok = window.grab().save(args.screenshot)
        if not ok:
            print(f"parallax: cannot write {args.screenshot}", file=sys.stderr)
        outcome["code"] = 0 if ok else 1
        window.close()
        app.exit(outcome["code"])

    def choose(_summary=None) -> None:
        if not (window.select_first_multi_version() or _select_any(window)):
            grab()  # an empty library still makes a (blank) screenshot

    def give_up() -> None:
        print("parallax: timed out waiting for the analysis", file=sys.stderr)
        app.exit(1)

    window.storyShown.connect(grab)
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.timeout.connect(give_up)
    timer.start(SCREENSHOT_TIMEOUT_MS)
    if paths:
        window.importer.finished.connect(choose)
        window.import_paths(paths)
    else:
        QTimer.singleShot(0, choose)
    code = app.exec()
    return code if code else outcome["code"]


def _select_any(window) -> bool:
    model = window.story_model
    if model.rowCount():
        return window.select_story(model.story_row(model.index(0, 0)).id)
    return False


def main() -> int:
    """Entry point of the `parallax-gui` script."""
    from reader.cli import main as cli_main

    return cli_main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
