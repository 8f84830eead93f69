"""From generated text with "[n]" markers to checked citations.

Markers are never trusted: one that points at no passage is dropped, a sentence whose
cited passage does not hold it is re-pointed at a passage that does, or removed and
reported in `Answer.unsupported`, so no unsupported claim is shown as cited fact.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Sequence

from index import split_sentences
from qa import prompts
from qa.evidence import SentenceScorer, overlap
from qa.settings import Settings
from qa.text import content_stems, looks_like_injection
from qa.types import Citation, Hit

logger = logging.getLogger(__name__)

MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# "…mondta. [1]" -> "…mondta [1]." so that the marker stays with its sentence.
_MARKER_AFTER_STOP = re.compile(r"([.!?…])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Checked:
    text: str
    citations: tuple[Citation, ...]
    refused: bool
    unsupported: tuple[str, ...]


def is_refusal(text: str) -> bool:
    flat = " ".join(text.split()).casefold()
    return not flat or any(r.casefold().rstrip(".") in flat for r in prompts.REFUSAL.values())


class CitationChecker:
    def __init__(self, scorer: SentenceScorer, settings: Settings):
        self.scorer, self.settings = scorer, settings

    def _best_sentence(self, claim: str, hit: Hit) -> tuple[float, int, int, str]:
        """(support, start, end, sentence) of the passage sentence that best holds `claim`."""
        p = hit.passage
        spans = [(p.start + s, p.start + e, p.text[s:e]) for s, e in split_sentences(p.text) if not looks_like_injection(p.text[s:e])]
        if not spans or looks_like_injection(claim):
            return 0.0, p.start, p.start, ""
        source = " ".join(t for *_, t in spans)  # injected sentences support nothing
        stems = content_stems(claim)
        cosines = self.scorer.vectors([t for *_, t in spans]) @ self.scorer.query_vector(claim)
        best = max(zip(spans, cosines), key=lambda sc: overlap(stems, sc[0][2]) + float(sc[1]))
        (start, end, sentence), _ = best
        lexical = overlap(stems, source)
        semantic = float(max(cosines))
        # Numbers are where a small model invents most: every one must be in the passage.
        numbers_ok = set(_DIGITS.findall(claim)) <= set(_DIGITS.findall(source))
        supported = numbers_ok and (lexical >= self.settings.verify_min_support or semantic >= self.settings.min_relevance + 0.02)
        return (max(lexical, semantic) if supported else 0.0), start, end, sentence

    def check(self, raw: str, hits: Sequence[Hit], language: str) -> Checked:
        if is_refusal(raw):
            return Checked(prompts.REFUSAL[language], (), True, ())
        text = _MARKER_AFTER_STOP.sub(lambda m: f"{m[2]}{m[1]}", raw.strip())
        by_rank = {h.rank: h for h in hits}
        renumber: dict[int, int] = {}
        citations: list[Citation] = []
        kept: list[str] = []
        unsupported: list[str] = []
        for s, e in split_sentences(text):
            sentence = text[s:e]
            cited = [int(n) for group in MARKER.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]
            claim = " ".join(MARKER.sub("", sentence).split())
            claim = re.sub(r"\s+([.!?…,;:])", r"\1", claim)
            dropped = [n for n in cited if n not in by_rank]
            if dropped:
                logger.warning("dropped markers that point at no passage: %s", dropped)
            valid = [by_rank[n] for n in dict.fromkeys(cited) if n in by_rank]
            if not valid and len(content_stems(claim)) < 2:
                kept.append(claim)  # connective text ("A cikkek szerint:") needs no source
                continue
            if is_refusal(claim):
                continue
            # The cited passages first; failing them, any retrieved passage that holds the claim.
            support = [(self._best_sentence(claim, h), h) for h in valid]
            if not any(sc[0] for sc, _ in support):
                support = [(self._best_sentence(claim, h), h) for h in hits if h not in valid]
                support = sorted(support, key=lambda x: x[0][0], reverse=True)[:1]
            support = [(sc, h) for sc, h in support if sc[0] > 0]
            if not support:
                unsupported.append(claim)
                continue
            marks = []
            for (score, start, end, quote), hit in support:
                if hit.rank not in renumber:
                    renumber[hit.rank] = len(renumber) + 1
                    citations.append(Citation(renumber[hit.rank], hit.passage, quote, start, end))
                marks.append(f"[{renumber[hit.rank]}]")
            body, stop = (claim[:-1], claim[-1]) if claim[-1:] in ".!?…" else (claim, "")
            kept.append(f"{body} {' '.join(marks)}{stop}")
        if not citations:
            return Checked(prompts.REFUSAL[language], (), True, tuple(unsupported))
        return Checked(" ".join(kept), tuple(citations), False, tuple(unsupported))
