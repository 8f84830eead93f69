"""Which articles a summary, timeline or collection question is about.

An article belongs to the topic when one of its passages is close to the topic (e5 cosine
plus shared content words, as for fact answers) and it names every name the topic names:
"the bridge in Szeged" is not the bridge in Győr, however alike the words.

Which words of a topic are names, as the collection writes them, is `qa.kinds.topic_names`;
an English topic naming nothing is looked up through the dictionary (`qa.kinds.translated`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

import numpy as np

from index import Article
from qa.kinds.absence import absent
from qa.evidence import _OVERLAP_WEIGHT, overlap
from qa.kinds.filing import by_source
from qa.kinds.places import unknown_places
from qa.kinds.stories import in_story, same_story, top_story
# the name functions stay importable from here, where they were: `Library` and tests use them
from qa.kinds.topic_names import _ROMAN, common_start, adjective_of_name, case_counts, joined_names, name_key, openings, topic_names, written, written_as_name  # noqa: F401
from qa.kinds.translated import about as translated_about, filed as translated_filed
from qa.planner import Request, fold
from qa.retrieval import Filters
from qa.bilingual import hungarian_verb
from qa.text import VERB_PREFIXES, content_stems

if TYPE_CHECKING:
    from qa.kinds.common import Library

# e5 cosines of passages on one topic differ by ~0.05: the band around the best article.
_TOPIC_BAND = 0.06
# Or an article holding nearly as many of the topic's words as the one that holds most:
# the later articles of a story repeat its names but not always its wording.
_COVER_BAND = 0.2
# on folded text: "Szarvason es Martfun" too; alternatives joined by "or" are both asked of ("Melyik
# hűtőház alapkövét tették le előbb, a kemecseiét vagy a nyírmadaiét?")
_JOINED = re.compile(r"\b(es|meg|valamint|illetve|and|vagy|or)\b")
_INSIDE_NAME = 6


def relevance(library: Library, request: Request, filters: Filters | None, named: Sequence[str] = ()) -> dict[str, float]:
    """Each candidate article's best passage score against the topic: the retrieved
    articles, and the `named` ones that retrieval may miss ("mezoturi" typed without
    accents finds little by its words)."""
    # The request's own e5 vector, which the planner has already made (one e5 pass on a
    # busy 2-core machine takes up to a second): for the search and for scoring what it finds.
    query = library.scorer.query_vector(request.standalone)
    hits = library.retriever.retrieve(request.topic, 30, filters, embedding=query)
    passages = {h.passage.passage_id: h.passage for h in hits}
    missing = [a for a in named if a not in {p.article_id for p in passages.values()}]
    if missing:
        passages.update((p.passage_id, p) for p in library.store.passages(missing))
    if not passages:
        return {}
    # Passages are scored by their stored vectors: no sentence needs embedding here.
    stored = library.store.vectors(list(passages))
    topic_stems = content_stems(request.topic)
    best: dict[str, float] = {}
    for pid, passage in passages.items():
        vector = stored.get(pid)
        if vector is None:
            continue
        score = float(np.asarray(vector, dtype=np.float32) @ query) + _OVERLAP_WEIGHT * overlap(topic_stems, passage.text)
        best[passage.article_id] = max(score, best.get(passage.article_id, -1.0))
    return best


# Stems this alike are one word's forms or a compound and its member: "kanyarojarvany"
# and "kanyaro", "medve" typed as "medverol" and stemmed "medv" from "Medvét", "egeszsegugyi" and "egeszseg".
_ALIKE_PREFIX = 4
_ALIKE_SLACK = 2
# Among the articles on the topic, one that holds all its words beats one that holds none
# by this much (a passage's e5 cosine differs by ~0.05 between articles on one subject).
_COVER_WEIGHT = 0.1


def alike(a: str, b: str) -> bool:
    """The stems share a long start that is nearly the whole of the shorter one."""
    n = common_start(a, b)
    return n >= _ALIKE_PREFIX and n >= min(len(a), len(b)) - _ALIKE_SLACK


def coverage(topic_stems: frozenset[str], article_stems: frozenset[str]) -> float:
    """Share of the topic's stems the article holds, a compound's member counting as the
    compound: Hungarian writes "kanyarójárvány" in one article and "kanyaró" in the next."""
    if not topic_stems:
        return 0.0
    held = sum(t in article_stems or any(w[:_ALIKE_PREFIX] == t[:_ALIKE_PREFIX] and alike(t, w) for w in article_stems) for t in topic_stems)
    return held / len(topic_stems)


# A compound's first member is at least _MODIFIER letters ("gáz" of "gázrobbanás"), its head
# at least _HEAD ("robban"), matched on its first _HEAD letters in any case form.
_MODIFIER, _HEAD = 3, 6


def word_starts(words: frozenset[str]) -> frozenset[str]:
    """The first _HEAD letters of an article's (folded) words, for `heads` (`Library.word_starts`
    keeps them per article)."""
    return frozenset(w[:_HEAD] for w in words if len(w) >= _HEAD)


def heads(word: str, starts: frozenset[str]) -> bool:
    """The (folded) compound's last member is a word the article writes in some case form
    (`starts`, `word_starts` of its words): "gazrobbanas" in "a robbanasnak". `coverage`'s
    stems, cut to five letters, keep a compound's first member only."""
    return any(word[k:k + _HEAD] in starts for k in range(_MODIFIER, len(word) - _HEAD + 1))


