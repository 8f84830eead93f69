"""Date expressions in a question: where each stands and which days it names.

Hungarian ones are found by hun-date-parser and by our own patterns for what it misses,
English ones in `qa.date_words_en`. `qa.dates` decides what they point at
(a month without a year, a range's ends) and turns them into a period.
"""

from __future__ import annotations

import calendar
import datetime
import logging
import re
from dataclasses import dataclass

from qa import year_parts

logger = logging.getLogger(__name__)

Day = datetime.date
_ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class _Found:
    """One date expression: its span in the question and its days (None: open that side)."""

    start: int
    end: int
    first: Day | None
    last: Day | None
    yearless: bool = False  # a month, day or season named without a year
    has_year: bool = False  # names its year ("2025 nyarán", "2025. július"); relative words don't


def _non_overlapping(found: list[_Found]) -> list[_Found]:
    """The longest expressions first, then any that do not overlap them, in question order."""
    kept: list[_Found] = []
    for f in sorted(found, key=lambda f: f.start - f.end):  # stable: earlier sources win ties
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def _month_end(day: Day) -> Day:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def _season(name: str, year: int) -> tuple[Day, Day]:
    """Meteorological seasons; a year's winter is its December to the next February."""
    start, end = _SEASONS[name]
    last_year = year + 1 if end < start else year
    return Day(year, start, 1), _month_end(Day(last_year, end, 1))


def _span_of(point: Day, unit: str) -> tuple[Day, Day]:
    """The day, week (Monday to Sunday), month or year that `point` lies in."""
    if unit == "year":
        return Day(point.year, 1, 1), Day(point.year, 12, 31)
    if unit == "month":
        return point.replace(day=1), _month_end(point)
    if unit == "week":
        monday = point - datetime.timedelta(days=point.weekday())
        return monday, monday + datetime.timedelta(days=6)
    return point, point


def _after_word(text: str, end: int) -> int:
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return end


def _day(value: object) -> Day | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, Day) else None



# --- Hungarian -----------------------------------------------------------------------------

# What may follow a date word inside its word: a case ending ("júliusban", "héten",
# "2025-ben", "februárjától"). An adjective ending ("júliusi", "2025-ös", "tegnapi", "idei")
# names a thing, not the period to search: "a 2025-ös költségvetés" was debated in 2024 and
# "a szeptember 3-i csúcs" reported on the 4th, so such words filter nothing.
_HU_INFLECTION = re.compile(r"-?(?:j?[aáeé])?(?:ban|ben|ba|be|ból|ből|tól|től|ig|ra|re|on|en|ön|án|én|n)?", re.I)
_HU_MONTH_STEM = re.compile(r"jan|feb|m[aá]rc|[aá]pr|m[aá]j|j[uú]n|j[uú]l|aug|szep|okt|nov|dec", re.I)
_HU_RELATIVE = re.compile(r"tavaly|id[eé]n|m[uú]lt|j[oö]v[oöő]|\bez|k[oö]vetkez", re.I)
# "a május 1. utcában", "a Március 15. téren": a date in a street's or square's name.
_HU_PLACE = re.compile(
    r"\.?\s+(?:utc|útj|út\b|úto|útr|körút|tér|teré|tere\b|fasor|rakpart|sétány|lakótelep|liget|park|híd)", re.I
)
_HU_POSTPOSITION = re.compile(r"\s+(óta|ota|után|utan|előtt|elott|között|kozott|folyamán|során|soran)\b", re.I)
_HU_SEASON = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d)\.?\s+|(?P<rel>tavaly|id[eé]n|j[oö]v[oöő]re)\s+)?"
    r"(?P<season>ny[aá]ron|nyar[aá]n|tavasszal|tavasz[aá]n|[oő]sszel|[oő]sz[eé]n|t[eé]len|tel[eé]n)\b",
    re.I,
)
# "novembertől februárig", "októberétől decemberéig", "november és február között": a range of
# yearless months.
# hun-date-parser 0.3.4 finds nothing in a range over New Year and, searching the past,
# drops one that ends after today ("októbertől decemberig" asked in November).
_HU_MONTH_NAMES = (
    "janu[aá]r", "febru[aá]r", "m[aá]rcius", "[aá]prilis", "m[aá]jus", "j[uú]nius",
    "j[uú]lius", "augusztus", "szeptember", "okt[oó]ber", "november", "december",
)
# "május és november között" typed without accents it reads as May alone.
_HU_MONTH_RANGE = re.compile(
    r"(?<![\w.])(?P<from>" + "|".join(_HU_MONTH_NAMES) + r")(?:j?[aáeé])?(?:t[oóöő]l\s+|\s+(?:és|es)\s+(?=\w+\s+k[oö]z[oö]tt\b))"
    r"(?P<to>" + "|".join(_HU_MONTH_NAMES) + r")(?:(?:j?[aáeé])?ig\b|\s+k[oö]z[oö]tt\b)",
    re.I,
)


