"""A follow-up question made searchable on its own, from the conversation before it."""

from __future__ import annotations

import functools
import re
from typing import Callable, Sequence, TypeVar

from qa.prompts import EXTRACTIVE_LEAD
from qa.text import content_stems, fold_name, names, words
from qa.types import Turn

# Follow-ups that lean on the previous turn: pronouns and "and …?" openings. The Hungarian
# personal pronouns in their cases ("őket", "róluk", "vele") and the demonstratives ("ez",
# "ezek", "arról"; not "az", which is also the article): a closed class of the language.
# "rá" and "hozzá" are left out: they are verb prefixes as often ("Ki mutatott rá a hibára?").
_HU_PERSONAL = {
    "ő", "őt", "neki", "vele", "róla", "tőle", "nála", "belőle", "benne", "érte",
    "ők", "őket", "nekik", "velük", "róluk", "tőlük", "náluk", "hozzájuk", "belőlük", "bennük", "rájuk", "értük",
}
_HU_DEMONSTRATIVE = {
    "ez", "ezt", "ezek", "ezeket", "ennek", "ebben", "erről", "ebből", "ezzel", "erre", "ehhez", "ettől", "emiatt",
    "azt", "azok", "azokat", "annak", "abban", "arról", "abból", "azzal", "arra", "ahhoz", "attól", "amiatt",
}
_ANAPHORA = _HU_PERSONAL | _HU_DEMONSTRATIVE | {
    "he", "she", "it", "its", "they", "their", "him", "her", "this", "that", "these", "those", "them"}
PRONOUNS = _ANAPHORA
# "És…?", "And…?" open a follow-up; inside a question they join its own words ("a nagykőrösi
# és a ceglédi támadás"), which borrow nothing.
_CONTINUING = frozenset(("és", "and"))


def points_back(question: str) -> bool:
    """The question refers to what was said before: a pronoun ("ő", "ezt", "it") anywhere, or
    "és"/"and" as its first word ("És mikor?")."""
    found = [w.lower() for w in words(question)]
    return bool(_ANAPHORA & set(found)) or bool(found[:1]) and found[0] in _CONTINUING


# Hungarian question words are a few stems with case endings ("Mikorra", "Hányadikán",
# "Mennyiért"): capitalised as a question's first word, they are no name. "hol" takes no
# ending: "Hollandiában", "Hollókő" are names.
_ASKING = re.compile(
    r"(mikor|hány|mennyi|milyen|melyik|mekkor|meddig|mióta|honnan|hov[aá])\w*|hol|"
    r"(ki|mi)(k|t|ket|nek|vel|kel|től|ről|hez|ben|be|re|ből|ért|ként|lyen)?", re.I)


def own_names(question: str) -> list[str]:
    """The names the question itself holds; its first word counts unless it is a question word."""
    found = names(f"X {question}")
    first = words(question)[:1]
    return found[1:] if found and first and found[0] == first[0] and _ASKING.fullmatch(first[0]) else found


def names_nothing(question: str) -> bool:
    """No name and no figure of its own: Hungarian drops the subject, so in a conversation
    "Hány embert kellett kitelepíteni?" or "Hány éves?" is about what was just discussed."""
    return not own_names(question) and not any(c.isdigit() for c in question)


def borrowed_names(question: str, standalone: str) -> list[str]:
    """The names a follow-up's rewrite took from the conversation ("És ki az igazgatója?" →
    "Természettudományi Múzeum"), question words left out."""
    if standalone == question:
        return []
    have = set(names(f"X {question}"))
    # The rule's rewrite is "question (borrowed words)"; an LLM's is a new sentence.
    added = standalone[len(question):].strip(" ()") if standalone.startswith(question) else standalone
    return [n for n in dict.fromkeys(names(f"X {added}")) if n not in have and not _ASKING.fullmatch(n)]


H = TypeVar("H")


