"""Which retrieved sentence answers a fact question, and how sure that is.

Each candidate sentence is described by a few general features — closeness in meaning,
shared words, whether it and its passage name the people, places and organisations the
question names, whether it holds the kind of thing asked for (a number near what is
asked, a date), whether it is a headline — and one model, fitted on the dev questions
only (`python -m eval calibrate`), turns them into the probability that the sentence
answers. The model is "logistic" (each candidate rated on its own) or "softmax" (the
candidates of one question compete with each other and with "none of them", so a
candidate is likely only when it beats its rivals; shipped, fitted on every dev set by
`scripts/calibrate.sh`). The best candidate is quoted when the chooser's sureness (`sureness`:
its probability, or a softmax's two likeliest together) reaches the threshold fitted with it;
otherwise the engine refuses.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from qa.chooser_features import FEATURES, LOOK, features, fills_slot
from qa.evidence import Sentence

__all__ = ["FEATURES", "LOOK", "MODELS", "WEIGHTS_FILE", "Choice", "Chooser", "best_of", "features", "probabilities", "sureness"]

logger = logging.getLogger(__name__)
WEIGHTS_FILE = Path(__file__).with_name("chooser.json")
MODELS = ("logistic", "softmax")
# Read on the dev sets (each fitted on all the others), as qa.near_misses tells.
NEAR_MISS_FLOOR = {"logistic": 0.5, "softmax": 0.2}

# Only when qa/chooser.json is missing (`python -m eval calibrate` writes it): rough
# hand-set weights in the same feature scales, so the engine still answers and refuses.
_DEFAULT = {
    "weights": {"cosine": 2.0, "overlap": 4.0, "entities_sentence": 1.0, "entities_passage": 2.0, "type_ok": 3.0,
                "unit_ok": 1.0, "new_name": 0.5, "causal": 0.5, "headline": -2.0, "gap": 0.5, "position": -0.5},
    "bias": -9.0,
    "model": "logistic",
    "threshold": 0.5,
    "second_margin": 0.05,
}


def probabilities(model: str, weights: dict[str, float], bias: float, feats: Sequence[dict[str, float]]) -> list[float]:
    """Each candidate's probability of being the answer.

    "logistic": sigmoid(bias + w·x) per candidate. "softmax": over the candidates and a
    "none" option scored 0, exp(bias + w·x) / (1 + Σ exp(bias + w·x')): for one candidate
    alone the two agree."""
    z = [max(-50.0, min(50.0, bias + sum(weights.get(k, 0.0) * f[k] for k in FEATURES))) for f in feats]
    if model == "logistic":
        return [1.0 / (1.0 + math.exp(-v)) for v in z]
    top = max([0.0, *z])
    e = [math.exp(v - top) for v in z]
    total = math.exp(-top) + sum(e)
    return [v / total for v in e]


@dataclass(frozen=True)
class Choice:
    sentence: Sentence
    probability: float
    features: dict[str, float]


def own_weights(backend: str, reranked: bool = False) -> Path:
    """Where the chooser fitted on this embedding backend's cosines goes: int8 moves them; onnx-float32 gives torch's.
    A chooser reading the reranker's scores (`qa.reranker`) is fitted apart: chooser-rerank[-backend].json."""
    name = "chooser-rerank" if reranked else "chooser"
    return WEIGHTS_FILE.with_name(f"{name}.json" if backend in ("torch", "onnx-float32") else f"{name}-{backend}.json")


def query_backend(settings) -> str:
    """The backend whose cosines the chooser reads: the questions' (a server's are its own)."""
    return "server" if settings.embed_base_url else settings.query_backend


def weights_for(backend: str, reranked: bool = False) -> Path:
    """The chooser fitted for this backend if there is one, else the float32 one."""
    for path in (own_weights(backend, reranked), own_weights("torch", reranked)):
        if path.is_file():
            return path
    return weights_for(backend) if reranked else WEIGHTS_FILE


class Chooser:
    @classmethod
    def from_settings(cls, settings) -> "Chooser":
        """The fitted model of `settings.chooser_file`, measuring cosines from the settings' floors;
        with the reranker where it can be had, and the chooser fitted with it."""
        from qa import reranker

        reranked = reranker.available(settings)
        chooser = cls(settings.chooser_file or weights_for(query_backend(settings), reranked),
                      {"hu": settings.min_relevance, "en": settings.min_relevance_en})
        if chooser.reads_cross:
            chooser.reranker = reranker.load(settings) if reranked else None
            if chooser.reranker is None and not settings.chooser_file:
                # it failed to load (it says why): the chooser fitted without it
                return cls(weights_for(query_backend(settings)), chooser.floors)
            if chooser.reranker is None:
                logger.warning("%s reads the reranker's scores, which cannot be had here: they count as 0", chooser.path)
        return chooser

    def __init__(self, path: Path = WEIGHTS_FILE, floors: dict[str, float] | None = None, reranker=None):
        self.path = path
        # e5 cosines between English questions and Hungarian sentences run ~0.035 lower.
        self.floors = floors or {"hu": 0.82, "en": 0.785}
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else _DEFAULT
        self.weights = {k: float(data["weights"].get(k, 0.0)) for k in FEATURES}
        self.bias = float(data["bias"])
        self.model = data.get("model", "logistic")
        if self.model not in MODELS:
            raise ValueError(f"{path}: unknown chooser model {self.model!r}, expected one of {', '.join(MODELS)}")
        self.threshold = float(data["threshold"])
        self.second_margin = float(data.get("second_margin", 0.05))
        # From which probability a refusal shows the likeliest sentences (`qa.near_misses`): a
        # softmax's candidates share one unit between them and "none", so its scale is lower.
        self.near_miss_floor = float(data.get("near_miss_floor", NEAR_MISS_FLOOR[self.model]))
        self.confidence_map = tuple(float(v) for v in data.get("confidence_map", (1.0, 0.0)))
        # Only a chooser fitted with the reranker's scores reads them (its weight is not 0).
        self.reads_cross = bool(self.weights["cross"] or self.weights["rel_cross"])
        self.reranker = reranker if self.reads_cross else None

    def confidence(self, probability: float) -> float:
        """The chooser's sureness (`sureness`) as the share of such answers that hold
        (`confidence_map`, fitted by `python -m eval calibrate`); monotone, so choosing and
        refusing by the raw sureness and its threshold is unchanged."""
        a, b = self.confidence_map
        p = min(max(probability, 1e-6), 1 - 1e-6)
        return 1.0 / (1.0 + math.exp(-(a * math.log(p / (1 - p)) + b)))

    def rate(self, question: str, ranked: Sequence[Sentence], focus: str | None = None) -> list[Choice]:
        """The candidates with their probabilities, most likely first."""
        feats = features(question, ranked, self.floors, focus, self.cross(question, ranked))
        probs = probabilities(self.model, self.weights, self.bias, feats)
        rated = [Choice(s, p, f) for s, p, f in zip(ranked, probs, feats)]
        return sorted(rated, key=lambda c: -c.probability)

    def cross(self, question: str, ranked: Sequence[Sentence]) -> list[float] | None:
        """The reranker's score of each of the first LOOK candidates, or None without one."""
        if self.reranker is None:
            return None
        return self.reranker.scores(question, [(s.text, s.hit.passage.title) for s in ranked[:LOOK]])

    def choose(self, question: str, ranked: Sequence[Sentence], focus: str | None = None, most: int = 2) -> tuple[list[Choice], float]:
        """(the sentences to quote, the chooser's sureness); none when it is below the threshold."""
        return self.pick(self.rate(question, ranked, focus), most)

    def pick(self, rated: Sequence[Choice], most: int = 2) -> tuple[list[Choice], float]:
        """`choose` over candidates already rated (`rate`), for a caller that also needs the ratings."""
        rated = [c for c in rated if fills_slot(c.features)]
        # A refusal reports the best answer it could have given, not one it ruled out.
        mass = sureness(self.model, [c.probability for c in rated])
        if not rated or mass < self.threshold:
            return [], mass
        best = rated[0]
        chosen = [best]
        for c in rated[1:most]:
            # A second sentence only when it is nearly as likely: an answer told twice, or
            # spanning two sentences.
            if c.probability >= best.probability - self.second_margin and (self.model == "softmax" or c.probability >= self.threshold) \
                    and c.sentence.text != best.sentence.text:
                chosen.append(c)
        return chosen, mass


def sureness(model: str, probs: Sequence[float]) -> float:
    """How sure the chooser is that its likeliest candidate answers, from the probabilities of
    the candidates that can answer, likeliest first; what the threshold is compared with.

    A logistic model rates each candidate alone: its likeliest one's probability. A softmax
    shares one unit among the candidates and "none", and an answer told twice (in the lead
    and again in a quotation) splits its share between the two sentences: the two likeliest
    candidates' probabilities together. On the sample articles the Beijing meeting was rated
    0.454 and 0.450 in two sentences, each under the threshold the likeliest alone was fitted
    with. Leaving each of the 24 dev sets dev6 … dev29 out in turn, right answers plus right
    refusals minus wrong quotes read 405 by the two together: a little under the likeliest
    alone (423), which refuses such a twice-told answer, far over the logistic shipped before
    (329); all candidates together read 321."""
    if not probs:
        return 0.0
    return float(sum(sorted(probs, reverse=True)[:2])) if model == "softmax" else float(max(probs))


def best_of(probs: Sequence[float], feats: Sequence[dict[str, float]], model: str = "logistic") -> tuple[float, int]:
    """The likeliest candidate that can answer at all (`fills_slot`): (the chooser's sureness,
    its index), or (0.0, -1) when none can. `Chooser.pick` and the offline fit decide alike."""
    eligible = [i for i, f in enumerate(feats) if fills_slot(f)]
    if not eligible:
        return 0.0, -1
    i = max(eligible, key=lambda i: probs[i])
    return sureness(model, [probs[j] for j in eligible]), i

