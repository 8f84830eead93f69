"""Which articles tell one story: those that name the same people and organisations."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Callable, Sequence

from index import Article
from qa.kinds.story_names import name_keys, proper, shared_names  # noqa: F401 (stories.proper, as before)
from qa.planner import fold
from qa.text import names

if TYPE_CHECKING:
    from qa.kinds.common import Library

# A story's article need not repeat its place or its wording ("Tíz százalékot ajánlott a
# Városgazda" never says Tatabánya; the outbreak's first report says "megbetegedés", not
# "eset"), but it names the story's people and organisations. One this near the topic that
# names at least two names most of the kept articles share is part of the story.
_STORY_BAND = 0.15
_STORY_NAMES = 2
_NEAR = 50


def same_story(library: "Library", kept, best: dict[str, float], top: float, articles: Sequence[Article],
               population: Sequence[Article] = ()) -> list[tuple[Article, float]]:
    """The articles near the topic that name at least two of the names most kept ones share
    and are linked to one of them as a story's articles are (`storylines`' link, words weighed
    over `population`): sharing two national names ("MÁV", "Minisztérium") makes another
    town's railway closure near, not the same story."""
    counts: Counter[str] = Counter()
    for article, _ in kept:
        counts.update(library.name_keys(article))
    story = {k for k, c in counts.items() if c >= 2 and 2 * c >= len(kept)}
    # A story's own names are written mostly in its articles; one that more than twice as many
    # articles write ("Vármegyei", "Egyesület", "Kormányhivatal" in every county's news) is part
    # of many names and tells no story apart.
    df = Counter(k for a in articles for k in library.name_keys(a) & story)
    story = {k for k in story if df[k] <= 2 * counts[k]}
    have = {a.article_id for a, _ in kept}
    more = []
    for article in articles:
        score = best.get(article.article_id)
        if article.article_id in have or score is None or score < top - _STORY_BAND:
            continue
        if len(story & library.name_keys(article)) >= _STORY_NAMES:
            more.append((article, score))
    if not more:
        return more
    tells = linked(library, [a for a, _ in (*kept, *more)], population)
    return [(a, s) for a, s in more if tells(a, [k for k, _ in kept])]


def linked(library: "Library", articles: Sequence[Article], population: Sequence[Article] = ()) -> Callable[[Article, Sequence[Article]], bool]:
    """A test of whether one of `articles` tells one story with one of the others given, by
    `storylines`' link (words and names weighed by rarity over `population` and the articles
    themselves); the weights are counted once for all the tests."""
    link = _links(library, articles, population)

    def test(article: Article, others: Sequence[Article]) -> bool:
        return any(link(article.article_id, o.article_id) >= _LINK for o in others if o.article_id != article.article_id)

    return test


def top_story(library: "Library", kept: Sequence[tuple[Article, float]]) -> list[tuple[Article, float]]:
    """The best of the kept articles and those naming at least two of its names: its story."""
    if not kept:
        return []
    first = max(kept, key=lambda x: x[1])
    names_ = library.name_keys(first[0])
    return [first] + [(a, s) for a, s in kept if a is not first[0] and len(names_ & library.name_keys(a)) >= _STORY_NAMES]


# Two articles tell one story when their words and names, weighed by how rare they are in
# the collection (tf-idf over the set of each, cosine), add up to this: a story's articles
# reach 0.38-0.85 with their closest other article, while near-topic articles about another
# town's like event ("időközi választás" in Tapolca and in Sárospatak, two clubs' new coaches)
# reach at most 0.32 (dev sets' 75 articles; the stories known from their file names).
_LINK = 0.35


def _weighted(bags: dict[str, frozenset[str]], population: Sequence[frozenset[str]]) -> Callable[[str, str], float]:
    """Cosine of two articles' bags, each word weighed by log((n+1)/df) over the population's n bags."""
    n = len(population)
    df = Counter(k for bag in population for k in bag)
    weight = {k: math.log((n + 1) / df[k]) ** 2 for bag in bags.values() for k in bag}
    norm = {i: math.sqrt(sum(weight[k] for k in bag)) or 1.0 for i, bag in bags.items()}
    return lambda a, b: sum(weight[k] for k in bags[a] & bags[b]) / (norm[a] * norm[b])


