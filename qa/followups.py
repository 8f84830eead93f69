"""A follow-up question made searchable on its own, from the conversation before it."""

from __future__ import annotations

from typing import Sequence

from qa.text import content_stems, names, words
from qa.types import Turn

# Follow-ups that lean on the previous turn: pronouns and "and …?" openings.
_ANAPHORA = {"ő", "ők", "őt", "ezt", "azt", "erről", "arról", "ebben", "abban", "ennek", "annak", "neki", "vele", "és", "he", "she", "it", "they", "him", "her", "this", "that", "them", "and"}


def points_back(question: str) -> bool:
    """The question refers to what was said before ("he", "about this", "and …?")."""
    return bool(_ANAPHORA & {w.lower() for w in words(question)})


def names_nothing(question: str) -> bool:
    """No name and no figure of its own: Hungarian drops the subject, so in a conversation
    "Hány embert kellett kitelepíteni?" or "Hány éves?" is about what was just discussed."""
    return not names(f"X {question}") and not any(c.isdigit() for c in question)


def rule_based_standalone(question: str, history: Sequence[Turn], force: bool = False) -> str:
    """Adds the names and content words of the last exchange to a follow-up that needs them."""
    # Only a question that points back borrows context, or one the caller knows to need it
    # (`force`): a short new question ("Who won the World Cup?") must stay as it was asked.
    if not history or not (force or points_back(question)):
        return question
    last_user = next((t.content for t in reversed(history) if t.role == "user"), "")
    last_answer = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    have = set(content_stems(question))
    extra = []
    for word in names(last_answer) + [w for w in words(last_user) if content_stems(w)]:
        stem = content_stems(word)
        if stem and stem[0] not in have:
            have.add(stem[0])
            extra.append(word)
    return f"{question} ({' '.join(extra)})" if extra else question
