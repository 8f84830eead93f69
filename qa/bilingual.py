"""An English question's words in the articles' Hungarian, from a word-for-word dictionary.

e5 places an English question near its Hungarian passage, but the fact chooser's word checks
(which of the question's words a sentence and its context hold) find nothing in an English
question: "heated" never stands in a Hungarian sentence, "fűtött" does. FreeDict's
English–Hungarian dictionary (Debian's `dict-freedict-eng-hun`, GPL-2+, ~89,000 headwords)
gives each English content word the Hungarian words it may stand for; a sentence that holds
one of them holds that word. Many senses are wrong for any one question ("job" is also
"korrupció"), which is why the chooser reads these matches only against the other candidates
(`qa.chooser_features`), never as an absolute score.

Its gaps (it has no "wolf") are filled from the Hungarian–English one (`dict-freedict-hun-eng`)
read backwards: an English word gets the Hungarian headwords that give it as their first sense.

The dictionaries are read from Debian's place, or from where `scripts/setup.sh` unpacked the
packages without root (`~/.cache/newsqa/freedict/`, or under `NEWSQA_CACHE_DIR`); without it English questions are scored
as before. No library reads the dictd format, so it is parsed here (a headword index of
base-64 offsets into a gzip-compressed text); the parse is cached beside the unpacked packages,
keyed by the index files' sizes and times.
"""

from __future__ import annotations

import functools
import gzip
import logging
import os
import pickle
import re
import threading
import zlib
from pathlib import Path

from index.settings import default_cache_dir
from qa.text import VERB_PREFIXES, stopwords, unlengthened, words

logger = logging.getLogger(__name__)

NAME = "freedict-eng-hun"
# Reversed, it fills the gaps of the first ("wolf" is no headword there).
REVERSE = "freedict-hun-eng"
# Where scripts/setup.sh unpacks it: the settings' cache folder (NEWSQA_CACHE_DIR), as there.
CACHE = Path(os.environ.get("NEWSQA_CACHE_DIR") or default_cache_dir()) / "freedict"
PLACES = (Path("/usr/share/dictd"), CACHE / "usr" / "share" / "dictd")
_PARSE_VERSION = 3
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
# The dictionary writes Hungarian's ő and ű as the Latin-1 letters that stood in for them.
_LETTERS = str.maketrans("ôõûũÔÕÛŨ", "őőűűŐŐŰŰ")
# "vmit", "vkinek", "(vadé)": a gloss's placeholders and remarks, no words of a sentence.
_GLOSS = re.compile(r"\b(vm|vk|vh)\w*|\([^)]*\)")
# Words of a question that say how it asks, not what about: their translations ("sokaság",
# "hosszú") would be matched as topics.
ASKING = frozenset(("many", "much", "long", "far", "old", "big", "large", "often", "well", "happen", "happened", "say",
                     "said", "make", "made", "get", "got", "take", "took", "give", "gave", "year", "years", "according",
                     "new", "recent"))


def _number(code: str) -> int:
    n = 0
    for ch in code:
        n = n * 64 + _B64.index(ch)
    return n


