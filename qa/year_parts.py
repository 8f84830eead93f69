"""Halves and quarters of a year in a question: "2025 első félévében", "a harmadik
negyedévben", "tavaly az utolsó negyedévben", "the first half of 2025", "Q3 2024".

Neither hun-date-parser nor dateparser reads them. Each is returned as a `Part`.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import NamedTuple

Day = datetime.date


class Part(NamedTuple):
    """One half or quarter in the question, in the order of `qa.date_words`' fields."""

    start: int
    end: int
    first: Day
    last: Day
    yearless: bool
    has_year: bool

_ORDINALS = {"első": 1, "elso": 1, "második": 2, "masodik": 2, "harmadik": 3, "negyedik": 4, "utolsó": -1, "utolso": -1,
             "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_YEAR = r"(?:19|20)\d\d"
_HU_PART = re.compile(
    rf"\b(?:(?P<year>{_YEAR})(?:\.|-(?:es|as|ös|ás))?\s+(?:évi?\s+|evi?\s+|év\s+)?|(?P<rel>tavalyi?|id[eé]n|idei)\s+)?(?:az?\s+)?"
    # Only "-ben"/"-ében": "az első negyedévi / féléves eredmény" names a report, not a period.
    r"(?P<ord>els[oő]|m[aá]sodik|harmadik|negyedik|utols[oó])\s+(?P<unit>f[eé]l[eé]v|negyed[eé]v)(?:[eé]?ben)\b",
    re.I,
)
# English wants the year said ("the first half of 2025", "the third quarter of this year",
# "Q3 2024", "2024 H2"): "the second half" alone is as often a match's, "last quarter" the
# one before now, and "H2" hydrogen. "Q3" alone is a quarter.
_EN_PART = re.compile(
    rf"(?i:\b(?:(?:in|during)\s+)?(?:the\s+)?(?P<ord>first|second|third|fourth)\s+(?P<unit>half|quarter)\s+of\s+"
    rf"(?:(?:the\s+year\s+)?(?P<year>{_YEAR})|(?:the|this)\s+year|(?P<last>last)\s+year))\b"
    rf"|\b(?P<q>Q)(?P<n>[1-4])(?:\s+(?:(?i:of)\s+)?(?P<year2>{_YEAR}))?\b"
    rf"|\b(?P<h>H)(?P<hn>[12])\s+(?:(?i:of)\s+)?(?P<year3>{_YEAR})\b"
    rf"|\b(?P<year4>{_YEAR})\s+(?P<qh>[QH])(?P<n4>[1-4])\b",
)


def names_part(text: str) -> bool:
    """Whether `text` (a period's words, `Period.matched`) names a half or a quarter of a year."""
    return bool(_HU_PART.search(text) or _EN_PART.search(text))


def _days(year: int, ordinal: int, parts: int) -> tuple[Day, Day] | None:
    """The `ordinal`-th of a year's `parts` (2 halves, 4 quarters); -1 is the last."""
    n = parts if ordinal == -1 else ordinal
    if not 1 <= n <= parts:
        return None  # "a harmadik félév": a year has two halves
    months = 12 // parts
    last = n * months
    return Day(year, (n - 1) * months + 1, 1), Day(year, last, calendar.monthrange(year, last)[1])


def hungarian(question: str, today: Day) -> list[Part]:
    found = []
    for m in _HU_PART.finditer(question):
        rel = (m["rel"] or "").lower()
        year = int(m["year"]) if m["year"] else today.year - rel.startswith("tavaly")
        days = _days(year, _ORDINALS[m["ord"].lower()], 2 if m["unit"].lower().startswith("f") else 4)
        if days:
            found.append(Part(m.start(), m.end(), *days, not (m["year"] or rel), bool(m["year"])))
    return found


def english(question: str, today: Day) -> list[Part]:
    found = []
    for m in _EN_PART.finditer(question):
        if m["ord"]:
            year = m["year"] or str(today.year - bool(m["last"]))
            parts = 2 if m["unit"].lower() == "half" else 4
            ordinal = _ORDINALS[m["ord"].lower()]
            yearless = False
        elif m["q"]:
            year, ordinal, parts, yearless = m["year2"], int(m["n"]), 4, not m["year2"]
        elif m["h"]:
            year, ordinal, parts, yearless = m["year3"], int(m["hn"]), 2, False
        else:
            year, ordinal, parts, yearless = m["year4"], int(m["n4"]), 4 if m["qh"] == "Q" else 2, False
        days = _days(int(year) if year else today.year, ordinal, parts)
        if days:
            found.append(Part(m.start(), m.end(), *days, yearless, bool(m["year"] or m["year2"] or m["year3"] or m["year4"])))
    return found
