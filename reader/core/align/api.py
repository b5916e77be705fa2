"""Align the versions of one story: passages, word diffs, and the story's findings."""

from __future__ import annotations

import hashlib
from typing import Sequence

from reader.core.align.numbers import number_disagreements
from reader.core.align.passages import Version, align_versions
from reader.core.align.quotes import quote_variants
from reader.core.align.worddiff import word_diff
from reader.core.model import (
    DIFF_EQUAL,
    Article,
    DiffOp,
    NumberDisagreement,
    Passage,
    Position,
    Story,
    StoryGroup,
    VersionFindings,
)
from reader.core.settings import AnalysisSettings


def content_key(article: Article) -> str:
    """An order-independent sort key for a version: its content, not its place in the input."""
    digest = article.content_hash or hashlib.sha1(
        "\n".join(article.sentences).encode("utf-8")).hexdigest()
    return digest


def align_story(
    story_id: str,
    group: StoryGroup,
    articles: Sequence[Article],
    settings: AnalysisSettings,
) -> Story:
    """Build the story's passages (a partition of all sentences, in reading order) and findings."""
    ids = tuple(a.id for a in articles)
    if len(articles) == 1:
        return _single(story_id, group, articles[0])
    canon = sorted(articles, key=lambda a: (content_key(a), a.id))
    alignment = align_versions([Version(a.id, a.sentences, r) for r, a in enumerate(canon)])
    input_order = {a.id: k for k, a in enumerate(articles)}
    members_list = [
        {canon[r].id: tuple(idx) for r, idx in sorted(c.items(), key=lambda kv: input_order[canon[kv[0]].id])}
        for c in alignment.clusters
    ]
    ranking = _reference_ranking(canon, members_list, settings)
    by_id = {a.id: a for a in articles}
    passages: list[Passage] = []
    disagreements: list[NumberDisagreement] = []
    cache: dict[tuple[str, str], tuple[DiffOp, ...]] = {}
    for n, (members, score) in enumerate(zip(members_list, alignment.scores), start=1):
        pid = f"p{n}"
        ref = min(members, key=ranking.__getitem__)
        texts = {aid: " ".join(by_id[aid].sentences[i] for i in idx) for aid, idx in members.items()}
        diffs = {}
        for aid, text in texts.items():
            key = (texts[ref], text)
            if key not in cache:
                cache[key] = word_diff(texts[ref], text, settings)
            diffs[aid] = cache[key]
        passages.append(Passage(pid, members, ref, diffs, score))
        if len(members) > 1:
            firsts = {aid: idx[0] for aid, idx in members.items()}
            disagreements += number_disagreements(pid, texts, firsts)
    findings = _findings(articles, passages)
    return Story(story_id, group.title, ids, tuple(passages), findings,
                 quote_variants(articles), tuple(disagreements), reasons=group.reasons)


def _reference_ranking(
    canon: Sequence[Article], members_list: Sequence[dict[str, tuple[int, ...]]],
    settings: AnalysisSettings,
) -> dict[str, int]:
    """Rank of each version as a passage reference: the chosen one, then the most shared."""
    shared = {a.id: 0 for a in canon}
    for members in members_list:
        if len(members) > 1:
            for aid in members:
                shared[aid] += 1
    wanted = (settings.reference or "").strip().casefold()

    def key(item: tuple[int, Article]) -> tuple:
        rank, art = item
        chosen = bool(wanted) and wanted in (art.id.casefold(), art.outlet.casefold())
        return (not chosen, -shared[art.id], -art.word_count, rank)

    ordered = sorted(enumerate(canon), key=key)
    return {art.id: k for k, (_, art) in enumerate(ordered)}


def _position(article: Article, pid: str, idx: int) -> Position:
    para = article.paragraphs[idx] if len(article.paragraphs) == len(article.sentences) else 0
    return Position(pid, idx, para, idx / max(1, len(article.sentences) - 1))


def _findings(articles: Sequence[Article], passages: Sequence[Passage]) -> dict[str, VersionFindings]:
    """Added, omitted (by two or more others), omitted by anyone, and positions, per version."""
    out = {}
    for art in articles:
        added, omitted, omitted_any, positions = [], [], [], []
        for p in passages:
            idx = p.members.get(art.id)
            if idx is not None:
                positions.append(_position(art, p.id, idx[0]))
                if len(p.members) == 1:
                    added.append(p.id)
            else:
                omitted_any.append(p.id)
                if len(p.members) >= 2:
                    omitted.append(p.id)
        positions.sort(key=lambda pos: pos.sentence)
        out[art.id] = VersionFindings(tuple(added), tuple(omitted), tuple(omitted_any),
                                      tuple(positions))
    return out


def _single(story_id: str, group: StoryGroup, art: Article) -> Story:
    """A one-version story: each sentence its own passage; nothing is added relative to no one."""
    passages = tuple(
        Passage(f"p{i + 1}", {art.id: (i,)}, art.id, {art.id: (DiffOp(DIFF_EQUAL, s),)})
        for i, s in enumerate(art.sentences)
    )
    positions = tuple(_position(art, p.id, i) for i, p in enumerate(passages))
    findings = {art.id: VersionFindings((), (), (), positions)}
    return Story(story_id, group.title, (art.id,), passages, findings, reasons=group.reasons)
