"""Class 5 in the app: a damaged library offers a repair dialog and opens afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from reader.core.library.connection import DamagedLibrary
from reader.ui.dialogs.damaged import damaged_box, offer_repair
from tests.hostile.damage import make_library, scramble_pages


def test_repair_dialog_repairs_and_keeps_the_damaged_file(qtbot, tmp_path: Path) -> None:
    lib = make_library(tmp_path, 20)
    scramble_pages(lib, "stories", keep_first=False)
    with pytest.raises(DamagedLibrary) as caught:
        Library.open(lib)
    shown = {}

    def press_repair(box) -> bool:
        qtbot.addWidget(box)
        shown["buttons"] = [b.text() for b in box.buttons()]
        shown["text"] = box.informativeText()
        return True

    outcome = offer_repair(str(caught.value), lib, ask=press_repair)
    assert shown["buttons"] == ["Repair", "Quit"] or set(shown["buttons"]) == {"Repair", "Quit"}
    assert "kept next to it" in shown["text"]
    assert outcome and "20 article(s) kept" in outcome
    assert list(tmp_path.glob("lib.sqlite.damaged-*"))
    with Library.open(lib) as library:
        assert library.count_articles() == 20


def test_quit_leaves_everything_as_it_was(qtbot, tmp_path: Path) -> None:
    lib = make_library(tmp_path, 5)
    scramble_pages(lib, "stories", keep_first=False)
    before = lib.read_bytes()
    box = damaged_box("library is damaged")
    qtbot.addWidget(box)
    assert offer_repair("library is damaged", lib, ask=lambda b: False) is None
    assert lib.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))
