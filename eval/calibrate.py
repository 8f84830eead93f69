"""Fitting the fact chooser on dev questions: `python -m eval calibrate --questions DEV`.

Every candidate sentence of every dev fact question becomes one example (its features,
and whether it holds one of the question's answers); a logistic regression turns the
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

from eval.metrics import normalize
from eval.questions import Question
from qa import Assistant
from qa.chooser import FEATURES, WEIGHTS_FILE, features
from qa.kinds import with_period

logger = logging.getLogger(__name__)


def examples(assistant: Assistant, questions: Sequence[Question]) -> list[tuple[Question, list[dict], list[int]]]:
    """(question, candidate features, candidate labels) for each dev fact question."""
    out = []
    for q in questions:
        if q.kind != "fact":
            continue
        request = assistant.plan(q.question, q.history)
        if request.kind != "fact":
            continue  # the planner's mistake, not the chooser's
        _, ranked = assistant.candidates(request, with_period(None, request))
        focus = request.question if request.standalone != request.question else None
        feats = features(request.standalone, ranked, assistant.chooser.floors, focus)
        answers = [normalize(a) for a in q.answers] if q.answerable else []
        labels = [int(any(a in normalize(s.text) for a in answers)) for s in ranked[: len(feats)]]
        out.append((q, feats, labels))
    return out


def _train(data, c: float = 0.1) -> tuple[dict[str, float], float]:
    """Logistic regression over every candidate of every question, classes balanced.

    Weights are left free of sign priors: forcing "the sentence names the question's
    people" to count only in favour cut the cross-validated dev accuracy from 0.58 to 0.54
    (answering sentences often say "the company" where the question names it)."""
    from sklearn.linear_model import LogisticRegression

    X = np.array([[f[k] for k in FEATURES] for _, feats, _ in data for f in feats])
    y = np.array([label for _, _, labels in data for label in labels])
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(X, y)
    return dict(zip(FEATURES, (float(w) for w in model.coef_[0]))), float(model.intercept_[0])


def _best(weights: dict[str, float], bias: float, feats: list[dict]) -> tuple[float, int]:
    """The best candidate's probability and its index."""
    return max((1 / (1 + np.exp(-(bias + sum(weights[k] * f[k] for k in FEATURES)))), i) for i, f in enumerate(feats))


def _outcomes(data, weights, bias, threshold: float) -> tuple[int, int, int]:
    """(right answers, right refusals, wrong answers): an answerable question answered with
    a sentence that does not hold its answer, or an unanswerable one answered at all."""
    right = refused = wrong = 0
    for q, feats, labels in data:
        p, i = _best(weights, bias, feats) if feats else (0.0, -1)
        if p < threshold:
            refused += not q.answerable
        elif q.answerable and labels[i] == 1:
            right += 1
        else:
            wrong += 1
    return right, refused, wrong


def _accuracy(data, weights, bias, threshold: float) -> float:
    """Share of questions answered with a right sentence or, when unanswerable, refused."""
    right, refused, _ = _outcomes(data, weights, bias, threshold)
    return (right + refused) / len(data)


def _threshold(data, weights, bias) -> tuple[float, float]:
    """The threshold where right outcomes minus wrong answers peak, and the accuracy there.

    A wrong answer counts against as much as a right one counts for; refusing an
    answerable question counts neither way, refusing an unanswerable one counts for. So a
    band of candidates is quoted only when its right answers outnumber its wrong ones plus
    twice its unanswerable questions (each costs a right refusal and adds a wrong answer):
    the product promises a refusal rather than an invention, while maximising accuracy
    weighs a wrong quote like a refusal. The middle of the best plateau: a threshold at its
    edge is tuned to one question."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    utility = []
    for t in grid:
        right, refused, wrong = _outcomes(data, weights, bias, t)
        utility.append(right + refused - wrong)
    top = max(utility)
    plateau = [t for t, u in zip(grid, utility) if u >= top]
    threshold = float(plateau[len(plateau) // 2])
    return threshold, _accuracy(data, weights, bias, threshold)


def cross_validate(data, folds: int = 5, seeds: int = 3, c: float = 0.1) -> dict:
    """k-fold cross-validation over the dev questions: fitted on k-1 folds, threshold
    included, measured on the fold left out. Compare features or settings by this, not by
    the in-sample figure `fit` reports, and never by the test split."""
    folds = min(folds, len(data))
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 questions, got {len(data)}")
    accuracy, top1 = [], []
    for seed in range(seeds):
        order = np.random.default_rng(seed).permutation(len(data))
        for k in range(folds):
            held = set(order[k::folds].tolist())
            train = [d for i, d in enumerate(data) if i not in held]
            test = [d for i, d in enumerate(data) if i in held]
            weights, bias = _train(train, c)
            threshold, _ = _threshold(train, weights, bias)
            accuracy.append(_accuracy(test, weights, bias, threshold))
            answerable = [(feats, labels) for q, feats, labels in test if q.answerable and feats]
            top1 += [labels[_best(weights, bias, feats)[1]] for feats, labels in answerable]
    return {"folds": folds, "seeds": seeds, "cv_accuracy": round(float(np.mean(accuracy)), 4),
            "cv_top1_right": round(float(np.mean(top1)), 4) if top1 else None, "questions": len(data)}


def fit(data, path: Path = WEIGHTS_FILE, sources: Sequence[Path] = ()) -> dict:
    weights, bias = _train(data)
    threshold, top = _threshold(data, weights, bias)
    result = {
        "weights": weights,
        "bias": bias,
        "threshold": threshold,
        "second_margin": 0.05,
        "fitted_on": {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest()[:12] for p in sources},
        "fitted": date.today().isoformat(),
        "examples": sum(len(labels) for _, _, labels in data),
        "questions": len(data),
        "dev_accuracy_at_threshold": round(top, 4),
    }
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result
