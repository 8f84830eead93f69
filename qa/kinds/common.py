"""What every non-fact kind shares: the store's article records, dates in words, the
articles on a topic, and sentences with their citations."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from index import Article, Passage, split_sentences
from qa.evidence import _OVERLAP_WEIGHT, is_evidence, overlap
from qa.planner import Request, fold
from qa.retrieval import Filters
from qa.text import content_stems, names
from qa.types import Answer, Citation

MONTHS_HU = ("január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Text from an article, safe inside Markdown: no heading, link or HTML of its own."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def when(published: str, lang: str) -> str:
    """'2025-09-03' -> '2025. szeptember 3.' / '3 September 2025'; '2025-07' -> '2025. július'."""
    parts = [int(p) for p in published.split("-") if p.isdigit()] if published else []
    if not parts:
        return "dátum nélkül" if lang == "hu" else "undated"
    year, month, day = (parts + [0, 0])[:3]
    if lang == "hu":
        return f"{year}." + (f" {MONTHS_HU[month - 1]}" if month else "") + (f" {day}." if day else "")
    return (f"{day} " if day else "") + (f"{MONTHS_EN[month - 1]} " if month else "") + str(year)


@dataclass(frozen=True)
class Sentence:
    article: Article
    passage: Passage
    start: int  # offsets in the article text
    end: int
    text: str
    position: int  # 0 for the article's first sentence after its title


class Library:
    """The store's articles and their sentences, read once per store revision."""

    def __init__(self, store, retriever, scorer):
        self.store, self.retriever, self.scorer = store, retriever, scorer
        self._lock = threading.Lock()
        self._revision: object = None
        self._articles: tuple[Article, ...] = ()
        self._dates: tuple[int, int] | None = None
        self._sentences: dict[str, list[Sentence]] = {}

    def _refresh(self) -> None:
        revision = (self.store.info().get("revision"), self.store.count())
        with self._lock:
            if revision != self._revision:
                self._articles = tuple(self.store.articles())
                dated = [a.published_int for a in self._articles if a.published_int]
                self._dates = (min(dated), max(dated)) if dated else None
                self._sentences, self._revision = {}, revision

    def articles(self, filters: Filters | None = None) -> list[Article]:
        """Oldest first, within the filters' dates and ids."""
        self._refresh()
        found = list(self._articles)
        if filters:
            found = [a for a in found if _allows(filters, a)]
        return found

    def date_range(self) -> tuple[int, int] | None:
        """(earliest, latest) publication date of the collection as YYYYMMDD, None if undated."""
        self._refresh()
        return self._dates

    def sentences(self, article: Article) -> list[Sentence]:
        """The article's quotable sentences, each with the passage that holds it."""
        with self._lock:
            cached = self._sentences.get(article.article_id)
        if cached is not None:
            return cached
        passages = self.store.passages([article.article_id])
        out: list[Sentence] = []
        title_key = fold(article.title).strip(" .")
        for p in sorted(passages, key=lambda p: p.start):
            for s, e in split_sentences(p.text):
                text = p.text[s:e]
                if fold(text).strip(" .") == title_key or not is_evidence(text):
                    continue
                out.append(Sentence(article, p, p.start + s, p.start + e, text, len(out)))
        with self._lock:
            self._sentences[article.article_id] = out
        return out

    def vectors(self, sentences: Sequence[Sentence]) -> np.ndarray:
        return self.scorer.vectors([s.text for s in sentences]) if sentences else np.zeros((0, 1), dtype=np.float32)

    def on_topic(self, request: Request, filters: Filters | None, limit: int = 12) -> list[tuple[Article, float]]:
        """The articles about the request's topic, best first, with their relevance.

        An article counts when one of its sentences is close to the topic (e5 cosine plus
        shared content words, as for fact answers) and it names every name the topic
        names: "the bridge in Szeged" is not the bridge in Győr, however alike the words.
        """
        hits = self.retriever.retrieve(request.topic, 30, filters)
        if not hits:
            return []
        # Passages are scored by their stored vectors: no sentence needs embedding here.
        query = self.scorer.query_vector(request.topic)
        stored = self.store.vectors([h.passage.passage_id for h in hits])
        topic_stems = content_stems(request.topic)
        best: dict[str, float] = {}
        for h in hits:
            if h.passage.passage_id not in stored:
                continue
            score = float(np.asarray(stored[h.passage.passage_id], dtype=np.float32) @ query) + _OVERLAP_WEIGHT * overlap(topic_stems, h.passage.text)
            best[h.passage.article_id] = max(score, best.get(h.passage.article_id, -1.0))
        by_id = {a.article_id: a for a in self.articles(filters)}
        # The topic's own names: the request's words ("Summarize", "Foglald") name nothing.
        topic_words = set(request.topic.split())
        wanted = [_name_key(n) for n in names(request.standalone) if n in topic_words and content_stems(n)]
        topic_stems_folded = stems_of(request.topic)
        joined = len(wanted) >= 2 and re.search(r"\b(és|meg|valamint|and)\b", request.question.lower()) is not None
        scored = []
        for article_id, score in best.items():
            article = by_id.get(article_id)
            if article is None:
                continue
            have = {_name_key(w) for w in re.findall(r"\w+", f"{article.title} {article.text}")}
            # Every name must be there, except in a request joining several ("Békéscsaba és
            # Sopron"), where an article about any of them belongs to the answer.
            present = [key in have for key in wanted]
            if all(present) or (joined and any(present)):
                text_stems = stems_of(f"{article.title} {article.text}")
                covered = len(topic_stems_folded & text_stems) / len(topic_stems_folded) if topic_stems_folded else 0.0
                scored.append((article, score, covered))
        if not scored:
            return []
        top = max(s for _, s, _ in scored)
        top_cover = max(c for *_, c in scored)
        # An article is on the topic when its best sentence is within a band of the best
        # article's (e5 cosines of one topic differ by ~0.05), or when it holds nearly as
        # many of the topic's words as the article that holds most: the later articles of
        # a story repeat its names but not always its wording.
        kept = [(a, s) for a, s, c in scored if s >= top - _TOPIC_BAND or (c > 0 and c >= top_cover - _COVER_BAND)]
        return sorted(kept, key=lambda x: -x[1])[:limit]


