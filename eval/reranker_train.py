"""Training the reranker's adapters (`qa/reranker.py`) on the dev questions' candidates.

    scripts/calibrate.sh --dump /tmp/cands.jsonl               # every dev fact question's candidates, labelled
    python -m eval.reranker_train pack /tmp/cands.jsonl gpu/    # tokenised; e5's weights packed (~22 MB)
    python -m eval.reranker_train train gpu/ /tmp/trained       # 5 folds (out-of-fold scores) + all: a GPU
    python -m eval.reranker_train install gpu/ /tmp/trained     # qa/reranker.npz, eval/reranker_oof.json.gz
    scripts/calibrate.sh --reranker                             # the chooser fitted with its scores

`pack` exists so that `train` can run on a GPU machine that has neither the e5 folder
(~470 MB) nor the tokenizer: the candidates go as token ids over the part of the vocabulary
they use, the encoder as int8 rows (cosine 0.9999 with the float model's). `train` needs
only torch and transformers; on an H200 it took ~90 s for all questions, on 2 CPU cores it
would take hours. Folds keep a dev set (or a question file) whole, so an out-of-fold score
is one of articles and a writer the adapters never saw.

The adapters learn listwise, as the chooser decides: a question's candidates and "none"
(score 0) share one softmax, whose target is the candidates holding an answer, or "none".
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

# Only `train` runs on a GPU machine, where neither the engine nor its packages are installed:
# what it needs from them is imported by `pack` and `install`.

FOLDS = 5
# Chosen on out-of-fold top-1 over the dev questions (the candidate scored highest holds an
# answer): rank 16 for 4 epochs 0.76, for 8 epochs 0.80 (e5's cosine alone: 0.41).
CONFIG = {"rank": 16, "alpha": 32, "epochs": 8, "lr": 2e-4, "questions_per_step": 16}
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")


def pack(candidates: Path, out: Path, model_dir: Path) -> None:
    """Token ids of every (question, candidate) pair, their labels and folds, and e5's weights."""
    from safetensors.numpy import load_file

    from eval.calibrate import oof_key
    from index.latin_tokenizer import LatinFirstTokenizer
    from qa.reranker import MAX_TOKENS, pair_ids, pair_text

    rows = [json.loads(line) for line in candidates.open(encoding="utf-8")]
    sizes: dict[str, int] = defaultdict(int)
    for r in rows:
        sizes[r["group"]] += 1
    fold_of, load = {}, [0] * FOLDS
    for group, n in sorted(sizes.items(), key=lambda x: -x[1]):  # largest first, into the lightest fold
        fold_of[group] = int(np.argmin(load))
        load[fold_of[group]] += n
    pairs = [(n, c["label"], fold_of[r["group"]]) for n, r in enumerate(rows) for c in r["candidates"]]
    # the engine's own pair encoding (`qa.reranker.pair_ids`), so training and scoring read alike
    tokenizer = LatinFirstTokenizer(model_dir / "tokenizer.json", MAX_TOKENS)
    ids = [row for r in rows if r["candidates"]
           for row in pair_ids(tokenizer, r["question"], [pair_text(c["text"], c["title"]) for c in r["candidates"]])]
    used = sorted({t for s in ids for t in s} | {0, 1, 2, 3})  # <s>, <pad>, </s>, <unk> keep their ids
    remap = {t: n for n, t in enumerate(used)}
    matrix = np.full((len(ids), max(map(len, ids))), 1, dtype=np.int32)
    for n, s in enumerate(ids):
        matrix[n, : len(s)] = [remap[t] for t in s]
    arrays = {"ids": matrix, "lens": np.array([len(s) for s in ids], np.int32), "q": np.array([p[0] for p in pairs], np.int32),
              "label": np.array([p[1] for p in pairs], np.int8), "fold": np.array([p[2] for p in pairs], np.int8),
              "keys": np.array([oof_key(r["question"], c["text"]) for r in rows for c in r["candidates"]]),
              "used": np.array(used, np.int32)}
    for name, value in load_file(str(model_dir / "model.safetensors")).items():
        if name.endswith("word_embeddings.weight"):
            value = value[used]
        if value.ndim == 2:
            scale = np.abs(value).max(1, keepdims=True) / 127 + 1e-12
            arrays["q8:" + name], arrays["s8:" + name] = np.round(value / scale).astype(np.int8), scale.astype(np.float32)
        else:
            arrays["f32:" + name] = value.astype(np.float32)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "pack.npz", **arrays)
    config = json.loads((model_dir / "config.json").read_text())
    (out / "config.json").write_text(json.dumps({**config, "vocab_size": len(used)}))
    print(f"{len(rows)} questions, {len(pairs)} pairs, folds {load}, {len(used)} word pieces -> {out}")


