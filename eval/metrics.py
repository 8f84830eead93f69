"""Scoring answers against a question file's expectations."""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

import numpy as np

from index import split_sentences
from qa import Answer
from qa.citations import MARKER
from qa.text import content_stems

# Faithfulness, as measured here (independent of the engine's own check): an answer
# sentence is supported when at least this share of its content-word stems occurs in
# the passages it cites, and every number in it does too. Uncited sentences count as
# unsupported; connective text with under two content words is not counted.
FAITHFUL_MIN_OVERLAP = 0.6
_DIGITS = re.compile(r"\d+")


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def contains_any(text: str, needles: Sequence[str]) -> bool:
    flat = normalize(text)
    return any(normalize(n) in flat for n in needles)


def first_relevant_rank(passages: Sequence[str], evidence: Sequence[str]) -> int | None:
    """1-based rank of the first passage holding any evidence string."""
    for rank, text in enumerate(passages, 1):
        if contains_any(text, evidence):
            return rank
    return None


def hit_at(rank: int | None, k: int) -> float:
    return 1.0 if rank is not None and rank <= k else 0.0


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def answer_correct(answer: Answer, expected: Sequence[str]) -> bool:
    return not answer.refused and contains_any(answer.text, expected)


def citation_relevance(answer: Answer, evidence: Sequence[str]) -> tuple[int, int]:
    """(relevant cited passages, cited passages)."""
    cited = [c.passage.text for c in answer.citations]
    return sum(contains_any(t, evidence) for t in cited) if evidence else 0, len(cited)


def faithfulness(answer: Answer, cited_only: bool = False) -> tuple[int, int]:
    """(supported sentences, counted sentences) of one answer.

    With cited_only (summaries, timelines), only sentences carrying a marker are counted,
    and the cited passage's article title and date count as its source too: a dated
    bullet or a heading is framing the citation vouches for, not a claim of its own.
    """
    by_marker = {c.marker: c.passage for c in answer.citations}
    supported = counted = 0
    for claim, markers in _claims(answer.text):
        stems = set(content_stems(claim))
        if (len(stems) < 2 and not markers) or (cited_only and not markers):
            continue
        counted += 1
        passages = [by_marker[m] for m in markers if m in by_marker]
        source = " ".join(p.text for p in passages)
        if cited_only:
            source += " " + " ".join(f"{p.title} {p.published}" for p in passages)
        if not source.strip():
            continue
        have = set(content_stems(source))
        numbers_ok = _numbers(claim) <= _numbers(source)
        if numbers_ok and stems and len(stems & have) / len(stems) >= FAITHFUL_MIN_OVERLAP:
            supported += 1
    return supported, counted


def _claims(text: str) -> list[tuple[str, list[int]]]:
    """(sentence without markers, its markers); a bare "[2]" after a full stop joins the sentence before."""
    claims: list[tuple[str, list[int]]] = []
    for s, e in split_sentences(text):
        sentence = text[s:e]
        claim = MARKER.sub("", sentence)
        markers = [int(m) for group in MARKER.findall(sentence) for m in re.findall(r"\d+", group)]
        if claims and markers and not claim.strip(" .,;:-*"):
            claims[-1][1].extend(markers)
            continue
        claims.append((claim, markers))
    return claims


def _numbers(text: str) -> set[str]:
    # "07" in an ISO date and "7" in "július 7." are the same number.
    return {n.lstrip("0") or "0" for n in _DIGITS.findall(text)}


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0
