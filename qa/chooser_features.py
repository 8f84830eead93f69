"""The fact chooser's features: what each candidate sentence offers the question.

Closeness in meaning, shared words, whether the sentence and its passage name the
people, places and organisations the question names, whether it holds the kind of
thing asked for (a number near what is asked, in the unit asked, a date, a name),
whether it is a headline. `qa.chooser` turns them into a probability.
"""

from __future__ import annotations

import re
from typing import Sequence

from index import split_sentences
from qa import bilingual
from qa.answer_window import window_feature
from qa.event_dates import day_ok, days_named
from qa.evidence import Sentence
from qa.name_match import capitals_of, english_keys, entity_keys, name_phrase, share, spells_name
from qa.planner import fold as _fold
from qa.slots import asks_company, counted, counted_en, counts, counts_as_titled, has_calendar_date, new_company, new_person
from qa.text import answer_type, content_stems, language, names, new_names, satisfies, unlengthened, word_stems, words
from qa.units import asked_unit, asks_why, gives_reason

FEATURES = (
    "cosine", "gap", "position", "passage_rank", "overlap", "focus_sentence", "focus_context", "entities_sentence",
    "entities_passage", "type_ok", "unit_ok", "constraints", "specific", "new_name", "name_phrase", "novel", "causal",
    "headline", "person", "company", "counted", "calendar", "window", "cross",
    # what the question asks and its language, the same for all its candidates: each kind of
    # question, and English, gets its own footing against "none of them"
    "asks_why", "asks_number", "asks_date", "asks_name", "asks_where", "asks_how", "english",
)
# The checks a candidate is also judged on relative to the best of the candidates: a
# sentence that meets part of what the question asks loses to one beside it that meets
# more. The logistic model scores each candidate alone; without these it cannot see that
# a rival does better. In grouped 5-fold CV on the 243 dev questions (6 seeds) they raised
# accuracy 0.61 -> 0.64 and the right first pick 0.68 -> 0.71, false refusals 0.25 -> 0.21
# (the best of the candidates as a feature of its own did less: 0.63 / 0.70).
RELATIVE = ("constraints", "entities_passage", "type_ok", "focus_sentence", "focus_context", "overlap", "unit_ok",
            "person", "counted", "calendar", "window", "cross")
FEATURES = (*FEATURES, *(f"rel_{k}" for k in RELATIVE))

_DIGIT = re.compile(r"\d")
# Questions after a person or an organisation ("Ki lett…", "Melyik cég…"): their answer
# is a name of two or more words ("Kővári Bence", "Alföld-Híd Építő Zrt."), not a sentence
# that restates the question ("Az új polgármester korábban…").
# Matched on the question lower-cased but not folded: "párt" (party) is not "part" (shore).
# Bare "ki" only opens a question ("Ki lett…?"): later it is also a verb prefix ("nevezték ki").
_WHO = re.compile(r"^\W*((és|de|s|hát) )?(ki|kik)\b|\b(kit|kiket|kivel|kikkel|kinek|kiknek|kitől|kiktől|kiről|kikről|kire|kikre|"
                  r"kihez|kikhez|kiből|kinél|kiért|kié)\b|^\W*((and|so) )?(who|whom|whose)\b|\b(with|to|by|for|from) whom\b|"
                  r"\b(melyik|mely) (cég|vállalat|társaság|csapat|klub|párt|szervezet|intézmény|egyesület)\w*|"
                  r"\b(which|what) (company|companies|firm|team|club|party|parties|organi[sz]ation)\b|"
                  # asking a person's name outright: "Hogy hívják a…", "Mi a neve…", "What is the name of…"
                  r"\b(hogy|hogyan) hívják\b|\bmi a neve\b|\bwhat('s| is) (the |his |her )?name\b")
# Where- and how-questions, on folded text ("Hol tart…?" asks how far along, "Hogyan hívják…?" a name)
_WHERE = re.compile(r"\b(hol(?! tart)|hova|honnan|merre|melyik (varos|telepules|falu|orszag|megye|kerulet|korhaz|helyszin)\w*|"
                    r"where|(in|to|from) which (city|town|village|country|county|district|hospital))\b")
_HOW = re.compile(r"\b(hogyan(?! hivjak)|milyen modon|mikent|how (?!many|much|long|old|far|big|large|tall|deep|wide|often|high|fast|"
                  r"expensive|heavy|serious|severe|soon|late|early))\b|^\W*hogy (?!hivjak)")
_UNTIL = re.compile(r"^\W*((es|de) )?meddig\b|\buntil when\b")
LOOK = 8  # candidates considered: the answer is among the top 8 for ~96 % of questions


