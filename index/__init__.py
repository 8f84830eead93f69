"""Ingestion: articles -> passages -> e5 vectors -> a Chroma store.

Importing this package first makes the process offline: no model hub, no telemetry.
"""

import os

# Must happen before huggingface_hub is first imported, or it retries the hub for a minute.
for _key, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
}.items():
    os.environ.setdefault(_key, _value)

from index.articles import Article, ArticleError, Skipped  # noqa: E402
from index.build import BuildReport, build, manifest_for, status  # noqa: E402
from index.embedding import load_embedder, load_query_embedder  # noqa: E402
from index.passages import Passage, split_sentences  # noqa: E402
from index.settings import IndexSettings  # noqa: E402
from index.store import Manifest, Store, StoreError, StoreUnavailable  # noqa: E402

__all__ = [
    "Article",
    "ArticleError",
    "BuildReport",
    "IndexSettings",
    "Manifest",
    "Passage",
    "Skipped",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "build",
    "load_embedder",
    "load_query_embedder",
    "manifest_for",
    "split_sentences",
    "status",
]
