"""The names a topic names, as the collection writes them.

A topic's names are its capitalised words, and also the words the collection itself
writes as names: Hungarian writes the adjective of a place in lower case ("a mezőtúri
híd", "szigetközi falvak") and people type without capitals or accents ("mezotur uj hid").
An article on the topic must name every one of them (`qa.kinds.topic`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from qa import bilingual
from qa.name_match import TOWN_ENDINGS
from qa.planner import Request, fold
from qa.text import content_stems, names, stopwords

_WORD = re.compile(r"\w+")
_HYPHENATED = re.compile(r"\b(\w+)-(\w+)")
# What Hungarian writes after a hyphen on an abbreviation is its case ending or suffix, not a
# name's second part: "HÉV-ről", "MÁV-nál", "ATM-et", "EU-s" (folded).
_SUFFIX_ONLY = re.compile(r"(t|at|et|ot|nak|nek|val|vel|rol|bol|tol|hoz|hez|ra|re|ba|be|ban|ben|ig|nal|nel|n|on|en|s|as|es|os|"
                          r"i|ai|ei|ja|je|jat|jet|ek|ok|ak|kent|ert|ul)")


def _floor(word: str) -> str:
    # Hungarian suffixes add up to ~3 letters to a name ("-on", "-ról", "-ban"): all but
    # the last three letters are the name's, and at least three, which a short town's
    # adjective needs ("ózdi" -> "ozd", as in "Ózdon"; "váci" -> "vac").
    folded = fold(word)
    return folded[: max(3, len(folded) - 3)]


def common_start(a: str, b: str) -> int:
    """How many first letters the two words share."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


# The longest case ending (with a plural or an adjective's "-i") a name's forms add: "-iaknak".
_ENDING = 6


def _ending(rest: str, capitalised: bool) -> bool:
    """`rest` can be a name's case ending; written in lower case, the name's adjective ("ózdi")."""
    return len(rest) <= _ENDING and (capitalised or rest[:1] in ("", "i"))


def name_key(word: str, counts: Counter) -> str:
    """The start every form of a name shares: "Mezőtúron", "mezőtúri", "mezotur" -> "mezotur".

    The collection's capitalised words that begin like the word say where the name ends:
    those that share nearly as much of it as the closest one ("Mezőtúr", "Mezőtúron",
    "Mezőtúri" for "mezoturi", not "Mezőgazdasági"), and the shortest start they share. "Soproni" -> "sopron",
    while "Békéscsaba" stays "bekescsaba", which "Békés" is not.
    """
    folded, floor = fold(word), _floor(word)
    # Lower-case forms count too: a town may be written capitalised once ("Ózdon") and
    # as an adjective ever after ("ózdi"), and the name is what both share.
    lengths = [common_start(folded, w) for (w, _) in counts if w.startswith(floor)]
    if not lengths:
        return floor
    # Two letters of slack: "Mezőtúron" and "Mezőtúr" are one name, "Mezőgazdasági" is not;
    # the shortest start that only a name's forms end on: the words sharing just those letters
    # must go on by at most a case ending ("Ózd", "ózdi" for "Ózdon"), not by a word of their
    # own ("Kormányhivatal" and "kormány" share "kor" with "Körös", and are no forms of it).
    for n in sorted({n for n in lengths if n >= max(lengths) - 2}):
        if all(_ending(w[n:], cap) for (w, cap) in counts if w.startswith(floor) and common_start(folded, w) == n):
            return folded[:n]
    return folded[: max(lengths)]


def _loose_key(word: str, counts: Counter) -> str:
    """The shortest start within two letters of the longest any collection word shares with
    `word`: how far a common noun's family reaches ("vízmű" -> "víz": "vízben", "vízdíj"),
    which says whether the collection writes the word as a name at all."""
    folded, floor = fold(word), _floor(word)
    lengths = [common_start(folded, w) for (w, _) in counts if w.startswith(floor)]
    return folded[: min(n for n in lengths if n >= max(lengths) - 2)] if lengths else floor


def article_sentences(article) -> list[str]:
    """The article's title and its sentences, as the checks of how a word is written read them:
    a sentence's first word is capitalised whatever it is."""
    return _SENTENCE_START.split(f"{article.title}\n{article.text}")


_SENTENCE_START = re.compile(r"(?<=[.!?])\s+|\n+")


def case_counts(articles) -> Counter:
    """(folded word, capitalised?) -> count over the collection, sentence starts left out."""
    counts: Counter = Counter()
    for article in articles:
        for sentence in article_sentences(article):
            for token in _WORD.findall(sentence)[1:]:
                if not token.isdigit():
                    counts[(fold(token), token[:1].isupper())] += 1
    return counts


# A word the collection capitalises this often (outside sentence starts) is a name.
_NAME_SHARE = 0.3


