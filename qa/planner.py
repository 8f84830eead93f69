"""Reads a request once, before anything is retrieved: its kind, language, period, what it
asks for, the names it mentions and the topic to search for.

The kind comes from two signals that fail differently. e5 similarity to the examples of
each kind (`kind_examples.py`) carries paraphrases, typos and English; the question's
structure (a request verb such as "foglald össze", an article noun with a counting or
listing word, a greeting with nothing else in it) carries the short and the unusual
phrasings that embeddings of a few words place badly. A fact question stays the default:
another kind needs one of the two signals clearly in its favour.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import numpy as np

from qa import year_parts
from qa.date_words import article_months
from qa.dates import Period, day_of, from_collection, overlaps, parse_period, strip_period
from qa.followups import PRONOUNS
from qa.kind_examples import EXAMPLES
from qa.past_tense import past_event
from qa.request_cues import (ABOUT_ME, BRIEF, FILLERS, GREETING, GREETING_WORDS, PUBLISHING, QUESTION_WORD, TIMELINE, about_articles, addressed,
                             collection_operation, search_words, structure)
from qa.request_words import REQUEST_WORDS as _REQUEST_WORDS
from qa.text import VERB_PREFIXES, YEAR, answer_type, content_stems, fold, function_word, language, names, words  # fold: imported from here elsewhere

logger = logging.getLogger(__name__)

Kind = Literal["fact", "summary", "timeline", "collection", "chat"]
KINDS: tuple[Kind, ...] = ("fact", "summary", "timeline", "collection", "chat")


@dataclass(frozen=True)
class Request:
    """One question, read once; every later step takes what it needs from here."""

    question: str  # as asked
    standalone: str  # with what a follow-up points back to
    kind: Kind
    language: str
    period: Period | None
    asks_for: str | None  # "number", "date", "rank", "name" or None
    names: tuple[str, ...]  # capitalised names in the standalone question
    topic: str  # what to search for: the request without its request and date words
    brief: bool = False  # "röviden", "briefly": fewer sentences
    operation: str = ""  # collection: "count", "newest", "oldest", "when", "list"
    scores: tuple[tuple[str, float], ...] = ()  # the vote behind `kind`, for eval and debugging
    # the conversation's names added to a question pointing at nothing (a subject Hungarian leaves unsaid)
    borrowed: bool = False


# The nearest-neighbour vote: mean of each kind's best two cosines. e5 cosines of short
# requests sit in ~0.8-0.95, so 0.02 is a real gap; structure adds one such step.
_TOP = 2
_STRUCTURE_WEIGHT = 0.03
# Without structure another kind must beat "fact" by more than one such step.
_VOTE_MARGIN = 0.05
_ONE_DAY = re.compile(r"\bnapjan\b|\bon the day\b|\b\d{1,2}\.?-(an|en|jan|jen|ikan|iken)\b")


# Two names joined ("Pápán és Ajkán", "Pápa and Ajka"), not one name of two words ("Mecsek Kupán").
_TWO_NAMES = re.compile(r"\b[A-ZÁÉÍÓÖŐÚÜŰ][\w-]*,?\s+(?:és|meg|valamint|and|or|vagy)\s+(?:(?:a|az|the)\s+)?[A-ZÁÉÍÓÖŐÚÜŰ]")
_WHICH_ORDER = re.compile(r"\b(milyen|melyik|mely) sorrendben\b|\bin (what|which) order\b")
_NEXT_YEAR = re.compile(r"\b(jovore|jovo ev\w*)\b")
_HAPPENED = re.compile(r"\b(mi tortent|mik tortentek|mi valtozott|what happened|what changed|what has happened)\b|\bmi lett\b.*\w(val|vel)\b")
# "Mit döntött…", "mit jelentett be…", "what did … decide": a what-question about an event,
# as opposed to one asking for a number, a date or a name.
_WHAT = re.compile(r"\b(mit|mi|mik|miket|what)\b")
# A yes/no question: Hungarian "-e" ("nyitva lesz-e"), English "if", "whether", or an auxiliary
# opening a clause ("Did the council…?", "Is the pool open?").
_YES_NO = re.compile(r"\w-e\b|\b(if|whether)\b|(^|[.?!,:]\s*)(did|does|do|is|are|was|were|will|has|have|can|could)\b")
# Any question word (`QUESTION_WORD`): a request without one is a bare topic or an imperative.
_ASKING = QUESTION_WORD


def _days(period: Period) -> int:
    return (day_of(period.date_to) - day_of(period.date_from)).days + 1


# A case or adjective ending written after a hyphen, as Hungarian writes it after an acronym, a
# figure or a foreign name ("az Eb-vel", "a MÁV-nál", "a Bosch-hoz", the instrumental taking the
# consonant before it: "a MOL-lal", "a Fidesz-szel"): part of the word before,
# no word of the topic. Not a compound's second word ("Tisza-híd").
_HYPHEN_ENDING = re.compile(
    r"(?<=\w)-(?:[vn]?[aáeé]l|(?:sz|zs|cs|[bcdgjklmnprstz])[aáeé]l|[bv]?[aáeé]n|[bv]?[aáeé]|b[oóöő]l|r[oóöő]l|t[oóöő]l|r[aáeé]|[nh]?[oóöő]z|h[oe]z|n[aáeé]k|[aáeéoóöő]?t|ig|[eé]rt|k[eé]nt|s|[aáeéoö]s|i|[aáeéoöó]n|j[aáeé])\b",
    re.I,
)


_OF_REQUEST = frozenset(("gyors", "rovid", "tomor", "quick", "short", "brief"))
# "what kind of news", "what sort of articles": the asker's category word names no topic
_KIND_OF = frozenset(("kind", "kinds", "sort", "sorts", "type", "types"))


def topic_of(text: str) -> str:
    """The words of a request that name what it is about ('' for "Foglald össze a cikkeket!")."""
    # A pronoun names nothing by itself ("Foglald össze őket!"): the conversation says what it points at.
    found = words(_HYPHEN_ENDING.sub("", text))
    # the verb before "össze" is the request's, however typed ("Foglad össze", "Foglaljátok össze")
    verb = {i for i in range(len(found) - 1) if fold(found[i + 1]) == "ossze"}
    # an adjective of the request's own noun: "egy gyors áttekintést", "a quick overview"
    verb |= {i for i in range(len(found) - 1) if fold(found[i]) in _OF_REQUEST and _REQUEST_WORDS.fullmatch(fold(found[i + 1]))}
    verb |= {i for i in range(len(found) - 1) if fold(found[i]) in _KIND_OF and fold(found[i + 1]) == "of"}
    # "szőlő" (grapes) folds as "szóló" (about) does: the accents tell them apart where written
    kept = [w for i, w in enumerate(found) if i not in verb and (not _REQUEST_WORDS.fullmatch(fold(w)) or (fold(w).startswith("szol") and "ő" in w.lower()))
            and w.lower() not in PRONOUNS and not (w.islower() and function_word(fold(w)))]
    return " ".join(w for w in kept if content_stems(w) or w[:1].isupper())


class KindVote:
    """e5 similarity of a request to each kind's examples; example vectors cached on disk."""

    def __init__(self, embed_model, cache_dir: Path | None = None):
        self.embed_model = embed_model
        self._lock = threading.Lock()
        self._cache_dir = cache_dir
        self._vectors: dict[str, np.ndarray] | None = None

    def _load(self) -> dict[str, np.ndarray]:
        with self._lock:
            if self._vectors is not None:
                return self._vectors
            texts = [t for k in KINDS for t in EXAMPLES[k]]
            key = hashlib.sha256(("\n".join(texts) + repr(getattr(self.embed_model, "model_name", ""))).encode()).hexdigest()[:16]
            path = self._cache_dir / "planner" / f"examples-{key}.npy" if self._cache_dir else None
            matrix = None
            if path and path.exists():
                try:
                    matrix = np.load(path)
                except (OSError, ValueError):
                    matrix = None
            if matrix is None or matrix.shape[0] != len(texts):
                # Requests compared with requests: both sides as e5 queries (its advice for
                # symmetric tasks). Once per example set and model; cached on disk.
                matrix = np.asarray([self.embed_model.get_query_embedding(t) for t in texts], dtype=np.float32)
                if path:
                    try:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        np.save(path, matrix)
                    except OSError as exc:  # a read-only cache only costs the next start a second
                        logger.info("planner cache not written: %s", exc)
            out, i = {}, 0
            for kind in KINDS:
                out[kind] = matrix[i : i + len(EXAMPLES[kind])]
                i += len(EXAMPLES[kind])
            self._vectors = out
            return out

    def scores(self, query_vector: np.ndarray) -> dict[str, float]:
        vectors = self._load()
        return {k: float(np.mean(np.sort(v @ query_vector)[-_TOP:])) for k, v in vectors.items()}


