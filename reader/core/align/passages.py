"""Group the sentences of a story's versions into passages that say the same thing.

The steps, all independent of the order the versions are given in:
1. identical sentences (after light normalisation) share one feature vector;
2. candidate pairs come from an inverted index over rare-enough features, never all pairs;
3. pairs above a cutoff are joined greedily, best first, never putting two sentences of one
   version into a passage (a constrained single-link clustering);
4. adjacent sentences of one version join one passage when together they match a sentence
   of another version clearly better than either alone (one outlet's sentence = two of another);
5. weaker pairs are accepted when a nearby sentence pair (within two sentences, since outlets
   drop and insert sentences) already shares a passage (a paraphrase between aligned ones);
6. a sentence still alone joins its best match when that sits at the same relative place and
   a wider neighbourhood anchors it (a low-overlap paraphrase, not another story's sentence);
7. passages are ordered by merging the versions' reading orders.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from reader.core.align.context import (
    CONTEXT_CUTOFF,
    SANDWICH_CUTOFF,
    adopt_orphans,
    context_pass,
)
from reader.core.align.features import (
    merge_features,
    norms,
    raw_features,
    similarity,
    story_names_of,
    tokens,
)
from reader.core.align.lexicon import title_names

# Similarity needed to pair two sentences on their own merits.
PAIR_CUTOFF = 0.40
# Similarity enough for two sentences that are each other's best match in the other version.
MUTUAL_CUTOFF = 0.30
# Gain needed to read two adjacent sentences as one.
MERGE_GAIN = 0.02
# ... and each of the two must match that sentence this well on its own.
MERGE_PART = 0.25
# Versions consulted as witnesses when deciding to join two sentences (bounds the cost).
MAX_WITNESSES = 4
# Features in more than this share of the story's sentences do not generate candidates.
COMMON_SHARE = 0.08


@dataclass(slots=True)
class Version:
    """One version's sentences, with its rank in the canonical (content) order."""

    id: str
    sentences: Sequence[str]
    rank: int = 0


@dataclass(slots=True)
class Alignment:
    """The passages as lists of (version rank, sentence indices), plus their similarity."""

    clusters: list[dict[int, list[int]]] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)


def _norm_text(text: str) -> str:
    text = text.lower().translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'",
                         "’": "'", "–": "-", "—": "-"})


class _Index:
    """Unique sentence texts, their weighted features and the occurrences of each."""

    def __init__(self, versions: Sequence[Version]):
        self.uid: dict[tuple[int, int], int] = {}
        texts: dict[str, int] = {}
        self.occ: list[list[tuple[int, int]]] = []
        firsts: list[str] = []
        also: list[set[str]] = []
        # Each distinct sentence is tokenised once (versions repeat most of their sentences).
        toks_of: dict[str, list[str]] = {}
        for v in versions:
            # "the French president" in this version stands for the name its first mention gave.
            for s in v.sentences:
                if s not in toks_of:
                    toks_of[s] = tokens(s)
            titled = title_names([toks_of[s] for s in v.sentences])
            for i, s in enumerate(v.sentences):
                key = _norm_text(s)
                u = texts.get(key)
                if u is None:
                    u = texts[key] = len(self.occ)
                    self.occ.append([])
                    firsts.append(s)
                    also.append(set())
                self.occ[u].append((v.rank, i))
                self.uid[(v.rank, i)] = u
                also[u] |= titled[i]  # a union: independent of the versions' order
        names = story_names_of(toks_of[s] for s in firsts)
        raws = [raw_features(s, names, sorted(extra), toks=toks_of[s])
                for s, extra in zip(firsts, also)]
        total = sum(len(o) for o in self.occ)
        df: dict[str, int] = defaultdict(int)
        for u, feats in enumerate(raws):
            n = len(self.occ[u])
            for f in feats:
                df[f] += n
        self.total = total
        self.df = df
        idf = {f: math.log((total + 1) / (n + 0.5)) + 0.1 for f, n in df.items()}
        self.vec = [{f: tf * idf[f] for f, tf in feats.items()} for feats in raws]
        self.norm = [norms(v) for v in self.vec]
        self._sim: dict[tuple[int, int], float] = {}

    def sim(self, a: int, b: int) -> float:
        """Similarity of two unique texts (cached)."""
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        got = self._sim.get(key)
        if got is None:
            got = self._sim[key] = similarity(self.vec[a], self.vec[b], self.norm[a], self.norm[b])
        return got

    def candidate_pairs(self, cutoff: float) -> list[tuple[int, int, float]]:
        """Unique-text pairs with similarity >= cutoff, found through an inverted index."""
        cap = max(24, int(COMMON_SHARE * self.total))
        postings: dict[str, list[int]] = defaultdict(list)
        for u, vec in enumerate(self.vec):
            for f in vec:
                postings[f].append(u)
        out = []
        for u, vec in enumerate(self.vec):
            acc: dict[int, float] = defaultdict(float)
            for f, w in vec.items():
                plist = postings[f]
                if self.df[f] > cap:
                    continue
                for v in plist:
                    if v > u:
                        acc[v] += min(w, self.vec[v][f])
            mass_u = self.norm[u][1]
            for v, ov in acc.items():
                small = min(mass_u, self.norm[v][1])
                # Similarity is at most the containment term plus half; prune cheaply.
                if small and ov / small >= cutoff * 0.8:
                    s = self.sim(u, v)
                    if s >= cutoff:
                        out.append((u, v, s))
        return out


