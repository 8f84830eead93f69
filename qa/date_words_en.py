"""English date expressions in a question: our patterns find them, dateparser reads the day,
month or year each names; `qa.date_words` holds the shared record and the Hungarian side."""

from __future__ import annotations

import calendar
import datetime
import re

from qa import year_parts
from qa.date_words import _ONE_DAY, Day, _day, _Found, _non_overlapping, _season, _span_of

_EN_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_EN_YEAR = r"(?:19|20)\d\d"
_EN_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_EN_SEASON_WORD = r"spring|summer|autumn|fall|winter"
_EN_COUNTS = dict(zip("a one two three four five six seven eight nine ten eleven twelve".split(), [1, *range(1, 13)]))
_EN_COUNT = r"\d{1,2}|" + "|".join(list(_EN_COUNTS)[1:])
_EN_EXPR = re.compile(
    rf"""\b(?:(?P<prep>in|on|since|from|between|during|until|till|through|to|and|before|after|by|throughout|over|across)\s+(?:the\s+)?)?
    (?:(?P<last_n>(?:the\s+)?(?:last|past)\s+(?P<n>{_EN_COUNT})\s+(?P<unit>day|week|month|year)s?)
      |(?P<ago>(?:{_EN_COUNT}|a)\s+(?:day|week|month|year)s?\s+ago)
      |(?P<relative>yesterday|today|(?:the\s+)?day\s+before\s+yesterday|(?:last|this|past|previous)\s+(?:week|month|year))
      |(?P<season>(?:(?P<s_rel>last|this)\s+)?(?P<s_name>{_EN_SEASON_WORD})(?:\s+(?:of\s+)?(?P<s_year>{_EN_YEAR}))?
        |(?P<s_year2>{_EN_YEAR})\s+(?P<s_name2>{_EN_SEASON_WORD}))
      |(?P<day>{_EN_DAY}\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+{_EN_YEAR})?|{_EN_MONTH}\s+{_EN_DAY}(?:,?\s+{_EN_YEAR})?)
      |(?P<month>{_EN_MONTH}(?:,?\s+{_EN_YEAR})?)
      |(?P<year>{_EN_YEAR}))\b(?!-)""",
    re.I | re.X,
)


# A word after a date that makes the date a noun's modifier: any word but a joining one.
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|but|to|till|until|in|at|for|with|so|when|while|as|step|by|of|on|from|since|before|after|is|was|were|are|has|had|have)\b)[a-z]", re.I)


def _english(question: str, today: Day) -> list[_Found]:
    found = [_Found(*part) for part in year_parts.english(question, today)]
    for m in _EN_EXPR.finditer(question):
        bare = m["year"] or (m["month"] and not re.search(_EN_YEAR, m["month"]))
        bare = bare or (m["season"] and not (m["s_rel"] or m["s_year"] or m["s_year2"]))
        # "May I ask…", "the March Hare", "the 2025 budget": a month, season or year alone is a
        # date only after a preposition ("in May", "since 2024").
        if bare and not m["prep"]:
            continue
        # "over the summer", "over the past two weeks"; "over 2000 people" is a count, and "a
        # row over the March budget", "the dispute over the summer festival" are about a thing
        if (m["prep"] or "").lower() in ("over", "across") and (m["year"] or _NOUN_AFTER.match(question, m.end())):
            continue
        first, last, yearless = _en_days(m, today)
        if first:
            has_year = bool(re.search(_EN_YEAR, m.group()))
            found.append(_en_preposition(m, _Found(m.start(), m.end(), first, last, yearless, has_year)))
    return _non_overlapping(found)


def _en_days(m: re.Match, today: Day) -> tuple[Day | None, Day | None, bool]:
    """dateparser reads the expression (with its period: day, week, month, year); ranges and
    seasons, which it does not read, are computed here."""
    if m["last_n"]:
        n, unit = _EN_COUNTS.get(m["n"].lower()) or int(m["n"]), m["unit"].lower()
        days = {"day": n, "week": 7 * n}.get(unit)
        if days is not None:
            return today - datetime.timedelta(days=days), today, False
        months = n * (12 if unit == "year" else 1)
        y, mo = divmod(today.year * 12 + today.month - 1 - months, 12)
        return Day(y, mo + 1, min(today.day, calendar.monthrange(y, mo + 1)[1])), today, False
    if m["season"]:
        return _en_season(m, today)
    text = next(m[g] for g in ("ago", "relative", "day", "month", "year") if m[g])
    point, unit = _dateparser(re.sub(r"\bof\s+", "", text), today)
    if point is None:
        return None, None, False
    first, last = _span_of(point, unit)
    yearless = bool(m["day"] or m["month"]) and not re.search(_EN_YEAR, text)
    return first, last, yearless


def _en_season(m: re.Match, today: Day) -> tuple[Day, Day, bool]:
    name = (m["s_name"] or m["s_name2"]).lower().replace("fall", "autumn")
    year = m["s_year"] or m["s_year2"]
    if year:
        return (*_season(name, int(year)), False)
    if (m["s_rel"] or "").lower() == "last":  # the latest one already over
        y = today.year
        while _season(name, y)[1] >= today:
            y -= 1
        return (*_season(name, y), False)
    if m["s_rel"]:  # "this winter" in January began last December
        return (*_season(name, today.year - (name == "winter" and today.month <= 2)), False)
    return (*_season(name, today.year), True)


def _dateparser(text: str, today: Day) -> tuple[Day | None, str]:
    from dateparser.date import DateDataParser

    base = datetime.datetime.combine(today, datetime.time())
    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True})
    data = parser.get_date_data(text)
    return _day(data.date_obj), data.period or "day"


def _en_preposition(m: re.Match, f: _Found) -> _Found:
    """"since June", "after 3 May", "before July", "until August" make open ranges."""
    prep = (m["prep"] or "").lower()
    if prep == "since":
        return _Found(f.start, f.end, f.first, None, f.yearless, f.has_year)
    if prep == "after":
        return _Found(f.start, f.end, f.last + _ONE_DAY, None, f.yearless, f.has_year)
    if prep == "before":
        return _Found(f.start, f.end, None, f.first - _ONE_DAY, f.yearless, f.has_year)
    if prep in ("until", "till", "by"):
        return _Found(f.start, f.end, None, f.last, f.yearless, f.has_year)
    return f
