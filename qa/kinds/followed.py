"""What a timeline follows through its story: a quantity the request asks how it changed (a
sum, a share, a due date), the count it names, or what it names beyond the story its
articles' leads name; and which sentences give it (`qa.kinds.timeline`)."""

from __future__ import annotations

import functools
import re

import numpy as np

from qa import bilingual
from qa.kinds import stories
from qa.kinds.common import Library
from qa.kinds.salience import figures, lead_index, stems
from qa.dates import EN_MONTHS, HU_MONTH_SHORT, HU_MONTHS
from qa.planner import Request, fold
from qa.text import word_stems, words

# How a sentence writes a sum of money: "1,8 milliárd forint", "250 ezer euró".
_SUM = re.compile(r"\d(?:[\d,.]|\s\d)*\s*(?:ezer |millio |milliard )?(?:forint|ft\b|euro|eur\b|dollar|usd|\$|€)")
_MEASURES = (
    (re.compile(r"\b(ar|ara|arat|arak|aranak|koltseg(?!vetes)\w*|osszeg\w*|tamogatas\w*|bevetel\w*|nyereseg\w*|mennyibe\w*|"
                r"prices?|costs?|amount|revenue|profit|funding)\b"),
     _SUM),
    (re.compile(r"\b(szazalek\w*|arany\w*|reszesedes\w*|share|percent\w*)\b"), re.compile(r"\d\s*(?:%|szazalek|percent)")),
    # a waiting time or a duration ("a várakozási idő", "how did the waiting time change"): weeks,
    # months, days, hours
    # ("a várakozásokhoz képest", "a várakozásaihoz képest", plural, are the expectations)
    (re.compile(r"\b(varakozasi ido\w*|varakozas(?!ok|ai)\w*|idotartam\w*|waiting times?|wait|duration)\b"),
     re.compile(r"\d[\d,.]*\s*(?:het\b|hete\w*|hetet|hetre|heti\w*|honap\w*|napo?\w*|oras?\w*|perc\w*|weeks?|months?|days?|hours?|minutes?)")),
    # a length, depth or height ("a kút mélysége", "how did the planned depth change"): metres
    (re.compile(r"\b(melyseg\w*|hossza\w*|magassag\w*|szelesseg\w*|tavolsag\w*|depth|length|height|width|distance)\b|"
                r"\bmilyen (hosszu|mely|melyre|magas|szeles)\b"),
     re.compile(r"\d[\d,.]*\s*(?:meter\w*|m\b|km\b|kilometer\w*|centimeter\w*|cm\b|metre\w*)")),
    # A budget is a story's subject ("mi történt a költségvetéssel": its votes, its cuts),
    # a sum only as it changes ("hogyan változott a költségvetés hiánya").
    (re.compile(r"^(?=.*\b(koltsegvetes\w*|budget\w*))(?=.*\b(valtoz\w*|nott|novekedett|emelkedett|csokkent|modosul\w*|"
                r"change[sd]?|grew|grow|rose|risen|increased|decreased|fell|dropped))"),
     _SUM),
    # When something is due, as it moves ("hogyan csúszott az indulás időpontja", "how did the
    # deadline change"): the sentences that name a month, a season or a year's end.
    # Asked how ("Mikor változott a vezetés?" asks one date, a fact).
    (re.compile(r"^(?=.*\b(hogyan|mikent|how)\b)(?=.*\b(valtoz|modosul|csusz|tolod|halaszt|change|slip|delay|postpon|move|moving|shift))"
                r"(?=.*\b(idopont|hatarid[oe]|datum|mikor|when|dates?\b|deadline|schedul))"),  # "határidő", "határideje"
     # English "may" and "march" are verbs as often as months
     re.compile(r"\b(" + "|".join(fold(m) for m in (*HU_MONTHS, *EN_MONTHS) if m.lower() not in ("may", "march")) + r"|"
                r"(tavasszal|tavaszra|tavaszig|nyaron|nyarra|nyarig|osszel|oszre|oszig|telen|telre|telig)\b|ev (vege|eleje|elso|masodik|harmadik)\w*|end of the year|(19|20)\d\d-(ra|re|ig|ben|ban))")),
)


# A request that asks how something moved ("hogyan változott a kiürített házak száma", "how did
# the catch change"): what it names beyond the story is a quantity the story follows.
_CHANGED = re.compile(r"\b(valtoz\w*|alakul\w*|nott|novekedett|emelkedett|csokkent|modosult|csuszott|change[sd]?|develop\w*|"
                      r"grew|grow|rose|risen|increased|decreased|declined|fell|dropped)\b")


