from dataclasses import replace

from eval.kinds import in_order, key_fact_positions, summarize_kinds
from eval.metrics import faithfulness
from eval.questions import Question
from eval.runner import score, summarize
from index import Passage
from qa import Answer, Citation

P = [
    Passage("p0", "a", "Kim Dzsongun júliusban Pekingben találkozott Putyinnal.", 0, 55, "Kim Pekingben", "2025-07-03", 20250703),
    Passage("p1", "b", "Szeptemberben Lavrov Phenjanba utazott tárgyalni.", 0, 50, "Lavrov Phenjanban", "2025-09-12", 20250912),
]


def answer(text, kind="fact", refused=False, cited=(), confidence=None):
    citations = tuple(Citation(n, P[i], P[i].text, 0, len(P[i].text)) for n, i in enumerate(cited, 1))
    return Answer("q", text, citations, refused, kind=kind, confidence=confidence)


def question(kind="fact", key_facts=(), ordered=False, answers=("Peking",), answerable=True, category="", text="Hol?"):
    return Question("q1", text, tuple(answers), (), answerable, (), category, 1, kind, tuple(key_facts), ordered)


def test_key_facts_are_found_after_normalisation():
    text = "A  PEKINGI találkozó után\nLavrov is utazott."
    assert key_fact_positions(text, ["pekingi"]) == [2]
    assert [p is not None for p in key_fact_positions(text, ["pekingi  találkozó", "lavrov", "Moszkva"])] == [True, True, False]


def test_order_reads_the_facts_one_after_another():
    assert in_order("július: Peking. szeptember: Phenjan.", ["július", "szeptember"])
    assert not in_order("szeptember: Phenjan. július: Peking.", ["július", "szeptember"])
    # A repeated mention in an introduction does not spoil the order...
    assert in_order("Szeptemberig sok történt. július: Peking. szeptember: Phenjan.", ["július", "szeptember"])
    # ...a missing fact is recall's business, but one fact found alone is no order.
    assert in_order("július, szeptember", ["július", "augusztus", "szeptember"])
    assert not in_order("július", ["július", "szeptember"])


def test_score_kind_fields_and_request_correctness():
    q = question("timeline", ["július", "szeptember"], ordered=True, answers=())
    good = score(q, answer("- 2025. július 3.: Kim Dzsongun Pekingben találkozott Putyinnal [1].\n- 2025. szeptember 12.: Lavrov Phenjanba utazott tárgyalni [2].", "timeline", cited=(0, 1)), 0.5)
    assert (good["expected_kind"], good["kind"], good["kind_correct"], good["key_facts"], good["key_facts_found"]) == ("timeline", "timeline", True, 2, 2)
    assert good["in_order"] is True and good["correct"] is True
    assert (good["cited_sentences"], good["cited_sentences_supported"]) == (2, 2)
    swapped = score(q, answer("szeptember, aztán július", "fact"), 0.1)
    assert swapped["kind_correct"] is False and swapped["in_order"] is False and swapped["correct"] is False
    refused = score(q, answer("Nem található.", "timeline", refused=True), 0.1)
    assert refused["key_facts_found"] == 0 and refused["in_order"] is False and not refused["correct"]
    chat = score(question("chat", answers=()), answer("Szia! Kérdezz a cikkekről.", "chat"), 0.1)
    assert chat["correct"] is True and chat["in_order"] is None


def test_cited_only_faithfulness_counts_marked_sentences_and_accepts_the_articles_date():
    text = "### Kim Pekingben (2025-07-03)\nÁttekintés a cikkekről, amelyek hosszúak.\n- 2025. július 3.: Kim Dzsongun Pekingben találkozott Putyinnal [1].\n- Lavrov a Holdra repült 2026-ban [2]."
    a = answer(text, "summary", cited=(0, 1))
    assert faithfulness(a, cited_only=True) == (1, 2)
    # The fact metric counts the uncited sentences too (the heading has no citation).
    assert faithfulness(a)[1] > 2


