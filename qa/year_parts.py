"""Halves and quarters of a year in a question: "2025 első félévében", "a harmadik
negyedévben", "tavaly az utolsó negyedévben", "the first half of 2025", "Q3 2024".

Neither hun-date-parser nor dateparser reads them. Each is returned as (start, end, first
day, last day, yearless, has_year), the fields of `qa.date_words`' date expressions.
"""

from __future__ import annotations

import calendar
import datetime
import re

Day = datetime.date
Part = tuple[int, int, Day, Day, bool, bool]

_ORDINALS = {"első": 1, "elso": 1, "második": 2, "masodik": 2, "harmadik": 3, "negyedik": 4, "utolsó": -1, "utolso": -1,
             "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_HU_PART = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d)\.?\s+(?:évi?\s+|evi?\s+)?|(?P<rel>tavaly|id[eé]n)(?:i)?\s+)?(?:az?\s+)?"
    # Only "-ben"/"-ében": "az első negyedévi / féléves eredmény" names a report, not a period.
    r"(?P<ord>els[oő]|m[aá]sodik|harmadik|negyedik|utols[oó])\s+(?P<unit>f[eé]l[eé]v|negyed[eé]v)(?:[eé]?ben)\b",
    re.I,
)
_EN_PART = re.compile(
    r"\b(?:(?:in|during)\s+)?(?:the\s+)?(?P<ord>first|second|third|fourth|last)\s+(?P<unit>half|quarter)"
    r"(?:\s+of)?(?:\s+(?P<year>(?:19|20)\d\d))?|\b(?P<q>[QH])(?P<n>[1-4])\s*(?P<year2>(?:19|20)\d\d)?\b",
    re.I,
)


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
        year = int(m["year"]) if m["year"] else today.year - (rel == "tavaly")
        days = _days(year, _ORDINALS[m["ord"].lower()], 2 if m["unit"].lower().startswith("f") else 4)
        if days:
            found.append((m.start(), m.end(), *days, not (m["year"] or rel), bool(m["year"])))
    return found


def english(question: str, today: Day) -> list[Part]:
    found = []
    for m in _EN_PART.finditer(question):
        if m["q"]:
            year, ordinal, parts = m["year2"], int(m["n"]), 4 if m["q"].upper() == "Q" else 2
        else:
            year, ordinal, parts = m["year"], _ORDINALS[m["ord"].lower()], 2 if m["unit"].lower() == "half" else 4
        days = _days(int(year) if year else today.year, ordinal, parts)
        if days:
            found.append((m.start(), m.end(), *days, not year, bool(year)))
    return found