# A day or a year is when something happened, not how much of it ("április 1-jéig", "2026 májusára").
# An inflected month before a figure is no date: "Áprilisban 17 hétre nőtt".
_DAY_OR_YEAR = re.compile(rf"\b({'|'.join(HU_MONTHS)})\.?\s+\d{{1,2}}\b\S*|\b(19|20)\d\d\b", re.I)


def quantity(sentence: str, year: int) -> bool:
    """The sentence gives a figure that is no date: a count, a length, a sum."""
    return figures(_DAY_OR_YEAR.sub(" ", sentence), year) > 0


def giving_aspect(sentences: list[str], aspect: frozenset[str], year: int) -> np.ndarray:
    """1 for each sentence that names all of the aspect a change request follows and gives a
    figure of it: none `measured` reads (money, a share, a length, a duration), but still one
    quantity ("a fogás": 40 tonna, 28 tonna)."""
    return np.array([float(holds(aspect, s) == 1.0 and quantity(s, year)) for s in sentences])


# Asked by when something is due ("mikorra ígérték", "meddig tart", "határidő", "by when", "the
# deadline"), the date that answers is written as a due date: "február 28-ig", "2026
# tavaszára", "az év végéig", "by the end of May", "until 30 November", not the day something
# happened ("május 27-én beszorult a fúrószár").
_BY_WHEN = re.compile(r"\b(mikorra|meddig|hatarid\w*|deadline\w*|by when|due(?! to\b))\b")
# A month's day ("február 28-ig", "május 31-re", "szeptember 1-jére", "március 31-ére"), a year ("2026-ra"), a season or a part of a
# year ("tavaszára", "nyárig", "az év végéig", "június közepére"); in English "by", "until" a month.
# A month's day, its month written in full or cut short with a full stop ("szept. 1-jéig"), on
# folded text: what a due date (`_DUE`) and a day (`_MONTH_DAY`) are written with.
_FOLDED_MONTHS = tuple(fold(m) for m in HU_MONTHS)
_DAY_OF_MONTH = r"\b(?:" + "|".join(_FOLDED_MONTHS) + r"|(?:" + fold(HU_MONTH_SHORT) + r")\.)\.?\s+\d{1,2}"
# The ending that makes a month's day a due day ("-ig", "-re", "-jére"), not the night before it
# ("május 28-ra virradó éjjel").
_DUE_ENDING = r"-(?:ig|ra|re|aig|eig|jeig|ejeig|j?[ae]r[ae])\b(?!\s+virrado)"
_DUE = re.compile(_DAY_OF_MONTH + _DUE_ENDING + "|"
                  r"\b(?:19|20)\d\d-(?:ig|ra|re)\b|\b(?:tavasz|nyar|osz|tel)(?:ig|ra|re|ara|ere)\b|\b(?:vege|eleje|kozepe)(?:ig|re|ra)\b|"
                  r"\b(?:by|until|till|due)\b(?: the)?(?: end of| middle of)? (?:\d|(?:" + "|".join(m.lower() for m in EN_MONTHS) + r")\b)")


# A month with its day ("november 21-én, pénteken adták át"): the day something was done or
# is due, where a month alone is often named in passing ("az áprilisban becsült 385 millió").
# A street named after a day ("a Május 1. utcában", "az Október 6. téren") is no day.
_MONTH_DAY = re.compile(_DAY_OF_MONTH + r"\b(?!\.?\s+(?:utca|ut\b|uton|utra|utnal|korut|ter\b|teren|terre|terrol|fasor|setany|lakotelep))")


def on_a_day(sentence: str) -> bool:
    """The sentence names a month's day."""
    return bool(_MONTH_DAY.search(fold(sentence)))


def days(sentence: str) -> frozenset[str]:
    """The month's days the sentence names, folded, without their endings and with the month
    written in full ("szept. 12-én" -> "szeptember 12")."""
    return frozenset(_day(m) for m in _MONTH_DAY.finditer(fold(sentence)))


def _day(m: re.Match) -> str:
    """A `_MONTH_DAY` match as `days` writes it: "szept. 12" -> "szeptember 12"."""
    month, day = m.group().replace(".", " ").split()
    return f"{next((full for full in _FOLDED_MONTHS if full.startswith(month)), month)} {day}"


_DUE_SUFFIX = re.compile(_DUE_ENDING)
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\.?\s*$")


def event_days(sentence: str, year: int = 0) -> frozenset[str]:
    """The days (as `days` writes them) the sentence names as when something happened: not a due
    day ("június 30-ig kell befejeznie") nor, with the article's `year` known, a day of an earlier
    year ("A hidat 1978. május 12-én adták át", "a 2024. június 8-i jégverés")."""
    folded, found = fold(sentence), set()
    for m in _MONTH_DAY.finditer(folded):
        before = _YEAR_BEFORE.search(folded[: m.start()])
        if not (_DUE_SUFFIX.match(folded, m.end()) or (year and before and int(before.group(1)) < year)):
            found.add(_day(m))
    return frozenset(found)


