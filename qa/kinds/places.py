"""Places a request names that no article writes: "a bonyhádi óvoda bővítése" over a collection
that never names Bonyhád. Hungarian writes a place's adjective small, so it passes for a plain
word, and search would answer with the nearest article on any kindergarten; read as a name the
articles must write, the request finds none and is refused, naming the place
(`qa.kinds.absence.elsewhere`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from math import prod

from qa import bilingual
from qa.planner import Request, fold


def unknown_places(request: Request, counts: Counter) -> list[str]:
    """The name keys of the Hungarian topic's `unknown_place` adjectives ("bonyhádi" -> "bonyhad"):
    required like any name, though no article writes them (`written` would drop them beside a
    name the collection writes: "a zalaberi szolgálati lakások" beside a "Szolgálat")."""
    if request.language != "hu":
        return []
    return [fold(w)[:-1] for w in request.topic.split() if unknown_place(w, counts)]


# Where a place is ("Tapolcán", "Paksban") or whither: forms the lemmatiser takes back to a name.
_PLACE_CASES = ("ban", "ben", "on", "en", "ön", "n", "ra", "re", "ról", "ről")
_LENGTHENED = {"a": "á", "e": "é"}


@functools.lru_cache(maxsize=4096)
def known_place(word: str) -> bool:
    """A lower-case "-i" word the lemmatiser reads as a place's adjective: it knows a case form of
    its base, typed small, as that name's ("tapolcai": "tapolcában" -> "Tapolca"). A common
    noun's forms come back in lower case ("megyében" -> "megye"); an unknown compound's it only
    cuts ("közbiztonságban" -> "közbiztonság", not known)."""
    import simplemma

    if not word.endswith("i") or len(word) < 4:
        return False
    base = word[:-1]
    for stem in {base, base[:-1] + _LENGTHENED.get(base[-1:], base[-1:])}:
        for ending in _PLACE_CASES:
            form = stem + ending
            lemma = simplemma.lemmatize(form, lang="hu")
            if lemma[:1].isupper() and fold(lemma) == fold(base) and simplemma.is_known(form, lang="hu"):
                return True
    return False


# What a noun's own adjective ends in, as typed: "-ási"/"-ési" ("hulladékgazdálkodási"), "-sági"/
# "-ségi", "-mi" ("árvízvédelmi"), "-ati"/"-eti" ("szolgálati"), "-ói"/"-ői" ("kikötői"), "-ányi"/
# "-ényi", "-ügyi": a word of the language, however rare, not a place's ("bonyhádi", "zalaberi").
_DERIVED = re.compile(r"(ási|ési|sági|ségi|mi|ati|eti|ói|ői|ányi|ényi|ügyi|ugyi)$")
# Typed without accents, the same endings folded ("kozbiztonsagi", "felujitasi"); a town's "-esi"
# ("szentesi") among them, whose accents would have told it apart.
_DERIVED_FOLDED = re.compile(r"(asi|esi|sagi|segi|mi|ati|eti|oi|anyi|enyi|ugyi)$")
_PLACE_BASE = 4
# A compound's parts as the collection writes them apart: "Fő utca" for "főutcai", "Duna-parton"
# for "dunaparti" (its first part at least this long, written whole; the rest begins a word).
_HEAD, _TAIL = 2, 3


def unknown_place(word: str, counts: Counter) -> bool:
    """A place's adjective the collection never writes ("bonyhádi"): no form of it (its first
    letters but the "-i") is written, not even apart (`_written_apart`), the dictionary does not
    give it, and it is either a place the lemmatiser knows (`known_place`: "tapolcai") or "-i" on a
    word the lemmatiser does not know, not shaped like a noun's own adjective (`_DERIVED`) nor
    misspelt (`_misspelt`): "zalaberi"."""
    import simplemma

    folded = fold(word)
    base = folded[:-1]
    if word[:1].isupper() or not folded.endswith("i") or len(base) < _SHORTEST_PLACE or any(w.startswith(base) for (w, _) in counts):
        return False
    if _written_apart(base, counts):
        return False
    if bilingual.common_hungarian(word):
        # the dictionary's: a people's or a country's, a capital's ("amerikai", "európai", "bécsi"),
        # which articles write otherwise ("az Egyesült Államok"), or a word of the language
        return False
    if known_place(word.lower()):
        return True
    derived = _DERIVED_FOLDED if word.isascii() else _DERIVED
    if len(base) < _PLACE_BASE or derived.search(word.lower()) or simplemma.is_known(word.lower(), lang="hu"):
        return False
    return not _misspelt(word.lower())


def _written_apart(base: str, counts: Counter) -> bool:
    """The folded word is a compound of a word the collection writes whole and the start of
    another it writes ("fo" + "utca…", "duna" + "parton", "balaton" + "parton")."""
    whole = {w for (w, _) in counts}
    starts = sorted(whole)
    for k in range(_HEAD, len(base) - _TAIL + 1):
        head, tail = base[:k], base[k:]
        if head in whole:
            i = bisect.bisect_left(starts, tail)
            if i < len(starts) and starts[i].startswith(tail):
                return True
    return False


_SHORTEST_PLACE = 3


_LETTERS = "aábcdeéfghiíjklmnoóöőpqrstuúüűvwxyz"
_ACCENTED = {"a": "aá", "e": "eé", "i": "ií", "o": "oóöő", "u": "uúüű"}
_VARIANTS = 256


def _misspelt(word: str) -> bool:
    """A word the lemmatiser knows is one letter away ("meletti" for "melletti": one left out, one
    too many, two swapped; a letter typed for another is not counted, as short place names have
    too many such neighbours: "igali", "igazi"), or, typed without accents, the same letters with
    them ("kozeli"). The "-i" stays, and a town's possessive ("bonyhádéi") is no such word."""
    import simplemma

    base = word[:-1]
    near = {base[:i] + c + base[i:] for i in range(len(base) + 1) for c in _LETTERS}
    near |= {base[:i] + base[i + 1:] for i in range(len(base))}
    near |= {base[:i] + base[i + 1] + base[i] + base[i + 2:] for i in range(len(base) - 1)}
    if word.isascii():
        options = [_ACCENTED.get(ch, ch) for ch in base]
        if prod(len(o) for o in options) <= _VARIANTS:
            near |= {"".join(v) for v in itertools.product(*options)}
    near.discard(base)
    return any(not c.endswith("é") and simplemma.is_known(c + "i", lang="hu") for c in near)
