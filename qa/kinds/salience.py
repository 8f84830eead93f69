"""How central a sentence is to its article, and how much of it is new: lexical, so that a
summary over thirty articles needs no sentence embeddings (~25 ms a sentence here).

LexRank comes from `sumy`. Its Hungarian tokenizer needs NLTK's punkt data, which is not
offline, and its summarizer returns the chosen sentences but not their scores, so the
sentences are split and stemmed by us and the graph is rated with sumy's own steps.
"""

from __future__ import annotations

import math
import re
from collections import Counter
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


def units(text: str) -> frozenset[str]:
    """What a sentence tells, for telling repeats apart: its content stems and its numbers
    ("86,4 milliárd" is news after "5,3 milliárd", though the words are the same)."""
    return stems(text) | frozenset(_NUMBER_TOKEN.findall(text))


_NUMBER_TOKEN = re.compile(r"\d+(?:[.,\s]\d+)*")
_NAME = re.compile(r"(?<=\s)[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]+")
_ATTRIBUTION = re.compile(r"[–—-]\s*(mondta|nyilatkozta|közölte|fogalmazott|tette hozzá|hangsúlyozta|said|told)\b")
# On LexRank's 0..1 scale: the lead paragraph's sentences gain a third, a quarter and a
# sixth of the best sentence's centrality, a later paragraph's first sentence a tenth
# (news puts its facts first, and each paragraph its point first); a piece of a quotation
# cut by the sentence split loses nearly a third.
_LEAD = (0.35, 0.25, 0.15)
_PARAGRAPH_FIRST = 0.1
_QUOTE_PIECE = 0.3


def specificity(text: str) -> float:
    """News facts are numbers and names: each number (up to four) and name (up to three)
    tells more. A quote's attribution ("– mondta X.") marks an opinion rather than a fact."""
    score = 0.1 * min(4, len(set(_NUMBER_TOKEN.findall(text)))) + 0.1 * min(3, len(_NAME.findall(text)))
    return score - 0.2 * bool(_ATTRIBUTION.search(text))


def shared(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of a's content stems that b holds too."""
    return len(a & b) / len(a) if a else 0.0


def prior(sentence) -> float:
    """Where the sentence stands: in the lead paragraph, or first in a later one."""
    if sentence.paragraph == 0:
        return _LEAD[min(sentence.in_paragraph, len(_LEAD) - 1)]
    return _PARAGRAPH_FIRST if sentence.in_paragraph == 0 else 0.0


def quote_piece(text: str) -> bool:
    """It opens a quotation it does not close, or closes one it did not open: cut from a
    longer quote, it reads wrongly on its own."""
    return sum(text.count(c) for c in "„“") != text.count("”")


def rate(sentences: Sequence) -> np.ndarray:
    """How much each of one article's sentences tells: central (LexRank), specific, placed
    where news puts its facts, and whole."""
    if not sentences:
        return np.zeros(0)
    texts = [s.text for s in sentences]
    score = lexrank(texts) + np.array([specificity(t) for t in texts])
    score += np.array([prior(s) for s in sentences])
    return score - _QUOTE_PIECE * np.array([quote_piece(t) for t in texts])


# A word in three of a story's four articles (and in both of two) is the story's own.
_COMMON_SHARE = 0.75


def background(articles: Sequence[frozenset[str]]) -> frozenset[str]:
    """The story's own words, given each article's stems: those most of its articles
    repeat ("Fekete Zoltán, a vízmű volt vezérigazgatója"). A sentence that restates them
    beside a new fact is not a repeat, and repeating them is no news."""
    if len(articles) < 2:
        return frozenset()
    counts = Counter(w for stems_ in articles for w in stems_)
    return frozenset(w for w, n in counts.items() if n >= max(2, math.ceil(_COMMON_SHARE * len(articles))))
