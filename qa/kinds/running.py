"""The figures a story follows from article to article: "hat beteget ápolnak", "19 beteg",
"már 27 beteg"; "2100 aláírás", "5800 aláírásnál"; "150 ezer eurót", "250 ezer euróra".

A developing story's news is mostly such a count or sum changing, and a reader asking
"what happened" expects to see it move, though the request names no count. A thing is
followed when a number stands right before it (a multiplier such as "ezer" between) in at
least two of the story's articles, with at least two different numbers: "a 27 kilométeres
vonal" written in every article is the story's setting, not its news. Dates and durations
are the calendar, not a count. A sum written after a possessive noun ("a helyreállítás költsége
240 millió forint"), said of its subject ("a kár 196 millió forint volt") or written as the
adjective of a noun ("185 millió forintos kárról") is also followed as that noun's ("forin kolts",
"forin kar"): a story's sums are of many things, its damage and its cost apart.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Sequence

from qa.bilingual import hungarian_lemma
from qa.dates import HU_MONTHS, HU_WEEKDAYS
from qa.numerals import value
from qa.planner import fold
from qa.text import stemmer, stopwords

# The things a timeline follows: the three written with a changing number in most of the story's
# articles. Two left out a story's cost where its houses and buildings were counted in as many
# articles (the Múcsony mine collapse: 180 then 390 millió forint); dev timelines, two -> three:
# key facts 727 -> 733 of 802, wholly in order 267 -> 269, none fewer, answers ~4 % longer.
MOST = 3
# A story's summary, a few sentences an article, moves two of them (`moving`).
MOST_SUMMARISED = 2
# Units, not things counted: of time and the calendar ("3 év", "hétfőn", "augusztus 16-án",
# "2025 nyarán"). A measure ("2800 tonna", "92 centiméter") is followed as a count is: a story
# of a waste dump follows its tonnes, one of a lake its water level.
_UNITS = re.compile(r"^(ev|nap|het|honap|ora|perc|masodperc|evtized|szazad)(ek|ok|ak)?(e|a|ig|re|ra|en|on|an|ben|ban|bol|vel|val|"
                    r"et|ot|at|es|os|as|esen|nyi|ja|je|i|kal|kel)?$|^(alkalom|alkalomm|nyar|tavas|ossz|osz$|oszi|tel$|telen|teli|"
                    r"elej|kozep|vegen|vege$)")
# Matched on a thing's stem, cut to five letters ("hekta" of "hektár", "kobme" of "köbméter").
# Not "milli": "120 milliós" is a sum in millions ("milliméter" shares its five letters).
_MEASURE = re.compile(r"meter|^centi|^kilo|^hekt|^tonn|^liter|^fok|watt|^kg$|^km$|^kobme|^negyz|^gram")
_CALENDAR = tuple(fold(m) for m in (*HU_MONTHS, *HU_WEEKDAYS))
_SUM_OR_SHARE = re.compile(r"^(forin|ft$|euro|dolla|szaza)")
# A number in digits, whole: "1,5", "12 500", "2.100"; not an ordinal or a sentence's last
# word ("a 2. helyen", "száma 19."), nor a number with a suffix ("19-re").
_DIGITS = re.compile(r"(?<![\w,.])(\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?=[ \u00a0])")
_WORD = re.compile(r"[^\W\d_]+")
# What follows a number: multipliers, then the thing, in lower case (a capitalised word is a name).
_AFTER = re.compile(r"[ \u00a0]+((?:(?:ezer|millió|milliárd)[ \u00a0]+)*)([a-záéíóöőúüű][\w-]*)")
# "120 fő", "27 főre": a count of people, whose stem is too short to stand alone.
_PEOPLE = frozenset(("fo", "fore", "fot", "fovel", "fos", "fonyi"))
# A count of people in digits with the collective numeral's ending: "1200-an", "2870-en", "45-en".
_COLLECTIVE = "foan"
_PEOPLE_COUNT = re.compile(r"(?<![\w,.])(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)-(?:an|en)\b")


_MULTIPLIERS = frozenset(("ezer", "millio", "milliard"))


def _digits(written: str) -> str:
    """A number in digits as one string, its thousands' spaces and dots taken out ("2 870" -> "2870")."""
    return written.replace(" ", "").replace("\u00a0", "").replace(".", "")


