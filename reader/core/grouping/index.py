"""StoryIndex: incremental story grouping with an inverted index over distinctive features."""

from __future__ import annotations

import hashlib
import heapq
from array import array
from collections import Counter
from itertools import chain
from typing import Sequence

from reader.core.grouping import describe
from reader.core.grouping.apart import Protagonists
from reader.core.grouping.cluster import attach_strays, average_link
from reader.core.grouping.features import (
    file_label_titles,
    people_zone,
    phrase_features,
    real_title,
    surface_of,
    token_key,
    token_list,
    zones,
)
from reader.core.grouping.scoring import (
    KIND_WEIGHT,
    LEDE_BOOST,
    Vector,
    day_number,
    idf,
    pair_score,
    tf_weight,
    threshold,
    unit_vector,
)
from reader.core.grouping.specifics import lede_people, lede_specifics
from reader.core.model import Article, StoryGroup
from reader.core.settings import DEFAULT_STRICTNESS

# Features kept per article (the heaviest by tf-idf); the rest carry little evidence.
KEEP_FEATURES = 80
KEEP_LEDE = 40
# Features per article used to find candidates, and how many candidates get a full score.
SIGNATURE = 12
CANDIDATES = 5
MIN_HIT_SHARE = 0.25
# A feature in more articles than this is a topic, not an event: it finds no candidates.
LOOKUP_CAP = 100
# Posting lists stop growing here, so a lookup never walks more than this many articles.
POSTING_CAP = 300
# Reports shorter than this (characters) are never joined below the threshold (attach_strays):
# a brief or a digest item says too little for a weaker average.
STRAY_MIN_CHARS = 600
_KIND_CODES = {"w": 0, "e": 1, "n": 2, "b": 3, "c": 4}
_KIND_BY_CODE = [KIND_WEIGHT[k] for k in ("w", "e", "n", "b", "c")]
_TF = [0.0] + [tf_weight(c) for c in range(1, 256)]


def _sort_key(article: Article) -> tuple[str, str]:
    """A key from the article's content, so processing order never follows input order."""
    digest = article.content_hash
    if not digest:
        body = "\n".join((article.title, *article.sentences))
        digest = hashlib.sha1(body.encode("utf-8", "replace")).hexdigest()
    return (digest, article.id)


