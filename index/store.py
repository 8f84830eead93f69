"""The Chroma store: passages with their vectors, and one record per article.

Per article the passages are written first and the article record last, so the record
is the commit marker: an article whose record is missing, or whose passages do not match
its record, was interrupted and is rewritten by the next build.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Collection, Sequence

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from llama_index.core.schema import MetadataMode, NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.utils import node_to_metadata_dict
from llama_index.vector_stores.chroma import ChromaVectorStore
from llama_index.vector_stores.chroma.base import MAX_CHUNK_SIZE as _MAX_WRITE

from index.articles import Article
from index.manifest import Manifest
from index.passages import Passage
from index.settings import IndexSettings

logger = logging.getLogger(__name__)

_clients: dict[tuple, Any] = {}
_clients_lock = threading.Lock()
# Chroma caps one request; reading the whole store goes in pages of this size.
_PAGE = 5000


class StoreError(RuntimeError):
    """The store cannot be used as asked; the message says what to do."""


class StoreUnavailable(StoreError):
    """The Chroma server cannot be reached."""


def _client(settings: IndexSettings):
    """One client per process and location (Chroma wants no second client on a path)."""
    if settings.chroma_host:
        key = ("http", settings.chroma_host, settings.chroma_port, settings.chroma_token)
    else:
        key = ("path", str(settings.store_dir.resolve()))
    with _clients_lock:
        if key not in _clients:
            # Only for a new client: reading these settings from the environment costs ~7 ms.
            chroma_settings = ChromaSettings(anonymized_telemetry=False)
            if settings.chroma_host:
                headers = {"Authorization": f"Bearer {settings.chroma_token}"} if settings.chroma_token else None
                try:
                    _clients[key] = chromadb.HttpClient(
                        host=settings.chroma_host, port=settings.chroma_port, headers=headers, settings=chroma_settings
                    )
                except Exception as exc:
                    raise StoreUnavailable(unreachable_message(settings)) from exc
            else:
                settings.store_dir.mkdir(parents=True, exist_ok=True)
                _clients[key] = chromadb.PersistentClient(path=key[1], settings=chroma_settings)
        return _clients[key]


def unreachable_message(settings: IndexSettings) -> str:
    return (
        f"A Chroma szerver nem érhető el ({settings.chroma_host}:{settings.chroma_port}). "
        "Indítsa el (`chroma run`), vagy ellenőrizze a NEWSQA_CHROMA_HOST/PORT beállítást."
    )


def location(settings: IndexSettings) -> str:
    if settings.chroma_host:
        return f"chroma://{settings.chroma_host}:{settings.chroma_port}/{settings.collection}"
    return str(settings.store_dir)


class Store:
    """Passages and articles in two Chroma collections named after `settings.collection`."""

    def __init__(self, settings: IndexSettings):
        self.settings = settings
        client = _client(settings)
        try:
            self._passages = client.get_or_create_collection(
                f"{settings.collection}-passages", metadata={"hnsw:space": "cosine"}
            )
            self._articles = client.get_or_create_collection(f"{settings.collection}-articles")
        except Exception as exc:
            if settings.chroma_host:
                raise StoreUnavailable(unreachable_message(settings)) from exc
            raise
        self.vector_store = ChromaVectorStore(chroma_collection=self._passages)

    # -- manifest ---------------------------------------------------------------
    def manifest(self) -> Manifest | None:
        meta = self._passages.metadata or {}
        if "embed_model" not in meta:
            return None
        return Manifest(
            meta["embed_model"], int(meta["passage_chars"]), int(meta.get("chunker", 0)), str(meta.get("embed_backend", "torch"))
        )

    def info(self) -> dict[str, Any]:
        return dict(self._passages.metadata or {})

    def set_info(self, manifest: Manifest, **extra: Any) -> None:
        meta = {
            "embed_model": manifest.embed_model,
            "embed_backend": manifest.embed_backend,
            "passage_chars": manifest.passage_chars,
            "chunker": manifest.chunker,
        }
        meta.update(extra)
        self._passages.modify(metadata=meta)

    def check(self, expected: Manifest) -> None:
        """Refuse a store whose vectors or passages were made differently from what `expected`
        (the question embedder's manifest) can search."""
        found = self.manifest()
        if found is None or self.count() == 0:
            raise StoreError(f"The store at {location(self.settings)} is empty: run `python -m index build` first.")
        if not found.searchable_with(expected):
            raise StoreError(
                f"The store at {location(self.settings)} was built with {found.describe()}, "
                f"but this setup uses {expected.describe()}. Rebuild it: `python -m index build --rebuild`."
            )

    def clear(self) -> None:
        client = _client(self.settings)
        for name in (self._passages.name, self._articles.name):
            client.delete_collection(name)
        self.__init__(self.settings)

    # -- reading ----------------------------------------------------------------
    def count(self) -> int:
        return self._passages.count()

    def _get_all(self, collection, include: list[str], where: dict | None = None) -> dict[str, list]:
        out: dict[str, list] = {"ids": [], **{k: [] for k in include}}
        offset = 0
        while True:
            page = collection.get(include=include, where=where, limit=_PAGE, offset=offset)
            for key in out:
                out[key].extend(page[key])
            if len(page["ids"]) < _PAGE:
                return out
            offset += _PAGE

    def article_records(self) -> dict[str, dict[str, Any]]:
        got = self._get_all(self._articles, ["metadatas"])
        return dict(zip(got["ids"], got["metadatas"]))

    def passage_keys(self) -> dict[str, list[tuple[str, str]]]:
        """article_id -> [(passage_id, article_hash)] as stored."""
        got = self._get_all(self._passages, ["metadatas"])
        keys: dict[str, list[tuple[str, str]]] = {}
        for pid, meta in zip(got["ids"], got["metadatas"]):
            keys.setdefault(str(meta.get("article_id")), []).append((pid, str(meta.get("article_hash"))))
        return keys

    def passages(self, article_ids: Sequence[str] | None = None) -> list[Passage]:
        """Every stored passage (the lexical index is built from these), in article order."""
        where = {"article_id": {"$in": list(article_ids)}} if article_ids else None
        got = self._get_all(self._passages, ["documents", "metadatas"], where)
        found = [passage_from_record(pid, doc, meta) for pid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"])]
        return sorted(found, key=lambda p: (p.article_id, p.start))

    def articles(self) -> list[Article]:
        got = self._get_all(self._articles, ["documents", "metadatas"])
        found = [_article_from_record(aid, doc, meta) for aid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"])]
        return sorted(found, key=lambda a: (a.published_int, a.article_id))

    def article(self, article_id: str) -> Article | None:
        got = self._articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return _article_from_record(got["ids"][0], got["documents"][0], got["metadatas"][0])

    def vectors(self, passage_ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored embeddings of these passages (for scoring without embedding again)."""
        if not passage_ids:
            return {}
        got = self._passages.get(ids=list(passage_ids), include=["embeddings"])
        return {pid: list(vec) for pid, vec in zip(got["ids"], got["embeddings"])}

    # -- writing ----------------------------------------------------------------
    def write_article(
        self, article: Article, passages: Sequence[Passage], embeddings: Sequence[Sequence[float]], replace: bool = True
    ) -> None:
        """Replace an article's passages, then commit its record.

        `replace=False` skips deleting old passages, for an article known to have none:
        Chroma's delete-by-metadata scans the collection, which dominates large builds.
        """
        self.write_articles([(article, passages, embeddings, replace)])

    def write_articles(
        self, items: Sequence[tuple[Article, Sequence[Passage], Sequence[Sequence[float]], bool]], new: Collection[str] = ()
    ) -> None:
        """`write_article` for several articles at once: all their passages, then all their records.

        A Chroma write costs ~40-50 ms here whatever its size (4 s of a 200-passage build
        when each article of ~5 passages was written alone), so a build writes the articles
        of one embedding chunk together. The records still go last: a write cut short leaves
        articles without records, which the next build sees as unfinished and rewrites.
        `new`: ids of articles known to have no record yet, added rather than upserted
        (an upsert looks each id up first: 95 against 65 ms for the bench's 40 records).
        """
        for article, _, _, replace in items:
            if replace:
                self.vector_store.delete(article.article_id)
        self.add_passages([_node(a, p, e, len(ps)) for a, ps, es, _ in items for p, e in zip(ps, es)])
        records = {
            "ids": [a.article_id for a, *_ in items],
            "documents": [a.text for a, *_ in items],
            "embeddings": [[1.0]] * len(items),  # never searched; Chroma wants a vector for every record
            "metadatas": [
                {
                    "title": a.title,
                    "published": a.published,
                    "published_int": a.published_int,
                    "category": a.category,
                    "source": a.source,
                    "url": a.url,
                    "article_hash": a.content_hash,
                    "passages": len(ps),
                }
                for a, ps, *_ in items
            ],
        }
        for write, is_new in ((self._articles.add, True), (self._articles.upsert, False)):
            rows = [k for k, article_id in enumerate(records["ids"]) if (article_id in new) == is_new]
            if rows:
                write(**{key: [values[k] for k in rows] for key, values in records.items()})

    def add_passages(self, nodes: Sequence[TextNode]) -> None:
        """The passages' rows, as llama-index's `ChromaVectorStore.add` writes them (its metadata
        layout, which its queries read back), with the vectors as one float32 array: Chroma checks
        a list of Python floats value by value (~30 ms of the bench's 200-passage write)."""
        for start in range(0, len(nodes), _MAX_WRITE):
            part = nodes[start : start + _MAX_WRITE]
            metadatas = []
            for node in part:
                meta = node_to_metadata_dict(node, remove_text=True, flat_metadata=self.vector_store.flat_metadata)
                metadatas.append({k: "" if v is None else v for k, v in meta.items()})
            self._passages.add(
                ids=[n.node_id for n in part],
                embeddings=np.asarray([n.get_embedding() for n in part], dtype=np.float32),
                metadatas=metadatas,
                documents=[n.get_content(metadata_mode=MetadataMode.NONE) for n in part],
            )

    def remove_article(self, article_id: str) -> None:
        """Record first, so an interrupted removal is still seen as unfinished."""
        self._articles.delete(ids=[article_id])
        self.vector_store.delete(article_id)


def _node(article: Article, passage: Passage, embedding: Sequence[float], count: int) -> TextNode:
    node = TextNode(
        id_=passage.passage_id,
        text=passage.text,
        embedding=list(embedding),
        metadata={
            "article_id": article.article_id,
            "title": article.title,
            "published": article.published,
            "published_int": article.published_int,
            "category": article.category,
            "source": article.source,
            "url": article.url,
            "start": passage.start,
            "end": passage.end,
            "article_hash": article.content_hash,
            "article_passages": count,
        },
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=article.article_id)
    return node


def passage_from_record(passage_id: str, text: str, meta: dict[str, Any]) -> Passage:
    return Passage(
        passage_id,
        str(meta["article_id"]),
        text,
        int(meta["start"]),
        int(meta["end"]),
        str(meta.get("title", "")),
        str(meta.get("published", "")),
        int(meta.get("published_int", 0)),
        str(meta.get("source", "")),
        str(meta.get("url", "")),
    )


def _article_from_record(article_id: str, text: str, meta: dict[str, Any]) -> Article:
    return Article(
        article_id,
        str(meta.get("title", "")),
        str(meta.get("published", "")),
        int(meta.get("published_int", 0)),
        str(meta.get("category", "")),
        str(meta.get("source", "")),
        str(meta.get("url", "")),
        text,
    )
