"""e5 vectors from an OpenAI-compatible `/v1/embeddings` server (TEI, Infinity, vLLM, Ollama…).

For archives too large for local cores: a GPU box embeds, this process stores. The e5
prefixes are added here, since such servers pass text through as given, and the vectors
are normalised here, since not every server does.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import numpy as np
from pydantic import PrivateAttr

from index.embedding import E5Embedding

from index.store import StoreError

logger = logging.getLogger(__name__)


class EmbeddingUnavailable(StoreError):
    """The embedding server did not answer, or answered nonsense; the message says where."""


class ServerEmbedding(E5Embedding):
    """Batches texts to `{base_url}/embeddings`; retries a failed request, then raises."""

    model_name: str
    backend: str = "server"
    base_url: str
    timeout_s: float = 60.0
    retries: int = 2
    _client: Any = PrivateAttr()

    def __init__(self, base_url: str, model_name: str, api_key: str | None = None, **kwargs: Any):
        import httpx

        super().__init__(base_url=base_url.rstrip("/"), model_name=model_name, **kwargs)
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(headers=headers, timeout=self.timeout_s)

    @classmethod
    def class_name(cls) -> str:
        return "ServerEmbedding"

    def _unavailable(self, why: str) -> EmbeddingUnavailable:
        return EmbeddingUnavailable(
            f"Az embedding szerver nem érhető el ({self.base_url}/embeddings, modell {self.model_name}): {why}. "
            "Indítsa el, vagy ellenőrizze a NEWSQA_EMBED_BASE_URL / NEWSQA_EMBED_MODEL beállítást."
        )

    def _post(self, texts: list[str]) -> dict:
        import httpx

        for attempt in range(self.retries + 1):
            try:
                response = self._client.post(f"{self.base_url}/embeddings", json={"model": self.model_name, "input": texts})
            except httpx.HTTPError as exc:  # refused, reset, timed out
                if attempt == self.retries:
                    raise self._unavailable(f"{type(exc).__name__}: {exc}") from exc
                time.sleep(0.5 * 2**attempt)
                continue
            if response.status_code >= 500 and attempt < self.retries:
                time.sleep(0.5 * 2**attempt)
                continue
            if response.status_code != 200:
                raise self._unavailable(f"HTTP {response.status_code}: {response.text[:200]}")
            return response.json()
        raise AssertionError("unreachable")

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of texts already prefixed, in `embed_batch_size` requests."""
        out = []
        for start in range(0, len(texts), self.embed_batch_size):
            batch = texts[start : start + self.embed_batch_size]
            try:
                data = sorted(self._post(batch)["data"], key=lambda d: d["index"])
                vectors = np.asarray([d["embedding"] for d in data], dtype=np.float32)
            except (KeyError, TypeError, ValueError) as exc:
                raise self._unavailable(f"unexpected answer ({exc!r})") from exc
            if vectors.ndim != 2 or len(vectors) != len(batch):
                raise self._unavailable(f"{len(vectors)} vectors for {len(batch)} texts")
            out.append(vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
        return np.concatenate(out) if out else np.zeros((0, 0), dtype=np.float32)
