"""A fact question's date words date the event, and its article may not share the date.

"Mennyit kaptak literenként a tejtermelők augusztusban?" is answered by an October article
("154 forintot fizettek augusztusban"); "Mennyit kell fizetni egy óráért szeptembertől?" by
the June article that announced the new fee. The question's period filters the articles
first, as it does for every kind (a count "február végén" is best read in February's
articles, when later ones give later counts); when nothing in the period answers, a
sentence of another date may, if it names the month asked about itself: the sentence, not
its article's date, says when.
"""

from __future__ import annotations

import re

from qa.dates import EN_MONTHS, HU_MONTHS, Period
from qa.planner import fold

_HU = [fold(m) for m in HU_MONTHS]
_EN = [m.lower() for m in EN_MONTHS]
_WORD = re.compile(r"\w+")


def months_named(text: str, dates_only: bool = False) -> frozenset[int]:
    """The months (1-12) a text names, Hungarian in any inflection ("augusztusban",
    "február végéig") or English ("in August"). English "may" is a verb unless the text is
    only date words (`dates_only`: a period's own words)."""
    found = set()
    for word in _WORD.findall(fold(text)):
        for i, (hu, en) in enumerate(zip(_HU, _EN)):
            # "május" is a month, "máj" (liver) and "majd" are not
            if word.startswith(hu) or (word == en and (en != "may" or dates_only)):
                found.add(i + 1)
    return frozenset(found)


def dated_in(sentence: str, period: Period) -> bool:
    """The sentence names a month of those the question's date words name."""
    asked = months_named(period.matched, dates_only=True)
    return bool(asked) and bool(asked & months_named(sentence))
