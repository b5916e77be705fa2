"""Generated version sets with known truth, and a scorer for alignment findings.

Each set starts from a base article cut from the seeds; every version drops some sentences,
edits words (tense, synonyms, quote style, name spelling), swaps in hand-written paraphrases
(tests/data/align/paraphrases.json, many with little word overlap), splits or joins sentences,
and inserts sentences from other articles. Each generated sentence remembers which base
sentences (or which inserted sentence) it came from: that is the truth the scorer uses.
"""

from __future__ import annotations

import json
import pathlib
import random
import re
from collections import Counter
from dataclasses import dataclass

from reader.core.model import Article, Story
from tests.core.align import seedstory

DATA = pathlib.Path(__file__).resolve().parents[2] / "data" / "align"

EDITS = [
    (r"\bsaid\b", "told reporters"), (r"\bhas\b", "had"), (r"\bis\b", "was"),
    (r"\battacked\b", "struck"), (r"\bFriday\b", "on Friday"), (r"\bZelenskyy\b", "Zelensky"),
    (r"\bRussian\b", "Russia's"), (r"\bshared\b", "posted"), (r"\bmore\b", "further"),
    (r"“|”", '"'), (r"’", "'"), (r"\bcountry\b", "nation"), (r"\bsome\b", "several"),
    (r"\bwould\b", "will"), (r"\bthat\b", ""),
]


@dataclass
class VersionSet:
    """Versions of one story and, per sentence, the ids of the facts it carries."""

    name: str
    articles: list[Article]
    truth: dict[str, list[frozenset[str]]]


def add_version(arts: list[Article], truth: dict, name: str, v: int, sents: list[str],
                facts: list[frozenset]) -> None:
    """Record one generated version and which base facts each of its sentences carries."""
    aid = f"{name}-v{v}"
    arts.append(Article(aid, aid, 0, "", f"outlet{v}", None, None, tuple(sents)))
    truth[aid] = facts


def family_sets(data_file: str, seed: int, make_set) -> list[VersionSet]:
    """A written family: every story of a data file at 3, 5 and 8 versions, twice."""
    rng = random.Random(seed)
    stories = json.loads((DATA / data_file).read_text(encoding="utf-8"))
    out = []
    for name, story in stories.items():
        if name.startswith("_"):
            continue
        for n in (3, 5, 8, 3, 5, 8):
            out.append(make_set(f"{name}{n}", story, n, rng))
    return out


def bases() -> dict[str, list[str]]:
    """Base articles (lists of sentences) cut from the seeds."""
    story = seedstory.legitimate_targets()
    drones = list(story[2].sentences[12:])
    lines = seedstory._read("003").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("LAGOS"))
    body = [ln for ln in lines[start:] if ln.strip() and not ln.startswith("•")
            and ln.strip() != "FASTFACTS"]
    nigeria = seedstory.split_sentences(" ".join(ln.strip() for ln in body))
    digest = seedstory._read("001").splitlines()
    para = {p.split()[1]: seedstory.split_sentences(p) for p in digest if p.strip()}
    return {
        "drones": drones,
        "nigeria": nigeria,
        "oval": seedstory.split_sentences(digest[4]),
        "alaska": seedstory.split_sentences(digest[6]),
        "donetsk": seedstory.split_sentences(digest[9]),
    } if para else {}


def fillers() -> list[str]:
    """Sentences from other articles, inserted as one outlet's own additions."""
    story = seedstory.legitimate_targets()
    out = list(story[3].sentences) + list(story[4].sentences)
    for p in seedstory._read("000").split("\n\n")[2:]:
        out += seedstory.split_sentences(p.strip())
    return [s for s in out if len(s.split()) > 6]


def _edit(sentence: str, rng: random.Random) -> str:
    for _ in range(3):
        pattern, repl = rng.choice(EDITS)
        new = re.sub(pattern, repl, sentence, count=1)
        new = re.sub(r"\s{2,}", " ", new)
        if new != sentence:
            return new
    return sentence


