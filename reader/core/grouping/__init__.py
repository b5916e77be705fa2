"""Story grouping: which articles report the same event.

Method (details in the modules):
- features.py: per article, stemmed words (names weigh double, spelling variants of names fold
  to one key), numbers and number+unit pairs, ordinals, word pairs of the headline + first two
  sentences (the lede) and of quotations; the body is read up to ~1,500 characters.
- scoring.py: IDF-weighted vectors (IDF over the corpus/index, smoothed for small corpora);
  pair score = 0.5 x lede-vs-lede containment + 0.5 x whole-text containment (how much of the
  smaller text the other covers, so a digest paragraph matches a long article), times a
  penalty for publication dates more than a day apart. `threshold(strictness)` maps the knob.
- index.py: StoryIndex. Candidates come from an inverted index over each article's heaviest
  distinctive features (common topic features are skipped); only candidates are scored.
- cluster.py: average-link merging, best pair first, ties broken by content order, so the result
  does not depend on input order. Parts of one file (digest items, a two-article page) never
  share a story; existing stories are never merged by an incremental add.
- describe.py: title (the most central real headline, not a digest item's opening words) and
  reasons (names and phrases most versions share). persist.py: the compressed index blob.
- decisions.py: the user's move/split/merge/rename decisions on top of automatic groups.
"""

from reader.core.grouping.api import StoryIndex, apply_decisions, group_stories

__all__ = ["StoryIndex", "apply_decisions", "group_stories"]
