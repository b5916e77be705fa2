"""Find Parallax's resource files and sample articles in a checkout, a wheel or a bundle.

Three layouts exist, and callers should not care which one they run from:

- source checkout / editable install: ``<repo>/resources`` and ``<repo>/seeds``;
- installed wheel: the build maps them into the package as ``reader/resources_data`` and
  ``reader/seeds`` (see ``[tool.setuptools]`` in pyproject.toml);
- PyInstaller bundle: the spec puts them at the same package-relative places under
  ``sys._MEIPASS``.

Qt-free on purpose: the CLI, the core's report templates and the GUI all use it.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# Names inside the package (wheel, bundle) and at the top of the repository (checkout).
_PACKAGED = {"resources": "resources_data", "seeds": "seeds"}
ICON_NAME = "parallax"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.parallax.Parallax"


class ResourceNotFound(FileNotFoundError):
    """A resource Parallax ships is missing: the installation is incomplete."""


def _candidates(kind: str) -> list[Path]:
    packaged = _PACKAGED[kind]
    found = [PACKAGE_DIR / packaged]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller one-folder/one-file bundle
        found.append(Path(bundle) / "reader" / packaged)
    found.append(PACKAGE_DIR.parent / kind)  # source checkout and editable installs
    return found


@cache
def _root(kind: str) -> Path:
    for candidate in _candidates(kind):
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in _candidates(kind))
    raise ResourceNotFound(f"Parallax {kind} folder not found (looked in {tried})")


def resources_dir() -> Path:
    """The folder holding icons, stylesheets, templates and desktop files."""
    return _root("resources")


def seeds_dir() -> Path:
    """The folder of sample articles shipped with the app."""
    return _root("seeds")


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource_path("icons", "parallax.svg")``."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceNotFound(f"Parallax resource missing: {'/'.join(parts)} (in {path.parent})")
    return path


def seed_files() -> list[Path]:
    """The sample article files, sorted by name (not the folder's sources file, which names
    their outlets and dates: see reader.core.ingest.manifest)."""
    from reader.core.ingest.manifest import is_manifest

    return sorted(p for p in seeds_dir().iterdir() if p.is_file()
                  and not p.name.startswith(".") and not is_manifest(p.name))


def icon_sizes() -> tuple[int, ...]:
    """The PNG icon sizes actually present, smallest first."""
    sizes = []
    for path in resources_dir().joinpath("icons").glob(f"{ICON_NAME}-*.png"):
        match = re.fullmatch(rf"{ICON_NAME}-(\d+)\.png", path.name)
        if match:
            sizes.append(int(match.group(1)))
    return tuple(sorted(sizes))


def icon_path(size: int | None = None) -> Path:
    """The app icon: the SVG when size is None, else the smallest PNG at least that big."""
    if size is None:
        return resource_path("icons", f"{ICON_NAME}.svg")
    sizes = icon_sizes()
    if not sizes:
        raise ResourceNotFound("Parallax icon PNGs missing (run packaging/render-icons.py)")
    # Scaling down looks better than scaling up, so prefer the next size above.
    best = next((s for s in sizes if s >= size), sizes[-1])
    return resource_path("icons", f"{ICON_NAME}-{best}.png")
