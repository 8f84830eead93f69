"""Summaries: the key sentences of one article, of the articles on a topic, or of the
whole collection, grouped per article under its title and date, each one cited.

A sentence is chosen for being central to its article (LexRank), near its start (news
puts the who/what/when first), about the topic if one was named, and unlike the
sentences already chosen (maximal marginal relevance, by shared content words).
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from index import Article
from qa.kinds.common import in_period, Library, Sentence, cited, citations_for, finish, md, when
from qa.kinds.salience import lexrank, shared, specificity, stems
from qa.planner import Request, fold
from qa.retrieval import Filters
from qa.types import Answer

MAX_SENTENCES = 7
BRIEF_SENTENCES = 3
MAX_ARTICLES = 6
# Weights on a 0..1 LexRank scale: the lead sentence gets a third of the best sentence's
# centrality, a sentence holding every topic word as much as the best sentence, and a
# sentence repeating half the words of one already chosen loses half a best sentence.
_LEAD_BONUS = (0.35, 0.15)
_TOPIC_WEIGHT = 1.0
_REDUNDANCY = 1.0
# "ezt a cikket", "the article": one article; "a cikkeket", "articles": several.
_ONE_ARTICLE = re.compile(r"\b(cikket|cikk|cikkrol|cikkben|irast|iras|hirt|article|story)\b")

HEAD = {
    "hu": {"one": "Összefoglaló: {title}", "topic": "Összefoglaló {n} cikk alapján", "all": "A gyűjtemény {n} cikkének összefoglalója"},
    "en": {"one": "Summary: {title}", "topic": "Summary of {n} articles", "all": "Summary of the collection's {n} articles"},
}
REST = {"hu": "…és még {n} cikk: {titles}.", "en": "…and {n} more articles: {titles}."}
NOTHING = {
    "hu": "Nem találtam cikket erről a témáról{period}, ezért nincs mit összefoglalnom.",
    "en": "I found no article on this topic{period}, so there is nothing to summarise.",
}


def pick(library: Library, article: Article, k: int, topic: frozenset[str] = frozenset()) -> list[Sentence]:
    """The article's k key sentences, in the article's order."""
    sentences = library.sentences(article)
    if len(sentences) <= k:
        return sentences
    bags = [stems(s.text) for s in sentences]
    relevance = lexrank([s.text for s in sentences]) + np.array([specificity(s.text) for s in sentences])
    for i, bonus in enumerate(_LEAD_BONUS[: len(relevance)]):
        relevance[i] += bonus
    if topic:
        relevance += _TOPIC_WEIGHT * np.array([shared(topic, b) for b in bags])
    chosen: list[int] = []
    while len(chosen) < k:
        score = [
            -np.inf if i in chosen else relevance[i] - _REDUNDANCY * max((shared(bags[i], bags[j]) for j in chosen), default=0.0)
            for i in range(len(sentences))
        ]
        chosen.append(int(np.argmax(score)))
    return [sentences[i] for i in sorted(chosen)]


def scope(library: Library, request: Request, filters: Filters | None) -> tuple[str, list[Article]]:
    """("one" | "topic" | "all", the articles to summarise, newest first for topic and all)."""
    if not request.topic.strip():
        return "all", sorted(library.articles(filters), key=lambda a: a.published_int, reverse=True)
    found = [a for a, _ in library.on_topic(request, filters)]
    if not found:
        return "topic", []
    if _ONE_ARTICLE.search(fold(request.question)) or len(found) == 1:
        return "one", found[:1]
    return "topic", sorted(found[:MAX_ARTICLES], key=lambda a: a.published_int, reverse=True)


def answer(request: Request, library: Library, filters: Filters | None) -> Answer:
    mode, articles = scope(library, request, filters)
    lang = request.language
    period = in_period(request)
    if not articles:
        return finish(request, NOTHING[lang].format(period=period), refused=True)
    budget = BRIEF_SENTENCES if request.brief else MAX_SENTENCES
    shown = articles[:MAX_ARTICLES] if mode != "one" else articles
    if mode == "one":
        per_article = budget if request.brief else 5
    else:
        per_article = max(1, min(3, budget // len(shown)))
    topic = stems(request.topic) if mode == "topic" else frozenset()
    # Articles take their sentences in turn until the budget is spent; later ones are
    # not rated at all (they are listed by title under the summary).
    groups, room = [], budget
    for article in shown:
        if room <= 0:
            break
        sentences = pick(library, article, per_article, topic)[:room]
        groups.append((article, sentences))
        room -= len(sentences)
    return finish(request, *render(mode, groups, articles, lang, period))


def render(mode: str, groups: Sequence[tuple[Article, Sequence[Sentence]]], articles: Sequence[Article], lang: str, period: str):
    chosen = [s for _, sentences in groups for s in sentences]
    markers, citations = citations_for(chosen)
    head = HEAD[lang][mode].format(n=len(articles), title=md(groups[0][0].title))
    lines = [f"**{head}**{period}", ""]
    i = 0
    for article, sentences in groups:
        if mode != "one":
            lines += [f"### {md(article.title)}", f"*{when(article.published, lang)}*", ""]
        for s in sentences:
            lines.append(f"- {cited(md(s.text), markers[i])}")
            i += 1
        lines.append("")
    rest = [a for a in articles if a not in [g[0] for g in groups]]
    if rest:
        titles = "; ".join(f"„{md(a.title)}” ({when(a.published, lang)})" for a in rest[:5])
        lines.append(REST[lang].format(n=len(rest), titles=titles + (" …" if len(rest) > 5 else "")))
    return "\n".join(lines).strip(), citations
