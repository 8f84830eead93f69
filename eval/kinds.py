"""Scoring the kinds of answer beyond one fact: summaries, timelines, the collection, chat.

A request's row is right when it was not refused (or was, for an unanswerable one) and
its text holds every key fact — in the given order when the request is ordered — and
one of the `answers` when there are any. Whether the engine named the right kind is
counted apart, as kind accuracy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

from eval.metrics import contains_any, faithfulness, normalize
from eval.questions import KINDS, Question
from qa import Answer
from qa.dates import EN_MONTHS, HU_MONTHS
from qa.text import language

# Headline figures per kind, flat so that --fail-under and the report table can name them;
# None where a set has no request of that kind.
KIND_KEYS = (
    "kind_accuracy", "summary_key_fact_recall", "timeline_key_fact_recall", "timeline_order_accuracy",
    "collection_correct", "chat_never_refused", "summary_faithfulness", "timeline_faithfulness",
    "english_accuracy", "hungarian_accuracy",
)


_MONTH_DAY = re.compile(r"^(\w+) (\d{1,2})$")
_EN_MONTH = {hu.casefold(): en.casefold() for hu, en in zip(HU_MONTHS, EN_MONTHS)}


def _forms(fact: str) -> list[str]:
    """A key fact normalised, and a Hungarian month and day ("november 4") also as an English
    answer writes it ("4 november"): the date is the fact, not its language's order."""
    flat = normalize(fact)
    m = _MONTH_DAY.match(flat)
    return [flat, f"{m.group(2)} {_EN_MONTH[m.group(1)]}"] if m and m.group(1) in _EN_MONTH else [flat]


def _find(flat: str, fact: str, start: int = 0) -> tuple[int, int]:
    """(where, length) of the key fact's first form found in `flat` from `start`, or (-1, 0).
    A month and day's English form must not be another day's end ("4 november" in "14
    november")."""
    forms = _forms(fact)
    for i, form in enumerate(forms):
        if i == 0:
            at = flat.find(form, start)
        else:
            found = re.compile(rf"(?<!\d){re.escape(form)}").search(flat, start)
            at = found.start() if found else -1
        if at >= 0:
            return at, len(form)
    return -1, 0


def key_fact_positions(text: str, facts: Sequence[str]) -> list[int | None]:
    """Where each key fact first occurs in the normalised text, or None."""
    flat = normalize(text)
    return [(i if (i := _find(flat, f)[0]) >= 0 else None) for f in facts]


def in_order(text: str, facts: Sequence[str]) -> bool:
    """The key facts found in the text can be read in the given order, and at least two are found.

    Each fact is looked for after the previous one's match, so a name repeated in an
    introduction does not spoil the order; a fact present only before its predecessor does.
    """
    flat, cut, found = normalize(text), 0, 0
    for fact in facts:
        at, length = _find(flat, fact, cut)
        if at >= 0:
            cut, found = at + length, found + 1
        elif _find(flat, fact)[0] >= 0:
            return False
    return found >= min(2, len(facts))


def is_english(question: Question) -> bool:
    return question.category == "english" or language(question.question) == "en"


def score_kind(question: Question, answer: Answer) -> dict:
    """The kind-related fields of one results.jsonl line."""
    found = sum(p is not None for p in key_fact_positions(answer.text, question.key_facts))
    ordered = in_order(answer.text, question.key_facts) if question.ordered and not answer.refused else None
    if question.ordered and answer.refused:
        ordered = False
    supported, counted = faithfulness(answer, cited_only=True) if question.kind in ("summary", "timeline") else (0, 0)
    return {
        "expected_kind": question.kind,
        "kind": answer.kind,
        "kind_correct": answer.kind == question.kind,
        "language": "en" if is_english(question) else "hu",
        "confidence": answer.confidence,
        "period": answer.period,
        "key_facts": len(question.key_facts),
        "key_facts_found": 0 if answer.refused else found,
        "ordered": question.ordered,
        "in_order": ordered,
        "cited_sentences": counted,
        "cited_sentences_supported": supported,
    }


def request_correct(question: Question, answer: Answer, row: dict) -> bool:
    """Whether a non-fact request was answered right (see the module docstring)."""
    if not question.answerable:
        return answer.refused
    return (
        not answer.refused and row["key_facts_found"] == row["key_facts"]
        and row["in_order"] is not False and (not question.answers or contains_any(answer.text, question.answers))
    )


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _recall(rows: Sequence[dict]) -> float | None:
    total = sum(r["key_facts"] for r in rows)
    return round(sum(r["key_facts_found"] for r in rows) / total, 4) if total else None


def _faithful(rows: Sequence[dict]) -> float | None:
    counted = sum(r["cited_sentences"] for r in rows if not r["refused"])
    return round(sum(r["cited_sentences_supported"] for r in rows if not r["refused"]) / counted, 4) if counted else None


def per_kind(results: Sequence[dict]) -> dict[str, dict]:
    """For each expected kind present: n, kind accuracy, key-fact recall, order accuracy, refused, correct."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        if "expected_kind" in r:  # rows written before kinds existed have none of these fields
            groups[r["expected_kind"]].append(r)
    return {
        kind: {
            "n": len(rows),
            "kind_accuracy": _share([r["kind_correct"] for r in rows]),
            "key_fact_recall": _recall(rows),
            "order_accuracy": _share([bool(r["in_order"]) for r in rows if r["ordered"]]),
            "refused": _share([r["refused"] for r in rows]),
            "correct": _share([bool(r["correct"]) for r in rows]),
            "faithfulness": _faithful(rows),
        }
        for kind in KINDS if (rows := groups.get(kind))
    }


def summarize_kinds(results: Sequence[dict]) -> dict:
    """The KIND_KEYS figures plus the per-kind table; rows written before kinds existed count as facts."""
    rows = [r for r in results if "expected_kind" in r]
    of = {k: [r for r in rows if r["expected_kind"] == k] for k in KINDS}
    facts = [r for r in of["fact"] if r["answerable"]]
    return {
        "kind_accuracy": _share([r["kind_correct"] for r in rows]),
        "summary_key_fact_recall": _recall(of["summary"]),
        "timeline_key_fact_recall": _recall(of["timeline"]),
        "timeline_order_accuracy": _share([bool(r["in_order"]) for r in of["timeline"] if r["ordered"]]),
        "collection_correct": _share([bool(r["correct"]) for r in of["collection"]]),
        "chat_never_refused": _share([not r["refused"] for r in of["chat"]]),
        "summary_faithfulness": _faithful(of["summary"]),
        "timeline_faithfulness": _faithful(of["timeline"]),
        "english_accuracy": _share([r["correct"] for r in facts if r["language"] == "en"]),
        "hungarian_accuracy": _share([r["correct"] for r in facts if r["language"] == "hu"]),
        "by_kind": per_kind(rows),
    }
