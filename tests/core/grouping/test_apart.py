"""Two clusters that each keep naming protagonists the other never mentions stay apart."""

from __future__ import annotations

from array import array

from reader.core.grouping import apart
from reader.core.grouping.apart import Protagonists

# Features 0-9: 0 "Saints", 1 "injured", 2 "reserve", 3 "Reggie", 4 "Bush", 5 "Pierre",
# 6 "Thomas", 7 "knee", 8 "ankle", 9 "Payton"; kinds: words (0).
SURFACE = ["Saints", "injured", "reserve", "Reggie", "Bush", "Pierre", "Thomas", "knee",
           "ankle", "Payton"]


def _judge(articles: list[tuple[list[int], int]]) -> Protagonists:
    """An index stand-in: per article its feature numbers (lede first) and lede length."""
    fids = [array("I", f) for f, _ in articles]
    nlede = [n for _, n in articles]
    return Protagonists(fids, nlede, bytearray(len(SURFACE)), SURFACE)


BUSH = [([0, 3, 4, 1, 2, 7], 5), ([0, 4, 3, 1, 2, 9], 5), ([3, 4, 0, 1, 2, 7], 5)]
THOMAS = [([0, 5, 6, 1, 2, 8], 5), ([0, 6, 5, 1, 2, 9], 5), ([5, 6, 0, 1, 2, 8], 5)]


def test_groups_naming_different_protagonists_are_apart():
    judge = _judge(BUSH + THOMAS)
    assert judge.apart([0, 1, 2], [3, 4, 5])
    assert judge.apart([3, 4, 5], [0, 1, 2])


def test_groups_naming_the_same_protagonists_are_not():
    # Versions of one event worded differently: the same names in every lede.
    judge = _judge(BUSH + [([0, 3, 4, 8], 3), ([3, 4, 9], 3), ([4, 3, 0, 2], 4)])
    assert not judge.apart([0, 1, 2], [3, 4, 5])


def test_one_side_mentioning_the_other_protagonist_keeps_them_together():
    # Two of the Thomas reports also name Bush: not "a protagonist the other never mentions".
    thomas = [(f + [3, 4], n) for f, n in THOMAS[:2]] + THOMAS[2:]
    judge = _judge(BUSH + thomas)
    assert not judge.apart([0, 1, 2], [3, 4, 5])


def test_small_groups_are_not_judged():
    judge = _judge(BUSH + THOMAS)
    assert not judge.apart([0, 1], [3, 4, 5])
    assert apart.MIN_MEMBERS == 3


def test_lower_case_features_are_not_names():
    surface = [s.lower() for s in SURFACE]
    fids = [array("I", f) for f, _ in BUSH + THOMAS]
    judge = Protagonists(fids, [5] * 6, bytearray(len(surface)), surface)
    assert not judge.apart([0, 1, 2], [3, 4, 5])