def _near(scored: list[tuple[Article, float, float]], said: frozenset[str], filed: set[str]) -> list[tuple[Article, float]]:
    """The articles (with relevance, coverage) near the best in meaning or in the topic's words."""
    top = max(s for _, s, _ in scored)
    top_cover = max(c for *_, c in scored)
    # Where some article holds every word of the topic, one holding none of them is near
    # in meaning only: e5 reads a request typed without accents ("erdotuzrol") loosely.
    loose = top_cover < 1.0 or not said
    return [
        (a, s + _COVER_WEIGHT * c) for a, s, c in scored
        if (s >= top - _TOPIC_BAND and (loose or c > 0)) or (c > 0 and c >= top_cover - _COVER_BAND) or a.article_id in filed
    ]


def in_category(topic_stems: frozenset[str], article: Article) -> bool:
    """The topic is the article's category and nothing else: "egészségügyi cikkek" for
    articles filed under "egészség", whatever their words."""
    from qa.kinds.salience import stems

    category = stems(article.category)
    topic_stems = frozenset(t for t in topic_stems if not _SECTION.match(fold(t)))
    return bool(topic_stems and category) and all(any(t == c or alike(t, c) for c in category) for t in topic_stems)


# The words for where a newspaper files an article ("a kultúra rovatban", "in the science
# section", "gazdasági témájú", "pieces filed under economy"): they name the filing, not the topic.
_SECTION = re.compile(r"(rovat|rov$|kateg|rubri|secti|categ|colum|temaj|tema$|theme|topic|piece|fil$|filed)")  # as `stems` writes them: five letters ("rovat" alone: "rov")


def writes_name(have: frozenset[str], key: str) -> bool:
    """Whether an article's folded words write a name's key: a word starting with it; a district's
    numeral whole ("xvii" is no form of "xviii"); a place's key of six letters or more also inside
    the compound name the article writes ("Vásárhely" in "hódmezővásárhelyi", "Fehérvár" in
    "székesfehérvári")."""
    if _ROMAN.fullmatch(key):
        return key in have
    return any(w.startswith(key) or (len(key) >= _INSIDE_NAME and key in w) for w in have)


