"""e5's tokenizer, loaded in a fraction of the time for the texts this product reads.

multilingual-e5 uses XLM-R's Unigram vocabulary of 250,002 pieces, and `tokenizers` builds
its lattice from every piece at each load: ~0.9 s of a quiet core, 1.7-2.6 s of a busy one,
a sixth of `python -m qa ask`'s start. The library offers no lazier load, so we make one:
a piece can only match text made of its own characters, so for a text whose characters are
all Latin (Hungarian, English, every European name in Latin letters), the 110,000 pieces
made of Latin characters give exactly the same segmentation as the whole vocabulary. We
keep them in a compact copy of `tokenizer.json` (made once, cached beside it) that loads in
~0.3 s, and map its ids back to the full vocabulary's. A text with any other character
(Cyrillic, Greek, CJK, emoji) goes through the full tokenizer, loaded on first need.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

VERSION = 1
# Basic Latin to Latin Extended-B, general punctuation, currency signs. The same class decides
# which pieces the compact vocabulary keeps and which texts it may tokenize, so the two agree.
_LATIN = "\u0000-\u024f\u2000-\u206f\u20a0-\u20cf\u2581"  # U+2581 is the word-start mark "▁"
_PIECE = re.compile(f"[{_LATIN}]*")
_OTHER = re.compile(f"[^{_LATIN}]")


def compact_json(full: dict) -> tuple[dict, np.ndarray]:
    """The tokenizer description with only the Latin pieces (and the special ones), and the
    full vocabulary's id of each compact id."""
    if full.get("normalizer") or full["model"].get("type") != "Unigram":
        # A normalizer could turn a Latin character into another script's ("µ" -> "μ") or the
        # reverse, and the two vocabularies would no longer agree: the full one serves.
        raise ValueError("only a Unigram tokenizer without a normalizer has a compact copy")
    vocab = full["model"]["vocab"]
    special = {token["id"] for token in full.get("added_tokens", [])} | {full["model"].get("unk_id", 0)}
    # The unknown piece scores (lowest score - 10): keep the lowest-scoring piece, so it stays the same.
    lowest = min(range(len(vocab)), key=lambda i: vocab[i][1])
    keep = [i for i, (piece, _) in enumerate(vocab) if i in special or i == lowest or _PIECE.fullmatch(piece)]
    new_id = {old: new for new, old in enumerate(keep)}
    compact = json.loads(json.dumps(full))
    compact["model"]["vocab"] = [vocab[i] for i in keep]
    if compact["model"].get("unk_id") is not None:
        compact["model"]["unk_id"] = new_id[compact["model"]["unk_id"]]
    for token in compact.get("added_tokens", []):
        token["id"] = new_id[token["id"]]
    for token in (compact.get("post_processor") or {}).get("special_tokens", {}).values():
        token["ids"] = [new_id[i] for i in token["ids"]]
    return compact, np.asarray(keep, dtype=np.int64)


def compact_files(path: Path) -> tuple[Path, Path]:
    """The compact copy of `path` and its id map, made once beside it (OSError where it cannot be written)."""
    target = path.with_name(f"{path.stem}.latin-v{VERSION}.json")
    ids = target.with_suffix(".ids.npy")
    if target.is_file() and ids.is_file():
        return target, ids
    compact, keep = compact_json(json.loads(path.read_text(encoding="utf-8")))
    # Unique temporary names: two processes, or two threads of one, may make it at once.
    staging, staging_ids = (_temporary(path.parent, f".{target.stem}.", suffix) for suffix in (".json", ".npy"))
    try:
        with open(staging_ids, "wb") as out:
            np.save(out, keep)
        staging.write_text(json.dumps(compact, ensure_ascii=False), encoding="utf-8")
        os.replace(staging_ids, ids)  # the map first: the json's presence means both are whole
        os.replace(staging, target)
    finally:
        staging.unlink(missing_ok=True)
        staging_ids.unlink(missing_ok=True)
    return target, ids


def _temporary(folder: Path, prefix: str, suffix: str) -> Path:
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    os.close(handle)
    return Path(name)


class LatinFirstTokenizer:
    """`encode_batch(texts) -> ids` as e5's full tokenizer gives them, truncated, unpadded."""

    def __init__(self, path: Path, max_tokens: int):
        self.path, self.max_tokens = Path(path), max_tokens
        self._full = None
        self._lock = threading.Lock()
        try:
            compact, ids = compact_files(self.path)
            self._compact, self._ids = self._load(compact), np.load(ids)
        except Exception as exc:  # noqa: BLE001  (a read-only cache, an unexpected or corrupt file: the full one serves)
            logger.warning("No compact tokenizer beside %s (%s); loading the full one", path, exc)
            self._compact, self._ids = None, None

    def _load(self, path: Path):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(path))
        tokenizer.no_padding()
        tokenizer.enable_truncation(self.max_tokens)
        return tokenizer

    def full(self):
        with self._lock:
            if self._full is None:
                self._full = self._load(self.path)
            return self._full

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        if self._compact is None or any(_OTHER.search(text) for text in texts):
            return [e.ids for e in self.full().encode_batch(texts)]
        return [self._ids[e.ids].tolist() for e in self._compact.encode_batch(texts)]