class StoryIndex:
    """Incremental grouping: add articles, get their story keys, without regrouping everything."""

    # add() takes sentence-encoder rows next to the articles.
    semantic = True

    def __init__(self, strictness: float = DEFAULT_STRICTNESS) -> None:
        self.strictness = strictness
        # Vocabulary: feature key -> number; per feature its readable form, kind and DF.
        self._vocab: dict[str, int] = {}
        self._keys: list[str] = []
        self._surface: list[str] = []
        self._kind = bytearray()
        self._df: list[int] = []
        # Per article, by position.
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._fids: list[array] = []
        self._tfs: list[bytes] = []
        self._nlede = array("H")
        self._days: list[int | None] = []
        # Per article, its lede's numbers and ordinals by unit (see specifics.py).
        self._specs: list[dict] = []
        self._sources: list[str] = []
        # Per article, its sentence-encoder vector (float32, unit length) or None.
        self._emb: list = []
        self._titles: list[str] = []
        self._real = bytearray()
        self._words = array("I")
        self._story: list[str] = []
        self._members: dict[str, list[int]] = {}
        self._next_key = 1
        self._postings: dict[int, list[int]] = {}
        # Per add() call: weights of the articles looked at, and pair scores.
        self._wts: dict[int, tuple] = {}
        self._scores: dict[tuple[int, int], float] = {}
        self._described: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._idf_tab: list[float] = []
        self._tokfid: dict[str, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    # -- features ----------------------------------------------------------------------------

    def _fid(self, key: str, surface: str) -> int:
        fid = self._vocab.get(key)
        if fid is None:
            fid = len(self._keys)
            self._vocab[key] = fid
            self._keys.append(key)
            self._surface.append(surface)
            self._kind.append(_KIND_CODES[key[0]])
            self._df.append(0)
        return fid

    def _token_code(self, tok: str) -> tuple[int, ...]:
        """Cache entry of a token: its feature number once per count, twice if capitalised (a
        name weighs double), none for a stopword."""
        key = token_key(tok)
        if not key:
            code: tuple[int, ...] = ()
        else:
            f = self._fid(key, surface_of(tok))
            code = (f, f) if tok[0].isupper() and key[0] == "w" else (f,)
        # (No size cap: the hot loop relies on every token of the batch being cached.)
        self._tokfid[tok] = code
        return code

    def _refresh_idf(self, n_docs: int) -> None:
        """IDF of every document frequency up to the largest, for the current corpus size."""
        top = max(self._df, default=0)
        self._idf_tab = [idf(d, n_docs) for d in range(top + 2)]

    def _weights(self, pos: int) -> Vector:
        """IDF-weighted vectors of an article with the current corpus statistics."""
        w = self._wts.get(pos)
        if w is None:
            df, kind, tab = self._df, self._kind, self._idf_tab
            fids, tfs, nl = self._fids[pos], self._tfs[pos], self._nlede[pos]
            base = [tab[df[f]] * _KIND_BY_CODE[kind[f]] for f in fids]
            full = [b * _TF[t] for b, t in zip(base, tfs)]
            for i in range(nl):
                full[i] *= LEDE_BOOST
            w = self._remember(pos, full, base[:nl])
        fids, nl = self._fids[pos], self._nlede[pos]
        return Vector(dict(zip(fids, w[0])), dict(zip(fids[:nl], w[1])), self._days[pos],
                      w[2], w[3], self._specs[pos], self._emb[pos])

    def _remember(self, pos: int, full: list[float], lede: list[float]) -> tuple:
        """Keep an article's weights for the rest of this add() call (compact arrays)."""
        w = (array("f", full), array("f", lede), sum(full), sum(lede))
        self._wts[pos] = w
        return w

    def _score(self, a: int, b: int) -> float:
        key = (a, b) if a < b else (b, a)
        s = self._scores.get(key)
        if s is None:
            s = pair_score(self._weights(a), self._weights(b))
            self._scores[key] = s
        return s

    def _store(self, article: Article, raw_counts: dict[int, int], lede: set[int],
               specs: dict, emb) -> None:
        """Keep the article's heaviest features (lede first) and its metadata."""
        df, kind, tab = self._df, self._kind, self._idf_tab
        wmap = {
            f: tab[df[f]] * _KIND_BY_CODE[kind[f]] * _TF[c] for f, c in raw_counts.items()
        }
        lede_part = sorted(lede, key=wmap.__getitem__, reverse=True)[:KEEP_LEDE]
        chosen = set(lede_part)
        rest = [f for f in sorted(wmap, key=wmap.__getitem__, reverse=True) if f not in chosen]
        rest = rest[: max(0, KEEP_FEATURES - len(lede_part))]
        fids = array("I", lede_part + rest)
        pos = len(self._ids)
        self._remember(
            pos,
            [wmap[f] * LEDE_BOOST for f in lede_part] + [wmap[f] for f in rest],
            [tab[df[f]] * _KIND_BY_CODE[kind[f]] for f in lede_part],
        )
        self._pos[article.id] = len(self._ids)
        self._ids.append(article.id)
        self._fids.append(fids)
        self._tfs.append(bytes(map(raw_counts.__getitem__, fids)))
        self._nlede.append(len(lede_part))
        self._days.append(day_number(article.date))
        self._specs.append(specs)
        self._emb.append(emb)
        self._sources.append(article.source or "")
        title = real_title(article)
        self._titles.append(title or " ".join(article.title.split()))
        self._real.append(1 if title else 0)
        # Characters, not words: counting words means splitting every sentence again.
        self._words.append(sum(map(len, article.sentences)))

    # -- adding ------------------------------------------------------------------------------

    def add(self, articles: Sequence[Article], embeddings=None) -> dict[str, str]:
        """Add articles; return article id -> story key (an existing story's or a new one).

        `embeddings`, if given, holds one sentence-encoder row per article (same order), or a
        None row for an article without one; grouping then weighs meaning next to features.
        """
        out: dict[str, str] = {}
        fresh: list[Article] = []
        vectors: dict[str, object] = {}
        seen: set[str] = set()
        for i, a in enumerate(articles):
            if a.id in self._pos:
                out[a.id] = self._story[self._pos[a.id]]
            elif a.id not in seen:
                seen.add(a.id)
                fresh.append(a)
                if embeddings is not None and embeddings[i] is not None:
                    vectors[a.id] = unit_vector(embeddings[i])
        if not fresh:
            return out
        fresh.sort(key=_sort_key)
        # Titles shared by several parts of one file are file labels, not headlines.
        shared_titles = file_label_titles(fresh)
        extracted = []
        vget = self._vocab.get
        vocab_of = self._vocab.__getitem__
        df = self._df
        tokfid = self._tokfid
        batch_df: Counter[int] = Counter()
        for a in fresh:
            use_title = (a.source, a.title) not in shared_titles
            lede_text, text = zones(a, use_title=use_title)
            pcounts, psurface, pledes = phrase_features(lede_text, text)
            # Hot loop, all in C: every token occurrence to its feature numbers through a
            # cache, counted in order of first occurrence (which fixes tie order later on).
            toks = token_list(text)
            # Sorted, not set order: which token first creates a feature fixes its number and
            # readable form ("died" or "killing" for w:kill), and set order follows the
            # process's string hashing, so a restored index (empty cache) could differ.
            for tok in sorted(set(toks).difference(tokfid)):
                self._token_code(tok)
            counts: dict[int, int] = Counter(chain.from_iterable(map(tokfid.__getitem__, toks)))
            for k, c in pcounts.items():
                f = vget(k)
                if f is None:
                    f = self._fid(k, psurface.get(k, k))
                counts[f] = counts.get(f, 0) + c
            fids = array("I", counts.keys())
            batch_df.update(fids)
            # Compact until every article's DF is known: dicts for 50,000 articles cost GBs.
            extracted.append((
                fids,
                # bytes() straight from the counts (in C) unless one needs capping at 255.
                bytes(counts.values()) if max(counts.values(), default=0) < 256
                else bytes([c if c < 256 else 255 for c in counts.values()]),
                array("I", map(vocab_of, pledes)),
                lede_specifics(lede_text) | lede_people(people_zone(a, use_title=use_title)),
            ))
        for f, c in batch_df.items():
            df[f] += c
        del batch_df
        self._refresh_idf(len(self._ids) + len(fresh))
        first_new = len(self._ids)
        for a, (fids, counts, lede, specs) in zip(fresh, extracted):
            self._store(a, dict(zip(fids, counts)), set(lede), specs, vectors.get(a.id))
        del extracted
        new_positions = range(first_new, len(self._ids))
        edges = self._candidate_edges(new_positions)
        self._cluster(new_positions, edges)
        self._wts.clear()
        self._scores.clear()
        for p in new_positions:
            out[self._ids[p]] = self._story[p]
        return out

    def _candidate_edges(self, new_positions: range) -> list[tuple[int, int]]:
        """Score each new article against the articles sharing its rarest features.

        An article is posted under its heaviest features (even ones no other article has yet:
        a later version may bring them) and looks up its heaviest features that others share.
        """
        cap = max(20, min(LOOKUP_CAP, len(self._ids) // 20))
        df = self._df
        postings = self._postings
        edges: list[tuple[int, int]] = []
        floor = threshold(self.strictness) * 0.5
        for p in new_positions:
            vec = self._weights(p)
            weight = vec.full.__getitem__
            by_weight = sorted((f for f in vec.full if df[f] <= cap), key=weight, reverse=True)
            hits: dict[int, float] = {}
            for f in [f for f in by_weight if df[f] > 1][:SIGNATURE]:
                posting = postings.get(f)
                if posting:
                    w = weight(f)
                    # (A membership test costs less than get(): this loop is the hottest.)
                    for q in posting:
                        if q in hits:
                            hits[q] += w
                        else:
                            hits[q] = w
            for f in by_weight[:SIGNATURE]:
                posting = postings.setdefault(f, [])
                if len(posting) < POSTING_CAP:
                    posting.append(p)
            if not hits:
                continue
            best = heapq.nlargest(CANDIDATES, hits.items(), key=lambda kv: (kv[1], -kv[0]))
            # Candidates sharing far less than the best one are noise: skip their full score.
            least = best[0][1] * MIN_HIT_SHARE
            for q, h in best:
                if h < least:
                    break
                key = (q, p) if q < p else (p, q)
                score = self._scores.get(key)
                if score is None:
                    score = pair_score(vec, self._weights(q))
                    self._scores[key] = score
                if score >= floor:
                    edges.append(key)
        return edges

    def _cluster(self, new_positions: range, edges: list[tuple[int, int]]) -> None:
        """Join new articles to touched stories or to each other, best average link first."""
        first_new = new_positions.start
        touched: dict[str, list[int]] = {}
        for q, _ in edges:
            if q < first_new:
                key = self._story[q]
                touched.setdefault(key, self._members[key])
        starts = [list(m) for m in touched.values()] + [[p] for p in new_positions]
        locked = [True] * len(touched) + [False] * len(new_positions)
        judge = Protagonists(self._fids, self._nlede, self._kind, self._surface)
        thr = threshold(self.strictness)
        clusters = average_link(
            starts, locked, edges, self._score, self._scores, thr,
            self._sources.__getitem__, judge.apart,
        )
        words = self._words
        clusters = attach_strays(
            clusters, lambda m: m >= first_new and words[m] >= STRAY_MIN_CHARS, edges,
            self._score, self._scores, thr, self._sources.__getitem__,
        )
        assigned: dict[int, str] = {}
        for members in clusters:
            old = [m for m in members if m < first_new]
            if old:
                key = self._story[old[0]]
            else:
                key = f"k{self._next_key}"
                self._next_key += 1
            self._members[key] = members
            self._described.pop(key, None)
            for m in members:
                if m >= first_new:
                    assigned[m] = key
        self._story.extend(assigned[p] for p in new_positions)

    # -- reading -----------------------------------------------------------------------------

    def story_of(self, article_id: str) -> str:
        """The story key of an article already in the index."""
        return self._story[self._pos[article_id]]

    def groups(self) -> list[StoryGroup]:
        """The current stories, each with a title and the shared terms that tied it."""
        out = []
        for key in sorted(self._members, key=lambda k: min(self._members[k])):
            members = self._members[key]
            title, reasons = self._describe(key, members)
            out.append(StoryGroup(tuple(self._ids[m] for m in members), title, reasons))
        return out

    def _describe(self, key: str, members: list[int]) -> tuple[str, tuple[str, ...]]:
        cached = self._described.get(key)
        if cached is None:
            cached = describe.describe(self, members)
            self._described[key] = cached
        return cached

    # -- persistence -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """Serialise the index (compressed) so a library can store it and resume incrementally."""
        from reader.core.grouping.persist import dump

        return dump(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> "StoryIndex":
        """Restore an index saved with to_bytes."""
        from reader.core.grouping.persist import load

        return load(cls, data)

