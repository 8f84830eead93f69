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
The words are looked up in the collection's word index (`Library.postings`), not article by
article. An English category ("culture") is read the same way against the articles' categories.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING, Sequence

from index import Article
from qa import bilingual
from qa.kinds.topic_names import article_sentences, common_start
from qa.planner import fold
from qa.text import stopwords, word_stems

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
# Pairs of neighbouring English words read as one Hungarian compound, at most.
_JOINS = 3
# "filed in the science section": the words for where an article is filed name no topic
_SECTION = re.compile(r"\b(sections?|categor(y|ies)|columns?|filed|pieces?|themed|topics?)\b", re.I)


def groups(topic: str) -> list[frozenset[str]]:
    """One set of folded Hungarian senses per content word of the English topic; a pair of
    words the dictionary holds as one entry ("table tennis") is one group. Words it does not
    know (a name) and words of too many senses are left out."""
    return [g for g in senses(topic) if g and len(g) <= _SENSES]


def senses(topic: str) -> list[frozenset[str]]:
    """`groups` before any is left out: an empty set for a word the dictionary does not know."""
    table = bilingual.dictionary()
    tokens = [w.lower() for w in _WORD.findall(topic) if not w.isdigit()]
    found, i = [], 0
    while i < len(tokens):
        pair = f"{tokens[i]} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if pair in table:
            entry, i = table[pair], i + 2
            found.append(frozenset(fold(w) for s in entry for w in _WORD.findall(s) if len(w) >= _SHORTEST))
            continue
        word, i = tokens[i], i + 1
        if len(word) >= _SHORTEST and word not in stopwords() and word not in bilingual.ASKING:
            found.append(frozenset(fold(w) for w in bilingual.hungarian(word)))
    return found


def compounds(found: list[frozenset[str]], words: list[str]) -> list[list[frozenset[str]]]:
    """The ways to read the topic's words (`senses`' list, one set per word in order) with
    neighbouring words joined as Hungarian writes a noun phrase in one word, where the
    collection writes the joined senses ("Bronze Age" -> "bronz" + "kor" in "bronzkori",
    "treasure finds" -> "kincslelet"): every choice of such pairs, joined or apart, at most
    `_JOINS` pairs (so eight readings)."""
    pairs = []
    for i in range(len(found) - 1):
        joined = frozenset(a + b for a in found[i] for b in found[i + 1] if _prefixed(words, a + b))
        if joined and (not pairs or pairs[-1][0] != i - 1):  # a word joins one neighbour at most
            pairs.append((i, joined))
    pairs = pairs[:_JOINS]
    readings = []
    for chosen in itertools.product((False, True), repeat=len(pairs)):
        joins = {i: joined for (i, joined), on in zip(pairs, chosen) if on}
        groups_, i = [], 0
        while i < len(found):
            if i in joins:
                groups_.append(joins[i])
                i += 2
            else:
                groups_.append(found[i])
                i += 1
        readings.append(groups_)
    return readings


def _prefixed(words: list[str], start: str) -> list[str]:
    """The words of the sorted list that begin with `start`."""
    i = j = bisect.bisect_left(words, start)
    while j < len(words) and words[j].startswith(start):
        j += 1
    return words[i:j]


def _written(words: list[str], word: str) -> bool:
    i = bisect.bisect_left(words, word)
    return i < len(words) and words[i] == word


def matching(words: list[str], sense: str) -> set[str]:
    """The collection's words (sorted) that are forms of the sense or compounds holding it: the
    dictionary gives bare forms ("termális"), which the articles write with endings, in
    compounds ("termálfürdő"), or shortened before another member (all but its last two
    letters, at least `_INSIDE`). Found by prefix in the sorted words; a sense inside a
    compound by one pass over them."""
    found = set(_prefixed(words, sense))
    shortened = max(_INSIDE, len(sense) - 2)
    if len(sense) >= shortened:
        found.update(_prefixed(words, sense[:shortened]))
    if len(sense) >= _INSIDE:
        found.update(w for w in words if sense in w)
    return found


def about(library: "Library", topic: str, articles: Sequence[Article]) -> tuple[list[str], list[str]]:
    """The ids of the articles that write a Hungarian word for every word of the English topic:
    those writing each in their title or at least `_OFTEN` times (about it), and those writing
    each at least once (maybe about it: a transfer report says "kézilabdacsapat" once, and so
    may a report on something else); ([], []) when the dictionary is missing or gives the topic
    no word to look for. Read from the collection's word index (`Library.postings`), not
    article by article: an archive's English topic is answered in a second."""
    found = senses(topic)
    if not any(g and len(g) <= _SENSES for g in found) or not articles:
        return [], []
    words = library.postings()[0]
    often, once = [], []
    # each reading of neighbouring words as one compound where the collection writes it so
    for reading in compounds(found, words):
        read = _about(library, [g for g in reading if g and len(g) <= _SENSES], articles)
        often += read[0]
        once += read[1]
    often = list(dict.fromkeys(often))
    return often, [a for a in dict.fromkeys(once) if a not in often]