def _focus_stems(question: str, capitals: set[str]) -> frozenset[str]:
    """The stems of what the question asks about, its names left out: in "Hány embert
    foglalkoztat a Hajdú Energia?" the count must stand by "embert", not by the company."""
    return frozenset(content_stems(_unnamed(question, capitals)))


def _focus_words(question: str, capitals: set[str]) -> frozenset[str]:
    """`_focus_stems` as whole stems with their verb prefixes (`word_stems`), which
    `satisfies` finds inside compounds: "büntetés" in "fegyházbüntetésre"."""
    return frozenset(word_stems(_unnamed(question, capitals)))


def _unnamed(question: str, capitals: set[str]) -> str:
    """The question's words that name nothing (capitalised or spelled as the passages' names)."""
    return " ".join(w for w in words(question) if not w[:1].isupper() and not spells_name(w, capitals))


def fills_slot(features: dict[str, float]) -> bool:
    """Whether a candidate can answer at all: for a who-question it names a person the
    question does not, or a name of two or more words ("Szűcs Barbara"); a sentence that only
    restates the question's subject ("Az új polgármester korábban…", "– közölte a Vízügyi
    Igazgatóság") is no answer however close it is. And a question naming a year is answered
    only where that year is told (`year_ok`), one naming its event's day not by a sentence
    dating it to another day (`day_ok`)."""
    return bool(features.get("person", 1.0) or features.get("name_phrase", 1.0)) and bool(features.get("year_ok", 1.0)) \
        and bool(features.get("day_ok", 1.0))


# A year as the question names it ("a 2011-es népszavazáson", "2022-ben", "in 2019") and a
# sentence writes it.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def year_ok(asked_years: frozenset[int], sentence: str, context: str, published: int) -> bool:
    """The sentence (or the one before it, or its title) writes the year asked, or its article
    appeared in that year or the next (which says "tavaly" for it): the votes of a 2025
    referendum answer nothing about "a 2011-es népszavazás" its article mentions in passing."""
    if not asked_years:
        return True
    year = published // 10000
    written = {int(y) for y in _YEAR.findall(f"{sentence} {context}")}
    return any(y in written or 0 <= year - y <= 1 for y in asked_years)


def _neighbours(s: Sentence, spans: list[tuple[int, int]]) -> str:
    """The sentence before `s` in its passage (split into `spans`), and the article's
    title: what a sentence such as "A vállalat 520 embert foglalkoztat." leans on."""
    p = s.hit.passage
    at = s.start - p.start
    before = [p.text[a:b] for a, b in spans if b <= at]
    return f"{p.title} {before[-1] if before else ''}"


def _specific(text: str) -> bool:
    """Holds a number, a date or a name after its first word: generic sentences ("the
    relations are developing") rarely answer a factual question."""
    return bool(_DIGIT.search(text) or names(text) or satisfies(text, "date"))