class Planner:
    """Turns a question (and the conversation before it) into a `Request`."""

    def __init__(self, vote: KindVote | None, query_vector=None, written=None):
        self.vote = vote
        self.query_vector = query_vector  # str -> vector, shared with the sentence scorer's cache
        self.written = written  # folded stem -> whether the collection writes it; None: unknown

    def _read(self, question: str) -> tuple[str, list[str], dict[str, float]]:
        """The question folded, its content stems besides greetings, fillers and words to the
        assistant, and each kind's structural cues (`structure`)."""
        folded = fold(question)
        left = content_stems(topic_of(FILLERS.sub(" ", GREETING_WORDS.sub(" ", ABOUT_ME.sub(" ", folded)))))
        if left and ABOUT_ME.search(folded) and self.written is not None and language(question) == "hu" and not any(map(self.written, left)):
            # Speaking to the assistant about what no article writes: about the assistant
            # itself ("Milyen nyelven kérdezhetek tőled?"). Hungarian only: an English word is
            # never written in the articles, whatever it asks ("Help: … about the chairlift?").
            left = []
        return folded, left, structure(folded, len(left), KINDS)

    def kind(self, question: str) -> tuple[Kind, dict[str, float]]:
        folded, _, cues = self._read(question)
        if _WHICH_ORDER.search(folded) and (_TWO_NAMES.search(question) or past_event(folded, question)) and not about_articles(folded):
            # "Milyen sorrendben döntöttek Pápán és Ajkán …?", "In what order were ATMs blown
            # up?": the order of events that happened is told by a timeline; "Milyen sorrendben
            # indulnak a versenyzők?" asks a fact. Asked which things happened and in what order
            # ("Which fish farm projects made the news, and in what order?"), the list is the
            # timeline's, not the collection's; asked of the articles ("Which articles came out
            # in May, and in what order?"), it is the collection's.
            cues["timeline"], cues["collection"] = 1.0, 0.0
        near = {k: 0.0 for k in KINDS}
        if self.vote is not None and self.query_vector is not None:
            # The vote embeds the request as e5 would a query, like the examples.
            near = self.vote.scores(self.query_vector(question))
        scores = {k: near[k] + _STRUCTURE_WEIGHT * cues[k] for k in KINDS}
        if cues["chat"]:
            return "chat", scores
        if GREETING.match(folded) and (addressed(folded, question) or ABOUT_ME.search(folded)) and not any(cues.values()) \
                and not _ASKING.search(folded.replace("?", " ")) and not _YES_NO.search(folded):
            # A greeting, then words to the assistant that ask nothing of the news ("Helló! Van
            # kedved beszélgetni egy kicsit?"); "Szia! Tudod, hány turbina lesz?" asks a fact.
            return "chat", scores
        best = max(KINDS, key=lambda k: scores[k])
        cued = [k for k in KINDS if cues[k] and k != "fact"]
        if len(cued) == 1 and not cues[best] and scores[cued[0]] >= scores[best] - _STRUCTURE_WEIGHT:
            # One kind's structure against another's slightly nearer wording: "Listázd a gazdasági
            # cikkeket!" reads near a summary, but asks for a list.
            best = cued[0]
        if best == "chat" and addressed(folded, question) and not any(cues.values()) and not answer_type(question):
            # Nearest to the chat examples and spoken to the assistant ("Milyen kérdésekre tudsz
            # válaszolni?", "Minden rendben veled?"), though without a greeting's or help's
            # words; "Mit tudsz a fűtésről?" asks of the news (a summary's structure), "Szia!
            # Tudod, hány turbina lesz?" a number.
            return "chat", scores
        # A question word with content and no structure of another kind is a fact question
        # however close its wording to a summary example ("Mi történt a gyárral júliusban?").
        if best != "fact" and not cues[best] and (scores[best] - scores["fact"] < _VOTE_MARGIN or answer_type(question)):
            # A who/where/when/how-many question without another kind's structure is a
            # fact question, however near its wording to another kind's examples.
            return "fact", scores
        return best, scores

    def _search_words(self, question: str) -> bool:
        folded, left, cues = self._read(question)
        return search_words(folded, len(left)) and not any(cues.values()) and not answer_type(question) \
            and not (GREETING_WORDS.search(folded) or ABOUT_ME.search(folded)) and (self.written is None or all(map(self.written, left)))

    def plan(self, question: str, standalone: str, *, today: date, latest: date | None, earliest: date | None, period: Period | None = None) -> Request:
        """`period`, when given, is the one the request is asked over (read from another turn)."""
        lang = language(question)
        folded = fold(question)
        kind, scores = self.kind(question)
        if kind == "fact" and standalone == question and self._search_words(question):
            # A search box's words ("bátaapáti hulladéktároló bővítés", "hírek?") ask no one fact:
            # what the articles tell of them is a summary (a fact search refused them: "the topic
            # is there, but not the detail asked", where no detail was asked). Not a follow-up
            # ("a nyugdíjasoknak", rewritten from the turn before), nor words the collection never
            # writes ("Mezőtúr" over other towns' news), which the fact search says no article is about.
            kind = "summary"
        # "a januári cikkek" dates the articles as "januárban" does (`article_months`)
        standalone = article_months(standalone)
        if period is None:
            # A fact follow-up's own date words, not those its rewrite borrowed from the turn
            # before: "És a nyugdíjasoknak mennyibe kerül? (márciustól havi bérlet Pécsen)" asks
            # nothing of March, when the fare rises, and the fare was announced in January.
            dated = article_months(question) if kind == "fact" else standalone
            period = parse_period(dated, lang, today=today, latest=latest, earliest=earliest)
            # "idén", "a múlt héten" over last year's news: the collection's latest year or week.
            period = from_collection(dated, lang, period, earliest=earliest, latest=latest)
        if kind == "fact" and period is not None and (YEAR.search(period.matched) or _NEXT_YEAR.search(fold(period.matched))) \
                and not overlaps(period, earliest, latest):
            # "Mennyi kárt okozott a 2022-es aszály?" over 2025's news, "Mikor lesz jövőre a
            # fesztivál?": a year in which no article appeared says when the event was or will
            # be, not which articles to search.
            period = None
        asked = strip_period(question, period) if period else question
        if kind == "fact" and not topic_of(asked) and (_HAPPENED.search(folded) or BRIEF.search(folded)) and (period is None or _days(period) <= 31):
            # "Mi történt júliusban?", "És röviden?": events or a short account asked for with
            # no topic of their own are a summary, of the period's articles or of what the
            # conversation is about; there is no one fact to find.
            kind = "summary"
        elif kind == "fact" and period is not None and _HAPPENED.search(folded) and _days(period) > 31:
            # "What happened from May to August?" asks for the events of a span: a timeline.
            # Over one month with a topic ("Mi történt júliusban a gyárral?") it is one fact to find.
            kind = "timeline"
        elif kind == "fact" and period is None and _HAPPENED.search(folded) and not BRIEF.search(folded) and not _ONE_DAY.search(folded):
            # "Mi történt a Madách-iskolával?", "What happened in Balassagyarmat?": the events of
            # a topic, no day asked, are its story told in order, not one sentence to find; on the
            # day of something ("a gyorsjelentés napján") one day is asked.
            kind = "timeline"
        elif kind == "fact" and BRIEF.search(folded) and (_HAPPENED.search(folded) or _brief_what(question)):
            # "What happened in the trial? Briefly." or "röviden: mit döntött a közgyűlés?": an
            # account of events asked for in short is a summary.
            kind = "summary"
        if kind in ("fact", "timeline") and not topic_of(asked) and PUBLISHING.search(folded) and _WHAT.search(folded) \
                and not TIMELINE.search(folded):
            # "Mi jelent meg júliusban?", "What was published in May?": which articles appeared,
            # a question about the collection, however near a fact's wording.
            kind = "collection"
        if kind == "fact" and period is not None and year_parts.names_part(period.matched):
            # "Mennyi nyereséget ért el a cég az első negyedévben?": a quarter's or a half's
            # figures are reported after it ends, so the period dates the figure, not the article.
            period = None
        searched = strip_period(standalone, period) if period else standalone
        topic = topic_of(searched) if kind != "fact" else searched
        if kind == "collection" and lang == "hu" and _only_verbs(topic):
            # "Milyen hírek kerültek ki szeptemberben?": a verb alone names no topic of articles
            topic = ""
        return Request(
            question=question,
            standalone=standalone,
            kind=kind,
            language=lang,
            period=period,
            asks_for=answer_type(question),
            names=tuple(dict.fromkeys(names(f"X {standalone}"))),
            topic=" ".join(topic.split()),
            brief=bool(BRIEF.search(folded)),
            operation=collection_operation(folded) if kind == "collection" else "",
            scores=tuple(sorted(scores.items(), key=lambda kv: -kv[1])),
        )


