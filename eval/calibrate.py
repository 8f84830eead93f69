"""Fitting the fact chooser on dev questions: `python -m eval calibrate --questions DEV`.

Every candidate sentence of every dev fact question becomes one example (its features,
and whether it holds one of the question's answers); a logistic regression turns the
features into the probability that a sentence answers, and the refusal threshold is the
one that gets most dev questions right. Only ever run it on dev: the test split measures.
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


def fit(data, path: Path = WEIGHTS_FILE, sources: Sequence[Path] = ()) -> dict:
    from sklearn.linear_model import LogisticRegression

    X = np.array([[f[k] for k in FEATURES] for _, feats, _ in data for f in feats])
    y = np.array([label for _, _, labels in data for label in labels])
    model = LogisticRegression(C=0.1, max_iter=5000, class_weight="balanced").fit(X, y)
    weights = dict(zip(FEATURES, (float(w) for w in model.coef_[0])))
    bias = float(model.intercept_[0])

    def best_p(feats):
        return max((1 / (1 + np.exp(-(bias + sum(weights[k] * f[k] for k in FEATURES)))), i) for i, f in enumerate(feats))

    scored = [(q, best_p(feats) if feats else (0.0, -1), labels) for q, feats, labels in data]
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    def right(threshold):
        return sum(
            (p >= threshold and labels[i] == 1) if q.answerable else (p < threshold)
            for q, (p, i), labels in scored
        ) / len(scored)
    accuracy = [right(t) for t in grid]
    # The middle of the best plateau: a threshold at its edge is tuned to one question.
    top = max(accuracy)
    plateau = [t for t, a in zip(grid, accuracy) if a >= top - 1e-9]
    threshold = float(plateau[len(plateau) // 2])
    result = {
        "weights": weights,
        "bias": bias,
        "threshold": threshold,
        "second_margin": 0.05,
        "fitted_on": {str(p): hashlib.sha256(Path(p).read_bytes()).hexdigest()[:12] for p in sources},
        "fitted": date.today().isoformat(),
        "examples": int(len(y)),
        "questions": len(data),
        "dev_accuracy_at_threshold": round(float(top), 4),
    }
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result
