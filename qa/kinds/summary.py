"""Summaries: the key sentences of one article or of the articles on a topic, grouped per
article under its title and date, each one cited; the whole collection's, by its stories,
in `qa.kinds.overview`; which articles a request asks about, in `qa.kinds.summary_scope`.

A sentence is chosen for being central to its article (LexRank), for its numbers and
names, for its place (the lead paragraph, a paragraph's first sentence: news puts the
who/what/when first), about the topic if one was named, and unlike the sentences already
chosen (maximal marginal relevance, by shared content words and numbers), and for the
figures it gives that the summary has not given yet. LexRank beat an e5 centroid with
e5 MMR on the dev requests (key-fact recall 0.75 against 0.66; measured again over all
five dev request sets, with new figures counted and before the two-article cap:
LexRank 198, e5 centroid 189, e5 centroid and e5 MMR (one article) 182 of 230 key
facts) and needs no sentence embeddings. A story's articles are read oldest first, so
that a later article gives what it adds; the budget is spread over them, the newest
taking the rest.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from index import Article
from qa.kinds import person
from qa.kinds.compare import COMPARE, PARALLEL_WEIGHT, compared, measures
from qa.kinds.common import in_period, Library, Sentence, cited, citations_for, completed, finish, md, when
from qa.kinds.salience import article_year, background, figures, in_passing, news_facts, rate, shared, stems, topic_news, units
from qa.kinds.absence import elsewhere
from qa.kinds.running import moving
from qa.kinds.summary_scope import scope
from qa.planner import Request, fold
from qa.retrieval import Filters
from qa.types import Answer

MAX_SENTENCES = 7
BRIEF_SENTENCES = 3
# Sentences from the one article asked about: five lost a key fact in ~1 of 10 requests
# (dev sets' summaries: 195 -> 198 of 230 key facts with six; seven gave no more).
ONE_ARTICLE = 6
# A story of several articles gives about two sentences each: with seven in all, a
# five-article story had one or two from each, and an article's second fact was lost
# (194 -> 198 of 230 with ten; two articles may give five each: 198 -> 200).
TOPIC_BUDGET = 10
STORY_CAP = 3
# A long report tells more: one more sentence for each 15 sentences after its first, up to
# MAX_SENTENCES (an 18-paragraph report of 27 sentences gives 7).
_LONG = 15
# Weights on a 0..1 LexRank scale: a sentence holding every topic word gains as much as
# the best sentence's centrality, and one repeating half the words and numbers of one
# already chosen (here or from an earlier article) loses half of it.
_TOPIC_WEIGHT = 1.0
_REDUNDANCY = 1.0
# In a story, each sentence already taken from an article costs its next one about a third
# of the best sentence's centrality: the first article, which repeats nothing, does not
# take the whole budget.
_TAKEN = 0.35
# A summary is read for its figures: each (up to four) adds a tenth of the best sentence's
# centrality to what `rate` gives it, a fifth in all. A long report's LexRank is flat, and
# its figures ("690 párt", "1,9 fiókát") lost to short general sentences. Measured on the
# dev sets' summary key facts, with _TAKEN 0.25 -> 0.35 and the long-article budget:
# dev 24 -> 25 of 32, dev2 38 -> 39 of 54, dev3 47 -> 49 of 59, dev4 40 -> 42 of 57.
_FIGURE_WEIGHT = 0.1
# Each figure a sentence gives that the summary has not given yet (up to three) adds a fifth of
# the best sentence's centrality: a sentence that adds new figures beats one that repeats them.
# Measured on all the dev sets' summary requests together: 187 -> 192 of 230 key facts.
_NEW_FACT = 0.2
_MAX_NEW = 3
# A summary of what the articles say of a person ("Mit írnak a cikkek Horváth Zsoltról?") takes
# what they tell of them (`person.nearness`) before the story's other facts: half the best
# sentence's centrality for a sentence beside one naming them, all of it for one naming them.
_PERSON_WEIGHT = 1.0
# A story's sentence giving a new value of the count or sum it follows, on the same scale.
_MOVING_WEIGHT = 0.3
# Words a comparison's twin sentences share beyond the measure and its scale ("millió").
_TWIN = 2
_SCALE = frozenset(("ezer", "mill", "milli"))
HEAD = {
    "hu": {"one": "Összefoglaló: {title}", "topic": "Összefoglaló {n} cikk alapján", "all": "A gyűjtemény {n} cikkének összefoglalója"},
    "en": {"one": "Summary: {title}", "topic": "Summary of {n} articles", "all": "Summary of the collection's {n} articles"},
}
REST = {"hu": "…és még {n} cikk: {titles}.", "en": "…and {n} more articles: {titles}."}
NOTHING = {
    "hu": "Nem találtam cikket erről a témáról{period}, ezért nincs mit összefoglalnom.",
    "en": "I found no article on this topic{period}, so there is nothing to summarise.",
}


def pick(library: Library, article: Article, k: int, told: Sequence[frozenset[str]] = (), known: frozenset[str] = frozenset(),
         people: frozenset[str] = frozenset()) -> list[Sentence]:
    """The article's k key sentences, in the article's order, each unlike those chosen
    before it here and in `told` (what the summary took from other articles), and giving
    figures beyond those `known` (given there; names are left out, see `news_facts`); what
    it tells of the `people` (surnames) the request names first."""
    sentences = library.sentences(article)
    if len(sentences) <= k and not told:
        return sentences
    bags = [units(s.text) for s in sentences]
    # a year before the article's is its background, no figure the summary gives
    year = article_year(sentences[0])
    news = [news_facts(s.text, year) for s in sentences]
    relevance = telling(sentences) + _PERSON_WEIGHT * (person.nearness(sentences, people) if people else 0.0)
    chosen: list[int] = []
    while len(chosen) < min(k, len(sentences)):
        given = known.union(*(news[j] for j in chosen))
        chosen.append(_most_telling(relevance, bags, chosen, [bags[j] for j in chosen] + list(told), news, given)[1])
    return [sentences[i] for i in sorted(chosen)]


def telling(sentences: Sequence[Sentence]) -> np.ndarray:
    """How much each of an article's sentences tells a summary's reader: `rate`, and its figures."""
    if not sentences:
        return np.zeros(0)
    year = article_year(sentences[0])
    # A long report's LexRank is flat and favours its short general sentences, and the places
    # it names in passing outrank its figures: past _LONG sentences its LexRank weighs _LONG/n
    # (two thirds for 23 sentences, about half for 27) and a name written once counts for nothing.
    centrality = min(1.0, _LONG / len(sentences))
    passing = in_passing(sentences, sentences[0].article.title) if len(sentences) > _LONG else frozenset()
    return rate(sentences, passing, centrality) + _FIGURE_WEIGHT * np.array([figures(s.text, year) for s in sentences])


def _most_telling(relevance, bags: Sequence[frozenset[str]], chosen: Sequence[int], told: Sequence[frozenset[str]],
                  news: Sequence[frozenset[str]] = (), known: frozenset[str] = frozenset()) -> tuple[float, int]:
    """(score, index) of the sentence not yet `chosen` that tells most beside what is
    `told` (maximal marginal relevance: its relevance less its likeness to the closest),
    each of its `news` facts not `known` yet (up to _MAX_NEW) adding _NEW_FACT."""
    score = [
        -np.inf if i in chosen else relevance[i] - _REDUNDANCY * max((shared(bags[i], b) for b in told), default=0.0)
        + (_NEW_FACT * min(_MAX_NEW, len(news[i] - known)) if news else 0.0)
        for i in range(len(bags))
    ]
    return float(max(score)), int(np.argmax(score))


def story(library: Library, articles: Sequence[Article], budget: int, topic: frozenset[str], cap: int = STORY_CAP,
          parallel: frozenset[str] = frozenset(), people: frozenset[str] = frozenset()) -> list[tuple[Article, list[Sentence]]]:
    """A story's key sentences, oldest article first: each article's best one, read after
    the earlier ones, then the best of what is left wherever it stands. A story's first
    article tells who, what and how much, its last how it ended, and a middle one may only
    restate them: the sentences go where the news is, not in even shares."""
    common = background([library.stems(a) for a in articles])
    topic = topic_news(topic, [library.folded_words(a) for a in articles]) if topic else topic
    pools = []
    ordered = sorted(articles, key=lambda a: (a.published_int, a.article_id))
    # One story's figures move (3,2, then 4,1, then 4,35 milliárd); two towns' merely differ.
    one_story = not parallel and bool(frozenset.intersection(*(library.name_keys(a) for a in ordered))) if ordered else False
    moves = moving([[s.text for s in library.sentences(a)] for a in ordered]) if one_story else [[] for _ in ordered]
    for article, moved in zip(ordered, moves):
        sentences = library.sentences(article)
        # What a sentence tells beyond the story's own words, which every article repeats:
        # for telling repeats apart, and for the topic (its words that are not the story's
        # name, as "szakértő" in "a szakértő a vízmű-perben").
        bags = [units(s.text) - common for s in sentences]
        relevance = telling(sentences) + _TOPIC_WEIGHT * np.array([shared(topic, b) for b in bags]) if sentences else np.zeros(0)
        if parallel and sentences:
            # a comparison's facts that two sides or more give: "9500 jármű" beside "6200 jármű"
            relevance = relevance + PARALLEL_WEIGHT * np.array([bool(measures(s.text) & parallel) for s in sentences])
        if people and sentences:
            relevance = relevance + _PERSON_WEIGHT * person.nearness(sentences, people)
        if any(moved):
            # where the story's count or sum moves (`running.moving`): its news
            relevance = relevance + _MOVING_WEIGHT * np.array(moved, dtype=float)
        year = article_year(sentences[0]) if sentences else 0
        pools.append((article, sentences, bags, relevance, [news_facts(s.text, year) for s in sentences]))
    chosen: list[list[int]] = [[] for _ in pools]
    told: list[frozenset[str]] = []
    known: set[str] = set()

    def best(i: int) -> tuple[float, int]:
        _, sentences, bags, relevance, news = pools[i]
        if len(chosen[i]) >= min(cap, len(sentences)):
            return -np.inf, -1
        if parallel:
            relevance = relevance + PARALLEL_WEIGHT * twins(i)
        score, j = _most_telling(relevance, bags, chosen[i], told, news, frozenset(known))
        return score - _TAKEN * len(chosen[i]), j

    def twins(i: int) -> np.ndarray:
        # A compared side's sentence giving what another side's chosen one gives, told in the same
        # words beside the figure and what it measures ("A beruházás 142 millió forintba került"
        # beside "A beruházás 186 millió forintba került"), gains as a shared measure does. Every
        # dev summary but dev30's and dev32's: key facts 1086 -> 1088 of 1302 (+4, -2).
        _, sentences, *_ = pools[i]
        # Not one restating the other side's figure ("A szomszédos Eleken átadott pálya 186 millió
        # forintba került" in Kétegyháza's article): a twin gives a figure of its own.
        given = [(measures(t := pools[k][1][j].text), stems(t), news_facts(t)) for k in range(len(pools)) if k != i for j in chosen[k]]
        return np.array([any((m & (own := measures(s.text))) and len((stems(s.text) & b) - m - own - _SCALE) >= _TWIN and news_facts(s.text) - f
                             for m, b, f in given) for s in sentences], dtype=float)

    def take(i: int, j: int) -> None:
        chosen[i].append(j)
        told.append(pools[i][2][j])
        known.update(pools[i][4][j])

    for i in range(len(pools)):
        if (found := best(i))[1] >= 0:
            take(i, found[1])
    while sum(map(len, chosen)) < budget:
        _, j, i = max((best(i) + (i,) for i in range(len(pools))), key=lambda x: x[0])
        if j < 0:
            break
        take(i, j)
    return [(a, [sentences[j] for j in sorted(chosen[i])]) for i, (a, sentences, *_) in enumerate(pools) if chosen[i]]


def story_budget(n_articles: int) -> tuple[int, int]:
    """(sentences in all, the most from one article) for a story of n articles not asked in
    brief: TOPIC_BUDGET, each article giving up to its even share of it and at least
    STORY_CAP (two articles give up to five each, five articles up to three)."""
    return TOPIC_BUDGET, max(STORY_CAP, TOPIC_BUDGET // max(1, n_articles))


def one_article_budget(n_sentences: int) -> int:
    """How many sentences a summary of one article of n sentences gives (not asked in brief)."""
    return min(MAX_SENTENCES, ONE_ARTICLE + max(0, n_sentences - 1) // _LONG)


def story_articles(articles: Sequence[Article], budget: int) -> list[Article]:
    """The articles (newest first) a story's summary reads: all of them when the budget
    allows, else the newest and the first (how it began: who, what, how much)."""
    return list(articles) if len(articles) <= budget else list(articles[: budget - 1]) + list(articles[-1:])


def answer(request: Request, library: Library, filters: Filters | None) -> Answer:
    mode, articles = scope(library, request, filters)
    lang = request.language
    period = in_period(request)
    if not articles:
        return finish(request, NOTHING[lang].format(period=period) + elsewhere(library, request, filters, lang), refused=True)
    budget = BRIEF_SENTENCES if request.brief else MAX_SENTENCES
    if mode == "one":
        k = budget if request.brief else one_article_budget(len(library.sentences(articles[0])))
        chosen = pick(library, articles[0], k, people=person.of_topic(request.standalone))
        if not request.brief and k < MAX_SENTENCES:
            # a brief summary keeps to its three sentences
            chosen = person.with_someone(library.sentences(articles[0]), chosen, telling)
        return finish(request, *render(mode, whole(library, [(articles[0], chosen)]), articles, lang, period))
    # The articles beyond the budget are not rated at all (they are listed by title under
    # the summary).
    if mode == "topic":
        shown = story_articles(articles, budget)
        total, cap = (budget, STORY_CAP) if request.brief else story_budget(len(shown))
        parallel = compared(library, shown) if COMPARE.search(fold(request.question)) else frozenset()
        groups = story(library, shown, total, stems(request.topic), cap, parallel, person.of_topic(request.standalone))
        return finish(request, *render(mode, whole(library, groups if request.brief else story_someone(library, groups)), articles, lang, period))
    # The collection: its stories, the biggest first (qa.kinds.overview).
    from qa.kinds import overview

    return finish(request, *overview.render(overview.groups(library, articles, request.brief), articles, lang, period))


def story_someone(library: Library, groups: list[tuple[Article, list[Sentence]]]) -> list[tuple[Article, list[Sentence]]]:
    """A story's summary naming nobody takes the most telling sentence of its articles that names
    someone (`person.with_someone`, over the story): who leads, decided or said it ("– mondta
    Bognár Edit, a projekt vezetője"). Every dev summary but dev30's and dev32's: key facts
    1088 -> 1092 of 1302, none fewer; 40 of 335 summaries are a sentence longer."""
    if any(person.of_topic(s.text) for a, chosen in groups for s in completed(library.sentences(a), chosen)):
        return groups
    offers = []
    for k, (article, chosen) in enumerate(groups):
        sentences, rated = library.sentences(article), []
        # `with_someone` rates the article only when it adds a sentence; that rating is its offer's
        added = [s for s in person.with_someone(sentences, chosen, lambda ss: rated.append(telling(ss)) or rated[-1]) if s not in chosen]
        if added:
            offers.append((float(rated[-1][sentences.index(added[0])]), k, added[0]))
    if not offers:
        return groups
    _, k, sentence = max(offers, key=lambda o: o[0])
    article, chosen = groups[k]
    return [*groups[:k], (article, sorted([*chosen, sentence], key=lambda s: s.position)), *groups[k + 1:]]


def whole(library: Library, groups: Sequence[tuple[Article, Sequence[Sentence]]]) -> list[tuple[Article, list[Sentence]]]:
    """Each article's chosen sentences with what they need to be read alone (`completed`)."""
    return [(a, completed(library.sentences(a), chosen)) for a, chosen in groups]


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
    lines += listed([a for a in articles if a not in [g[0] for g in groups]], lang)
    return "\n".join(lines).strip(), citations


# The unquoted articles a summary names by title: "foglald össze röviden az összes cikket"
# over sixteen articles quotes three stories and names the rest, each town's news included.
_NAMED = 10


def listed(rest: Sequence[Article], lang: str) -> list[str]:
    """The line under a summary naming the articles it did not quote (the first `_NAMED`), if any."""
    if not rest:
        return []
    titles = "; ".join(f"„{md(a.title)}” ({when(a.published, lang)})" for a in rest[:_NAMED])
    return [REST[lang].format(n=len(rest), titles=titles + (" …" if len(rest) > _NAMED else ""))]
