"""The user's grouping decisions (move, split, merge, rename) on top of automatic groups."""

from __future__ import annotations

from typing import Mapping, Sequence

from reader.core.model import Decision, StoryGroup


def apply_decisions(
    groups: Sequence[StoryGroup],
    decisions: Sequence[Decision],
    *,
    titles: Mapping[str, str] | None = None,
) -> list[StoryGroup]:
    """Apply decisions in order; ones naming articles no longer present are ignored.

    `titles` (article id -> headline), when given, names the stories a split creates.
    Every article stays in exactly one group; groups left empty disappear.
    """
    members: list[list[str]] = [list(g.article_ids) for g in groups]
    names: list[str] = [g.title for g in groups]
    reasons: list[tuple[str, ...]] = [g.reasons for g in groups]
    where: dict[str, int] = {a: gi for gi, g in enumerate(members) for a in g}

    def move(article: str, target: int) -> None:
        members[where[article]].remove(article)
        members[target].append(article)
        where[article] = target

    for d in decisions:
        if d.article_id not in where:
            continue
        here = where[d.article_id]
        if d.kind == "rename":
            if d.title is not None:
                names[here] = d.title
        elif d.kind == "split":
            if len(members[here]) > 1:
                members.append([])
                names.append((titles or {}).get(d.article_id, names[here]))
                reasons.append(())
                move(d.article_id, len(members) - 1)
        elif d.kind in ("move", "merge"):
            if d.other_id not in where:
                continue
            there = where[d.other_id]
            if there == here:
                continue
            if d.kind == "move":
                move(d.article_id, there)
            else:
                for article in list(members[there]):
                    move(article, here)
    return [
        StoryGroup(tuple(m), names[gi], reasons[gi]) for gi, m in enumerate(members) if m
    ]
