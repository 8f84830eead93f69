"""Fakes that mean something: a lexical hash embedding and a scripted generator."""

from __future__ import annotations

import hashlib
import time

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

DIM = 512


def _vector(text: str) -> list[float]:
    # Bag of content-word stems, each hashed to a seeded random direction: texts sharing
    # words get similar vectors, so retrieval and evidence tests mean something.
    from qa.text import content_stems

    vec = np.zeros(DIM)
    for stem in content_stems(text.removeprefix("query: ").removeprefix("passage: ")):
        seed = int.from_bytes(hashlib.sha256(stem.encode()).digest()[:4], "little")
        vec += np.random.default_rng(seed).standard_normal(DIM)
    norm = np.linalg.norm(vec)
    return (vec / norm if norm else np.eye(DIM)[0]).tolist()


class FakeEmbedding(BaseEmbedding):
    """Deterministic, normalised; counts the texts it embedded; can fail or be slow on cue."""

    model_name: str = "fake-hash-embedding"
    _calls: list = PrivateAttr(default_factory=list)
    _fail_after: int | None = PrivateAttr(default=None)
    _delay: float = PrivateAttr(default=0.0)

    def __init__(self, fail_after: int | None = None, delay: float = 0.0, **kwargs):
        super().__init__(**kwargs)
        self._fail_after = fail_after
        self._delay = delay

    @property
    def embedded(self) -> int:
        return sum(len(c) for c in self._calls)

    def _embed(self, texts: list[str]) -> list[list[float]]:
        if self._fail_after is not None and self.embedded >= self._fail_after:
            raise KeyboardInterrupt("simulated interruption")
        time.sleep(self._delay)
        self._calls.append(list(texts))
        return [_vector(t) for t in texts]

    def _get_query_embedding(self, query: str) -> list[float]:
        return _vector(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return _vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embed([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embed(texts)


from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata  # noqa: E402
from llama_index.core.llms.callbacks import llm_completion_callback  # noqa: E402


class FakeLLM(CustomLLM):
    """Replies from a queue, word by word when streamed; records every prompt it saw.

    A reply that is an exception instance is raised instead, to play a failing server.
    """

    replies: list = []
    prompts: list = []

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=4096, num_output=256, model_name="fake-llm")

    def _next(self, prompt: str):
        self.prompts.append(prompt)
        reply = self.replies.pop(0) if self.replies else "Nincs több válasz."
        if isinstance(reply, BaseException):
            raise reply
        return reply

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs) -> CompletionResponse:
        return CompletionResponse(text=self._next(prompt))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs):
        reply = self._next(prompt)
        text = ""
        for word in reply.split(" "):
            delta = word if not text else " " + word
            text += delta
            yield CompletionResponse(text=text, delta=delta)


def story_library(texts, case=None):
    """A stand-in for `qa.kinds.common.Library` over a few short articles, each one
    passage: texts are (article_id, "YYYY-MM-DD", title, [sentences]); every article is
    on the topic. `case` is what `case_counts` returns."""
    from collections import Counter

    from index import Article, Passage
    from qa.kinds.common import Sentence
    from qa.kinds.salience import stems
    from qa.kinds.stories import name_keys

    articles, sentences = [], {}
    for article_id, published, title, body in texts:
        article = Article(article_id, title, published, int(published.replace("-", "")), "", "", "", " ".join(body))
        passage = Passage(f"{article_id}-0", article_id, article.text, 0, len(article.text), title, published, article.published_int)
        articles.append(article)
        sentences[article_id] = [Sentence(article, passage, 0, len(t), t, i, 0, i) for i, t in enumerate(body)]

    class Library:
        def on_topic(self, request, filters, limit):
            return [(a, 0.9) for a in articles]

        def articles(self, filters=None):
            return list(articles)

        def folded_text(self, article):
            from qa.planner import fold

            return fold(f"{article.title}\n\n" + "\n\n".join(s.text for s in sentences[article.article_id]))

        def sentences(self, article):
            return sentences[article.article_id]

        def stems(self, article):
            return stems(" ".join(s.text for s in sentences[article.article_id]))

        def name_keys(self, article):
            return name_keys(article)

        def case_counts(self):
            return case if case is not None else Counter()

        def vectors(self, chosen):
            return np.array([_vector(s.text) for s in chosen], dtype=np.float32)

    class Scorer:
        def query_vector(self, text):
            return np.array(_vector(text), dtype=np.float32)

    library = Library()
    library.scorer = Scorer()
    return library


def paragraph_sentences(*paragraphs: list[str]):
    """Sentence records (text, paragraph, position) of an article given as lists of sentences, one per paragraph."""
    from types import SimpleNamespace

    out = []
    for p, texts in enumerate(paragraphs):
        for t in texts:
            out.append(SimpleNamespace(text=t, paragraph=p, position=len(out)))
    return out


def dated_sentence(text: str, article: str, published: int):
    """A candidate sentence of `article`, published on `published` (YYYYMMDD), alone in its passage."""
    from index import Passage
    from qa.evidence import Sentence
    from qa.types import Hit

    passage = Passage(f"p-{article}", article, text, 0, len(text), "Cím", str(published), published)
    return Sentence(Hit(passage, 1.0, 1), 0, len(text), text, 0.9, 0.0)


class ForintChooser:
    """A chooser for `qa.fact_search`: every sentence holding "forint" meets all the question
    asks (feature "constraints" 1.0, probability 0.9), and the first such is picked."""

    class Rated:
        def __init__(self, sentence, constraints: float):
            self.sentence, self.probability, self.features = sentence, 0.9, {"constraints": constraints}

    def rate(self, question, ranked, focus=None):
        return [self.Rated(s, float("forint" in s.text)) for s in ranked]

    def pick(self, rated):
        chosen = [c for c in rated if c.features["constraints"]][:1]
        return chosen, 0.9 if chosen else 0.0
