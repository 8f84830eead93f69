"""Three ways to write an answer from retrieved passages, behind one small interface.

A generator streams text in which "[n]" points at the n-th passage it was given; the
assistant turns markers into citations and checks them afterwards.
"""

from __future__ import annotations

import logging
from typing import Iterator, Protocol, Sequence

from llama_index.core.llms import LLM, ChatMessage

from qa import prompts
from qa.chooser import Chooser
from qa.evidence import Sentence, SentenceScorer
from qa.settings import GeneratorName, Settings
from qa.types import Hit

logger = logging.getLogger(__name__)


class Generator(Protocol):
    name: str

    def stream(self, question: str, hits: Sequence[Hit], language: str, focus: str | None = None) -> Iterator[str]:
        """`question` stands alone; `focus` is the user's follow-up it was rewritten from."""
        ...


class ExtractiveGenerator:
    """No LLM: quotes the sentences that answer best, each cited. Faithful by construction."""

    name = "extractive"

    def __init__(self, scorer: SentenceScorer, settings: Settings, max_sentences: int = 2, chooser: Chooser | None = None):
        self.scorer, self.settings = scorer, settings
        self.max_sentences = max_sentences
        self.chooser = chooser or Chooser.from_settings(settings)

    def select(self, question: str, hits: Sequence[Hit], focus: str | None = None, ranked: Sequence[Sentence] | None = None) -> list[Sentence]:
        """The sentences to quote; `ranked`: the hits' sentences already ranked (and sifted) by the caller."""
        ranked = self.scorer.rank(question, hits, focus) if ranked is None else ranked
        chosen, _ = self.chooser.choose(question, ranked, focus, most=self.max_sentences)
        return sorted((c.sentence for c in chosen), key=lambda s: (s.hit.rank, s.start))

    def stream(
        self, question: str, hits: Sequence[Hit], language: str, focus: str | None = None, ranked: Sequence[Sentence] | None = None
    ) -> Iterator[str]:
        chosen = self.select(question, hits, focus, ranked)
        if not chosen:
            yield prompts.REFUSAL[language]
            return
        yield prompts.EXTRACTIVE_LEAD[language]
        for s in chosen:
            # A heading quoted as a sentence gets a full stop, so its marker stays its own.
            text = s.text if s.text.endswith((".", "!", "?", "…", '"', "”")) else f"{s.text}."
            yield f" {text} [{s.hit.rank}]"


class LLMGenerator:
    """Any llama-index LLM (in-process LlamaCPP or an OpenAI-compatible server)."""

    def __init__(self, llm: LLM, name: str, settings: Settings):
        self.llm, self.name, self.settings = llm, name, settings

    def messages(self, question: str, hits: Sequence[Hit], language: str) -> list[ChatMessage]:
        passages = "\n\n".join(
            prompts.PASSAGE.format(n=h.rank, title=h.passage.title, published=h.passage.published or "?", text=h.passage.text)
            for h in hits
        )
        return [
            ChatMessage(role="system", content=prompts.SYSTEM[language]),
            ChatMessage(role="user", content=prompts.CONTEXT[language].format(passages=passages, question=question)),
        ]

    def stream(self, question: str, hits: Sequence[Hit], language: str, focus: str | None = None) -> Iterator[str]:
        for chunk in self.llm.stream_chat(self.messages(question, hits, language)):
            if chunk.delta:
                yield chunk.delta

    def complete(self, prompt: str) -> str:
        return self.llm.complete(prompt).text.strip()


def make_generator(name: GeneratorName, settings: Settings, scorer: SentenceScorer) -> Generator:
    if name == "extractive":
        return ExtractiveGenerator(scorer, settings)
    if name == "local":
        from llama_index.llms.llama_cpp import LlamaCPP

        from qa.models import chatml, chatml_completion, gguf_path

        path = settings.gguf_path or gguf_path(settings.cache_dir)
        llm = LlamaCPP(
            model_path=str(path),  # explicit: without it LlamaCPP downloads a model
            temperature=settings.temperature,
            max_new_tokens=settings.max_new_tokens,
            context_window=settings.llm_context,
            model_kwargs={"n_threads": settings.llm_threads, "n_ctx": settings.llm_context, "verbose": False},
            messages_to_prompt=chatml,
            completion_to_prompt=chatml_completion,
            verbose=False,
        )
        return LLMGenerator(llm, "local", settings)
    if name == "openai":
        from llama_index.llms.openai_like import OpenAILike

        llm = OpenAILike(
            model=settings.openai_model,
            api_base=settings.openai_base_url,
            api_key=settings.openai_api_key,
            is_chat_model=True,
            context_window=settings.llm_context,
            max_tokens=settings.max_new_tokens,
            temperature=settings.temperature,
            timeout=settings.llm_timeout_s,
            max_retries=0,
        )
        return LLMGenerator(llm, "openai", settings)
    raise ValueError(f"unknown generator {name!r} (extractive, local or openai)")
