from eval.metrics import answer_correct, citation_relevance, faithfulness, first_relevant_rank, hit_at, reciprocal_rank
from eval.runner import summarize
from index import Passage
from qa import Answer, Citation, Hit

P = [Passage(f"p{i}", "a", t, 0, len(t), "Cím", "2025", 20250101) for i, t in enumerate(["Semmi köze.", "Kim Dzsongun Pekingben találkozott Putyinnal.", "Más."])]


def answer(text, cited=(), refused=False):
    citations = tuple(Citation(n, P[i], P[i].text, 0, len(P[i].text)) for n, i in enumerate(cited, 1))
    return Answer("q", text, citations, refused, tuple(Hit(p, 1.0, r) for r, p in enumerate(P, 1)))


def test_rank_metrics():
    rank = first_relevant_rank([p.text for p in P], ["pekingben"])
    assert rank == 2 and reciprocal_rank(rank) == 0.5
    assert hit_at(rank, 1) == 0.0 and hit_at(rank, 3) == 1.0
    assert first_relevant_rank([p.text for p in P], ["Moszkva"]) is None and reciprocal_rank(None) == 0.0


def test_answer_match_is_normalised():
    assert answer_correct(answer("Kim  PEKINGBEN találkozott"), ["pekingben"])
    assert not answer_correct(answer("Pekingben", refused=True), ["pekingben"])


def test_citation_precision_and_faithfulness():
    a = answer("Kim Dzsongun Pekingben találkozott Putyinnal [1]. A Holdon is járt [2].", cited=(1, 0))
    assert citation_relevance(a, ["Pekingben"]) == (1, 2)
    assert faithfulness(a) == (1, 2)


def test_summary_over_answerable_and_unanswerable():
    rows = [
        {"answerable": True, "refused": False, "correct": True, "first_relevant_rank": 2, "cited": 2, "cited_relevant": 1, "sentences": 2, "sentences_supported": 2, "latency_s": 1.0, "answer": "x" * 10},
        {"answerable": True, "refused": True, "correct": False, "first_relevant_rank": None, "cited": 0, "cited_relevant": 0, "sentences": 0, "sentences_supported": 0, "latency_s": 3.0, "answer": "n"},
        {"answerable": False, "refused": True, "correct": True, "first_relevant_rank": None, "cited": 0, "cited_relevant": 0, "sentences": 0, "sentences_supported": 0, "latency_s": 2.0, "answer": "n"},
    ]
    s = summarize(rows)
    assert (s["n"], s["hit_at_1"], s["hit_at_3"], s["mrr"]) == (3, 0.0, 0.5, 0.25)
    assert (s["answer_accuracy"], s["false_refusal_rate"], s["refusal_accuracy"]) == (0.5, 0.5, 1.0)
    assert (s["citation_precision"], s["faithfulness"], s["latency_p50_s"]) == (0.5, 1.0, 2.0)
    assert s["refused_answer_shown"] == 0.0
    rows[1]["related_holds_answer"] = True  # the refused answerable one showed its answer among the closest
    assert summarize(rows)["refused_answer_shown"] == 1.0


def test_a_refusals_closest_sentences_are_scored_apart_from_its_answer():
    from dataclasses import replace

    from eval.questions import Question
    from eval.runner import score

    shown = answer("Pekingben találkoztak [1].", cited=(1,))
    refusal = replace(answer("Nem tudok válaszolni.", refused=True), related=shown.citations)
    q = Question(id="q", question="Hol?", answers=["Pekingben"], evidence=["Pekingben"], answerable=True)
    row = score(q, refusal, 0.1)
    assert (row["correct"], row["related"], row["cited"]) == (False, 1, 0)
    assert row["related_holds_answer"] is True
