"""Hand-built stories with shared, reworded and missing passages (independent of alignment)."""

from __future__ import annotations

from reader.core.model import (DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, Article, DiffOp,
                               NumberDisagreement, NumberValue, Passage, Position, QuoteOccurrence,
                               QuoteVariant, Story, VersionFindings)
from reader.ui.models.rendering import StoryView


def _article(aid: str, outlet: str, sentences: list[str]) -> Article:
    return Article(aid, f"{outlet}.txt", 0, f"{outlet} headline", outlet, "2025-09-05", None,
                   tuple(sentences), tuple(range(len(sentences))))


def three_version_view() -> StoryView:
    """a1, a2 share p1 (a2 reworded); p2 is only in a1; p3 in all three; a3 lacks p1."""
    a1 = _article("a1", "Wire", ["Troops would be legitimate targets, Putin said.",
                                 "He spoke in Vladivostok.", "Allies met in Paris."])
    a2 = _article("a2", "Daily", ["Troops would be lawful targets, Putin said.",
                                  "Allies met in Paris on Thursday."])
    a3 = _article("a3", "Herald", ["Allies met in Paris.", "Twenty-six countries pledged troops."])
    p1 = Passage("p1", {"a1": (0,), "a2": (0,)}, "a1", {
        "a1": (DiffOp(DIFF_EQUAL, a1.sentences[0]),),
        "a2": (DiffOp(DIFF_EQUAL, "Troops would be "), DiffOp(DIFF_DELETE, "legitimate"),
               DiffOp(DIFF_INSERT, "lawful"), DiffOp(DIFF_EQUAL, " targets, Putin said.")),
    }, 0.8)
    p2 = Passage("p2", {"a1": (1,)}, "a1", {"a1": (DiffOp(DIFF_EQUAL, a1.sentences[1]),)})
    p3 = Passage("p3", {"a1": (2,), "a2": (1,), "a3": (0,)}, "a1", {
        "a1": (DiffOp(DIFF_EQUAL, "Allies met in Paris."),),
        "a2": (DiffOp(DIFF_EQUAL, "Allies met in Paris"), DiffOp(DIFF_DELETE, "."),
               DiffOp(DIFF_INSERT, " on Thursday.")),
        "a3": (DiffOp(DIFF_EQUAL, "Allies met in Paris."),),
    }, 0.9)
    p4 = Passage("p4", {"a3": (1,)}, "a3", {"a3": (DiffOp(DIFF_EQUAL, a3.sentences[1]),)})
    findings = {
        "a1": VersionFindings(("p2",), (), ("p4",), (Position("p1", 0, 0, 0.0),
                                                      Position("p3", 2, 2, 1.0))),
        "a2": VersionFindings((), (), ("p2", "p4"), (Position("p1", 0, 0, 0.0),
                                                      Position("p3", 1, 1, 1.0))),
        "a3": VersionFindings(("p4",), ("p1",), ("p1", "p2"), (Position("p3", 0, 0, 0.0),)),
    }
    story = Story("s1", "Putin: troops would be targets", ("a1", "a2", "a3"),
                  (p1, p2, p3, p4), findings,
                  (QuoteVariant("Putin", (QuoteOccurrence("a1", 0, "legitimate targets", "Putin"),
                                          QuoteOccurrence("a2", 0, "lawful targets", "Putin"))),),
                  (NumberDisagreement("p3", "countries", (NumberValue("a1", 2, "26", 26.0),
                                                          NumberValue("a3", 1, "Twenty-six",
                                                                      26.0))),),
                  ("shared terms: Putin, troops, targets", "same day"))
    return StoryView(story, {a.id: a for a in (a1, a2, a3)})
