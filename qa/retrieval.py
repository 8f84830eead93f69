"""Hybrid retrieval: e5 vectors in Chroma and Hungarian BM25, fused by reciprocal rank."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np

from llama_index.core import VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import MockLLM
from llama_index.core.retrievers import BaseRetriever, QueryFusionRetriever
from llama_index.core.schema import BaseNode, NodeWithScore, QueryBundle, TextNode, TransformComponent
from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter, MetadataFilters
from llama_index.retrievers.bm25 import BM25Retriever

from index import Passage, Store
from qa.text import stemmer, stopwords
from qa.types import Hit

logger = logging.getLogger(__name__)
# bm25s sets its own logger to DEBUG on import and prints on every index build.
logging.getLogger("bm25s").setLevel(logging.WARNING)


@dataclass(frozen=True)
class Filters:
    """Optional limits on what is searched: published dates (YYYYMMDD ints) and article ids."""

    date_from: int | None = None
    date_to: int | None = None
    article_ids: tuple[str, ...] = ()

    def allows(self, p: Passage) -> bool:
        return (
            (self.date_from is None or p.published_int >= self.date_from)
            and (self.date_to is None or p.published_int <= self.date_to)
            and (not self.article_ids or p.article_id in self.article_ids)
        )

    def to_llama(self) -> MetadataFilters | None:
        items = []
        if self.date_from is not None:
            items.append(MetadataFilter(key="published_int", value=self.date_from, operator=FilterOperator.GTE))
        if self.date_to is not None:
            items.append(MetadataFilter(key="published_int", value=self.date_to, operator=FilterOperator.LTE))
        if self.article_ids:
            items.append(MetadataFilter(key="article_id", value=list(self.article_ids), operator=FilterOperator.IN))
        return MetadataFilters(filters=items) if items else None


class Retriever(Protocol):
    def retrieve(self, query: str, top_k: int, filters: Filters | None = None, lexical: str | None = None,
                 embedding: np.ndarray | None = None) -> list[Hit]: ...


def _node(p: Passage) -> TextNode:
    node = TextNode(id_=p.passage_id, text=p.text, metadata={"article_id": p.article_id, "start": p.start, "end": p.end, "title": p.title, "published": p.published, "published_int": p.published_int})
    node.excluded_embed_metadata_keys = list(node.metadata)  # BM25 reads the passage text only
    return node


class _Canonical(BaseRetriever):
    """Hands on one shared node per passage id.

    QueryFusionRetriever merges hits by node *hash* (text + metadata), and the nodes that
    Chroma returns carry other metadata than BM25's, so the same passage would count
    twice. Zero scores (BM25's masked or word-less matches) are dropped, and filters are
    checked once more on what comes back.
    """

    def __init__(self, inner: BaseRetriever, nodes: dict[str, TextNode], passages: dict[str, Passage], filters: Filters | None):
        super().__init__()
        self._inner, self._nodes, self._passages, self._filters = inner, nodes, passages, filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = [h for h in self._inner.retrieve(query_bundle) if h.score and h.score > 0 and h.node.node_id in self._nodes]
        if self._filters:
            hits = [h for h in hits if self._filters.allows(self._passages[h.node.node_id])]
        return [NodeWithScore(node=self._nodes[h.node.node_id], score=h.score) for h in hits]


class _MaskedBM25:
    """BM25Retriever fixes its filters when built; per-question filters become the weight
    mask it reads at query time (bm25s zeroes masked passages), set under a lock."""

    def __init__(self, bm25: BM25Retriever, passages: list[Passage], top_k: int):
        self._bm25, self._top_k, self._lock = bm25, top_k, threading.Lock()
        self._published = np.array([p.published_int for p in passages])
        self._articles = np.array([p.article_id for p in passages], dtype=object)

    def mask(self, filters: Filters | None) -> list[int] | None:
        if not filters:
            return None
        keep = np.ones(len(self._published), dtype=bool)
        if filters.date_from is not None:
            keep &= self._published >= filters.date_from
        if filters.date_to is not None:
            keep &= self._published <= filters.date_to
        if filters.article_ids:
            keep &= np.isin(self._articles, list(filters.article_ids))
        return keep.astype(int).tolist()

    def search(self, query: str, filters: Filters | None) -> list[NodeWithScore]:
        mask = self.mask(filters)
        if mask is not None and not any(mask):
            return []
        with self._lock:
            self._bm25.corpus_weight_mask = mask
            self._bm25.similarity_top_k = min(self._top_k, len(self._published))
            return self._bm25.retrieve(query)


class _BM25ForQuery(BaseRetriever):
    """The shared lexical index with one question's filters, as fusion wants a retriever.

    `words` replaces the query for BM25 alone: an English question shares only its names
    with Hungarian articles, and its other words would rank passages by chance.
    """

    def __init__(self, bm25: _MaskedBM25, filters: Filters | None, words: str | None = None):
        super().__init__()
        self._bm25, self._filters, self._words = bm25, filters, words

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        if self._words is not None and not self._words.strip():
            return []
        return self._bm25.search(self._words if self._words is not None else query_bundle.query_str, self._filters)


class _SearchOnly(TransformComponent):
    """The index's transformations: it only searches (the store is written by `index.build`),
    and without one llama-index builds its default splitter, loading tiktoken (~0.4 s)."""

    def __call__(self, nodes: list[BaseNode], **kwargs) -> list[BaseNode]:
        raise TypeError("the search index takes no documents: write through index.build")


class HybridRetriever:
    """Dense + BM25 over the same stored passages; BM25 is rebuilt when the store changes.

    `query_vector` (str -> unit vector), when given, embeds the question instead of the
    index: the assistant passes its scorer's cache, so that a question is embedded once.
    """

    def __init__(self, store: Store, embed_model: BaseEmbedding, candidates: int = 20,
                 query_vector: Callable[[str], np.ndarray] | None = None):
        self.store = store
        self.embed_model = embed_model
        self.candidates = candidates
        self.query_vector = query_vector
        self._index = VectorStoreIndex.from_vector_store(store.vector_store, embed_model=embed_model, transformations=[_SearchOnly()])
        self._lock = threading.Lock()
        self._revision: object = None
        self._bm25: _MaskedBM25 | None = None
        self.passages: dict[str, Passage] = {}
        self._nodes: dict[str, TextNode] = {}
        self.refresh()

    def refresh(self) -> bool:
        """Rebuild the lexical index if a build changed the store since; True if it did."""
        revision = (self.store.info().get("revision"), self.store.count())
        with self._lock:
            if revision == self._revision:
                return False
            passages = self.store.passages()
            self.passages = {p.passage_id: p for p in passages}
            self._nodes = {p.passage_id: _node(p) for p in passages}
            self._bm25 = (
                _MaskedBM25(
                    BM25Retriever.from_defaults(
                        nodes=[self._nodes[p.passage_id] for p in passages],
                        stemmer=stemmer(),
                        language=sorted(stopwords()),  # bm25s takes a list where a language name has none
                        similarity_top_k=min(self.candidates, len(passages)),
                    ),
                    passages,
                    self.candidates,
                )
                if passages
                else None
            )
            self._revision = revision
            logger.info("Lexical index: %d passages", len(passages))
            return True

    def retrieve(self, query: str, top_k: int, filters: Filters | None = None, lexical: str | None = None,
                 embedding: np.ndarray | None = None) -> list[Hit]:
        """Passages for `query`; `lexical`, when given, is what BM25 searches instead, and
        `embedding` the query's e5 vector when the caller has it already."""
        self.refresh()
        if self._bm25 is None:
            return []
        dense = self._index.as_retriever(similarity_top_k=self.candidates, filters=filters.to_llama() if filters else None)
        fusion = QueryFusionRetriever(
            [_Canonical(r, self._nodes, self.passages, filters) for r in (dense, _BM25ForQuery(self._bm25, filters, lexical))],
            llm=MockLLM(),  # never called: num_queries=1 generates no extra queries
            mode="reciprocal_rerank",
            similarity_top_k=top_k,
            num_queries=1,
            use_async=False,
        )
        if embedding is None and self.query_vector:
            embedding = self.query_vector(query)
        vector = None if embedding is None else [float(x) for x in embedding]
        results = fusion.retrieve(QueryBundle(query_str=query, embedding=vector))
        return [Hit(self.passages[r.node.node_id], float(r.score or 0.0), rank) for rank, r in enumerate(results, 1)]
