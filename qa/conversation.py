"""A request read in its conversation: what a follow-up takes from the turns before it.

"És röviden?" and "Foglald össze ezt a cikket!" are about what was asked before; "Foglald
össze a cikkeket!" is about all of them, whatever was asked before; "És szeptemberben?" is
the previous request asked again over another period.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from qa.dates import strip_period
from qa.followups import is_month
from qa.planner import Planner, Request, fold, topic_of
from qa.text import YEAR, words

# "a cikkeket", "az összes hírt", "mindent", "all the articles": the request is about the
# whole collection, whatever the conversation was about ("Foglald össze a cikkeket!" after a
# question about storks summarises the articles, not storks). "ezeket a cikkeket" points back.
_WHOLE = re.compile(r"\b(cikkek\w*|hirek\w*|irasok\w*|tudositasok\w*|osszes\w*|mindent|mindet)\b")  # folded
# English on the text as written: folded, "áll" would read "all"
_WHOLE_EN = re.compile(r"\b(articles|stories|news|everything|all)\b")
_THESE = re.compile(r"\b(ezek\w*|azok\w*|oket|roluk|rola|rajuk|these|those|them|their|it)\b")


def names_whole_collection(question: str) -> bool:
    """The request names the articles as a whole and names no topic: it leans on no earlier turn."""
    folded = fold(question)
    whole = _WHOLE.search(folded) or _WHOLE_EN.search(question.lower())
    return bool(whole) and not _THESE.search(folded) and not topic_of(question)


def history_topic(history: Sequence) -> str:
    """The last user turn's topic, for a follow-up such as "És röviden?"."""
    last = next((t.content for t in reversed(history) if t.role == "user"), "")
    # its month or year is its period, not its topic ("És júliusban?" after "Mi történt júniusban?")
    return " ".join(w for w in topic_of(last).split() if not (is_month(w) or YEAR.fullmatch(w)))


def _bare_period(text: str) -> bool:
    """Only a month or year, and "és"/"and (in)": a follow-up asking the same over another period."""
    found = words(text)
    return bool(found) and all(is_month(w) or YEAR.fullmatch(w) or w.lower() in ("és", "and", "in", "meg", "pedig") for w in found)


def with_new_period(planner: Planner, question: str, request: Request, history: Sequence, **span) -> Request:
    """"És szeptemberben?" after "Mi történt júliusban?": the previous request asked again
    over the new period (a period and at most "és", "and in" besides it names nothing else)."""
    # past earlier follow-ups of this kind: "És októberben?" after "És szeptemberben?" after "Mi történt júliusban?"
    previous = next((t.content for t in reversed(history) if t.role == "user" and not _bare_period(t.content)), "")
    if request.period is None or not previous or request.asks_for or _place(request.period.matched):
        return request
    rest = strip_period(question, request.period)
    if topic_of(rest) or len(words(rest)) > 2:
        return request
    prior = planner.plan(previous, previous, **span)
    base = strip_period(previous, prior.period) if prior.period else previous
    return replace(planner.plan(base, base, period=request.period, **span), question=question, language=request.language)


# "Foglald össze az elsőt!", "the second one", "az utolsót": an item of the list just given.
_HU_ORDINALS = {
    "elso": 1, "masodik": 2, "harmadik": 3, "negyedik": 4, "otodik": 5, "hatodik": 6, "hetedik": 7, "nyolcadik": 8,
    "kilencedik": 9, "tizedik": 10, "utolso": -1,
}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_ORDINALS = {**_HU_ORDINALS, **_EN_ORDINALS}
_LOOK_BACK = 3
_ROW = re.compile(r"^\|\s*[^|]+\|\s*(?P<title>(?:\\.|[^|\\])+?)\s*\|", re.M)


def listed_title(question: str, history: Sequence) -> str:
    """The title of the list item the question points at by its place ("az elsőt"), read from
    the last answer's table of articles (`kinds.collection`); '' when there is none."""
    # the latest list among the last few answers: "És a másodikat?" after a summary of the first
    place = _place(question)
    if not place or not _only_place(question):
        return ""
    answers = [t.content for t in reversed(history) if t.role == "assistant"][:_LOOK_BACK]
    last = next((a for a in answers if _ROW.search(a)), "")
    titles = [re.sub(r"\\(.)", r"\1", m["title"]) for m in _ROW.finditer(last)]
    titles = [t for t in titles if not set(t) <= set("-: ")][1:]  # the header row, not the separator
    if abs(place) > len(titles):
        return ""
    return titles[place - 1] if place > 0 else titles[-1]


def on_listed(request: Request, history: Sequence) -> Request:
    """"Foglald össze az elsőt!", "És a másodikat?" after a list of articles: about that article
    (its title is the topic, which names it whole). A question asking for a number, date or name
    keeps its kind ("Mikor jelent meg az első?")."""
    title = listed_title(request.question, history)
    if not title or request.kind not in ("summary", "timeline", "fact") or (request.kind == "fact" and request.asks_for):
        return request
    kind = "summary" if request.kind == "fact" else request.kind
    # "a másodikat" is no date: the period read from the ordinal goes
    period = request.period if request.period and not _place(request.period.matched) else None
    return replace(request, kind=kind, topic=title, standalone=f"{request.question} ({title})", period=period)


# The ordinal as the request's object ("az elsőt", "a másodikról"), not as an adjective ("az első
# lépés", "elsősorban"); in English "the second one", "the last article".
_HU_PLACE = re.compile(rf"\b({'|'.join(_HU_ORDINALS)})(t|at|et|rol|bol|ban|ben)\b")
_EN_PLACE = re.compile(rf"\b({'|'.join(_EN_ORDINALS)}) (one|article|story|item|piece)\b")


def _place(text: str) -> int:
    """The place an ordinal object in `text` names (1, 2, …; -1 for the last), 0 for none."""
    folded = fold(text)
    found = _HU_PLACE.search(folded) or _EN_PLACE.search(folded)
    return _ORDINALS[found.group(1)] if found else 0


def _only_place(question: str) -> bool:
    """The question names nothing but the place: "Foglald össze az elsőt!", not "Mi történt az
    elsőn kívül a Körösön?"."""
    rest = _HU_PLACE.sub(" ", fold(question))
    rest = _EN_PLACE.sub(" ", rest)
    return not topic_of(rest)
