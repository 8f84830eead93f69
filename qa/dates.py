"""Date words in a question become a period of publication dates ("júliusban" → 2025-07-01..31).

hun-date-parser finds Hungarian and dateparser English date expressions (`qa.date_words`); this module decides
what they point at. Both libraries put a month named without a year into the current year,
which over last year's news finds nothing: here a month, day or season without a year is the
latest one that does not start after the collection's newest article. Relative words
("tegnap", "a múlt héten", "last week") count from today; where the period they name holds
no article, `from_collection` reads them again from the collection's own "today".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from qa.date_words import _ONE_DAY, Day, _add_years, _Found, _hungarian, _month_end
from qa.date_words_en import _english

logger = logging.getLogger(__name__)

_OPEN_START = Day(1900, 1, 1)  # "szeptember előtt" with no known first article
# hun-date-parser takes about 0.35 ms a character (0.2 s for 600); a question is shorter,
# a pasted article is not read for date words beyond this.
_MAX_CHARS = 600


@dataclass(frozen=True)
class Period:
    """An inclusive range of publication dates that words of the question name."""

    date_from: int  # YYYYMMDD
    date_to: int  # YYYYMMDD, inclusive
    label_hu: str  # "2025. július", "2025. július 1. – 2025. szeptember 30."
    label_en: str  # "July 2025"
    matched: str  # the question's words it came from; pieces far apart are joined by " … "


def parse_period(
    question: str,
    language: str,
    *,
    today: Day,
    latest: Day | None,
    earliest: Day | None = None,
) -> Period | None:
    """The period the question's date words name, or None when it names none.

    Args:
        language: "hu" or "en" (anything but "en" reads as Hungarian).
        today: what relative words ("tegnap", "last week") count from.
        latest: the newest article's date; a month or season without a year is the latest
            one starting on or before it (today when None).
        earliest: the oldest article's date, the start of an open range ("szeptember előtt").
    """
    if not isinstance(question, str) or not question.strip():
        return None
    question = question[:_MAX_CHARS]
    try:
        found = _english(question, today) if language == "en" else _hungarian(question, today)
        return _period(question, found, today, latest, earliest)
    except Exception:  # a date we cannot read must never stop the question being answered
        logger.warning("could not read the date words of %r", question, exc_info=True)
        return None


def overlaps(period: Period, earliest: Day | None, latest: Day | None) -> bool:
    """Whether the period shares a day with the collection's span (unknown: it may)."""
    if earliest is None or latest is None:
        return True
    return period.date_from <= _int(latest) and period.date_to >= _int(earliest)


def from_collection(
    question: str, language: str, period: Period | None, *, earliest: Day | None, latest: Day | None
) -> Period | None:
    """A period of relative words that the collection does not reach, read from the day after
    its newest article instead of from today, with a label that says so.

    Over 2025's news on 26 November 2026, "Hány eset volt idén?" names 2026 and would filter
    every article out: a reader of that collection means its latest year, 2025. A period that
    does not move with today ("2022-ben", "2027 tavaszán") is left as it is, and so is one the
    new reading does not bring into the collection either ("jövőre").
    """
    if period is None or overlaps(period, earliest, latest):
        return period
    assert latest is not None  # overlaps() is True without a known span
    # The day after the newest article first ("a múlt héten" then ends with it), then its own
    # day: after an article of 31 December the next day's "idén" is already the next year.
    for today in (latest + _ONE_DAY, latest):
        moved = parse_period(question, language, today=today, latest=latest, earliest=earliest)
        if moved is not None and (moved.date_from, moved.date_to) != (period.date_from, period.date_to) and overlaps(moved, earliest, latest):
            break
    else:
        return period
    newest_hu, newest_en = _labels(latest, latest)
    return replace(
        moved,
        label_hu=f"{moved.label_hu}, a legfrissebb cikk ({newest_hu}) napjától számolva; {period.label_hu} időszakából nincs cikk",
        label_en=f"{moved.label_en}, counted from the newest article ({newest_en}); there are none from {period.label_en}",
    )


def strip_period(question: str, period: Period) -> str:
    """The question without the period's words, so retrieval does not match on them."""
    text = question
    for piece in period.matched.split(" … "):
        at = text.lower().find(piece.lower()) if piece else -1
        if at >= 0:
            text = text[:at] + " " + text[at + len(piece) :]
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([?!.,;:])", r"\1", text)
    return re.sub(r"^[\s,;:–-]+|[\s,;:–-]+$", "", text)


