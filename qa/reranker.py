"""A cross-encoder that reads a question and a candidate sentence together.

e5 embeds the question and the sentence apart, so its cosine says they are about the same
thing, not that the sentence answers: over the dev questions the candidate e5 ranks first
holds the answer 41 % of the time. Read together, by e5-small's own encoder with low-rank
adapters (LoRA) trained on the dev questions' candidates (`eval/reranker_train.py`), it is
80 % on dev sets left out of training and 88 % on the four dev sets kept out of it
altogether. No multilingual cross-encoder ships its weights on the package index
(`MODELS.md`), so the adapters (2.7 MB, `qa/reranker.npz`) ride on the e5 model the index
already converts and caches: the encoder's weights plus B·A of each adapted layer.

Its score is one more feature of the fact chooser (`qa.chooser`), which still checks names,
numbers and what is asked; the chooser is fitted on out-of-fold scores, not on the scores
of the questions the adapters learned.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

logger = logging.getLogger(__name__)

ADAPTERS = Path(__file__).with_name("reranker.npz")
MAX_TOKENS = 160  # as trained: a question and a sentence with its article's title
_PAD, _EOS = 1, 2  # XLM-R's <pad> and </s>
EXPORT_VERSION = 1  # bump when the exported graph changes
SCALE = 2.0  # the adapters' alpha / rank (32 / 16) where the file does not say


def pair_text(sentence: str, title: str) -> str:
    """The candidate as the reranker reads it: the sentence, then its article's title."""
    return f"{sentence} ({title})"


