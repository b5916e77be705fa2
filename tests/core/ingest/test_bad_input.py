"""Bad input: each gets a one-line reason, the rest is still imported, nothing raises."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.ingest import ingest_paths, loaders

GOOD = "Flood waters rise\n\nThe river rose two metres overnight. Villages were evacuated.\n"
LATIN = "Le président a déclaré à Paris que l'été serait chaud. Les élèves étaient là.\n"


def _with_good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def _reason_for(folder: Path, name: str) -> str:
    result = ingest_paths([str(folder)])
    assert [Path(a.source).name for a in result.articles] == ["good.txt"]
    (rejection,) = [r for r in result.rejected if Path(r.source).name == name]
    assert "\n" not in rejection.reason and rejection.reason
    return rejection.reason


def test_folder_holding_a_png(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    assert "unsupported file type (.png)" in _reason_for(folder, "photo.png")


def test_png_bytes_named_txt(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    assert _reason_for(folder, "photo.txt") == "not a text file (looks like a PNG image)"


def test_empty_file(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    assert _reason_for(folder, "empty.txt") == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    (folder / "blank.md").write_text("\n \u00a0\n\t\n", encoding="utf-8")
    assert _reason_for(folder, "blank.md") == "empty file"


def test_boilerplate_only_file(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    (folder / "buttons.txt").write_text("Share\nFollow\nShort Url\nUpdated 8 sec ago\n")
    assert "no article text" in _reason_for(folder, "buttons.txt")


def test_latin1_file_is_imported_with_accents(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    (folder / "latin.txt").write_bytes(LATIN.encode("latin-1"))
    result = ingest_paths([str(folder)])
    assert result.rejected == ()
    (latin,) = [a for a in result.articles if a.source.endswith("latin.txt")]
    assert latin.sentences[0] == "Le président a déclaré à Paris que l'été serait chaud."


def test_random_binary_named_txt(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 20 + os.urandom(4096))
    assert _reason_for(folder, "noise.txt") == "not a text file (binary data)"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _with_good(tmp_path)
    locked = folder / "locked.txt"
    locked.write_text(GOOD.replace("Flood", "Locked"))
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    # Every read goes through loaders.read_bytes, which opens files with this name: patching
    # it simulates a permission error even when the tests run as root.
    monkeypatch.setattr(loaders, "open", guarded_open, raising=False)
    assert _reason_for(folder, "locked.txt") == "cannot read the file: permission denied"


def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    locked = folder / "locked.txt"
    locked.write_text(GOOD.replace("Flood", "Locked"))
    locked.chmod(0)
    try:
        result = ingest_paths([str(folder)])
    finally:
        locked.chmod(0o644)
    assert any(a.source.endswith("good.txt") for a in result.articles)
    if os.geteuid() != 0:  # root reads mode-000 files; the patched test above covers root
        (rejection,) = result.rejected
        assert rejection.reason == "cannot read the file: permission denied"


def test_200_mb_file_is_rejected_before_reading(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _with_good(tmp_path)
    huge = folder / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: instant, no disk use
    real_open = open

    def no_read_of_huge(file, *args, **kwargs):
        assert str(file) != str(huge), "the huge file must not be opened"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(loaders, "open", no_read_of_huge, raising=False)
    assert _reason_for(folder, "huge.txt") == "too large (200 MB; the limit is 20 MB)"


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    missing = tmp_path / "nowhere" / "gone.txt"
    result = ingest_paths([str(folder), str(missing)])
    assert len(result.articles) == 1
    assert [(r.source, r.reason) for r in result.rejected] == [
        (str(missing), "no such file or folder")]


def test_folder_path_given_as_a_file_path_with_slash(tmp_path: Path) -> None:
    folder = _with_good(tmp_path)
    assert len(ingest_paths([str(folder) + os.sep]).articles) == 1


def test_cli_group_reports_each_rejection_and_keeps_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    folder = _with_good(tmp_path)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(100))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin.txt").write_bytes(LATIN.encode("latin-1"))
    (folder / "noise.txt").write_bytes(os.urandom(3000) + b"\x00")
    (folder / "locked.txt").write_text(GOOD)
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    locked = str(folder / "locked.txt")
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if str(file) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(loaders, "open", guarded_open, raising=False)
    missing = str(tmp_path / "missing.txt")

    code = main(["group", str(folder), missing, "--json"])

    out, err = capsys.readouterr()
    assert code == 1
    doc = json.loads(out)
    assert sorted(Path(a["source"]).name for a in doc["articles"]) == ["good.txt", "latin.txt"]
    rejected = {Path(r["source"]).name: r["reason"] for r in doc["rejected"]}
    assert set(rejected) == {"photo.png", "empty.txt", "noise.txt", "locked.txt", "huge.txt",
                             "missing.txt"}
    expected = {f"parallax: {r['source']}: {r['reason']}" for r in doc["rejected"]}
    assert sorted(err.strip().splitlines()) == sorted(expected)
    assert rejected["missing.txt"] == "no such file or folder"
    assert rejected["huge.txt"].startswith("too large")
    assert "Traceback" not in err
