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
from qa.planner import Planner, Request, fold, topic_of
from qa.text import words

# "a cikkeket", "az összes hírt", "mindent", "all the articles": the request is about the
# whole collection, whatever the conversation was about ("Foglald össze a cikkeket!" after a
# question about storks summarises the articles, not storks). "ezeket a cikkeket" points back.
_WHOLE = re.compile(
    r"\b(cikkek\w*|hirek\w*|irasok\w*|tudositasok\w*|articles|stories|news|osszes|mindent|mindet|everything|all)\b"
)
_THESE = re.compile(r"\b(ezek\w*|azok\w*|these|those|them|their|it)\b")


def names_whole_collection(question: str) -> bool:
    """The request names the articles as a whole and names no topic: it leans on no earlier turn."""
    folded = fold(question)
    return bool(_WHOLE.search(folded)) and not _THESE.search(folded) and not topic_of(question)


def history_topic(history: Sequence) -> str:
    """The last user turn's topic, for a follow-up such as "És röviden?"."""
    last = next((t.content for t in reversed(history) if t.role == "user"), "")
    return topic_of(last)


def with_new_period(planner: Planner, question: str, request: Request, history: Sequence, **span) -> Request:
    """"És szeptemberben?" after "Mi történt júliusban?": the previous request asked again
    over the new period (a period and at most "és", "and in" besides it names nothing else)."""
    previous = next((t.content for t in reversed(history) if t.role == "user"), "")
    if request.period is None or not previous or request.asks_for:
        return request
    rest = strip_period(question, request.period)
    if topic_of(rest) or len(words(rest)) > 2:
        return request
    prior = planner.plan(previous, previous, **span)
    base = strip_period(previous, prior.period) if prior.period else previous
    return replace(planner.plan(base, base, period=request.period, **span), question=question, language=request.language)
