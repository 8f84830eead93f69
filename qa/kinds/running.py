"""The figures a story follows from article to article: "hat beteget ápolnak", "19 beteg",
"már 27 beteg"; "2100 aláírás", "5800 aláírásnál"; "150 ezer eurót", "250 ezer euróra".

A developing story's news is mostly such a count or sum changing, and a reader asking
"what happened" expects to see it move, though the request names no count. A thing is
followed when a number stands right before it (a multiplier such as "ezer" between) in at
least two of the story's articles, with at least two different numbers: "a 27 kilométeres
vonal" written in every article is the story's setting, not its news. Dates and durations
are the calendar, not a count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from qa.dates import HU_MONTHS, HU_WEEKDAYS
from qa.numerals import is_numeral
from qa.planner import fold
from qa.text import stemmer, words

# The things followed: the two written with a changing number in most of the story's articles.
MOST = 2
_MULTIPLIERS = frozenset(("ezer", "millio", "milliard", "szazezer"))
# Units, not things counted: of time and the calendar ("3 év", "hétfőn", "augusztus 16-án"), of
# money and of measure. A story writes many sums and lengths of other things ("a 250 millió
# forintos keret", "további 9 centiméter"); a sum or a measure followed through it is asked
# for by name ("hogyan változott a bírság"), which `timeline.measured` reads.
_UNITS = re.compile(r"^(ev|evvel|eve|evig|evre|eves|honap|het|nap|ora|perc|masodperc|oras|napos|hetes|perces|evfolyam|"
                    r"szazad|alkalom|alkalommal|\w*meter|centi|kilo|hektar|tonna|liter|fok|"
                    r"\w*watt|kg$|km$)")
_MONTHS = tuple(fold(m)[:5] for m in (*HU_MONTHS, *HU_WEEKDAYS))
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_MONEY = re.compile(r"^(forin|ft$|euro|dolla|szaza)")


def _figure(token: str) -> str | None:
    """The number a token writes (digits, or a Hungarian cardinal in words), else None."""
    if _NUMBER.match(token):
        return token.replace(",", ".")
    low = token.lower()
    # "ezer", "millió" alone multiply the number before them; "tízmillió" is one number
    return low if is_numeral(low) and "dik" not in low and fold(low) not in _MULTIPLIERS else None


def counts_in(text: str) -> dict[str, set[str]]:
    """Each thing (its folded stem) written right after a number in `text`, with the numbers."""
    tokens = words(text)
    out: dict[str, set[str]] = defaultdict(set)
    for i, token in enumerate(tokens):
        number = _figure(token)
        if number is None:
            continue
        j = i + 1
        while j < len(tokens) and fold(tokens[j]) in _MULTIPLIERS:
            number, j = f"{number} {fold(tokens[j])}", j + 1
        if j >= len(tokens) or not tokens[j].isalpha() or _figure(tokens[j]) is not None:
            continue
        thing = fold(tokens[j])
        if _UNITS.match(thing) or thing.startswith(_MONTHS) or len(thing) < 3:
            continue
        stem = fold(stemmer().stemWords([tokens[j].lower()])[0])
        if len(stem) >= 4:
            out[stem].add(number)
    return out


def followed(texts: Sequence[str]) -> tuple[str, ...]:
    """The things (stems) a story of these articles' `texts` follows: written after a number in
    two or more of them, with two or more numbers in all; the MOST most widely written."""
    if len(texts) < 2:
        return ()
    articles: dict[str, int] = defaultdict(int)
    numbers: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for thing, found in counts_in(text).items():
            articles[thing] += 1
            numbers[thing] |= found
    kept = [t for t in articles if articles[t] >= 2 and len(numbers[t]) >= 2]
    # Counts before sums and shares, then the most widely written: "utas" is what an airport's
    # story follows, "aláírás" and "vonatpár" a railway line's, and their sums ("forint") are
    # mostly of different things.
    return tuple(sorted(kept, key=lambda t: (bool(_MONEY.match(t)), -articles[t], t))[:MOST])


def new_count(sentence: str, things: Sequence[str], before: dict[str, set[str]]) -> bool:
    """Whether the sentence gives one of the followed `things` with a number not given `before`
    (thing -> numbers the earlier articles gave): "már 27 beteg" after "19 beteg", not the
    March report's "előbb 150 ezer, majd 250 ezer eurót" after both were told."""
    return bool(things) and any(numbers - before.get(thing, set()) for thing, numbers in counts_in(sentence).items() if thing in things)
