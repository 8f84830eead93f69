"""The units that flow from the engine to its callers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from index import Passage


@dataclass(frozen=True)
class Turn:
    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its fused score and 1-based rank."""

    passage: Passage
    score: float
    rank: int


@dataclass(frozen=True)
class Citation:
    marker: int  # the n of "[n]" in Answer.text
    passage: Passage
    quote: str  # the sentence of the passage that supports the claim
    quote_start: int  # offsets of the quote in the article text
    quote_end: int


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    citations: tuple[Citation, ...]
    refused: bool
    retrieved: tuple[Hit, ...] = ()
    language: str = "hu"
    generator: str = "extractive"
    standalone_question: str = ""
    unsupported: tuple[str, ...] = ()  # generated sentences removed because no cited passage holds them
    notice: str = ""  # e.g. the LLM server was unreachable and the extractive answer was given
    timings: dict[str, float] = field(default_factory=dict)
    # What was asked for: "fact", "summary", "timeline", "collection" or "chat". Answers of
    # the last four carry Markdown structure (headings, dated bullets, tables) in `text`.
    kind: str = "fact"
    period: str = ""  # the date range searched, in words ("2025. július"), when the question named one
    # How sure the engine is that its best sentence answers the question (0..1, calibrated
    # on the dev questions); None for kinds that are not one fact.
    confidence: float | None = None
    # A refused fact question's closest sentences, for the reader to check: not an answer, and
    # numbered in their own list (`qa.near_misses`); empty otherwise.
    related: tuple[Citation, ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready: citations flattened to what a reader needs."""
        return {
            "question": self.question,
            "text": self.text,
            "kind": self.kind,
            "period": self.period,
            "confidence": self.confidence,
            "refused": self.refused,
            "language": self.language,
            "generator": self.generator,
            "standalone_question": self.standalone_question,
            "unsupported": list(self.unsupported),
            "notice": self.notice,
            "timings": self.timings,
            "citations": [_citation_dict(c) for c in self.citations],
            "related": [_citation_dict(c) for c in self.related],
            "retrieved": [{"rank": h.rank, "score": h.score, **asdict(h.passage)} for h in self.retrieved],
        }


def _citation_dict(c: Citation) -> dict:
    """A citation flattened to what a reader needs."""
    return {
        "marker": c.marker,
        "article_id": c.passage.article_id,
        "passage_id": c.passage.passage_id,
        "title": c.passage.title,
        "source": c.passage.source,
        "url": c.passage.url,
        "published": c.passage.published,
        "text": c.passage.text,
        "start": c.passage.start,
        "end": c.passage.end,
        "quote": c.quote,
        "quote_start": c.quote_start,
        "quote_end": c.quote_end,
    }
