"""The desktop entry and AppStream metainfo pass their validators and agree with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from reader import __version__
from reader.resources import APP_ID

from .conftest import ROOT

DESKTOP = ROOT / "resources" / "desktop" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "desktop" / f"{APP_ID}.metainfo.xml"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: install the Debian package {package} (make sysdeps)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_passes_desktop_file_validate():
    proc = subprocess.run([_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                          capture_output=True, text=True, timeout=60)
    # desktop-file-validate exits 0 even for some warnings; we want it silent.
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_metainfo_passes_appstreamcli_validate():
    proc = subprocess.run([_tool("appstreamcli", "appstream"), "validate", "--no-net",
                           str(METAINFO)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Infos (e.g. a tag newer than this appstream) are fine; warnings and errors are not.
    assert not any(line.startswith(("W:", "E:")) for line in proc.stdout.splitlines()), proc.stdout


def test_desktop_entry_opens_the_article_types():
    entry = _desktop_entry()
    assert entry["Exec"] == "parallax %F"
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == "Parallax"
    mimes = set(filter(None, entry["MimeType"].split(";")))
    assert {"text/plain", "text/markdown", "text/html"} <= mimes


def test_metainfo_describes_this_release_and_matches_the_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("provides/binary").text == "parallax"
    assert root.find("content_rating") is not None
    image = root.find("screenshots/screenshot/image")
    assert image is not None and image.text.startswith("https://")
    assert image.text.endswith("docs/screenshot-seeds-side-light-1280.png")
    release = root.find(f"releases/release[@version='{__version__}']")
    assert release is not None, f"no <release> for version {__version__}"
    assert release.findall("description/ul/li") or release.findall("description/p")
    assert root.findtext("name") == _desktop_entry()["Name"]
