"""Numbers written in words: "tizennyolc", "Tizenkilencre", "kétszáz", "hatéves".

Hungarian news spell small numbers and a sentence's first number as words ("Hét igazolt
megbetegedést…", "hét szakorvos dolgozik"), so a how-many answer often holds no digit.
A word is a numeral when it splits wholly into numeral parts followed by at most one
case ending ("tizen|kilenc|re", "két|száz", "hat|éves"); a word that only starts like
one ("hatóság", "hétvégén", "ötlet") is not.
"""

from __future__ import annotations

import functools
import re

# Each part in its written forms: a suffix shortens or lengthens some ("három" ->
# "hármat", "hét" -> "hetet", "tíz" -> "tizen-", "ezer" -> "ezret", "kettő" -> "ketten").
_PARTS = (
    "egy", "kettő", "kett", "két", "három", "hárm", "négy", "öt", "hat", "hét", "het", "nyolc", "kilenc",
    "tíz", "tiz", "tizen", "húsz", "husz", "huszon", "harminc", "negyven", "ötven", "hatvan", "hetven",
    "nyolcvan", "kilencven", "száz", "ezer", "ezr", "millió", "milliárd",
)
# Case endings and derivations a numeral takes ("-ra", "-an": "hatan", "-szor", "-éves",
# "-os": "hatos", "-odik": "hatodik"); a final consonant doubles before "-val" ("hattal").
_ENDINGS = frozenset((
    "", "t", "at", "et", "ot", "öt", "an", "en", "on", "ön", "ra", "re", "ról", "ről", "ból", "ből", "ban", "ben",
    "nak", "nek", "nál", "nél", "hoz", "hez", "höz", "tól", "től", "ig", "val", "vel", "tal", "tel", "cal", "cel",
    "zal", "zel", "ral", "rel", "szor", "szer", "ször", "féle", "os", "es", "ös", "as", "éves", "eves",
    "adik", "edik", "odik", "ödik", "ik", "nyi",
))
_EN = frozenset((
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen",
))
_LONGEST_FIRST = tuple(sorted(_PARTS, key=len, reverse=True))


def _parts(word: str, parts: int = 0) -> list[str] | None:
    """The numeral parts `word` is made of before its one ending ("hat|ot", "tizen|kilenc|re"), at
    least one; None when it is not so made."""
    if parts and word in _ENDINGS:
        return []
    for p in _LONGEST_FIRST:
        if word.startswith(p) and not _week(p, word[len(p):]):
            rest = _parts(word[len(p):], parts + 1)
            if rest is not None:
                return [p, *rest]
    return None


def _week(part: str, rest: str) -> bool:
    """"hét" is also "week": with a case ending seven is written "het-" ("heten", "hetet"),
    so "héten", "hétre", "héttel" are weeks; "hétszáz", "hétéves", "hétszer" are numbers."""
    return part == "hét" and rest not in ("", "éves", "eves", "szer", "féle") and not rest.startswith(_LONGEST_FIRST)


# "másfél tonna", "másfélszeres", "másfélmillió": one and a half, a quantity no digit writes
# ("másféle", "másfelől" are other words).
_ONE_AND_A_HALF = re.compile(r"(másfél|masfel)(szer\w*|milli\w*|ezer\w*|száz\w*|szaz\w*)?")


@functools.lru_cache(maxsize=4096)
def is_numeral(word: str) -> bool:
    """Whether the word is a number written in words (Hungarian or English).

    "egy" alone is not: it is also the indefinite article ("egy beteg"); in a compound
    it is ("tizenegy", "egymillió")."""
    w = word.lower()
    if w in _EN or _ONE_AND_A_HALF.fullmatch(w):
        return True
    if not w.isalpha() or w.startswith("egy") and not any(w.startswith(f"egy{p}") for p in _PARTS):
        return False
    return _parts(w) is not None


# What each part is worth: a unit or a ten adds, "száz" multiplies what stands before it,
# "ezer" and above close a group ("kétezer-háromszáz" is 2 × 1000 + 3 × 100).
_UNITS = {"egy": 1, "kettő": 2, "kett": 2, "két": 2, "három": 3, "hárm": 3, "négy": 4, "öt": 5, "hat": 6, "hét": 7, "het": 7,
          "nyolc": 8, "kilenc": 9, "tíz": 10, "tiz": 10, "tizen": 10, "húsz": 20, "husz": 20, "huszon": 20, "harminc": 30,
          "negyven": 40, "ötven": 50, "hatvan": 60, "hetven": 70, "nyolcvan": 80, "kilencven": 90}
_GROUPS = {"ezer": 1000, "ezr": 1000, "millió": 1_000_000, "milliárd": 1_000_000_000}


def value(word: str) -> int | None:
    """The number a Hungarian numeral word writes, whatever its ending ("hat", "hatot",
    "hattal" are 6, "Tizenkilencre" 19, "kétezer" 2000), or None for any other word, ordinals
    ("hatodik") included: "6" and "hat" are one figure."""
    w = word.lower()
    if not is_numeral(w) or w in _EN or "dik" in w or _ONE_AND_A_HALF.fullmatch(w):
        return None  # "másfél" is no whole number: a quantity, but none to compare as one
    total = current = 0
    for p in _parts(w):
        if p == "száz":
            current = (current or 1) * 100
        elif p in _GROUPS:
            total += (current or 1) * _GROUPS[p]
            current = 0
        else:
            current += _UNITS[p]
    return total + current