class _Clusters:
    """Union-find over (version rank, sentence) with the one-sentence-per-version rule."""

    def __init__(self, versions: Sequence[Version]):
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}
        self.members: dict[tuple[int, int], dict[int, list[int]]] = {}
        for v in versions:
            for i in range(len(v.sentences)):
                node = (v.rank, i)
                self.parent[node] = node
                self.members[node] = {v.rank: [i]}

    def find(self, node: tuple[int, int]) -> tuple[int, int]:
        """Root of the node's cluster."""
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Join two clusters unless they share a version; True if joined."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ma, mb = self.members[ra], self.members[rb]
        if any(v in ma for v in mb):
            return False
        return self._join(ra, rb)

    def _join(self, ra: tuple[int, int], rb: tuple[int, int]) -> bool:
        ma, mb = self.members[ra], self.members[rb]
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        for v, idx in mb.items():
            ma.setdefault(v, []).extend(idx)
            ma[v].sort()
        self.parent[rb] = ra
        del self.members[rb]
        return True

    def union_adjacent(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Join two clusters if every shared version stays a contiguous run of sentences."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ma, mb = self.members[ra], self.members[rb]
        for v in ma.keys() & mb.keys():
            merged = sorted(ma[v] + mb[v])
            if merged[-1] - merged[0] + 1 != len(merged):
                return False
        return self._join(ra, rb)


def align_versions(versions: Sequence[Version]) -> Alignment:
    """Partition all sentences of the versions into passages (see the module docstring)."""
    index = _Index(versions)
    clusters = _Clusters(versions)
    pairs = index.candidate_pairs(SANDWICH_CUTOFF)
    strong: list[tuple[float, tuple[int, int], tuple[int, int]]] = []
    weak: list[tuple[float, tuple[int, int], tuple[int, int]]] = []
    for occ in index.occ:  # identical texts in different versions: join them first
        for a in occ[1:]:
            clusters.union(occ[0], a)
    # Best similarity of each unique text to any text of each version: for mutual-best pairs.
    best: dict[tuple[int, int], float] = defaultdict(float)
    for u, v, s in pairs:
        for x, y in ((u, v), (v, u)):
            for b in index.occ[y]:
                if best[(x, b[0])] < s:
                    best[(x, b[0])] = s
    for u, v, s in pairs:
        for a, b in _representative_pairs(index.occ[u], index.occ[v]):
            edge = (-s, min(a, b), max(a, b))
            if s >= PAIR_CUTOFF or (s >= MUTUAL_CUTOFF and best[(u, b[0])] == s == best[(v, a[0])]):
                strong.append(edge)
            else:
                weak.append(edge)
    strong.sort()
    for _, a, b in strong:
        clusters.union(a, b)
    _merge_adjacent(versions, index, clusters)
    weak.sort()
    for _ in range(2):  # an accepted pair can anchor its neighbours
        if not context_pass(weak, clusters, versions):
            break
    adopt_orphans(weak, clusters, versions)
    _merge_adjacent(versions, index, clusters)
    return _ordered(versions, index, clusters)


def _representative_pairs(occ_u, occ_v):
    """Occurrence pairs standing for a pair of texts: each occurrence of one with one of the other.

    Identical texts are already joined, so linking every occurrence to one occurrence in another
    version gives every chance the full cross product would, at linear cost.
    """
    for a in occ_u:
        b = next((b for b in occ_v if b[0] != a[0]), None)
        if b is not None:
            yield a, b
    for b in occ_v:
        a = next((a for a in occ_u if a[0] != b[0]), None)
        if a is not None:
            yield a, b


def _part(index: _Index, rank: int, idx: Sequence[int]) -> tuple[dict[str, float], tuple]:
    """Features of some sentences of one version read as one, and their norms()."""
    if len(idx) == 1:  # the index has a single sentence's norms already
        u = index.uid[(rank, idx[0])]
        return index.vec[u], index.norm[u]
    vec = merge_features([index.vec[index.uid[(rank, i)]] for i in idx])
    return vec, norms(vec)


def _merge_adjacent(versions: Sequence[Version], index: _Index, clusters: _Clusters) -> None:
    """Read adjacent sentences of one version as one when that matches another version better."""
    for v in versions:
        for i in range(len(v.sentences) - 1):
            ra, rb = clusters.find((v.rank, i)), clusters.find((v.rank, i + 1))
            if ra == rb:
                continue
            ma, mb = clusters.members[ra], clusters.members[rb]
            only_a = [w for w in ma if w not in mb]
            only_b = [w for w in mb if w not in ma]
            # Evidence can only come from a version present on one side.
            if not (only_a or only_b) or not _mergeable(ma, mb):
                continue
            if _joins_better(index, v.rank, ma, mb, only_a, only_b) or \
                    _cohesive(index, ma, mb, only_a, only_b):
                clusters.union_adjacent((v.rank, i), (v.rank, i + 1))


def _joins_better(index: _Index, rank: int, ma, mb, only_a, only_b) -> bool:
    """True when a sentence of another version matches the two sentences together best."""
    alone_a = _part(index, rank, ma[rank])
    alone_b = _part(index, rank, mb[rank])
    joined = None
    for others, mine, theirs, members in ((only_a, alone_a, alone_b, ma),
                                          (only_b, alone_b, alone_a, mb)):
        for w in others[:MAX_WITNESSES]:
            x, nx = _part(index, w, members[w])
            part = similarity(x, theirs[0], nx, theirs[1])
            if part < MERGE_PART:
                continue  # the other sentence must itself say a good part of x
            if joined is None:
                joined = _part(index, rank, sorted(ma[rank] + mb[rank]))
            if similarity(x, joined[0], nx, joined[1]) - \
                    max(part, similarity(x, mine[0], nx, mine[1])) >= MERGE_GAIN:
                return True
    return False


def _cohesive(index: _Index, ma, mb, only_a, only_b) -> bool:
    """True when the two passages' members from other versions say the same thing.

    Two passages holding adjacent sentences of one version, whose members from versions on
    one side only also match each other, are one passage split by greedy pairing.
    """
    for w in only_a[:MAX_WITNESSES]:
        xa, na = _part(index, w, ma[w])
        for u in only_b[:MAX_WITNESSES]:
            xb, nb = _part(index, u, mb[u])
            if similarity(xa, xb, na, nb) >= CONTEXT_CUTOFF:
                return True
    return False


def _mergeable(ma: dict[int, list[int]], mb: dict[int, list[int]]) -> bool:
    for w in ma.keys() & mb.keys():
        if ma[w][-1] + 1 != mb[w][0]:
            return False
    return True


def _ordered(versions: Sequence[Version], index: _Index, clusters: _Clusters) -> Alignment:
    """Passages in an order that respects every version's reading order where they agree."""
    roots = sorted(clusters.members, key=lambda r: min((v, i[0]) for v, i in clusters.members[r].items()))
    rel: dict[tuple[int, int], float] = {}
    lengths = {v.rank: len(v.sentences) for v in versions}
    for r in roots:
        m = clusters.members[r]
        rel[r] = sum(sum(i) / len(i) / max(1, lengths[v] - 1) for v, i in m.items()) / len(m)
    succ: dict[tuple[int, int], set] = defaultdict(set)
    indeg: dict[tuple[int, int], int] = {r: 0 for r in roots}
    for v in versions:
        prev = None
        for i in range(len(v.sentences)):
            r = clusters.find((v.rank, i))
            if prev is not None and r != prev and r not in succ[prev]:
                succ[prev].add(r)
                indeg[r] += 1
            prev = r
    tie = {r: (rel[r], min((v, i[0]) for v, i in clusters.members[r].items())) for r in roots}
    ready = [(tie[r], r) for r in roots if indeg[r] == 0]
    heapq.heapify(ready)
    done: set = set()
    order = []
    pending = sorted(roots, key=tie.__getitem__)
    while len(order) < len(roots):
        if not ready:  # a cycle: versions disagree on order; take the earliest on average
            r = next(r for r in pending if r not in done)
            indeg[r] = 0
            heapq.heappush(ready, (tie[r], r))
        _, r = heapq.heappop(ready)
        if r in done:
            continue
        done.add(r)
        order.append(r)
        for s in succ[r]:
            if s not in done:
                indeg[s] -= 1
                if indeg[s] == 0:
                    heapq.heappush(ready, (tie[s], s))
    out = Alignment()
    for r in order:
        m = clusters.members[r]
        out.clusters.append({v: list(i) for v, i in m.items()})
        out.scores.append(_cluster_score(index, m))
    return out


def _cluster_score(index: _Index, members: dict[int, list[int]]) -> float:
    """Mean similarity of the members' texts to the first (1.0 for one member)."""
    if len(members) < 2:
        return 1.0
    parts = sorted(members.items())[:8]
    if all(len(i) == 1 for _, i in parts):
        uids = [index.uid[(v, i[0])] for v, i in parts]
        sims = [index.sim(uids[0], u) for u in uids[1:]]
    else:
        vecs = [_part(index, v, i)[0] for v, i in parts]
        sims = [similarity(vecs[0], b) for b in vecs[1:]]
    return sum(sims) / len(sims)
