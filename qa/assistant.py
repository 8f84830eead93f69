"""The answer engine: condense the question, retrieve, generate, check the citations."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import replace
from datetime import date
from typing import Iterator, Sequence

from llama_index.core.base.embeddings.base import BaseEmbedding

from index import Article, Store, StoreError, StoreUnavailable, load_query_embedder, manifest_for
from index.store import unreachable_message
from qa import bilingual, fact_search, kinds, prompts
from qa.accents import restored, without_accents
from qa.chooser import Chooser
from qa.citations import CitationChecker
from qa.conversation import history_topic, names_whole_collection, on_listed, with_new_period
from qa.dates import day_of
from qa.evidence import SentenceScorer
from qa.followups import borrowed_names, names_nothing, on_topic, rule_based_standalone
from qa.generators import ExtractiveGenerator, Generator, LLMGenerator, make_generator
from qa.near_misses import near_misses
from qa.planner import KindVote, Planner, Request
from qa.refusals import refusal
from qa.retrieval import Filters, HybridRetriever, Retriever
from qa.settings import GeneratorName, Settings
from qa.text import language
from qa.types import Answer, Turn

logger = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000


def _warm() -> None:
    bilingual.warm()
    kinds.warm()


class LLMUnavailable(RuntimeError):
    """The LLM server did not answer; the message says where and why."""


class Assistant:
    """Answers questions about the indexed articles, with cited passages."""

    def __init__(self, settings: Settings, store: Store, retriever: Retriever, generator: Generator, scorer: SentenceScorer):
        self.settings, self.store, self.retriever, self.generator, self.scorer = settings, store, retriever, generator, scorer
        self.checker = CitationChecker(scorer, settings)
        self.chooser = Chooser.from_settings(settings)
        self._fallback = ExtractiveGenerator(scorer, settings)
        self._llm_lock = threading.Lock()  # llama.cpp contexts are not thread-safe
        self.library = kinds.Library(store, retriever, scorer)
        vote = KindVote(scorer.embed_model, settings.cache_dir) if hasattr(scorer, "embed_model") else None
        self.planner = Planner(vote, scorer.query_vector if vote else None, self.library.writes)

    def warm_up(self) -> threading.Thread:
        """Load in the background what the first requests of a process would otherwise wait for:
        the lexicons a Hungarian topic's verbs and an English question's words are read with (~2 s)
        and the summaries' LexRank, whose sumy pulls in NLTK and scipy (~2.5 s). For a process
        that answers many requests (the chat, `python -m qa chat`); a one-question run would only
        share its two cores with it."""
        thread = threading.Thread(target=_warm, name="warm-up", daemon=True)
        thread.start()
        return thread

    @classmethod
    def open(
        cls,
        store: str | None = None,
        generator: GeneratorName | None = None,
        settings: Settings | None = None,
        embed_model: BaseEmbedding | None = None,
        llm_generator: Generator | None = None,
    ) -> "Assistant":
        """Build an assistant over a store; every argument is optional (defaults: `Settings()`)."""
        settings = settings or Settings()
        overrides = {k: v for k, v in {"store_dir": store, "generator": generator}.items() if v is not None}
        if overrides:
            settings = type(settings)(**{**settings.model_dump(), **overrides})
        embed_model = embed_model or load_query_embedder(settings)
        store_ = Store(settings)
        store_.check(manifest_for(settings, embed_model))
        scorer = SentenceScorer(embed_model)
        chosen = llm_generator or make_generator(settings.generator, settings, scorer)
        retriever = HybridRetriever(store_, embed_model, settings.candidates, query_vector=scorer.query_vector)
        return cls(settings, store_, retriever, chosen, scorer)

    # -- public API ---------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        """The whole article a citation points into (offsets index its `text`)."""
        return self.store.article(article_id)

    def ask(self, question: str, history: Sequence[Turn | dict] | None = None, filters: Filters | None = None) -> Answer:
        """The whole answer at once."""
        answer = None
        for item in self.stream(question, history, filters):
            if isinstance(item, Answer):
                answer = item
        assert answer is not None
        return answer

    def stream(
        self, question: str, history: Sequence[Turn | dict] | None = None, filters: Filters | None = None
    ) -> Iterator[str | Answer]:
        """Yields pieces of text as they are written, then the checked `Answer` last."""
        question = typed = self._validate(question)
        turns = [t if isinstance(t, Turn) else Turn(t["role"], t["content"]) for t in history or ()]
        started = time.perf_counter()
        if without_accents(question) and language(question) == "hu":
            # typed without accents: planned, searched and matched as the articles write its words
            # (the collection's forms are read only for such a question)
            question = restored(question, self._accent_forms())
        request = self.plan(question, turns)
        if request.kind != "fact":
            yield from self._other_kind(request, filters, started, typed)
            return
        lang, standalone = request.language, request.standalone
        focus = question if standalone != question else None
        asked_filters, filters = filters, kinds.with_period(filters, request)
        # One evidence gate for every generator: if no sentence could answer, refuse
        # before an LLM gets the chance to invent (and without its ~15 s of work).
        found = fact_search.find(request, filters, asked_filters, turns, self.candidates, self.chooser, self._article_text)
        if not found.chosen and request.borrowed:
            # Read with the conversation's names it found nothing; asked alone it may be a question
            # of its own ("How long does the treaty remain in force?" after a question on Kim's message).
            alone = self.plan(question)
            if alone.kind == "fact":
                alone_filters = kinds.with_period(asked_filters, alone)
                alt = fact_search.find(alone, alone_filters, asked_filters, (), self.candidates, self.chooser, self._article_text)
                if alt.chosen:
                    request, found, filters, standalone, focus = alone, alt, alone_filters, question, None
        hits, ranked, rated, chosen, confidence = found.hits, found.ranked, found.rated, found.chosen, found.confidence
        retrieved_at = time.perf_counter()

        notice, generator = "", self.generator
        why, related = "", ()
        if not chosen:
            reason, why = self._why_refused(request, rated, filters, focus)
            related = near_misses(rated, self.chooser.near_miss_floor) if reason == "detail" else ()
            pieces: Iterator[str] = iter([why])
        else:
            pieces = self._generate(generator, standalone, hits, lang, focus, ranked)
        raw, first = [], None
        try:
            for piece in pieces:
                first = first or time.perf_counter()
                raw.append(piece)
                yield piece
        except LLMUnavailable as exc:
            notice = prompts.ERRORS["llm_unreachable"].format(url=self.settings.openai_base_url, reason=exc)
            yield f"\n\n{notice}\n\n"
            generator, raw = self._fallback, []
            for piece in self._fallback.stream(standalone, hits, lang, focus, ranked):
                first = first or time.perf_counter()
                raw.append(piece)
                yield piece
        generated_at = time.perf_counter()
        checked = self.checker.check("".join(raw), hits, lang)
        done = time.perf_counter()
        yield Answer(
            question=typed,
            text=why if checked.refused and why else checked.text,
            confidence=round(self.chooser.confidence(confidence), 4) if ranked else 0.0,
            citations=checked.citations,
            refused=checked.refused,
            related=related if checked.refused else (),
            retrieved=tuple(hits),
            language=lang,
            generator=generator.name,
            standalone_question=standalone,
            period=kinds.common.period_label(request),
            unsupported=checked.unsupported,
            notice=notice,
            timings={
                "retrieve_s": round(retrieved_at - started, 4),
                "first_token_s": round((first or generated_at) - started, 4),
                "generate_s": round(generated_at - retrieved_at, 4),
                "check_s": round(done - generated_at, 4),
                "total_s": round(done - started, 4),
            },
        )

    def candidates(self, request: Request, filters: Filters | None) -> tuple[list, list]:
        """The passages retrieved for a fact request and their sentences, best first."""
        focus = request.question if request.standalone != request.question else None
        top_k = self.settings.llm_top_k if isinstance(self.generator, LLMGenerator) else self.settings.top_k
        # English words do not occur in Hungarian articles, and BM25 over the question's
        # names alone ranks passages by how often they name the town, not by what is asked:
        # an English question is searched by meaning only (an empty lexical query), and its
        # names are checked by the chooser instead. On the 57 answerable English dev
        # questions over all 79 dev articles: MRR of the answer's passage 0.75 -> 0.80, its
        # sentence among the first eight 0.86 -> 0.90 (BM25's names cut to its top 3: 0.72, 0.91).
        hits = self._retrieve(request.standalone, top_k, filters, _lexical(request))
        borrowed = borrowed_names(request.question, request.standalone)
        if borrowed:
            texts: dict[str, str] = {}

            def article_text(hit) -> str:  # one store read per article, not per passage retrieved
                if hit.passage.article_id not in texts:
                    texts[hit.passage.article_id] = self._article_text(hit)
                return texts[hit.passage.article_id]

            hits = on_topic(hits, borrowed, article_text)
        ranked = self.scorer.rank(request.standalone, hits, focus) if hits else []
        return hits, ranked

    def _accent_forms(self) -> dict[str, str]:
        with self._store_errors():
            return self.library.accent_forms()

    def _article_text(self, hit) -> str:
        """The title and text of a hit's whole article (its passage alone when the store lacks it)."""
        with self._store_errors():
            article = self.store.article(hit.passage.article_id)
        return f"{article.title}\n{article.text}" if article else f"{hit.passage.title}\n{hit.passage.text}"

    def _why_refused(self, request: Request, rated, filters: Filters | None, focus: str | None) -> tuple[str, str]:
        """(why, the refusal in one sentence that says it): see `qa.refusals`."""
        left_out = False
        if filters and (filters.date_from is not None or filters.date_to is not None):
            wider = self._retrieve(request.standalone, self.settings.top_k, replace(filters, date_from=None, date_to=None), _lexical(request))
            # Answered outside the period, or nothing inside it to search at all.
            left_out = bool(wider and self.chooser.choose(request.standalone, self.scorer.rank(request.standalone, wider, focus), focus)[0]) or not rated
        floor = self.settings.min_relevance if request.language == "hu" else self.settings.min_relevance_en
        return refusal(request, rated, filters, left_out, floor)

    def plan(self, question: str, history: Sequence[Turn] = ()) -> Request:
        """The request read once: kind, language, period, names, topic."""
        question = self._validate(question)
        # "Give me a rundown of everything in this collection": "this" points at the collection,
        # not back at the conversation's topic.
        standalone = question if names_whole_collection(question) else self.standalone(question, history)
        with self._store_errors():
            dates = self.library.date_range()
        span = {"latest": day_of(dates[1]) if dates else None, "earliest": day_of(dates[0]) if dates else None}
        request = self.planner.plan(question, standalone, today=date.today(), **span)
        if request.kind == "fact" and standalone == question and history and names_nothing(question):
            # "Hány embert kellett kitelepíteni?" after a question about Jászberény: about Jászberény.
            standalone = rule_based_standalone(question, history, force=True)
            request = replace(self.planner.plan(question, standalone, today=date.today(), **span), borrowed=True)
        if history:
            request = with_new_period(self.planner, question, request, history, today=date.today(), **span)
            request = on_listed(request, history)
        if request.kind in ("summary", "timeline") and not request.topic and history and not names_whole_collection(question):
            # "És röviden?", "Foglald össze ezt a cikket!": the topic of the conversation so far;
            # "Foglald össze a cikkeket!" is about all of them, whatever was asked before.
            for turn in reversed(history):
                topic = history_topic([turn]) if turn.role == "user" else ""
                if topic:
                    request = replace(request, topic=topic, standalone=f"{question} ({topic})")
                    break
        return request

    def _other_kind(self, request: Request, filters: Filters | None, started: float, typed: str) -> Iterator[str | Answer]:
        answer = kinds.answer(request, self.library, filters)
        done = time.perf_counter()
        # Built whole in well under a second; handed on a paragraph at a time, as it reads.
        for block in answer.text.split("\n\n"):
            yield block + "\n\n"
        yield replace(answer, question=typed, timings={"total_s": round(done - started, 4)})

    def standalone(self, question: str, history: Sequence[Turn]) -> str:
        """A follow-up rewritten so that it can be searched on its own."""
        if not history:
            return question
        if isinstance(self.generator, LLMGenerator):
            convo = "\n".join(f"{t.role}: {t.content[:500]}" for t in history[-4:])
            try:
                with self._llm_lock:
                    rewritten = self.generator.complete(prompts.CONDENSE.format(history=convo, question=question))
                rewritten = rewritten.strip().split("\n")[0].strip()
                if 3 <= len(rewritten) <= 4 * len(question) + 200:
                    return rewritten
            except Exception as exc:  # the rule below still works without the LLM
                logger.warning("LLM could not rewrite the follow-up: %s", exc)
        return rule_based_standalone(question, history)

    # -- helpers --------------------------------------------------------------------
    @contextlib.contextmanager
    def _store_errors(self):
        try:
            yield
        except StoreError:
            raise
        except Exception as exc:
            # A Chroma server that went away: one clear sentence; the next question retries.
            if self.settings.chroma_host and _is_connection_error(exc):
                raise StoreUnavailable(unreachable_message(self.settings)) from exc
            raise

    def _retrieve(self, query: str, top_k: int, filters: Filters | None, lexical: str | None = None):
        with self._store_errors():
            if lexical is None:
                return self.retriever.retrieve(query, top_k, filters)
            return self.retriever.retrieve(query, top_k, filters, lexical)

    def _generate(self, generator: Generator, question: str, hits, lang: str, focus: str | None, ranked=None) -> Iterator[str]:
        if isinstance(generator, ExtractiveGenerator):
            # The sentences as `candidates` ranked and sifted them, not ranked again.
            yield from generator.stream(question, hits, lang, focus, ranked)
            return
        if not isinstance(generator, LLMGenerator):
            yield from generator.stream(question, hits, lang, focus)
            return
        with self._llm_lock:
            try:
                yield from generator.stream(question, hits, lang, focus)
            except Exception as exc:
                if _is_connection_error(exc):
                    raise LLMUnavailable(str(exc).split("\n")[0] or type(exc).__name__) from exc
                raise

    @staticmethod
    def _validate(question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise ValueError(prompts.ERRORS["empty_question"])
        if len(question) > MAX_QUESTION_CHARS:
            raise ValueError(prompts.ERRORS["long_question"].format(n=len(question), limit=MAX_QUESTION_CHARS))
        return " ".join(question.split())


def _lexical(request: Request) -> str | None:
    """What BM25 searches for a fact request: the question itself (None), or for an English one nothing ("")."""
    return "" if request.language == "en" else None


def _is_connection_error(exc: BaseException) -> bool:
    names_ = {type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e is not None}
    return bool(names_ & {"APIConnectionError", "APITimeoutError", "ConnectError", "ConnectTimeout", "ReadTimeout", "TimeoutException", "ConnectionError", "TimeoutError"})