_TOPIC_BAND = 0.06


def stems_of(text: str) -> set[str]:
    from qa.kinds.salience import stems

    return set(stems(text))
_COVER_BAND = 0.2


def _name_key(word: str) -> str:
    return fold(word)[:4]


def _allows(filters: Filters, article: Article) -> bool:
    return (
        (filters.date_from is None or article.published_int >= filters.date_from)
        and (filters.date_to is None or article.published_int <= filters.date_to)
        and (not filters.article_ids or article.article_id in filters.article_ids)
    )


def cited(text: str, marker: int) -> str:
    """'Sentence.' + 1 -> 'Sentence [1].': the marker stays inside its sentence."""
    body, stop = (text[:-1], text[-1]) if text[-1:] in ".!?…" else (text, "")
    return f"{body} [{marker}]{stop}"


def citations_for(chosen: Sequence[Sentence]) -> tuple[dict[int, int], tuple[Citation, ...]]:
    """Marker per chosen sentence (by index) and the citations, numbered in order of use."""
    markers: dict[int, int] = {}
    citations: list[Citation] = []
    for i, s in enumerate(chosen):
        markers[i] = len(citations) + 1
        citations.append(Citation(markers[i], s.passage, s.text, s.start, s.end))
    return markers, tuple(citations)


def finish(request: Request, text: str, citations=(), refused: bool = False, **extra) -> Answer:
    """The Answer of a non-fact kind: its text as built, nothing generated to check."""
    return Answer(
        question=request.question,
        text=text,
        citations=tuple(citations),
        refused=refused,
        language=request.language,
        standalone_question=request.standalone,
        kind=request.kind,
        period=period_label(request),
        **extra,
    )


def period_label(request: Request) -> str:
    if request.period is None:
        return ""
    return request.period.label_hu if request.language == "hu" else request.period.label_en


def in_period(request: Request) -> str:
    """' (2025. július)' after a heading or sentence, '' when the question named no period."""
    return f" ({period_label(request)})" if request.period else ""


def with_period(filters: Filters | None, request: Request) -> Filters | None:
    """The user's filters narrowed to the period the question names."""
    if request.period is None:
        return filters
    base = filters or Filters()
    lo = max(x for x in (base.date_from, request.period.date_from) if x is not None)
    hi_values = [x for x in (base.date_to, request.period.date_to) if x is not None]
    return replace(base, date_from=lo, date_to=min(hi_values))
