"""Whether the articles a topic's names found are about the topic at all.

"Foglald össze a faddi borfesztiválról szóló cikket" over a collection whose one Fadd article is
about a kindergarten: the name finds that article, and without this check its summary would be
the answer. The topic is absent there when two things hold together:
- at least half the words the topic says beside its names ("borfesztivál"; "uszoda" of "a
  csepeli uszoda felújítása") are not written in the found articles in any form: simplemma's
  lemma, a shorter form after a case ending (readers type without accents, which simplemma
  does not read), a compound's last member, or the articles' category ("közlekedés"). No such
  words: where a story is told from and to ("a nevezéstől az eredményekig"), postpositions,
  shell nouns that stand for whatever the names found ("a kistarcsai projekt", "az ügy
  részletei"), words with digits ("2025-ös") and verbs and their participles ("az elkészült");
- and e5 finds the articles no nearer to those words than the collection at large: their best
  passage lies under `_NEAR` standard deviations above the words' mean cosine over a sample of
  the collection's passages. A reader's synonym ("szmog" for an article on fine dust) is not
  written, but e5 places it near.
Either alone misleads: a topic's words are often reworded, and e5's cosines for a short topic
lie close together. An English topic's words are never written: each stands for the Hungarian
words the dictionary gives for it (`translated.senses`), and is written when the articles write
one of them.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Sequence

import numpy as np

from index import Article
from qa.accents import restored, without_accents
from qa.bilingual import hungarian_lemma, hungarian_verb
from qa.kinds.places import unknown_place
from qa.planner import fold
from qa.text import VERB_PREFIXES, content_stems, function_word

if TYPE_CHECKING:
    from qa.kinds.common import Library

# At least this share of the words beside the topic's names is not written in its articles
# ("a csepeli uszoda felújítása": "felújítás" is, "uszoda" is not).
_MISSING = 0.5
# Standard deviations above the collection's mean cosine that make an article near the words.
_NEAR = 1.0
# Articles whose passages stand for the collection's mean and spread (spread over the collection).
_SAMPLE = 64
# Fewer passages than this outside the found articles give no baseline.
_FEWEST = 20
_SHORTEST = 3
# A three-letter form may begin only a short word ("híd" in "hídon", not "hideg")
_SHORT_FORM_SLACK = 4
# A compound's last member, written alone, has at least this many letters.
_MEMBER = 6
# Case endings and the possessive's, folded, longest first; an instrumental after a doubled
# consonant ("komppal", "híddal") is the consonant alone.
_ENDINGS = sorted({
    "rol", "tol", "bol", "ban", "ben", "ba", "be", "val", "vel", "nak", "nek", "hoz", "hez", "ra", "re",
    "on", "en", "ok", "ek", "ak", "at", "et", "ot", "tal", "tel", "ig", "nal", "nel", "kent", "ert", "ul",
    "ja", "je", "ai", "ei", "a", "e", "t", "i", "k",
}, key=len, reverse=True)
# "a nevezéstől az eredményekig", "az elejétől": where a story is told from and to, not what it is about
_SPAN = re.compile(r"(tol|ig)$")
# Postpositions NLTK's list and `function_word` leave in ("a várakozásokhoz képest"), folded
_POSTPOSITION = re.compile(r"kepest|utan|alatt|mellett|kozott|nelkul|fele|ellen|elleni|szemben|reszere|altal")
# Shell nouns, a closed class: they stand for whatever the named thing is ("a kistarcsai projekt",
# "a solymári fejlesztés", "a nádudvari akció", "az ügy részletei, sorsa, állása"), not a topic
# of their own. Folded, matched by a word's `forms`.
_SHELL = frozenset(("ugy", "projekt", "fejlesztes", "akcio", "kezdemenyezes", "program", "beruhazas", "tortenet", "helyzet", "sors",
                    "eredmeny", "allas", "allapot", "reszlet", "esemeny", "eset", "hir", "fejlemeny", "valtozas", "terv", "munka",
                    "munkalat", "dolog", "tema", "kerdes"))
_DOUBLED = re.compile(r"([bcdfghjklmnprstvz])\1(al|el)$")


def forms(word: str) -> set[str]:
    """The word folded and what it may be without one or two endings ("hídról", "hidrol" ->
    "hid"), simplemma's lemma among them."""
    if not word.strip():
        return set()
    out = {fold(word), fold(hungarian_lemma(word))}
    for w in list(out):
        doubled = _DOUBLED.search(w)
        if doubled:
            out.add(w[: doubled.start() + 1])
    for _ in range(2):
        out |= {w[: -len(e)] for w in out for e in _ENDINGS if w.endswith(e) and len(w) - len(e) >= _SHORTEST}
    # a word of two letters stands as it is ("tó", "út", "M7"), not cut shorter
    return {w for w in out if len(w) >= _SHORTEST or w == fold(word)}


