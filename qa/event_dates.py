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

from qa.dates import EN_MONTHS, HU_MONTH_SHORT, HU_MONTHS, Period, day_of
from qa.planner import fold

_HU = [fold(m) for m in HU_MONTHS]
_EN = [m.lower() for m in EN_MONTHS]
_WORD = re.compile(r"\w+")
# A season's months, by its words' folded forms, whole: their stems start other words ("tel"
# of "település", "ősz" folded is in "összesen"). English "spring" and "fall" count only
# among date words, as "may" does. Not "téli" (folded "teli", also "full").
_SEASONS = {
    frozenset({3, 4, 5}): {"tavasz", "tavasszal", "tavaszi", "tavaszon", "tavaszan", "tavaszig", "spring"},
    frozenset({6, 7, 8}): {"nyar", "nyaron", "nyari", "nyaran", "nyarig", "summer"},
    frozenset({9, 10, 11}): {"osz", "osszel", "oszi", "oszen", "oszig", "autumn", "fall"},
    frozenset({12, 1, 2}): {"tel", "telen", "telig", "winter"},
}
_ONLY_AMONG_DATES = {"may", "spring", "fall"}
# "Tel-Avivban", "tel.: 06 …" (a telephone number): no winter
_NOT_A_SEASON = re.compile(r"\btel(?=-|\.\W*\d)")


def months_named(text: str, dates_only: bool = False) -> frozenset[int]:
    """The months (1-12) a text names, Hungarian in any inflection ("augusztusban",
    "február végéig") or English ("in August"), a season naming its three. English "may",
    "spring" and "fall" are other words unless the text is only date words (`dates_only`: a
    period's own words)."""
    found: set[int] = set()
    for word in _WORD.findall(_NOT_A_SEASON.sub(" ", fold(text))):
        if word in _ONLY_AMONG_DATES and not dates_only:
            continue
        for i, (hu, en) in enumerate(zip(_HU, _EN)):
            # "május" is a month, "máj" (liver) and "majd" are not
            if word.startswith(hu) or word == en:
                found.add(i + 1)
        found.update(*(months for months, forms in _SEASONS.items() if word in forms))
    return frozenset(found)


def months_asked(period: Period) -> frozenset[int]:
    """The months the period's words name ("szeptembertől" is September, though the period runs
    on to today), and those between two named ends ("márciustól júniusig" is March to June);
    none for a year or "idén", which no sentence's month dates."""
    named = months_named(period.matched, dates_only=True)
    first, last = day_of(period.date_from), day_of(period.date_to)
    span = (last.year - first.year) * 12 + last.month - first.month
    if len(named) < 2 or span > 11 or {first.month, last.month} - named:
        return named
    return frozenset((first.month - 1 + i) % 12 + 1 for i in range(span + 1))


# A year as Hungarian dates write it: with a case ending ("2025-ben", "2024-től") or before a
# month ("2031 szeptemberében", "2025. május"); not "2000 forintot", nor an adjective's year
# ("az 1956-os forradalom"), which names an anniversary, not when.
_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:-(?!(?:a|e|o|ö)?s\b)\w+|\.?\s+(?=(" + "|".join(_HU) + r")))")
# How far from the period asked about its article may appear: a fee is announced months
# before it applies, a month's figures are reported months after it; a year later, the same
# month names another year's.
_BEFORE_DAYS, _AFTER_DAYS = 183, 365


def dated_in(sentence: str, period: Period, published_int: int = 0) -> bool:
    """The sentence names a month (or a season holding one) of those the question's date words
    name, and no other year than the period's; for a day asked, that day; its article
    (published YYYYMMDD) appeared within half a year before the named months or a year after."""
    asked = months_asked(period)
    if not asked or not asked & months_named(sentence):
        return False
    folded = fold(sentence)
    period_years = set(range(period.date_from // 10000, period.date_to // 10000 + 1))
    # A year written before the month is that month's ("2031 szeptemberében"); else any year
    # the sentence names must be the period's.
    written = list(_YEAR.finditer(folded))
    paired = {int(m.group(1)) for m in written if m.group(2) and months_named(m.group(2)) & asked}
    years = paired or {int(m.group(1)) for m in written}
    if years and not years & period_years:
        return False
    if period.date_from == period.date_to:
        # "március 15-én": that day of the month, not another
        day = period.date_from % 100
        month = _HU[period.date_from // 100 % 100 - 1]
        if not re.search(rf"\b{month}\w*\.?\s+0?{day}\b", folded):
            return False
    if published_int:
        published, start, end = day_of(published_int), day_of(period.date_from), day_of(period.date_to)
        if len(asked) == 1 and (start.year, start.month) != (end.year, end.month):
            # One month named at one end of a longer period ("szeptembertől" runs on to today,
            # "május végéig" back to the first article): the window is around that month.
            start = end = end if end.month in asked else start
        return (start - published).days <= _BEFORE_DAYS and (published - end).days <= _AFTER_DAYS
    return True



# A day as a text names an event by it: "a november 15-i számláláson", "a nov. 15-i", "március
# 3-án", "május 5-én és 6-án" (each day of the list), "2025. május 20." (a sentence's date), "on 15
# November", "the November 15 count" (folded). A question's day only in the first forms: "október
# 18. után", "március 3. és 5. között" bound a span, which holds other days.
_MONTH_HU = rf"({'|'.join(_HU)})\w*\.?|({fold(HU_MONTH_SHORT)})\."
_DAY_FORM = r"(?:-(?:jei|i|j?[ae]n|n)\b)"
_DAY_HU = re.compile(rf"\b(?:{_MONTH_HU})\s+(\d{{1,2}})({_DAY_FORM}|\.)((?:\s*(?:,|es|meg|illetve)\s*\d{{1,2}}{_DAY_FORM})*)")
_DAY_EN = re.compile(rf"(?<!from )(?<!between )(?<!since )(?<!until )(?<!till )(?<!and )(?<!to )\b(?:({'|'.join(_EN)})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({'|'.join(_EN)}))\b(?!\s+(?:to|and|until|till)\b)")


def _month(full: str, short: str) -> int:
    if full:
        return _HU.index(full) + 1
    return next(i + 1 for i, m in enumerate(_HU) if m.startswith(short))


def days_named(text: str, asked: bool = False) -> frozenset[tuple[int, int]]:
    """The (month, day) pairs the text names as days of an event; with `asked`, a question's:
    only a day the event is named by ("-i", "-án"), not a span's end ("október 18. után")."""
    folded = fold(text)
    found = set()
    for m in _DAY_HU.finditer(folded):
        if asked and m.group(4) == ".":
            continue
        month = _month(m.group(1), m.group(2))
        found.add((month, int(m.group(3))))
        found.update((month, int(d)) for d in re.findall(r"\d{1,2}", m.group(5)))
    for m in _DAY_EN.finditer(folded):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        found.add((_EN.index(month) + 1, int(day)))
    return frozenset(found)


def day_ok(asked: frozenset[tuple[int, int]], sentence: str, context: str) -> bool:
    """A question naming its event's day ("a november 15-i szinkronszámláláson") is not
    answered by a sentence dating the event to another day ("Az október 18-i
    szinkronszámláláson 38 600 darut számoltak"), unless the sentence before it or the title
    names the day asked; a sentence naming no day may answer."""
    if not asked:
        return True
    told = days_named(sentence)
    return not told or bool(told & asked) or bool(days_named(context) & asked)
