"""What a store records about how it was made, and which question embedders can search it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.passages import CHUNKER_VERSION


@dataclass(frozen=True)
class Manifest:
    embed_model: str
    passage_chars: int
    chunker: int = CHUNKER_VERSION
    # torch, onnx-int8 or server (older stores: torch). int8 vectors sit ~0.004 of cosine off
    # float32's: close enough for one to search the other (`searchable_with`), not to mix in a store.
    embed_backend: str = "torch"

    def family(self) -> str:
        """The e5 model behind the vectors, whichever local backend ran it (int8's export is named after it)."""
        return re.sub(r"-onnx-int8-[0-9a-f]+$", "", self.embed_model) if self.embed_backend == "onnx-int8" else self.embed_model

    def searchable_with(self, query: "Manifest") -> bool:
        """Whether questions embedded as `query` describes can search a store built as this one:
        the same passages, and the same model (int8 or float32; a server only with itself)."""
        if self == query:
            return True
        local = {"torch", "onnx-int8"}
        return (
            (self.passage_chars, self.chunker) == (query.passage_chars, query.chunker)
            and {self.embed_backend, query.embed_backend} <= local
            and self.family() == query.family()
        )

    def describe(self) -> str:
        return (
            f"model {self.embed_model}, passages of ~{self.passage_chars} chars, chunker v{self.chunker}, "
            f"{self.embed_backend} backend"
        )
