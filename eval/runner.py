"""Running a question set through an assistant and summarising the metrics."""

from __future__ import annotations

import logging
import time
from typing import Callable, Iterable, Sequence

from eval.kinds import KIND_KEYS, request_correct, score_kind, summarize_kinds
from eval.metrics import (
    answer_correct,
    citation_relevance,
    contains_any,
    faithfulness,
    first_relevant_rank,
    hit_at,
    percentile,
    reciprocal_rank,
)
from eval.questions import Question
from qa import Answer

logger = logging.getLogger(__name__)

SUMMARY_KEYS = (
    "n", "hit_at_1", "hit_at_3", "hit_at_5", "mrr", "answer_accuracy", "citation_precision", "faithfulness",
    "refusal_accuracy", "false_refusal_rate", "refused_answer_shown", "latency_p50_s", "latency_p95_s", "answer_chars_p50", *KIND_KEYS,
)

Ask = Callable[[Question], Answer]


def score(question: Question, answer: Answer, latency: float) -> dict:
    """One line of results.jsonl."""
    rank = first_relevant_rank([h.passage.text for h in answer.retrieved], question.evidence)
    relevant, cited = citation_relevance(answer, question.evidence)
    supported, sentences = faithfulness(answer)
    kind = score_kind(question, answer)
    row = {
        "id": question.id,
        "category": question.category,
        "question": question.question,
        "answerable": question.answerable,
        "answer": answer.text,
        "refused": answer.refused,
        "generator": answer.generator,
        "standalone_question": answer.standalone_question,
        "correct": answer_correct(answer, question.answers) if question.answerable else answer.refused,
        "first_relevant_rank": rank,
        "cited": cited,
        "cited_relevant": relevant,
        "sentences": sentences,
        "sentences_supported": supported,
        "unsupported_removed": list(answer.unsupported),
        # A refusal's closest sentences (qa.near_misses): how many, and whether one holds the answer.
        "related": len(answer.related),
        "related_holds_answer": bool(question.answerable and any(contains_any(c.quote, question.answers) for c in answer.related)),
        "citations": answer.to_dict()["citations"],
        "retrieved": [{"rank": h.rank, "passage_id": h.passage.passage_id, "article_id": h.passage.article_id, "score": h.score} for h in answer.retrieved],
        "latency_s": round(latency, 4),
        "timings": answer.timings,
        **kind,
    }
    if question.kind != "fact":
        row["correct"] = request_correct(question, answer, kind)
    return row


def run(questions: Sequence[Question], ask: Ask, progress: Callable[[Iterable], Iterable] = iter) -> list[dict]:
    results = []
    for question in progress(questions):
        started = time.perf_counter()
        answer = ask(question)
        results.append(score(question, answer, time.perf_counter() - started))
    return results


def _share(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def summarize(results: Sequence[dict]) -> dict:
    """The fact metrics over fact questions, latency over all, then the kind figures (eval.kinds)."""
    everything, results = results, [r for r in results if r.get("expected_kind", "fact") == "fact"]
    answerable = [r for r in results if r["answerable"]]
    unanswerable = [r for r in results if not r["answerable"]]
    answered = [r for r in results if not r["refused"]]
    ranks = [r["first_relevant_rank"] for r in answerable]
    cited = sum(r["cited"] for r in answered)
    sentences = sum(r["sentences"] for r in answered)
    latencies = [r["latency_s"] for r in everything]
    return {
        "n": len(everything),
        "hit_at_1": _share([hit_at(k, 1) == 1 for k in ranks]),
        "hit_at_3": _share([hit_at(k, 3) == 1 for k in ranks]),
        "hit_at_5": _share([hit_at(k, 5) == 1 for k in ranks]),
        "mrr": round(sum(reciprocal_rank(k) for k in ranks) / len(ranks), 4) if ranks else 0.0,
        "answer_accuracy": _share([r["correct"] for r in answerable]),
        "citation_precision": round(sum(r["cited_relevant"] for r in answered) / cited, 4) if cited else 0.0,
        "faithfulness": round(sum(r["sentences_supported"] for r in answered) / sentences, 4) if sentences else 0.0,
        "refusal_accuracy": _share([r["refused"] for r in unanswerable]),
        "false_refusal_rate": _share([r["refused"] for r in answerable]),
        # Of the answerable questions refused, the share whose shown closest sentences hold the answer.
        "refused_answer_shown": _share([bool(r.get("related_holds_answer")) for r in answerable if r["refused"]]),
        "latency_p50_s": round(percentile(latencies, 50), 4),
        "latency_p95_s": round(percentile(latencies, 95), 4),
        # Substring accuracy rewards long answers; this shows how long they were.
        "answer_chars_p50": round(percentile([len(r["answer"]) for r in answered], 50), 1),
        **summarize_kinds(everything),
    }