def _begins(form: str, words: Sequence[str], slack: int) -> bool:
    """A word of the sorted `words` begins with the form; a short form only a word at most
    `slack` letters longer ("hid" begins "hidon", not "hideg")."""
    i = bisect.bisect_left(words, form)
    while i < len(words) and words[i].startswith(form):
        if len(form) > _SHORTEST or len(words[i]) <= len(form) + slack:
            return True
        i += 1
    return False


def written(word: str, words: Sequence[str]) -> bool:
    """One of the word's `forms` begins a word of the sorted folded `words`, or the word is a
    compound whose last member (`_MEMBER` letters or more) they write with at most a short
    ending ("fesztivalon" for "borfesztivalrol"; "telepules" is no form of "szennyviztelep")."""
    if any((len(f) < _SHORTEST and f in words) or (len(f) >= _SHORTEST and _begins(f, words, _SHORT_FORM_SLACK)) for f in forms(word)):
        return True
    folded = fold(word)
    for k in range(_SHORTEST, len(folded) - _MEMBER + 1):
        for member in forms(folded[k:]):
            if len(member) >= _MEMBER:
                i = bisect.bisect_left(words, member)
                if i < len(words) and words[i].startswith(member) and len(words[i]) <= len(member) + _SHORT_FORM_SLACK - 1:
                    return True
    return False


def said_words(unnamed: Sequence[str]) -> list[str]:
    """The content words of what the topic says beside its names, as typed."""
    words = (w.strip("?!.,;:„”\"'()") for w in unnamed)
    return [w for w in words if w and content_stems(w) and not any(ch.isdigit() for ch in w) and not _other_than_topic(fold(w))
            and not forms(w) & _SHELL and not hungarian_verb(w) and not _participle(w)]


def _participle(word: str) -> bool:
    """A past participle left in the topic ("az elkészült beruházás", "a felújított vár"): a word
    ending in -t whose lemma, or the lemma without its verb prefix, is a verb ("elkészül", "készül")."""
    if not fold(word).endswith("t"):
        return False
    lemma = hungarian_lemma(word)
    bare = [lemma[len(p):] for p in VERB_PREFIXES if lemma.startswith(p) and len(lemma) - len(p) >= _SHORTEST]
    return lemma != word.lower() and any(hungarian_verb(c) for c in (lemma, *bare))


def _other_than_topic(folded: str) -> bool:
    """A pronoun's form, a postposition, where a story is told from and to."""
    return bool(function_word(folded) or _POSTPOSITION.fullmatch(folded) or _SPAN.search(folded))


def absent(library: "Library", unnamed: Sequence[str], found: Sequence[Article], language: str = "hu") -> bool:
    """The `found` articles (found by the topic's names) write few of the topic's `unnamed`
    words, and e5 finds them no nearer to those words than the collection at large."""
    if not found:
        return False
    vocabulary = sorted(set().union(*(library.folded_words(a) for a in found)))
    if language == "en":
        said, missing = _missing_english(unnamed, vocabulary)
    else:
        said = said_words(unnamed)
        # the articles' own category ("közlekedés") is what they are about, whatever their words, in a
        # compound too ("közlekedésfejlesztés")
        categories = {w for a in found for w in fold(a.category).split() if len(w) >= _MEMBER}
        missing = [w for w in said if not written(w, vocabulary) and not any(c in fold(w) for c in categories)]
    if not said or len(missing) < _MISSING * len(said):
        return False
    # typed without accents, e5 reads the words as the articles write them (`qa.accents`)
    said_text = " ".join(unnamed)
    query = library.scorer.query_vector(restored(said_text, library.accent_forms()) if without_accents(said_text) else said_text)
    baseline = _baseline(library, query, found)
    if baseline is None:
        # nothing else to weigh e5's cosines against: the words alone decide, every one missing
        return len(missing) == len(said)
    mean, spread = baseline
    best = max((float(np.asarray(v, dtype=np.float32) @ query) for v in _vectors(library, found)), default=-1.0)
    return spread > 0 and (best - mean) / spread < _NEAR