def on_topic(hits: Sequence[H], borrowed: Sequence[str], article_of: Callable[[H], str]) -> list[H]:
    """The hits from articles about what the conversation is about: those whose article
    (`article_of`: its title and text) names at least half the borrowed names, where any does.

    "És ki az igazgatója?" after a question on a museum: the museum's article answers, not
    another article's "gazdasági igazgató". The whole article counts, not the passage: the
    answer is often in a later passage that does not repeat the subject's name.
    """
    keys = {fold_name(n) for n in borrowed if len(n) >= 3}
    if not keys or not hits:
        return list(hits)
    texts: dict[str, float] = {}
    shares = []
    for hit in hits:
        text = article_of(hit)
        if text not in texts:
            spelled = {fold_name(w) for w in words(text) if w[:1].isupper()}
            texts[text] = len(keys & spelled) / len(keys)
        shares.append(texts[text])
    kept = [h for h, share in zip(hits, shares) if share >= 0.5]
    return kept or list(hits)


def _context_questions(history: Sequence[Turn]) -> list[str]:
    """The last user turn, and the ones before it while each points back to its predecessor:
    in "Milyen hosszú töltés épül?" → "És mikor kezdődött az építése?" → "Mikorra fejezik be?"
    the topic is in the first. (Naming nothing is no sign here: "Mennyi kárt okozott a
    jászberényi felhőszakadás?" names its town by an adjective and stands on its own.)"""
    asked = [t.content for t in history if t.role == "user"]
    kept: list[str] = []
    for text in reversed(asked):
        kept.append(text)
        # an earlier turn that itself points back: "Ki nyerte a választást és hány szavazattal?"
        # has an "és" of its own and its own topic
        if not points_back(text) or len(kept) == _CHAIN:
            break
    return kept


_CHAIN = 3  # turns at most: a conversation's topic is rarely further back


def is_month(word: str) -> bool:
    """A month's name in Hungarian or English, in any case ending ("júliusban", "September")."""
    return word.lower().startswith(_months())


@functools.lru_cache(maxsize=1)
def _months() -> tuple[str, ...]:
    from qa.dates import EN_MONTHS, HU_MONTHS

    return tuple(m.lower() for m in (*HU_MONTHS, *EN_MONTHS))


def _unframed(answer: str) -> str:
    """The answer without its lead ("According to the articles (quoted in Hungarian):"), whose
    words are the assistant's, not the topic's: "Hungarian" is no name the follow-up is about."""
    for lead in EXTRACTIVE_LEAD.values():
        if answer.startswith(lead):
            return answer[len(lead):]
    return answer


def rule_based_standalone(question: str, history: Sequence[Turn], force: bool = False) -> str:
    """Adds the names and content words of the conversation's last topic (the last user turn,
    and the ones before it a chain of follow-ups leans on) and of the last answer to a
    follow-up that needs them."""
    # Only a question that points back borrows context, or one the caller knows to need it
    # (`force`): a short new question ("Who won the World Cup?") must stay as it was asked.
    if not history or not (force or points_back(question)):
        return question
    last_answer = _unframed(next((t.content for t in reversed(history) if t.role == "assistant"), ""))
    have = set(content_stems(question))
    extra = []
    asked = [w for text in _context_questions(history) for w in words(text) if content_stems(w)]
    if any(is_month(w) for w in words(question)):
        # "És szeptemberben?" after "…júliusban?": the follow-up's own month replaces the
        # earlier one; borrowed, the two would read as a range from July to September.
        asked = [w for w in asked if not is_month(w)]
    for word in names(last_answer) + asked:
        stem = content_stems(word)
        if stem and stem[0] not in have:
            have.add(stem[0])
            extra.append(word)
    return f"{question} ({' '.join(extra)})" if extra else question


_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")
# The last answer must share this many of its figures with one article alone to say which
# article the conversation is on.
_SHARED_FIGURES = 2


def conversation_article(last_answer: str, articles: Sequence[str], text_of: Callable[[str], str]) -> str | None:
    """Of the `articles` (ids) retrieved for a follow-up, the one the conversation is on: the one
    holding most of the last answer's figures ("A Győri Törvényszék november 20-án … legfeljebb 10
    turbina … 2000 méterre" is the verdict's article, not June's), at least `_SHARED_FIGURES` and
    more than any other; None when no one article stands out."""
    figures = set(_FIGURE.findall(last_answer))
    if len(figures) < _SHARED_FIGURES or not articles:
        return None
    shared = {a: len(figures & set(_FIGURE.findall(text_of(a)))) for a in dict.fromkeys(articles)}
    ranked = sorted(shared.values(), reverse=True)
    if ranked[0] < _SHARED_FIGURES or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(shared, key=shared.get)