def _links(library: "Library", articles: Sequence[Article], population: Sequence[Article] = ()) -> Callable[[str, str], float]:
    """How near two of `articles` are (by their ids): their words' and their names' `_weighted`
    cosines added, each weighed over `population` and the articles themselves."""
    everyone = list({a.article_id: a for a in (*articles, *population)}.values())
    by_words = _weighted({a.article_id: library.stems(a) for a in articles}, [library.stems(a) for a in everyone])
    by_names = _weighted({a.article_id: library.name_keys(a) for a in articles}, [library.name_keys(a) for a in everyone])
    return lambda a, b: by_words(a, b) + by_names(a, b)


def storylines(library: "Library", articles: Sequence[Article], population: Sequence[Article] = ()) -> list[list[Article]]:
    """The articles grouped into stories (single link: each article joins any story it
    is linked to), each story newest first; the stories with most articles first, then
    the newest. Topic detection's classic recipe, with names counted beside the words
    because a story's later article may describe it in other words but names its people.
    Words are weighed by how rare they are in `population` (the collection; the articles
    themselves by default): a period's articles, mostly one story, are grouped as they
    are in the whole collection."""
    ids = [a.article_id for a in articles]
    link = _links(library, articles, population)
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, a in enumerate(ids):
        for b in ids[x + 1:]:
            if link(a, b) >= _LINK:
                parent[root(a)] = root(b)
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(root(article.article_id), []).append(article)
    stories = [sorted(g, key=lambda a: (a.published_int, a.article_id), reverse=True) for g in groups.values()]
    return sorted(stories, key=lambda g: (-len(g), -g[0].published_int, g[0].article_id))


# A story's article at most this near its closest other one, and about none of the names the
# others share (`about_name`), only mentions the story: a report on a county's nursing-home
# waiting lists naming a verdict in one paragraph (0.39 to the verdict's report), another
# town's cyber attack or earthquake (0.37, 0.43). The story's own articles reach 0.6-0.8 with
# their closest, and one about none of its names (the outbreak's end, "az ózdi kanyarójárvány")
# 0.79 (dev and dev12 stories of three or more articles).
_CORE_LINK = 0.5


def own_stories(library: "Library", stories: Sequence[list[Article]], population: Sequence[Article] = ()) -> list[list[Article]]:
    """`storylines`' stories with the articles that only mention a story of three or more
    (see _CORE_LINK) told apart as stories of their own, in `storylines`' order."""
    out: list[list[Article]] = []
    case = library.case_counts()
    for story in stories:
        if len(story) < 3:
            out.append(story)
            continue
        link = _links(library, story, population)
        apart = []
        for article in story:
            rest = [a for a in story if a is not article]
            keys = proper(shared_names([library.name_keys(a) for a in rest]), case)
            closest = max(link(article.article_id, a.article_id) for a in rest)
            if keys and closest < _CORE_LINK and not any(about_name(library, article, k) for k in keys):
                apart.append(article)
        if len(apart) > len(story) - 2:
            apart = []  # no core of two left: the story stands as it was grouped
        out.append([a for a in story if a not in apart])
        out += [[a] for a in apart]
    return sorted(out, key=lambda g: (-len(g), -g[0].published_int, g[0].article_id))


def without_passing(library: "Library", found: Sequence[Article], population: Sequence[Article] = (), topic: str = "",
                    best: Article | None = None) -> list[Article]:
    """The articles found on a topic less those that only mention its story, when they are one
    story (`storylines`): a timeline or summary of a trial does not end on a report about
    waiting lists that names the verdict. Of several stories, the lone articles that are asides
    to the one the topic titles are left out (`_without_asides`). Kept as found: articles
    chosen without a topic, the one that fits the topic best (`best`, else the first found:
    asked about the waiting lists, their report is the answer), and one whose title the topic
    names where the story's do not ("a nagykőrösi és a ceglédi támadás": the Cegléd report is
    asked for, however it was grouped)."""
    if len(found) < 3 or not topic.strip():
        return list(found)
    best = best or found[0]
    grouped = storylines(library, found, population)
    from qa.kinds.salience import stems

    if len(grouped) != 1:
        return _without_asides(grouped, stems(topic), best)
    core = {a.article_id for a in own_stories(library, grouped, population)[0]}
    asked = stems(topic) - frozenset().union(*(stems(a.title) for a in found if a.article_id in core))
    return [a for a in found if a.article_id in core or a.article_id == best.article_id or stems(a.title) & asked]


