"""Loaders: encodings, markdown front matter, saved web pages, folders."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.ingest import ingest_paths
from reader.core.ingest.loaders import LoadError, decode_text

FRENCH = ("Le président français a déclaré à Paris que l\u2019été serait décisif. "
          "Les élèves sont allés à l\u2019école malgré la grève.\n\n"
          "Le ministre a ajouté que la réforme serait votée avant Noël.\n")
GERMAN = ("Der Bürgermeister äußerte sich am Dienstag über die Straßenbahn in Köln. "
          "Die Bürger waren überrascht.\n\nDie Kosten liegen bei 5 Millionen Euro.\n")
RUSSIAN = ("Президент России Владимир Путин заявил в пятницу, что любые иностранные войска "
           "станут законными целями. Он выступил на форуме во Владивостоке.\n\n"
           "Песков добавил, что нужны юридически обязывающие документы.\n")


def _ingest_one(path: Path):
    result = ingest_paths([str(path)])
    assert result.rejected == (), result.rejected
    return result.articles


@pytest.mark.parametrize(("encoding", "text", "bom"), [
    ("utf-8", FRENCH, b""),
    ("utf-8", FRENCH, codecs.BOM_UTF8),
    ("utf-16-le", FRENCH, codecs.BOM_UTF16_LE),
    ("utf-16-be", FRENCH, codecs.BOM_UTF16_BE),
    ("utf-16-le", FRENCH, b""),
    ("latin-1", FRENCH.replace("\u2019", "'"), b""),
    ("cp1252", FRENCH, b""),
    ("latin-1", GERMAN, b""),
    ("cp1251", RUSSIAN, b""),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "latin1-french",
        "cp1252-curly-quotes", "latin1-german", "cp1251-russian"])
def test_text_encodings_come_out_right(tmp_path: Path, encoding: str, text: str,
                                       bom: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bom + text.encode(encoding))
    (article,) = _ingest_one(path)
    assert "\n".join(article.text.split("\n")) == text.strip().replace("\n\n", "\n")


def test_latin1_accents_are_right(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(FRENCH.replace("\u2019", "'").encode("latin-1"))
    (article,) = _ingest_one(path)
    assert article.sentences[0].startswith("Le président français a déclaré à Paris")
    assert "élèves" in article.sentences[1] and "Noël" in article.sentences[2]


def test_decode_rejects_binary_that_claims_nothing() -> None:
    with pytest.raises(LoadError, match="not a text file"):
        decode_text(b"abc\x00\x01\x02def" * 50)


def test_markdown_front_matter_and_syntax(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Putin warns Western troops\noutlet: The Daily Planet\ndate: 2025-09-05\n"
        "url: https://example.com/a\n---\n# Putin warns Western troops\n\n"
        "**Russian President Vladimir Putin** said on Friday that any [Western troops]"
        "(https://x.example) would be *legitimate targets*. He spoke in `Vladivostok`.\n\n"
        "![A photo](a.png)\n\n## Reaction\n\n> Macron said 26 countries had pledged troops.\n\n"
        "- Zelensky welcomed the pledge.\n\n```\ncode block\n```\n", encoding="utf-8")
    (article,) = _ingest_one(path)
    assert (article.title, article.outlet, article.date, article.url) == (
        "Putin warns Western troops", "The Daily Planet", "2025-09-05", "https://example.com/a")
    assert list(article.sentences) == [
        "Russian President Vladimir Putin said on Friday that any Western troops would be "
        "legitimate targets.", "He spoke in Vladivostok.",
        "Macron said 26 countries had pledged troops.", "Zelensky welcomed the pledge."]


def test_markdown_without_front_matter_uses_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("Flood waters rise\n=================\n\nThe river rose two metres. "
                    "Villages were evacuated.\n", encoding="utf-8")
    (article,) = _ingest_one(path)
    assert article.title == "Flood waters rise"
    assert article.outlet == "plain"
    assert article.sentences == ("The river rose two metres.", "Villages were evacuated.")


def test_markdown_with_broken_front_matter_still_imports(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [unclosed\n---\nThe river rose two metres. Villages were "
                    "evacuated.\n", encoding="utf-8")
    (article,) = _ingest_one(path)
    assert article.sentences == ("The river rose two metres.", "Villages were evacuated.")


def test_markdown_date_as_text(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text("---\ntitle: T\ndate: \"Sept. 5, 2025\"\nsource: Wire\n---\nBody text here. "
                    "More text.\n", encoding="utf-8")
    (article,) = _ingest_one(path)
    assert (article.date, article.outlet) == ("2025-09-05", "Wire")


HTML = """<!doctype html><html><head><title>Putin warns on troops | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="og:title" content="Putin warns on troops">
<meta property="article:published_time" content="2025-09-05T10:00:00Z">
<link rel="canonical" href="https://daily.example/news/1"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Putin warns on troops</h1>
<p>Russian President Vladimir Putin said on Friday that any foreign troops deployed to Ukraine would be legitimate targets. He spoke at a forum in Vladivostok.</p>
<p>Share</p>
<p>French President Emmanuel Macron said 26 countries had pledged to take part in a reassurance force. The coalition met in Paris on Thursday.</p>
<p>Kremlin spokesman Dmitry Peskov said Moscow would need legally binding documents.</p>
</article><footer>Copyright 2025 The Daily. All rights reserved.</footer></body></html>"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_main_text_and_metadata(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(HTML, encoding="utf-8")
    (article,) = _ingest_one(path)
    assert article.title == "Putin warns on troops"
    assert (article.outlet, article.date, article.url) == (
        "The Daily", "2025-09-05", "https://daily.example/news/1")
    assert article.sentences[0].startswith("Russian President Vladimir Putin said on Friday")
    assert "Share" not in article.sentences
    assert not any("Home" in s or "Copyright" in s for s in article.sentences)
    assert article.sentences[-1] == ("Kremlin spokesman Dmitry Peskov said Moscow would need "
                                     "legally binding documents.")