def parse(index: Path, data: Path, listed: bool = False) -> dict[str, tuple[str, ...]]:
    """Headword (lower-cased) -> its translations of one or two words, placeholders removed;
    a verb's headword is "to X". Longer translations are glosses, not words a sentence writes.
    `listed`: a line lists several translations apart by commas (the Hungarian–English one)."""
    text = gzip.open(data).read()
    out: dict[str, list[str]] = {}
    # A line the index miswrites (not UTF-8, an offset not in base 64) loses its entry, not the dictionary.
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        head, offset, length = (line.split("\t") + ["", ""])[:3]
        if not offset or head.startswith("00-database") or len(head.split()) > 2:
            continue
        try:
            start, size = _number(offset), _number(length)
        except ValueError:
            continue
        body = text[start : start + size].decode("utf-8", "replace").translate(_LETTERS)
        for line in body.splitlines()[1:]:
            for sense in line.split(",") if listed else (line,):
                sense = _GLOSS.sub(" ", re.sub(r"^\s*\d+\.\s*", "", sense)).strip(" ,;")
                if sense and not sense.startswith("-") and not sense.endswith("-") and len(sense.split()) <= 2:
                    out.setdefault(head.lower(), []).append(sense)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[str, ...]]:
    """The parsed dictionary (cached on disk after the first parse), or {} when it is not installed.
    Where the Hungarian–English one is installed too, the English words the first lacks ("wolf",
    "hoof") gain the Hungarian headwords it gives them first ("farkas": "wolf, wolves")."""
    found = _installed(NAME)
    if found is None:
        logger.warning("%s is not installed (scripts/setup.sh installs it): English questions are matched by meaning only", NAME)
        return {}
    files = [*found, *(_installed(REVERSE) or ())]
    key = "-".join(f"{f.stat().st_size}-{int(f.stat().st_mtime)}" for f in files[::2])
    cached = CACHE / f"parsed-{_PARSE_VERSION}-{key}.pickle"
    try:
        loaded = pickle.loads(cached.read_bytes())
        if isinstance(loaded, dict):
            return loaded
    except Exception:  # a cache half written or spoilt (pickle raises many kinds): parse again
        pass
    try:
        parsed = parse(*found)
    except (OSError, EOFError, zlib.error) as e:  # a truncated or spoilt download
        logger.warning("%s could not be read (%s): English questions are matched by meaning only", NAME, e)
        return {}
    if len(files) == 4:
        try:
            parsed = {**reversed_senses(parse(*files[2:], listed=True)), **parsed}
        except (OSError, EOFError, zlib.error) as e:
            # not cached: the cache's name says both were read, and the next process reads again
            logger.warning("%s could not be read (%s): its words are left out", REVERSE, e)
            return parsed
    try:
        # written whole or not at all: another process may be reading it
        cached.parent.mkdir(parents=True, exist_ok=True)
        part = cached.with_name(f"{cached.name}.{os.getpid()}.{threading.get_ident()}.part")
        part.write_bytes(pickle.dumps(parsed))
        os.replace(part, cached)
        for old in cached.parent.glob("parsed-*.pickle"):  # an earlier version's or install's parse
            if old != cached:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return parsed


def _installed(name: str) -> tuple[Path, Path] | None:
    """A dictionary's index and data files, where they are installed."""
    for place in PLACES:
        index, data = place / f"{name}.index", place / f"{name}.dict.dz"
        if index.is_file() and data.is_file():
            return index, data
    return None


