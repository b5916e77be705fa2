"""A second, independent family of version sets, built from hand-written news stories.

evalsets.py cuts its bases from the seeds, which the aligner was tuned on. This family uses
other text (tests/data/align/written.json: a wildfire, a rate decision, an earthquake, a port
strike) and other edits, so figures on it say how the aligner does on text it was not tuned
on. Every version: drops sentences, rewrites some with a hand-written paraphrase (many share
few words with the original), edits words the way outlets do (attribution, "percent", "over"),
moves a paragraph, splits or joins sentences, and inserts sentences from OTHER stories on the
same topic (a second wildfire, another central bank) as distractors. The truth is kept per
sentence exactly as in evalsets.py, and the same scorer is used.
"""

from __future__ import annotations

import random
import re

from tests.core.align.evalsets import VersionSet, add_version, family_sets

EDITS = [
    (r"\bsaid\b", "stated"), (r"\bmore than\b", "over"), (r"\babout\b", "around"),
    (r"%", " percent"), (r"\bofficials\b", "authorities"), (r"\bat least\b", "no fewer than"),
    (r"“|”", '"'), (r"’", "'"), (r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday)\b", r"\1"),
    (r"\bpeople\b", "residents"), (r"\bhad\b", "has"), (r"\bwere\b", "had been"),
    (r"\.$", ", officials said."), (r"^The ", "Meanwhile, the "), (r"\bbut\b", "although"),
]


def _edit(sentence: str, rng: random.Random) -> str:
    for _ in range(4):
        pattern, repl = rng.choice(EDITS)
        new = re.sub(pattern, repl, sentence, count=1)
        if new != sentence:
            return new[0].upper() + new[1:]
    return sentence


def _split(sentence: str) -> list[str] | None:
    """Two sentences from one at a clause boundary, or None when there is none."""
    for sep in (", and ", ", but ", ", as ", ", with "):
        cut = sentence.find(sep, 25)
        if 0 < cut < len(sentence) - 25:
            tail = sentence[cut + len(sep):]
            return [sentence[:cut] + ".", tail[0].upper() + tail[1:]]
    return None


def make_set(name: str, story: dict, n_versions: int, rng: random.Random,
             drop: float = 0.2) -> VersionSet:
    """One version set from a written story."""
    paragraphs: list[list[str]] = story["paragraphs"]
    paraphrases: dict[str, list[str]] = story["paraphrases"]
    distractors: list[str] = story["distractors"]
    numbered, k = [], 0
    for para in paragraphs:
        numbered.append(list(range(k, k + len(para))))
        k += len(para)
    base = [s for para in paragraphs for s in para]
    arts, truth = [], {}
    for v in range(n_versions):
        order = [list(p) for p in numbered]
        if len(order) > 2 and rng.random() < 0.35:  # an outlet moves a later paragraph up
            moved = order.pop(rng.randrange(2, len(order)))
            order.insert(rng.randrange(1, len(order)), moved)
        sents: list[str] = []
        facts: list[frozenset[str]] = []
        for i in (i for para in order for i in para):
            if rng.random() < 0.1:  # a distractor appears at most once per version
                d = rng.randrange(len(distractors))
                if frozenset({f"x{d}"}) not in facts:
                    sents.append(distractors[d])
                    facts.append(frozenset({f"x{d}"}))
            if rng.random() < drop:
                continue
            s = base[i]
            roll = rng.random()
            if str(i) in paraphrases and roll < 0.3:
                s = rng.choice(paraphrases[str(i)])
            elif roll < 0.55:
                s = _edit(s, rng)
            parts = _split(s) if rng.random() < 0.08 else None
            if parts:
                sents += parts
                facts += [frozenset({f"b{i}"})] * 2
                continue
            if sents and rng.random() < 0.05 and sents[-1].endswith(".") \
                    and len(facts[-1]) == 1 and min(facts[-1]).startswith("b"):
                sents[-1] = sents[-1][:-1] + "; " + s[0].lower() + s[1:]
                facts[-1] = facts[-1] | {f"b{i}"}
                continue
            sents.append(s)
            facts.append(frozenset({f"b{i}"}))
        add_version(arts, truth, name, v, sents, facts)
    return VersionSet(name, arts, truth)


def version_sets(seed: int = 11) -> list[VersionSet]:
    """The written family: every story at 3, 5 and 8 versions, twice with different draws."""
    return family_sets("written.json", seed, make_set)
