"""Fitting the fact chooser on dev questions: `python -m eval calibrate --questions DEV`.

Every candidate sentence of every dev fact question becomes one example (its features,
and whether it holds one of the question's answers); a logistic regression over all
candidates, or a softmax over each question's candidates and "none" (`--model`), turns the
features into the probability that a sentence answers, and the refusal threshold is where
right outcomes minus wrong answers peak on dev. Only ever run it on dev: the test split measures.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import date
from pathlib import Path
from typing import Sequence

import numpy as np

from eval.folds import grouped_folds
from eval.metrics import normalize
from eval.questions import Question
from qa import Assistant
from qa.chooser import FEATURES, LOOK, WEIGHTS_FILE, best_of, features, probabilities
from qa.kinds import with_period

logger = logging.getLogger(__name__)
# Regularisation, chosen on grouped folds of the dev questions (8 seeds): logistic C 0.01 /
# 0.02 / 0.03 / 0.05 / 0.1 gave cross-validated accuracy 0.49 / 0.56 / 0.56 / 0.57 / 0.55,
# top-1 0.61 / 0.63 / 0.64 / 0.68 / 0.68 and false refusals 0.43 / 0.29 / 0.27 / 0.29 / 0.35;
# softmax the best top-1 of 0.3, 1, 3 and 10.
C = {"logistic": 0.05, "softmax": 1.0}


def examples(assistant: Assistant, questions: Sequence[Question], cross=None,
             dump: list[dict] | None = None) -> list[tuple[Question, list[dict], list[int]]]:
    """(question, candidate features, candidate labels) for each dev fact question; `cross`
    (`OutOfFold`) gives the reranker's scores, when the chooser is fitted with them. With
    `dump`, each question's candidates are also added to it as the reranker trains on them."""
    out = []
    for q in questions:
        if q.kind != "fact":
            continue
        request = assistant.plan(q.question, q.history)
        if request.kind != "fact":
            continue  # the planner's mistake, not the chooser's
        _, ranked = assistant.candidates(request, with_period(None, request))
        focus = request.question if request.standalone != request.question else None
        feats = features(request.standalone, ranked, assistant.chooser.floors, focus,
                         cross(request.standalone, ranked) if cross else None)
        answers = [normalize(a) for a in q.answers] if q.answerable else []
        labels = [int(any(a in normalize(s.text) for a in answers)) for s in ranked[: len(feats)]]
        out.append((q, feats, labels))
        if dump is not None:
            dump.append({"id": q.id, "question": request.standalone, "answerable": q.answerable,
                         "candidates": [{"text": s.text, "title": s.hit.passage.title, "label": y} for s, y in zip(ranked, labels)]})
    return out


OOF_FILE = Path(__file__).with_name("reranker_oof.json.gz")


def oof_key(question: str, sentence: str) -> str:
    return hashlib.sha1(f"{question}\n{sentence}".encode()).hexdigest()[:16]


class OutOfFold:
    """The reranker's scores for fitting the chooser. The reranker learned from these same dev
    questions, so its own scores of them are too good and a chooser fitted on them would trust
    it blindly; `eval/reranker_train.py` saved each question's candidates' scores by the
    adapters trained without the question's fold (`OOF_FILE`). A candidate it did not score
    (the candidates moved since) is scored live, and counted in `live`."""

    def __init__(self, reranker, path: Path = OOF_FILE):
        import gzip

        with gzip.open(path, "rt", encoding="utf-8") as f:
            self.saved: dict[str, float] = json.load(f)
        self.reranker = reranker
        self.live = self.total = 0

    def __call__(self, question: str, ranked) -> list[float]:
        top = list(ranked[:LOOK])
        keys = [oof_key(question, s.text) for s in top]
        missing = [i for i, k in enumerate(keys) if k not in self.saved]
        fresh = dict(zip(missing, self.reranker.scores(question, [(top[i].text, top[i].hit.passage.title) for i in missing]))) if missing else {}
        self.live += len(missing)
        self.total += len(top)
        return [fresh[i] if i in fresh else self.saved[k] for i, k in enumerate(keys)]


def _train(data, c: float = 0.1, model: str = "logistic") -> tuple[dict[str, float], float]:
    """Weights and bias of the chooser's `model` ("logistic" or "softmax") fitted on `data`."""
    return (_train_softmax if model == "softmax" else _train_logistic)(data, c)


def _train_logistic(data, c: float = 0.1) -> tuple[dict[str, float], float]:
    """Logistic regression over every candidate of every question, classes balanced.

    Weights are left free of sign priors: forcing "the sentence names the question's
    people" to count only in favour cut the cross-validated dev accuracy from 0.58 to 0.54
    (answering sentences often say "the company" where the question names it)."""
    from sklearn.linear_model import LogisticRegression

    X = np.array([[f[k] for k in FEATURES] for _, feats, _ in data for f in feats])
    y = np.array([label for _, _, labels in data for label in labels])
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(X, y)
    return dict(zip(FEATURES, (float(w) for w in model.coef_[0]))), float(model.intercept_[0])


