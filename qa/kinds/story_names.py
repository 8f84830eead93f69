"""Which names are a story's: those several of its articles write, and that the collection
writes as names (`qa.kinds.stories` groups the articles by them)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from index import Article
from qa.planner import fold
from qa.text import names


def name_keys(article: Article) -> frozenset[str]:
    """The names an article writes, by their first five letters unaccented (cached by `Library.name_keys`)."""
    return frozenset(fold(n)[:5] for n in names(f"X {article.title}. {article.text}") if len(n) > 2)


def shared_names(keys: Sequence[frozenset[str]]) -> frozenset[str]:
    """The name keys more than half of several articles write: the story they tell together."""
    if len(keys) < 2:
        return frozenset()
    counts = Counter(k for ks in keys for k in ks)
    return frozenset(k for k, c in counts.items() if 2 * c > len(keys))


def proper(keys: frozenset[str], case: Counter) -> frozenset[str]:
    """The name keys (first five letters) the collection writes mostly capitalised: "Sajó",
    not "Igazgatóság" (whose "igazg" the collection writes far more often in "igazgatója").
    `case` counts (folded word, capitalised?) as `Library.case_counts` does. A place's
    adjective is written lower-case ("a fertőrákosi kőfejtő", "a fertőrákosiak"): where the
    place's own forms ("Fertőrákos", "Fertőrákoson") are capitalised at least as often as its
    other lower-case words are written, it is a name however often its adjective is ("megyei"
    stays a county's: "megye" and "megyében" outnumber "Megye")."""
    upper, lower, bare, plain = Counter(), Counter(), Counter(), Counter()
    for (word, capital), n in case.items():
        key = word[:5]
        if key not in keys:
            continue
        (upper if capital else lower)[key] += n
        if capital and not word.endswith("i"):
            bare[key] += n
        elif not capital and not _adjective(word, case):
            plain[key] += n
    return frozenset(k for k in keys if upper[k] >= lower[k] or 0 < bare[k] >= plain[k])


# A place's forms its adjective is read against: the name and its commonest case endings
# (folded). Not "-a": "Idősek Otthona" is no place of "otthoni". Stricter than
# `topic_names.adjective_of_name`, which takes any capitalised word starting with the
# adjective's base ("Otthona" for "otthoni"): read so, dev12's nursing-home story lost its
# heading to "Őszirózsa Idősek Otthona". Nor `name_match.TOWN_ENDINGS`, a three-letter name's
# tails, which holds the plural and accusative forms ("-ak", "-ot") a place is not written in.
_PLACE_FORMS = ("", "on", "en", "ra", "re", "ba", "be", "ban", "ben", "bol", "rol", "tol", "hoz", "hez", "nal", "nel", "ig")


def _adjective(word: str, case: Counter) -> bool:
    """A lower-case "-i" form (or its plural) of a name the collection capitalises: "fertőrákosi",
    "fertőrákosiak" of "Fertőrákos" or "Fertőrákoson"."""
    m = re.fullmatch(r"(\w{3,}?)i(?:ak|ek|akat|eket|aknak|eknek)?", word)
    return bool(m) and any((m.group(1) + ending, True) in case for ending in _PLACE_FORMS)