# English words that stand for whatever the named thing is, like `_SHELL`, or say how the story is
# told ("step by step", "preview and results", "over the year"), not what it is about.
_SHELL_EN = frozenset(("story", "stories", "development", "developments", "news", "article", "articles", "piece", "report",
                       "reports", "project", "case", "situation", "affair", "matter", "issue", "details", "event", "events",
                       "thing", "things", "topic", "plan", "plans", "update", "updates", "step", "steps", "progress",
                       "preview", "result", "results", "outcome", "year", "month", "week", "timeline", "summary", "pls",
                       "please", "short", "brief", "briefly", "latest", "whole", "saga"))


def _missing_english(unnamed: Sequence[str], vocabulary: Sequence[str]) -> tuple[list[str], list[str]]:
    """An English topic's words beside its names that the dictionary can judge (`translated.senses`:
    a word it knows, with few senses; a pair it holds as one entry counts once), and those of them
    no Hungarian sense of which the articles' `vocabulary` writes in some form."""
    from qa.kinds.translated import _SENSES, senses

    said, missing = [], []
    for word in unnamed:
        if word.lower() in _SHELL_EN or any(ch.isdigit() for ch in word):
            continue
        for group in senses(word):
            if not group or len(group) > _SENSES:
                continue
            said.append(word)
            if not any(written(sense, vocabulary) for sense in group):
                missing.append(word)
    return said, missing


def _vectors(library: "Library", articles: Sequence[Article]) -> list:
    passages = library.store.passages([a.article_id for a in articles])
    return list(library.store.vectors([p.passage_id for p in passages]).values())


def _baseline(library: "Library", query: np.ndarray, found: Sequence[Article]) -> tuple[float, float] | None:
    """Mean and spread of the query's cosines over a sample of the collection's passages, those
    of the `found` articles left out; None where too few are left to tell (the names found
    nearly the whole collection: the sample's best is then always above its mean)."""
    ids, matrix = library.passage_sample(_SAMPLE)
    if matrix is None:
        return None
    own = {a.article_id for a in found}
    others = matrix[np.array([i not in own for i in ids])]
    if len(others) < _FEWEST:
        return None
    cosines = others @ query
    return float(cosines.mean()), float(cosines.std())


ELSEWHERE = {
    "hu": ("Ez a cikk említi, amit a kérés megnevez, de másról szól: {titles}.",
           "Ezek a cikkek említik, amit a kérés megnevez, de másról szólnak: {titles}."),
    "en": ("This article mentions what the request names, but is about something else: {titles}.",
           "These articles mention what the request names, but are about something else: {titles}."),
}


UNWRITTEN = {"hu": "A kérésben szereplő helyet ({words}) egyik cikk sem említi.",
             "en": "No article mentions the place the request names ({words})."}


def elsewhere(library: "Library", request, filters, lang: str) -> str:
    """After "no article on this topic": the articles its names found, which are about something
    else (`absent`), by title and date; "" where its names found none."""
    from qa.kinds.common import md, when

    found = library.named_not_about(request, filters) if request.topic.strip() else []
    if not found:
        places = [w for w in request.topic.split() if request.language == "hu" and unknown_place(w, library.case_counts())]
        quote = ("„{}”", "“{}”")[lang == "en"]
        return " " + UNWRITTEN[lang].format(words=", ".join(quote.format(md(w)) for w in places)) if places else ""
    quote = ("„{}” ({})", "“{}” ({})")[lang == "en"]
    titles = "; ".join(quote.format(md(a.title), when(a.published, lang)) for a in found)
    return " " + ELSEWHERE[lang][len(found) > 1].format(titles=titles)
