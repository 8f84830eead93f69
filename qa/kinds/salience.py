"""How central a sentence is to its article, and how much of it is new: lexical, so that a
summary over thirty articles needs no sentence embeddings (~25 ms a sentence here).

LexRank comes from `sumy`. Its Hungarian tokenizer needs NLTK's punkt data, which is not
offline, and its summarizer returns the chosen sentences but not their scores, so the
sentences are split and stemmed by us and the graph is rated with sumy's own steps.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Sequence

import numpy as np

from qa.text import content_stems, stemmer, stopwords, words


class _Tokenizer:
    """What sumy asks of a tokenizer: the words of a sentence."""

    @staticmethod
    def to_words(text: str) -> list[str]:
        return words(text)


def _stem(word: str) -> str:
    return stemmer().stemWords([word])[0]


def lexrank(texts: Sequence[str]) -> np.ndarray:
    """LexRank centrality of each text among the others, scaled so the best is 1."""
    if len(texts) < 3:
        return np.ones(len(texts))
    # Imported here: sumy pulls in NLTK, scipy and scikit-learn (~2.5 s here), which only a
    # summary needs, not a process's first fact answer.
    from sumy.models.dom import Sentence as SumySentence
    from sumy.summarizers.lex_rank import LexRankSummarizer

    summarizer = LexRankSummarizer(_stem)
    summarizer.stop_words = stopwords()
    tokenizer = _Tokenizer()
    bags = [summarizer._to_words_set(SumySentence(t, tokenizer)) for t in texts]
    matrix = summarizer._create_matrix(bags, summarizer.threshold, summarizer._compute_tf(bags), summarizer._compute_idf(bags))
    scores = np.asarray(summarizer.power_method(matrix, summarizer.epsilon), dtype=float)
    top = scores.max()
    return scores / top if top > 0 else np.ones(len(texts))


def stems(text: str) -> frozenset[str]:
    """Content stems of the text without accents: "mezotur" typed without them still meets "Mezőtúr"."""
    from qa.planner import fold

    return frozenset(content_stems(fold(text)))


def units(text: str) -> frozenset[str]:
    """What a sentence tells, for telling repeats apart: its content stems and its numbers
    ("86,4 milliárd" is news after "5,3 milliárd", though the words are the same)."""
    return stems(text) | frozenset(_NUMBER_TOKEN.findall(text))


_NUMBER_TOKEN = re.compile(r"\d+(?:[.,\s]\d+)*")
_NAME = re.compile(r"(?<=\s)[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]+")
# The verbs after a quotation's dash that say who spoke ("– mondta a tisztifőorvos").
SAID = "mondta|nyilatkozta|közölte|fogalmazott|tette hozzá|hangsúlyozta"
_ATTRIBUTION = re.compile(rf"[–—-]\s*({SAID}|said|told)\b")
# On LexRank's 0..1 scale: the lead paragraph's sentences gain a third, a quarter and a
# sixth of the best sentence's centrality, a later paragraph's first sentence a tenth
# (news puts its facts first, and each paragraph its point first); a piece of a quotation
# cut by the sentence split loses nearly a third.
_LEAD = (0.35, 0.25, 0.15)
_PARAGRAPH_FIRST = 0.1
_QUOTE_PIECE = 0.3


# Hungarian writes small numbers, and any number opening a sentence, in words:
# "Hét igazolt eset", "Tizenkilencre nőtt", "Harmincnyolc kanyarós beteg".
_NUMBER_WORD = re.compile(
    r"\b(két|kettő|három|négy|öt|hét|nyolc|kilenc|tíz|tizen\w+|húsz|huszon\w+|(harminc|negyven|ötven|hatvan|hetven|nyolcvan|kilencven)\w*|"
    r"(két|három|négy|öt|hat|hét|nyolc|kilenc)?száz(?!ad)\w*|ezer)\b", re.IGNORECASE)  # "század" is a century


# A four-digit number is a year unless a word other than a month's, a season's, a holiday's,
# an ordinal's or a postposition follows it, or a unit's abbreviation: "1983 óta", "1956
# októberében", "2023 első félévében", "1983-ban" are years, "1990 és 2000 között" two, while
# "1870 méter", "1600 utas", "2000 Ft", "1500 és 3000 forint között" are quantities (read as
# years, they were no figure). Case-sensitive: a capitalised word after a year is a name
# ("2019 Szegeden"), not a measure.
_KEEPS_YEAR = (r"óta|után|előtt|között|körül|táján|végé|végi|elejé|eleji|közepé|közepi|folyamán|során|első|második|harmadik|negyedik|utolsó|"
               r"január|február|március|április|május|június|július|augusztus|szeptember|október|november|december|"
               r"tavasz|nyár|nyar|ősz|tél|tel|karácsony|húsvét|pünkösd|szilveszter|advent")
_AS_YEAR = (rf"(?!\s*-?(?:Ft|HUF|EUR|USD|[kMG]Wh?)\b)"
            rf"(?!\s+(?:és|vagy)\s+\d{{4}}\s+(?!(?:{_KEEPS_YEAR})\w*)[a-záéíóöőúüű])"
            rf"(?!\s+(?!(?:{_KEEPS_YEAR}|és\s+\d{{4}}|vagy\s+\d{{4}})\w*)[a-záéíóöőúüű])")
# A past century's year, a century, a decade in words ("a kilencvenes években", not a person's
# "negyvenes éveiben"): background.
_HISTORY = re.compile(rf"\b1[5-9]\d\d\b{_AS_YEAR}|\b\d{{1,2}}\. század|"
                      r"(?i:\b(?:húsz|harminc|negyven|ötven|hatvan|hetven|nyolcvan|kilencven)[ae]s\s+évek)")
_YEAR = re.compile(rf"\b(?:19|20)\d\d\b{_AS_YEAR}")
# A sentence whose only figures are years before its article's ("2021-ben újították fel", "Nasira
# 2019-ben érkezett") tells the story's background: it loses a fifth of the best sentence's centrality.
_BACKGROUND = 0.2


def _news(text: str, year: int = 0) -> str:
    """The text without the years that are background: past centuries' always, and with the
    article's `year` known, any year before it."""
    text = _HISTORY.sub(" ", text)
    return _YEAR.sub(lambda m: " " if int(m.group()) < year else m.group(), text) if year else text