def _numbers(sentence: str):
    """(the number, where it starts, where it ends) for each number of the sentence, in digits or in words."""
    for m in _DIGITS.finditer(sentence):
        yield _digits(m.group(1)), m.start(1), m.end()
    for m in _WORD.finditer(sentence):
        if (n := value(m.group())) is not None and fold(m.group()) not in _MULTIPLIERS:
            yield str(n), m.start(), m.end()


# How far before a sum the word it is of may stand: "költsége 385 millió forintra",
# "becsült költsége kb. 240 millió forint".
_OWNER_REACH = 3
# A past verb's ending, which a possessive's -a/-e is not: "kérte", "vállalta", "kifizette".
_PAST_VERB = re.compile(r"(tt|[^aeiou]t)[ae]$")
# Words that stand between a sum and what it is of: "költsége pedig kb. 385 millió".
_BETWEEN = frozenset(("mintegy", "osszesen", "nagyjabol", "akar", "tovabbi", "kb", "kozel", "ujabb", "vegul", "immar"))
# Words after an article that are no subject a sum is said of: ordinals, adverbs of time, and
# adjectives that stand alone ("a teljes 4,35 milliárd").
_NO_SUBJECT = frozenset(("első", "második", "harmadik", "utolsó", "idén", "tavaly", "most", "akkor", "végső", "teljes"))
_VOWELS = frozenset("aáeéiíoóöőuúüű")


def _owner(text: str, start: int, accusative: bool = False) -> str:
    """The stem of the noun a sum is of, written before it with its possessive ending
    ("költsége 240 millió forint", "ára 900 forint" -> "koltseg", "ar"), or as the subject the
    sum is said of, after its article and an adjective at most ("a kár kb. 120 millió forint",
    "A teljes költség 4,35 milliárd forint lesz", "A beruházás végül 342 millió forintba került"
    -> "kar", "kolts", "beruh"); '' where none stands right before it (adverbs, "kb." and a
    source's "X szerint" aside): "előbb 150 ezer, majd 250 ezer eurót". A sum in the accusative
    ("A cég 250 ezer eurót kért") is what its subject asked or got, not what it is of."""
    before = _WORD.findall(text[:start])
    at = len(before) - 1
    while at >= 0 and at >= len(before) - 1 - _OWNER_REACH:
        word = before[at]
        folded = fold(word)
        if folded == "szerint":
            # the source it is told by ("a biztosító szerint"): skip it and its article
            at -= 2 + (at >= 2 and before[at - 2].lower() in ("a", "az"))
            continue
        if folded in _MULTIPLIERS or folded in _BETWEEN or word.lower() in stopwords():
            at -= 1
            continue
        if not word[:1].islower() or len(folded) < 3:
            return ""
        # a possessive's -a/-e, not a past verb's -ta/-te after a consonant or -tta/-tte
        # ("kérte", "vállalta", "kifizette"); "kerete" (its frame) keeps its vowel before "t"
        if re.search(r"j?[ae]$", folded) and not _PAST_VERB.search(folded):
            return _stem(word)
        if not accusative and _nominative(word) and _after_article(before, at):
            return _stem(word)
        return ""
    return ""


def _after_article(before: list[str], at: int) -> bool:
    """The word stands after "a"/"az", an adjective at most between ("a teljes költség")."""
    return (at > 0 and before[at - 1].lower() in ("a", "az")) or \
        (at > 1 and before[at - 2].lower() in ("a", "az") and before[at - 1][:1].islower() and not _nominative(before[at - 1], noun=True))


def _nominative(word: str, noun: bool = False) -> bool:
    """A noun as it stands, the sum's subject: its own lemma ("kár", "beruházás"; not "pályázaton"),
    no adjective in -i ("tavalyi"), no number or ordinal ("első"), no adverb of time ("idén").
    With `noun`, an adjective ("teljes", "várható") is no such noun either."""
    lower = word.lower()
    if lower.endswith("i") or value(lower) is not None or lower in _NO_SUBJECT or hungarian_lemma(lower) != lower:
        return False
    return not (noun and re.search(r"(s|ó|ő|tt|t)$", lower))


