"""From loaded text to Article objects: regions, titles, body cleaning, digests, dedupe."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass

from reader.core.ingest.digests import semantic_digest_items, unrelated_stories
from reader.core.ingest.clean import (
    BLANK, DROPPED_KINDS, FACTBOX, RELATED, STAMP, TEXT, TITLE, Line, fold, is_date_line,
    prepare_lines,
    strip_dateline,
    strip_stamp_lead,
    strip_stamp_tail,
)
from reader.core.ingest.loaders import Loaded
from reader.core.ingest.metadata import outlet_from_source, short_title
from reader.core.text.display import storable_name
from reader.core.ingest.segment import (
    detect_title, digest_items, find_article_starts, headed_items,
)
from reader.core.model import Article
from reader.core.text.sentences import split_sentences

# Weak sentences (bullets, fact boxes) are checked for near-duplicates against at most this
# many strong ones each, so a pathological file stays linear.
_NEAR_DUP_BUDGET = 200_000
_NEAR_DUP_CONTAINMENT = 0.8


@dataclass(slots=True)
class _Paragraph:
    """One body paragraph: its sentences, and whether it is a bullet/fact-box line."""

    sentences: list[str]
    weak: bool


def _body(lines: list[Line], title: str | None) -> tuple[list[_Paragraph], str | None]:
    """Body paragraphs of an article's lines (after its headline) and the first stamp date."""
    paragraphs: list[_Paragraph] = []
    date = None
    title_key = fold(title) if title else None
    in_related = in_factbox = False
    for line in lines:
        kind = line.kind
        if kind == BLANK:
            continue
        if kind == STAMP and date is None:
            date = line.date
        if kind == RELATED:
            in_related, in_factbox = True, False
            continue
        if in_related:
            # Link titles follow a "Read also:" header until real prose resumes.
            if line.bullet or kind == TITLE:
                continue
            in_related = False
        if kind == FACTBOX:
            in_factbox = True
            continue
        if in_factbox and not line.bullet:
            in_factbox = False
        if kind in DROPPED_KINDS or kind == TITLE:
            continue  # boilerplate, or a crosshead/headline line inside the body
        if title_key is not None and len(line.text) <= 2 * len(title_key) and \
                fold(line.text) == title_key:
            continue
        text, lead_date = strip_stamp_lead(strip_stamp_tail(line.text))
        text, dateline_date = strip_dateline(text)
        date = date or lead_date or dateline_date
        # A "sentence" of bare punctuation or symbols carries no text.
        sentences = [x for x in split_sentences(text) if _has_word(x)]
        if sentences:
            paragraphs.append(_Paragraph(sentences, weak=line.bullet))
    return paragraphs, date


def _has_word(sentence: str) -> bool:
    """Whether a sentence has at least one letter or digit."""
    return any(ch.isalnum() for ch in sentence)


def _token_set(text: str) -> set[str]:
    """Lower-case word set of a folded sentence."""
    return {w.strip(".,;:!?\"'()") for w in text.split()} - {""}


def _dedupe(paragraphs: list[_Paragraph],
            title: str | None) -> tuple[list[str], list[int], list[str]]:
    """Sentences without repeats (weak copies of body sentences and exact repeats go), their
    paragraph numbers, and their comparison keys."""
    keyed = [[fold(s) for s in p.sentences] for p in paragraphs]
    strong_keys: set[str] = set()
    for p, keys in zip(paragraphs, keyed):
        if not p.weak:
            strong_keys.update(keys)
    sorted_strong: list[str] | None = None
    strong_sets: list[set[str]] | None = None
    title_key = fold(title) if title else None
    seen: set[str] = set()
    sentences: list[str] = []
    para_index: list[int] = []
    kept_keys: list[str] = []
    budget = _NEAR_DUP_BUDGET
    for n, (p, keys) in enumerate(zip(paragraphs, keyed)):
        for sentence, key in zip(p.sentences, keys):
            if key in seen or key == title_key:
                continue
            if p.weak:
                # A standfirst or fact-box bullet that repeats the body (maybe cut short).
                if key in strong_keys:
                    continue
                if sorted_strong is None:
                    sorted_strong = sorted(strong_keys)
                at = bisect.bisect_left(sorted_strong, key)
                if at < len(sorted_strong) and sorted_strong[at].startswith(key):
                    continue
                if budget >= len(sorted_strong):
                    budget -= len(sorted_strong)
                    if strong_sets is None:
                        strong_sets = [_token_set(s) for s in sorted_strong]
                    words = _token_set(key)
                    if words and any(len(words & s) >= _NEAR_DUP_CONTAINMENT * len(words)
                                     for s in strong_sets):
                        continue
            seen.add(key)
            sentences.append(sentence)
            para_index.append(n)
            kept_keys.append(key)
    # Renumber paragraphs densely: dropped paragraphs leave no gaps.
    dense: dict[int, int] = {}
    return sentences, [dense.setdefault(i, len(dense)) for i in para_index], kept_keys


