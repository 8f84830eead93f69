"""Timelines: the articles on a topic in date order, one dated item per article with the
sentence that says what is new in it compared with the earlier ones, each cited."""

from __future__ import annotations

import re

import numpy as np

from qa.kinds.common import in_period, Library, cited, citations_for, finish, md, when
from qa.kinds.salience import background, figures, lead_index, rate, shared, stems
from qa.planner import Request, fold
from qa.retrieval import Filters
from qa.types import Answer

MAX_ITEMS = 10
# What is new: about the topic, central to its own article, near its start, and made of
# words the earlier articles did not use. On LexRank's 0..1 scale a sentence whose words
# all appeared before loses as much as the best sentence's centrality.
_TOPIC_WEIGHT = 1.0
_NOVELTY_WEIGHT = 1.0
# The lead sentence says what happened: it is the item unless another tells more news.
_EVENT_LEAD = 0.3
# A story followed by one quantity ("how did the price change") takes the sentences that
# give it, whatever else they say: twice the best sentence's centrality. The words are
# the language's for money and for shares, and how a sentence writes an amount of either.
_MEASURE_WEIGHT = 2.0
_MEASURES = (
    (re.compile(r"\b(ar|ara|arat|arak|aranak|koltseg\w*|osszeg\w*|tamogatas\w*|bevetel\w*|nyereseg\w*|mennyibe\w*|"
                r"prices?|costs?|amount|revenue|profit|funding)\b"),
     re.compile(r"\d(?:[\d,.]|\s\d)*\s*(?:ezer |millio |milliard )?(?:forint|ft\b|euro|eur\b|dollar|usd|\$|€)")),
    (re.compile(r"\b(szazalek\w*|arany\w*|reszesedes\w*|share|percent\w*)\b"), re.compile(r"\d\s*(?:%|szazalek|percent)")),
)


def measured(topic: str) -> re.Pattern | None:
    """How a sentence writes the quantity the topic follows, None when it follows none."""
    folded = fold(topic)
    return next((sentence for asked, sentence in _MEASURES if asked.search(folded)), None)


HEAD = {
    "hu": "**Időrend: {n} cikk, {first} – {last}**{period}",
    "en": "**Timeline: {n} articles, {first} – {last}**{period}",
}
NOTHING = {
    "hu": "Nem találtam cikket erről a témáról{period}, ezért nincs miből időrendet készítenem.",
    "en": "I found no article on this topic{period}, so there is no timeline to give.",
}
ONE = {
    "hu": "Erről a témáról egyetlen cikk szól, így az időrend egy elemből áll.",
    "en": "Only one article covers this topic, so the timeline has one item.",
}


def answer(request: Request, library: Library, filters: Filters | None) -> Answer:
    lang = request.language
    period = in_period(request)
    if request.topic.strip():
        found = [a for a, _ in library.on_topic(request, filters, limit=MAX_ITEMS)]
    else:
        found = library.articles(filters)[-MAX_ITEMS:]
    if not found:
        return finish(request, NOTHING[lang].format(period=period), refused=True)
    topic = stems(request.topic)
    # The whole request, not its topic: "a kár összege" loses "összege" to the request words.
    measure = measured(request.standalone)
    chosen, seen = [], frozenset()
    common = background([library.stems(a) for a in found])
    for article in sorted(found, key=lambda a: (a.published_int, a.article_id)):
        sentences = library.sentences(article)
        if not sentences:
            continue
        # New is what the earlier articles did not say, the story's own words left aside.
        bags = [stems(s.text) for s in sentences]
        score = rate(sentences)
        score[lead_index(sentences)] += _EVENT_LEAD
        if measure is not None:
            score += _MEASURE_WEIGHT * np.array([bool(measure.search(fold(s.text))) for s in sentences])
        score += [_TOPIC_WEIGHT * shared(topic, b) - (_NOVELTY_WEIGHT * shared(b - common, seen) if seen else 0.0) for b in bags]
        chosen.append([sentences[int(score.argmax())]])
        if not figures(chosen[-1][0].text):
            # An event without its figure ("ég az erdő" without "300 hektáron", "lemondott"
            # without who follows): the article's best sentence that gives one joins the item.
            counted = [i for i, s in enumerate(sentences) if figures(s.text)]
            if counted:
                chosen[-1] = sorted(chosen[-1] + [sentences[max(counted, key=lambda i: score[i])]], key=lambda s: s.position)
        seen = seen.union(*bags) - common
    items = chosen
    chosen = [s for item in items for s in item]
    markers, citations = citations_for(chosen)
    lines = [
        HEAD[lang].format(
            n=len(items), first=when(chosen[0].article.published, lang), last=when(chosen[-1].article.published, lang), period=period
        ),
        "",
    ]
    i = 0
    for item in items:
        said = " ".join(cited(md(s.text), markers[i + j]) for j, s in enumerate(item))
        i += len(item)
        lines.append(f"- **{when(item[0].article.published, lang)}** — {said} *({md(item[0].article.title)})*")
    if len(items) == 1:
        lines += ["", ONE[lang]]
    return finish(request, "\n".join(lines), citations)
