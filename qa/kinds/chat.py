"""Greetings, thanks, "what can you do", "help": a short answer in the question's language
with example requests drawn from the current collection; never a refusal, no citations."""

from __future__ import annotations

import re
from collections import Counter

from index import Article
from qa.kinds.common import Library, finish, md, when
from qa.kinds.salience import SAID
from qa.planner import Request, fold
from qa.request_cues import IDENTITY
from qa.retrieval import Filters
from qa.text import definite_article, stopwords
from qa.types import Answer

_THANKS = re.compile(r"\b(koszi|koszonom|kosz|thanks?|thank you|cheers)\b")

TEXT = {
    "hu": {
        "hello": "Szia! A betöltött {n} cikkből válaszolok ({first} – {last}), és minden állításnál megmutatom, melyik mondatból vettem.",
        "me": "Program vagyok, nem ember: csak azt mondom, amit a cikkek mondatai alátámasztanak.",
        "thanks": "Szívesen! Kérdezzen bátran tovább.",
        "empty": "Szia! Még nincs betöltött cikk: töltsön fel néhányat, és kérdezzen róluk.",
        "try": "Kérdezhet például:",
        "fact": "Mit tudunk {name} kapcsán?",
        "summary": "Foglald össze {the} „{title}” című cikket!",
        "timeline": "Mi történt időrendben {name} kapcsán?",
        "collection": "Milyen cikkek vannak, és mikor jelentek meg?",
    },
    "en": {
        "hello": "Hi! I answer from the {n} loaded articles ({first} – {last}), and show for every claim the sentence it comes from.",
        "me": "I am a program, not a person: I say only what the articles' sentences support.",
        "thanks": "You're welcome! Ask away.",
        "empty": "Hi! No articles are loaded yet: add a few and ask about them.",
        "try": "You could ask, for example:",
        "fact": "What do the articles say about {name}?",
        "summary": "Summarize the article “{title}”.",
        "timeline": "What happened with {name}, in order?",
        "collection": "Which articles are there, and when did they appear?",
    },
}


def answer(request: Request, library: Library, filters: Filters | None) -> Answer:
    lang, t = request.language, TEXT[request.language]
    articles = library.articles()
    if not articles:
        return finish(request, t["empty"])
    lines = [t["thanks"]] if _THANKS.search(fold(request.question)) else []
    # asked what it is ("Ember vagy, vagy program?", "Am I talking to a human?"): say so first
    lines += [t["me"]] if IDENTITY.search(fold(request.question)) else []
    lines.append(t["hello"].format(n=len(articles), first=when(articles[0].published, lang), last=when(articles[-1].published, lang)))
    name = frequent_name(articles) or articles[-1].title
    newest = articles[-1]
    lines += ["", t["try"]]
    for key in ("fact", "summary", "timeline", "collection"):
        lines.append(f"- {t[key].format(name=md(name), title=md(newest.title), the=definite_article(newest.title))}")
    return finish(request, "\n".join(lines))


def frequent_name(articles: list[Article]) -> str:
    """The name most titles share (a person, a place, a company), as written in a title."""
    counts: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for a in articles:
        for i, word in enumerate(re.findall(r"[\w-]+", a.title)):
            if i and word[:1].isupper() and word.lower() not in stopwords() and len(word) > 2:
                key = fold(word)[:5]
                counts[key] += 1
                # The shortest spelling is the likeliest to be uninflected: "Szeged", not "Szegeden";
                # one without the adjective's -i first: "Kecskemét kapcsán", not "Kecskeméti kapcsán".
                if key not in spelled or _plainness(word) < _plainness(spelled[key]):
                    spelled[key] = word
    if not counts:
        return ""
    # The texts' capitalised words: how often each name is written (titles being as frequent),
    # and its bare form where a title wrote it inflected only ("Ajkán": "Ajka").
    # The newest articles' texts, not an archive's every one: a greeting must be answered at once.
    written = [w for a in articles[-_TEXTS:] for w in _CAPITALISED.findall(getattr(a, "text", ""))]
    in_texts = Counter(fold(w)[:5] for w in written)
    # Of names as frequent, a noun's: an adjective in -i ("Kecskeméti") reads badly before "kapcsán".
    key = max(counts, key=lambda k: (counts[k], not spelled[k].endswith("i"), in_texts[k]))
    return bare(spelled[key], written)


_TEXTS = 300
_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]+")
# The longest case ending a bare form may lack: "-ján", "-ban", "-nál".
_ENDING = 3


def bare(name: str, written: list[str]) -> str:
    """The shortest form of the name the texts write capitalised, at most a case ending
    shorter: "Ajkán" -> "Ajka"; an adjective ("Ajkai") is none."""
    folded = fold(name)
    forms = [w for w in written if folded.startswith(fold(w)) and len(folded) - len(w) <= _ENDING and len(w) >= 4 and not w.endswith("i")]
    return min(forms, key=len) if forms and not name.endswith("i") else name


def _plainness(word: str) -> tuple[bool, int]:
    return word.endswith("i"), len(word)


# "– mondta Kovács Dénes vezetőedző", "– nyilatkozta Kim Dzsongun": who an article quotes, by name.
_SAID = re.compile(rf"[–—-]\s*(?:{SAID}|jelentette ki)\s+"
                   r"(?:[Dd]r\.\s+)?([A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]+(?:\s+[A-ZÁÉÍÓÖŐÚÜŰ][\wáéíóöőúüű-]+)+)")


def speaker_question(articles: list[Article]) -> str | None:
    """A fact question the collection answers with a quote: "Mit mondott Kim Dzsongun?", for the
    person the newest article quoting someone by name quotes (articles oldest first); None when
    no article quotes anyone by name."""
    for article in reversed(articles):
        if said := _SAID.search(article.text):
            return f"Mit mondott {said.group(1)}?"
    return None
