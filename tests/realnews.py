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


def lede_digests(folder: pathlib.Path, count: int, seed: int) -> dict[str, int]:
    """Write `count` digests made of real ledes into folder; file name -> number of items.

    Each digest strings together the first one or two sentences (paragraphs, in ECB+) of 4-10
    ECB+ articles of different topics, as a wire digest does, half of them under a page title.
    Paragraphs that are only a stamp or a byline (short, or a year near their start) or that
    start mid-sentence (lower case: ECB+ cut some texts so) are skipped: an item is a lede. More digests than the 14 of ecbplus-digest, and built
    the same way for any seed, so a setting tuned on those 14 cannot hide here.
    """
    import random
    import re

    source = CORPORA / "ecbplus-grouping"
    gold = json.loads((source / "gold.json").read_text(encoding="utf-8"))
    files = sorted((source / "input").iterdir())
    stamp = re.compile(r"\b(?:19|20)\d\d\b")
    rng = random.Random(seed)
    truth = {}
    for n in range(count):
        want, per_item = rng.randint(4, 10), rng.choice((1, 2))
        items: list[str] = []
        topics: set[int] = set()
        while len(items) < want:
            path = rng.choice(files)
            topic = int(gold[path.name][1:]) // 2  # ECB+ numbers a topic's two events 2k, 2k+1
            if topic in topics:
                continue
            paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")[1:]
                          if len(p.split()) >= 10 and not stamp.search(p[:40])
                          and not p[0].islower()]
            if len(paragraphs) < 2:
                continue
            topics.add(topic)
            items.append(" ".join(paragraphs[:rng.randint(1, per_item)]))
        title = rng.choice(("", "News in brief", "Morning briefing"))
        name = f"digest{n:03d}.txt"
        (folder / name).write_text((title + "\n\n" if title else "") + "\n\n".join(items) + "\n",
                                   encoding="utf-8")
        truth[name] = want
    return truth