def _hungarian(question: str, today: Day) -> list[_Found]:
    found = _non_overlapping(_hu_own(question, today) + _hu_library(question, today))
    return [_hu_postposition(question, _hu_article(question, f)) for f in found if not _bare_number(question, f)]


def _bare_number(question: str, f: _Found) -> bool:
    """"a 2000 fős kontingens": a year is a year with a case ending ("2025-ben", "2025-ig"),
    a postposition ("2024 óta") or a partner ("2024 és 2025 között"), not as a plain number."""
    if not re.fullmatch(r"\d{4}", question[f.start : f.end]):
        return False
    after = question[f.end :]
    return not (_HU_POSTPOSITION.match(after) or re.match(r"\s*(?:és|[-–])\s*\d{4}", after))


def _hu_own(question: str, today: Day) -> list[_Found]:
    """What hun-date-parser 0.3.4 misses: seasons (it reads "2025 nyarán" as all of 2025,
    "nyáron" as nothing), "a héten" (nothing) and "tegnapelőtt" (it reads it as yesterday)."""
    found = [_Found(*part) for part in year_parts.hungarian(question, today)]
    for m in _HU_SEASON.finditer(question):
        word = m["season"].lower()
        name = {"n": "summer", "ő": "autumn", "o": "autumn"}.get(word[0]) or ("spring" if word[:2] == "ta" else "winter")
        rel = (m["rel"] or "").lower()
        year = int(m["year"]) if m["year"] else today.year + {"tavaly": -1, "jövőre": 1, "jovore": 1}.get(rel, 0)
        first, last = _season(name, year)
        found.append(_Found(m.start(), m.end(), first, last, yearless=not (m["year"] or rel), has_year=bool(m["year"])))
    for m in _HU_MONTH_RANGE.finditer(question):
        # The year beside the range: written before it ("2024 novemberétől", "a 2024-es
        # novembertől", "tavaly novembertől") or after it ("októbertől decemberig 2025-ben").
        before = re.search(r"\b(?:((?:19|20)\d\d)(?:\.|-(?:as|es|os|ös))?|(tavaly|id[eé]n|j[oö]v[oöő]re))\s+$", question[: m.start()], re.I)
        after = re.match(r"\s+((?:19|20)\d\d)-(?:ban|ben)\b", question[m.end():])
        first_month, last_month = (_month_number(m[side]) for side in ("from", "to"))
        if before and before[2]:
            start_year = today.year + {"t": -1, "i": 0}.get(before[2][0].lower(), 1)
        elif before or after:
            start_year = int((before or after)[1])
        else:
            start_year = today.year  # `qa.dates` moves a yearless range to the collection's latest such months
        # A range runs forwards: "novembertől februárig" ends in the next year; a year written
        # after it ("… 2025-ben") is its end's.
        over_new_year = last_month < first_month
        if after and not before and over_new_year:
            start_year -= 1
        first = Day(start_year, first_month, 1)
        last = _month_end(Day(start_year + over_new_year, last_month, 1))
        start = before.start() if before else m.start()
        end = m.end() + (after.end() if after else 0)
        found.append(_Found(start, end, first, last, yearless=not (before or after), has_year=bool((before and before[1]) or after)))
    for m in re.finditer(r"\btegnapel[oöő]tt\b", question, re.I):
        day = today - 2 * _ONE_DAY
        found.append(_Found(m.start(), m.end(), day, day))
    for m in re.finditer(r"(?<!\w)(?:ezen\s+)?a\s+h[eé]ten\b", question, re.I):
        found.append(_Found(m.start(), m.end(), *_span_of(today, "week")))
    return found


def _month_number(word: str) -> int:
    return next(i for i, name in enumerate(_HU_MONTH_NAMES, 1) if re.fullmatch(name, word, re.I))


def _hu_library(question: str, today: Day) -> list[_Found]:
    from hun_date_parser import text2date_with_spans
    from hun_date_parser.utils import SearchScopes

    now = datetime.datetime.combine(today, datetime.time())
    try:
        hits = text2date_with_spans(question, now=now, search_scope=SearchScopes.PAST_SEARCH)
    except Exception:  # it raises on some malformed dates; the rest of the question still counts
        logger.info("hun-date-parser failed on %r", question, exc_info=True)
        return []
    found = []
    for hit in hits:
        start, end = _hu_trimmed(question, hit["match_start"], hit["match_end"])
        text = question[start:end]
        word_end = _after_word(question, end)
        words = question[start:word_end]
        if (
            (start and question[start - 1].isalnum())
            or not _HU_INFLECTION.fullmatch(question[end:word_end])
            or words.lower().endswith("i")
            or text.lower() == "most"  # "now": the question's time, not a period of articles
            or re.fullmatch(r"\d{1,2}\.?(?:-\w+)?", words)  # a day number alone: "30-án"
            or _HU_PLACE.match(question, word_end)
            or re.search(r"\d{4}\.?\s+$", question[:start])  # "1848 márciusában": a year it does not take
            # "az Alföld Ma-tól": a capitalised word after a capitalised word is part of a name
            # (a paper's, a place's), not "today"; "Ma" opening the question still is
            or (text[:1].isupper() and re.search(r"(?<![.!?:]\s)\b[A-ZÁÉÍÓÖŐÚÜŰ][\w-]*\s+$", question[:start]) and start > 0)
        ):
            continue
        has_year = bool(re.search(r"\d{4}", text))
        yearless = bool(_HU_MONTH_STEM.search(text)) and not has_year and not _HU_RELATIVE.search(text)
        first, last = _day(hit["start_date"]), _day(hit["end_date"])
        written = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", text)}
        if len(written) == 1 and first and last and first.year == last.year and first.year not in written:
            # hun-date-parser's past search moves a month later in the year than today's into
            # the year before and then ignores a written year ("2024 decemberében" asked on 27
            # November 2026 came out as December 2025): the written year stands.
            year = written.pop()
            first, last = _add_years(first, year - first.year), _add_years(last, year - last.year)
        found.append(_Found(start, word_end, first, last, yearless, has_year))
    return found


