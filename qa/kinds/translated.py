"""The articles an English topic is about, found through the dictionary's Hungarian words.

"Which articles are about table tennis?" shares no word with the articles, and names
nothing to require: e5 alone must tell the articles apart, and its cosines for a short
English topic against Hungarian passages lie within a few hundredths of each other (dev
sets: a drone startup ranked beside the table-tennis reports, a factory's "Thermowave"
above two thermal baths). The dictionary (`qa.bilingual`) turns each English word into
the Hungarian words it may stand for ("table tennis" -> "asztalitenisz", "elections" ->
"választás"); an article is about the topic when it writes one of them for every word of
the topic, in its title or more than in passing. Many senses are wrong for any one topic
("court" is also "udvar"), but an article must hold one for every word, and a word with
very many senses ("case": "eset", "doboz", "beteg" …) tells nothing and is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Sequence

from index import Article
from qa import bilingual
from qa.planner import fold
from qa.text import stopwords

if TYPE_CHECKING:
    from qa.kinds.common import Library

# A word with more senses than this stands for too many things to find articles by.
_SENSES = 12
# A sense this short must be the start of an article's word ("híd" in "hídon"); a longer one
# may stand inside a compound too ("fürdő" in "termálfürdő", "tenisz" in "asztalitenisz").
_INSIDE = 5
_SHORTEST = 3
# An article writing one of a word's senses this often is about it, though not in its title.
_OFTEN = 2
# A sense more than this share of the articles write (and more than `_FEW` of them) is too
# common to find articles by.
_COMMON = 1 / 3
_FEW = 3
# What may follow a sense written once: a short case ending ("-t", "-on"; a longer one such as
# "-let" would let "kereslet" stand for "keres"), or a word of its own the collection writes.
_ENDING = 2
_SHORT_MEMBER = 3
_MEMBER = 4
# the longest ending a compound's last member may carry ("-en" of "versenyen", "-ban")
_MEMBER_ENDING = 3
_WORD = re.compile(r"\w+")


def groups(topic: str) -> list[frozenset[str]]:
    """One set of folded Hungarian senses per content word of the English topic; a pair of
    words the dictionary holds as one entry ("table tennis") is one group."""
    table = bilingual.dictionary()
    tokens = [w.lower() for w in _WORD.findall(topic) if not w.isdigit()]
    found, i = [], 0
    while i < len(tokens):
        pair = f"{tokens[i]} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if pair in table:
            senses, i = table[pair], i + 2
            found.append(frozenset(fold(w) for s in senses for w in _WORD.findall(s) if len(w) >= _SHORTEST))
            continue
        word, i = tokens[i], i + 1
        if len(word) >= _SHORTEST and word not in stopwords() and word not in bilingual.ASKING:
            found.append(frozenset(fold(w) for w in bilingual.hungarian(word)))
    return [g for g in found if g and len(g) <= _SENSES]


def _holds(word: str, sense: str) -> bool:
    """The word is a form of the sense, or a compound holding it: the dictionary gives bare
    forms ("termális"), which the articles write with endings, in compounds ("termálfürdő"),
    or shortened before another member (all but its last two letters, at least `_INSIDE`)."""
    return word.startswith(sense) or (len(sense) >= _INSIDE and sense in word) or _common(word, sense) >= max(_INSIDE, len(sense) - 2)


def _common(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _count(words: Counter, group: frozenset[str]) -> int:
    return sum(n for w, n in words.items() if any(_holds(w, s) for s in group))


def about(library: "Library", topic: str, articles: Sequence[Article]) -> tuple[list[str], list[str]]:
    """The ids of the articles that write a Hungarian word for every word of the English topic:
    those writing each in their title or at least `_OFTEN` times (about it), and those writing
    each at least once (maybe about it: a transfer report says "kézilabdacsapat" once, and so
    may a report on something else); ([], []) when the dictionary is missing or gives the topic
    no word to look for."""
    wanted = groups(topic)
    if not wanted:
        return [], []
    counts = [(Counter(_WORD.findall(fold(a.title))), library.folded_counts(a)) for a in articles]
    # A sense that many of the articles write is no sign of the topic: "épít" (for "bridge")
    # is in most news, and "keres" (a lawsuit, for "court") starts "keresztül" too.
    common = max(_FEW, _COMMON * len(articles))
    wanted = [frozenset(s for s in g if sum(1 for _, words in counts if _count(words, {s})) <= common) for g in wanted]
    if not all(wanted):
        return [], []  # a word only common senses stand for: the dictionary cannot tell the articles apart
    vocabulary = {w for w, _ in library.case_counts()}
    about_, once = [], []
    for article, (title, words) in zip(articles, counts):
        if all(_count(title, g) or _count(words, g) >= _OFTEN for g in wanted):
            about_.append(article.article_id)
        elif all(any(_member(w, s, vocabulary, library.writes) for w in words for s in g) for g in wanted):
            once.append(article.article_id)
    return about_, once


def _member(word: str, sense: str, vocabulary: set[str], writes) -> bool:
    """The word is the sense with a case ending (up to `_ENDING` letters) or a compound of it
    and another word the collection writes ("kézilabdacsapat", "gyógyfürdő", and with its own
    ending "asztaliteniszversenyen"): not a longer word that merely starts like it
    ("keresztül" for "keres"). `writes(start)` says whether a word of the collection begins so."""
    at = word.find(sense)
    if at < 0:
        # the bare form shortened before an ending or a member: "termális" -> "termálvíz"
        n = _common(word, sense)
        if n < max(_INSIDE, len(sense) - 2):
            return False
        at, sense = 0, sense[:n]
    if 0 < at < _SHORTEST:
        return False
    rest = word[at + len(sense):]
    if len(rest) <= _ENDING:
        return True
    if len(rest) == _SHORT_MEMBER:
        return rest in vocabulary  # "víz" of "termálvíz"; "let" of "kereslet" is no word written alone
    # the member with an ending of its own ("versenyen"): a word written beginning like it
    return writes(rest[: max(_MEMBER, len(rest) - _MEMBER_ENDING)])


def filed(topic: str, articles: Sequence[Article]) -> set[str]:
    """The articles filed under the English topic: each of its words has a sense that is the
    article's category ("culture" -> "kultúra", "science" -> "tudomány"), as `topic.in_category`
    reads a Hungarian one."""
    from qa.kinds.salience import stems

    wanted = [{s for sense in g for s in stems(sense)} for g in groups(topic)]
    if not wanted:
        return set()
    found = set()
    for article in articles:
        category = stems(article.category)
        # the same word stemmed alike, not a compound holding it ("sportpálya", a court, is no "sport")
        if category and all(g & category for g in wanted):
            found.add(article.article_id)
    return found