def _without_asides(grouped: Sequence[list[Article]], topic: frozenset[str], best: Article) -> list[Article]:
    """Several stories found: all of them, less the lone articles that are asides to the one
    story of several articles the topic's words title ("Hány cikk szól a Madách-iskola
    felújításáról?": three renovation reports, and a fun run's report naming the school twice,
    whose title names none of the topic's words). A lone article whose title does is kept (a
    comparison's other town), and so is the best-fitting one."""
    from qa.kinds.salience import stems

    titled = [g for g in grouped if len(g) >= 2 and any(stems(a.title) & topic for a in g)]
    found = [a for g in grouped for a in g]
    if len(titled) != 1:
        return found
    return [a for a in found if a in titled[0] or a is best or stems(a.title) & topic or not any(len(g) == 1 and a in g for g in grouped)]


def story_of(library: "Library", article: Article, articles: Sequence[Article], population: Sequence[Article]) -> list[Article]:
    """The story `article` belongs to among `articles` (itself alone when it tells one of its
    own), oldest first. Only the articles naming at least two of its names are grouped: a
    story's articles name its people and places, and grouping the whole archive would read
    every article."""
    keys = library.name_keys(article)
    shared = {a.article_id: len(keys & library.name_keys(a)) for a in articles if a.article_id != article.article_id}
    # Grouping is quadratic: the articles sharing most of its names, at most _NEAR of them (an
    # archive's "Budapest" and "Kormányhivatal" are shared by thousands).
    best = sorted((i for i, n in shared.items() if n >= _STORY_NAMES), key=lambda i: -shared[i])[:_NEAR]
    chosen = set(best)
    near = [article] + [a for a in articles if a.article_id in chosen]
    if len(near) < 2:
        return [article]
    story = next(g for g in storylines(library, near, population) if any(a.article_id == article.article_id for a in g))
    return sorted(story, key=lambda a: (a.published_int, a.article_id))


def about_name(library: "Library", article: Article, key: str) -> bool:
    """Whether the article is about what the name `key` names, not merely mentioning it: it
    writes the name in its title or lead paragraph, or in more than one paragraph. A
    paragraph on another town's like event may name it twice ("a siklósi részvételi
    költségvetést is … Siklós bebizonyította…"), in passing all the same."""
    text = library.folded_text(article)
    name = re.compile(rf"\b{re.escape(key)}")
    found = name.search(text)
    if found is None:
        return False
    if found.start() < _lead_end(text, fold(article.title)):
        return True
    return sum(bool(name.search(p)) for p in text.split("\n\n")) > 1


def _lead_end(text: str, title: str) -> int:
    """Where the lead paragraph of an article's folded "title\ntext" ends. Web pages, feeds and
    "# Title" files repeat the title as the text's first paragraph: the lead is the next one."""
    paragraphs = text.split("\n\n")
    end = len(paragraphs[0])
    if len(paragraphs) > 1 and paragraphs[0][len(title):].strip().lstrip("#").strip() in ("", title):
        end += 2 + len(paragraphs[1])
    return end


def in_story(library: "Library", kept, wanted: Sequence[str], population: Sequence[Article], joined: bool = False):
    """The kept articles less those that name the topic's names only in passing (`about_name`)
    and are no part of the story of one that is about them (`stories.linked`): a Debrecen
    clinic's Legionella report saying its cases are unrelated to "the Kazincbarcika outbreak"
    is not on that outbreak, while the outbreak's later reports are, however they name it. In
    a request joining names ("Békéscsaba és Sopron") an article about any of them is about it."""
    have = any if joined else all
    about = [a for a, _ in kept if have(about_name(library, a, k) for k in wanted)]
    if not about:
        return kept
    ids = {a.article_id for a in about}
    if len(ids) == len(kept):
        return kept
    tells = linked(library, [a for a, _ in kept], population)
    # Nor is one whose title names what none of them names: "Kisebb földrengés volt Kiskunhalas
    # mellett" shares an earthquake's words, its observatory and its experts with the Várpalota
    # quake's first report, but its own town is its subject.
    told = frozenset().union(*(library.name_keys(a) for a in about))
    case = library.case_counts()

    def own_subject(article: Article) -> bool:
        keys = {fold(n)[:5] for n in names(article.title) if len(n) > 2}
        # The title's first word is capitalised whatever it is: a name when the collection
        # writes it so more often than not ("Kiskunhalas mellett kisebb földrengés volt").
        first = [fold(w)[:5] for w in re.findall(r"\w+", article.title)[:1] if len(w) > 2 and not w.isdigit()]
        if first:
            written = Counter()
            for (w, capital), n in case.items():
                if w[:5] == first[0]:
                    written[capital] += n
            if written[True] > written[False]:
                keys.add(first[0])
        return bool(keys - told)

    return [(a, s) for a, s in kept if a.article_id in ids or (tells(a, about) and not own_subject(a))]
