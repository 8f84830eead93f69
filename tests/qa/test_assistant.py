import threading

import httpx
import pytest

from qa import REFUSAL, Answer, Assistant, Settings, Turn
from qa.assistant import MAX_QUESTION_CHARS, rule_based_standalone
from qa.prompts import ERRORS


def test_extractive_answer_cites_the_passage_it_quotes(assistant):
    answer = assistant.ask("Melyik kutatóintézet elemezte az együttműködést? Chatham House")
    assert not answer.refused and answer.generator == "extractive"
    assert "Chatham House" in answer.text and answer.citations
    c = answer.citations[0]
    article = assistant.article(c.passage.article_id)
    assert article.text[c.quote_start : c.quote_end] == c.quote and c.quote.rstrip(".") in answer.text
    assert set(answer.timings) >= {"retrieve_s", "first_token_s", "generate_s", "total_s"}


def test_off_topic_question_is_refused(assistant):
    answer = assistant.ask("Hogyan kell kovászos kenyeret sütni otthon?")
    assert answer.refused and answer.text.startswith(REFUSAL["hu"].rstrip(".")) and answer.citations == ()
    assert answer.text.endswith("egyik cikk sem szól erről."), "the refusal says why"


def test_english_question_gets_english_framing(assistant):
    answer = assistant.ask("Which think tank, Chatham House, studied the cooperation?")
    assert answer.language == "en"
    assert answer.text.startswith((REFUSAL["en"].rstrip("."), "According to the articles"))


def test_stream_yields_text_then_the_answer(assistant):
    items = list(assistant.stream("Chatham House kutatása szerint milyen a kapcsolat?"))
    assert isinstance(items[-1], Answer) and all(isinstance(i, str) for i in items[:-1])
    assert len(items) > 2


@pytest.mark.parametrize("question, message", [("   ", ERRORS["empty_question"]), ("x" * (MAX_QUESTION_CHARS + 1), "túl hosszú")])
def test_bad_questions_get_clear_errors(assistant, question, message):
    with pytest.raises(ValueError, match=message):
        assistant.ask(question)


def test_llm_answer_is_checked_and_prompt_numbers_passages(llm_assistant):
    assistant, llm = llm_assistant
    llm.replies.append("A Chatham House kutatása szerint rövid távú, tranzakciós kapcsolat lehet [1]. A Holdon is járt [9].")
    answer = assistant.ask("Mit állít a Chatham House kutatása a kapcsolatról?")
    assert "[1]" in llm.prompts[-1] and "Chatham House" in llm.prompts[-1]
    assert answer.generator == "fake" and not answer.refused
    assert "Holdon" not in answer.text and answer.unsupported == ("A Holdon is járt.",)
    assert all(c.marker == 1 for c in answer.citations)


def test_llm_is_not_asked_when_no_sentence_could_answer(llm_assistant):
    assistant, llm = llm_assistant
    answer = assistant.ask("Hogyan kell kovászos kenyeret sütni otthon?")
    assert answer.refused and llm.prompts == []


def test_unreachable_llm_server_falls_back_to_extractive(llm_assistant):
    assistant, llm = llm_assistant
    llm.replies.append(httpx.ConnectError("connection refused"))
    answer = assistant.ask("Mit állít a Chatham House kutatása a kapcsolatról?")
    assert answer.generator == "extractive" and "nem érhető el" in answer.notice
    assert not answer.refused and "Chatham House" in answer.text


def test_llm_rewrites_follow_ups(llm_assistant):
    assistant, llm = llm_assistant
    llm.replies += ["Mit üzent Kim Dzsongun Putyinnak Lavrovon keresztül?", "Meleg üdvözletét küldte [1]."]
    history = [Turn("user", "Kivel találkozott Kim Dzsongun?"), Turn("assistant", "Lavrovval [1].")]
    answer = assistant.ask("És mit üzent neki?", history)
    assert answer.standalone_question == "Mit üzent Kim Dzsongun Putyinnak Lavrovon keresztül?"
    assert "Kivel találkozott Kim Dzsongun?" in llm.prompts[0]