def test_a_marker_after_the_full_stop_belongs_to_the_sentence():
    a = answer("Kim Dzsongun Pekingben találkozott Putyinnal. [1]", cited=(0,))
    assert faithfulness(a) == (1, 1)


def rows():
    fact_hu = score(question(), answer("Pekingben [1].", cited=(0,), confidence=0.9), 0.1)
    fact_en = score(question(category="english", text="Where did Kim meet Putin?"), answer("Kim Dzsongun Phenjanban járt.", confidence=0.4), 0.1)
    unanswerable = score(question(answerable=False, answers=()), answer("Nincs ilyen.", refused=True, confidence=0.1), 0.1)
    summary = score(question("summary", ["Peking", "Lavrov", "Moszkva"], answers=()), answer("Pekingben találkoztak [1]. Lavrov utazott [2].", "summary", cited=(0, 1)), 0.9)
    timeline = score(question("timeline", ["július", "szeptember"], ordered=True, answers=()), answer("szeptember, július", "fact"), 0.8)
    collection = score(question("collection", ["Kim Pekingben", "Lavrov Phenjanban"], answers=()), answer("| Kim Pekingben | Lavrov Phenjanban |", "collection"), 0.1)
    chat = score(question("chat", answers=()), answer("Nem tudok válaszolni.", "chat", refused=True), 0.1)
    return [fact_hu, fact_en, unanswerable, summary, timeline, collection, chat]


def test_kind_figures_per_kind_and_overall():
    s = summarize_kinds(rows())
    assert s["kind_accuracy"] == round(6 / 7, 4)
    assert (s["summary_key_fact_recall"], s["timeline_key_fact_recall"], s["timeline_order_accuracy"]) == (round(2 / 3, 4), 1.0, 0.0)
    assert (s["collection_correct"], s["chat_never_refused"]) == (1.0, 0.0)
    assert (s["summary_faithfulness"], s["timeline_faithfulness"]) == (1.0, None)
    assert (s["english_accuracy"], s["hungarian_accuracy"]) == (0.0, 1.0)
    by_kind = s["by_kind"]
    assert list(by_kind) == ["fact", "summary", "timeline", "collection", "chat"]
    assert by_kind["fact"]["n"] == 3 and by_kind["timeline"]["order_accuracy"] == 0.0 and by_kind["chat"]["refused"] == 1.0


def test_fact_metrics_count_fact_questions_only():
    s = summarize(rows())
    assert s["n"] == 7
    assert (s["answer_accuracy"], s["refusal_accuracy"], s["false_refusal_rate"]) == (0.5, 1.0, 0.0)
    assert s["faithfulness"] == 0.5  # "Pekingben [1]." is supported; the English answer is not cited


def test_rows_from_before_kinds_still_summarise():
    old = {k: v for k, v in rows()[0].items() if k not in ("expected_kind", "kind_correct")}
    s = summarize([old])
    assert s["answer_accuracy"] == 1.0 and s["kind_accuracy"] is None


def test_language_comes_from_the_question_when_not_categorised():
    row = score(replace(question(), question="Who met Putin in Beijing?"), answer("Kim [1].", cited=(0,)), 0.1)
    assert row["language"] == "en"


def test_a_hungarian_month_and_day_is_found_as_an_english_answer_writes_it():
    english = "The newest article: “Acélgyári salak” (4 November 2025, Tudománymagazin)."
    assert key_fact_positions(english, ["november 4"]) == [english.casefold().index("4 november")]
    assert key_fact_positions("Megjelent 2025. november 4-én.", ["november 4"]) == [16]
    assert key_fact_positions(english, ["november 14"]) == [None]  # the day must match
    assert in_order("On 12 May the count was 6; on 3 June, 19.", ["május 12", "június 3"])
    assert not in_order("On 3 June it was 19; on 12 May, 6.", ["május 12", "június 3"])


def test_a_month_and_day_s_english_form_is_not_found_inside_another_day():
    assert key_fact_positions("The article of 14 November 2025.", ["november 4"]) == [None]
    assert key_fact_positions("The article of 4 November 2025.", ["november 4"]) == [15]
