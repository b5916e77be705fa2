"""Class 9: Japanese in UTF-8 or Shift-JIS imports; mixed UTF-8 + Windows-1252 loses no letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.core.ingest import ingest_paths
from reader.core.ingest.loaders import decode_text

JA = ("東京で大雨\n\n東京都内では十日、記録的な大雨が降り、多くの道路が冠水した。気象庁によると、"
      "一時間に百ミリを超える雨が観測された。\n\n都は避難所を開設し、住民に注意を呼びかけている。\n")
ZH = "北京发布暴雨预警\n\n北京市气象台周一发布暴雨蓝色预警。预计夜间将有强降雨。\n"


@pytest.mark.parametrize(("text", "encoding"), [(JA, "utf-8"), (JA, "shift_jis"),
                                                (JA, "euc_jp"), (ZH, "utf-8")])
def test_cjk_articles_import(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "news.txt"
    path.write_bytes(text.encode(encoding))
    result = ingest_paths([str(path)])
    assert result.rejected == ()
    (article,) = result.articles
    title, *body = [p for p in text.split("\n") if p]
    assert article.title == title
    assert "".join(article.sentences) == "".join(body)
    # One sentence per full stop, as in any other language.
    assert len(article.sentences) == sum(p.count("。") for p in body)


def test_japanese_through_library_list_and_report(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "utf8.txt").write_text(JA, encoding="utf-8")
    (folder / "sjis.txt").write_bytes(JA.encode("shift_jis"))
    lib = str(tmp_path / "lib.sqlite")
    assert main(["import", "--library", lib, str(folder)]) == 0
    assert main(["list", "--library", lib]) == 0
    assert "東京で大雨" in capsys.readouterr().out
    out = tmp_path / "r.md"
    assert main(["compare", str(folder), "-o", str(out)]) == 0
    assert "気象庁によると" in out.read_text(encoding="utf-8")


def test_one_cp1252_line_in_utf8_keeps_every_letter() -> None:
    data = ("Café owners in Zürich gathered on Monday.\n".encode("utf-8")
            + "The Café association said Zürich owners – all of them – agreed.\n".encode("cp1252")
            + "Jürgen Müller said so.\n".encode("utf-8"))
    assert decode_text(data) == ("Café owners in Zürich gathered on Monday.\n"
                                 "The Café association said Zürich owners – all of them – "
                                 "agreed.\nJürgen Müller said so.\n")


def test_cp1252_paragraph_after_utf8_leaves_the_utf8_part_alone() -> None:
    data = ("Jürgen Müller, a café owner in Zürich, spoke.\n\n".encode("utf-8")
            + "Les propriétaires de cafés à Zürich ont déclaré être inquiets.\n".encode("cp1252"))
    text = decode_text(data)
    assert "Jürgen Müller, a café owner in Zürich" in text
    assert "propriétaires de cafés à Zürich ont déclaré être inquiets" in text
    assert "Ã" not in text


def test_undecodable_byte_stays_visible_never_silently_dropped() -> None:
    data = "Zürich council met. ".encode("utf-8") + b"Room \x81 was full.\n"
    text = decode_text(data)
    assert "Zürich" in text and "Room \ufffd was full" in text
