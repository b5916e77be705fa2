"""The figures every view, tooltip and report shows about a story: one definition each.

- unique share: the share of a version's *words* that sit in passages no other version has
  (None when the story has one version: there is nothing to compare it with yet);
- overlap of two versions: passages both have ÷ passages either has;
- identical versions: the same cleaned sentences, word for word.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from reader.core.model import Article, Story, count_words

UNIQUE_SHARE_MEANS = ("Unique: the share of this version's words that are in passages no "
                      "other version has.")
OVERLAP_MEANS = ("Overlap: passages both versions have, as a share of the passages either "
                 "has.")
NOTHING_TO_COMPARE = "Nothing to compare yet: this story has one version."


def _words(article: Article, indices: Sequence[int]) -> int:
    return sum(count_words(article.sentences[i]) for i in indices
               if 0 <= i < len(article.sentences))


def unique_share(story: Story, articles: Mapping[str, Article], article_id: str) -> float | None:
    """Share (0..1) of the version's words that no other version has; None for a story of
    one version (or a version with no words)."""
    present = [a for a in story.article_ids if a in articles]
    art = articles.get(article_id)
    total = art.word_count if art is not None else 0
    if len(present) < 2 or not total:
        return None
    unique = sum(_words(art, p.members[article_id]) for p in story.passages
                 if len(p.members) == 1 and article_id in p.members)
    return unique / total


def overlap(story: Story, a: str, b: str) -> float:
    """Passages both versions have ÷ passages either has (1.0 for a version with itself)."""
    has_a = {p.id for p in story.passages if a in p.members}
    has_b = {p.id for p in story.passages if b in p.members}
    union = has_a | has_b
    return len(has_a & has_b) / len(union) if union else 0.0


def identical_to(articles: Sequence[Article]) -> dict[str, str]:
    """For each version whose text repeats an earlier one's word for word: that earlier id."""
    # Only versions of the same shape (sentence count, first and last words) can be identical:
    # the whitespace-normalised text, costly for a huge article, is built for those alone.
    def shape(art: Article) -> tuple:
        first_words = art.sentences[0].split(None, 1)[:1]
        last_words = art.sentences[-1].rsplit(None, 1)[-1:]
        return (len(art.sentences), tuple(first_words), tuple(last_words))

    shapes: dict[tuple, int] = {}
    for art in articles:
        if art.sentences:
            shapes[shape(art)] = shapes.get(shape(art), 0) + 1
    first: dict[tuple[str, ...], str] = {}
    out: dict[str, str] = {}
    for art in articles:
        if not art.sentences or shapes[shape(art)] < 2:
            continue
        key = tuple(" ".join(s.split()) for s in art.sentences)
        if key in first:
            out[art.id] = first[key]
        else:
            first[key] = art.id
    return out


def percent(share: float | None) -> str:
    """A share as a whole percentage, or a dash when there is none."""
    return "—" if share is None else f"{round(share * 100)}%"


def labels(articles: Sequence[Article]) -> dict[str, str]:
    """Outlet names, with a number added where one outlet has several versions."""
    counts: dict[str, int] = {}
    for a in articles:
        counts[a.outlet or a.title] = counts.get(a.outlet or a.title, 0) + 1
    seen: dict[str, int] = {}
    out = {}
    for a in articles:
        name = a.outlet or a.title or "unnamed outlet"
        if counts.get(a.outlet or a.title, 0) > 1:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} ({seen[name]})"
        out[a.id] = name
    return out


def reference_of(story: Story, articles: Mapping[str, Article],
                 chosen: str | None = None) -> str | None:
    """The version most multi-member passages diff against (None if nothing is shared); the
    user's choice (article id or outlet) wins wherever the alignment honoured it."""
    refs = [p.reference for p in story.passages if len(p.members) > 1]
    if not refs:
        return None
    for aid in set(refs):
        art = articles.get(aid)
        if chosen is not None and chosen in (aid, art.outlet if art else None):
            return aid
    order = {aid: i for i, aid in enumerate(story.article_ids)}
    return min(set(refs), key=lambda a: (-refs.count(a), order.get(a, len(order))))


def column_order(story: Story, articles: Mapping[str, Article],
                 chosen: str | None = None) -> tuple[str, ...]:
    """The versions in the order every view and report shows them: the reference first (the
    differences read against it), then by how many words they share with it, ties in story
    order."""
    ids = tuple(a for a in story.article_ids if a in articles)
    ref = reference_of(story, articles, chosen)
    if ref is None or ref not in ids:
        return ids
    shared = dict.fromkeys(ids, 0)
    ref_art = articles[ref]
    for p in story.passages:
        if ref in p.members and len(p.members) > 1:
            words = _words(ref_art, p.members[ref])
            for aid in p.members:
                if aid in shared:
                    shared[aid] += words
    others = sorted((a for a in ids if a != ref), key=lambda a: -shared[a])
    return (ref, *others)
