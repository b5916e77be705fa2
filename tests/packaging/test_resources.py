"""reader.resources finds the icon set and the seeds from the source checkout."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from reader import resources

from .conftest import ROOT


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_checkout_layout_is_found():
    assert resources.seeds_dir() == ROOT / "seeds"
    assert resources.resources_dir() == ROOT / "resources"
    assert len(resources.seed_files()) == 5


def test_every_desktop_size_is_rendered_at_its_size():
    assert resources.icon_sizes() == resources.ICON_SIZES
    for size in resources.ICON_SIZES:
        assert _png_size(resources.icon_path(size)) == (size, size)


def test_icon_path_picks_the_next_size_up_and_the_svg_by_default():
    assert resources.icon_path().name == "parallax.svg"
    assert ET.parse(resources.icon_path()).getroot().tag.endswith("svg")
    assert resources.icon_path(20).name == "parallax-24.png"
    assert resources.icon_path(48).name == "parallax-48.png"
    assert resources.icon_path(4096).name == "parallax-512.png"


def test_missing_resource_is_a_clear_error():
    with pytest.raises(resources.ResourceNotFound, match="no-such-file"):
        resources.resource_path("icons", "no-such-file.png")