def test_rule_based_follow_up_adds_the_names_it_refers_to():
    history = [Turn("user", "Kivel találkozott Lavrov Phenjanban?"), Turn("assistant", "Lavrov Kim Dzsongunnal találkozott [1].")]
    rewritten = rule_based_standalone("És ő mit mondott erről?", history)
    assert rewritten.startswith("És ő mit mondott erről? (")
    assert "Dzsongunnal" in rewritten and "Lavrov" in rewritten and "Phenjanban" in rewritten
    assert rule_based_standalone("Hol találkozott Kim Dzsongun Vlagyimir Putyinnal a múlt héten?", history).endswith("héten?")
    # A new short question is not a follow-up: it must not borrow the last turn's names.
    assert rule_based_standalone("Ki nyerte a 2022-es labdarúgó-világbajnokságot?", history) == "Ki nyerte a 2022-es labdarúgó-világbajnokságot?"


def test_history_accepts_plain_dicts(assistant):
    answer = assistant.ask("És mit mondott?", [{"role": "user", "content": "Mit állít a Chatham House kutatása?"}])
    assert "Chatham" in answer.standalone_question


def test_eight_threads_get_their_own_answers(assistant):
    questions = {f"Chatham House kutatása {i}": "Chatham" for i in range(4)} | {f"Kína katonai parádéján {i}": "parádé" for i in range(4)}
    results: dict[str, Answer] = {}

    def ask(q):
        results[q] = assistant.ask(q)

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 8
    for q, answer in results.items():
        assert answer.question == q
        assert answer.refused or questions[q].lower() in answer.text.lower()


def test_open_refuses_an_empty_store(corpus_dir, fake_embed):
    from index import StoreError

    with pytest.raises(StoreError, match="is empty"):
        Assistant.open(settings=Settings(), embed_model=fake_embed)


def test_a_refusal_names_the_period_that_left_the_answer_out(assistant):
    from qa import Filters

    asked = "Kivel találkozott Kim Dzsongun Phenjanban Lavrov látogatása során?"
    assert not assistant.ask(asked).refused
    answer = assistant.ask(asked, filters=Filters(date_from=20250901))
    assert answer.refused and "keresett időszak" in answer.text


def test_a_refusal_names_the_closest_article_when_the_detail_is_missing(assistant):
    answer = assistant.ask("Hány méter hosszú Kim Dzsongun és Lavrov phenjani tárgyalóasztala?")
    assert answer.refused
    assert "című cikk szól, de ezt a részletet nem találtam benne" in answer.text


def test_a_follow_up_that_names_nothing_is_about_the_conversation(assistant):
    history = [Turn("user", "Kivel találkozott Kim Dzsongun Phenjanban?"), Turn("assistant", "Lavrovval [1].")]
    answer = assistant.ask("Hány napig tartott a látogatás?", history)
    assert "Phenjanban" in answer.standalone_question and "Kim" in answer.standalone_question
    # An opening question word is no name of its own: "Meddig…" names nobody either.
    assert "Phenjanban" in assistant.ask("Meddig tartott a látogatás?", history).standalone_question
    # A question with names of its own stays as it was asked.
    assert assistant.ask("Hány napig tartott Lavrov látogatása?", history).standalone_question == "Hány napig tartott Lavrov látogatása?"
    # Without a conversation there is nothing to borrow.
    assert assistant.ask("Hány napig tartott a látogatás?").standalone_question == "Hány napig tartott a látogatás?"


def test_an_english_fact_question_is_searched_by_meaning_only(assistant, monkeypatch):
    seen = []
    retrieve = assistant.retriever.retrieve
    monkeypatch.setattr(assistant.retriever, "retrieve", lambda query, top_k, filters=None, lexical=None, embedding=None:
                        seen.append(lexical) or retrieve(query, top_k, filters, lexical, embedding))
    assistant.ask("Who did Kim Jong Un meet in Pyongyang?")
    assistant.ask("Kivel találkozott Kim Dzsongun Phenjanban?")
    # English: BM25 gets nothing to search (its names are checked by the chooser); Hungarian: the question itself.
    assert seen[0] == "" and seen[1] is None
