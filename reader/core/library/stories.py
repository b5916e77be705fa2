"""Keep the story rows in step with the grouping: stable story ids, minimal writes."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Iterable, Sequence

from reader.core.model import Decision, StoryGroup


def article_rowid(article_id: str) -> int:
    """The database rowid behind a library article id like "a12" (ValueError if malformed)."""
    if not isinstance(article_id, str) or not article_id.startswith("a"):
        raise ValueError(f"not a library article id: {article_id!r}")
    return int(article_id[1:])


def story_rowid(story_id: str) -> int:
    """The database rowid behind a story id like "s7" (ValueError if malformed)."""
    if not isinstance(story_id, str) or not story_id.startswith("s"):
        raise ValueError(f"not a library story id: {story_id!r}")
    return int(story_id[1:])


def sync_stories(
    conn: sqlite3.Connection, groups: Sequence[StoryGroup], decisions: Sequence[Decision]
) -> set[int]:
    """Make stories/story_articles match `groups`; return the rowids of stories that changed.

    Runs inside the caller's write transaction. A group keeps the id of the existing story it
    overlaps most, so story ids (and what a UI has selected) survive incremental grouping and
    regrouping; only changed memberships are written.
    """
    current: dict[int, int] = dict(conn.execute("SELECT article_id, story_id FROM story_articles"))
    existing = {sid: (title, user_title, reasons) for sid, title, user_title, reasons
                in conn.execute("SELECT id, title, user_title, reasons FROM stories")}
    members = [sorted({_rowid_or_none(a) for a in g.article_ids} - {None}) for g in groups]
    # Big groups choose first: a story that split keeps its id on its larger part.
    order = sorted(range(len(groups)), key=lambda i: (-len(members[i]), members[i][:1]))
    claimed: dict[int, int] = {}  # group index -> story rowid
    taken: set[int] = set()
    for i in order:
        votes = Counter(current[a] for a in members[i] if a in current)
        for sid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if sid not in taken:
                claimed[i] = sid
                taken.add(sid)
                break
    touched: set[int] = set()
    for i in order:
        if not members[i]:
            continue
        if i not in claimed:
            claimed[i] = conn.execute(
                "INSERT INTO stories(key) VALUES (?)", (f"a{members[i][0]}",)).lastrowid
            touched.add(claimed[i])
    moves = []
    for i, ids in enumerate(members):
        sid = claimed.get(i)
        for aid in ids:
            old = current.get(aid)
            if old != sid:
                moves.append((aid, sid))
                touched.add(sid)
                if old is not None:
                    touched.add(old)
    conn.executemany(
        "INSERT INTO story_articles(article_id, story_id) VALUES (?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id", moves)
    gone = [(sid,) for sid in existing if sid not in taken]
    conn.executemany("DELETE FROM stories WHERE id = ?", gone)
    touched.difference_update(sid for (sid,) in gone)
    own = _own_titles(conn, groups, claimed, existing, members, decisions, current)
    touched |= _update_titles(conn, groups, claimed, existing, members, decisions, own)
    _update_aggregates(conn, touched)
    return touched


def _own_titles(conn, groups, claimed, existing, members, decisions, current) -> dict[int, str]:
    """Titles for groups a user's split, merge or move reshaped, from their own content.

    A decision-made group inherits a name from wherever its articles were (a version split
    out kept its old story's title; a merge took the title of whichever story was named
    first). Here such a group gets, instead: after a merge, the title of the story that
    contributed most of its versions (ties: the older story) if that is one of its own
    headlines; otherwise the headline of one of its own versions (the earliest imported).
    """
    involved: set[int] = set()
    for d in decisions:
        if d.kind in ("split", "merge", "move"):
            involved.update(x for x in (_rowid_or_none(d.article_id),
                                        _rowid_or_none(d.other_id)) if x is not None)
    # The stories those articles were in: what is left of them was reshaped too.
    before = {current[a] for a in involved if a in current}
    out: dict[int, str] = {}
    for i, ids in enumerate(members):
        if not ids or i not in claimed or not (
                involved.intersection(ids) or any(current.get(a) in before for a in ids)):
            continue
        rows = conn.execute(
            f"SELECT id, COALESCE(user_title, title) FROM articles WHERE id IN "
            f"({','.join('?' * len(ids))}) ORDER BY id", ids).fetchall()
        headlines = [t for _, t in rows if t]
        if not headlines:
            continue
        title = groups[i].title
        sources = Counter(current[a] for a in ids if a in current)
        if len(sources) > 1:
            biggest = min(sources, key=lambda sid: (-sources[sid], sid))
            previous = existing.get(biggest, ("", None, ""))[0]
            if previous in headlines:
                title = previous
        out[i] = title if title in headlines else headlines[0]
    return out


def _update_titles(conn, groups, claimed, existing, members, decisions,
                   own: dict[int, str] | None = None) -> set[int]:
    """Automatic titles and reasons from the groups; user titles from "rename" decisions."""
    story_of_article = {aid: claimed[i] for i, ids in enumerate(members) if i in claimed
                        for aid in ids}
    renamed: dict[int, str | None] = {}
    for d in decisions:
        if d.kind == "rename":
            sid = story_of_article.get(_rowid_or_none(d.article_id))
            if sid is not None:
                renamed[sid] = (d.title or "").strip() or None
    changed: set[int] = set()
    updates = []
    for i, sid in claimed.items():
        title, user_title, reasons = existing.get(sid, ("", None, "[]"))
        # No title from grouping: keep the one the aggregates derived (new stories get one).
        new_title = (own or {}).get(i) or groups[i].title or title
        new_reasons = json.dumps(list(groups[i].reasons), ensure_ascii=False)
        new_user = renamed.get(sid)
        if (new_title, new_user, new_reasons) != (title, user_title, reasons):
            updates.append((new_title, new_user, new_reasons, sid))
            changed.add(sid)
    conn.executemany(
        "UPDATE stories SET title = ?, user_title = ?, reasons = ? WHERE id = ?", updates)
    return changed


def _update_aggregates(conn: sqlite3.Connection, story_ids: Iterable[int]) -> None:
    """Recompute the denormalised columns a story list sorts and shows without joins."""
    # INDEXED BY and a rowid lookup per member pin the plan: statistics recorded while the
    # library held one row (PRAGMA optimize at close) made SQLite scan all of `articles` for
    # every story of a join instead, which made every later import quadratic.
    conn.executemany(
        """
        UPDATE stories SET
            key = 'a' || (SELECT MIN(article_id) FROM story_articles
                          INDEXED BY story_articles_story WHERE story_id = stories.id),
            n_articles = (SELECT COUNT(*) FROM story_articles INDEXED BY story_articles_story
                          WHERE story_id = stories.id),
            latest_date = (SELECT MAX((SELECT a.date FROM articles a
                                       WHERE a.id = sa.article_id))
                           FROM story_articles sa INDEXED BY story_articles_story
                           WHERE sa.story_id = stories.id),
            sort_key = COALESCE((SELECT MAX((SELECT COALESCE(a.date, substr(a.added_at, 1, 10))
                                             FROM articles a WHERE a.id = sa.article_id))
                                 FROM story_articles sa INDEXED BY story_articles_story
                                 WHERE sa.story_id = stories.id), ''),
            -- A story without its own title shows its oldest article's title.
            title = CASE WHEN title != '' THEN title ELSE COALESCE(
                (SELECT COALESCE(a.user_title, a.title) FROM articles a
                 WHERE a.id = (SELECT MIN(article_id) FROM story_articles
                               INDEXED BY story_articles_story
                               WHERE story_id = stories.id)), '') END
        WHERE id = ?
        """,
        [(sid,) for sid in story_ids],
    )


def _rowid_or_none(article_id: str | None) -> int | None:
    try:
        return article_rowid(article_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
