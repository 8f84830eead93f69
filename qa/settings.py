"""The one settings object: ingestion settings plus retrieval and answering."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from index.settings import IndexSettings

GeneratorName = Literal["extractive", "local", "openai"]


class Settings(IndexSettings):
    """Everything the assistant reads from `NEWSQA_*` variables; unknown keys are rejected."""

    generator: GeneratorName = Field("extractive", description="How answers are written: extractive, local or openai.")
    top_k: int = Field(5, ge=1, le=20, description="Passages handed to the extractive generator.")
    llm_top_k: int = Field(
        3, ge=1, le=20, description="Passages handed to an LLM: each costs ~10 s of prompt reading on 2 cores."
    )
    candidates: int = Field(20, ge=1, le=200, description="Passages each retriever (dense, BM25) returns before fusion.")
    gguf_path: Path | None = Field(None, description="A GGUF to use instead of the packaged Qwen 1.5B.")
    llm_threads: int = Field(2, ge=1, description="CPU threads for the local LLM.")
    llm_context: int = Field(4096, ge=1024, description="Context window of the local LLM in tokens.")
    max_new_tokens: int = Field(320, ge=16, description="Longest answer an LLM may write.")
    temperature: float = Field(0.1, ge=0.0, le=2.0)
    openai_base_url: str = Field("http://127.0.0.1:8080/v1", description="OpenAI-compatible server (Ollama, vLLM, llama_cpp.server).")
    openai_model: str = Field("qwen2.5-1.5b", description="Model name the server knows.")
    openai_api_key: str = Field("not-needed", description="API key, if the server wants one.")
    llm_timeout_s: float = Field(120.0, gt=0, description="Seconds before an LLM server request gives up.")
    min_relevance: float = Field(
        0.82,
        description="Below this e5 cosine between question and best sentence (with no strong word overlap) "
        "the assistant refuses. e5 cosines sit in ~0.75-0.9, so the band is narrow: tuned on eval/questions.jsonl.",
    )
    min_relevance_en: float = Field(
        0.785,
        description="The same floor for English questions: English-to-Hungarian cosines run ~0.03 lower.",
    )
    min_overlap: float = Field(0.5, ge=0, le=1, description="Share of the question's content words that, found in one sentence, make it relevant whatever its cosine.")
    feedback_file: Path = Field(
        Path(__file__).resolve().parent.parent / "feedback" / "feedback.jsonl",
        description="Where the chat's thumbs up/down go, one JSON object a line (eval can read them).",
    )
    chooser_file: Path | None = Field(
        None,
        description="The fitted fact chooser (weights and refusal threshold), written by `python -m eval calibrate`; "
        "unset: qa/chooser-<backend>.json if the embedding backend has its own, else qa/chooser.json.",
    )
    reranker: bool = Field(
        True,
        description="Read each fact question's candidate sentences with the cross-encoder (qa/reranker.py, ~0.2 s a question "
        "on 2 cores); off, or without a local e5 model, the chooser fitted without it decides.",
    )
    verify_min_support: float = Field(0.5, ge=0, le=1, description="Share of a generated sentence's content words its cited passage must hold.")
