"""Scores of a grouping against ground truth: B-cubed precision/recall/F1, adjusted Rand index."""

from __future__ import annotations

from math import comb
from typing import Iterable, Mapping


def labels_of(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    """Article id -> group number, from groups of article ids."""
    return {a: gi for gi, g in enumerate(groups) for a in g}


def bcubed(
    predicted: Mapping[str, object], truth: Mapping[str, object]
) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of predicted labels against true labels, per item."""
    items = list(truth)
    if not items:
        return 1.0, 1.0, 1.0
    pred_members: dict[object, set[str]] = {}
    true_members: dict[object, set[str]] = {}
    for a in items:
        pred_members.setdefault(predicted[a], set()).add(a)
        true_members.setdefault(truth[a], set()).add(a)
    precision = recall = 0.0
    for a in items:
        p, t = pred_members[predicted[a]], true_members[truth[a]]
        both = len(p & t)
        precision += both / len(p)
        recall += both / len(t)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(predicted: Mapping[str, object], truth: Mapping[str, object]) -> float:
    """Adjusted Rand index (1 = identical partitions, about 0 = chance agreement)."""
    items = list(truth)
    n = len(items)
    if n < 2:
        return 1.0
    table: dict[tuple[object, object], int] = {}
    rows: dict[object, int] = {}
    cols: dict[object, int] = {}
    for a in items:
        key = (predicted[a], truth[a])
        table[key] = table.get(key, 0) + 1
        rows[predicted[a]] = rows.get(predicted[a], 0) + 1
        cols[truth[a]] = cols.get(truth[a], 0) + 1
    index = sum(comb(v, 2) for v in table.values())
    sum_rows = sum(comb(v, 2) for v in rows.values())
    sum_cols = sum(comb(v, 2) for v in cols.values())
    expected = sum_rows * sum_cols / comb(n, 2)
    maximum = (sum_rows + sum_cols) / 2
    if maximum == expected:
        return 1.0
    return (index - expected) / (maximum - expected)