def past_only(text: str, year: int) -> bool:
    """The sentence's figures are all years before its article's year."""
    return bool(year) and any(int(y) < year for y in _YEAR.findall(text)) and not figures(text, year)


_MONEY = re.compile(r"\d[\d.,\s]*(ezer|millió|milliárd)?\s*(forint|Ft\b|euró|euro|dollár|€|\$)", re.IGNORECASE)


def figures(text: str, year: int = 0) -> int:
    """How many figures the sentence gives, up to four: its numbers in digits, or in words
    where no digit stands (beside "4,9 és 5,3 milliárd", "a másik két pályázó" is
    no further fact); a year of the last century and a century ("1970-es években", "a 19.
    század végén") are the story's background, not its news, and so is a sentence whose
    digits are all years before its article's `year` ("2019-ben kezdődött, … két évet
    csúszott"): it gives none."""
    digits = set(_NUMBER_TOKEN.findall(_HISTORY.sub(" ", text)))
    if digits:
        # A past year beside a figure of the news is its yardstick ("34 centiméterrel a 2010-es
        # csúcs alatt"), counted with it; alone it is background.
        return min(4, len(digits)) if _NUMBER_TOKEN.search(_news(text, year)) else 0
    return min(4, len({m.group().lower() for m in _NUMBER_WORD.finditer(_news(text, year))}))


def facts(text: str) -> frozenset[str]:
    """The figures and the people a sentence gives, each as one token ("38", "harmincnyolc",
    "judit"): what a later article's sentence must add to tell what changed. A person is
    known by a given name; a place or a firm named again is no change."""
    from qa.planner import fold
    from qa.slots import is_given_name

    news = _HISTORY.sub(" ", text)
    numbers = {m.group().replace(" ", "") for m in _NUMBER_TOKEN.finditer(news)} | {m.group().lower() for m in _NUMBER_WORD.finditer(news)}
    return frozenset(numbers | {fold(n) for n in _NAME.findall(text) if is_given_name(n)})


def _name_key(name: str) -> str:
    from qa.planner import fold

    return fold(name.strip("."))[:5]


# Capitalised words in a row ("Kiss Andrea", "Borsodi Építő Kft.", "Szegedi Ítélőtábla"):
# a person's, a firm's or a body's name, never one named in passing.
_NAME_RUN = re.compile(r"[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]*\.?(?:\s+[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]*\.?)+")


def _named(run: str) -> list[str]:
    """The words of a capitalised run that are a name's, the sentence's "A", "Az" left out."""
    from qa.text import stopwords

    return [w for w in run.split() if w.strip(".").lower() not in stopwords() and len(w.strip(".")) > 1]


def in_passing(sentences: Sequence, title: str = "") -> frozenset[str]:
    """The names (by key) an article writes once, alone and not a person's: a place named
    in passing ("a Bereg és a Szatmári-síkság falvaiban", "Spanyolországban vagy
    Izraelben") is no fact of its news, while the places, bodies and people it returns to,
    and a name of several words, are."""
    from qa.slots import is_given_name

    counts = Counter(_name_key(n) for s in sentences for n in set(_NAME.findall(s.text)))
    counts.update(_name_key(n) for n in set(_NAME.findall(f" {title}")))
    in_runs = {_name_key(w) for s in sentences for run in _NAME_RUN.findall(s.text) if len(words := _named(run)) >= 2 for w in words}
    once = {_name_key(n) for s in sentences for n in _NAME.findall(s.text) if not is_given_name(n)}
    return frozenset(k for k in once if counts[k] < 2 and k not in in_runs)