def make_set(name: str, base: list[str], paraphrases: dict[str, list[str]], n_versions: int,
             rng: random.Random, pool: list[str], drop: float = 0.2) -> VersionSet:
    """One version set from a base article."""
    arts, truth = [], {}
    for v in range(n_versions):
        sents: list[str] = []
        facts: list[frozenset[str]] = []
        for i, s in enumerate(base):
            if rng.random() < 0.12:
                k = rng.randrange(len(pool))
                sents.append(pool[k])
                facts.append(frozenset({f"ins{k}"}))
            if rng.random() < drop:
                continue
            roll = rng.random()
            para = paraphrases.get(str(i))
            if para and roll < 0.25:
                s = rng.choice(para)
            elif roll < 0.5:
                s = _edit(s, rng)
            if rng.random() < 0.06 and ", " in s[20:-20]:  # one outlet splits a sentence
                cut = s.index(", ", 20)
                head, tail = s[:cut] + ".", s[cut + 2:]
                sents += [head, tail[0].upper() + tail[1:]]
                facts += [frozenset({f"b{i}"})] * 2
                continue
            if facts and rng.random() < 0.05 and sents[-1].endswith(".") and facts[-1] != frozenset():
                # another joins two sentences into one
                sents[-1] = sents[-1][:-1] + ", and " + s[0].lower() + s[1:]
                facts[-1] = facts[-1] | {f"b{i}"}
                continue
            sents.append(s)
            facts.append(frozenset({f"b{i}"}))
        add_version(arts, truth, name, v, sents, facts)
    return VersionSet(name, arts, truth)


def version_sets(seed: int = 7) -> list[VersionSet]:
    """The evaluation sets: every base at 3, 5 and 8 versions."""
    rng = random.Random(seed)
    paraphrases = json.loads((DATA / "paraphrases.json").read_text(encoding="utf-8"))
    pool = fillers()
    out = []
    for name, base in bases().items():
        for n in (3, 5, 8):
            out.append(make_set(f"{name}{n}", base, paraphrases.get(name, {}), n, rng, pool))
    return out


def _prf(pred: set, true: set) -> tuple[int, int, int]:
    return len(pred & true), len(pred), len(true)


def score(vs: VersionSet, story: Story) -> dict[str, tuple[int, int, int]]:
    """(hits, predicted, true) counts for added sentences, omitted facts and aligned pairs."""
    truth = vs.truth
    # Facts some version writes as one sentence: pairing them is neither right nor wrong.
    joined = {frozenset({x, y}) for facts in truth.values() for f in facts
              for x in f for y in f if x != y}
    have: dict[str, set[str]] = {aid: set().union(*facts) if facts else set()
                                 for aid, facts in truth.items()}
    true_added = {(aid, i) for aid, facts in truth.items() for i, f in enumerate(facts)
                  if not any(f & have[o] for o in truth if o != aid)}
    pred_added = set()
    true_omitted, pred_omitted = set(), set()
    by_pid = {p.id: p for p in story.passages}
    for aid in truth:
        for pid in story.findings[aid].added:
            pred_added |= {(aid, i) for i in by_pid[pid].members[aid]}
        for pid in story.findings[aid].omitted:
            p = by_pid[pid]
            votes = Counter(f for o, idx in p.members.items() for i in idx for f in truth[o][i])
            top = max(votes.values())
            pred_omitted.add((aid, min(f for f, n in votes.items() if n == top)))
        all_facts = set().union(*have.values())
        for f in all_facts:
            if f not in have[aid] and sum(f in have[o] for o in truth if o != aid) >= 2:
                true_omitted.add((aid, f))
    true_pairs, pred_pairs = set(), set()
    nodes = [(aid, i) for aid, facts in truth.items() for i in range(len(facts))]
    for x, (a, i) in enumerate(nodes):
        for b, j in nodes[x + 1:]:
            if a != b and truth[a][i] & truth[b][j]:
                true_pairs.add(((a, i), (b, j)))
    for p in story.passages:
        mem = [(aid, i) for aid, idx in p.members.items() for i in idx]
        order = {n: k for k, n in enumerate(nodes)}
        mem.sort(key=order.__getitem__)
        for x, m in enumerate(mem):
            for n in mem[x + 1:]:
                if m[0] != n[0]:
                    fm, fn = truth[m[0]][m[1]], truth[n[0]][n[1]]
                    if fm & fn or not any(frozenset({x, y}) in joined for x in fm for y in fn):
                        pred_pairs.add((m, n))
    return {"added": _prf(pred_added, true_added), "omitted": _prf(pred_omitted, true_omitted),
            "pairs": _prf(pred_pairs, true_pairs)}


def precision_recall(counts: list[dict[str, tuple[int, int, int]]]) -> dict[str, tuple[float, float]]:
    """Micro-averaged precision and recall per measure over several sets."""
    out = {}
    for key in counts[0]:
        hit = sum(c[key][0] for c in counts)
        pred = sum(c[key][1] for c in counts)
        true = sum(c[key][2] for c in counts)
        out[key] = (hit / pred if pred else 1.0, hit / true if true else 1.0)
    return out