def test_html_without_article_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
                    encoding="utf-8")
    result = ingest_paths([str(path)])
    assert result.articles == ()
    (rejection,) = result.rejected
    assert "no article text" in rejection.reason


def test_folders_are_read_recursively_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main. More text here.\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "a" / "b" / "deep.txt").write_text("The river rose. Villages were evacuated.\n")
    (tmp_path / "a" / "top.md").write_text("# Prices fall\n\nPrices fell. Shops were busy.\n")
    result = ingest_paths([str(tmp_path)])
    assert result.rejected == ()
    assert sorted(Path(a.source).name for a in result.articles) == ["deep.txt", "top.md"]
    assert result.articles[0].source == str(tmp_path / "a" / "b" / "deep.txt")


def test_progress_and_cancel(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"Story number {i} happened. It was notable.\n")
    seen: list[tuple[int, str]] = []
    result = ingest_paths([str(tmp_path)], progress=lambda n, total, src: seen.append((n, src)),
                          cancel=lambda: len(seen) >= 3)
    assert [n for n, _ in seen] == [1, 2, 3]
    assert len(result.articles) == 3


def test_utf8_with_one_damaged_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    data = FRENCH.encode("utf-8")
    path.write_bytes(data[:40] + b"\xff" + data[40:] + "é".encode()[:1])
    (article,) = _ingest_one(path)
    assert "président français a déclaré" in article.sentences[0]
    assert "Ã" not in article.text


def test_pasted_html_and_markdown_are_recognised() -> None:
    from reader.core.ingest import articles_from_text

    (page,) = articles_from_text(HTML, "clipboard")
    assert (page.title, page.outlet) == ("Putin warns on troops", "The Daily")
    (md,) = articles_from_text("---\ntitle: Pasted\noutlet: Wire\n---\nThe river rose. "
                               "Villages were **evacuated**.\n", "clipboard")
    assert (md.title, md.outlet, md.sentences[-1]) == ("Pasted", "Wire",
                                                      "Villages were evacuated.")


def test_saved_page_named_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(HTML, encoding="utf-8")
    (article,) = _ingest_one(path)
    assert (article.title, article.outlet) == ("Putin warns on troops", "The Daily")
