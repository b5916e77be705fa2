"""Two groups of reports that each name someone the other never mentions tell two events.

Pair scores cannot tell Klitschko's title defence against Rahman from his defence against
Thompson four years later, nor the Waitrose fire in Banstead from the one in Wellington: the
reports share the champion or the chain and every word of the event ("stopped … in the
seventh round to retain his titles"). Two *groups* of reports can: each group's ledes keep
naming their own people and places (Hasim Rahman; Tony Thompson), which the other group's
texts never mention. So two clusters of several articles each stay apart when each has
CORE_NAMES names in most of its ledes that (nearly) none of the other's articles mention;
versions of one event name the same people and places.
"""

from __future__ import annotations

from typing import Sequence

# Only groups this large are judged: a name missing from one or two articles is chance.
MIN_MEMBERS = 3
# A name is a group's own when this share of its members have it in their lede ...
CORE_SHARE = 0.5
# ... and foreign to the other group when at most this share of its members mention it.
ABSENT_SHARE = 0.1
# Names each side must have that the other lacks (one could be a wording: "Feds" / "FBI").
CORE_NAMES = 2
# Feature kinds that can be names: words and countries (see index._KIND_CODES).
_NAME_KINDS = (0, 4)


class Protagonists:
    """Judges pairs of clusters over one StoryIndex's stored features (cached per cluster)."""

    def __init__(self, fids: Sequence, nlede: Sequence[int], kind: bytearray,
                 surface: Sequence[str]) -> None:
        self._fids = fids
        self._nlede = nlede
        self._kind = kind
        self._surface = surface
        self._is_name: dict[int, bool] = {}
        self._texts: dict[int, frozenset[int]] = {}
        self._cores: dict[tuple[int, int], list[int]] = {}

    def _name(self, f: int) -> bool:
        known = self._is_name.get(f)
        if known is None:
            known = self._kind[f] in _NAME_KINDS and self._surface[f][:1].isupper()
            self._is_name[f] = known
        return known

    def _text(self, member: int) -> frozenset[int]:
        text = self._texts.get(member)
        if text is None:
            text = self._texts[member] = frozenset(self._fids[member])
        return text

    def _core(self, members: Sequence[int]) -> list[int]:
        # A cluster is fixed by its lowest member and its size: clusters only ever merge.
        key = (min(members), len(members))
        core = self._cores.get(key)
        if core is None:
            counts: dict[int, int] = {}
            for m in members:
                for f in self._fids[m][:self._nlede[m]]:
                    if self._name(f):
                        counts[f] = counts.get(f, 0) + 1
            need = CORE_SHARE * len(members)
            core = self._cores[key] = sorted(f for f, c in counts.items() if c >= need)
        return core

    def _foreign(self, core: list[int], members: Sequence[int]) -> int:
        """How many of a core's names at most ABSENT_SHARE of `members` mention."""
        allowed = ABSENT_SHARE * len(members)
        texts = [self._text(m) for m in members]
        foreign = 0
        for f in core:
            if sum(f in t for t in texts) <= allowed:
                foreign += 1
                if foreign == CORE_NAMES:
                    break
        return foreign

    def apart(self, ma: Sequence[int], mb: Sequence[int]) -> bool:
        """Whether two clusters report two events: each names protagonists the other lacks."""
        if len(ma) < MIN_MEMBERS or len(mb) < MIN_MEMBERS:
            return False
        return (self._foreign(self._core(ma), mb) >= CORE_NAMES
                and self._foreign(self._core(mb), ma) >= CORE_NAMES)
