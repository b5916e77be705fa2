"""Quality figures on our own evaluation sets (run by `make bench`; prints them).

Grouping: B-cubed precision/recall/F1 and adjusted Rand index on the hand-written corpora in
tests/data/grouping. Alignment: added/omitted precision and recall and aligned-pair precision
and recall on the three families of generated version sets (tests/core/align/evalsets.py,
cut from the seeds; writtensets.py, hand-written stories; outletsets.py, never tuned on).
The unit tests hold floors on the same figures; this prints them so they can be recorded.
"""

from __future__ import annotations

from tests.core.align.test_eval_sets import FAMILIES, family_figures
from tests.core.grouping.test_quality import CORPORA
from tests.core.grouping.test_quality import score as grouping_score


def test_grouping_quality_figures():
    print()
    for name in CORPORA:
        p, r, f1, ari = grouping_score(name)
        print(f"[quality] grouping {name:24s} B-cubed P={p:.3f} R={r:.3f} F1={f1:.3f} "
              f"ARI={ari:.3f}")
        assert 0.0 <= f1 <= 1.0


def test_real_news_quality_figures(tmp_path):
    """Real multi-outlet news (../shared/corpora), next to our own sets above."""
    import time

    from tests import realnews

    print()
    if not realnews.available():
        print("[quality] real news: ../shared/corpora is not beside the repository")
        return
    for kind, name in (("grouping", "ecbplus-grouping"), ("digest", "ecbplus-digest")):
        t0 = time.perf_counter()
        rep = realnews.score(kind, name, tmp_path)
        extra = (f" segmentation {rep['segmentation_accuracy']:.3f} (digests "
                 f"{rep['segmentation_accuracy_digest']:.3f}, articles "
                 f"{rep['segmentation_accuracy_article']:.3f})" if kind == "digest" else "")
        print(f"[quality] real news {name:18s} B-cubed P={rep['bcubed_precision']:.3f} "
              f"R={rep['bcubed_recall']:.3f} F1={rep['bcubed_f1']:.3f} ARI={rep['ari']:.3f}"
              f"{extra} ({time.perf_counter() - t0:.1f} s, ingest + embed + group)")
    from collections import Counter

    from reader.core.ingest import ingest_paths

    folder = tmp_path / "lede-digests"
    folder.mkdir()
    truth = realnews.lede_digests(folder, 120, seed=11)
    parts = Counter(a.source.rsplit("/", 1)[-1] for a in ingest_paths([str(folder)]).articles)
    right = sum(parts[name] == items for name, items in truth.items())
    whole = sum(parts[name] == 1 for name in truth)
    print(f"[quality] real news: digests of 1-2-sentence ECB+ ledes (tests/realnews.lede_digests)"
          f": {right} of {len(truth)} split into their items, {whole} left whole")


def test_alignment_quality_figures():
    print()
    for family, make in FAMILIES.items():
        figures = family_figures(family)
        print(f"[quality] alignment, {family} family ({len(make())} generated version sets)")
        for key, (precision, recall) in figures.items():
            print(f"[quality]   {key:8s} precision {precision:.3f}  recall {recall:.3f}")
        assert set(figures) >= {"added", "omitted", "pairs"}
