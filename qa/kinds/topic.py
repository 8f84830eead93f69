"""Which articles a summary, timeline or collection question is about.

An article belongs to the topic when one of its passages is close to the topic (e5 cosine
plus shared content words, as for fact answers) and it names every name the topic names:
"the bridge in Szeged" is not the bridge in Győr, however alike the words.

A topic's names are its capitalised words, and also the words the collection itself
writes as names: Hungarian writes the adjective of a place in lower case ("a mezőtúri
híd", "szigetközi falvak") and people type without capitals or accents ("mezotur uj hid").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Sequence

import numpy as np

from index import Article
from qa.evidence import _OVERLAP_WEIGHT, overlap
from qa.planner import Request, fold
from qa.retrieval import Filters
from qa.text import content_stems, names, stopwords

if TYPE_CHECKING:
    from qa.kinds.common import Library

# e5 cosines of passages on one topic differ by ~0.05: the band around the best article.
_TOPIC_BAND = 0.06
# Or an article holding nearly as many of the topic's words as the one that holds most:
# the later articles of a story repeat its names but not always its wording.
_COVER_BAND = 0.2
_JOINED = re.compile(r"\b(és|meg|valamint|and)\b")
_WORD = re.compile(r"\w+")


def _floor(word: str) -> str:
    # Hungarian suffixes add up to ~3 letters to a name ("-on", "-ról", "-ban"): all but
    # the last three letters are the name's, and at least four.
    folded = fold(word)
    return folded[: max(4, len(folded) - 3)]


def _common(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def name_key(word: str, counts: Counter) -> str:
    """The start every form of a name shares: "Mezőtúron", "mezőtúri", "mezotur" -> "mezotur".

    The collection's capitalised words that begin like the word say where the name ends:
    those that share nearly as much of it as the closest one ("Mezőtúr", "Mezőtúron",
    "Mezőtúri" for "mezoturi", not "Mezőgazdasági"), and the shortest start they share. "Soproni" -> "sopron",
    while "Békéscsaba" stays "bekescsaba", which "Békés" is not.
    """
    folded, floor = fold(word), _floor(word)
    lengths = [_common(folded, w) for (w, cap) in counts if cap and w.startswith(floor)]
    if not lengths:
        return floor
    # Two letters of slack: "Mezőtúron" and "Mezőtúr" are one name, "Mezőgazdasági" is not.
    return folded[: min(n for n in lengths if n >= max(lengths) - 2)]


def case_counts(articles) -> Counter:
    """(folded word, capitalised?) -> count over the collection, sentence starts left out."""
    counts: Counter = Counter()
    for article in articles:
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", f"{article.title}\n{article.text}"):
            for token in _WORD.findall(sentence)[1:]:
                if not token.isdigit():
                    counts[(fold(token), token[:1].isupper())] += 1
    return counts


# A word the collection capitalises this often (outside sentence starts) is a name.
_NAME_SHARE = 0.3


def written_as_name(word: str, counts: Counter) -> bool:
    """The collection writes the word's forms capitalised often enough to be a name's."""
    if len(fold(word)) < 4 or word.lower() in stopwords() or word.isdigit():
        return False
    key = name_key(word, counts)
    upper = sum(n for (w, cap), n in counts.items() if cap and w.startswith(key))
    lower = sum(n for (w, cap), n in counts.items() if not cap and w.startswith(key))
    return upper >= 2 and upper >= _NAME_SHARE * (upper + lower)


def topic_names(request: Request, counts: Counter) -> list[str]:
    """The name keys an article on the topic must hold; the request's own words
    ("Summarize", "Foglald") are not in its topic and name nothing."""
    topic_words = request.topic.split()
    capitalised = {n for n in names(request.standalone) if n in topic_words and content_stems(n)}
    found = [w for w in topic_words if w in capitalised or written_as_name(w, counts)]
    return list(dict.fromkeys(name_key(w, counts) for w in found))


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


def on_topic(library: Library, request: Request, filters: Filters | None, limit: int = 12) -> list[tuple[Article, float]]:
    """The articles about the request's topic, best first, with their relevance."""
    from qa.kinds.salience import stems

    wanted = topic_names(request, library.case_counts())
    joined = len(wanted) >= 2 and _JOINED.search(request.question.lower()) is not None
    articles = library.articles(filters)
    # Every name must be there, except in a request joining several ("Békéscsaba és
    # Sopron"), where an article about any of them belongs to the answer.
    naming = {}
    for article in articles:
        have = library.folded_words(article)
        present = [any(w.startswith(key) for w in have) for key in wanted]
        if all(present) or (joined and any(present)):
            naming[article.article_id] = article
    best = relevance(library, request, filters, list(naming) if wanted else ())
    topic_stems = stems(request.topic)
    scored = []
    for article_id, score in best.items():
        if article_id in naming:
            article = naming[article_id]
            covered = len(topic_stems & library.stems(article)) / len(topic_stems) if topic_stems else 0.0
            scored.append((article, score, covered))
    if not scored:
        return []
    top = max(s for _, s, _ in scored)
    top_cover = max(c for *_, c in scored)
    kept = [(a, s) for a, s, c in scored if s >= top - _TOPIC_BAND or (c > 0 and c >= top_cover - _COVER_BAND)]
    return sorted(kept, key=lambda x: -x[1])[:limit]
