"""Which retrieved sentence answers a fact question, and how sure that is.

Each candidate sentence is described by a few general features — closeness in meaning,
shared words, whether it and its passage name the people, places and organisations the
question names, whether it holds the kind of thing asked for (a number near what is
asked, a date), whether it is a headline — and one logistic model, fitted on the dev
questions only (`python -m eval calibrate`), turns them into the probability that the
sentence answers. The best candidate is quoted when that probability reaches the
threshold fitted with it; otherwise the engine refuses.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from index import split_sentences
from qa.evidence import Sentence
from qa.planner import fold as _fold
from qa.text import answer_type, content_stems, fold_name, language, names, new_names, satisfies, stopwords, words


WEIGHTS_FILE = Path(__file__).with_name("chooser.json")
FEATURES = (
    "cosine", "gap", "position", "passage_rank", "overlap", "focus_sentence", "focus_context", "entities_sentence",
    "entities_passage", "type_ok", "unit_ok", "constraints", "specific", "new_name", "name_phrase", "novel", "causal",
    "headline",
)

# What a quantity question measures, read from its words, and how a sentence writes it.
# These are the units of the language, not of any question set: money, length, share,
# age, duration. A "how much did it cost" answered with "86 méter" is a near miss.
_UNITS = (
    (re.compile(r"\b(mennyibe|mennyi(be)? (penz|forint|osszeg)|mekkora (osszeg|tamogatas|nyereseg|eredmeny|bevetel|ar|koltseg)|"
                r"mennyi( volt)? (a |az )?(nyereseg|eredmeny|bevetel|ar|koltseg|tamogatas)|how much (did|does|will|money)|cost|profit|revenue|price)"),
     re.compile(r"(forint|ft\b|euro|eur\b|dollar|usd|\$|€)")),
    (re.compile(r"\b(milyen hosszu|hany meter|milyen szeles|milyen magas|mekkora tavolsag|how long is|how tall|how wide|how far|how big|how large|length)"),
     re.compile(r"\b(\w*meter\w*|km\b|m\b|centi\w*)")),
    (re.compile(r"\b(hany szazal|mekkora (a |az )?(reszese|arany)|what share|what percent|percentage|turnout|reszvetel)"),
     re.compile(r"(szazal|%|percent)")),
    (re.compile(r"\b(hany eves|how old|eletkor)"), re.compile(r"\b(eves|\d+ ev\b|years? old)")),
    (re.compile(r"\b(mennyi ido|mennyi ideig|hany (ev|honap|nap|het|ora|perc)|meddig tart|how long (did|does|will)|how many (years|months|days))"),
     re.compile(r"\b(ev|evig|evre|honap\w*|nap\w*|het\w*|ora\w*|perc\w*|ideig|idore|years?|months?|days?|weeks?|indefinite\w*)\b")),
)
_DIGIT = re.compile(r"\d")
# Questions after a person or an organisation ("Ki lett…", "Melyik cég…"): their answer
# is a name of two or more words ("Kővári Bence", "Alföld-Híd Építő Zrt."), not a sentence
# that restates the question ("Az új polgármester korábban…").
_WHO = re.compile(r"^\W*(ki|kik|kit|kivel|kikkel|kinek|kitol|kirol|who|whom|whose|(melyik|mely|which|what) (ceg|vallalat|tarsasag|"
                  r"csapat|klub|part|szervezet|intezmeny|company|firm|team|club|party|organi[sz]ation))\b")
_NAME_PHRASE = re.compile(r"\b[A-ZÁÉÍÓÖŐÚÜŰ][\w-]+\.?\s+[A-ZÁÉÍÓÖŐÚÜŰ][\w-]*")
_CAUSAL = re.compile(r"\b(mert|miatt|ezert|emiatt|okan|oka|indok\w*|mivel|because|due to|since|as a result)\b")
_WHY = re.compile(r"\b(miert|mi(nek)? az oka|mi okbol|why|for what reason)\b")
LOOK = 8  # candidates considered: the answer is among the top 8 for ~96 % of questions

# Only when qa/chooser.json is missing (`python -m eval calibrate` writes it): rough
# hand-set weights in the same feature scales, so the engine still answers and refuses.
_DEFAULT = {
    "weights": {"cosine": 2.0, "overlap": 4.0, "entities_sentence": 1.0, "entities_passage": 2.0, "type_ok": 3.0,
                "unit_ok": 1.0, "new_name": 0.5, "causal": 0.5, "headline": -2.0, "gap": 0.5, "position": -0.5},
    "bias": -9.0,
    "threshold": 0.5,
    "second_margin": 0.05,
}


@dataclass(frozen=True)
class Choice:
    sentence: Sentence
    probability: float
    features: dict[str, float]


def entity_keys(question: str, passages_text: str) -> set[str]:
    """The question's names, by their stems' first letters: capitalised words after the
    first, and lower-case words the passages spell with a capital ("békési" ~ "Békés")."""
    capitals = {fold_name(w) for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-ZÁÉÍÓÖŐÚÜŰ]\w+", passages_text)}
    keys = set()
    for i, w in enumerate(words(question)):
        if len(w) < 3 or w.lower() in stopwords():
            continue
        key = fold_name(w)
        if (i > 0 and w[:1].isupper()) or (w[:1].islower() and key in capitals):
            keys.add(key)
    return keys


def _share(keys: set[str], text: str) -> float:
    if not keys:
        return 1.0
    have = {fold_name(w) for w in words(text)}
    return len(keys & have) / len(keys)


def _focus_stems(question: str, keys: set[str]) -> frozenset[str]:
    """The stems of what the question asks about, its names left out: in "Hány embert
    foglalkoztat a Hajdú Energia?" the count must stand by "embert", not by the company."""
    kept = [w for w in words(question) if fold_name(w) not in keys and not w[:1].isupper()]
    return frozenset(content_stems(" ".join(kept)))


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


