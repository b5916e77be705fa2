"""Alignment's language folds: country feature keys, and titles standing for names.

A story that introduces "French President Emmanuel Macron" later says "the French president"
or "Macron" for him. Country forms and number words come from the shared
reader.core.text.lexicon (grouping reads the same tables).
"""

from __future__ import annotations

from typing import Sequence

from reader.core.text.lexicon import country_forms

# Country form -> its alignment feature key. Alignment joins multi-word names (prepare) and
# keeps every form, the ambiguous ones too: within one story "Washington" is the state.
COUNTRY = {form: "C:" + key for form, key in country_forms().items()}


# Titles that stand for a named person after the first mention ("the chancellor" = Scholz).
TITLES = frozenset(
    """president chancellor minister premier governor mayor king queen pope secretary
    senator general judge ambassador spokesman spokeswoman spokesperson chairman ceo
    prosecutor commander coach""".split())
# Words for a country's top office holder ("the Ukrainian leader" = its president).
LEADER_WORDS = frozenset({"leader", "head"})
_TOP = ("president", "chancellor", "minister", "premier", "king", "queen")
_LOWER_JOINS = frozenset({"da", "de", "van", "von", "bin", "al", "der", "del", "la", "le"})
_TOP_OR_LEADER = LEADER_WORDS | set(_TOP)
_ANY_TITLE = TITLES | LEADER_WORDS


def _country_before(tokens: Sequence[str], i: int) -> str | None:
    for k in (i - 1, i - 2):
        if k >= 0:
            low = tokens[k].lower().replace("’", "'").removesuffix("'s")
            key = COUNTRY.get(low)
            if key:
                return key
    return None


def title_names(sentences: Sequence[Sequence[str]]) -> list[set[str]]:
    """Per sentence of one article, the names its bare titles refer to ("the French president").

    A first mention "French President Emmanuel Macron" ties (France, president) to Macron; a
    later "the French president", "France's leader" or, when the article has one president,
    "the president" then counts as a mention of Macron. Names are returned in surface form.
    """
    by_pair: dict[tuple[str | None, str], str] = {}
    by_title: dict[str, set[str]] = {}
    top: dict[str, str] = {}
    # Lower-cased once for both passes; most sentences have no title word and are skipped.
    lowered = [[tok.lower() for tok in toks] for toks in sentences]
    for toks, lows in zip(sentences, lowered):
        if _ANY_TITLE.isdisjoint(lows):
            continue
        for i, title in enumerate(lows):
            if title not in TITLES or i + 1 >= len(toks) or not toks[i + 1][:1].isupper():
                continue
            j, name = i + 1, None
            while j < len(toks) and (toks[j][:1].isupper() or toks[j] in _LOWER_JOINS):
                if toks[j][:1].isupper() and toks[j].lower() not in COUNTRY:
                    name = toks[j].removesuffix("'s").removesuffix("’s")
                if toks[j] in _LOWER_JOINS:
                    break  # "Luiz Inacio Lula da Silva" is "Lula"
                j += 1
            if not name:
                continue
            country = _country_before(toks, i)
            by_pair.setdefault((country, title), name)
            by_title.setdefault(title, set()).add(name)
            if country and title in _TOP:
                top.setdefault(country, name)
    out: list[set[str]] = []
    for toks, lows in zip(sentences, lowered):
        found: set[str] = set()
        if _ANY_TITLE.isdisjoint(lows):
            out.append(found)
            continue
        for i, title in enumerate(lows):
            if title not in _ANY_TITLE:
                continue
            if i + 1 < len(toks) and toks[i + 1][:1].isupper():
                continue  # a first mention itself: the name is there already
            country = _country_before(toks, i)
            name = by_pair.get((country, title))
            if name is None and country and title in _TOP_OR_LEADER:
                name = top.get(country)
            if name is None and country is None and len(by_title.get(title, ())) == 1:
                name = next(iter(by_title[title]))
            if name:
                found.add(name)
        out.append(found)
    return out
