"""What fills a question's answer slot, read in a candidate sentence.

A who-question is answered by a person's name, a which-company question by a firm's, a
how-many question by a number standing by the thing counted, a when-question by a
calendar date. Sentences that only restate the question ("Az új polgármester
korábban…", "a szombati mérkőzésen már ő ül a kispadon") hold the question's words but
not its slot; these checks tell them apart by the shape of the language, not by any
question's words.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from qa.dates import EN_MONTHS, HU_MONTH_SHORT, HU_MONTHS
from qa.numerals import value
from qa.text import stemmer, stopwords, unlengthened, words

_TOKEN = re.compile(r"\w+(?:[.-]\w+)*\.?")
# Hungarian and foreign company forms: "Alföld-Híd Építő Zrt.", "Daesan Precision Hungary Kft."
_LEGAL_FORM = re.compile(r"^(zrt|kft|nyrt|bt|kht|nonprofit|ltd|inc|gmbh|ag|se|plc|sa|spa|corp)\.?$", re.I)
_TITLE = re.compile(r"^(dr|prof|id|ifj|özv)\.?$", re.I)
_COMPANY_ASKED = re.compile(
    r"\b(melyik|mely|milyen) (cég|vállalat|társaság|vállalkozás|kivitelező|befektető|gyártó|bank|szervezet|intézmény)\w*|"
    r"\b(which|what) (company|companies|firm|contractor|investor|manufacturer|bank|organi[sz]ation)\b", re.I)
# what a how-many question counts: the two words after "hány" ("hány új állás", "how many news
# articles"); "hany", typed without accents, and on folded text too (`qa.request_cues`)
COUNTED = re.compile(r"\b(hány|hany|how many)\s+(\w+)(?:\s+(\w+))?", re.I)
_MONTH = rf"({'|'.join(HU_MONTHS)}|{HU_MONTH_SHORT})\w*"
_EN_MONTH = "|".join(m.lower() for m in EN_MONTHS)
# A day of a month ("október 11-én", "2027 nyaráig", "május 26-án"), a year with a month or
# season, a full numeric date, or a month named in full ("júniusban", "in June": a news story's
# month is its date to the reader, as the store's dated articles place it): more than a weekday
# or "soon" says. A month is spelt out here, as its abbreviations are other words ("máj").
_CALENDAR = re.compile(
    rf"\b{_MONTH}\.? \d{{1,2}}\b|\b\d{{4}}\.? ({_MONTH}|tavasz|nyár|nyar|ősz|tél|tel)\w*|\b\d{{4}}\. \d{{1,2}}\. \d{{1,2}}|"
    rf"\b\d{{1,2}} ({_EN_MONTH})\b|\b({_EN_MONTH}) \d{{1,2}}\b|\b(19|20)\d\d\b|"
    rf"\b({'|'.join(HU_MONTHS)})\w*|\b(in|since|until|by|from|early|late|mid-?)\s*({_EN_MONTH})\b",
    re.I)


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "given_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@functools.lru_cache(maxsize=1)
def _given_unlengthened() -> frozenset[str]:
    return frozenset(unlengthened(n) for n in given_names())


# What may follow a given name: a case ending, á/é folded to a/e as `unlengthened` does
# ("Andreat", "Gabort", "Bencevel", "Peterrel": -val/-vel doubles the name's last consonant).
# Not any letters: "Tamási", "Annak", "Pálháza" are no people.
_CASE_ENDING = re.compile(r"|t|at|et|ot|öt|nak|nek|val|vel|([bcdfghjklmnprstvz])\1?(al|el)|ról|ről|tól|től|hoz|hez|höz|ra|re|ba|be|ban|ben|ert|ig|nal|nel|e|ek|n|on|en|ön")


def is_given_name(word: str) -> bool:
    """A given name, inflected or not: "Andreát", "Gábort", "Bencével" (the stem's final
    vowel lengthens before a suffix, so the comparison folds á/é)."""
    w = unlengthened(word)
    return any(w[:n] in _given_unlengthened() and _CASE_ENDING.fullmatch(w[n:]) for n in range(max(3, len(w) - 4), len(w) + 1))


def asks_company(question: str) -> bool:
    return bool(_COMPANY_ASKED.search(question))


def _runs(sentence: str) -> list[list[str]]:
    """Runs of capitalised words (joined by spaces or hyphens), with a title ("dr.") or a
    legal form ("Zrt.") that stands in them."""
    runs, run = [], []
    for token in _TOKEN.findall(sentence):
        bare = token.rstrip(".")
        if bare[:1].isupper() or (run and _LEGAL_FORM.match(token)) or _TITLE.match(token):
            run.append(token)
            if token.endswith(".") and not (_TITLE.match(token) or _LEGAL_FORM.match(token)):
                runs.append(run)  # a sentence-ending full stop closes the run
                run = []
        else:
            if run:
                runs.append(run)
            run = []
    return [*runs, run] if run else runs


@functools.lru_cache(maxsize=256)
def _asked(question: str) -> frozenset[str]:
    """The question's stems, once per question rather than per candidate sentence."""
    return frozenset(stemmer().stemWords(words(question)))