def reversed_senses(hungarian_english: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """English word -> the Hungarian headwords that give it first, from the Hungarian–English
    dictionary's parse: "farkas" gives "wolf" first, "nőcsábász" (a womaniser) only later.
    A headword of two words is a gloss ("brutális férfi"), not a word a sentence writes."""
    out: dict[str, list[str]] = {}
    for head, senses in hungarian_english.items():
        if senses and len(head.split()) == 1:
            out.setdefault(senses[0].lower(), []).append(head.translate(_LETTERS))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _senses_by_kind() -> tuple[dict[str, int], dict[str, int]]:
    """How often each Hungarian word (á/é folded) is given for an English verb ("to cost":
    "kerül") and for any other English word."""
    verbs: dict[str, int] = {}
    others: dict[str, int] = {}
    for head, senses in dictionary().items():
        counts = verbs if head.startswith("to ") else others
        for sense in senses:
            for w in words(sense):
                w = unlengthened(w.lower())
                counts[w] = counts.get(w, 0) + 1
    return verbs, others


def warm() -> None:
    """Read what the first request of a process would otherwise wait for: the dictionary, its
    senses by part of speech, and simplemma's English and Hungarian lemmas (~2 s in all)."""
    import simplemma

    dictionary()
    _senses_by_kind()
    simplemma.lemmatize("houses", lang="en")
    simplemma.lemmatize("kerültek", lang="hu")


def common_hungarian(word: str) -> bool:
    """Whether the dictionary gives the Hungarian word (á/é folded) for some English word: a word
    of the language ("korábbi"), not a place's own adjective ("angyalföldi")."""
    verbs, others = _senses_by_kind()
    w = unlengthened(word.lower())
    return w in others or w in verbs


@functools.lru_cache(maxsize=4096)
def hungarian_verb(word: str) -> bool:
    """Whether a Hungarian word is a form of a verb ("kerültek", "történt", "indult"): its lemma
    is given for English verbs more often than for other words. False without the dictionary."""
    verbs, others = _senses_by_kind()
    if unlengthened(word.lower()) in others:
        # a word the dictionary gives for a noun or an adjective as it stands ("vár" a castle,
        # "fúrás", "nyaraló", "kutató") is that, whatever verb the lemmatiser reads in it
        return False
    lemma = unlengthened(hungarian_lemma(word))
    return verbs.get(lemma, 0) > others.get(lemma, 0)


@functools.lru_cache(maxsize=4096)
def hungarian(word: str, verbs: bool = True) -> frozenset[str]:
    """The Hungarian words an English word may stand for, lower-cased with á/é folded: its own
    entry's, its lemma's ("houses" -> "house") and, with `verbs`, its lemma's as a verb ("to
    house"); a thing counted is a noun ("the number of finds" is of "lelet", not "talál")."""
    senses = _entries(word, verbs)
    return frozenset(unlengthened(w.lower()) for sense in senses for w in words(sense) if len(w) >= 3 and w.lower() not in stopwords())


# More Hungarian words than this for one English word: too many senses to count by.
COUNTED_SENSES = 6


def counted_senses(word: str) -> frozenset[str]:
    """The Hungarian nouns an English word of a count stands for (`hungarian`, no verbs), none
    where it has too many senses to count by ("cases": case, box, patient, affair …)."""
    senses = hungarian(word, verbs=False)
    return senses if len(senses) <= COUNTED_SENSES else frozenset()


def noun_phrase(text: str) -> list[str]:
    """The words of an English noun phrase, up to the first small word ("pupils at the school" -> pupils)."""
    out = []
    for w in text.split():
        if w in stopwords():
            break
        out.append(w)
    return out


@functools.lru_cache(maxsize=8192)
def hungarian_lemma(word: str) -> str:
    """simplemma's Hungarian lemma of the word, lower-cased ("kerültek" -> "kerül")."""
    import simplemma

    return simplemma.lemmatize(word.lower(), lang="hu").lower()


@functools.lru_cache(maxsize=4096)
def one_word_senses(word: str) -> frozenset[str]:
    """`hungarian(word, verbs=False)`, of the senses that are one word: a word of "polgári per"
    (for "lawsuit") stands for no lawsuit alone."""
    return frozenset(unlengthened(found[0].lower()) for sense in _entries(word, False) if len(found := words(sense)) == 1 and len(found[0]) >= 3)


def _entries(word: str, verbs: bool) -> tuple[str, ...]:
    """The dictionary's senses for the English word: its own entry's, its lemma's and, with
    `verbs`, its lemma's as a verb; none without the dictionary."""
    import simplemma

    table = dictionary()
    if not table:
        return ()
    lemma = simplemma.lemmatize(word, lang="en").lower()
    return (*table.get(word, ()), *table.get(lemma, ()), *(table.get(f"to {lemma}", ()) if verbs else ()))


def focus_groups(question: str) -> list[frozenset[str]]:
    """One set of Hungarian words per content word of an English question (names, stop words
    and words that say how it asks left out; words the dictionary lacks too)."""
    groups = []
    for i, w in enumerate(words(question)):
        low = w.lower()
        if len(w) < 3 or low in stopwords() or low in ASKING or (i > 0 and w[:1].isupper()) or any(ch.isdigit() for ch in w):
            continue
        if found := hungarian(low):
            groups.append(found)
    return groups


# How far back a verb's prefix may stand from its verb: "állítják majd ki", a small word between.
_PREFIX_REACH = 2


def forms(text: str) -> frozenset[str]:
    """A Hungarian text's words as `share` compares them: lower-cased, á/é folded; a verb
    whose prefix stands after it also with the prefix joined back ("állítják majd ki" also
    gives "kiállítják", which the dictionary's "kiállít" for "display" starts)."""
    tokens = [w.lower() for w in words(text)]
    out = {unlengthened(w) for w in tokens}
    for i, w in enumerate(tokens):
        if w in VERB_PREFIXES:
            j = i - 1
            while j >= 0 and i - j < _PREFIX_REACH and tokens[j] in stopwords():
                j -= 1
            if j >= 0 and tokens[j] not in stopwords():
                out.add(unlengthened(w + tokens[j]))
    return frozenset(out)


def share(groups: list[frozenset[str]], held: frozenset[str]) -> float:
    """Share of the question's words (`focus_groups`) that a word of the text (`forms`) stands
    for. The dictionary gives a word's bare form and Hungarian adds its endings, so a text's
    word counts when it starts with a translation ("fűt" in "fűtik", "üvegház" in
    "üvegházat"). A stemmer cannot meet them halfway: it cuts the bare forms too ("fűt" ->
    "fű", "beton" -> "bet")."""
    if not groups:
        return 1.0
    return sum(any(w.startswith(g) for g in group for w in held) for group in groups) / len(groups)
