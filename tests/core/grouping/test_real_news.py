"""Grouping and digest floors on real multi-outlet news (../shared/corpora, when present).

Floors sit just below today's figures (measured with the default strictness), so a change that
loses ground on real news fails here, not only in `make bench`.
"""

from __future__ import annotations

import pytest

from tests import realnews

pytestmark = pytest.mark.skipif(not realnews.available(),
                                reason="../shared/corpora is not beside the repository")


def test_ecbplus_grouping_floor(tmp_path):
    report = realnews.score("grouping", "ecbplus-grouping", tmp_path)
    # 0.770 before the sentence encoder joined grouping; 0.807 with it.
    assert report["ari"] >= 0.79, report
    assert report["bcubed_f1"] >= 0.84, report
    assert report["n_gold_items_missing_from_output"] == 0


def test_ecbplus_digests_split_and_articles_whole(tmp_path):
    report = realnews.score("digest", "ecbplus-digest", tmp_path)
    assert report["segmentation_accuracy_digest"] == 1.0, report  # 0 of 14 split before
    assert report["segmentation_accuracy_article"] == 1.0, report
    assert report["ari"] >= 0.55, report
