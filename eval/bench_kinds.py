"""How long the answers that are not one fact take: summary, timeline, collection and chat,
extractive, with real e5, over the 32-article corpus (issue 11 asks p50 ≤ 1 s for the
summaries and timelines on 30+ articles).

The requests are the dev split's; every one is asked once through one Assistant, after a
greeting that loads the models, so the library's per-article caches fill as in a running
chat: the first request on an article pays for reading its sentences.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from pathlib import Path

from eval.metrics import percentile
from eval.questions import load_questions
from index import build
from qa import Assistant, Settings, bilingual, kinds

CORPUS = Path(__file__).parent / "corpus" / "articles"
REQUESTS = Path(__file__).parent / "corpus" / "requests-dev.jsonl"
KINDS = ("summary", "timeline", "collection", "chat")


def bench_kinds(work: Path, corpus: Path = CORPUS, requests: Path = REQUESTS) -> dict:
    """p50/p95 seconds per kind: {"articles", "requests", "summary_p50_s", "summary_p95_s", …}."""
    settings = Settings(store_dir=work / "kinds-store", collection="kinds", generator="extractive")
    build(settings, articles_dir=corpus)
    assistant = Assistant.open(settings=settings)
    assistant.ask("Szia!")  # loads the models; not counted
    # and what `Assistant` loads in the background (the lexicons, LexRank's imports: ~4 s),
    # which a request asked at once would wait for: not counted either
    bilingual.warm()
    kinds.warm()
    seconds: dict[str, list[float]] = defaultdict(list)
    for request in load_questions(requests):
        if request.kind not in KINDS:
            continue
        started = time.perf_counter()
        assistant.ask(request.question, request.history)
        seconds[request.kind].append(time.perf_counter() - started)
    # The machine is shared: its load says how far wall-clock figures stand from an idle one's.
    out: dict = {"articles": len(assistant.library.articles()), "requests": sum(map(len, seconds.values())),
                 "load_1min": round(os.getloadavg()[0], 1)}
    for kind in KINDS:
        if seconds[kind]:
            out[f"{kind}_p50_s"] = round(percentile(seconds[kind], 50), 3)
            out[f"{kind}_p95_s"] = round(percentile(seconds[kind], 95), 3)
    return out
