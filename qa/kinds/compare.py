"""Comparisons ("Hasonlítsd össze …", "Compare …", "Mi a különbség …"): a summary of each
compared side, where the sentences giving a figure that two sides or more give (the same
measure: "9500 jármű" beside "6200 jármű") gain, so the sides are told side by side."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Sequence

from index import Article
from qa.planner import fold

if TYPE_CHECKING:
    from qa.kinds.common import Library

# A comparison asked for: "Hasonlítsd össze …", "Compare …", "Mi a különbség …".
COMPARE = re.compile(r"\bhasonlit\w*|\bvesd ossze|\bcompar\w*|\bkulonbseg\w*|\bdifference\w*|\bversus\b")
# What a figure measures: the word written after it ("9500 jármű", "4,9 milliárd forintos" -> "forin").
_MEASURED = re.compile(r"\d[\d,.]*\s+(?:(?:ezer|millio|milliard)\s+)?([^\W\d]{3,})")
# On LexRank's 0..1 scale: a sentence giving a figure two compared sides or more give gains a third.
PARALLEL_WEIGHT = 0.35


def measures(text: str) -> frozenset[str]:
    """What the sentence's figures measure, by the word after each (its first five letters)."""
    return frozenset(m.group(1)[:5] for m in _MEASURED.finditer(fold(text)))


def compared(library: Library, articles: Sequence[Article]) -> frozenset[str]:
    """What the compared sides' figures both measure: the sides are the articles' stories
    (`storylines`), and a measure is shared when two sides or more give it."""
    from qa.kinds.overview import newest  # overview imports this module
    from qa.kinds.stories import storylines

    sides = storylines(library, articles, newest(library))
    if len(sides) < 2:
        return frozenset()
    given = [frozenset().union(*(measures(s.text) for a in side for s in library.sentences(a))) for side in sides]
    counts = Counter(m for g in given for m in g)
    return frozenset(m for m, n in counts.items() if n >= 2)