def _accusative(word: str) -> bool:
    """The word is in the accusative ("forintot", "eurót"), not its lemma ending in "t" ("forint")."""
    lower = word.lower()
    return lower.endswith("t") and hungarian_lemma(lower) != lower


def _owner_after(text: str, end: int) -> str:
    """The noun a sum written as an adjective stands before ("185 millió forintos kárról",
    "a 2,4 milliárd eurós beruházás" -> "kar", "beruh"); '' where no such noun follows."""
    m = re.match(r"[ \u00a0]+([a-záéíóöőúüű]\w*)", text[end:])
    return _stem(m.group(1)) if m and len(m.group(1)) >= 3 and m.group(1).lower() not in stopwords() else ""


def _stem(word: str) -> str:
    return fold(stemmer().stemWords([word.lower()])[0])


def counts_in(text: str) -> dict[str, frozenset[str]]:
    """Each thing (its folded stem) written right after a number in the sentence `text`, with
    the numbers ("hat beteget" and "6 beteg" give one number)."""
    return dict(_counts(text))


@functools.lru_cache(maxsize=4096)
def _counts(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """`counts_in`, read once per sentence: a timeline asks of each sentence more than once."""
    out: dict[str, set[str]] = defaultdict(set)
    for number, start, end in _numbers(text):
        after = _AFTER.match(text, end)
        if not after:
            continue
        scale, word = after.group(1).split(), after.group(2)
        thing = fold(word)
        if _UNITS.search(thing) or thing.startswith(_CALENDAR) or value(word) is not None:
            continue
        stem = "fo" if thing in _PEOPLE else fold(stemmer().stemWords([word.lower()])[0])
        # a stem of three letters only from a word of four or more ("diák" and "diákot" stem
        # to "dia"): "fő" and "év" are short words of their own
        if len(stem) >= 4 or stem == "fo" or (len(stem) == 3 and len(thing) >= 4):
            written = " ".join([number, *map(fold, scale)])
            out[stem].add(written)
            # "forintos", "eurós", "százalékos": the sum is an adjective of the noun after it, whatever
            # stands before ("a vasúttársaság már 185 millió forintos kárról beszél")
            adjective = re.search(r"[oóöő]s$", thing) is not None
            if adjective and stem == thing:
                # the stemmer keeps some whole ("eurós"): the currency's own stem
                base = word[:-1]  # "eurós" -> "euró"; "dolláros" -> "dollár", its linking vowel too
                if len(base) > 2 and base[-1] in "aeoö" and base[-2] not in _VOWELS:
                    base = base[:-1]
                stem = _stem(base)
                out.pop(thing, None)
                out[stem].add(written)
            accusative = not adjective and _accusative(word)
            if _SUM_OR_SHARE.match(stem) and (owner := (_owner_after(text, after.end()) if adjective else "") or _owner(text, start, accusative)):
                # A story's sums are of many things (a cost, a revenue, a loss): one named by
                # the word it is of is also a thing of its own ("forin kolts").
                out[f"{stem} {owner}"].add(written)
    for m in _PEOPLE_COUNT.finditer(text):
        # "2870-en írták alá", "1200-an voltak": how many people, in digits with the collective's
        # ending; a thing of its own, as "80 fős" (a room's size) is not how many came
        out[_COLLECTIVE].add(_digits(m.group(1)))
    return tuple((thing, frozenset(numbers)) for thing, numbers in out.items())


def followed(articles: Sequence[Sequence[str]], most: int = MOST) -> tuple[str, ...]:
    """The things (stems) a story of these articles (each its sentences) follows: written after
    a number in two or more of them, with two or more numbers in all; the most widely written
    first, a named sum before a count of as many articles, sums named by nothing last; `most` of
    them."""
    if len(articles) < 2:
        return ()
    seen: dict[str, int] = defaultdict(int)
    numbers: dict[str, set[str]] = defaultdict(set)
    # how far into its articles a thing is first counted, summed: news counts its main figures first
    depth: dict[str, int] = defaultdict(int)
    for sentences in articles:
        found: dict[str, set[str]] = defaultdict(set)
        first: dict[str, int] = {}
        for i, sentence in enumerate(sentences):
            for thing, values in counts_in(sentence).items():
                found[thing] |= values
                first.setdefault(thing, i)
        for thing, values in found.items():
            seen[thing] += 1
            numbers[thing] |= values
            depth[thing] += first[thing]
    kept = [t for t in seen if seen[t] >= 2 and len(numbers[t]) >= 2]
    # A sum named by what it is of ("költsége": 240, 385, 412 millió forint) stands for its
    # currency's sums, which are otherwise followed together.
    kept = [t for t in kept if " " in t or not any(k.startswith(f"{t} ") for k in kept)]
    # "utas" is what an airport's story follows, "aláírás" and "vonatpár" a railway line's,
    # the cost ("forin kolts") a rebuilding's: the most widely written first, a sum named by
    # its noun before a count of as many articles (a story's cost is its headline), sums named
    # by nothing last, as they are mostly of different things.
    # A measure ("tonn", "centi") last of all: a story is told by its counts and sums first.
    # Of things as widely written, the one the articles count first.
    return tuple(sorted(kept, key=lambda t: (bool(_MEASURE.match(t)), _unnamed_sum(t), -seen[t], " " not in t, depth[t], t))[:most])


def _unnamed_sum(thing: str) -> bool:
    """A currency's or a share's sums taken together ("forin"), not one named by its noun."""
    return bool(_SUM_OR_SHARE.match(thing)) and " " not in thing


_SCALE = {"ezer": 1e3, "millio": 1e6, "milliard": 1e9}


def largest(sentence: str, thing: str) -> float:
    """The largest of a currency's sums or of a measure the sentence gives, where `thing` is such
    sums taken together ("forin") or a measure ("tonn": the 4100 tonnes found before the 1300
    taken away); 0 for any other thing, which is not weighed by its size."""
    if not (_unnamed_sum(thing) or _MEASURE.match(thing)):
        return 0.0
    out = 0.0
    for number in counts_in(sentence).get(thing, ()):
        digits, *scale = number.split(" ", 1)
        try:
            value = float(digits.replace(" ", "").replace(".", "").replace(",", "."))
        except ValueError:
            continue
        out = max(out, value * _SCALE.get(scale[0] if scale else "", 1.0))
    return out


def moved(sentence: str, things: Sequence[str], before: dict[str, set[str]]) -> int | None:
    """The place in `things` of the first followed thing the sentence gives with a number not
    given `before` (thing -> numbers the earlier articles gave), None when it gives none: "már 27
    beteg" after "19 beteg", not the March report's "előbb 150 ezer, majd 250 ezer eurót" after
    both were told."""
    found = counts_in(sentence)
    return next((j for j, thing in enumerate(things) if _given(found, thing, sentence) - before.get(thing, set())), None)


def _given(found: dict[str, frozenset[str]], thing: str, sentence: str) -> frozenset[str]:
    """The numbers the sentence gives `thing`: a named sum ("forin kolts") also where its noun
    stands elsewhere in the sentence, in a compound too ("A többletköltség 500 millió forint, így
    a teljes beruházás 2,4 milliárd forintra nő")."""
    if thing in found or " " not in thing:
        return found.get(thing, frozenset())
    currency, owner = thing.split(" ", 1)
    return found.get(currency, frozenset()) if owner in fold(sentence) else frozenset()


def new_count(sentence: str, things: Sequence[str], before: dict[str, set[str]]) -> bool:
    """Whether the sentence gives one of the followed `things` with a new number (`moved`)."""
    return moved(sentence, things, before) is not None


def moving(articles: Sequence[Sequence[str]]) -> list[list[bool]]:
    """For each article (its sentences, oldest article first), which of its sentences give a
    followed thing (`followed`) a number no earlier article gave it (`new_count`): where the
    story moves ("a teljes költség 4,35 milliárd forint lesz" after 3,2 and 4,1 milliárd)."""
    things = followed(articles, MOST_SUMMARISED)
    if not things:
        return [[False] * len(sentences) for sentences in articles]
    before: dict[str, set[str]] = defaultdict(set)
    out = []
    for sentences in articles:
        out.append([new_count(s, things, before) for s in sentences])
        for s in sentences:
            for thing in things:
                before[thing] |= _given(counts_in(s), thing, s)
    return out
