import json
import math

import pytest

from eval.calibration import calibration, expected_calibration_error, outcomes, reliability
from eval.report import write_run

# What a candidate of a question that is not a who-question reads: its slot checks at 1.0.
NOT_WHO = {"person": 1.0, "name_phrase": 1.0}


def row(confidence, answerable=True, correct=True, refused=False, kind=None):
    """A results line as far as calibration reads it (no expected_kind: a fact, as in old files)."""
    return {"confidence": confidence, "answerable": answerable, "correct": correct, "refused": refused, **({"expected_kind": kind} if kind else {})}


def test_reliability_bins_and_expected_calibration_error():
    pairs = [(0.95, True), (0.91, True), (0.92, False), (0.15, False), (1.0, True)]
    bins = reliability(pairs)
    assert len(bins) == 10 and [b["n"] for b in bins] == [0, 1, 0, 0, 0, 0, 0, 0, 0, 4]
    assert bins[9]["confidence"] == pytest.approx(0.945) and bins[9]["accuracy"] == 0.75
    # 4/5 × |0.945 − 0.75| + 1/5 × |0.15 − 0| = 0.156 + 0.03
    assert expected_calibration_error(pairs) == pytest.approx(0.186)
    assert expected_calibration_error([]) is None


def test_outcomes_of_both_views():
    rows = [row(0.9), row(0.8, correct=False), row(0.3, answerable=False, correct=True, refused=True), row(0.2, refused=True, correct=False),
            row(None), row(0.99, kind="summary")]
    views = outcomes(rows)
    assert views["answerable"] == [(0.9, True), (0.8, False), (0.2, False)]
    assert views["fact"] == [(0.9, True), (0.8, False), (0.3, False), (0.2, False)]


def test_no_confidences_means_no_calibration_and_no_plot(tmp_path):
    rows = [{**row(None), "category": "who", "answer": "x", "latency_s": 0.1, "first_relevant_rank": 1, "cited": 0, "cited_relevant": 0,
             "sentences": 0, "sentences_supported": 0, "id": "a", "question": "Hol?"}]
    assert calibration(rows) is None
    summary = write_run(tmp_path, rows, {"name": "extractive"})
    assert summary["ece"] is None and not (tmp_path / "calibration.png").exists()
    assert "No calibration plot" in (tmp_path / "report.md").read_text()


def test_the_plot_and_ece_are_written(tmp_path):
    base = {"category": "who", "answer": "x", "latency_s": 0.1, "first_relevant_rank": 1, "cited": 0, "cited_relevant": 0,
            "sentences": 0, "sentences_supported": 0, "question": "Hol?"}
    rows = [{**base, **row(c / 20, answerable=c % 3 > 0, correct=c % 2 == 0), "id": str(c)} for c in range(20)]
    summary = write_run(tmp_path, rows, {"name": "extractive"})
    saved = json.loads((tmp_path / "summary.json").read_text())
    assert saved["ece"] == summary["ece"] is not None and saved["calibration"]["n"] == 20
    assert len(saved["calibration"]["bins"]["answerable"]) == 10
    assert (tmp_path / "calibration.png").stat().st_size > 1000
    assert "![calibration.png](calibration.png)" in (tmp_path / "report.md").read_text()


def _separable(seed: int) -> list:
    """60 dev questions of 8 candidates: the answering one is the one whose `constraints`
    hold; every third question is unanswerable and has none. Other features are noise."""
    import random
    from types import SimpleNamespace

    from qa.chooser import FEATURES

    rng = random.Random(seed)
    data = []
    for n in range(60):
        answerable = n % 3 != 0
        right = rng.randrange(8) if answerable else -1
        feats = [{k: rng.random() for k in FEATURES} | {"constraints": float(i == right)} for i in range(8)]
        data.append((SimpleNamespace(answerable=answerable), feats, [int(i == right) for i in range(8)]))
    return data


def test_fit_and_cross_validation_learn_a_separating_feature(tmp_path):
    """Synthetic dev data: the answering candidate is the one whose `constraints` hold;
    unanswerable questions have none. The fit must find it and say so out of sample."""
    from eval.calibrate import cross_validate, fit
    from qa.chooser import FEATURES

    data = _separable(seed=0)
    out = tmp_path / "chooser.json"
    result = fit(data, out)
    assert set(json.loads(out.read_text())["weights"]) == set(FEATURES)
    assert result["weights"]["constraints"] == max(result["weights"].values())
    assert result["dev_accuracy_at_threshold"] >= 0.95
    cv = cross_validate(data, folds=3, seeds=1)
    assert cv["cv_accuracy"] >= 0.9 and cv["cv_top1_right"] >= 0.9


