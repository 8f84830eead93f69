"""Language, content words and answer types: the small linguistics the engine needs."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Sequence

import Stemmer

from qa.numerals import is_numeral

_WORD = re.compile(r"\w+", re.UNICODE)
_HU_LETTERS = set("áéíóöőúüű")
_EN_HINTS = {"the", "what", "who", "whom", "when", "where", "why", "how", "did", "does", "is", "are", "was", "were", "which", "of", "and", "with", "about",
              # requests with no question word: "Summarize it briefly", "Tell me more", "List the articles"
              "it", "this", "these", "me", "you", "please", "tell", "give", "show", "list", "summarize", "summarise", "briefly",
              # not "to" and "on": "tó" and "ön" typed without accents
              "in", "for", "do", "can", "there", "any", "articles", "article", "more", "thanks", "thank", "hello",
              # words no Hungarian question writes, even without accents ("Am I talking to a human or
              # to some kind of AI?", "Cheers, that's all I needed"); not "at" (át), "be" (be-)
              "am", "i", "or", "some", "an", "that", "have", "has", "had", "my", "your", "we", "they", "not", "from", "by",
              "will", "would", "could", "should", "been"}
_HU_HINTS = {"mit", "ki", "kik", "kivel", "mikor", "hol", "hány", "miért", "milyen", "melyik", "mi", "és", "az", "a", "hogy", "volt", "van", "mennyi", "kinek", "mely"}
# Interrogatives and discourse openers the stop-word lists lack. Capitalised at a question's
# start, they are no names: "Meddig szól a szerződése?" names nobody, so as a follow-up it
# borrows the conversation's names, and "Meddig" is not a name the answer must hold.
_OPENERS = {"meddig", "mióta", "honnan", "hová", "hova", "mekkora", "mekkorát", "mekkorára", "hányan", "hányat", "hányadik",
            "hányszor", "mennyien", "mennyiért", "mennyibe", "mennyit", "milyenek", "miket", "miről", "mire", "mivel", "miben",
            "miből", "mitől", "mihez", "kiket", "kitől", "kiről", "kihez", "kié", "hogyan", "hát", "szóval", "tehát", "akkor"}
# Question words that want a number, and sentences that hold one.
_WANTS_NUMBER = re.compile(r"\b(hány|hányan|mennyi|mekkora|how many|how much|what (?:amount|number|percentage))\b", re.I)
_WANTS_DATE = re.compile(r"\b(mikor(?:ra|tól|tol|ig)?|melyik évben|melyik hónapban|hányadikán|hányadika|when|what year|which year|what date)\b", re.I)
# "Hányadik lett?", "hányadszor" ask a place in an order, answered by an ordinal ("a 9. helyen", "harmadik");
# "hányadikán" asks the day of a month, a date.
# "What position" asks a place only with a verb of finishing ("in what position did she
# finish?"); "what position does the mayor hold?" asks a post, "which position did the council
# take?" a stance.
_WANTS_RANK = re.compile(r"\b(hányadik|hányadikként|hányadikat|hányadszor|hanyadik|hanyadszor|what rank|(what|which) position\b(?=.{0,60}?\b(finish|finished|end|ended|"
                         r"come|came|rank|ranked|placed)\b))\b", re.I)
# A number with a full stop is an ordinal ("a 9. helyen"), but not one ending the sentence ("a
# létszám 45."). The ordinal words stand whole or with a case ending ("elsőként"): "elsősorban"
# (chiefly), "elsődleges" (primary), "lasting" and "secondary" say no place.
_ORDINAL = re.compile(r"\b\d{1,3}\.(?!\d)(?!\s*$)|\b((első|utolsó)(ként|nek|nak|t|k|re|ra|ről|ról|helyezett\w*)?|második\w*|first|second|third|last|"
                      r"\d+(st|nd|rd|th))\b", re.I)
_ORDINAL_END = re.compile(r"(\w+?)(adik|edik|ödik|odik)\w*$")
# Stems of ordinals that are no cardinal on their own: harm-adik, negy-edik, száz-adik.
_ORDINAL_STEMS = frozenset(("harm", "negy", "szaz", "száz"))
_WANTS_NAME = re.compile(r"^\W*(ki|kik|kivel|kikkel|kinek|kit|kitől|hol|hová|honnan|melyik|mely|who|whom|where|which)\b", re.I)
YEAR = re.compile(r"\b(1[89]|2[01])\d\d\b")
_DATE = re.compile(
    r"\d{4}|\b(január|február|március|április|május|június|július|augusztus|szeptember|október|november|december|"
    r"hétfő|kedd|szerd|csütörtök|péntek|szombat|vasárnap)\w*|\b(tegnap|ma|idén|tavaly|jövőre)\b",
    re.I,
)
# A word that is a date or part of one (matched at its start): `qa.answer_window` finds them.
DATE_WORD = _DATE
# Snowball's Hungarian stemmer leaves "Phenjanban" -> "phenjan" but "Phenjan" -> "phenj";
# cutting every stem to 5 letters makes the inflected forms of a name meet.
_STEM_CHARS = 5
_LENGTHENED = str.maketrans("áé", "ae")


def _stopword_file(language: str) -> Path:
    import llama_index.core

    return Path(llama_index.core.__file__).parent / "_static" / "nltk_cache" / "corpora" / "stopwords" / language


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """NLTK's Hungarian and English stop words (bundled inside llama-index-core)."""
    words: set[str] = set()
    for language in ("hungarian", "english"):
        words.update(_stopword_file(language).read_text(encoding="utf-8").split())
    # Question words carry no content either.
    return frozenset(words | _HU_HINTS | _EN_HINTS | {"mondott", "szerint", "cikk", "cikkek", "article", "articles"})


