"""End to end through ingest and grouping: the seeds' "legitimate targets" story."""

from __future__ import annotations

import pytest

from reader.core.pipeline import analyze_paths
from reader.core.report.jsondoc import document_to_dict


@pytest.fixture(scope="module")
def analysed():
    import pathlib
    seeds = pathlib.Path(__file__).resolve().parents[3] / "seeds"
    doc = analyze_paths([str(seeds)])
    by_id = doc.articles_by_id()

    def article(prefix: str, part: int = 0):
        return next(a for a in doc.articles if a.source.split("/")[-1].startswith(prefix)
                    and a.part == part)

    story = next(s for s in doc.stories if article("002").id in s.article_ids)
    return doc, story, by_id, article


def _sentence(art, needle: str) -> int:
    return next(i for i, s in enumerate(art.sentences) if needle in s)


def test_story_has_five_versions_and_key_findings(analysed):
    doc, story, by_id, article = analysed
    ap, arab, other = article("002"), article("003"), article("004")
    assert len(story.article_ids) == 5
    passage_of = {(aid, i): p for p in story.passages for aid, idx in p.members.items() for i in idx}
    peskov = passage_of[(ap.id, _sentence(ap, "legally binding documents"))]
    assert list(peskov.members) == [ap.id] and peskov.id in story.findings[ap.id].added
    mine = passage_of[(other.id, _sentence(other, "security guarantees should apply"))]
    assert _sentence(ap, "security guarantees would be needed") in mine.members.get(ap.id, ())
    troops = (ap.id, _sentence(ap, "If any troops appear there"))
    some = (arab.id, _sentence(arab, "If some troops appear there"))
    assert any({troops, some} <= {(o.article_id, o.sentence) for o in v.occurrences}
               and v.speaker == "Putin" for v in story.quote_variants)


def test_json_document_carries_diffs_that_rebuild_members(analysed):
    doc, story, by_id, _ = analysed
    data = document_to_dict(doc)
    sents = {a["id"]: a["sentences"] for a in data["articles"]}
    for s in data["stories"]:
        for p in s["passages"]:
            for aid, ops in p["diffs"].items():
                member = " ".join(sents[aid][i] for i in p["members"][aid])
                ref = " ".join(sents[p["reference"]][i] for i in p["members"][p["reference"]])
                assert "".join(t for op, t in ops if op != -1) == member
                assert "".join(t for op, t in ops if op != 1) == ref


def test_digest_sentences_share_passages_with_ap(analysed):
    doc, story, by_id, article = analysed
    ap = article("002")
    digest = next(by_id[a] for a in story.article_ids if by_id[a].source.split("/")[-1].startswith("000"))
    for i in range(len(digest.sentences)):
        p = next(p for p in story.passages if i in p.members.get(digest.id, ()))
        assert ap.id in p.members, digest.sentences[i]
