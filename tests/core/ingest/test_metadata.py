"""Metadata helpers: date parsing, short titles, default outlets."""

from __future__ import annotations

import pytest

from reader.core.ingest.metadata import outlet_from_source, parse_date, short_title


@pytest.mark.parametrize(("text", "iso"), [
    ("Updated 23 October 2025", "2025-10-23"),
    ("Published: Sept. 5, 2025 10:30 AM", "2025-09-05"),
    ("5th March 2024", "2024-03-05"),
    ("March 5 2024", "2024-03-05"),
    ("2024-03-05T10:15:00Z", "2024-03-05"),
    ("2024/3/5", "2024-03-05"),
    ("Updated 8 sec ago", None),
    ("31 February 2024", None),
    # Numeric dates only where day and month cannot be confused.
    ("27 / 09 / 2013", "2013-09-27"),
    ("3/27/2012 @ 10:05AM", "2012-03-27"),
    ("9 / 10 / 2010", None),
    ("", None),
])
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(("sentence", "title"), [
    ("Putin spoke in Vladivostok on Friday.", "Putin spoke in Vladivostok on Friday"),
    ("Russian President Vladimir Putin says that any foreign troops deployed to Ukraine, "
     "particularly while its invasion is still ongoing, would be targets.",
     "Russian President Vladimir Putin says that any foreign troops deployed to Ukraine"),
    ("NATO defense chiefs have discussed potential security guarantees for Ukraine to help end "
     "the war.", "NATO defense chiefs have discussed potential security guarantees for Ukraine "
     "to help\u2026"),
    ("The talks in Geneva ended early \u2014 officials said the two sides were far apart on "
     "everything.", "The talks in Geneva ended early"),
])
def test_short_title(sentence: str, title: str) -> None:
    assert short_title(sentence) == title


def test_outlet_from_source() -> None:
    assert outlet_from_source("/data/news/000_a2736dd089d0864e.txt") == "000_a2736dd089d0864e"
    assert outlet_from_source("clipboard") == "clipboard"