class HungarianStemmer:
    """PyStemmer's Hungarian stemmer, stems cut to 5 letters; bm25s calls `stemWords`."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("hungarian")

    def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802 (PyStemmer's name)
        return [stem.translate(_LENGTHENED)[:_STEM_CHARS] for stem in self.whole(words)]

    def whole(self, words: list[str]) -> list[str]:
        """Snowball's stems, not cut: "parkolóórát" and "parkolóhellyel" share only "parko"."""
        return self._stemmer.stemWords([w.lower() for w in words])


@functools.lru_cache(maxsize=1)
def stemmer() -> HungarianStemmer:
    return HungarianStemmer()


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (stop words and 1-letter words dropped)."""
    kept = [w for w in words(text) if len(w) > 1 and w.lower() not in stopwords()]
    return stemmer().stemWords(kept)


def language(text: str) -> str:
    """'hu' or 'en'; Hungarian unless the text reads clearly as English."""
    found = words(text)
    # A Hungarian name ("Kecskemét", "Sajószentpéter") does not make an English question
    # Hungarian: accented letters count in the first word and in words not capitalised.
    if any(_HU_LETTERS & set(w.lower()) for i, w in enumerate(found) if i == 0 or not w[:1].isupper()):
        return "hu"
    tokens = [w.lower() for w in found]
    en = sum(t in _EN_HINTS for t in tokens)
    hu = sum(t in _HU_HINTS for t in tokens)
    return "en" if en > hu else "hu"


def answer_type(question: str) -> str | None:
    """'number', 'date', 'rank' (a place in an order) or 'name' when the question asks for one, else None."""
    if _WANTS_NUMBER.search(question):
        return "number"
    if _WANTS_DATE.search(question):
        return "date"
    if _WANTS_RANK.search(question):
        return "rank"
    if _WANTS_NAME.search(question):
        return "name"
    return None


def _quantity(token: str) -> bool:
    """A number in digits or a cardinal in words, in any case ("hármat", "nyolcan"): not a word
    that merely starts like one ("hatóság", "hétfő", "ötlet"), nor an ordinal ("kilencedik
    alkalommal" says which time, not how many; Hungarian's cardinals hold no "dik")."""
    return any(ch.isdigit() for ch in token) or (is_numeral(token) and "dik" not in token.lower())


def _ordinal_word(word: str) -> bool:
    """"harmadik", "tizenkettedik", "ötödikként": a numeral's stem and an ordinal ending (not
    "működik", whose stem counts nothing)."""
    m = _ORDINAL_END.match(word.lower())
    return bool(m) and (m.group(1) in _ORDINAL_STEMS or is_numeral(m.group(1)))


def satisfies(sentence: str, kind: str | None, about: frozenset[str] = frozenset()) -> bool:
    """Whether `sentence` holds the kind of thing asked for.

    For a quantity the number must stand within four words of something the question
    asks about (`about`: its content words' `word_stems`), in any of its forms (`stem_in`):
    "a két ország" does not say how much was paid; "öt év fegyházbüntetés" says which
    "büntetés", "480 millió forintos tőkeemeléssel" how much "tőkét emel".
    """
    if kind == "number":
        # A year is a date, not a quantity: "since 2022" does not answer "how many".
        tokens = words(YEAR.sub(" ", sentence))
        numbers = [i for i, t in enumerate(tokens) if _quantity(t)]
        if not about:
            return bool(numbers)
        return any(any(stem_in(a, word_stems(" ".join(tokens[max(0, i - 4) : i + 5]))) for a in about) for i in numbers)
    if kind == "date":
        return bool(_DATE.search(sentence))
    if kind == "rank":
        return bool(_ORDINAL.search(sentence)) or any(_ordinal_word(w) for w in words(sentence))
    return True


# Text in an article that talks to the model instead of the reader: never evidence.
_INJECTION = re.compile(
    r"ignore (all |the )?(previous|above|prior) (instructions|prompts?)|disregard (the|all|any) (above|previous)|"
    r"system prompt|you are now|new instructions|"
    r"hagyd figyelmen kívül|hagyja figyelmen kívül|felejtsd el az? (előző|fenti|korábbi)|"
    r"(előző|fenti|korábbi) utasítás|válaszként (csak )?(azt )?írd|mostantól (te )?(vagy|válaszolj)",
    re.I,
)


def looks_like_injection(sentence: str) -> bool:
    return bool(_INJECTION.search(sentence))


def new_names(sentence: str, question: str) -> list[str]:
    """Capitalised words of `sentence` that the question does not already name."""
    asked = set(stemmer().stemWords(words(question)))
    return [w for w in words(sentence) if w[:1].isupper() and w.lower() not in stopwords() and stemmer().stemWords([w])[0] not in asked]


def definite_article(word: str) -> str:
    """Hungarian "a" or "az" for the word it stands before: "az" before a vowel ("az
    Észak-Korea…"), "a" before a consonant; before a number, as it is spoken (`_spoken_vowel`:
    "az 1,4 milliárd", "az 500", "a 412 millió", "a 2025-ös"); "a(z)" before anything else."""
    text = word.lstrip("„“\"'([ ")
    first = text[:1].lower()
    if first in "aáeéiíoóöőuúüű" and first:
        return "az"
    if first.isalpha():
        return "a"
    number = _LEADING_NUMBER.match(text)
    if number:
        return "az" if _spoken_vowel(int(re.sub(r"\D", "", number.group()))) else "a"
    return "a(z)"


# A number's digits, its thousands apart or not ("38 600", "1000"), as an article's word begins.
_LEADING_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+")


def _spoken_vowel(n: int) -> bool:
    """Whether the number, read aloud in Hungarian, begins with a vowel: its first group of three
    digits is read first ("ezer…" for 1 000–1 999, "egymillió", "ötezer"): "egy", "öt",
    "ötven…", "ötszáz…" begin with one; "kettő", "tíz", "száz", "húsz" … do not."""
    while n >= 1000:
        n //= 1000
    if n >= 100:
        return n // 100 == 5  # "ötszáz"; "száz", "kétszáz" …
    if n >= 10:
        return n // 10 == 5  # "ötven…"; "tíz", "tizen…", "húsz" …
    return n in (1, 5)  # "egy", "öt"


def unlengthened(word: str) -> str:
    """The word lower-cased with á/é as a/e: suffixes lengthen a final vowel ("Kína" -> "Kínában")."""
    return word.lower().translate(_LENGTHENED)


def fold(text: str) -> str:
    """Lower case without accents: 'Foglald össze' and 'foglald ossze' read the same."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_name(word: str) -> str:
    """A name's key, the same for its inflected forms: "Kínában" ~ "Kína", "békési" ~ "Békés".

    The first four letters: Snowball stems names unevenly ("Putyin" -> "putyin",
    "Putyinnak" -> "puty"), while suffixes barely touch a name's start."""
    return unlengthened(word)[:4]


def names(text: str) -> list[str]:
    """Capitalised words not at a sentence start: the people and places a follow-up refers to."""
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        tokens = words(sentence)
        found += [t for t in tokens[1:] if t[:1].isupper() and t.lower() not in stopwords() and t.lower() not in _OPENERS]
    return found


# Hungarian verb prefixes, which stand apart from their verb in many sentences: "leölték"
# but "öltek le", "betiltotta" but "tiltotta be". Grammar's closed class, not a topic list.
VERB_PREFIXES = frozenset((
    "meg", "el", "ki", "be", "le", "fel", "föl", "át", "rá", "vissza", "össze", "szét", "oda", "ide", "haza", "hozzá",
    "végig", "körül", "alá", "elő", "hátra", "előre", "tovább", "újra", "abba", "közre", "létre", "félre", "bele",
))


@functools.lru_cache(maxsize=1)
def _months() -> tuple[str, ...]:
    from qa.dates import HU_MONTHS

    return tuple(unlengthened(m) for m in HU_MONTHS)


def word_stems(text: str) -> list[str]:
    """Snowball's whole stems of the content words, á/é folded, an infinitive's "-ni" cut
    ("leölni" -> "leöl"), and a prefix standing after its verb joined back to it ("öltek
    le" also gives "leölt"): the forms `stem_in` compares."""
    tokens = words(text)
    out = []
    for i, w in enumerate(tokens):
        low = w.lower()
        if unlengthened(low).startswith(_months()):
            continue  # a date's month, whatever it ends in: "ember" is no part of "szeptember"
        if low in VERB_PREFIXES and i > 0 and tokens[i - 1].lower() not in stopwords():
            out.append(unlengthened(low + stemmer().whole([tokens[i - 1]])[0]))
        if len(w) > 1 and low not in stopwords():
            bare = w[:-2] if low.endswith("ni") and len(w) > 5 and not w[:1].isupper() else w
            out.append(unlengthened(stemmer().whole([bare])[0]))
    return out


def stem_in(stem: str, stems: Sequence[str]) -> bool:
    """Whether one of `stems` (`word_stems`) is a form of `stem`: the same first five letters
    (`content_stems`' match), or `stem`, of four letters or more, inside it as a part of a
    compound: "büntetés" in "fegyházbüntetés", "tőke" and "emel" in "tőkeemelés"."""
    return any(stem[:5] == w[:5] or (len(stem) >= 4 and stem in w) for w in stems)


# What NLTK's Hungarian list leaves out of a request's topic: a pronoun's case forms ("azokkal",
# "akiknek", "arról", "ezzel") and postpositions ("miatt", "előtt", "során"), on folded words.
_FUNCTION_WORD = re.compile(
    r"(az|ez|aki|ami|amely)(ek|ok|k)?(kal|kel|val|vel|nak|nek|rol|bol|tol|hoz|hez|ert|ban|ben|ba|be|ra|re|on|en|t|et|at|ot)?|"
    r"(a|e)(bban|bben|bba|bbe|rra|rre|rrol|ttol|hhoz|hhez|zzal|zzel|nnak|nnek|kkor)|"
    r"miatt|elott|felett|folott|ota|soran|helyett|irant|korul|kozben|nyoman|szerint|targyaban|kapcsan"
)


def function_word(folded: str) -> bool:
    """A folded word that names nothing in a topic: a pronoun's form or a postposition."""
    return bool(_FUNCTION_WORD.fullmatch(folded))