def train(packed: Path, out: Path) -> None:
    """Out-of-fold scores (oof.npy) and the adapters trained on every question (adapters.npz)."""
    import torch

    from eval.reranker_model import CrossEncoder, adapter_arrays, listwise_loss

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    d = np.load(packed / "pack.npz")
    config = json.loads((packed / "config.json").read_text())
    state = {k[3:]: torch.tensor(d[k].astype(np.float32) * d["s8:" + k[3:]]) for k in d.files if k.startswith("q8:")}
    state |= {k[4:]: torch.tensor(d[k]) for k in d.files if k.startswith("f32:")}
    ids, lens, q, label, fold = (d[k] for k in ("ids", "lens", "q", "label", "fold"))
    by_q = {int(g): np.where(q == g)[0] for g in np.unique(q)}
    fold_of = {g: int(fold[rows[0]]) for g, rows in by_q.items()}

    def batch(rows):
        width = int(lens[rows].max())
        x = torch.tensor(ids[rows, :width], dtype=torch.long, device=device)
        return x, (torch.arange(width, device=device)[None] < torch.tensor(lens[rows], device=device)[:, None]).long()

    def fitted(questions):
        model = CrossEncoder(config, state, CONFIG["rank"], CONFIG["alpha"], TARGETS).to(device)
        params = [p for p in model.parameters() if p.requires_grad]
        opt = torch.optim.AdamW(params, lr=CONFIG["lr"], weight_decay=0.01)
        per = CONFIG["questions_per_step"]
        steps = CONFIG["epochs"] * -(-len(questions) // per)
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, CONFIG["lr"], total_steps=steps, pct_start=0.1)
        for _ in range(CONFIG["epochs"]):
            model.train()
            order = rng.permutation(questions)
            for i in range(0, len(order), per):
                group = order[i:i + per]
                rows = np.concatenate([by_q[g] for g in group])
                with torch.autocast(device, dtype=torch.bfloat16):
                    scores = model(*batch(rows)).float()
                sizes = [len(by_q[g]) for g in group]
                loss = listwise_loss(scores, torch.tensor(label[rows], device=device).bool(), sizes)
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
        return model.eval()

    def scored(model, rows):
        with torch.no_grad(), torch.autocast(device, dtype=torch.bfloat16):
            return np.concatenate([model(*batch(rows[i:i + 512])).float().cpu().numpy() for i in range(0, len(rows), 512)])

    questions = np.array(sorted(by_q))
    oof = np.zeros(len(ids), np.float32)
    for k in range(FOLDS):
        model = fitted(questions[[fold_of[g] != k for g in questions]])
        rows = np.concatenate([by_q[g] for g in questions if fold_of[g] == k])
        oof[rows] = scored(model, rows)
        print(f"fold {k}: top-1 {_top1(oof, label, by_q, [g for g in questions if fold_of[g] == k]):.3f}", flush=True)
    print(f"out of fold: top-1 {_top1(oof, label, by_q, questions):.3f}", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "oof.npy", oof)
    np.savez(out / "adapters.npz", **adapter_arrays(fitted(questions)))


def _top1(scores, label, by_q, questions) -> float:
    """Of the questions with an answering candidate, the share whose best-scored candidate answers."""
    picks = [int(label[by_q[g]][np.argmax(scores[by_q[g]])]) for g in questions if label[by_q[g]].any()]
    return sum(picks) / max(len(picks), 1)


def install(packed: Path, trained: Path) -> None:
    """The adapters into qa/, the out-of-fold scores (by question and sentence) into eval/."""
    from eval.calibrate import OOF_FILE
    from qa.reranker import ADAPTERS
    keys = np.load(packed / "pack.npz")["keys"]
    oof = np.load(trained / "oof.npy")
    with gzip.open(OOF_FILE, "wt", encoding="utf-8") as f:
        json.dump({str(k): round(float(v), 3) for k, v in zip(keys, oof)}, f, separators=(",", ":"))
    ADAPTERS.write_bytes((trained / "adapters.npz").read_bytes())
    print(f"{ADAPTERS} and {OOF_FILE} ({len(keys)} scores) written")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.reranker_train", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="step", required=True)
    a = sub.add_parser("pack")
    a.add_argument("candidates", type=Path)
    a.add_argument("out", type=Path)
    a.add_argument("--model-dir", type=Path, help="the converted e5 folder (default: the index's cached one)")
    sub.add_parser("train").add_argument("packed", type=Path)
    sub.choices["train"].add_argument("out", type=Path)
    i = sub.add_parser("install")
    i.add_argument("packed", type=Path)
    i.add_argument("trained", type=Path)
    args = p.parse_args(argv)
    if args.step == "pack":
        from index.embedding import default_model_dir
        from qa.settings import Settings

        pack(args.candidates, args.out, args.model_dir or default_model_dir(Settings()))
    elif args.step == "train":
        train(args.packed, args.out)
    else:
        install(args.packed, args.trained)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
