"""Timelines: the articles on a topic in date order, one dated item per article with the
sentence that says what is new in it compared with the earlier ones, each cited."""

from __future__ import annotations

from qa.kinds.common import in_period, Library, cited, citations_for, finish, md, when
from qa.kinds.salience import lexrank, shared, specificity, stems
from qa.planner import Request
from qa.retrieval import Filters
from qa.types import Answer

MAX_ITEMS = 10
# What is new: about the topic, central to its own article, near its start, and made of
# words the earlier articles did not use. On LexRank's 0..1 scale a sentence whose words
# all appeared before loses as much as the best sentence's centrality.
_TOPIC_WEIGHT = 1.0
_NOVELTY_WEIGHT = 1.0
_LEAD_BONUS = (0.35, 0.15)

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
    chosen, seen = [], frozenset()
    for article in sorted(found, key=lambda a: (a.published_int, a.article_id)):
        sentences = library.sentences(article)
        if not sentences:
            continue
        bags = [stems(s.text) for s in sentences]
        score = lexrank([s.text for s in sentences]) + [specificity(s.text) for s in sentences]
        for i, bonus in enumerate(_LEAD_BONUS[: len(score)]):
            score[i] += bonus
        score += [_TOPIC_WEIGHT * shared(topic, b) - (_NOVELTY_WEIGHT * shared(b, seen) if seen else 0.0) for b in bags]
        chosen.append(sentences[int(score.argmax())])
        seen = seen.union(*bags)
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