def on_topic(library: Library, request: Request, filters: Filters | None, limit: int = 12, *, named: bool = False) -> list[tuple[Article, float]]:
    """The articles about the request's topic, best first, with their relevance; with `named`,
    those its names found though the topic is absent from them (`absence`)."""
    from qa.kinds.salience import stems

    counts = library.case_counts()
    wanted, hyphenated = topic_names(request, counts, library.openings()), joined_names(request, counts)
    articles = library.articles(filters)
    wanted = list(dict.fromkeys(written(wanted, counts) + unknown_places(request, counts)))
    # A hyphenated name no article writes whole ("Legionella-fertőzés" where the articles write
    # "légionella-járvány") is the asker's wording: its parts are the topic's words.
    hyphenated = [h for h in hyphenated if any(h in library.folded_text(a) for a in articles)]
    joined = len(wanted) >= 2 and _JOINED.search(fold(request.question)) is not None
    nouns = nominal(request)  # what an article on the topic must hold: its words but the verbs
    sourced, rest = by_source(request.topic, articles)
    if sourced and content_stems(rest):
        # "az MTI cikkei az erdőtűzről": the source's articles on the rest of the topic.
        ids = {a.article_id for a in sourced}
        narrowed = replace(filters or Filters(), article_ids=tuple(i for i in (filters.article_ids if filters and filters.article_ids else sorted(ids)) if i in ids))
        return on_topic(library, replace(request, topic=rest), narrowed, limit, named=named)
    # "Mely cikkek tartoznak a bűnügy rovatba?": the verb names no category.
    filed = {a.article_id for a in articles if in_category(stems(nouns), a)} | {a.article_id for a in sourced}
    if request.language == "en" and not filed and not (wanted or hyphenated):
        filed = translated_filed(request.topic, articles)
    # Every name must be there, except in a request joining several ("Békéscsaba és
    # Sopron"), where an article about any of them belongs to the answer.
    naming, names_of = {}, {}
    for article in articles:
        have = library.folded_words(article)
        present = [writes_name(have, key) for key in wanted]
        whole = all(name in library.folded_text(article) for name in hyphenated)
        if (whole and (all(present) or (joined and any(present)))) or article.article_id in filed:
            naming[article.article_id] = article
            names_of[article.article_id] = frozenset(k for k, p in zip(wanted, present) if p)
    if filed:
        # The topic is a category and nothing else: its articles are the answer, and an
        # article near in meaning but filed elsewhere is not.
        naming = {a: naming[a] for a in filed}
    anchored = bool(wanted or hyphenated or filed)
    # An English topic naming nothing: the articles writing its words in Hungarian.
    translated, once = translated_about(library, request.topic, articles) if request.language == "en" and not anchored else ([], [])
    best = relevance(library, request, filters, list(naming) if anchored else translated + once or covering(library, stems(nouns), articles))
    # The names were checked above: what the topic says beside them tells its articles
    # apart ("kanyarójárvány" in "az ózdi kanyarójárvány"); a topic of names alone is
    # covered by every article that names them.
    unnamed_words = [w for w in nouns.split() if not any(fold(w).startswith(k) for k in wanted)]
    unnamed = [fold(w) for w in unnamed_words]
    said = stems(" ".join(unnamed))
    each = [(w, stems(w)) for w in unnamed]
    scored = []
    for article_id, score in best.items():
        if article_id in naming:
            article = naming[article_id]
            have = library.stems(article)
            covered = coverage(said, have) if said else 1.0
            if covered < 1.0:
                # the asker's compound, the article's head of it ("gázrobbanás", "robbanás")
                starts = library.word_starts(article)
                covered = max(covered, sum(coverage(s, have) == 1.0 or heads(w, starts) for w, s in each) / len(each))
            scored.append((article, score, covered))
    if not scored:
        return []
    top = max(s for _, s, _ in scored)
    top_cover = max(c for *_, c in scored)
    if joined:
        # "a sárvári és a celldömölki közbringa": each place's articles are read against each
        # other, as the other place's may word the topic otherwise ("közösségi kerékpár").
        sides = [[x for x in scored if key in names_of[x[0].article_id]] for key in wanted]
        sides.append([x for x in scored if not names_of[x[0].article_id]])  # filed under the topic, naming neither
        kept = list({a.article_id: (a, s) for side in sides if side for a, s in _near(side, said, filed)}.values())
    else:
        kept = _near(scored, said, filed)
    if translated:
        # those the dictionary says are about it, and those that name it once and are as near in meaning
        near = max((s for a, s, _ in scored if a.article_id in translated), default=-1.0) - _TOPIC_BAND
        kept = [(a, s) for a, s, _ in scored if a.article_id in translated or (a.article_id in once and s >= near)]
    elif top_cover == 0.0 and not anchored:
        # No article writes a word of the topic, and it names nothing: an English topic
        # ("the garbage collectors' wage dispute"), whose e5 scores lie too close to tell
        # articles apart. The best one and the articles of its story are the answer.
        kept = top_story(library, kept)
    from qa.kinds.overview import newest  # overview imports what imports this module

    population = newest(library) if len(kept) >= 2 else []
    # A category's articles are no one story ("sportról": a wrestling championship and a
    # lake swim), though the collection writes the category's word as a name ("Nemzeti Sport").
    if wanted and len(kept) >= 2 and not filed:
        kept = in_story(library, kept, wanted, population, joined)
    if len(kept) >= 2 and not filed:
        kept += same_story(library, kept, best, top, articles, population)
    kept = sorted(kept, key=lambda x: -x[1])[:limit]
    gone = bool(wanted) and not filed and absent(library, unnamed_words, [a for a, _ in kept], request.language)
    if named:
        return kept if gone else []
    # its names are written, but not about this: "a faddi borfesztivál" in an article on Fadd's kindergarten
    return [] if gone else kept


# More articles than this holding every word of the topic: its words are too common to find
# articles by, and search decides.
_MAX_COVERING = 30


def nominal(request: Request) -> str:
    """A Hungarian topic without its verbs and their particles ("kerültek elő bronzkori
    kincsek" -> "bronzkori kincsek"): one article writes "került elő", the next "talált", and
    both are about the finds. The whole topic where nothing else is left, and in English."""
    if request.language != "hu":
        return request.topic
    kept = [w for w in request.topic.split() if w.lower() not in VERB_PREFIXES and not hungarian_verb(w)]
    return " ".join(kept) if kept else request.topic


def covering(library: "Library", topic_stems: frozenset[str], articles: Sequence[Article]) -> list[str]:
    """The articles holding every word of a topic that names nothing: search may miss them
    when the request is typed without accents ("erdotuzrol" finds no "erdőtűz" by its words,
    and e5 reads it loosely), but they are candidates all the same."""
    if not topic_stems:
        return []
    found = [a.article_id for a in articles if coverage(topic_stems, library.stems(a)) == 1.0]
    return found if len(found) <= _MAX_COVERING else []