def _train_softmax(data, c: float = 1.0) -> tuple[dict[str, float], float]:
    """A conditional logit: per question a softmax over its candidates and "none" (score 0).

    The likelihood of a question is the probability of its right candidates together, or
    of "none" when no candidate holds the answer (then refusing is right). L2 penalty
    |w|²/(2c) on the weights, not on the bias; fitted by L-BFGS."""
    from scipy.optimize import minimize

    rows = [(feats, labels) for _, feats, labels in data if feats]
    width = max(len(feats) for feats, _ in rows) + 1  # the last column is "none"
    X = np.zeros((len(rows), width, len(FEATURES)))
    target = np.zeros((len(rows), width))
    mask = np.zeros((len(rows), width), dtype=bool)
    for q, (feats, labels) in enumerate(rows):
        X[q, : len(feats)] = [[f[k] for k in FEATURES] for f in feats]
        mask[q, : len(feats)] = True
        target[q, : len(labels)] = labels
        target[q, -1] = not any(labels)

    def loss(theta):
        w, b = theta[:-1], theta[-1]
        z = np.where(mask, X @ w + b, -np.inf)
        z[:, -1] = 0.0
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        mass = (p * target).sum(axis=1)
        d = p - p * target / mass[:, None]  # d(-log mass)/dz; "none" has no weights
        d[:, -1] = 0.0
        grad = np.append(np.einsum("qc,qcf->f", d, X) + w / c, d.sum())
        return -np.log(mass).sum() + 0.5 * w @ w / c, grad

    theta = minimize(loss, np.zeros(len(FEATURES) + 1), jac=True, method="L-BFGS-B").x
    return dict(zip(FEATURES, (float(w) for w in theta[:-1]))), float(theta[-1])


def _best(weights: dict[str, float], bias: float, feats: list[dict], model: str = "logistic") -> tuple[float, int]:
    """The chooser's sureness and its best candidate's index, as the chooser picks it (`best_of`)."""
    return best_of(probabilities(model, weights, bias, feats), feats, model)


def _bests(data, weights, bias, model: str = "logistic") -> list[tuple[float, int]]:
    """Each question's best candidate: (its probability, its index), (0, -1) when none."""
    return [_best(weights, bias, feats, model) if feats else (0.0, -1) for _, feats, _ in data]


def _tally(data, bests, threshold: float) -> tuple[int, int, int]:
    """(right answers, right refusals, wrong answers) at `threshold`, given each question's
    best candidate (`_bests`): an answerable question answered with a sentence that does
    not hold its answer, or an unanswerable one answered at all, is wrong."""
    right = refused = wrong = 0
    for (q, _, labels), (p, i) in zip(data, bests):
        if p < threshold:
            refused += not q.answerable
        elif q.answerable and labels[i] == 1:
            right += 1
        else:
            wrong += 1
    return right, refused, wrong


