"""The full bench's archive run: ingest thousands of synthetic news articles with a
progress bar and project the time for 100,000 (`python -m eval bench --only archive`)."""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

from index import IndexSettings, build, load_embedder, split_sentences
from index.articles import read_articles
from index.embedding import backend_identity


_CATEGORIES = ("belföld", "külföld", "gazdaság", "politika", "kultúra", "sport", "tudomány")


def synthetic_archive(target: Path, n: int, pools: list[Path], seed: int = 0) -> Path:
    """`n` news-like articles: 6-24 sentences of real articles, in paragraphs, with a title, date and category."""
    sentences = []
    for pool in pools:
        articles, _ = read_articles(pool, 10**7)
        sentences += [a.text[s:e] for a in articles for s, e in split_sentences(a.text) if 40 <= e - s <= 400]
    rng = np.random.default_rng(seed)
    target.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        picked = list(rng.choice(sentences, int(rng.integers(6, 25))))
        cuts = sorted(set(rng.integers(1, len(picked), max(1, len(picked) // 3))))
        paragraphs = [" ".join(picked[a:b]) for a, b in zip([0, *cuts], [*cuts, len(picked)])]
        day = np.datetime64("2024-01-01") + int(rng.integers(0, 730))
        title = " ".join(picked[0].split()[:9]).rstrip(".,;:")
        front = f"---\ntitle: {title} ({i})\npublished: {day}\ncategory: {rng.choice(_CATEGORIES)}\n---\n"
        (target / f"a{i:06d}.md").write_text(front + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return target


def bench_archive(n: int, pools: list[Path], work: Path) -> dict:
    """Ingest `n` synthetic articles with the configured backend; runs in its own process (peak memory)."""
    from tqdm import tqdm

    folder = synthetic_archive(work / f"archive-{n}", n, pools)
    settings = IndexSettings(store_dir=work / f"archive-store-{n}", collection="archive")
    embed = load_embedder(settings)
    embed.get_text_embedding_batch(["melegítés"])
    marks: list[tuple[int, float]] = []
    started = time.perf_counter()
    with tqdm(unit="passage", desc=f"{n:,} articles", file=sys.stderr) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)
            marks.append((done, time.perf_counter() - started))

        report = build(settings, articles_dir=folder, embed_model=embed, progress=progress)
    seconds = time.perf_counter() - started
    half = next(t for d, t in marks if d >= report.passages_written / 2)
    size = sum(p.stat().st_size for p in settings.store_dir.rglob("*") if p.is_file())
    return {
        "articles": report.added,
        "passages": report.passages_written,
        "backend": backend_identity(embed),
        "niceness": os.nice(0),
        "embed_share": round(report.embed_seconds / seconds, 3),
        "seconds": round(seconds, 1),
        "passages_per_s": round(report.passages_written / seconds, 2),
        "first_half_passages_per_s": round(report.passages_written / 2 / half, 2),
        "second_half_passages_per_s": round(report.passages_written / 2 / max(seconds - half, 1e-9), 2),
        # Linear in articles: Chroma's insert cost grows slowly with size (compare the halves).
        "projected_10k_articles_h": round(seconds * 10_000 / n / 3600, 2),
        "projected_100k_articles_h": round(seconds * 100_000 / n / 3600, 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "store_mib": round(size / 2**20, 1),
    }
