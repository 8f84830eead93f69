"""The answers that are not one fact: summary, timeline, collection and chat, each in its
own module, built from extraction, the articles' dates and the store's own records."""

from __future__ import annotations

from qa.kinds import chat, collection, summary, timeline
from qa.kinds.common import Library, with_period
from qa.planner import Request
from qa.retrieval import Filters
from qa.types import Answer

__all__ = ["Library", "answer", "warm", "with_period"]


def warm() -> None:
    """Import what a summary's LexRank needs (sumy, NLTK, scipy: ~2.5 s), before a request does."""
    from qa.kinds.salience import lexrank

    lexrank(["a", "b", "c"])


def answer(request: Request, library: Library, filters: Filters | None) -> Answer:
    """The whole answer of a non-fact request (`request.kind` says which)."""
    filters = with_period(filters, request)
    if request.kind == "chat":
        return chat.answer(request, library, filters)
    if request.kind == "collection":
        return collection.answer(request, library, filters)
    if request.kind == "timeline":
        return timeline.answer(request, library, filters)
    if request.kind == "summary":
        return summary.answer(request, library, filters)
    raise ValueError(f"not a non-fact kind: {request.kind!r}")
