"""A timeline's parts that read one thing each: what an article told (`remember`), the story
before the period asked (`told_before`), an item's order, the articles' order and the span's
words. The choice of each item's sentences is `qa.kinds.timeline`'s."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.kinds.common import when
from qa.kinds.followed import days
from qa.kinds.running import counts_in
from qa.kinds.salience import facts, news_facts
from qa.planner import Request, fold
from qa.retrieval import Filters

if TYPE_CHECKING:
    from qa.kinds.common import Library


def remember(texts: list[str], told: frozenset, digits: frozenset, dated: frozenset, counted_before: dict[str, set[str]]):
    """(told, digits, dated) with what an article's sentences (`texts`) tell: their figures and
    names, figures in digits, and days; each count's numbers are added to `counted_before`."""
    for text in texts:
        for thing, numbers in counts_in(text).items():
            counted_before.setdefault(thing, set()).update(numbers)
    return (told.union(*(facts(t) for t in texts)), digits.union(*(news_facts(t) for t in texts)),
            dated.union(*(days(t) for t in texts)))


def told_before(library: Library, request: Request, filters: Filters | None, ordered, limit: int) -> list:
    """The topic's articles before the period a timeline is asked over: its story so far."""
    if filters is None or filters.date_from is None or not request.topic.strip() or not ordered:
        return []
    earlier = library.on_topic(request, replace(filters, date_from=None, date_to=None), limit=limit)
    return [a for a, _ in earlier if a.published_int < ordered[0].published_int]


# What was planned at first, before what came of it: "A híd felújítását eredetileg június 30-ig
# kellett volna befejezni" before "október 31-én adhatják át".
_AT_FIRST = re.compile(r"\b(eredetileg|originally|initially)\b")
# Words a news sentence revises a figure with: "X helyett", "végül", "módosult", "módosította" (not
# "módosító", an amending bill or package, which revises nothing yet; no dev timeline changed).
_REVISED = re.compile(r"\b(helyett|vegul(?! is\b)|modosul\w*|modosit(?!o\b|ot\b|ok|oj|ov)\w*)\b")


def earlier_first(item: list) -> list:
    """An item's sentences in the order of what they tell: one saying what was planned at first
    leads, the rest as the article writes them."""
    first = [s for s in item if _AT_FIRST.search(fold(s.text))]
    return first + [s for s in item if s not in first] if first and first[0] is not item[0] else item


def in_order(articles):
    """By date, oldest first; articles of one day by id, so that the order never changes
    between runs (the store keeps no time of day); undated ones last, not first."""
    return sorted(articles, key=lambda a: (a.published_int == 0, a.published_int, a.article_id))


def span(first: str, last: str, lang: str) -> str:
    """'2025. július 18. – augusztus 12.', '18 July – 12 August 2025'; one date once."""
    a, b = when(first, lang), when(last, lang)
    if a == b:
        return a
    year = first[:4]
    if first[:4] == last[:4] and len(first) > 4 and len(last) > 4:
        if lang == "hu" and b.startswith(f"{year}. "):
            return f"{a} – {b[len(year) + 2:]}"
        if lang == "en" and a.endswith(f" {year}"):
            return f"{a[: -len(year) - 1]} – {b}"
    return f"{a} – {b}"
