"""What a user assembles from llama-index defaults, to measure ourselves against.

VectorStoreIndex.from_documents with the default SentenceSplitter and the same e5
model, top-k retrieval (the default k=2), and its passages cited whole: no lexical
search, no sentence selection, no refusal.
"""

from __future__ import annotations

import time

from llama_index.core import Document, VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding

from index import Article, Passage
from qa import Answer, Citation, Hit

DEFAULT_TOP_K = 2  # llama-index's own default similarity_top_k


class Baseline:
    name = "baseline"

    def __init__(self, articles: list[Article], embed_model: BaseEmbedding, top_k: int = DEFAULT_TOP_K):
        self.articles = {a.article_id: a for a in articles}
        documents = [Document(text=a.text, doc_id=a.article_id, metadata={"title": a.title, "published": a.published}) for a in articles]
        self.index = VectorStoreIndex.from_documents(documents, embed_model=embed_model)
        self.retriever = self.index.as_retriever(similarity_top_k=top_k)

    def ask(self, question: str) -> Answer:
        started = time.perf_counter()
        hits = []
        for rank, result in enumerate(self.retriever.retrieve(question), 1):
            node = result.node
            article = self.articles[node.ref_doc_id]
            start = node.start_char_idx or 0
            end = node.end_char_idx or start + len(node.get_content())
            passage = Passage(node.node_id, article.article_id, node.get_content(), start, end, article.title, article.published, article.published_int)
            hits.append(Hit(passage, float(result.score or 0.0), rank))
        citations = tuple(Citation(h.rank, h.passage, h.passage.text, h.passage.start, h.passage.end) for h in hits)
        text = " ".join(f"{h.passage.text} [{h.rank}]" for h in hits)
        return Answer(question, text, citations, refused=False, retrieved=tuple(hits), generator=self.name,
                      timings={"total_s": round(time.perf_counter() - started, 4)})