def content_hash(outlet: str, sentences: list[str], keys: list[str] | None = None) -> str:
    """Fingerprint of an outlet's cleaned content: re-imports of the same file match it.

    The outlet is part of it so that two outlets running identical wire copy stay two
    versions, while the same file imported twice is recognised. `keys` are the sentences'
    fold() keys when the caller already has them.
    """
    if keys is None:
        keys = [fold(s) for s in sentences]
    payload = fold(outlet) + "\n" + "\n".join(keys)
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _article(source: str, part: int, title: str | None, outlet: str, date: str | None,
             url: str | None, paragraphs: list[_Paragraph]) -> Article | None:
    """One Article from body paragraphs, or None when nothing is left after cleaning."""
    sentences, para_index, keys = _dedupe(paragraphs, title)
    if not sentences:
        return None
    return Article(
        id="", source=source, part=part, title=title or short_title(sentences[0]) or sentences[0],
        outlet=outlet, date=date, url=url, sentences=tuple(sentences),
        paragraphs=tuple(para_index), content_hash=content_hash(outlet, sentences, keys),
    )


# Shortest line (in words) a digest item can be: shorter ones are labels, not stories. The
# longest: a lede of up to three sentences.
_UNIT_WORDS = 5
_UNIT_MAX_WORDS = 110


def _digest_units(region: list[Line]) -> list[str]:
    """The text of each line of a region that could be a digest item; none when the lines
    cannot be a digest (fewer than three, or one too long for a lede), decided before any
    sentence splitting so that articles pay almost nothing here."""
    texts = []
    for line in region:
        if line.kind not in (TEXT, TITLE, STAMP) and not line.bullet:
            continue
        text, _ = strip_dateline(strip_stamp_lead(strip_stamp_tail(line.text))[0])
        words = len(text.split())
        if words > _UNIT_MAX_WORDS:
            return []  # article prose: no digest item runs this long
        if words >= _UNIT_WORDS and not is_date_line(text):
            texts.append(text)
    return texts if len(texts) >= 3 else []


def build_articles(loaded: Loaded, source: str) -> tuple[Article, ...]:
    """All articles in one loaded text, in reading order, with part numbers 0, 1, …"""
    source = storable_name(source)  # a non-UTF-8 file name must still be stored and shown
    lines = prepare_lines(loaded.text, loaded.subheads)
    starts = find_article_starts(lines, loaded.headlines) + [len(lines)]
    outlet = loaded.outlet or outlet_from_source(source)
    articles: list[Article] = []
    for r in range(len(starts) - 1):
        region = lines[starts[r]:starts[r + 1]]
        known_title = loaded.title if r == 0 else None
        at = detect_title(region, allow_sentence=known_title is None)
        title = region[at].text if at is not None else None
        body_lines = region[at + 1:] if at is not None else region
        if known_title:
            # The page's own headline wins; an in-text headline line is not body either way.
            title = known_title
        # A stamp in the page's header block dates every item under it.
        # (or in front of its headline: "27/09/2013-Turkmenistan to hold ...").
        page_date = loaded.date or next(
            (line.date for line in region if line.kind in (STAMP, TITLE) and line.date), None)
        # A real wire digest: one line per story, each a short lede or a headline with a stamp;
        # the first line is an item too, not the page's headline. A page title (front matter,
        # HTML) may name the digest ("Morning briefing") or head an article: the encoder tells.
        units = _digest_units(region)
        first = next((line for line in region if line.kind != BLANK), None)
        # (A first line long enough to be an item is judged as one, not as a headline.)
        headline = known_title or (first.text if first is not None and first.kind == TITLE
                                   and len(first.text.split()) < _UNIT_WORDS else None)
        found = semantic_digest_items(units, headline=headline) if units else None
        if found:
            for item in found:
                art = _article(source, len(articles), None, outlet, page_date, loaded.url,
                               [_Paragraph(split_sentences(units[k]), False) for k in item])
                if art:
                    articles.append(art)
            continue
        # A "news in brief" page: each item has its own headline (the first may have been
        # taken for the page's headline, or the page may have one above the items).
        item_lines = region[at:] if at is not None else region
        headed = headed_items(item_lines, unrelated_stories)
        if headed is None and at is not None:
            item_lines = body_lines
            headed = headed_items(item_lines, unrelated_stories)
        if headed:
            for head, end in headed:
                paragraphs, stamp_date = _body(item_lines[head + 1:end], item_lines[head].text)
                art = _article(source, len(articles), item_lines[head].text, outlet,
                               stamp_date or page_date, loaded.url, paragraphs)
                if art:
                    articles.append(art)
            continue
        paragraphs, stamp_date = _body(body_lines, title)
        date = loaded.date or stamp_date or page_date
        items = None
        # A wire digest has no headline: under a headline (in the text, or the page's own
        # title from front matter or HTML metadata), lede-like paragraphs are just a
        # well-written article (each paragraph naming its subject in full).
        if not items and at is None and not known_title and all(not p.weak for p in paragraphs):
            items = digest_items([p.sentences for p in paragraphs])
        if items and len(items) > 1:
            for item in items:
                art = _article(source, len(articles), None, outlet, date, loaded.url,
                               [paragraphs[k] for k in item])
                if art:
                    articles.append(art)
            continue
        art = _article(source, len(articles), title, outlet, date, loaded.url, paragraphs)
        if art:
            articles.append(art)
    return tuple(articles)

