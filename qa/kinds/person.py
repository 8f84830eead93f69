"""The person a request is about ("Mi történt Kardos Rékával?", "What happened to Gergely
Ádám in June?"): which of an article's sentences tell of them.

An article on a tournament leads with the tournament; what happened to one player is told
where the article names them, and in the sentence beside that one: the quote after "A
legnagyobb reménység Gergely Ádám", the score after "Kardos Réka nyerte a női egyest" ("A
magyar játékos 4:1-re győzte le…"), the time before "– mondta a célban Szalai Gréta". The
articles name a person by the surname alone once introduced ("A 22 éves Kardos").
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from qa.kinds.quotes import OPENING, quote_span
from qa.slots import _CASE_ENDING, is_given_name
from qa.text import unlengthened, words

# A sentence beside one naming the person, in its paragraph, tells of them about half as
# surely as the naming one.
NEIGHBOUR = 0.5


# A clause asking who ("Hogyan változott, ki irányítja…", "Who led…"): "ki" opening the request or
# a clause of it, not a verb's particle ("Mikor adták ki…"); in English "who" opening the request
# (or joined by "and"), not a relative clause ("the nurse, who was attacked").
_WHO = re.compile(r"(^|[,;:]\s*|\bes\s+)\W*(ki|kik|kit|kiket|kinek|kivel)\b|(^|\band\s+)\W*(who|whom)\b")


def asks_who(question: str) -> bool:
    """The request asks who did or does something."""
    from qa.planner import fold

    return bool(_WHO.search(fold(question)))


# Who holds a view or said something ("Kovács Ilona, a kemping tulajdonosa szerint…", "– mondta
# Nagy Lajos"): a speaker, seldom who did what a "ki …?" request asks.
_SPEAKER = re.compile(r"\bszerint\b|\bszerinte\b|[–—-]\s*(mondta|nyilatkozta|közölte|fogalmazott|tette hozzá|hangsúlyozta)\b")


def naming(sentences: Sequence, question: str = "") -> np.ndarray:
    """For a "ki …?" request: 1 for each sentence naming a company the question does not (a
    legal form: "a Vésztői Városgazda Kft.") or a person (a given name beside a capitalised
    word) other than as a speaker, a half for a sentence naming a person only as a speaker
    (`_SPEAKER`), else 0."""
    from qa.slots import new_company

    def one(text: str) -> float:
        if new_company(text, question):
            return 1.0
        if of_topic(text):
            return NEIGHBOUR if _SPEAKER.search(text) else 1.0
        return 0.0

    return np.array([one(s.text) for s in sentences])


def of_topic(topic: str) -> frozenset[str]:
    """The surnames of the people a topic names: a capitalised word beside a given name
    ("Kardos Rékával" and "Réka Kardos" give "kardos"), lower-cased with á/é folded. A comma
    ends a run of names ("Horváth Zsoltról, Kisbér polgármesteréről")."""
    found: set[str] = set()
    for clause in re.split(r"[,;:()!?]", topic):
        found |= _surnames(words(clause))
    return frozenset(found)


_TITLES = frozenset(("dr", "prof", "ifj", "id", "özv", "mr", "mrs", "ms"))


def _surnames(tokens: list[str]) -> set[str]:
    # A title ("Dr. Lakatos Gergely") and a sentence's capitalised first word before a surname and
    # a given name ("Kedden Horváth Zsolt …") are no part of the name.
    tokens = [w.lower() if w.lower() in _TITLES else w for w in tokens]
    if len(tokens) > 2 and len(_run(tokens, 0)) == 3 and is_given_name(tokens[2]):
        tokens = [tokens[0].lower(), *tokens[1:]]
    found = set()
    for i, w in enumerate(tokens):
        if not (w[:1].isupper() and is_given_name(w)):
            continue
        # a run of three capitalised words or more is an institution's or a place's name ("Szent
        # István Kórház", "Széchenyi István Egyetem"); a street is named after a person ("Kossuth
        # Lajos utca")
        run = _run(tokens, i)
        if len(run) != 2 or (run.stop < len(tokens) and tokens[run.stop].lower() in _STREETS):
            continue
        beside = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens) and tokens[j][:1].isupper()]
        # "Gergely Ádám": a surname may be a given name too, and either may come first
        surname = next((b for b in beside if not is_given_name(b)), beside[0] if beside else None)
        if surname:
            found.add(unlengthened(surname))
    return found


_STREETS = frozenset(("utca", "utcai", "utcában", "utcán", "út", "úti", "úton", "tér", "téren", "téri", "körút", "sor", "köz",
                      "fasor", "sétány", "street", "road", "square", "avenue"))


def _run(tokens: list[str], i: int) -> range:
    """The run of capitalised words token i stands in."""
    start, stop = i, i + 1
    while start > 0 and tokens[start - 1][:1].isupper():
        start -= 1
    while stop < len(tokens) and tokens[stop][:1].isupper():
        stop += 1
    return range(start, stop)


def names(text: str, surnames: frozenset[str]) -> bool:
    """Whether a sentence names one of the people by a capitalised form of the surname
    ("Kardost", "Kardosnak"; not "Kardoss")."""
    tokens = words(text)
    # a sentence's first word is capitalised anyway: there a surname that is also a word ("Nagy
    # volt az érdeklődés") names someone only with a given name beside it
    return any(w[:1].isupper() and any(unlengthened(w).startswith(s) and _CASE_ENDING.fullmatch(unlengthened(w)[len(s):]) for s in surnames)
               and (i > 0 or (len(tokens) > 1 and is_given_name(tokens[1])))
               for i, w in enumerate(tokens))


def blocks(sentences: Sequence, surnames: frozenset[str]) -> list[range]:
    """The runs of sentences that tell of the person: each sentence naming them, with the
    whole quotation it opens, closes or stands in, and the quote that follows it ("Szalai
    Gréta nem titkolja a célt. „…” – mondta.")."""
    found: list[range] = []
    for i, s in enumerate(sentences):
        if any(i in b for b in found) or not names(s.text, surnames):
            continue
        run = quote_span(sentences, i)
        after = run.stop
        if after < len(sentences) and OPENING.match(sentences[after].text.lstrip()) \
                and sentences[after].paragraph == s.paragraph:
            run = range(run.start, quote_span(sentences, after).stop)
        found.append(run)
    return found


def nearness(sentences: Sequence, surnames: frozenset[str]) -> np.ndarray:
    """1 for each sentence of a run telling of the person (`blocks`), NEIGHBOUR for one beside
    such a run in its paragraph, 0 for the rest."""
    near = np.zeros(len(sentences))
    for b in blocks(sentences, surnames):
        near[list(b)] = 1.0
    for i, s in enumerate(sentences):
        if near[i] < 1.0 and any(0 <= j < len(sentences) and near[j] == 1.0 and sentences[j].paragraph == s.paragraph for j in (i - 1, i + 1)):
            near[i] = NEIGHBOUR
    return near


def with_someone(sentences: Sequence, chosen: Sequence, rate) -> list:
    """The chosen sentences and, where none of them (nor what completes them) names a person
    and the article does, the most telling sentence that names one: who decided, found or
    said it is what a reader asks next ("– mondta dr. Lakatos Gergely, a főorvos"), by `rate`
    (sentences -> what each tells a summary's reader; called only when a sentence is added)."""
    from qa.kinds.common import completed

    def named(s) -> bool:
        return bool(of_topic(s.text))

    if any(named(s) for s in completed(sentences, chosen)):
        return list(chosen)
    candidates = [i for i, s in enumerate(sentences) if named(s) and s not in chosen]
    if not candidates:
        return list(chosen)
    rating = rate(sentences)
    best = sentences[max(candidates, key=lambda i: rating[i])]
    return sorted([*chosen, best], key=lambda s: s.position)
