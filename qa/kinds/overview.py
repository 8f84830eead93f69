"""A summary of the whole collection (or of a period): its stories, not its newest articles.

"Foglald össze a cikkeket!" over thirty articles is asked for what the collection is
about. The articles are grouped into stories (`stories.storylines`), the stories with most
articles come first, and each shown story gives its key sentences under its newest
article's title: one story of five articles no longer takes five places while a story told
once is left out. The stories beyond the budget are listed by title.
"""

from __future__ import annotations

from typing import Sequence

from index import Article
from qa.kinds.common import Library, Sentence, cited, citations_for, md, when
from qa.kinds.salience import news_facts, units
from qa.kinds.stories import own_stories, storylines
from qa.kinds.summary import BRIEF_SENTENCES, HEAD, STORY_CAP, TOPIC_BUDGET, listed, pick, story, story_articles

# The newest articles a collection's summary groups into stories (see `groups`).
MAX_READ = 150
SPAN = {"hu": "{n} cikk, {first} – {last}", "en": "{n} articles, {first} – {last}"}


def quotas(stories: int, budget: int, cap: int = STORY_CAP) -> list[int]:
    """Sentences per shown story (stories in rank order): one each for the first `budget`,
    then what is left one at a time in rank order, each story taking up to `cap` (a story of
    several articles spreads its share over them)."""
    shown = range(min(stories, budget))
    given = [1] * len(shown)
    while sum(given) < budget:
        grew = False
        for i in range(len(shown)):
            if sum(given) < budget and given[i] < cap:
                given[i] += 1
                grew = True
        if not grew:
            break
    return given


def groups(library: Library, articles: Sequence[Article], brief: bool, budget: int = TOPIC_BUDGET) -> list[tuple[list[Article], list[Sentence]]]:
    """(story's articles newest first, its chosen sentences oldest first) for each shown story:
    as many stories as a story's summary gives sentences, or as a brief summary gives."""
    budget = BRIEF_SENTENCES if brief else budget
    # Grouping compares every pair of articles (150 make ~11,000 pairs, a few tenths of a
    # second): an archive's overview reads its newest ones, the rest counted under it. An
    # article with no quotable sentence has nothing to show. Words are weighed over the
    # whole collection (its newest MAX_READ), whatever period the request names.
    readable = [a for a in articles[:MAX_READ] if library.sentences(a)]
    population = newest(library)
    # An article that only mentions a story is not its newest news: it is told as its own.
    stories = own_stories(library, storylines(library, readable, population), population)
    out, told, known = [], [], frozenset()
    for arts, k in zip(stories, quotas(len(stories), budget)):
        if k == 1:
            # One sentence of a story: its newest article's lead, as a news digest gives it
            # (who, what, where; the most telling sentence is often a detail).
            chosen = library.sentences(arts[0])[:1]
        elif len(arts) == 1:
            chosen = pick(library, arts[0], k, told=told, known=known)
        else:
            chosen = [s for _, sentences in story(library, story_articles(arts, k), k, frozenset(), cap=k) for s in sentences]
        told += [units(s.text) for s in chosen]
        known = known.union(*(news_facts(s.text) for s in chosen))
        out.append((arts, chosen))
    return out


def newest(library: Library) -> list[Article]:
    """The collection's newest MAX_READ articles: the population a story's words are weighed over."""
    return sorted(library.articles(), key=lambda a: a.published_int, reverse=True)[:MAX_READ]


def render(shown: Sequence[tuple[list[Article], list[Sentence]]], articles: Sequence[Article], lang: str, period: str):
    """(Markdown, citations): a heading per story, its span or date, its sentences cited."""
    chosen = [s for _, sentences in shown for s in sentences]
    markers, citations = citations_for(chosen)
    lines = [f"**{HEAD[lang]['all'].format(n=len(articles))}**{period}", ""]
    i = 0
    for arts, sentences in shown:
        lines.append(f"### {md(arts[0].title)}")
        if len(arts) == 1:
            lines += [f"*{when(arts[0].published, lang)}*", ""]
        else:
            lines += [f"*{SPAN[lang].format(n=len(arts), first=when(arts[-1].published, lang), last=when(arts[0].published, lang))}*", ""]
        for s in sentences:
            dated = f"*{when(s.article.published, lang)}:* " if len(arts) > 1 else ""
            lines.append(f"- {dated}{cited(md(s.text), markers[i])}")
            i += 1
        lines.append("")
    seen = {a.article_id for arts, _ in shown for a in arts}
    lines += listed([a for a in articles if a.article_id not in seen], lang)
    return "\n".join(lines).strip(), citations
