"""Context passes of the aligner: weak pairs anchored by nearby aligned sentences, lone sentences.

Both work on the union-find of reader.core.align.passages after the strong pairs are joined,
and read only its `find`, `members` and `union`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # only for annotations: passages imports this module
    from reader.core.align.passages import Version
    from reader.core.align.passages import _Clusters as Clusters

# Lower similarity accepted when a neighbouring pair is already aligned ...
CONTEXT_CUTOFF = 0.24
# ... and lower still when the pair sits between two aligned pairs (a sandwiched paraphrase).
SANDWICH_CUTOFF = 0.14
# How far (in sentences) a neighbouring aligned pair may sit and still anchor a weak pair.
CONTEXT_WINDOW = 2
# An orphan sentence joins its best match at this similarity if it sits at about the same
# relative place in the story (within ADOPT_PLACE of the passage's mean place).
ADOPT_CUTOFF = 0.20
ADOPT_PLACE = 0.25
# ... and only with an aligned pair within ADOPT_WINDOW sentences on one side.
ADOPT_WINDOW = 4


def context_pass(weak, clusters: Clusters, versions: Sequence[Version]) -> bool:
    """Accept weaker pairs whose nearby sentences on either side already share a passage.

    A neighbour counts when the nearest sentence (within CONTEXT_WINDOW) before or after `a`
    that has a partner in `b`'s version has it on the same side of `b`, just as near: outlets
    drop and insert sentences, so the anchor need not be the very next sentence.
    """
    last = {v.rank: max(0, len(v.sentences) - 1) for v in versions}
    changed = False

    def anchored(a: tuple[int, int], b: tuple[int, int], d: int) -> bool:
        return _anchored(clusters, last, a, b, d, CONTEXT_WINDOW)

    for neg, a, b in weak:
        if clusters.find(a) == clusters.find(b):
            continue
        sides = anchored(a, b, -1) + anchored(a, b, 1)
        if sides == 2 or (sides == 1 and -neg >= CONTEXT_CUTOFF):
            changed |= clusters.union(a, b)
    return changed


def adopt_orphans(weak, clusters: Clusters, versions: Sequence[Version]) -> None:
    """Join a sentence still alone to the passage it matches best when that sits at the same place.

    A low-overlap paraphrase whose close neighbours were dropped or moved has no anchor within
    CONTEXT_WINDOW; a sentence from another story has no counterpart at its place in the other
    versions. A wider anchor plus the relative place (0 = lede, 1 = last sentence) tell the two
    apart where similarity alone cannot.
    """
    last = {v.rank: max(0, len(v.sentences) - 1) for v in versions}
    for neg, x, y in weak:  # best first, so an orphan takes its best placed match
        if -neg < ADOPT_CUTOFF:
            break
        for a, b in ((x, y), (y, x)):
            ra, rb = clusters.find(a), clusters.find(b)
            ma, mb = clusters.members[ra], clusters.members[rb]
            if ra == rb or len(ma) > 1 or len(ma[a[0]]) > 1 or a[0] in mb:
                continue
            place = sum(i[0] / max(1, last[v]) for v, i in mb.items()) / len(mb)
            if abs(place - a[1] / max(1, last[a[0]])) > ADOPT_PLACE:
                continue
            if _anchored(clusters, last, a, b, -1, ADOPT_WINDOW) or \
                    _anchored(clusters, last, a, b, 1, ADOPT_WINDOW):
                clusters.union(a, b)
                break


def _anchored(clusters: Clusters, last: dict[int, int], a: tuple[int, int],
              b: tuple[int, int], d: int, window: int) -> bool:
    """True when the nearest sentence of a's version in direction d (within `window`) that
    shares a passage with b's version has its partner on the same side of b, as near."""
    for step in range(1, window + 1):
        i = a[1] + d * step
        if not 0 <= i <= last[a[0]]:
            return False
        other = clusters.members[clusters.find((a[0], i))].get(b[0])
        if other:
            j = other[0] if d > 0 else other[-1]
            return 0 < (j - b[1]) * d <= window
    return False