def new_person(sentence: str, question: str) -> bool:
    """Whether `sentence` names a person the question does not: a capitalised word beside
    a given name ("Weisz Kornélia", "Tomáš Vrabec") or after a title ("dr. Lengyel")."""
    asked = _asked(question)

    def new(names: list[str]) -> bool:
        return not set(stemmer().stemWords([w for w in names if not _TITLE.match(w)])) <= asked

    for run in _runs(sentence):
        bare = [t.rstrip(".") for t in run]
        for i, t in enumerate(bare):
            if i > 0 and _TITLE.match(run[i - 1]) and new(bare):
                return True
            # The given name with the word before it and with the word after it: a run may
            # also hold a capitalised sentence start ("Szeptembertől Tóth Réka vezeti…"),
            # and the question's own person stays asked whatever starts the sentence.
            if is_given_name(t) and len(bare) > 1 and new(bare[max(0, i - 1) : i + 1]) and new(bare[i : i + 2]):
                return True
    return False


def new_company(sentence: str, question: str) -> bool:
    """Whether `sentence` names a firm the question does not: a name run ending in a legal form."""
    asked = _asked(question)
    for run in _runs(sentence):
        if len(run) > 1 and _LEGAL_FORM.match(run[-1]):
            name = [t.rstrip(".") for t in run[:-1] if t.lower() not in stopwords()]
            if name and not set(stemmer().stemWords(name)) <= asked:
                return True
    return False


def counted(question: str) -> frozenset[str]:
    """The stems of what a how-many question counts: "Hány új állás…" -> {új, állás}."""
    m = COUNTED.search(question)
    if not m:
        return frozenset()
    found = [w for w in m.groups()[1:] if w and w.lower() not in stopwords()]
    return frozenset(stemmer().whole(found))


_EN_COUNTED = re.compile(r"\bhow many\s+(?:of\s+(?:the|these|those|its|their)\s+)?(\w+(?:\s+\w+){0,2})", re.I)


def counted_en(question: str) -> frozenset[str]:
    """What an English how-many question counts, as the Hungarian articles write it: the noun
    of its phrase ("how many (of the) passengers were …" -> "utas"; the first plural of the words
    up to the next small word, "how many new jobs" -> jobs, not the verb after it), through the
    dictionary's senses (`bilingual.counted_senses`: "cases" counts nothing), lower-cased with á/é
    as a/e; `counts` finds them at the start of a sentence's words ("diak" in "diákot")."""
    from qa import bilingual

    m = _EN_COUNTED.search(question)
    phrase = bilingual.noun_phrase(m.group(1).lower()) if m else []
    if not phrase:
        return frozenset()
    noun = next((w for w in phrase if w.endswith("s") and len(w) > 3), phrase[0])
    return frozenset(unlengthened(s) for s in bilingual.counted_senses(noun))


def counts(sentence: str, nouns: frozenset[str]) -> bool:
    """A number with one of the counted `nouns` at most three words after it: "23
    települést", "620 új munkahelyet", "41 ellen" does not count "törzs"."""
    return bool(_counting(sentence, nouns))


def counts_as_titled(sentence: str, title: str, nouns: frozenset[str]) -> bool:
    """A number the sentence gives that its article's title gives with one of the counted
    `nouns`: "512 madarat számoltak meg" under "512 túzokot számoltak a Dévaványai-síkon"
    counts "túzok"."""
    return bool(_counting(title, nouns) & set(words(sentence)))


def _counting(text: str, nouns: frozenset[str]) -> set[str]:
    """The numbers of `text`, in digits or in words ("két évtől nyolc évig", "három férfit":
    Hungarian news spells small numbers), with one of the counted `nouns` at most three words
    after them."""
    tokens = words(text)
    stems = stemmer().whole(tokens)
    return {t for i, t in enumerate(tokens) if (t[:1].isdigit() or value(t) is not None)
            and (nouns & set(stems[i + 1 : i + 4]) or _begins(tokens[i + 1 : i + 4], nouns))}


def _begins(tokens: list[str], nouns: frozenset[str]) -> bool:
    """A word starts with one of the nouns of four letters or more, with á/é as a/e: an English
    question's nouns are the dictionary's whole words ("diak" in "diákot", `counted_en`)."""
    return any(unlengthened(t).startswith(n) for t in tokens for n in nouns if len(n) >= 4)


def has_calendar_date(sentence: str) -> bool:
    """A month and day, a year with a month or season, a year or a month: not only a weekday."""
    return bool(_CALENDAR.search(sentence))
