"""Benchmark: group generated corpora of 20,000 and 50,000 articles; add 100 to a grouped index.

Run with `make bench`. Prints time, peak RSS and quality figures. Each size runs in a forked
child so its peak RSS is its own (the figure includes the corpus itself, held as Articles).
"""

from __future__ import annotations

import multiprocessing
import random
import resource
import time

from reader.core.grouping import StoryIndex, group_stories
from reader.core.grouping.quality import adjusted_rand, bcubed, labels_of
from reader.core.model import Article

_SYLLABLES = ["ka", "lo", "mi", "ter", "van", "sul", "dor", "pe", "ri", "zan", "bel", "ov",
              "ich", "ska", "mar", "ten", "gu", "ra", "no", "vik", "es", "tal", "ber", "in"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


class CorpusMaker:
    """Realistic-shaped synthetic news: topics, stories of 1-8 versions, paraphrase edits."""

    def __init__(self, seed: int = 7) -> None:
        rng = self.rng = random.Random(seed)
        self.common = list(dict.fromkeys(_word(rng, rng.randint(2, 4)) for _ in range(30000)))
        # Zipf-like background: a long pre-drawn stream sliced into sentences (fast).
        weights = [1.0 / (i + 10) for i in range(len(self.common))]
        self.stream = rng.choices(self.common, weights, k=400_000)
        self.names = [_word(rng, 3).capitalize() for _ in range(8000)]
        self.places = [_word(rng, 3).capitalize() for _ in range(3000)]
        # Topics share names, places and words across many stories (same topic, other events).
        self.topics = [
            (rng.sample(self.names, 6), rng.sample(self.places, 3), rng.sample(self.common, 40))
            for _ in range(400)
        ]

    def _sentence(self, extra: list[str]) -> str:
        rng = self.rng
        n = rng.randint(14, 26)
        at = rng.randrange(len(self.stream) - n)
        words = self.stream[at:at + n]
        for w in extra:
            words.insert(rng.randrange(len(words)), w)
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def story(self, sid: int) -> tuple[str, list[str], int]:
        """A base story: headline, sentences, day."""
        rng = self.rng
        t_names, t_places, t_words = rng.choice(self.topics)
        names = rng.sample(t_names, 2) + rng.sample(self.names, 2)
        place = rng.choice(t_places)
        rare = [_word(rng, 4) for _ in range(6)]
        numbers = [str(rng.randint(2, 9000)) for _ in range(3)]
        specifics = names + [place] + rare + numbers + rng.sample(t_words, 6)
        n_sent = rng.randint(15, 40)
        sents = [self._sentence(rng.sample(specifics, 4) + rng.sample(t_words, 2))
                 for _ in range(2)]
        for _ in range(n_sent - 2):
            k = 2 if rng.random() < 0.5 else 0
            sents.append(self._sentence(rng.sample(specifics, k) + rng.sample(t_words, 1)))
        title = f"{names[0]} {rng.choice(rare)} {place} {numbers[0]} {rng.choice(t_words)}"
        return title, sents, rng.randrange(3000)

    def version(self, title: str, sents: list[str], first: bool) -> tuple[str, list[str]]:
        """A paraphrase-like edit: dropped, reordered, reworded and added sentences."""
        if first:
            return title, sents
        rng = self.rng
        out = []
        for i, s in enumerate(sents):
            if i >= 2 and rng.random() < 0.25:
                continue
            if rng.random() < 0.35:
                words = s.split()
                for _ in range(max(1, len(words) // 6)):
                    words[rng.randrange(len(words))] = rng.choice(self.common)
                s = " ".join(words)
            out.append(s)
        body = out[2:]
        rng.shuffle(body)
        extra = [self._sentence([]) for _ in range(rng.randint(1, 5))]
        words = title.split()
        rng.shuffle(words)
        return " ".join(words), out[:2] + body + extra

    def corpus(self, n_articles: int) -> tuple[list[Article], dict[str, int]]:
        """n_articles articles in stories of 1-8 versions (most stories small)."""
        rng = self.rng
        articles: list[Article] = []
        labels: dict[str, int] = {}
        sid = 0
        self.bases: list[tuple[str, list[str], int]] = []
        while len(articles) < n_articles:
            size = min(rng.choice([1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8]), n_articles - len(articles))
            title, sents, day = self.story(sid)
            self.bases.append((title, sents, day))
            for v in range(size):
                vt, vs = self.version(title, sents, v == 0)
                d = day + rng.choice([0, 0, 1])
                aid = f"a{len(articles) + 1}"
                date = f"{2015 + d // 365:04d}-{1 + (d % 365) // 31:02d}-{1 + d % 28:02d}"
                articles.append(Article(aid, f"gen/{aid}.txt", 0, vt, f"outlet{v}", date, None,
                                        tuple(vs), tuple(range(len(vs)))))
                labels[aid] = sid
            sid += 1
        return articles, labels


    def follow_ups(self, n: int, prefix: str) -> tuple[list[Article], dict[str, int]]:
        """n new articles after corpus(): half new versions of its stories, half new stories."""
        rng = self.rng
        articles, labels = [], {}
        for i in range(n):
            if i % 2 == 0:
                sid = rng.randrange(len(self.bases))
                title, sents, day = self.bases[sid]
                title, sents = self.version(title, sents, False)
            else:
                sid = -1 - i
                title, sents, day = self.story(sid)
            aid = f"{prefix}{i}"
            date = f"{2015 + day // 365:04d}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}"
            articles.append(Article(aid, f"gen/{aid}.txt", 0, title, "late outlet", date, None,
                                    tuple(sents), tuple(range(len(sents)))))
            labels[aid] = sid
        return articles, labels


def story_vectors(labels: dict[str, int], ids: list[str], seed: int):
    """Stand-in encoder vectors (the generated text means nothing to the real model): one
    random direction per story plus per-version noise, unit length, float32 -- what the index
    holds for stored articles, at the size and cost of the real ones."""
    import numpy as np

    rng = np.random.default_rng(seed)
    base: dict[int, np.ndarray] = {}
    out = np.empty((len(ids), 384), dtype=np.float32)
    for i, aid in enumerate(ids):
        sid = labels[aid]
        if sid not in base:  # the same direction for a story whichever call meets it
            base[sid] = np.random.default_rng(2 * abs(sid) + (sid < 0)).standard_normal(
                384).astype(np.float32)
        v = base[sid] + 0.9 * rng.standard_normal(384).astype(np.float32)
        out[i] = v / np.linalg.norm(v)
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_size(n: int, queue) -> None:
    maker = CorpusMaker(seed=n)
    t0 = time.perf_counter()
    articles, labels = maker.corpus(n)
    gen_s = time.perf_counter() - t0
    words = sum(a.word_count for a in articles) / len(articles)
    vectors = story_vectors(labels, [a.id for a in articles], n)
    rss_before = _peak_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    index = StoryIndex()
    index.add(articles, vectors)
    groups = index.groups()
    group_s = time.perf_counter() - t0
    group_cpu = time.process_time() - c0
    rss_after = _peak_mb()
    p, r, f1 = bcubed(labels_of(g.article_ids for g in groups), labels)
    ari = adjusted_rand(labels_of(g.article_ids for g in groups), labels)
    extra, extra_labels = maker.follow_ups(100, "x")
    t0 = time.perf_counter()
    blob = index.to_bytes()
    dump_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    restored = StoryIndex.from_bytes(blob)
    load_s = time.perf_counter() - t0
    # The new articles' vectors come from the real encoder (timed), as at import.
    from reader.core.semantic import default_encoder, embed_articles

    # Loaded and run once per process (the app has done so since its first import).
    default_encoder().embed(["A first sentence to warm the model up."])
    t0 = time.perf_counter()
    embed_articles(extra)
    embed_s = time.perf_counter() - t0
    stand_in = story_vectors({**labels, **extra_labels}, [a.id for a in extra], n + 1)
    t0 = time.perf_counter()
    added = restored.add(extra, stand_in)
    add_s = time.perf_counter() - t0
    # Follow-ups of existing stories should land in the story of that story's first article.
    first_of = {}
    for aid, sid in labels.items():
        first_of.setdefault(sid, aid)
    follow = [a for a, sid in extra_labels.items() if sid >= 0]
    joined = sum(added[a] == restored.story_of(first_of[extra_labels[a]]) for a in follow)
    queue.put(dict(n=n, words=words, gen_s=gen_s, group_s=group_s, group_cpu=group_cpu,
                   rss_before=rss_before, rss_after=rss_after, stories=len(groups),
                   true=len(set(labels.values())), p=p, r=r, f1=f1, ari=ari, add_s=add_s,
                   joined=joined, follow=len(follow), embed_s=embed_s, blob_mb=len(blob) / 2**20,
                   dump_s=dump_s, load_s=load_s))


def _measure(n: int) -> dict:
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run_size, args=(n, queue))
    proc.start()
    result = queue.get(timeout=900)
    proc.join()
    return result


def test_bench_grouping_scales_near_linearly():
    results = {n: _measure(n) for n in (20_000, 50_000)}
    for n, m in results.items():
        print(f"\n[grouping] {n} articles (~{m['words']:.0f} words each; corpus generated in "
              f"{m['gen_s']:.1f} s, not counted): grouped in {m['group_s']:.1f} s "
              f"(CPU {m['group_cpu']:.1f} s; the 2 cores are shared, so wall time is noisy), "
              f"peak RSS {m['rss_after']:.0f} MB (after generating: {m['rss_before']:.0f} MB); "
              f"{m['stories']} stories (truth {m['true']}); B-cubed P={m['p']:.3f} "
              f"R={m['r']:.3f} F1={m['f1']:.3f}, ARI={m['ari']:.3f}")
        print(f"[grouping] {n}: index blob {m['blob_mb']:.1f} MB (to_bytes {m['dump_s']:.1f} s, "
              f"from_bytes {m['load_s']:.1f} s); adding 100 articles took {m['add_s']:.3f} s "
              f"+ {m['embed_s']:.3f} s to embed them = {m['add_s'] + m['embed_s']:.2f} s "
              f"({m['joined']}/{m['follow']} follow-ups joined their story)")
    ratio = results[50_000]["group_s"] / results[20_000]["group_s"]
    print(f"[grouping] time(50k)/time(20k) = {ratio:.2f} (target <= 2.8)")
    big = results[50_000]
    assert big["group_s"] < 60
    assert big["rss_after"] < 1536
    assert big["add_s"] + big["embed_s"] < 1.5
    assert ratio < 2.8


def test_bench_small_batch_quality_on_generated_corpus():
    articles, labels = CorpusMaker(seed=3).corpus(2000)
    t0 = time.perf_counter()
    groups = group_stories(articles)
    elapsed = time.perf_counter() - t0
    predicted = labels_of(g.article_ids for g in groups)
    p, r, f1 = bcubed(predicted, labels)
    print(f"\n[grouping] 2000 generated articles: {elapsed:.2f} s, B-cubed P={p:.3f} R={r:.3f} "
          f"F1={f1:.3f}, ARI={adjusted_rand(predicted, labels):.3f}")
