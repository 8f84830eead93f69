"""`python -m eval bench`: speed measured against the model itself and the llama-index default.

Every ratio compares two figures taken in the same run, since the machine is shared and
absolute times drift. The large search stores hold synthetic passages (sentences of the
corpus, random unit vectors): embedding 100k real passages takes hours here.
"""

from __future__ import annotations

import json
import logging
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from eval.bench_archive import bench_archive
from eval.bench_ingest import bench_ingest
from eval.bench_kinds import bench_kinds
from eval.metrics import percentile
from eval.questions import load_questions
from eval.runner import run, summarize
from eval.startup import measure as measure_startup
from index import Article, IndexSettings, Passage, Store, build, load_embedder, manifest_for, split_sentences
from index.articles import read_articles
from qa import Assistant, Settings
from qa.retrieval import HybridRetriever

logger = logging.getLogger(__name__)
QUESTIONS = Path(__file__).with_name("questions.jsonl")


def _pct(values: list[float], q: float) -> float:
    return round(percentile(values, q), 4)


def fill_synthetic(settings: IndexSettings, n: int, corpus: Path, dim: int = 384, seed: int = 0) -> float:
    """Write `n` synthetic passages (corpus sentences, random unit vectors); returns seconds."""
    articles, _ = read_articles(corpus, 10**7)
    sentences = [a.text[s:e] for a in articles for s, e in split_sentences(a.text)]
    rng = np.random.default_rng(seed)
    store = Store(settings)
    store.set_info(manifest_for(settings))
    t0 = time.perf_counter()
    per_article = 500  # fewer, larger writes: Chroma pays per call
    for a in range(0, n, per_article):
        count = min(per_article, n - a)
        texts = [" ".join(rng.choice(sentences, 3)) for _ in range(count)]
        body, spans, pos = "", [], 0
        for t in texts:
            spans.append((pos, pos + len(t)))
            body += t + "\n\n"
            pos = len(body)
        date = 20240101 + (a // per_article) % 28
        article = Article(f"synthetic-{a:07d}", f"Szintetikus {a}", str(date), date, "", "bench", "", body)
        passages = [Passage(f"s{a + i:08d}", article.article_id, t, s, e, article.title, article.published, date) for i, (t, (s, e)) in enumerate(zip(texts, spans))]
        vectors = rng.standard_normal((count, dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        store.write_article(article, passages, vectors.tolist(), replace=False)
    store.set_info(store.manifest(), revision=1)
    return time.perf_counter() - t0


def search_at_scale(n: int, corpus: Path, work: Path) -> dict:
    """Runs in its own process (see main) so that its peak memory is its own."""
    settings = Settings(store_dir=work / f"store-{n}", collection="scale")
    fill_s = fill_synthetic(settings, n, corpus)
    embed = load_embedder(settings)
    t0 = time.perf_counter()
    retriever = HybridRetriever(Store(settings), embed, candidates=20)
    lexical_s = time.perf_counter() - t0
    questions = [q.question for q in load_questions(QUESTIONS)][:40]
    retriever.retrieve(questions[0], 5)  # warm-up
    latencies = []
    for q in questions:
        t0 = time.perf_counter()
        retriever.retrieve(q, 5)
        latencies.append(time.perf_counter() - t0)
    size = sum(p.stat().st_size for p in settings.store_dir.rglob("*") if p.is_file())
    return {
        "passages": n,
        "synthetic": True,
        "insert_s": round(fill_s, 1),
        "lexical_index_build_s": round(lexical_s, 2),
        "retrieve_p50_ms": round(_pct(latencies, 50) * 1000, 1),
        "retrieve_p95_ms": round(_pct(latencies, 95) * 1000, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "store_mib": round(size / 2**20, 1),
    }


def bench_answers(corpus: Path, work: Path, generators: list[str], limit: int | None) -> dict:
    settings = Settings(store_dir=work / "answer-store", collection="answers")
    build(settings, articles_dir=corpus)
    questions = load_questions(QUESTIONS)
    out = {}
    for name in generators:
        assistant = Assistant.open(settings=Settings(**{**settings.model_dump(), "generator": name}))
        subset = questions if name == "extractive" or limit is None else questions[:limit]
        firsts = []

        def ask(q):
            answer = assistant.ask(q.question, q.history)
            if "first_token_s" in answer.timings:  # answers of other kinds (summaries, chat) have none
                firsts.append(answer.timings["first_token_s"])
            return answer

        summary = summarize(run(subset, ask))
        out[name] = {"questions": len(subset), "ask_p50_s": summary["latency_p50_s"], "ask_p95_s": summary["latency_p95_s"],
                     "first_token_p50_s": _pct(firsts, 50), "first_token_p95_s": _pct(firsts, 95), "answer_accuracy": summary["answer_accuracy"]}
    out["load_8_threads"] = bench_load(Assistant.open(settings=settings), questions)
    # A fresh process through each phase, then the literal `python -m qa ask` (eval/startup.py).
    (start,) = measure_startup(settings.store_dir, [None], rounds=1, env={"NEWSQA_COLLECTION": "answers"})
    out["startup"] = {k: v for k, v in start.items() if k != "round"}
    out["cold_start_to_first_answer_s"] = start["cli_wall_s"]
    return out


def bench_load(assistant: Assistant, questions, threads: int = 8, per_thread: int = 10) -> dict:
    """`threads` users asking different questions at once through one Assistant."""
    from concurrent.futures import ThreadPoolExecutor

    def user(k: int) -> list[tuple[float, bool]]:
        done = []
        for q in questions[k * per_thread % len(questions):][:per_thread]:
            t0 = time.perf_counter()
            try:
                answer = assistant.ask(q.question, q.history)
                done.append((time.perf_counter() - t0, answer.question == " ".join(q.question.split())))
            except Exception:  # counted, not raised: the figure is how many failed
                done.append((time.perf_counter() - t0, False))
        return done

    t0 = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        rows = [r for rs in pool.map(user, range(threads)) for r in rs]
    wall = time.perf_counter() - t0
    return {"requests": len(rows), "failed_or_mixed": sum(not ok for _, ok in rows), "p50_s": _pct([t for t, _ in rows], 50),
            "p95_s": _pct([t for t, _ in rows], 95), "requests_per_s": round(len(rows) / wall, 2)}


def bench_backends(corpus: Path, work: Path) -> dict:
    """torch float32 vs onnx-int8: quality on our questions, and how far int8 moves e5's cosines.

    The refusal floors (qa's `min_relevance`) were tuned on float32 question-sentence cosines;
    `score_shift_*` says how much the same cosines move under int8.
    """
    questions = load_questions(QUESTIONS)
    articles, _ = read_articles(corpus, 10**7)
    sentences = [a.text[s:e] for a in articles for s, e in split_sentences(a.text)]
    result: dict = {"questions": len(questions), "sentences": len(sentences)}
    scores = {}
    for backend in ("torch", "onnx-int8"):
        name = backend.replace("-", "")
        settings = Settings(**{**Settings().model_dump(), "embed_backend": backend, "query_backend": backend, "embed_base_url": None, "chroma_host": None,
                               "store_dir": work / f"quality-{name}", "collection": f"quality-{name}"})
        embed = load_embedder(settings)
        build(settings, articles_dir=corpus, embed_model=embed)
        assistant = Assistant.open(settings=settings, embed_model=embed)
        summary = summarize(run(questions, lambda q: assistant.ask(q.question, q.history)))
        for key in ("hit_at_1", "hit_at_5", "answer_accuracy", "refusal_accuracy", "false_refusal_rate"):
            result[f"{name}_{key}"] = summary[key]
        asked = np.array([embed.get_query_embedding(q.question) for q in questions])
        scores[backend] = asked @ np.array(embed.get_text_embedding_batch(sentences)).T
    shift = scores["onnx-int8"] - scores["torch"]
    top = scores["torch"] >= 0.8  # the band where the refusal floors sit
    result.update(
        score_shift_mean=round(float(shift.mean()), 4),
        score_shift_abs_p95=round(float(np.percentile(np.abs(shift), 95)), 4),
        score_shift_mean_above_0_8=round(float(shift[top].mean()), 4) if top.any() else None,
    )
    return result


def markdown(results: dict) -> str:
    lines = ["# Benchmark", "", f"mode: {results['mode']}, {results['machine']}", ""]
    lines += [f"**{k}**: {v}" for k, v in results.items() if k not in ("mode", "machine") and not isinstance(v, (dict, list))] + [""]
    for section, values in results.items():
        if not isinstance(values, (dict, list)):
            continue
        rows = values if isinstance(values, list) else [values]
        lines += [f"## {section}", ""]
        for row in rows:
            flat = {k: v for k, v in row.items() if not isinstance(v, dict)}
            lines += ["| " + " | ".join(flat) + " |", "|" + "---|" * len(flat), "| " + " | ".join(str(v) for v in flat.values()) + " |", ""]
            for k, v in row.items():
                if isinstance(v, dict):
                    lines += [f"**{k}**: " + ", ".join(f"{a}={b}" for a, b in v.items()), ""]
    return "\n".join(lines)


def _child(args: list[str], capture_stderr: bool = True) -> dict:
    """Run one part in its own process, so that its peak memory is its own; its JSON line back."""
    cmd = [sys.executable, "-m", "eval", "bench", *args]
    child = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE if capture_stderr else None, text=True, timeout=4 * 3600)
    if child.returncode:
        raise RuntimeError((child.stderr or "")[-2000:] or f"{' '.join(cmd)} failed")
    return json.loads(child.stdout.strip().splitlines()[-1])


SECTIONS = ("ingestion", "search", "answers", "kinds", "backends", "archive")


def main(argv: list[str]) -> int:
    import argparse
    import os

    parser = argparse.ArgumentParser(prog="python -m eval bench")
    parser.add_argument("--quick", action="store_true", help="200 passages, 1k-passage search, extractive only (CI)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", type=Path, help="the corpus (default: NEWSQA_ARTICLES_DIR, i.e. data/articles)")
    parser.add_argument("--only", help=f"comma-separated parts of: {', '.join(SECTIONS)}")
    parser.add_argument("--archive-articles", type=int, default=10_000, help="synthetic articles the full bench ingests")
    parser.add_argument("--scale", type=int, help=argparse.SUPPRESS)  # child process: one search scale
    parser.add_argument("--archive", type=int, help=argparse.SUPPRESS)  # child process: the archive ingest
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = args.articles or Settings().articles_dir
    if args.scale:
        print(json.dumps(search_at_scale(args.scale, corpus, args.work)))
        return 0
    pools = [corpus, *(p for p in (Path(__file__).parent / "corpus" / "articles", Path(__file__).parent / "distractors" / "articles") if p.is_dir())]
    if args.archive:
        print(json.dumps(bench_archive(args.archive, pools, args.work)))
        return 0
    sections = args.only.split(",") if args.only else SECTIONS[:4] if args.quick else SECTIONS
    args.out.mkdir(parents=True, exist_ok=True)
    results: dict = {"mode": "quick" if args.quick else "full", "machine": f"{os.cpu_count()} cores"}
    with tempfile.TemporaryDirectory(prefix="newsqa-bench-") as tmp:
        work = Path(tmp)
        if "ingestion" in sections:
            print("ingestion…", file=sys.stderr)
            # 20 copies of the two sample articles: 200 passages, so the ratios are not noise.
            ingest = bench_ingest(corpus, work, copies=20, rounds=2 if args.quick else 3, baseline_copies=2 if args.quick else None)
            results["ingest_efficiency"] = ingest["ingest_efficiency"]
            results["fast_backend_speedup"] = ingest.get("fast_backend_speedup")
            results["ingestion"] = ingest
        if "search" in sections:
            results["search"] = []
            for n in [1000] if args.quick else [1000, 10_000, 100_000]:
                print(f"search over {n:,} passages…", file=sys.stderr)
                results["search"].append(_child(["--out", str(args.out), "--articles", str(corpus), "--scale", str(n), "--work", str(work)]))
                shutil.rmtree(work / f"store-{n}", ignore_errors=True)
        if "answers" in sections:
            generators = ["extractive"]
            if not args.quick:
                import importlib.util

                if importlib.util.find_spec("llama_cpp"):
                    generators.append("local")
            print("answers…", file=sys.stderr)
            results["answers"] = bench_answers(corpus, work, generators, limit=None if args.quick else 10)
            results["startup_s"] = results["answers"]["cold_start_to_first_answer_s"]
        if "kinds" in sections:
            print("summary, timeline, collection and chat answers over the 32-article corpus…", file=sys.stderr)
            results["kinds_latency"] = bench_kinds(work)
        if "backends" in sections:
            print("torch vs onnx-int8 quality…", file=sys.stderr)
            results["backends"] = bench_backends(corpus, work)
        if "archive" in sections:
            print(f"ingesting {args.archive_articles:,} synthetic articles…", file=sys.stderr)
            archive = ["--out", str(args.out), "--archive", str(args.archive_articles), "--work", str(work)]
            results["archive"] = _child([*archive, "--articles", str(corpus)], capture_stderr=False)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (args.out / "bench.md").write_text(markdown(results))
    print(markdown(results))
    return 0