def _add_years(day: Day, years: int) -> Day:
    """The same day `years` later (February 29 of a common year is the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# How a date word begins: its spans are trimmed to these, since for "-ig" hun-date-parser
# takes the words before as the open start ("mi történt 2025-ig?").
_HU_DATE_START = re.compile(
    r"\d|jan|feb|m[aá]rc|[aá]pr|m[aá]j|j[uú]n|j[uú]l|aug|szep|okt|nov|dec|tavaly|id[eé]|m[uú]lt|elm[uú]lt|j[oö]v"
    r"|tegnap|holnap|ma\b|mai\b|ezen|h[eé]tf|kedd|szerd|cs[uü]t|p[eé]nt|szomb|vas[aá]r",
    re.I,
)


def _hu_trimmed(question: str, start: int, end: int) -> tuple[int, int]:
    for m in re.finditer(r"\S+", question[start:end]):
        if _HU_DATE_START.match(m.group()):
            start += m.start()
            break
    while end > start and not question[end - 1].isalnum():
        end -= 1
    return start, end


def _hu_article(question: str, f: _Found) -> _Found:
    """"a múlt héten", "az elmúlt két hétben": the article belongs to the date words."""
    m = re.search(r"(?:^|(?<=\s))az?\s+$", question[: f.start], re.I)
    return _Found(m.start(), f.end, f.first, f.last, f.yearless, f.has_year) if m else f


def _hu_postposition(question: str, f: _Found) -> _Found:
    """"augusztus óta", "szeptember előtt", "a választás után" make open ranges."""
    m = _HU_POSTPOSITION.match(question, f.end)
    if not m:
        return f
    word, first, last = m[1].lower(), f.first, f.last
    if word in ("óta", "ota"):
        last = None
    elif word in ("után", "utan"):
        first, last = (f.last or f.first) + _ONE_DAY, None
    elif word in ("előtt", "elott"):
        first, last = None, (f.first or f.last) - _ONE_DAY
    return _Found(f.start, m.end(), first, last, f.yearless, f.has_year)


# "a januári cikkek", "az augusztusi hírek", "a januári és februári cikkek": a month's adjective
# before the articles' own noun dates the articles, as "januárban" would (hun-date-parser reads no
# adjective). Only there, the noun whole ("írásbeli", "hírszerzési" are other words): "a januári
# infláció" is reported in February, "a márciusi gátszakadás" in any later month.
_MONTH_ALT = "|".join(_HU_MONTH_NAMES)
_ARTICLE_NOUN_AFTER = (r"(?=\s+(?:cikk|hír|hir|írás|iras|anyag|tudósítás|tudositas|beszámoló|beszamolo)"
                       r"(?:e?k|o?k|a?k)?(?:ei|ai|eit|ait|et|ot|at|t|ben|ban|ről|ról|rol|ből|ból|bol|nek|nak|re|ra)?\b)")
_MONTH_ADJECTIVE = re.compile(r"\b(?P<month>" + _MONTH_ALT + r")i" + _ARTICLE_NOUN_AFTER, re.I)
_MONTH_ADJECTIVES = re.compile(r"\b(?P<first>" + _MONTH_ALT + r")i(?:\s+(?:és|es|vagy)\s+|\s*[-–]\s*)(?P<last>" + _MONTH_ALT + r")i"
                               + _ARTICLE_NOUN_AFTER, re.I)


def article_months(text: str) -> str:
    """`text` with a month's adjective before the articles' noun written as the month's
    inessive ("a januári cikkek" -> "a januárban cikkek") and two of them as a range ("a januári
    és februári cikkek" -> "a januártól februárig cikkek"), for the date words to read."""
    def front(month: str) -> bool:
        return month.lower().endswith("ber")  # szeptember … december take front-vowel endings

    text = _MONTH_ADJECTIVES.sub(lambda m: f"{m['first']}{'től' if front(m['first']) else 'tól'} {m['last']}ig", text)
    return _MONTH_ADJECTIVE.sub(lambda m: m["month"] + ("ben" if front(m["month"]) else "ban"), text)
