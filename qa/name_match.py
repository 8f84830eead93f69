"""Names in a question and in a sentence: which words are names, when two words are forms of
one name, and how many of a question's names a text writes. The chooser's features
(`qa.chooser_features`) read a candidate's names through these."""

from __future__ import annotations

import os
import re

from qa.dates import EN_MONTHS, EN_WEEKDAYS, HU_MONTHS, HU_WEEKDAYS
from qa.planner import fold as _fold
from qa.slots import is_given_name
from qa.text import fold_name, stopwords, unlengthened, words

_STARTS = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"\w+")
_JOINS = re.compile(r"\.?\s+|-")  # what may stand between the words of one name


def capitals_of(text: str) -> set[str]:
    """Words written with a capital where no sentence or line starts (names, not a
    sentence's first word such as "Tavaly"), lower-cased, á/é folded as in `fold_name`."""
    return {unlengthened(w) for part in _STARTS.split(text) for w in words(part)[1:] if w[:1].isupper()}


def spells_name(word: str, capitals: set[str]) -> bool:
    """Whether `word` is a form of one of the `capitals`: they part only in the last two
    letters of the shorter ("békési" ~ "Békésen", "tapolcai" ~ "Tapolcán"), not after the
    first four ("szerződés" is no form of "Szeremlei"). A word typed without accents
    ("nyirteleki") is read against the capitals with theirs folded (`bare`)."""
    w = unlengthened(word)
    return (any(_shared(w, c) >= max(4, min(len(w), len(c)) - 2) for c in capitals)
            or (bare(w) and any(unaccented_form(w, _fold(c)) for c in capitals)))


def _shared(a: str, b: str) -> int:
    """How many letters the two words share from their start."""
    return len(os.path.commonprefix((a, b)))


# A word typed without accents is a name's form only where it shares this much of the name
# with its accents folded: "nyirteleki" ~ "Nyírteleken", not "szolnak" ~ "Szolnok", "gyors" ~ "Győr".
_UNACCENTED = 6


def unaccented_form(w: str, folded: str) -> bool:
    """`w`, typed without accents, is a form of the name `folded` (its accents folded): they share
    all but the last two letters of the shorter, and at least _UNACCENTED."""
    return _shared(w, folded) >= max(_UNACCENTED, min(len(w), len(folded)) - 2)


def entity_keys(question: str, capitals: set[str]) -> set[str]:
    """The question's names, lower-cased with á/é folded: capitalised words after the
    first, and lower-case words the passages spell with a capital (`capitals`: "békési" ~ "Békés")."""
    keys = set()
    for i, w in enumerate(words(question)):
        if len(w) < 3 or w.lower() in stopwords():
            continue
        if (i > 0 and w[:1].isupper()) or (w[:1].islower() and spells_name(w, capitals)):
            keys.add(unlengthened(w))
    return keys


def same_name(a: str, b: str) -> bool:
    """Whether two words (lower-cased, á/é folded) are forms of one name: the same first
    four letters (`fold_name`), or, for a name of three letters, the same three with a
    short ending each ("vác" ~ "váci" ~ "vácon", "ózdon" ~ "ózdi"; not "vacsora")."""
    if a[:4] == b[:4]:
        return True
    return _shared(a, b) == 3 and a[3:] in TOWN_ENDINGS and b[3:] in TOWN_ENDINGS


# What follows a three-letter name: its case endings and "-i" (á/é folded). Not any short
# tail: "bajor" is no form of "Baja", "kisebb" none of "Kiss".
TOWN_ENDINGS = frozenset(("", "i", "on", "en", "ön", "ra", "re", "ról", "ről", "ba", "be", "ban", "ben", "bol", "ből", "tól", "től",
                          "hoz", "hez", "höz", "nal", "nel", "ig", "ert", "ot", "et", "ott", "iak", "iek", "ak", "ek", "nak", "nek",
                          "rol", "tol"))  # the last two: ról/ről, tól/től with every accent folded (English questions)


def share(keys: set[str], text: str, spell=unlengthened) -> float:
    """Share of the keys the text names. A key typed without accents (`bare`: "nyirteleki") is
    also read against the text's words with every accent folded ("Nyírteleken"), more strictly
    (`unaccented_form`); one typed with them keeps them, so "Körmend" is no form of "kormány"
    nor "Szőke" of "szokásos"."""
    if not keys:
        return 1.0
    have = {spell(w) for w in words(text)}
    folded = {_fold(h) for h in have} if any(bare(k) for k in keys) else set()
    return sum(any(same_name(k, h) for h in have) or (bare(k) and any(unaccented_form(k, h) for h in folded)) for k in keys) / len(keys)


def bare(word: str) -> bool:
    """The (lower-case) word holds no accented letter but á and é, which `unlengthened` folds:
    typed without its accents, or with none to type."""
    return word == _fold(word)


# English writes months and weekdays with a capital, so they are read as names, and
# spelled otherwise than in Hungarian: "June" never matched "júniusban", while "March"
# matched "márciusban" by its first four letters. As their Hungarian words they all match.
_EN_DATE_NAMES = {en.lower(): _fold(hu) for en, hu in zip((*EN_MONTHS, *EN_WEEKDAYS), (*HU_MONTHS, *HU_WEEKDAYS))}


def english_keys(keys: set[str], passages: str) -> set[str]:
    """An English question's names that can say which passage fits, accents folded.

    It spells names its own way ("Pyongyang", "Kim Jong Un"): only those the passages spell
    alike ("Lavrov" ~ "Lavrovval") count, written with or without accents ("Ozd" ~ "Ózdon",
    "Nyiregyhaza" ~ "Nyíregyházán"), and its month and weekday names as Hungarian's."""
    spelled = {_fold(w) for w in words(passages)}
    folded = {_EN_DATE_NAMES.get(k, _fold(k)) for k in keys}
    return {k for k in folded if any(same_name(k, w) for w in spelled)}


def name_phrase(sentence: str, question: str, capitals: set[str]) -> bool:
    """A run of two or more capitalised words the question lacks ("Kővári Bence",
    "Origo Zrt."). An article ("A", "Az") is no part of it, and the sentence's first word
    only when the passages capitalise it elsewhere too, or a given name follows it: "Tavaly
    Debrecenben" is no name, "Kovács Béla polgármester szerint…" is."""
    asked = {fold_name(w) for w in words(question)}
    run: list[str] = []
    end = 0
    tokens = list(_TOKEN.finditer(sentence))
    for i, m in enumerate(tokens):
        w = m.group()
        first_ok = i > 0 or spells_name(w, capitals) or (len(tokens) > 1 and is_given_name(tokens[1].group())
                                                           and tokens[1].group()[:1].isupper())
        name = w[:1].isupper() and w.lower() not in stopwords() and first_ok
        if not (name and run and _JOINS.fullmatch(sentence[end:m.start()])):
            if len(run) >= 2 and not all(fold_name(x) in asked for x in run):
                return True
            run = []
        if name:
            run.append(w)
        end = m.end()
    return len(run) >= 2 and not all(fold_name(x) in asked for x in run)