def specificity(text: str, year: int = 0, passing: frozenset[str] = frozenset()) -> float:
    """News facts are numbers and names: each number (up to four, in digits or words) and
    name (up to three) tells more. A quotation's attribution ("„…” – mondta X.") marks an
    opinion; an attribution without quotation marks reports a fact ("– közölte a hivatal")."""
    named = [n for n in _NAME.findall(text) if _name_key(n) not in passing]
    score = 0.1 * figures(text, year) + 0.1 * min(3, len(named))
    # An amount of money is what a reader of the news looks for first ("4,8 milliárd forintból").
    score += 0.1 * bool(_MONEY.search(text))
    quoted = any(c in text for c in "„“”\"")
    return score - 0.2 * bool(quoted and _ATTRIBUTION.search(text))


def shared(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of a's content stems that b holds too."""
    return len(a & b) / len(a) if a else 0.0


def prior(sentence, lead=None) -> float:
    """Where the sentence stands: in the lead (from the `lead` sentence to its paragraph's
    end; by default the first paragraph), or first in a later paragraph."""
    if lead is None:
        offset = sentence.in_paragraph if sentence.paragraph == 0 else -1
    else:
        offset = sentence.position - lead.position if sentence.paragraph == lead.paragraph else -1
    if offset >= 0:
        return _LEAD[min(offset, len(_LEAD) - 1)]
    return _PARAGRAPH_FIRST if sentence.in_paragraph == 0 else 0.0


_OPENS_QUOTE = re.compile(r"^\W{0,2}[„“\"»]")


def opens_quote(text: str) -> bool:
    """The sentence begins with a quotation: someone's words, not the news itself."""
    return bool(_OPENS_QUOTE.match(text))


def lead_index(sentences: Sequence) -> int:
    """Where the article's news begins: its first sentence, unless it opens with a quote
    ("„Ha a gyerekeinknek…” – mondta…"), a feature's way in; then the first that does not."""
    return next((i for i, s in enumerate(sentences) if not opens_quote(s.text)), 0)


def quote_piece(text: str) -> bool:
    """It opens a quotation it does not close, or closes one it did not open: cut from a
    longer quote, it reads wrongly on its own."""
    return sum(text.count(c) for c in "„“") != text.count("”")


def article_year(sentence) -> int:
    """The year its article appeared, 0 when unknown."""
    published = getattr(getattr(sentence, "article", None), "published", "") or ""
    return int(published[:4]) if published[:4].isdigit() else 0


def rate(sentences: Sequence, passing: frozenset[str] = frozenset(), centrality: float = 1.0) -> np.ndarray:
    """How much each of one article's sentences tells: central (LexRank, times `centrality`),
    specific (the names `passing` aside), placed where news puts its facts, and whole."""
    if not sentences:
        return np.zeros(0)
    texts = [s.text for s in sentences]
    year = article_year(sentences[0])
    score = centrality * lexrank(texts) + np.array([specificity(t, year, passing) - _BACKGROUND * past_only(t, year) for t in texts])
    lead = lead_index(sentences)
    score += np.array([0.0 if i < lead else prior(s, sentences[lead]) for i, s in enumerate(sentences)])
    return score - _QUOTE_PIECE * np.array([quote_piece(t) for t in texts])


# A word in three of a story's four articles (and in both of two) is the story's own.
_COMMON_SHARE = 0.75


def background(articles: Sequence[frozenset[str]]) -> frozenset[str]:
    """The story's own words, given each article's stems: those most of its articles
    repeat ("Fekete Zoltán, a vízmű volt vezérigazgatója"). A sentence that restates them
    beside a new fact is not a repeat, and repeating them is no news."""
    if len(articles) < 2:
        return frozenset()
    counts = Counter(w for stems_ in articles for w in stems_)
    return frozenset(w for w, n in counts.items() if n >= max(2, math.ceil(_COMMON_SHARE * len(articles))))


def topic_news(topic: frozenset[str], words: Sequence[frozenset[str]]) -> frozenset[str]:
    """The topic's stems that are not the story's own, given each article's folded words: a
    stem most articles write in some form ("ozd" of "ózdi", while they write "Ózdon", stemmed
    "oz") names the story, and a sentence that writes it tells no more of the topic."""
    held = [frozenset(t for t in topic if any(w.startswith(t) for w in article)) for article in words]
    return topic - background(held)


def news_facts(text: str, year: int = 0) -> frozenset[str]:
    """The figures a sentence gives in digits ("300", "1,8"; a past century's year is none, nor,
    with its article's `year` known, a year before it), for telling which of them a summary has
    not given yet. Names are left out: counted too, they gained nothing on the dev requests (a
    capitalised word is often no fact). "3 400" and "3400" are one figure."""
    return frozenset("".join(t.split()) for t in _NUMBER_TOKEN.findall(_news(text, year)))