def written_as_name(word: str, counts: Counter) -> bool:
    """The collection writes the word's forms capitalised often enough to be a name's."""
    if len(fold(word)) < 4 or word.lower() in stopwords() or word.isdigit():
        return False
    # Judged by the word's whole family: "Vízmű" capitalised in a company's name is still the
    # common noun of "vízben", "vízdíj", "vízművek".
    key = _loose_key(word, counts)
    upper = sum(n for (w, cap), n in counts.items() if cap and w.startswith(key))
    lower = sum(n for (w, cap), n in counts.items() if not cap and w.startswith(key))
    return (upper >= 2 and upper >= _NAME_SHARE * (upper + lower)) or adjective_of_name(word, counts)


def adjective_of_name(word: str, counts: Counter, openings: frozenset[str] = frozenset()) -> bool:
    """A place's adjective, "-i" on its name ("tatabányai", "ózdi"), where the collection
    writes the name itself capitalised, if only once ("Tatabányán"), or opens a sentence
    with it (`openings`, the words sentences begin with: "Salgótarján 980 millió forintot
    kapott"): news about a town calls it by its adjective more often than by its name. A
    capitalised "-i" form is no such name ("Vármegyei" in an office's name)."""
    folded = fold(word)
    base = folded[:-1]
    if not folded.endswith("i") or len(base) < 3:
        return False
    if len(base) == 3:
        # a three-letter town's ("baki" of "Bak", "Bakon"): only its own forms, a case ending
        # at most ("Bakony" is another name)
        return any(cap and w.startswith(base) and w[3:] in TOWN_ENDINGS and not w.endswith("i") for (w, cap) in counts)
    if any(cap and w.startswith(base) and not w.endswith("i") for (w, cap) in counts):
        return True
    # Every sentence opens with a capital: an opening is a name's only where the collection
    # never writes its forms in lower case ("Tavaly …" but "tavaly is", "Hétfőn …" but "hétfőn").
    return any(w.startswith(base) and not w.endswith("i") for w in openings) and \
        not any(not cap and w.startswith(base) and not w.endswith("i") for (w, cap) in counts)


def openings(articles) -> frozenset[str]:
    """The capitalised words the collection's sentences begin with, folded (see `case_counts`,
    which leaves them out: any word is capitalised there)."""
    found = set()
    for article in articles:
        for sentence in article_sentences(article):
            first = _WORD.search(sentence)
            if first and first.group()[:1].isupper():
                found.add(fold(first.group()))
    return frozenset(found)


# English adjectives of peoples and countries: "Hungarian", "European", "Japanese", "Turkish".
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish)$")


def topic_names(request: Request, counts: Counter, opening: frozenset[str] = frozenset()) -> list[str]:
    """The name keys an article on the topic must hold; the request's own words
    ("Summarize", "Foglald") are not in its topic and name nothing. `opening`: the words the
    collection's sentences begin with (`openings`)."""
    topic_words = request.topic.split()
    capitalised = {n for n in names(request.standalone) if n in topic_words and content_stems(n)}
    found = [w for w in topic_words if w in capitalised or written_as_name(w, counts) or adjective_of_name(w, counts, opening)]
    found += coordinated(request.standalone, found, topic_words, counts)
    districts = district_keys(request.standalone)
    if districts:
        # "Budapest's 18th district", "a XVIII. kerületi robbantás": the district, whose articles
        # write "XVIII. kerület"; Budapest alone would take in every district's.
        found = [w for w in found if not fold(w).startswith("budapest") and not _ROMAN.fullmatch(fold(w))]
    if request.language == "en":
        # English writes a name whole, without case endings: a name the collection writes
        # starts one of its capitalised words with the whole of it ("Kiskunság" in
        # "Kiskunsági"; "Bronze" is in no name, though "bronzérmet" starts with it). An
        # English word merely starting like one ("thermal" like "Thermowave") is no name,
        # and a capitalised word the collection never writes is the asker's translation
        # ("the Kiskunság National Park" for "Kiskunsági Nemzeti Park"), not one to require
        # while another name anchors the topic.
        # A place the collection writes only as its adjective, in lower case ("Lábod" as "a lábodi
        # orvvadászok"), is known by that.
        known = [w for w in found if any(capital and c.startswith(fold(w)) for (c, capital) in counts) or adjective_written(fold(w), counts)]
        # A capitalised word the collection never writes and the dictionary knows is English in
        # title case ("Bronze Age", "National Park"), not a name to require.
        # Nor is an English adjective of a people or a country ("Hungarian rivers", "the Austrian
        # owner"), capitalised in English, written in lower case in Hungarian ("magyar", "osztrák"):
        # its stem would find "ReCell Hungary Kft." for a topic on microplastics in the rivers.
        found = known or [w for w in found if w in capitalised and not bilingual.hungarian(w.lower()) and not _DEMONYM.search(w)]
        # A word written in lower case that the dictionary knows is English ("over time"
        # starts like "Tímea"); one it does not know is a name typed small ("szigetvar").
        found = [w for w in found if w in capitalised or not bilingual.hungarian(w.lower())]
    return list(dict.fromkeys([name_key(w, counts) for w in found] + districts))


