"""Timelines: the articles on a topic in date order, one dated item per article with the
sentence that says what is new in it compared with the earlier ones, each cited."""

from __future__ import annotations

import numpy as np

from qa.kinds.common import Library, cited, citations_for, finish, md, when
from qa.planner import Request
from qa.retrieval import Filters
from qa.types import Answer

MAX_ITEMS = 10
# What is new: close to the topic and to its own article, far from what earlier articles
# already said. Cosines between sentences of one story sit in ~0.8-0.9, so a weight of
# 0.6 on the overlap with earlier articles outranks a sentence that merely repeats them.
_TOPIC_WEIGHT = 0.5
_NOVELTY_WEIGHT = 0.6
_LEAD_BONUS = (0.02, 0.01)

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


def answer(request: Request, library: Library, filters: Filters | None, topic_vector: np.ndarray | None) -> Answer:
    lang = request.language
    period = f" ({request.period.label_hu if lang == 'hu' else request.period.label_en})" if request.period else ""
    if request.topic.strip():
        found = [a for a, _ in library.on_topic(request, filters, limit=MAX_ITEMS)]
    else:
        found = library.articles(filters)[-MAX_ITEMS:]
    if not found:
        return finish(request, NOTHING[lang].format(period=period), refused=True)
    ordered = sorted(found, key=lambda a: (a.published_int, a.article_id))
    chosen, seen = [], np.zeros((0, 0), dtype=np.float32)
    for article in ordered:
        sentences = library.sentences(article)
        if not sentences:
            continue
        vectors = library.vectors(sentences)
        centroid = vectors.mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        score = (1 - _TOPIC_WEIGHT) * (vectors @ centroid)
        if topic_vector is not None:
            score += _TOPIC_WEIGHT * (vectors @ topic_vector)
        else:
            score += _TOPIC_WEIGHT * (vectors @ centroid)
        if seen.size:
            score -= _NOVELTY_WEIGHT * (vectors @ seen.T).max(axis=1)
        for i, bonus in enumerate(_LEAD_BONUS[: len(score)]):
            score[i] += bonus
        best = int(np.argmax(score))
        chosen.append(sentences[best])
        seen = vectors if not seen.size else np.vstack([seen, vectors])
    markers, citations = citations_for(chosen)
    lines = [
        HEAD[lang].format(
            n=len(chosen), first=when(chosen[0].article.published, lang), last=when(chosen[-1].article.published, lang), period=period
        ),
        "",
    ]
    for i, s in enumerate(chosen):
        lines.append(f"- **{when(s.article.published, lang)}** — {cited(md(s.text), markers[i])} *({md(s.article.title)})*")
    if len(chosen) == 1:
        lines += ["", ONE[lang]]
    return finish(request, "\n".join(lines), citations)