def _name_phrase(sentence: str, question: str) -> bool:
    """A run of two capitalised words (not a sentence's capitalised article) the question lacks."""
    asked = {fold_name(w) for w in words(question)}
    for m in _NAME_PHRASE.finditer(sentence):
        parts = [w for w in words(m.group()) if w.lower() not in stopwords()]
        if len(parts) >= 2 and not all(fold_name(w) in asked for w in parts):
            return True
    return False


def features(question: str, ranked: Sequence[Sentence], floors: dict[str, float], focus: str | None = None) -> list[dict[str, float]]:
    """The features of each of the first LOOK candidates, in ranked order."""
    top = list(ranked[:LOOK])
    if not top:
        return []
    asked = focus or question
    passages = " ".join({f"{s.hit.passage.title} {s.hit.passage.text}" for s in top})
    keys = entity_keys(asked, passages)
    english = language(question) == "en"
    if english:
        # An English question spells names its own way ("Pyongyang", "Kim Jong Un"); only
        # the names the passages spell alike ("Putin" ~ "Putyin") can say which one fits.
        spelled = {fold_name(w) for w in words(passages)}
        keys = {k for k in keys if k in spelled}
    kind = answer_type(asked)
    # English words never occur in the articles: what is asked about cannot be matched by words.
    about = frozenset() if english else _focus_stems(asked, keys)
    best = max(s.cosine for s in top)
    folded_q = _fold(asked)
    floor = floors[language(question)]
    unit = next((u for q, u in _UNITS if q.search(folded_q)), None)
    wants_name = kind == "name"
    who = bool(_WHO.search(folded_q))
    asked_stems = set(content_stems(asked))
    why = bool(_WHY.search(folded_q))
    splits: dict[str, list[tuple[int, int]]] = {}  # each passage split once, not per candidate
    out = []
    for i, s in enumerate(top):
        title = s.hit.passage.title
        folded_s = _fold(s.text)
        stems = set(content_stems(s.text))
        p = s.hit.passage
        spans = splits.setdefault(p.passage_id, split_sentences(p.text))
        context = stems | set(content_stems(_neighbours(s, spans)))
        f = {
            "unit_ok": float(bool(unit.search(folded_s))) if unit else 1.0,
            "new_name": float(bool(new_names(s.text, asked))) if wants_name else 1.0,
            "name_phrase": float(_name_phrase(s.text, asked)) if who else 1.0,
            # Share of the sentence's words the question lacks: an answer adds something.
            "novel": len(stems - asked_stems) / len(stems) if stems else 0.0,
            "causal": float(bool(_CAUSAL.search(folded_s))) if why else 1.0,
            # In steps of 0.05 from the language's floor: e5 cosines live in ~0.75-0.9, and
            # on their own scale a regularised fit would all but ignore them.
            "cosine": (s.cosine - floor) / 0.05,
            "overlap": s.overlap,
            "focus_sentence": len(about & stems) / len(about) if about else 1.0,
            "focus_context": len(about & context) / len(about) if about else 1.0,
            "entities_sentence": _share(keys, s.text),
            "entities_passage": _share(keys, f"{title} {s.hit.passage.text}"),
            "type_ok": float(satisfies(s.text, kind, about)),
            "specific": float(_specific(s.text)),
            "headline": float(" ".join(s.text.split()).strip(" .") == " ".join(title.split()).strip(" .")),
            "gap": (s.cosine - best) / 0.05,
            "position": i / LOOK,
            "passage_rank": (s.hit.rank - 1) / LOOK,
        }
        # Every constraint met at once: the names (in the sentence or its passage), the
        # kind of thing asked for and its unit. A sentence meeting some loses to one meeting all.
        f["constraints"] = float(f["entities_passage"] == 1.0 and f["type_ok"] and f["unit_ok"])
        out.append(f)
    return out