def due_date(sentence: str) -> bool:
    """The sentence writes a due date ("december 31-ig kell befejezni")."""
    return bool(_DUE.search(fold(sentence)))



def due(request_text: str) -> re.Pattern | None:
    """How a sentence writes a due date, where the request asks by when; None otherwise."""
    return _DUE if _BY_WHEN.search(fold(request_text)) else None


def measured(topic: str) -> re.Pattern | None:
    """How a sentence writes the quantity the topic follows, None when it follows none."""
    folded = fold(topic)
    return next((sentence for asked, sentence in _MEASURES if asked.search(folded)), None)


# A request that follows a count names the thing counted: "az oltások száma", "hány
# tűzoltó", "how many firefighters", "the number of passengers".
# The count written as one compound ("a nézőszám", "az utasszáma", "a gyereklétszám" of the
# headcount "létszám") counts its first member; an identifier's number ("telefonszáma",
# "rendszáma", "házszám") counts nothing.
_IDENTIFIER = r"(?<!telefon)(?<!rend)(?<!haz)(?<!ado)(?<!szamla)(?<!azonosito)(?<!cikk)(?<!sor)(?<!iranyito)(?<!mellek)(?<!jarat)"
_COUNT_OF = re.compile(
    r"\b(\w+) (szama|szamat|szamanak|mennyisege|mennyiseget)\b|\b(?:hany|mennyi|how many|how much|number of|amount of) (?:the )?(\w+)|"
    r"\b(\w{4,}?)" + _IDENTIFIER + r"(?:let)?szam(?:a|at|anak|ai|ait|ok|okat)?\b"
)


_EN_COUNT_OF = re.compile(r"\b(?:how many|how much|number of|amount of) (?:the )?(\w+(?: \w+){0,2})")


def counted(request: Request) -> frozenset[str]:
    """The stems of the things whose count the request follows ("oltás" in "Hogyan nőtt az
    oltások száma?"); none when it follows no count."""
    matches = list(_COUNT_OF.finditer(fold(request.standalone)))
    found = [m.group(1) or m.group(3) for m in matches if not m.group(4)]
    # a compound's first member is a word's base already ("nezo" of "nezoszama"; stemmed: "nez")
    members = frozenset(m.group(4) for m in matches if m.group(4))
    if request.language == "en":
        # "the number of pupils": an English word never stands in a Hungarian sentence; its
        # Hungarian words from the dictionary do ("diák", "tanuló"). A word of many senses
        # ("cases": case, box, patient, affair …) counts nothing. English puts the counted
        # thing's modifiers before it ("the number of cancelled group tickets"): each word of
        # the phrase up to the next small word may name it.
        found = [w for m in _EN_COUNT_OF.finditer(fold(request.standalone)) for w in bilingual.noun_phrase(m.group(1))]
        return frozenset(fold(h) for w in found for h in bilingual.counted_senses(w))
    # A stem too short to find ("pat" of "patika": `gives` reads stems of four letters or more)
    # is the word's first five letters instead.
    return frozenset(t if len(t) >= 4 else fold(w)[:5] for w in found for t in stems(w)) | members


def beyond_leads(topic: frozenset[str], leads: list[list[str]]) -> frozenset[str]:
    """The topic's stems that fewer than half of the story's leads (title and lead sentence,
    folded words) write in some form: the leads name the story ("vajszlói sertéspestis"),
    what else the request names is what it follows through the story. None for one article:
    there is no story to go beyond."""
    if len(leads) < 2:
        return frozenset()
    return frozenset(t for t in topic if 2 * sum(any(w.startswith(t) for w in lead) for lead in leads) < len(leads))


def _leads(library: Library, ordered) -> list[list[str]]:
    """Each article's title and lead sentence, folded words."""
    texts = [library.sentences(a) for a in ordered]
    # the words of a compound written with a hyphen apart: "Tisza-híd" writes "híd"
    return [words(fold(f"{a.title} {sentences[lead_index(sentences)].text}")) for a, sentences in zip(ordered, texts)]


def _aspect(library: Library, ordered, topic: frozenset[str]) -> frozenset[str]:
    """What a request follows beyond its one story (see `beyond_leads`): its stems, an English
    request's as the story writes them (`qa.kinds.translated.as_written`). Over several stories
    ("floods and cloudbursts this summer") the topic is all there is to follow."""
    if len(ordered) < 2 or not stories.proper(stories.shared_names([library.name_keys(a) for a in ordered]), library.case_counts()):
        return frozenset()
    return beyond_leads(topic, _leads(library, ordered))


