"""What a story is called and why its articles were put together (shared names and terms)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.grouping.scoring import KIND_WEIGHT, idf

if TYPE_CHECKING:
    from reader.core.grouping.index import StoryIndex

MAX_REASONS = 6
_KIND_BY_CODE = [KIND_WEIGHT[k] for k in ("w", "e", "n", "b", "c")]


def shared_terms(index: "StoryIndex", members: list[int]) -> list[tuple[float, int]]:
    """Features most members share, heaviest first, as (score, feature number)."""
    if len(members) < 2:
        return []
    counts: dict[int, int] = {}
    for m in members:
        for f in index._fids[m]:
            counts[f] = counts.get(f, 0) + 1
    need = max(2, (len(members) + 1) // 2)
    n_docs = len(index._ids)
    # For a reader, a name or phrase every version shares explains more than a rare word
    # two versions happen to use: coverage first, then kind, then (damped) rarity.
    scored = [
        (c * c * _reason_boost(index, f) * idf(index._df[f], n_docs), f)
        for f, c in counts.items()
        if c >= need
    ]
    scored.sort(key=lambda sf: (-sf[0], index._keys[sf[1]]))
    return scored


def _reason_boost(index: "StoryIndex", f: int) -> float:
    kind = index._keys[f][0]
    if kind == "b":
        return 2.0
    if kind == "n":
        return 1.4
    if kind == "e" or index._surface[f][:1].isupper():
        return 1.7
    return 1.0


def _pick_reasons(index: "StoryIndex", scored: list[tuple[float, int]]) -> tuple[str, ...]:
    chosen: list[str] = []
    lowered: list[str] = []
    for _, f in scored:
        text = index._surface[f].strip()
        low = text.lower()
        if len(low) < 2 or any(low in c or c in low for c in lowered):
            continue
        chosen.append(text)
        lowered.append(low)
        if len(chosen) == MAX_REASONS:
            break
    return tuple(chosen)


def describe(index: "StoryIndex", members: list[int]) -> tuple[str, tuple[str, ...]]:
    """(title, reasons) of a story: the most representative real headline, and shared terms."""
    scored = shared_terms(index, members)
    weight = {f: s for s, f in scored}
    real = [m for m in members if index._real[m]] or list(members)

    def rank(m: int) -> tuple[float, int, int]:
        lede = index._fids[m][: index._nlede[m]]
        return (-sum(weight.get(f, 0.0) for f in lede), -index._words[m], m)

    best = min(real, key=rank)
    return index._titles[best], _pick_reasons(index, scored)