def own_weights(backend: str) -> Path:
    """Where the chooser fitted on this embedding backend's cosines goes: int8 moves them; onnx-float32 gives torch's."""
    return WEIGHTS_FILE if backend in ("torch", "onnx-float32") else WEIGHTS_FILE.with_name(f"chooser-{backend}.json")


def weights_for(backend: str) -> Path:
    """The chooser fitted for this backend if there is one, else the float32 one."""
    own = own_weights(backend)
    return own if own.is_file() else WEIGHTS_FILE


class Chooser:
    @classmethod
    def from_settings(cls, settings) -> "Chooser":
        """The fitted model of `settings.chooser_file`, measuring cosines from the settings' floors."""
        return cls(settings.chooser_file or weights_for(settings.embed_backend), {"hu": settings.min_relevance, "en": settings.min_relevance_en})

    def __init__(self, path: Path = WEIGHTS_FILE, floors: dict[str, float] | None = None):
        # e5 cosines between English questions and Hungarian sentences run ~0.035 lower.
        self.floors = floors or {"hu": 0.82, "en": 0.785}
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else _DEFAULT
        self.weights = {k: float(data["weights"].get(k, 0.0)) for k in FEATURES}
        self.bias = float(data["bias"])
        self.threshold = float(data["threshold"])
        self.second_margin = float(data.get("second_margin", 0.05))

    def probability(self, f: dict[str, float]) -> float:
        z = self.bias + sum(self.weights[k] * f[k] for k in FEATURES)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def rate(self, question: str, ranked: Sequence[Sentence], focus: str | None = None) -> list[Choice]:
        """The candidates with their probabilities, most likely first."""
        rated = [Choice(s, self.probability(f), f) for s, f in zip(ranked, features(question, ranked, self.floors, focus))]
        return sorted(rated, key=lambda c: -c.probability)

    def choose(self, question: str, ranked: Sequence[Sentence], focus: str | None = None, most: int = 2) -> tuple[list[Choice], float]:
        """(the sentences to quote, the best probability); none when it is below the threshold."""
        return self.pick(self.rate(question, ranked, focus), most)

    def pick(self, rated: Sequence[Choice], most: int = 2) -> tuple[list[Choice], float]:
        """`choose` over candidates already rated (`rate`), for a caller that also needs the ratings."""
        if not rated:
            return [], 0.0
        best = rated[0]
        if best.probability < self.threshold:
            return [], best.probability
        chosen = [best]
        for c in rated[1:most]:
            # A second sentence only when it is nearly as likely: answers spanning two sentences.
            if c.probability >= max(self.threshold, best.probability - self.second_margin) and c.sentence.text != best.sentence.text:
                chosen.append(c)
        return chosen, best.probability
