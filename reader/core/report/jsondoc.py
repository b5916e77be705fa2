"""Serialise a Document as the JSON document of schema `parallax/1` (see SPEC.md)."""

from __future__ import annotations

import json
from typing import Any

from reader import __version__
from reader.core.model import Document, Story

SCHEMA = "parallax/1"


def _story_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.article_ids),
        "passages": [
            {
                "id": p.id,
                "members": {aid: list(idx) for aid, idx in p.members.items()},
                "reference": p.reference,
                "score": round(p.score, 4),
                "diffs": {
                    aid: [[op.op, op.text] for op in ops] for aid, ops in p.diffs.items()
                },
                # Indices into diffs[aid] of ops that differ only in ways the settings
                # ignore (case, quote style, punctuation, name spelling): show as equal.
                "minor": {
                    aid: [i for i, op in enumerate(ops) if op.minor]
                    for aid, ops in p.diffs.items() if any(op.minor for op in ops)
                },
            }
            for p in story.passages
        ],
        "findings": {
            aid: {
                "added": list(f.added),
                "omitted": list(f.omitted),
                "omitted_any": list(f.omitted_any),
                "positions": [
                    {"passage": pos.passage_id, "sentence": pos.sentence,
                     "paragraph": pos.paragraph, "relative": round(pos.relative, 4)}
                    for pos in f.positions
                ],
            }
            for aid, f in story.findings.items()
        },
        "quote_variants": [
            {
                "speaker": q.speaker,
                "similarity": round(q.similarity, 4),
                "occurrences": [
                    {"article": o.article_id, "sentence": o.sentence, "quote": o.quote,
                     "speaker": o.speaker}
                    for o in q.occurrences
                ],
            }
            for q in story.quote_variants
        ],
        "number_disagreements": [
            {
                "passage": d.passage_id,
                "about": d.about,
                "values": [
                    {"article": v.article_id, "sentence": v.sentence, "text": v.text,
                     "value": v.value}
                    for v in d.values
                ],
            }
            for d in story.number_disagreements
        ],
        "reasons": list(story.reasons),
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The document as plain JSON-ready data."""
    return {
        "schema": SCHEMA,
        "generator": f"parallax {__version__}",
        "settings": doc.settings.to_dict() if doc.settings else None,
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "part": a.part,
                "title": a.title,
                "outlet": a.outlet,
                "date": a.date,
                "url": a.url,
                "sentences": list(a.sentences),
                "paragraphs": list(a.paragraphs),
                "words": a.word_count,
            }
            for a in doc.articles
        ],
        "stories": [_story_dict(s) for s in doc.stories],
        "rejected": [{"source": r.source, "reason": r.reason} for r in doc.rejected],
    }


def document_to_json(doc: Document, *, indent: int | None = 2) -> str:
    """The document as a JSON string (UTF-8 safe, non-ASCII kept as is)."""
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)
