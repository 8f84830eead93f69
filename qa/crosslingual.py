"""English words found in Hungarian sentences, with e5 itself: no translator exists offline.

An English question's words never occur in a Hungarian article, so what it asks about
("How much did the *renovation* of the *bridge* cost?") could not be matched by words, and
English questions lost the chooser's focus checks. Multilingual e5 places a word near its
translation: embedded alone, "parking" ~ "parkolás" 0.92, "budget" ~ "költségvetés" 0.93,
"mayor" ~ "polgármester" 0.90. But some Hungarian words sit near every English word
("dolgozó", "szerint": 0.85–0.86 to most), and the band is narrow, so a word is taken for a
translation by how far it stands out of the English word's own row: its cosine minus the
median of that word's cosines to every candidate word, at least `margin`.
"""

from __future__ import annotations

import threading
from typing import Sequence

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from qa.text import stopwords, words

# Fitted on the English dev questions (see `eval`): how far above the English word's median
# cosine to the candidates' words a Hungarian word must stand to count as its translation.
MARGIN = 0.045


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning: no stop words, numbers or words under three letters."""
    return [w.lower() for w in words(text) if len(w) > 2 and not w.isdigit() and w.lower() not in stopwords()]


class WordAligner:
    """Matches English words to Hungarian words by their e5 vectors, each word embedded once."""

    def __init__(self, embed_model: BaseEmbedding, margin: float = MARGIN, cache_size: int = 200_000):
        self.embed_model, self.margin, self._cache_size = embed_model, margin, cache_size
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def vectors(self, items: Sequence[str]) -> np.ndarray:
        """Unit vectors of single words, cached: a corpus's words repeat from question to question."""
        with self._lock:
            missing = [w for w in dict.fromkeys(items) if w not in self._cache]
        if missing:
            # One prefix on both sides ("passage: ", the batched call every backend has):
            # mixing the two moves translations apart ("mayor" ~ "polgármester" 0.86 vs 0.90).
            new = self.embed_model.get_text_embedding_batch(missing)
            with self._lock:
                if len(self._cache) > self._cache_size:
                    self._cache.clear()
                self._cache.update(zip(missing, (np.asarray(v, dtype=np.float32) for v in new)))
        with self._lock:
            return np.stack([self._cache[w] for w in items]) if items else np.zeros((0, 0), dtype=np.float32)

    def align(self, english: Sequence[str], hungarian: Sequence[str]) -> dict[str, frozenset[str]]:
        """For each English word, the words of `hungarian` that stand out as its translation."""
        english, hungarian = list(dict.fromkeys(english)), list(dict.fromkeys(hungarian))
        if not english or len(hungarian) < 2:
            return {w: frozenset() for w in english}
        cos = self.vectors(english) @ self.vectors(hungarian).T
        above = cos - np.median(cos, axis=1, keepdims=True)
        return {w: frozenset(h for h, a in zip(hungarian, row) if a >= self.margin) for w, row in zip(english, above)}
