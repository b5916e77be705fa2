"""The format-neutral report content: shares, overlap, findings, diff segments."""

from __future__ import annotations

from dataclasses import replace

from reader.core.align.cells import CHANGED, Mark
from reader.core.model import DIFF_EQUAL, DIFF_INSERT, DiffOp
from reader.core.report.content import DELETE, EQUAL, build_report, excerpt, word_diff
from tests.core.report.sample import small_doc


def test_versions_share_unique_and_overlap():
    report = build_report(small_doc(), ["s1"], generated_at="T")
    (story,) = report.stories
    shares = {v.article.id: v.share_unique for v in story.versions}
    # One definition everywhere (the app's too): the share of a version's *words* in
    # passages no other version has. a1's analysts' remark (p4) is its only such passage.
    doc = small_doc()
    a1 = doc.article("a1")
    (p4,) = [p for p in doc.stories[0].passages if p.id == "p4"]
    lone = sum(len(a1.sentences[i].split()) for i in p4.members["a1"])
    assert shares == {"a1": lone / a1.word_count, "a2": 0.0, "a3": 0.0}
    assert shares["a1"] != 0.25  # not the share of sentences (1 of 4) the reports once used
    # a1 has p1-p4, a2 has p1,p2,p3,p5: 3 shared out of 5 in either.
    assert story.overlap[("a1", "a2")] == story.overlap[("a2", "a1")] == 3 / 5
    assert story.overlap[("a2", "a3")] == 3 / 4
    assert report.generated_at == "T"


def test_added_and_omitted_quote_passages():
    (story,) = build_report(small_doc(), ["s1"]).stories
    assert [p.id for p in story.added["a1"]] == ["p4"]
    assert [p.id for p in story.omitted["a1"]] == ["p5"]
    assert [p.id for p in story.omitted["a3"]] == ["p2"]


def test_findings_derived_when_alignment_gives_none():
    doc = small_doc()
    s1 = replace(doc.stories[0], findings={})
    doc = replace(doc, stories=(s1,) + doc.stories[1:])
    (story,) = build_report(doc, ["s1"]).stories
    assert [p.id for p in story.added["a1"]] == ["p4"]
    assert [p.id for p in story.omitted["a3"]] == ["p2"]


def test_position_contrast_lead_versus_buried():
    (story,) = build_report(small_doc(), ["s1"]).stories
    (contrast,) = story.positions
    assert contrast.passage.id == "p5"
    assert [a for a, _, _ in contrast.leads] == ["a3"]
    assert [a for a, _, _ in contrast.buries] == ["a2"]


def test_cells_carry_word_diff_against_reference():
    (story,) = build_report(small_doc(), ["s1"]).stories
    p3 = story.passages[2]
    assert p3.cells["a1"].is_reference
    marks = p3.cells["a2"].marks
    # The cell is a2's own text; the reference's "26" rides along as what "25" replaced.
    assert Mark(CHANGED, "25", "26", number=True) in marks.marks
    assert marks.text == p3.cells["a2"].text
    assert p3.missing == ()
    assert story.passages[1].missing == ("a3",)





def test_word_diff_and_excerpt():
    segs = word_diff("legitimate targets for us", "legitimate targets")
    assert [s.kind for s in segs] == [EQUAL, DELETE]
    assert excerpt("word " * 50, 20).endswith("…") and len(excerpt("word " * 50, 20)) <= 21
    assert excerpt("short") == "short"


def test_selecting_stories_and_titles():
    doc = small_doc()
    assert build_report(doc).title == "Comparison of 2 stories"
    assert build_report(doc, ["s2"]).title == "Weather"
    assert [s.story.id for s in build_report(doc, ["s2"]).stories] == ["s2"]


def test_inconsistent_ops_fall_back_to_the_versions_own_text():
    from reader.core.align.cells import SAME, cell_marks

    ops = (DiffOp(DIFF_EQUAL, "Hello "), DiffOp(DIFF_INSERT, "world"))
    assert [m.kind for m in cell_marks(ops, "Hello world").marks] == [SAME, "added"]
    # Ops that do not spell the member: its own text, unmarked (never words it lacks).
    assert cell_marks(ops, "Something else").marks == (Mark(SAME, "Something else"),)
    assert cell_marks((), "x").marks == (Mark(SAME, "x"),)
