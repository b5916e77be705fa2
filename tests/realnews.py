"""Real-news corpora (../shared/corpora) and their scorer (../shared/eval/score.py), if present.

They stay out of the repository (licence and size); CI and developers have them beside it.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
SCORER = SHARED / "eval" / "score.py"


def available() -> bool:
    """Whether the corpora and the scorer are beside the repository."""
    return (CORPORA / "ecbplus-grouping" / "gold.json").is_file() and SCORER.is_file()


def _scorer():
    spec = importlib.util.spec_from_file_location("parallax_shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def grouping_document(folder: pathlib.Path) -> dict:
    """What `parallax group FOLDER --json` says about articles and stories (no alignment)."""
    from reader.core.grouping import group_stories
    from reader.core.ingest import ingest_paths
    from reader.core.pipeline import number_articles

    articles = number_articles(ingest_paths([str(folder)]).articles)
    groups = group_stories(articles)
    return {
        "schema": "parallax/1",
        "articles": [{"id": a.id, "source": a.source, "part": a.part, "title": a.title,
                      "outlet": a.outlet, "sentences": list(a.sentences)} for a in articles],
        "stories": [{"id": f"s{n}", "title": g.title, "articles": list(g.article_ids)}
                    for n, g in enumerate(groups, start=1)],
    }


def score(kind: str, name: str, tmp: pathlib.Path) -> dict:
    """Score our grouping of corpus NAME ("grouping" or "digest" scoring); the report dict."""
    corpus = CORPORA / name
    out = tmp / f"{name}.json"
    out.write_text(json.dumps(grouping_document(corpus / "input")), encoding="utf-8")
    scorer = _scorer()
    command = scorer.cmd_grouping if kind == "grouping" else scorer.cmd_digest
    report, _ = command(str(corpus / "gold.json"), str(out))
    return report
