"""Countries, number words and titles fold to the same matching features (alignment's use of
the shared lexicon; the tables themselves are tested in tests/core/text/test_lexicon.py)."""

from reader.core.align.features import raw_features, tokens
from reader.core.align.lexicon import title_names


def test_numbers_written_differently_are_one_feature():
    for a, b in (("26 prisoners", "twenty-six prisoners"), ("3½ years", "three and a half years"),
                 ("8,000 people", "eight thousand people"), ("12 guns", "a dozen guns"),
                 ("the 50th swap", "the fiftieth swap")):
        num = [f for f in raw_features(a) if f.startswith("#") and "|" not in f]
        assert num and num[0] in raw_features(b), (a, b)
    assert tokens("one of them") == ["one", "of", "them"]  # a lone "one" is not a number


def test_country_demonym_and_capital_fold():
    keys = [set(raw_features(t)) for t in ("Russia said", "the Russian army", "Moscow's envoy")]
    assert "C:russia" in keys[0] & keys[1] & keys[2]
    assert "C:unitedstates" in raw_features("in the U.S.") and \
        "C:unitedstates" not in raw_features("told us")
    # Alignment keeps the forms grouping skips as ambiguous: within a story, Washington is the US.
    assert "C:unitedstates" in raw_features("Washington said")
    assert "C:northkorea" in raw_features("North Korea said") and \
        "C:northkorea" in raw_features("Pyongyang said")


def test_bare_title_refers_to_the_first_mentions_name():
    sents = ["French President Emmanuel Macron met Ukrainian President Volodymyr Zelensky.",
             "The French president said so.", "Kyiv's leader thanked him.", "The talks ended."]
    found = title_names([tokens(s) for s in sents])
    assert found == [set(), {"Macron"}, {"Zelensky"}, set()]
