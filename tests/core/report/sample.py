"""Hand-made Documents for report tests: small, multi-version, independent of the real analysis."""

from __future__ import annotations

import difflib
import re
from typing import Sequence

from reader.core.model import (
    DIFF_DELETE,
    DIFF_EQUAL,
    DIFF_INSERT,
    Article,
    DiffOp,
    Document,
    NumberDisagreement,
    NumberValue,
    Passage,
    QuoteOccurrence,
    QuoteVariant,
    Rejection,
    Story,
    VersionFindings,
)
from reader.core.settings import AnalysisSettings

_TOKENS = re.compile(r"\S+|\s+")


def word_ops(old: str, new: str) -> tuple[DiffOp, ...]:
    """Word diff ops that turn `old` into `new` exactly (whitespace kept as tokens)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    ops: list[DiffOp] = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ops.append(DiffOp(DIFF_EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(DiffOp(DIFF_DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(DiffOp(DIFF_INSERT, "".join(b[j1:j2])))
    return tuple(ops)


def align(story_id: str, title: str, articles: Sequence[Article], cutoff: float = 0.5) -> Story:
    """A crude greedy alignment: each sentence joins the most similar earlier passage."""
    groups: list[dict[str, list[int]]] = []
    ref_text: list[str] = []
    for art in articles:
        for i, sentence in enumerate(art.sentences):
            best, best_ratio = None, cutoff
            for g, text in enumerate(ref_text):
                if art.id in groups[g]:
                    continue
                r = difflib.SequenceMatcher(None, text.split(), sentence.split(),
                                            autojunk=False).ratio()
                if r > best_ratio:
                    best, best_ratio = g, r
            if best is None:
                groups.append({art.id: [i]})
                ref_text.append(sentence)
            else:
                groups[best][art.id] = [i]
    by_id = {a.id: a for a in articles}
    first_pos = {}
    for g, members in enumerate(groups):
        aid0 = next(iter(members))
        first_pos[g] = (articles.index(by_id[aid0]), members[aid0][0])
    passages = []
    for n, g in enumerate(sorted(range(len(groups)), key=first_pos.__getitem__), start=1):
        members = groups[g]
        ref = next(iter(members))
        rtext = " ".join(by_id[ref].sentences[i] for i in members[ref])
        diffs = {aid: word_ops(rtext, " ".join(by_id[aid].sentences[i] for i in idx))
                 for aid, idx in members.items()}
        passages.append(Passage(f"p{n}", {k: tuple(v) for k, v in members.items()}, ref, diffs,
                                score=1.0 if len(members) == 1 else 0.8))
    findings = {}
    for art in articles:
        added = tuple(p.id for p in passages if list(p.members) == [art.id])
        lacks = tuple(p.id for p in passages if art.id not in p.members)
        omitted = tuple(p.id for p in passages if art.id not in p.members and len(p.members) >= 2)
        findings[art.id] = VersionFindings(added, omitted, lacks)
    return Story(story_id, title, tuple(a.id for a in articles), tuple(passages), findings,
                 reasons=("putin", "troops"))


def small_doc() -> Document:
    """Three versions of a short story with edits, an addition, an omission, a quote and a number."""
    a1 = Article("a1", "in/one.txt", 0, "Putin warns troops", "Daily <Times>", "2025-09-05",
                 None, ("Putin said troops would be \"legitimate targets\".",
                        "He spoke in Vladivostok on Friday.",
                        "About 26 countries pledged support.",
                        "Analysts say the remark & the timing | matter."))
    a2 = Article("a2", "in/two.txt", 0, "Putin: foreign troops are targets", "Wire | Service",
                 "2025-09-05", None,
                 ("Putin said foreign troops would be \"legitimate targets\".",
                  "He spoke in Vladivostok.",
                  "About 25 countries pledged support.",
                  "Kyiv rejected the warning."))
    a3 = Article("a3", "in/three.txt", 0, "Kremlin warning", "Evening Post", None, None,
                 ("Kyiv rejected the warning on Friday.",
                  "Putin said troops would be \"legitimate targets\".",
                  "About 26 countries pledged support."))
    arts = (a1, a2, a3)
    story = align("s1", "Putin warns <foreign> troops", arts)
    story = Story(
        story.id, story.title, story.article_ids, story.passages, story.findings,
        quote_variants=(QuoteVariant("Putin", (
            QuoteOccurrence("a1", 0, "legitimate targets for us", "Putin"),
            QuoteOccurrence("a2", 0, "legitimate targets", "Putin"),
        ), 0.7),),
        number_disagreements=(NumberDisagreement("p3", "countries pledging support", (
            NumberValue("a1", 2, "26", 26.0), NumberValue("a2", 2, "25", 25.0),
            NumberValue("a3", 2, "26", 26.0))),),
        reasons=story.reasons,
    )
    single = Article("a4", "in/other.txt", 0, "Weather", "Local Paper", None, None,
                     ("Rain is expected tomorrow.",))
    other = align("s2", "Weather", (single,))
    return Document(arts + (single,), (story, other),
                    (Rejection("in/bad.bin", "not a text file"),),
                    AnalysisSettings())


def _sentences(text: str) -> tuple[str, ...]:
    parts = re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", " ".join(text.split()))
    return tuple(p for p in parts if p)


def seed_story_doc(paths: Sequence[str], versions: int | None = None) -> Document:
    """A multi-version story made from real article files (cycled to `versions` copies)."""
    texts = [open(p, encoding="utf-8").read() for p in paths]
    n = versions or len(texts)
    arts = []
    for i in range(n):
        sents = _sentences(texts[i % len(texts)])
        if i >= len(texts):  # later copies: drop and reorder a little so they differ
            sents = sents[i % 3:] + sents[: i % 3]
        arts.append(Article(f"a{i + 1}", str(paths[i % len(paths)]), 0, sents[0][:80],
                            f"Outlet {chr(65 + i % 26)}{'' if i < 26 else i}", "2025-09-05",
                            None, sents))
    story = align("s1", "Putin says foreign troops would be legitimate targets", arts)
    return Document(tuple(arts), (story,), (), AnalysisSettings())
