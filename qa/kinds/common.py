"""What every non-fact kind shares: the store's article records, dates in words, the
articles on a topic, and sentences with their citations."""

from __future__ import annotations

import bisect
import re
import threading
from collections import Counter
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from index import Article, Passage, split_sentences
from qa.evidence import is_evidence
from qa.kinds import stories, topic
from qa.planner import Request, fold
from qa.retrieval import Filters
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
    paragraph: int = 0  # 0 for the lead paragraph; sub-heads are not paragraphs
    in_paragraph: int = 0  # 0 for a paragraph's first sentence


def paragraph_starts(text: str) -> list[int]:
    """Where each body paragraph of an article's text starts; sub-heads ("## …") are none."""
    return [m.start() for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text) if not m.group().strip().startswith("#")]


def _folded_words(article: Article) -> list[str]:
    """The article's words, title first, in lower case without accents."""
    return [fold(w) for w in re.findall(r"\w+", f"{article.title} {article.text}")]


class Library:
    """The store's articles and their sentences, read once per store revision."""

    def __init__(self, store, retriever, scorer):
        self.store, self.retriever, self.scorer = store, retriever, scorer
        self._lock = threading.Lock()
        self._revision: object = None
        self._articles: tuple[Article, ...] = ()
        self._dates: tuple[int, int] | None = None
        self._sentences: dict[str, list[Sentence]] = {}
        self._derived: dict = {}  # what is derived from the articles: per article (what, id), or the collection's (a name)

    def _refresh(self) -> None:
        revision = (self.store.info().get("revision"), self.store.count())
        with self._lock:
            if revision != self._revision:
                self._articles = tuple(self.store.articles())
                dated = [a.published_int for a in self._articles if a.published_int]
                self._dates = (min(dated), max(dated)) if dated else None
                self._sentences, self._derived, self._revision = {}, {}, revision

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
        starts = paragraph_starts(article.text)
        for p in sorted(passages, key=lambda p: p.start):
            for s, e in split_sentences(p.text):
                text = p.text[s:e]
                if fold(text).strip(" .") == title_key or not is_evidence(text):
                    continue
                block = max(0, bisect.bisect_right(starts, p.start + s) - 1)
                before = sum(1 for x in out if x.paragraph == block)
                out.append(Sentence(article, p, p.start + s, p.start + e, text, len(out), block, before))
        with self._lock:
            self._sentences[article.article_id] = out
        return out

    def vectors(self, sentences: Sequence[Sentence]) -> np.ndarray:
        return self.scorer.vectors([s.text for s in sentences]) if sentences else np.zeros((0, 1), dtype=np.float32)

    def case_counts(self) -> Counter:
        """How often the collection writes each word capitalised and not (see `topic`)."""
        return self._derive("case", topic.case_counts)

    def postings(self) -> tuple[list[str], dict[str, dict[str, int]]]:
        """The collection's words, folded and sorted, and for each the articles writing it and
        how often (titles included): an index read once, for looking words up across an archive."""
        def make(articles):
            index: dict[str, dict[str, int]] = {}
            for article in articles:
                # counted here, not kept per article as well: an archive's index is big enough
                for word, n in Counter(_folded_words(article)).items():
                    index.setdefault(word, {})[article.article_id] = n
            return sorted(index), index

        return self._derive("postings", make)

    def openings(self) -> frozenset[str]:
        """The capitalised words the collection's sentences begin with, folded (see `topic`)."""
        return self._derive("openings", topic.openings)

    def writes(self, stem: str) -> bool:
        """Some article writes a word beginning with the folded stem (sentence starts aside)."""
        words = self._derive("vocabulary", lambda _: sorted({w for w, _ in self.case_counts()}))
        i = bisect.bisect_left(words, stem)
        return i < len(words) and words[i].startswith(stem)

    def _derive(self, key, make):
        """What `make` derives from the collection's articles, made once per store revision. Made
        outside the lock from the articles of one revision, and kept in that revision's cache: a
        store changed meanwhile keeps its own, not what the old articles gave."""
        self._refresh()
        with self._lock:
            articles, derived = self._articles, self._derived
            found = derived.get(key)
        if found is None:
            found = make(articles)
            with self._lock:
                derived[key] = found
        return found

    def accent_forms(self) -> dict[str, str]:
        """The collection's words it writes only with accents, by their folded form (`qa.accents`)."""
        from qa.accents import accent_forms

        return self._derive("accents", lambda articles: accent_forms(f"{a.title}\n{a.text}" for a in articles))

    def folded_words(self, article: Article) -> frozenset[str]:
        """The article's words in lower case without accents, title included."""
        return self._per_article("words", article, lambda: frozenset(_folded_words(article)))

    def word_starts(self, article: Article) -> frozenset[str]:
        """The first letters of the article's folded words, for a compound's head (see `topic.heads`)."""
        return self._per_article("starts", article, lambda: topic.word_starts(self.folded_words(article)))

    def folded_text(self, article: Article) -> str:
        """The article's title and text in lower case without accents."""
        return self._per_article("text", article, lambda: fold(f"{article.title}\n{article.text}"))

    def name_keys(self, article: Article) -> frozenset[str]:
        """The names the article writes, keyed as `stories.name_keys` does."""
        return self._per_article("names", article, lambda: stories.name_keys(article))

    def stems(self, article: Article) -> frozenset[str]:
        """The article's content stems without accents, title included."""
        from qa.kinds.salience import stems

        return self._per_article("stems", article, lambda: stems(f"{article.title} {article.text}"))

    def _per_article(self, what: str, article: Article, make):
        return self._derive((what, article.article_id), lambda _: make())

    def on_topic(self, request: Request, filters: Filters | None, limit: int = 12) -> list[tuple[Article, float]]:
        """The articles about the request's topic, best first, with their relevance."""
        return topic.on_topic(self, request, filters, limit)

    def passage_sample(self, articles: int) -> tuple[tuple[str, ...], np.ndarray | None]:
        """The stored vectors of the passages of up to `articles` articles spread over the
        collection (a baseline for one query's cosines), with each row's article id; read once
        per store revision."""
        def make(every: Sequence[Article]):
            ids = [a.article_id for a in list(every)[:: max(1, len(every) // articles)][:articles]]
            passages = self.store.passages(ids)
            vectors = self.store.vectors([p.passage_id for p in passages])
            rows = [p for p in passages if p.passage_id in vectors]
            matrix = np.stack([np.asarray(vectors[p.passage_id], dtype=np.float32) for p in rows]) if rows else None
            return tuple(p.article_id for p in rows), matrix

        return self._derive(("passage sample", articles), make)

    def named_not_about(self, request: Request, filters: Filters | None, limit: int = 3) -> list[Article]:
        """Where the topic has no article: those its names found, which are about something else."""
        return [a for a, _ in topic.on_topic(self, request, filters, limit, named=True)]


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


# A sentence that points back to the one before it: "Ennyibe került végül a kármentesítés",
# "Ekkora összeg nincs a város kasszájában", "Ehhez jön még a vezeték költsége",
# "Közülük 11 céget bírsággal sújtottak", "Szerinte minden perc számít" (who said it), "That is twice the estimate";
# after whom it is said by ("A kórház szerint ez most három hónapra rövidül": what "ez" is).
# Not "Ebben az évben" (this year) nor "Akkora volt a tömeg, hogy…" (it points ahead).
POINTS_BACK = re.compile(r"\W*(?:(?:a|az) (?:\w+ ){1,2}szerint,? )?(ennyi\w*|annyi\w*|ekkora|ilyen\w*|ez|ezt|ezzel|ezert|emiatt|ebbol|ehhez|erre|ennek|kozuluk|kozottuk|ugyanennyi\w*|szerinte|szerintuk|"
                         r"that|this|it|of these|of them)\b")
# A qualifier told in a few words after a sentence ("Az ítélet nem jogerős."): part of what it says.
_SHORT = 5
# A quotation the sentence splitter parted is read whole, up to three sentences.
_QUOTE = 3


def with_pointer(sentences: Sequence[Sentence], i: int) -> str:
    """Sentence i's text, with the next sentence's where that points back to it."""
    if i + 1 < len(sentences) and sentences[i + 1].paragraph == sentences[i].paragraph and POINTS_BACK.match(fold(sentences[i + 1].text)):
        return f"{sentences[i].text} {sentences[i + 1].text}"
    return sentences[i].text


def points_back(sentences: Sequence[Sentence], s: Sentence) -> Sentence | None:
    """The sentence before `s` in its paragraph where `s` points back to it, else None."""
    before = next((b for b in sentences if b.position == s.position - 1), None)
    return before if before is not None and before.paragraph == s.paragraph and POINTS_BACK.match(fold(s.text)) else None


def completed(sentences: Sequence[Sentence], chosen: Sequence[Sentence]) -> list[Sentence]:
    """The chosen sentences of an article with what they need to be read alone: the sentence a
    chosen one points back to ("Közülük 11 céget…" after whom), and a qualifier of a few words
    right after a chosen one, in its paragraph ("Az ítélet nem jogerős."), and the rest of a
    quotation a chosen one only begins or ends, up to its speaker (`quote_span`; a quotation of
    more than _QUOTE sentences is left as chosen)."""
    from qa.kinds.quotes import quote_span

    picked = {s.position for s in chosen}
    by_position = {s.position: s for s in sentences}
    for s in chosen:
        if sentences[s.position] is s and len(span := quote_span(sentences, s.position)) <= _QUOTE:
            picked.update(span)
        after = by_position.get(s.position + 1)
        if (before := points_back(sentences, s)) is not None:
            picked.add(before.position)
        # not a quote's first words ("„A cseppkövek rendkívül sérülékenyek."): a quote is not split
        if after is not None and after.paragraph == s.paragraph and len(after.text.split()) <= _SHORT and not re.search("[„“”\"]", after.text):
            picked.add(after.position)
    return [by_position[p] for p in sorted(picked)]