class Reranker:
    """Scores (question, sentence) pairs; higher means likelier to answer. Loaded once per model folder.

    It runs as an ONNX graph (onnxruntime: ~3x torch's speed on 2 cores, scores within 1e-4),
    exported once into the models cache, keyed by the e5 folder and the adapters; where the
    export fails, with torch."""

    def __init__(self, model_dir: Path, adapters: Path = ADAPTERS):
        from index.latin_tokenizer import LatinFirstTokenizer

        # e5's own fast tokenizer, with its compact copy (index/latin_tokenizer.py): importing
        # transformers and building its 250,000-piece tokenizer took ~3.8 s of every start.
        self.tokenizer = LatinFirstTokenizer(model_dir / "tokenizer.json", MAX_TOKENS)
        self._lock = threading.Lock()  # one run at a time: the cores are shared
        self.session = None
        try:
            graph = exported(model_dir, adapters)
            import onnxruntime as ort

            from index.e5onnx import mapped

            options = ort.SessionOptions()
            options.intra_op_num_threads = 2
            self.session = ort.InferenceSession(str(mapped(graph)), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - torch still scores, only slower
            logger.warning("The reranker's ONNX export failed (%s); scoring with torch", exc)
            self.torch_model = _merged(model_dir, adapters, eager=False)

    def scores(self, question: str, sentences: Sequence[tuple[str, str]]) -> list[float]:
        """The score of each (sentence, title) as an answer to the question."""
        if not sentences:
            return []
        ids, mask = self.encode(question, [pair_text(s, t) for s, t in sentences])
        with self._lock:
            if self.session is not None:
                return self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0].tolist()
            import torch

            with torch.inference_mode():
                return self.torch_model(torch.from_numpy(ids), torch.from_numpy(mask)).tolist()

    def encode(self, question: str, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Padded ids and mask of each (question, text) pair (`pair_ids`)."""
        rows = pair_ids(self.tokenizer, question, texts)
        width = max(map(len, rows))
        ids = np.full((len(rows), width), _PAD, dtype=np.int64)
        for n, row in enumerate(rows):
            ids[n, : len(row)] = row
        return ids, (ids != _PAD).astype(np.int64)


def pair_ids(tokenizer, question: str, texts: Sequence[str]) -> list[list[int]]:
    """Each pair's ids as XLM-R joins two texts, `<s> A </s></s> B </s>`, the second cut to fit
    MAX_TOKENS (what transformers' `truncation="only_second"` gives), from e5's tokenizer
    (`index.latin_tokenizer.LatinFirstTokenizer`): what the adapters trained on and what they score."""
    first = tokenizer.encode_batch([question])[0]
    if len(first) > MAX_TOKENS - 3:  # transformers would fail; the question's start is kept
        first = first[: MAX_TOKENS - 4] + [_EOS]
    rows = []
    for second in tokenizer.encode_batch(list(texts)):
        row = first + [_EOS] + second[1:]
        rows.append(row if len(row) <= MAX_TOKENS else row[: MAX_TOKENS - 1] + [_EOS])
    return rows


def exported(model_dir: Path, adapters: Path = ADAPTERS) -> Path:
    """The cached ONNX graph of the reranker over `model_dir`, exported first if missing (~10-20 s).
    One export at a time in a process: torch's exporter is not reentrant."""
    graph = model_dir.parent / f"reranker-{_key(model_dir, adapters)}" / "model.onnx"
    with _EXPORTING:
        if not graph.is_file():
            logger.info("Exporting the reranker to %s", graph)
            _export(_merged(model_dir, adapters, eager=True), graph)
    return graph


def prepare(settings) -> None:
    """The export and its mapped weights made now, not at the first question (`python -m qa prepare`)."""
    if available(settings):
        from index.e5onnx import mapped
        from index.embedding import default_model_dir

        try:
            mapped(exported(default_model_dir(settings)))
        except Exception as exc:  # noqa: BLE001 - the reranker then scores with torch
            logger.warning("Could not export the reranker (%s): it will score with torch", exc)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _key(model_dir: Path, adapters: Path) -> str:
    made_from = f"{model_dir.name}|{hashlib.sha256(adapters.read_bytes()).hexdigest()}|{EXPORT_VERSION}|{MAX_TOKENS}"
    return hashlib.sha256(made_from.encode()).hexdigest()[:12]


def _merged(model_dir: Path, adapters: Path, eager: bool):
    """e5's encoder with the adapters added in, mean pooling and the head: (ids, mask) -> scores."""
    import torch
    from transformers import XLMRobertaModel

    # Eager attention for the export: the tracer records its mask arithmetic (index/e5onnx.py).
    encoder = XLMRobertaModel.from_pretrained(str(model_dir), add_pooling_layer=False,
                                              **({"attn_implementation": "eager"} if eager else {})).eval()
    data = np.load(adapters)
    merge_adapters(encoder, data)
    weight = torch.from_numpy(data["head.weight"].astype(np.float32)).reshape(-1)
    bias = torch.tensor(float(data["head.bias"].reshape(-1)[0]))

    class Scored(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return ((hidden * mask).sum(1) / mask.sum(1)) @ weight + bias

    return Scored().eval()


def _export(model, graph: Path) -> None:
    """The scoring graph into `graph`'s folder, renamed into place last: a killed export leaves nothing that looks finished."""
    import torch

    staging = graph.parent.with_name(graph.parent.name + f".partial-{os.getpid()}")
    for left in graph.parent.parent.glob(graph.parent.name + ".partial-*"):
        # an export killed before its rename (~470 MB); another process's live one stays
        pid = left.name.rsplit("-", 1)[-1]
        if not (pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid))):
            shutil.rmtree(left, ignore_errors=True)
    staging.mkdir(parents=True)
    # Two pairs of different length: a padded batch is traced, so the mask is kept (index/e5onnx.py).
    ids = torch.tensor([[0, 6, 7, 8, 2, 2, 9, 10, 11, 2], [0, 6, 2, 2, 9, 2, 1, 1, 1, 1]])
    dynamic = {0: "batch", 1: "tokens"}
    try:
        # the tracer warns about every Python branch it records; the scores are checked against torch's
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, (ids, (ids != 1).long()), str(staging / graph.name), dynamo=False, opset_version=17,
                              input_names=["input_ids", "attention_mask"], output_names=["score"],
                              dynamic_axes={"input_ids": dynamic, "attention_mask": dynamic, "score": {0: "batch"}})
        shutil.rmtree(graph.parent, ignore_errors=True)
        os.replace(staging, graph.parent)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def merge_adapters(model, arrays) -> None:
    """Adds each adapted layer's scale · B·A into its weight, in place."""
    import torch

    keys = list(arrays.files if hasattr(arrays, "files") else arrays)
    scale = float(arrays["scale"]) if "scale" in keys else SCALE
    with torch.no_grad():
        for key in keys:
            if key.endswith(".A"):
                name = key[: -len(".A")]
                delta = arrays[name + ".B"].astype(np.float32) @ arrays[key].astype(np.float32)
                model.get_submodule(name).weight += torch.from_numpy(delta * scale)


_EXPORTING = threading.Lock()
_LOADING = threading.Lock()


@lru_cache(maxsize=2)
def _loaded(model_dir: Path, adapters: Path) -> Reranker:
    logger.info("Loading the reranker from %s with %s", model_dir, adapters.name)
    return Reranker(model_dir, adapters)


def available(settings) -> bool:
    """Whether the reranker can be had: turned on (`NEWSQA_RERANKER`, default on), its
    adapters here, and e5 embedding locally (with an embedding server the e5 folder may be
    missing, and converting it only for this would cost ~15 s and ~470 MB)."""
    return bool(getattr(settings, "reranker", False)) and ADAPTERS.is_file() and not getattr(settings, "embed_base_url", None)


def load(settings) -> Reranker | None:
    """The reranker over the cached e5 model, or None where it cannot be had (`available`)."""
    if not available(settings):
        return None
    from index.embedding import default_model_dir

    try:
        with _LOADING:  # two assistants opened at once share one reranker
            return _loaded(default_model_dir(settings), ADAPTERS)
    except Exception as exc:  # noqa: BLE001 - a corrupt adapters file, a missing model: choose without it
        logger.warning("Could not load the reranker (%s): choosing without it", exc)
        return None