# A district of Budapest, as asked ("a 18. kerület", "Budapest's 18th district", "a XVIII.
# kerületi", "a IX. és a XVIII. kerület"), on folded text; the articles write its Roman numeral
# ("XVIII. kerület"). A number without its dot counts districts ("mind a 23 kerületben").
_NUMERAL = r"(?:[ivx]{1,6}\.?|\d{1,2}(?:\.|st|nd|rd|th))"
_DISTRICT = re.compile(rf"\b({_NUMERAL}(?:\s*(?:,|es|and|meg|valamint|vagy|or)\s*(?:(?:a|az|the)\s+)?{_NUMERAL})*)\s*(?:districts?|kerulet\w*|ker\b)")
_ROMAN = re.compile(r"[ivx]{1,6}")
_NUMERALS = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def district_keys(question: str) -> list[str]:
    """The Roman numerals of the Budapest districts a request names, folded (["ix", "xviii"])."""
    out = []
    for m in _DISTRICT.finditer(fold(question)):
        for numeral in re.findall(r"[ivx]{1,6}|\d{1,2}", m.group(1)):
            key = numeral if not numeral.isdigit() else _roman(int(numeral))
            if key and key not in out:
                out.append(key)
    return out


def _roman(n: int) -> str:
    if not 1 <= n <= 23:
        return ""
    out = ""
    for value, letters in _NUMERALS:
        while n >= value:
            out, n = out + letters, n - value
    return out


# Two adjectives joined ("a szolnoki és az angyalföldi ételmérgezés"): places compared.
_COORDINATED = re.compile(r"\b(\w+i),?\s+(?:és|meg|valamint|vagy|illetve)\s+(?:(?:a|az)\s+)?(\w+i)\b")


def coordinated(question: str, found: list[str], topic_words: list[str], counts: Counter) -> list[str]:
    """A place's adjective joined to another place's ("a szolnoki és az angyalföldi
    ételmérgezés") is a place's too, where the collection writes it, though never the place's
    own name ("Angyalföld"): what is compared stands in one form."""
    out = []
    for a, b in _COORDINATED.findall(question):
        for known, other in ((a, b), (b, a)):
            # written in the collection, and no common word of the language ("korábbi")
            if known in found and other in topic_words and other not in found + out \
                    and any(w.startswith(fold(other)) for (w, _) in counts) and not bilingual.common_hungarian(other):
                out.append(other)
    return out


# A place's adjective and its plural in their cases: "lábodi", "a lábodiak", "a lábodiakat".
_ADJECTIVE_ENDINGS = ("", "ak", "ek", "akat", "eket", "aknak", "eknek", "akkal", "ekkel")


def adjective_written(key: str, counts: Counter) -> bool:
    """The collection writes the adjective of the place `key` (folded) in some form: "lábodi"
    of "labod"; a place ending in "-i" is its own adjective ("dunakeszi"). Looked up, not scanned:
    an archive's vocabulary is large."""
    adjective = key if key.endswith("i") else key + "i"
    return any((adjective + e, case) in counts for e in _ADJECTIVE_ENDINGS for case in (False, True))


def written(keys: Sequence[str], counts: Counter) -> list[str]:
    """The name keys the collection writes as names, or all of them if it writes none: a name
    it never capitalises ("Eb" of "a Holló Benedek Eb-aranyáról szóló cikk", where the article
    writes "Európa-bajnok") is the asker's word, not one to require while another name anchors
    the topic; alone, it is still required (and finds nothing)."""
    def as_name(k: str) -> bool:
        if any(capital and c.startswith(k) for c, capital in counts):
            return True
        # a place's adjective the collection writes only in lower case ("angyalföldi", joined to
        # "szolnoki" by `coordinated`) is a place's all the same, unless a common word
        if k.endswith("i"):
            return adjective_written(k, counts) and not bilingual.common_hungarian(k)
        # and the place itself where the collection writes only its adjective ("Lábod" as
        # "lábodi", "Ács" as "ácsi", however common the word "ács")
        return adjective_written(k, counts)

    return [k for k in keys if as_name(k)] or list(keys)


def joined_names(request: Request, counts: Counter) -> list[str]:
    """A hyphenated name as the article must write it: "Velencei-tóról" -> "velencei-to".
    Its first part alone is another name ("a Velencei úti óvoda")."""
    topic_words = {fold(w) for w in request.topic.split()}
    found = []
    for first, second in _HYPHENATED.findall(request.standalone):
        if fold(first) in topic_words and (first[:1].isupper() or written_as_name(first, counts)) and not _SUFFIX_ONLY.fullmatch(fold(second)):
            found.append(f"{fold(first)}-{fold(second)[: max(2, len(second) - 3)]}")
    return found
