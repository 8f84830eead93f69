"""e5 through onnxruntime: exported once from the converted model, cached, in float32 and int8.

The float32 graph gives torch's vectors (cosine 1.0000 on padded batches), so it can serve a
store built with torch, without importing torch; the int8 one is the fast backend.

optimum's ONNX half does not install beside transformers 5, so the export is a plain
`torch.onnx.export` of the bare encoder, then `quantize_dynamic` to int8 weights. At run
time only `onnxruntime` and `tokenizers` are needed: no torch, which also makes a
question-answering process start seconds sooner.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import PrivateAttr

from index.embedding import E5Embedding

logger = logging.getLogger(__name__)

# Bump when the exported graph or its quantisation changes: the cache key and the
# store manifest change with it, so old exports and the stores built with them are redone.
EXPORT_VERSION = 2
OPSET = 17
MAX_TOKENS = 512
# Tokens in one session run (rows x padded width): one ~150-token passage, or ~4 sentences.
# Small runs, one per core at a time on single-threaded runs, beat batches of 16 split over both
# cores by onnxruntime: the activations stay in cache and no run waits for the other core.
# Measured on the bench's 200 passages (interleaved with torch, load 2.6-3.4): int8 +20-27 %
# (15.0-29.9 against 12.8-23.5 passages/s), float32 +17-37 %; on ~37-token sentences int8 +52 %.
RUN_TOKENS = 160
# Two texts of different length: the export traces a padded batch, so the attention
# mask's arithmetic is recorded instead of the "nothing padded" shortcut (MODELS.md).
_TRACE_TEXTS = [
    "passage: Phenjan és Moszkva megerősítette a stratégiai partnerséget a pekingi találkozón.",
    "query: Hol?",
]


def export_key(model_dir: Path) -> str:
    """What the export is made from: the converted model (named by its source's hash) and this code."""
    source = (model_dir / "newsqa-source.json").read_text() if (model_dir / "newsqa-source.json").is_file() else ""
    made_from = {"model": model_dir.name, "source": source, "export": EXPORT_VERSION, "opset": OPSET, "quant": "dynamic-QInt8-per-channel"}
    return hashlib.sha256(json.dumps(made_from, sort_keys=True).encode()).hexdigest()[:12]


def onnx_dir_for(model_dir: Path) -> Path:
    """Where the int8 export of `model_dir` lives (beside it, in the models cache)."""
    return model_dir.parent / f"{model_dir.name}-onnx-int8-{export_key(model_dir)}"


def export_float32(model_dir: Path, path: Path) -> None:
    """The encoder as an ONNX graph: (input_ids, attention_mask) -> last_hidden_state."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    # Eager attention spells the mask out as tensor arithmetic, which the tracer records
    # faithfully; the SDPA path takes Python branches on the mask's values.
    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))

    class LastHidden(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    batch = tokenizer(_TRACE_TEXTS, padding=True, return_tensors="pt")
    dynamic = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            LastHidden(model),
            (batch["input_ids"], batch["attention_mask"]),
            str(path),
            dynamo=False,
            opset_version=OPSET,
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": dynamic, "attention_mask": dynamic, "last_hidden_state": dynamic},
        )


def export(model_dir: Path, target: Path) -> None:
    """Export the float32 graph and write `target` (float32.onnx, tokenizer.json), renamed into place last."""
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    export_float32(model_dir, staging / "float32.onnx")
    shutil.copy(model_dir / "tokenizer.json", staging / "tokenizer.json")
    (staging / "newsqa-source.json").write_text(json.dumps({"model_dir": str(model_dir), "key": export_key(model_dir)}))
    # Like the conversion: a killed export never leaves a folder that looks finished.
    shutil.rmtree(target, ignore_errors=True)
    os.replace(staging, target)


def quantise(float32: Path, target: Path) -> None:
    """`target`: the int8 graph of `float32` (dynamic quantisation), written beside it and renamed into place."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    staging = target.with_name(f".{target.stem}.partial-{os.getpid()}.onnx")
    # Per output channel: one scale per row keeps e5's cosines at ~0.995 of float32's,
    # against ~0.985 with one scale per matrix (measured on the corpus's passages).
    root = logging.getLogger()
    level, root.level = root.level, logging.ERROR  # the quantiser logs every tensor to the root logger
    try:
        quantize_dynamic(str(float32), str(staging), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(staging, target)
    finally:
        root.setLevel(level)
        staging.unlink(missing_ok=True)


def exported_model_dir(model_dir: Path, int8: bool = True) -> Path:
    """The cached export of `model_dir`, made first if missing: the float32 graph (~10-60 s), and
    with `int8` its quantised copy (model.onnx), which the default float32 backend never waits for."""
    target = onnx_dir_for(model_dir)
    if not (target / "float32.onnx").is_file():
        logger.info("Exporting %s to ONNX at %s", model_dir, target)
        export(model_dir, target)
    if int8 and not (target / "model.onnx").is_file():
        logger.info("Quantising the ONNX export to int8 at %s", target)
        quantise(target / "float32.onnx", target / "model.onnx")
    return target


def mapped(path: Path) -> Path:
    """`path` with its weights moved into a side file `<stem>.weights`, rewritten once in place.

    onnxruntime parses a self-contained graph's 470 MB of float32 weights at every load
    (~1.5 s here, 0.6 s for int8) but maps a side file (~0.25 s either way); the vectors
    are bit for bit the same. Written data file first, graph last: a process killed in
    between leaves the old self-contained graph, which still loads and is redone next time.
    """
    weights = path.with_suffix(".weights")
    if weights.is_file():
        return path
    import onnx

    staging = path.parent / f".{path.stem}.mapping-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
    except OSError as exc:  # a read-only cache: the graph loads as it is, only slower
        logger.warning("Could not write %s beside %s (%s); loading it unmapped", weights.name, path, exc)
        return path
    try:
        graph = onnx.load(str(path))
        onnx.save_model(graph, str(staging / path.name), save_as_external_data=True, all_tensors_to_one_file=True,
                        location=weights.name, size_threshold=1024)
        os.replace(staging / weights.name, weights)
        os.replace(staging / path.name, path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return path


@functools.lru_cache(maxsize=None)
def _pool(workers: int) -> ThreadPoolExecutor:
    """Threads that run sessions side by side (onnxruntime's `run` lets go of the GIL)."""
    return ThreadPoolExecutor(workers, thread_name_prefix="e5-onnx")


def runs(lengths: list[int], max_rows: int, max_tokens: int = RUN_TOKENS) -> list[list[int]]:
    """Indices of `lengths` in session runs: shortest first, so that a run's texts are of similar
    length, each run at most `max_rows` texts and `max_tokens` tokens padded (at least one text)."""
    out: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        if out and len(out[-1]) < max_rows and (len(out[-1]) + 1) * lengths[i] <= max_tokens:
            out[-1].append(i)
        else:
            out.append([i])
    return out


class OnnxE5Embedding(E5Embedding):
    """multilingual-e5 run by onnxruntime: e5 prefixes, mean pooling, L2 normalisation."""

    model_name: str
    backend: str = "onnx-int8"
    _session: Any = PrivateAttr()
    _tokenizer: Any = PrivateAttr()
    _workers: int = PrivateAttr()
    _run_tokens: int = PrivateAttr()
    _rows: int = PrivateAttr()

    def __init__(
        self,
        onnx_dir: Path | str,
        model_file: str = "model.onnx",
        threads: int | None = None,
        name: str | None = None,
        run_tokens: int = RUN_TOKENS,
        rows: int | None = None,
        **kwargs: Any,
    ):
        import onnxruntime as ort

        from index.latin_tokenizer import LatinFirstTokenizer

        super().__init__(model_name=name or str(onnx_dir), **kwargs)
        options = ort.SessionOptions()
        # Each run on one thread, `threads` runs at a time (RUN_TOKENS): no run ever waits at a
        # barrier for a core that another process holds on this shared machine.
        options.intra_op_num_threads = 1
        options.log_severity_level = 3  # the quantised graph warns about shape inference at load
        # No pool thread ever spins, should a later onnxruntime make one: on this shared 2-core
        # machine a spinning thread takes the core its sibling needs.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(mapped(Path(onnx_dir) / model_file)), options, providers=["CPUExecutionProvider"])
        self._tokenizer = LatinFirstTokenizer(Path(onnx_dir) / "tokenizer.json", MAX_TOKENS)
        self._workers = threads or os.cpu_count() or 1
        self._run_tokens = run_tokens
        # Texts per session run. The int8 graph runs each text alone: dynamic quantisation scales
        # a run's activations together, padding included, so a sentence's vector would move with
        # whichever sentences shared its run (cosine down to 0.9956 on the eval corpus), and with
        # it the chooser's scores and answers. Alone, a text's vector is the same in a build, an
        # update or a question's candidates. It costs ~25 % on ~35-token sentences (190 against
        # 255 a second) and nothing on passages, which fill a run alone (RUN_TOKENS). float32's
        # graph is exact on padded runs, so it groups texts.
        self._rows = rows or (1 if self.backend == "onnx-int8" else self.embed_batch_size)

    @classmethod
    def class_name(cls) -> str:
        return "OnnxE5Embedding"

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of texts already prefixed; each run is padded only to its own longest."""
        ids = self._tokenizer.encode_batch(texts)
        if not ids:
            return np.zeros((0, 0), dtype=np.float32)
        batches = runs([len(i) for i in ids], self._rows, self._run_tokens)
        chunks = [[ids[i] for i in chosen] for chosen in batches]
        pool = map if self._workers == 1 or len(chunks) == 1 else _pool(self._workers).map
        vectors = list(pool(self._run, chunks))
        out = np.empty((len(texts), vectors[0].shape[1]), dtype=vectors[0].dtype)
        for chosen, found in zip(batches, vectors):
            out[chosen] = found
        return out

    def _run(self, ids: list[list[int]]) -> np.ndarray:
        """One session run over token ids, padded to the longest: mean-pooled unit vectors."""
        width = max(len(i) for i in ids)
        input_ids = np.ones((len(ids), width), dtype=np.int64)  # 1 = <pad> in XLM-R
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, piece in enumerate(ids):
            input_ids[row, : len(piece)] = piece
            mask[row, : len(piece)] = 1
        hidden = self._session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