def _only_verbs(topic: str) -> bool:
    """Every word of a Hungarian topic is a verb's form or a verb's particle ("kerültek ki")."""
    from qa.bilingual import hungarian_verb

    found = topic.split()
    return bool(found) and all(w.lower() in VERB_PREFIXES or (not w[:1].isupper() and not _CASE_ENDING.search(fold(w)) and hungarian_verb(w))
                               for w in found)


# Endings a noun takes and a verb never does ("zárról", "követről", "városban").
_CASE_ENDING = re.compile(r"\w\w(rol|bol|tol|ban|ben|hoz|hez|val|vel|ig)$")


def _brief_what(question: str) -> bool:
    """A what-question asking for no number, date or name, "röviden" before it: "röviden: mit
    döntött a közgyűlés?" wants the decisions told in short, not one sentence."""
    folded = fold(question)
    brief_words = folded.strip(" -*>.?!").split()
    # said first ("röviden: mit…") or last ("…? Pár mondatban."), not an adjective in between
    ends = (" ".join(brief_words[-1:]), " ".join(brief_words[-2:]))
    asked_briefly = bool(brief_words) and (bool(BRIEF.match(" ".join(brief_words))) or any(BRIEF.fullmatch(e) for e in ends))
    # a bare topic asked briefly ("tiszalöki zsilip röviden", "röviden a soproni versenyről?") as much
    # as a what-question: its question mark asks for the account
    return answer_type(question) is None and (bool(_WHAT.search(folded)) or not _ASKING.search(folded.replace("?", " "))) \
        and not _YES_NO.search(folded) and asked_briefly
