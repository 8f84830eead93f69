"""Where a fact question's answer is looked for: the first search, then two second tries.

A follow-up is also asked of the article the last answer quoted, and a question whose date
words found nothing in their period is asked of the whole store, since those words may date
the event rather than the article that tells it. `Assistant.stream` turns what is found into
an answer or a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from qa.event_dates import dated_in, months_asked
from qa.followups import conversation_article
from qa.planner import Request
from qa.retrieval import Filters
from qa.text import fold
from qa.types import Turn

# Asking how things stand now or ended ("Végül mennyibe került…", "Ki a jelenlegi vezető?",
# "What pay rise did they finally get?"), or how they began ("Eredetileg mennyibe került
# volna…"): a story's figures change from article to article, and the answer is its newest
# (or oldest) article's. Each language's own words, read on the question without its names
# ("Kovács Mara" is no "mára"): English "most" is no "now", "the now-closed yard" asks no
# ending, "final" alone is a match ("in the final"), "végül is" is "after all", "elsőként"
# the first of a field and "az eredeti helyére" a place.
_LATEST = {"hu": re.compile(r"\b(vegul(?! is\b)|vegso|vegleges\w*|most|mostani\w*|jelenleg\w*|mostanra|mara|napjainkban|legfrissebb\w*|legujabb\w*)\b"),
           "en": re.compile(r"\b(currently|current|now(?!-)|finally|in the end|eventually|ultimately|latest|most recent)\b")}
_EARLIEST = {"hu": re.compile(r"\b(eredetileg|eredeti (terv|becsl|hatarid|koltseg|osszeg|elkepzel|datum|idopont|ar\b)\w*|kezdetben|eleinte|"
                              # what was expected before it happened ("hány nézőre számítottak", "hány párost vártak")
                              r"szamitottak|vartak)\b"),
             "en": re.compile(r"\b(originally|original|initially|at first|at the outset)\b")}


def in_order(question: str, language: str) -> int:
    """1 where the question asks how things stand now or ended, -1 how they began, else 0."""
    unnamed = fold(" ".join(w for i, w in enumerate(question.split()) if i == 0 or not w[:1].isupper()))
    return 1 if _LATEST[language].search(unnamed) else -1 if _EARLIEST[language].search(unnamed) else 0


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
    - a question of how things ended or began is answered from the story's newest or oldest
      article where that can answer it (`_in_order`);
    - else a follow-up is asked of the article the last answer quoted, where that can answer it:
      after the verdict, "És mennyibe kerül így a park?" asks the verdict's figure;
    - a question of months that found nothing is searched within the `asked_filters` alone,
      and an answer there kept where its sentence dates the event in the period asked
      (`qa.event_dates`)."""
    found = search(request, filters, candidates, chooser)
    if when := in_order(request.question, request.language):
        # asked how it ended or began: the story's newest (oldest) article, not the one the
        # conversation quoted ("És végül mennyibe került?" after February's estimate)
        found = _in_order(request, filters, candidates, chooser, found, when > 0)
    elif turns and request.standalone != request.question and found.hits:
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


def _in_order(request: Request, filters: Filters | None, candidates: Callable, chooser, found: Found, latest: bool) -> Found:
    """Where the question asks how things stand now or ended (`latest`) or how they began, and
    the candidates meeting all it asks (names, kind of answer, unit) come from several dated
    articles: the answer of the newest (oldest) of those articles, where that article gives one;
    otherwise what was found. All 1,213 dev fact questions: +4 right, -1 ("Ki most a …
    vezérigazgatója?" is answered from the newest article naming another man); refusing where
    that article gave no answer turned six wrong answers into refusals but lost two right ones."""
    fitting = [c for c in found.rated if c.features.get("constraints") == 1.0]
    dated = {c.sentence.hit.passage.article_id: c.sentence.hit.passage.published_int for c in fitting if c.sentence.hit.passage.published_int}
    if len(dated) < 2:
        return found
    target = (max if latest else min)(dated, key=dated.get)
    if found.chosen and found.chosen[0].sentence.hit.passage.article_id == target:
        return found
    own = search(request, replace(filters or Filters(), article_ids=(target,)), candidates, chooser)
    return own if own.chosen else found