def _period(question: str, found: list[_Found], today: Day, latest: Day | None, earliest: Day | None) -> Period | None:
    if not found:
        return None
    found = _anchored(found, latest or today)
    firsts = [f.first for f in found]
    lasts = [f.last for f in found]
    first = None if None in firsts else min(firsts)
    last = None if None in lasts else max(lasts)
    if first is None and last is None:
        return None
    date_from = first or earliest or _OPEN_START
    date_to = last or max(today, latest or today)
    if date_from > date_to:
        logger.info("date words of %r name an empty period %s..%s", question, date_from, date_to)
        return None
    label_hu, label_en = _labels(first, last)
    return Period(_int(date_from), _int(date_to), label_hu, label_en, _matched(question, found))


def _anchored(found: list[_Found], reference: Day) -> list[_Found]:
    """Yearless expressions moved to the latest year whose period starts on or before `reference`.

    "március és május között" moves as one; in "between March and May 2025" March takes May's year.
    """
    dated = [f for f in found if not f.yearless and (f.first or f.last)]
    loose = [f for f in found if f.yearless]
    if not loose:
        return found
    if dated and any(f.has_year for f in dated):
        pivot = next(f.first or f.last for f in dated if f.has_year)
        shift = pivot.year - (loose[0].first or loose[0].last).year
        moved = [_shifted(f, shift) if f.yearless else f for f in found]
        # "from November to February 2026": a range runs forwards, so its yearless start moves
        # back a year when the end named the year (or its yearless end on one).
        if _backwards(moved):
            if moved[0].yearless and moved[-1].has_year:
                moved[0] = _shifted(moved[0], -1)
            else:
                moved[-1] = _shifted(moved[-1], 1)
        return moved
    # "from November to February": the range runs forwards first (its end a year on), then moves
    # whole to the latest year in which it starts on or before `reference` — over a collection
    # ending in March 2026 that is November 2025 to February 2026, not November 2026 on.
    found = list(found)
    if _backwards(found) and found[-1].yearless:
        found[-1] = _shifted(found[-1], 1)
    start = min(f.first or f.last for f in found if f.yearless)
    shift = reference.year - start.year
    if _add_years(start, shift) > reference:
        shift -= 1
    return [_shifted(f, shift) if f.yearless else f for f in found]


def _backwards(found: list[_Found]) -> bool:
    """A range whose end lies before its start, as the parser dated its yearless ends."""
    return len(found) > 1 and bool(found[-1].last and found[0].first) and found[-1].last < found[0].first


def _shifted(f: _Found, years: int) -> _Found:
    first = _add_years(f.first, years) if f.first else None
    last = _add_years(f.last, years) if f.last else None
    if last and f.first and f.first.day == 1 and f.last == _month_end(f.last):
        last = _month_end(last)  # a February (or a winter) keeps its last day across leap years
    return _Found(f.start, f.end, first, last, f.yearless, f.has_year)


def day_of(n: int) -> Day:
    """20250701 -> 2025-07-01; a month or year stored as YYYYMM00 / YYYY0000 gets its first day."""
    return Day(n // 10000, max(1, n // 100 % 100), max(1, n % 100))


def _int(day: Day) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _matched(question: str, found: list[_Found]) -> str:
    """The question's words of the expressions; only white space or "és"/"and"/"-" between joins them."""
    pieces: list[list[int]] = []
    for f in found:
        gap = question[pieces[-1][1] : f.start] if pieces else ""
        if pieces and re.fullmatch(r"\s*(?:és|and|[-–,])?\s*", gap, re.I):
            pieces[-1][1] = f.end
        else:
            pieces.append([f.start, f.end])
    return " … ".join(question[s:e].strip() for s, e in pieces)


HU_MONTHS = (
    "január február március április május június július augusztus szeptember október november december"
).split()
# The months' short forms as a regex alternation ("szept.", "márc."; "máj" alone is another word,
# so callers decide what follows them).
HU_MONTH_SHORT = r"jan|febr?|márc|ápr|máj|jún|júl|aug|szept?|okt|nov|dec"
# Not calendar.month_name: that follows the process's locale.
EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
EN_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
HU_WEEKDAYS = "hétfő kedd szerda csütörtök péntek szombat vasárnap".split()


def _labels(first: Day | None, last: Day | None) -> tuple[str, str]:
    def hu(d: Day) -> str:
        return f"{d.year}. {HU_MONTHS[d.month - 1]} {d.day}."

    def en(d: Day) -> str:
        return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"

    if last is None:
        return f"{hu(first)} óta", f"since {en(first)}"
    if first is None:
        # "before" the next day: Hungarian "-ig" would need the day number's own suffix (1-jéig, 2-áig).
        return f"{hu(last + _ONE_DAY)} előtt", f"before {en(last + _ONE_DAY)}"
    if first == last:
        return hu(first), en(first)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year), str(first.year)
    if first.day == 1 and last == _month_end(first):
        return f"{first.year}. {HU_MONTHS[first.month - 1]}", f"{EN_MONTHS[first.month - 1]} {first.year}"
    return f"{hu(first)} – {hu(last)}", f"{en(first)} – {en(last)}"