def _threshold(data, weights, bias, model: str = "logistic") -> tuple[float, float]:
    """The threshold where right outcomes minus wrong answers peak, and the accuracy there.

    A wrong answer counts against as much as a right one counts for; refusing an
    answerable question counts neither way, refusing an unanswerable one counts for. So a
    band of candidates is quoted only when its right answers outnumber its wrong ones plus
    twice its unanswerable questions (each costs a right refusal and adds a wrong answer):
    the product promises a refusal rather than an invention, while maximising accuracy
    weighs a wrong quote like a refusal. Of thresholds that tie, the lowest: where refusing
    more gains nothing on balance, the user gets the answer (the best value may recur at
    thresholds far apart, and the middle of them once refused 0.44 of the answerable dev
    questions for the same balance as the lowest)."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    bests = _bests(data, weights, bias, model)
    tallies = [_tally(data, bests, t) for t in grid]
    utility = [right + refused - wrong for right, refused, wrong in tallies]
    at = utility.index(max(utility))
    right, refused, _ = tallies[at]
    return float(grid[at]), (right + refused) / len(data)


def cross_validate(data, folds: int = 5, seeds: int = 3, c: float | None = None, groups: Sequence[int] | None = None,
                   model: str = "logistic") -> dict:
    """k-fold cross-validation over the dev questions: fitted on k-1 folds, threshold
    included, measured on the fold left out. With `groups` (`eval.folds.groups`) a group's
    questions share a fold, so no paraphrase or earlier turn of a held-out question is
    trained on. Compare features or settings by this, not by the in-sample figure `fit`
    reports, and never by the test split."""
    folds = min(folds, len(data) if groups is None else len(set(groups)))
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 questions or groups, got {len(data)}")
    accuracy, top1, refused, false = [], [], [], []
    for seed in range(seeds):
        if groups is None:
            order = np.random.default_rng(seed).permutation(len(data))
            split = [order[k::folds].tolist() for k in range(folds)]
        else:
            split = grouped_folds(groups, folds, seed)
        for fold in split:
            held = set(fold)
            train = [d for i, d in enumerate(data) if i not in held]
            test = [d for i, d in enumerate(data) if i in held]
            weights, bias = _train(train, C[model] if c is None else c, model)
            threshold, _ = _threshold(train, weights, bias, model)
            bests = _bests(test, weights, bias, model)
            right, right_refusals, _ = _tally(test, bests, threshold)
            accuracy.append(right + right_refusals)
            for (q, feats, labels), (p, i) in zip(test, bests):
                refused.append(p < threshold)
                if q.answerable:
                    false.append(p < threshold)
                    if feats:
                        top1.append(labels[i] if i >= 0 else 0)
    n = len(data) * seeds
    return {"model": model, "folds": folds, "seeds": seeds, "grouped": groups is not None, "cv_accuracy": round(float(np.sum(accuracy)) / n, 4),
            "cv_top1_right": round(float(np.mean(top1)), 4) if top1 else None,
            "cv_refusal_rate": round(float(np.mean(refused)), 4),
            "cv_false_refusals": round(float(np.mean(false)), 4) if false else None, "questions": len(data)}


def leave_one_out(data, sources: Sequence[str], model: str = "logistic", c: float | None = None) -> dict[str, dict]:
    """Per question file: the chooser fitted on the other files, threshold included, measured
    on this one. Unlike grouped folds, a whole set's articles and its writer's habits stay
    unseen, as with new articles: the nearest offline reading of the test split.

    Returns, per file: accuracy (right answers and right refusals over its questions), the
    right first pick and false refusals over its answerable questions, and the share of its
    unanswerable questions refused."""
    out = {}
    for source in dict.fromkeys(sources):
        train = [d for d, s in zip(data, sources) if s != source]
        test = [d for d, s in zip(data, sources) if s == source]
        if not train:
            raise ValueError("leaving one file out needs questions from at least two files")
        weights, bias = _train(train, C[model] if c is None else c, model)
        threshold, _ = _threshold(train, weights, bias, model)
        bests = _bests(test, weights, bias, model)
        right, right_refusals, _ = _tally(test, bests, threshold)
        answerable = [(labels, p, i) for (q, _, labels), (p, i) in zip(test, bests) if q.answerable]
        unanswerable = [p for (q, _, _), (p, _) in zip(test, bests) if not q.answerable]
        out[source] = {
            "questions": len(test), "threshold": threshold, "accuracy": round((right + right_refusals) / len(test), 4),
            "top1_right": round(float(np.mean([i >= 0 and labels[i] == 1 for labels, _, i in answerable])), 4) if answerable else None,
            "false_refusals": round(float(np.mean([p < threshold for _, p, _ in answerable])), 4) if answerable else None,
            "unanswerable_refused": round(float(np.mean([p < threshold for p in unanswerable])), 4) if unanswerable else None,
        }
    return out


def _confidence_map(data, weights, bias, model: str = "logistic") -> list[float]:
    """[a, b] of confidence = sigmoid(a·logit(p) + b), p being the chooser's sureness of a
    question's best candidate (`qa.chooser.sureness`): fitted on whether that candidate holds the answer (an unanswerable
    question's never does). The chooser is fitted with classes balanced, so its p says
    "likelier than not" at far too low odds (expected calibration error ~0.23 on dev):
    this monotone map leaves every choice and refusal as it was and makes the number
    shown as `Answer.confidence` read as a share of answers that hold."""
    from sklearn.linear_model import LogisticRegression

    pairs = [(min(max(p, 1e-6), 1 - 1e-6), labels[i] if i >= 0 else 0) for (_, _, labels), (p, i) in zip(data, _bests(data, weights, bias, model))]
    x = np.array([[np.log(p / (1 - p))] for p, _ in pairs])
    y = np.array([label for _, label in pairs])
    if len(set(y)) < 2:
        return [1.0, 0.0]
    fitted = LogisticRegression(C=1e6, max_iter=1000).fit(x, y)
    return [round(float(fitted.coef_[0][0]), 6), round(float(fitted.intercept_[0]), 6)]


def fit(data, path: Path = WEIGHTS_FILE, sources: Sequence[Path] = (), model: str = "logistic") -> dict:
    weights, bias = _train(data, C[model], model)
    if not any(f["cross"] for _, feats, _ in data for f in feats):
        # fitted without the reranker's scores (all 0, so weighed 0): a chooser that reads none
        weights = {k: v for k, v in weights.items() if k not in ("cross", "rel_cross")}
    threshold, top = _threshold(data, weights, bias, model)
    result = {
        "model": model,
        "weights": weights,
        "bias": bias,
        "threshold": threshold,
        "confidence_map": _confidence_map(data, weights, bias, model),
        "second_margin": 0.05,
        "fitted_on": {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest()[:12] for p in sources},
        "fitted": date.today().isoformat(),
        "examples": sum(len(labels) for _, _, labels in data),
        "questions": len(data),
        "dev_accuracy_at_threshold": round(top, 4),
    }
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result
