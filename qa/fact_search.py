"""Where a fact question's answer is looked for: the first search, then two second tries.

A follow-up is also asked of the article the last answer quoted, and a question whose date
words found nothing in their period is asked of the whole store, since those words may date
the event rather than the article that tells it. `Assistant.stream` turns what is found into
an answer or a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence

from qa.event_dates import dated_in, months_asked
from qa.followups import conversation_article
from qa.planner import Request
from qa.retrieval import Filters
from qa.types import Turn


@dataclass(frozen=True)
class Found:
    """One search's passages, their sentences ranked and rated, and the chooser's pick."""

    hits: list
    ranked: list
    rated: list
    chosen: list
    confidence: float


def search(request: Request, filters: Filters | None, candidates: Callable, chooser) -> Found:
    """The passages `candidates` retrieves within `filters`, and what the chooser makes of them."""
    focus = request.question if request.standalone != request.question else None
    hits, ranked = candidates(request, filters)
    rated = chooser.rate(request.standalone, ranked, focus)
    chosen, confidence = chooser.pick(rated)
    return Found(hits, ranked, rated, chosen, confidence)


def find(
    request: Request,
    filters: Filters | None,
    asked_filters: Filters | None,
    turns: Sequence[Turn],
    candidates: Callable,
    chooser,
    article_text: Callable,
) -> Found:
    """The search within `filters` (the asked ones narrowed to the request's period), then:
    - a follow-up is asked of the article the last answer quoted, where that can answer it:
      after the verdict, "És mennyibe kerül így a park?" asks the verdict's figure;
    - a question of months that found nothing is searched within the `asked_filters` alone,
      and an answer there kept where its sentence dates the event in the period asked
      (`qa.event_dates`)."""
    found = search(request, filters, candidates, chooser)
    if turns and request.standalone != request.question and found.hits:
        last = next((t.content for t in reversed(turns) if t.role == "assistant"), "")
        by_id = {h.passage.article_id: h for h in found.hits}
        on = conversation_article(last, list(by_id), lambda a: article_text(by_id[a]))
        if on and (not found.chosen or found.chosen[0].sentence.hit.passage.article_id != on):
            own = search(request, replace(filters or Filters(), article_ids=(on,)), candidates, chooser)
            if own.chosen:
                found = own
    if not found.chosen and request.period is not None and months_asked(request.period):
        wider = search(request, asked_filters, candidates, chooser)
        if wider.chosen and dated_in(wider.chosen[0].sentence.text, request.period, wider.chosen[0].sentence.hit.passage.published_int):
            found = wider
    return found