def owner(library: Library, ordered, aspect: frozenset[str], whole: frozenset[str]) -> frozenset[str]:
    """What a followed quantity is of: the aspect's words that name no quantity ("költsége" of
    "a bírság költsége" does), or, when there is no such aspect (the leads name it too, as one
    of two names "a termelés"; or the articles tell several stories), the request's words that
    name no quantity and that not every lead writes (the story's "tamási tejüzem")."""
    words = frozenset(t for t in aspect if measured(t) is None)
    if words or len(ordered) < 2:
        return words or aspect
    leads = _leads(library, ordered)
    # not a verb's prefix ("le" of "áll le"), which many sentences write
    return frozenset(t for t in whole if len(t) > 2 and measured(t) is None and not all(any(w.startswith(t) for w in lead) for lead in leads))


# How near a quantity stands to what it is of: "1,8 milliárd forintos hiánnyal", "hiánya 1,2 milliárd".
_BESIDE = 2


def next_to(sentence: str, measure: re.Pattern, of_what: frozenset[str]) -> bool:
    """The sentence writes the quantity within `_BESIDE` words of a word of what it is of."""
    folded = fold(sentence)
    for m in measure.finditer(folded):
        window = folded[: m.start()].split()[-_BESIDE:] + folded[m.end():].split()[:_BESIDE]
        if holds(of_what, " ".join(window)) > 0:
            return True
    return False


def holds(aspect: frozenset[str], sentence: str) -> float:
    """Share of the aspect's stems the sentence writes, inside a compound too: "vezet" of
    "vezetése" in "ügyvezető", "forgalm" in "utasforgalom"."""
    if not aspect:
        return 0.0
    folded = _forms(sentence)
    # or the compound's head alone, a word of its own: "telepítés" for "visszatelepítés"
    return sum(any(v in w or (len(w) >= _HEAD and v.endswith(w)) for w in folded for v in _unpossessed(t)) for t in aspect) / len(aspect)


# The stem of a possessed form whose final "ő" became "e" ("határideje" -> "hataride" of
# "határidő"): the stemmer keeps the changed vowel. Few words alternate so ("idő" and its
# compounds, "erdő", "tető", "mező"); a stem merely ending in "e" or "a" ("jegyzék", "vezeték",
# "parkolóóra") is no such form, so the class is listed, not guessed.
_ALTERNATING = ("ide", "erde", "tete", "meze")


def _unpossessed(stem: str) -> tuple[str, ...]:
    """The (folded) stem, and where it is such a possessed form, its unpossessed word."""
    return (stem, stem[:-1] + "o") if stem.endswith(_ALTERNATING) else (stem,)


def holds_loosely(aspect: frozenset[str], sentence: str) -> float:
    """As `holds`, by the stems' first five letters: a word formed otherwise from the same root
    ("leállás", "leállnak" for "leállítás"; "gyártósor" for "gyártás")."""
    if not aspect:
        return 0.0
    folded = _forms(sentence)
    return sum(any(t[:_ROOT] in w for w in folded) for t in aspect if len(t) >= _ROOT) / len(aspect)


_ROOT = 5


@functools.lru_cache(maxsize=4096)
def _forms(sentence: str) -> tuple[str, ...]:
    """The sentence's folded words, and its stems with a verb's prefix standing after it joined
    back ("telepítettek vissza" is "visszatelepít"); read once, though `holds` asks twice."""
    return (*fold(sentence).split(), *(fold(w) for w in word_stems(sentence)))


# A compound's head this long is a word of its own ("telepites"), not an ending ("ites").
_HEAD = 6


_COUNT_BEFORE = re.compile(r"\d[\d,.]*\s+([^\W\d]\w*)(?:\s+([^\W\d]\w*))?")


def gives_next_to(sentence: str, things: frozenset[str]) -> bool:
    """The figure stands right before the thing counted ("14 település", "a 3400 védőoltást"),
    one word between at most ("14 érintett település"): that is how a count is written,
    unlike "a telep körül 3 kilométeres védőkörzet"."""
    return any(t in (w or "") for m in _COUNT_BEFORE.finditer(fold(sentence)) for w in m.groups() for t in things if len(t) >= 4)


def gives(sentence: str, things: frozenset[str]) -> bool:
    """The sentence gives a figure and a word holding one of the things counted: "oltás" is
    counted in "2300 oltást", "az oltási kampányban 3100 embert" and "3400 védőoltást"
    (a compound's last member), "tűzoltó" not in "a tűz 300 hektáron"."""
    if not things or not figures(sentence):
        return False
    return any(t in w for w in fold(sentence).split() for t in things if len(t) >= 4)
