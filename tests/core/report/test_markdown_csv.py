"""The Markdown and CSV reports: tables, escaping, diff marks, CSV quoting."""

from __future__ import annotations

import csv
import io

from reader.core.report.csvreport import render_csv
from reader.core.report.markdown import markdown_to_html, md_escape, render_markdown
from tests.core.report.sample import small_doc


def _table_rows(md: str, first_header: str) -> list[str]:
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def _cells(row: str) -> list[str]:
    # Split on pipes that are not backslash-escaped, as GitHub does.
    out, cur, i = [], "", 1
    while i < len(row) - 1:
        if row[i] == "\\" and i + 1 < len(row):
            cur += row[i:i + 2]
            i += 2
            continue
        if row[i] == "|":
            out.append(cur.strip())
            cur = ""
        else:
            cur += row[i]
        i += 1
    out.append(cur.strip())
    return out


def test_markdown_tables_escape_pipes_and_keep_their_shape():
    md = render_markdown(small_doc(), ["s1"], generated_at="T")
    rows = _table_rows(md, "Outlet")
    assert len(rows) == 2 + 3
    assert all(len(_cells(r)) == 6 for r in rows)
    assert "Wire \\| Service" in rows[3]
    assert "Daily \\<Times\\>" in rows[2]


def test_markdown_marks_and_legend():
    md = render_markdown(small_doc(), ["s1"], generated_at="T")
    assert "About **25** \\[reference: 26\\] countries pledged support." in md
    assert "Putin said **foreign** troops" in md
    assert "~~" not in md and "**Bold**" in md and "\\[‸ lacks: …\\]" in md
    assert "_Not in:_ Evening Post" in md
    assert "the remark & the timing \\| matter" in md
    assert md.startswith("# Putin warns \\<foreign\\> troops\n")
    assert "Generated T by Parallax" in md


def test_markdown_converts_to_html_with_tables_and_strikes():
    html = markdown_to_html(render_markdown(small_doc(), generated_at="T"))
    assert html.count("<table>") >= 5
    assert "<strong>25</strong> [reference: 26]" in html
    assert "Wire | Service" in html and "\\|" not in html
    assert "<s>26</s>" in markdown_to_html("About ~~26~~ **25**", strike_tag="s")


def test_md_escape():
    assert md_escape("a|b*c_d [e] <f> ~g `h` #i") == (
        "a\\|b\\*c\\_d \\[e\\] \\<f\\> \\~g \\`h\\` \\#i")


def test_csv_is_the_coverage_matrix_with_proper_quoting():
    text = render_csv(small_doc())
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["story", "passage", "versions", "Daily <Times> (a1)",
                       "Wire | Service (a2)", "Evening Post (a3)", "Local Paper (a4)"]
    assert len(rows) == 1 + 5 + 1
    p1 = rows[1]
    assert p1[:3] == ["s1", "p1", "3"]
    assert p1[3] == 'Putin said troops would be "legitimate targets".'
    assert rows[2][5] == ""  # p2 is not in Evening Post
    assert rows[-1] == ["s2", "p1", "1", "", "", "", "Rain is expected tomorrow."]
    # Quotes in cells are doubled, as RFC 4180 wants.
    assert '"Putin said troops would be ""legitimate targets""."' in text


def test_csv_of_one_story_has_only_its_versions():
    rows = list(csv.reader(io.StringIO(render_csv(small_doc(), ["s2"]))))
    assert rows == [["story", "passage", "versions", "Local Paper (a4)"],
                    ["s2", "p1", "1", "Rain is expected tomorrow."]]
