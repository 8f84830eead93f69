"""How central a sentence is to its article, and how much of it is new: lexical, so that a
summary over thirty articles needs no sentence embeddings (~25 ms a sentence here).

LexRank comes from `sumy`. Its Hungarian tokenizer needs NLTK's punkt data, which is not
offline, and its summarizer returns the chosen sentences but not their scores, so the
sentences are split and stemmed by us and the graph is rated with sumy's own steps.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from qa.text import content_stems, stemmer, stopwords, words


class _Tokenizer:
    """What sumy asks of a tokenizer: the words of a sentence."""

    @staticmethod
    def to_words(text: str) -> list[str]:
        return words(text)


def _stem(word: str) -> str:
    return stemmer().stemWords([word])[0]


def lexrank(texts: Sequence[str]) -> np.ndarray:
    """LexRank centrality of each text among the others, scaled so the best is 1."""
    if len(texts) < 3:
        return np.ones(len(texts))
    # Imported here: sumy pulls in NLTK, scipy and scikit-learn (~2.5 s here), which only a
    # summary needs, not a process's first fact answer.
    from sumy.models.dom import Sentence as SumySentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = LexRankSummarizer(_stem)
    summarizer.stop_words = stopwords()
    tokenizer = _Tokenizer()
    bags = [summarizer._to_words_set(SumySentence(t, tokenizer)) for t in texts]
    matrix = summarizer._create_matrix(bags, summarizer.threshold, summarizer._compute_tf(bags), summarizer._compute_idf(bags))
    scores = np.asarray(summarizer.power_method(matrix, summarizer.epsilon), dtype=float)
    top = scores.max()
    return scores / top if top > 0 else np.ones(len(texts))


def stems(text: str) -> frozenset[str]:
    """Content stems of the text without accents: "mezotur" typed without them still meets "Mezőtúr"."""
    from qa.planner import fold

    return frozenset(content_stems(fold(text)))


_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"(?<=\s)[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]+")
_ATTRIBUTION = re.compile(r"[–—-]\s*(mondta|nyilatkozta|közölte|fogalmazott|tette hozzá|hangsúlyozta|said|told)\b")


def specificity(text: str) -> float:
    """News facts are numbers and names: a sentence with them tells more than one without.
    A quote's attribution ("– mondta X.") marks an opinion rather than a fact."""
    score = 0.3 * bool(_NUMBER.search(text)) + 0.1 * min(3, len(_NAME.findall(text)))
    return score - 0.2 * bool(_ATTRIBUTION.search(text))


def shared(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of a's content stems that b holds too."""
    return len(a & b) / len(a) if a else 0.0