def features(question: str, ranked: Sequence[Sentence], floors: dict[str, float], focus: str | None = None,
             cross: Sequence[float] | None = None) -> list[dict[str, float]]:
    """The features of each of the first LOOK candidates, in ranked order; `cross` the
    reranker's score of each (`qa.reranker`), 0 for all where there is none."""
    top = list(ranked[:LOOK])
    if not top:
        return []
    asked = focus or question
    passages = "\n".join({f"{s.hit.passage.title}\n{s.hit.passage.text}" for s in top})
    capitals = capitals_of(passages)
    keys = entity_keys(asked, capitals)
    # The user's own words say the language: a follow-up's rewrite adds the conversation's
    # Hungarian words to an English question ("And what did Russia call it? (…)").
    lang = language(asked)
    english = lang == "en"
    spell = _fold if english else unlengthened
    if english:
        keys = english_keys(keys, passages)
    kind = answer_type(asked)
    # English words never occur in the articles: what is asked about cannot be matched by words.
    about = frozenset() if english else _focus_stems(asked, capitals)
    about_words = frozenset() if english else _focus_words(asked, capitals)
    # Nor can the focus checks, but through a dictionary they can rank: see below.
    groups = bilingual.focus_groups(asked) if english else []
    best = max(s.cosine for s in top)
    folded_q = _fold(asked)
    floor = floors[lang]
    unit = asked_unit(asked)
    wants_name = kind == "name"
    who = bool(_WHO.search(asked.lower()))
    asked_stems = set(content_stems(asked))
    why = asks_why(asked)
    company = asks_company(asked)
    person = who and not company
    # What an English how-many question counts ("passengers") never stands in a Hungarian
    # sentence: its dictionary senses of few meanings do ("utas"; `counted_en`). Read so,
    # each dev set left out in turn (softmax refusing by its likeliest candidate, 24 sets), English
    # right answers 91 -> 94 of 236 with as many wrong; asked as written, `counted` was 0 for every English candidate.
    nouns = counted_en(asked) if english else counted(asked)
    when = kind == "date" or bool(_UNTIL.search(folded_q))
    asked_years = frozenset(int(y) for y in _YEAR.findall(asked))
    asked_days = days_named(asked, asked=True)
    splits: dict[str, list[tuple[int, int]]] = {}  # each passage split once, not per candidate
    out = []
    translated: list[tuple[float, float]] = []
    # what the question asks and its language: the same for every candidate, read once
    per_question = {"asks_why": float(why), "asks_number": float(kind == "number"), "asks_date": float(when),
                    "asks_name": float(who or wants_name), "asks_where": float(bool(_WHERE.search(folded_q))),
                    "asks_how": float(bool(_HOW.search(folded_q))), "english": float(english)}
    for i, s in enumerate(top):
        title = s.hit.passage.title
        folded_s = _fold(s.text)
        stems = set(content_stems(s.text))
        p = s.hit.passage
        spans = splits.setdefault(p.passage_id, split_sentences(p.text))
        neighbours = _neighbours(s, spans)
        context = stems | set(content_stems(neighbours))
        if groups:
            held = bilingual.forms(s.text)
            translated.append((bilingual.share(groups, held), bilingual.share(groups, held | bilingual.forms(neighbours))))
        f = {
            "unit_ok": float(bool(unit.search(folded_s))) if unit else 1.0,
            "new_name": float(bool(new_names(s.text, asked))) if wants_name else 1.0,
            "name_phrase": float(name_phrase(s.text, asked, capitals)) if who else 1.0,
            # Share of the sentence's words the question lacks: an answer adds something.
            "novel": len(stems - asked_stems) / len(stems) if stems else 0.0,
            "causal": float(gives_reason(s.text)) if why else 1.0,
            # In steps of 0.05 from the language's floor: e5 cosines live in ~0.75-0.9, and
            # on their own scale a regularised fit would all but ignore them.
            "cosine": (s.cosine - floor) / 0.05,
            "window": window_feature(s, floor),
            "overlap": s.overlap,
            "focus_sentence": len(about & stems) / len(about) if about else 1.0,
            "focus_context": len(about & context) / len(about) if about else 1.0,
            "entities_sentence": share(keys, s.text, spell),
            "entities_passage": share(keys, f"{title} {s.hit.passage.text}", spell),
            "type_ok": float(satisfies(s.text, kind, about_words)),
            "specific": float(_specific(s.text)),
            "headline": float(" ".join(s.text.split()).strip(" .") == " ".join(title.split()).strip(" .")),
            "gap": (s.cosine - best) / 0.05,
            "position": i / LOOK,
            "passage_rank": (s.hit.rank - 1) / LOOK,
        }
        f["person"] = float(new_person(s.text, asked)) if person else 1.0
        f["company"] = float(new_company(s.text, asked)) if company else 1.0
        f["counted"] = float(counts(s.text, nouns) or counts_as_titled(s.text, title, nouns)) if nouns else 1.0
        f["calendar"] = float(has_calendar_date(s.text)) if when else 1.0
        f["year_ok"] = float(year_ok(asked_years, s.text, neighbours, p.published_int))
        f["day_ok"] = float(day_ok(asked_days, s.text, neighbours))
        # Every constraint met at once: the names (in the sentence or its passage), the
        # kind of thing asked for and its unit. A sentence meeting some loses to one meeting all.
        f["constraints"] = float(f["entities_passage"] == 1.0 and f["type_ok"] and f["unit_ok"])
        f["cross"] = float(cross[i]) if cross is not None else 0.0
        f.update(per_question)
        out.append(f)
    # Rivals are the candidates that could answer: for a who-question, those naming a person
    # or a many-word name (the chooser's slot gate); a sentence that restates the question's
    # subject may match its words best, but a sentence that answers should not lose to it.
    rivals = [f for f in out if fills_slot(f)] or out
    for k in RELATIVE:
        best_k = max(f[k] for f in rivals)
        for f in out:
            f[f"rel_{k}"] = f[k] - best_k
    if translated:
        # An English question's words matched through the dictionary rank its candidates
        # against each other only: its absolute focus stays 1.0, for a dictionary's many
        # wrong senses must not lower every English answer's confidence (they did when used
        # absolutely: leaving each dev set out in turn, English accuracy 0.45 -> 0.38, while
        # as relatives 0.45 -> 0.53 and the right first pick 63 -> 69 of 108).
        eligible = {id(f) for f in rivals}
        for j, k in enumerate(("focus_sentence", "focus_context")):
            best_k = max(v[j] for v, f in zip(translated, out) if id(f) in eligible)
            for v, f in zip(translated, out):
                f[f"rel_{k}"] = v[j] - best_k
    return out