def _about(library: "Library", wanted: list[frozenset[str]], articles: Sequence[Article]) -> tuple[list[str], list[str]]:
    """`about` for the groups of senses `wanted`."""
    if not wanted:
        return [], []
    words, postings = library.postings()
    ids = {a.article_id for a in articles}

    def holding(found: set[str]) -> set[str]:
        return {a for w in found for a in postings[w] if a in ids}

    # A sense that many of the articles write is no sign of the topic: "épít" (for "bridge")
    # is in most news, and "keres" (a lawsuit, for "court") starts "keresztül" too.
    common = max(_FEW, _COMMON * len(articles))
    chosen = []
    for group in wanted:
        found = {s: matching(words, s) for s in group}
        kept = {s: f for s, f in found.items() if len(holding(f)) <= common}
        if not kept:
            return [], []  # a word only common senses stand for: the dictionary cannot tell the articles apart
        chosen.append(kept)
    written = [set().union(*g.values()) for g in chosen]
    candidates = set.intersection(*(holding(w) for w in written))
    about_, once = [], []
    for article in articles:
        aid = article.article_id
        if aid not in candidates:
            continue
        title = set(_WORD.findall(fold(article.title)))
        if all(title & w or sum(postings[x].get(aid, 0) for x in w) >= _OFTEN for w in written):
            about_.append(aid)
        elif all(any(_member(w, s, words) for s, f in g.items() for w in f if aid in postings[w]) for g in chosen) \
                and _common_noun(article, written):
            once.append(aid)
    return about_, once


def _common_noun(article: Article, written: list[set[str]]) -> bool:
    """The article writes a word of each group as a common noun somewhere: in lower case, or
    opening a sentence before a word in lower case ("Farkasokat láttak …"); "Farkas Imre" writes
    a surname, not a wolf ("farkas"). Read from its text, as the word index is folded."""
    lower = set()
    for part in article_sentences(article):
        found = _WORD.findall(part)
        lower.update(fold(w) for i, w in enumerate(found)
                     if w[:1].islower() or (i == 0 and len(found) > 1 and found[1][:1].islower()))
    return all(lower & w for w in written)


def _member(word: str, sense: str, words: list[str]) -> bool:
    """The word is the sense with a case ending (up to `_ENDING` letters) or a compound of it
    and another word the collection (sorted `words`) writes ("kézilabdacsapat", "gyógyfürdő",
    and with its own ending "asztaliteniszversenyen"): not a longer word that merely starts
    like it ("keresztül" for "keres")."""
    at = word.find(sense)
    if at < 0:
        # the bare form shortened before an ending or a member: "termális" -> "termálvíz"
        n = common_start(word, sense)
        if n < max(_INSIDE, len(sense) - 2):
            return False
        at, sense = 0, sense[:n]
    if 0 < at < _SHORTEST:
        return False
    rest = word[at + len(sense):]
    if len(rest) <= _ENDING:
        return True
    if len(rest) == _SHORT_MEMBER:
        return _written(words, rest)  # "víz" of "termálvíz"; "let" of "kereslet" is no word written alone
    # the member with an ending of its own ("versenyen"): a word written beginning like it
    return bool(_prefixed(words, rest[: max(_MEMBER, len(rest) - _MEMBER_ENDING)]))


def filed(topic: str, articles: Sequence[Article]) -> set[str]:
    """The articles filed under the English topic: each of its words has a sense that is the
    article's category ("culture" -> "kultúra", "science" -> "tudomány"), as `topic.in_category`
    reads a Hungarian one."""
    from qa.kinds.salience import stems

    # Every word must be a sense of the category: "culture in Szentendre" names a town the
    # dictionary does not know, and is no category alone.
    wanted = [{s for sense in g for s in stems(sense)} for g in senses(_SECTION.sub(" ", topic))]
    if not wanted or not all(wanted):
        return set()
    found = set()
    for article in articles:
        category = stems(article.category)
        # the same word stemmed alike, not a compound holding it ("sportpálya", a court, is no "sport")
        if category and all(g & category for g in wanted):
            found.add(article.article_id)
    return found


# A sense this short stands inside too many words ("kar" for "damage" in "karbantartás"); a
# word of more senses than `_FEW_SENSES` ("shift": "csere", "ing", "műszak" …) says too little.
_WRITTEN_SENSE = 4
_FEW_SENSES = 6


def as_written(library: "Library", articles: Sequence[Article], topic: str) -> frozenset[str]:
    """An English topic's words as the articles write them: for each word the dictionary knows
    with few senses, the folded stem of the sense the articles' sentences write most ("deadline"
    -> "hatarid" where a story writes "határidő", "határideje"). What a Hungarian request's own
    stems do for a timeline (what it follows beyond its story, `qa.kinds.followed`), these do for
    an English one. Words whose senses the articles never write give nothing."""
    written_words = [w for a in articles for s in library.sentences(a) for w in fold(s.text).split()]
    out = set()
    for token in _WORD.findall(topic.lower()):
        if len(token) < _SHORTEST or token in stopwords() or token in bilingual.ASKING:
            continue
        group = bilingual.one_word_senses(token)
        if not group or len(group) > _FEW_SENSES:
            continue
        # stemmed before folding: the dictionary writes "határidő" as "hataridő", whose folded
        # letters Snowball would cut to "hatar"
        stemmed = {fold(" ".join(word_stems(sense))) for sense in group}
        # a word's start, or inside a compound where long enough ("gyár" is no part of "magyar")
        counts = {st: sum(w.startswith(st) or (len(st) >= _INSIDE and st in w) for w in written_words)
                  for st in stemmed if len(st) >= _WRITTEN_SENSE}
        best = max(counts, key=lambda st: (counts[st], st), default=None)
        if best is not None and counts[best]:
            out.add(best)
    return frozenset(out)
