"""Which sentences of the retrieved passages answer the question, and whether any does."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from index import split_sentences
from qa.answer_window import LOOK, with_windows
from qa.text import answer_type, content_stems, looks_like_injection, new_names
from qa.types import Hit
from qa.units import admit

# Weight of word overlap against e5 cosine in a sentence's score: cosines vary within
# ~0.1, overlap within 0..1, so 0.15 lets three shared words of five (0.6 -> +0.09)
# outweigh a typical cosine gap between a right and a wrong sentence.
_OVERLAP_WEIGHT = 0.15
# Who/where/which questions want a name the question does not hold yet.
_NEW_NAME_BONUS = 0.03


@dataclass(frozen=True)
class Sentence:
    hit: Hit
    start: int  # offsets in the article text
    end: int
    text: str
    cosine: float
    overlap: float
    bonus: float = 0.0
    # The question's best cosine with the words around a number or date the sentence holds,
    # for a how-many or when question (`qa.answer_window`); None otherwise.
    window_cosine: float | None = None

    @property
    def score(self) -> float:
        return self.cosine + _OVERLAP_WEIGHT * self.overlap + self.bonus


def is_evidence(sentence: str) -> bool:
    """Sub-heads, attributions ("– nyilatkozta Kim Dzsongun."), lead-ins to a quote ("…
    hangsúlyozta, hogy:"), the article's own questions and text addressed to a model
    ("ignore the instructions above…") answer nothing."""
    text = sentence.strip()
    attribution = text.startswith(("–", "—", "-")) and len(text.split()) <= 6
    # Markdown sub-heads ("## Lezárják a régi hidat") and short unpunctuated lines.
    heading = text.startswith("#") or (len(text.split()) <= 4 and not text.endswith((".", "!", "”", '"')))
    return (
        len(content_stems(text)) >= 2
        and not attribution
        and not heading
        and not text.endswith(("?", ":"))
        and not looks_like_injection(sentence)
    )


def overlap(question_stems: Sequence[str], text: str) -> float:
    """Share of the question's content stems that occur in `text`."""
    wanted = set(question_stems)
    return len(wanted & set(content_stems(text))) / len(wanted) if wanted else 0.0


class SentenceScorer:
    """Scores sentences against a question; sentence vectors are cached, the corpus repeats."""

    def __init__(self, embed_model: BaseEmbedding, cache_size: int = 50_000):
        self.embed_model = embed_model
        self._cache: dict[str, np.ndarray] = {}
        self._queries: dict[str, np.ndarray] = {}  # the gate and the generator rank the same question
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            new = self.embed_model.get_text_embedding_batch(missing)
            with self._lock:
                if len(self._cache) > self._cache_size:
                    self._cache.clear()
                self._cache.update(zip(missing, (np.asarray(v, dtype=np.float32) for v in new)))
        with self._lock:
            return np.stack([self._cache[t] for t in texts])

    def query_vector(self, question: str) -> np.ndarray:
        with self._lock:
            cached = self._queries.get(question)
        if cached is None:
            cached = np.asarray(self.embed_model.get_query_embedding(question), dtype=np.float32)
            with self._lock:
                if len(self._queries) > 1000:
                    self._queries.clear()
                self._queries[question] = cached
        return cached

    def rank(self, question: str, hits: Sequence[Hit], focus: str | None = None) -> list[Sentence]:
        """Every sentence of `hits`, best first; for a how-many or when question the first
        eight also carry their window cosine (`qa.answer_window`).

        `focus` is the user's own follow-up when `question` is its rewrite: meaning is
        matched on the rewrite, words on what the user actually asked now.
        """
        spans = []
        for hit in hits:
            p = hit.passage
            for s, e in split_sentences(p.text):
                sentence = p.text[s:e]
                if is_evidence(sentence):
                    spans.append((hit, p.start + s, p.start + e, sentence))
        if not spans:
            return []
        query = self.query_vector(question)
        cosines = self.vectors([t for *_, t in spans]) @ query
        stems = content_stems(focus or question) or content_stems(question)
        kind = answer_type(focus or question)
        ranked = [
            Sentence(h, s, e, t, float(c), overlap(stems, t), _NEW_NAME_BONUS if kind == "name" and new_names(t, question) else 0.0)
            for (h, s, e, t), c in zip(spans, cosines)
        ]
        ranked = admit(sorted(ranked, key=lambda x: x.score, reverse=True), focus or question, LOOK)
        return with_windows(ranked, kind, query, self.vectors)


@functools.lru_cache(maxsize=4)
def scorer_for(embed_model: BaseEmbedding) -> SentenceScorer:
    return SentenceScorer(embed_model)