def test_the_threshold_refuses_where_a_quote_is_as_likely_wrong_as_right():
    """A band of candidates at p≈0.6 holds two right answers, one wrong answer and one
    answer to an unanswerable question. Accuracy would quote them (two right against one
    right refusal); the rule (right − wrong) refuses them, and quotes the sure band at 0.9."""
    from types import SimpleNamespace

    from eval.calibrate import _threshold
    from qa.chooser import FEATURES

    def question(answerable, cosine, right):
        feats = [{k: 0.0 for k in FEATURES} | NOT_WHO | {"cosine": cosine}]
        return SimpleNamespace(answerable=answerable), feats, [int(right)]

    sure, unsure = 2.2, 0.405  # sigmoid: 0.90 and 0.60
    data = [question(True, sure, True) for _ in range(4)]
    data += [question(True, unsure, True), question(True, unsure, True), question(True, unsure, False), question(False, unsure, False)]
    weights = {k: 0.0 for k in FEATURES} | {"cosine": 1.0}
    threshold, accuracy = _threshold(data, weights, 0.0)
    assert 1 / (1 + math.exp(-unsure)) < threshold <= 0.9  # the unsure band refused, the sure one quoted
    assert accuracy == 5 / 8  # four sure answers and the refused unanswerable


def test_the_confidence_map_reads_as_the_share_of_answers_that_hold(tmp_path):
    """Probabilities of 0.6 whose answers hold one time in five are shown lower, 0.95
    that hold four times in five higher than 0.6; the order, so every choice, is kept."""
    from types import SimpleNamespace

    from eval.calibrate import _confidence_map
    from qa.chooser import FEATURES, Chooser

    def question(cosine, right):
        return SimpleNamespace(answerable=True), [{k: 0.0 for k in FEATURES} | NOT_WHO | {"cosine": cosine}], [int(right)]

    low, high = 0.405, 2.944  # sigmoid: 0.60 and 0.95
    data = [question(low, i == 0) for i in range(5)] * 4 + [question(high, i < 4) for i in range(5)] * 4
    weights = {k: 0.0 for k in FEATURES} | {"cosine": 1.0}
    a, b = _confidence_map(data, weights, 0.0)
    path = tmp_path / "chooser.json"
    path.write_text(json.dumps({"weights": weights, "bias": 0.0, "threshold": 0.5, "confidence_map": [a, b]}))
    chooser = Chooser(path)
    assert abs(chooser.confidence(0.6) - 0.2) < 0.02 and abs(chooser.confidence(0.95) - 0.8) < 0.02
    assert Chooser(tmp_path / "missing.json").confidence(0.7) == pytest.approx(0.7)


def test_the_softmax_chooser_learns_which_candidate_wins_and_when_none_does(tmp_path):
    """The same synthetic dev data, fitted as a softmax over each question's candidates and
    "none": the separating feature wins, unanswerable questions go to "none", and the
    written model is read back by the Chooser with its type."""
    from eval.calibrate import cross_validate, fit
    from qa.chooser import Chooser, probabilities

    data = _separable(seed=1)
    out = tmp_path / "chooser.json"
    result = fit(data, out, model="softmax")
    assert json.loads(out.read_text())["model"] == "softmax"
    assert result["weights"]["constraints"] == max(result["weights"].values())
    assert result["dev_accuracy_at_threshold"] >= 0.95
    probs = probabilities("softmax", result["weights"], result["bias"], data[1][1])
    assert sum(probs) < 1.0 and max(probs) == probs[data[1][2].index(1)]
    assert Chooser(out).model == "softmax"
    groups = [n // 4 for n in range(60)]
    cv = cross_validate(data, folds=3, seeds=1, groups=groups, model="softmax")
    assert cv["grouped"] and cv["cv_accuracy"] >= 0.9 and cv["cv_top1_right"] >= 0.9


def test_an_unknown_chooser_model_is_refused(tmp_path):
    from qa.chooser import Chooser

    path = tmp_path / "chooser.json"
    path.write_text(json.dumps({"model": "forest", "weights": {}, "bias": 0.0, "threshold": 0.5}))
    with pytest.raises(ValueError, match="unknown chooser model 'forest'"):
        Chooser(path)


def test_leaving_each_file_out_measures_it_on_a_chooser_fitted_without_it():
    from eval.calibrate import leave_one_out

    data = _separable(seed=1)
    sources = ["a.jsonl"] * 30 + ["b.jsonl"] * 30
    result = leave_one_out(data, sources)
    assert list(result) == ["a.jsonl", "b.jsonl"]
    for measured in result.values():
        assert measured["questions"] == 30
        assert measured["accuracy"] >= 0.9 and measured["top1_right"] >= 0.9
        # the ten left-out unanswerables: a fit on 30 questions with ~40 noise features may
        # answer one or two by chance (seeds 0-3 read 0.8-1.0), none of them all
        assert measured["unanswerable_refused"] >= 0.8
    with pytest.raises(ValueError, match="at least two files"):
        leave_one_out(data, ["a.jsonl"] * 60)


def test_a_dev_set_folder_needs_its_articles_and_questions(tmp_path, capsys):
    from eval.__main__ import main

    with pytest.raises(SystemExit):
        main(["calibrate", "--dev-set", str(tmp_path)])
    assert "holds articles/ and questions.jsonl" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["calibrate"])
    assert "give --questions or --dev-set" in capsys.readouterr().err
