"""Bringing the store in line with an articles folder: add, update, remove, skip."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

from llama_index.core.base.embeddings.base import BaseEmbedding

from index.articles import Article, Skipped
from index.embedding import backend_identity, identity_for, load_embedder, model_identity, passage_input
from index.passages import Passage, split_article
from index.settings import IndexSettings
from index.store import Manifest, Store, location

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (passages embedded so far, passages to embed)
# Passages are sorted by length within a chunk, so a larger chunk pads less: on the bench's
# 200 passages, chunks of 8 batches of 16 padded 3.3 % more tokens than one sorted run,
# 16 batches none. A killed build redoes at most one chunk (~25-45 s of embedding here).
_BATCHES_PER_CHUNK = 16


@dataclass(frozen=True)
class BuildReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: tuple[Skipped, ...] = ()
    passages_written: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0
    rebuilt: bool = False

    def summary(self) -> str:
        reasons = Counter(s.reason.split(" (")[0] for s in self.skipped)
        why = f" ({'; '.join(f'{n}× {r}' for r, n in reasons.items())})" if reasons else ""
        return (
            f"articles: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed, {len(self.skipped)} skipped{why}; "
            f"{self.passages_written} passages written in {self.seconds:.1f} s"
        )


@dataclass(frozen=True)
class _Write:
    article: Article
    passages: list[Passage]
    is_new: bool  # no article record yet
    has_passages: bool  # some passages of it are stored (old, or from an interrupted run)


@dataclass
class _Plan:
    write: list[_Write] = field(default_factory=list)
    unchanged: int = 0
    remove: list[str] = field(default_factory=list)


def manifest_for(settings: IndexSettings, embed_model: BaseEmbedding | None = None) -> Manifest:
    """What a store built with these settings (and this model, default: the settings' e5) records."""
    if embed_model is not None:
        return Manifest(model_identity(embed_model), settings.passage_chars, embed_backend=backend_identity(embed_model))
    identity, backend = identity_for(settings)
    return Manifest(identity, settings.passage_chars, embed_backend=backend)


def _plan(store: Store, articles: list[Article], settings: IndexSettings) -> _Plan:
    records = store.article_records()
    stored = store.passage_keys()
    plan = _Plan()
    for article in articles:
        passages = split_article(article, settings.passage_chars)
        record = records.get(article.article_id)
        expected = {(p.passage_id, article.content_hash) for p in passages}
        if record and record.get("article_hash") == article.content_hash and set(stored.get(article.article_id, [])) == expected:
            plan.unchanged += 1
        else:
            plan.write.append(_Write(article, passages, record is None, article.article_id in stored))
    current = {a.article_id for a in articles}
    # Records of vanished articles, and passages whose article record never got written.
    plan.remove = sorted((set(records) | set(stored)) - current)
    return plan


def build(
    settings: IndexSettings | None = None,
    *,
    articles_dir: Path | None = None,
    embed_model: BaseEmbedding | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
    feeds: Sequence[str] | None = None,
) -> BuildReport:
    """Index every article under `articles_dir` (default: settings.articles_dir) and `feeds`
    (feed URLs, default: settings.feeds).

    Only new or changed articles are embedded; articles gone from the folder are removed,
    but entries of the feed URLs stay (feeds roll, and a feed can be down for a while).
    A folder with no readable article is an error, so a typo cannot empty the store.
    """
    # Here, not at the top: `qa` imports this module for `manifest_for`, and the page and feed
    # readers (~50-70 ms of imports) are no use to a process that only answers.
    from index.feeds import from_feed, read_sources

    settings = settings or IndexSettings()
    # One build at a time per store in this process (two chat sessions uploading at once): a
    # build plans against the records it reads, and adds the articles it found new.
    with _build_lock(settings):
        started = time.perf_counter()
        folder = articles_dir or settings.articles_dir
        feeds = settings.feeds if feeds is None else tuple(feeds)
        articles, skipped = read_sources(folder, settings, feeds)
        if not articles:
            raise ValueError(f"no readable articles in {folder}" + (f" ({len(skipped)} skipped)" if skipped else ""))

        manifest = manifest_for(settings, embed_model)
        store = Store(settings)
        found = store.manifest()
        rebuilt = rebuild or (found is not None and found != manifest)
        if rebuilt:
            logger.info("Rebuilding the store from scratch (was: %s)", found.describe() if found else "empty")
            store.clear()
        store.set_info(manifest, **{k: v for k, v in store.info().items() if k in ("built_at", "revision")})

        plan = _plan(store, articles, settings)
        plan.remove = [a for a in plan.remove if not from_feed(a, feeds)]
        for article_id in plan.remove:
            store.remove_article(article_id)

        total = sum(len(w.passages) for w in plan.write)
        done, embed_seconds = 0, 0.0
        if progress:
            progress(0, total)
        if plan.write and embed_model is None:
            embed_model = load_embedder(settings)  # only now: a no-change build needs no model
        # Embed across article borders in chunks of several batches (articles of 3-5 passages
        # would otherwise make small, slow batches); commit each article once it is complete.
        chunk = settings.embed_batch_size * _BATCHES_PER_CHUNK
        queue = [(i, passage_input(w.article.title, p.text)) for i, w in enumerate(plan.write) for p in w.passages]
        vectors: dict[int, list] = {}
        committed = 0
        for start in range(0, len(queue), chunk):
            # Similar lengths in each batch pad less; the order within an article is kept.
            part = sorted(enumerate(queue[start : start + chunk]), key=lambda x: len(x[1][1]))
            t0 = time.perf_counter()
            embedded = embed_model.get_text_embedding_batch([text for _, (_, text) in part])
            for (_, (i, _)), vector in sorted(zip(part, embedded), key=lambda x: x[0][0]):
                vectors.setdefault(i, []).append(vector)
            embed_seconds += time.perf_counter() - t0
            # The articles this chunk completed, written together (Chroma pays per call).
            ready = committed
            while ready < len(plan.write) and len(vectors.get(ready, ())) == len(plan.write[ready].passages):
                ready += 1
            finished = plan.write[committed:ready]
            if finished:
                store.write_articles(
                    [(w.article, w.passages, vectors.pop(i), w.has_passages) for i, w in enumerate(finished, committed)],
                    new={w.article.article_id for w in finished if w.is_new},
                )
            committed = ready
            for w in finished:
                done += len(w.passages)
                if progress:
                    progress(done, total)

        revision = int(store.info().get("revision", 0)) + (1 if plan.write or plan.remove else 0)
        store.set_info(manifest, built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), revision=revision)
        added = sum(1 for w in plan.write if w.is_new)
        report = BuildReport(
            added=added,
            updated=len(plan.write) - added,
            unchanged=plan.unchanged,
            removed=len(plan.remove),
            skipped=tuple(skipped),
            passages_written=done,
            seconds=time.perf_counter() - started,
            embed_seconds=embed_seconds,
            rebuilt=rebuilt,
        )
        logger.debug(report.summary())
        return report


_build_locks: dict[str, threading.Lock] = {}
_build_locks_guard = threading.Lock()


def _build_lock(settings: IndexSettings) -> threading.Lock:
    with _build_locks_guard:
        return _build_locks.setdefault(location(settings), threading.Lock())


def status(settings: IndexSettings | None = None) -> dict:
    """What the store holds, as a JSON-ready dict."""
    settings = settings or IndexSettings()
    store = Store(settings)
    info = store.info()
    articles = store.articles()
    return {
        "store": location(settings),
        "articles": len(articles),
        "passages": store.count(),
        "embed_model": info.get("embed_model"),
        "embed_backend": info.get("embed_backend", "torch" if info.get("embed_model") else None),
        "passage_chars": info.get("passage_chars"),
        "chunker": info.get("chunker"),
        "built_at": info.get("built_at"),
        "revision": info.get("revision", 0),
        "titles": [
            {
                "article_id": a.article_id,
                "title": a.title,
                "published": a.published,
                "published_int": a.published_int,
                "source": a.source,
                "url": a.url,
            }
            for a in articles
        ],
    }
