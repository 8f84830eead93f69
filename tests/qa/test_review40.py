"""Review of e63af81..7b9cd91 (the cross-encoder reranker, request cues from dev37, a new place
in a follow-up, the refusal of a question read with the conversation's words): inputs the
change did not think of. Each test failed on the reviewed code. The new-place rule and the
refusal change were taken out (they misread genuine follow-ups); their cases stay as guards."""

import threading
import time
from pathlib import Path

import pytest

from devcorpus import corpus_fixture
from qa import Settings, Turn, prompts, reranker
from tests.qa.test_request_cues import kind

ABSENT = prompts.REFUSAL_WHY["hu"]["absent"]
FIRST = "Hol találkozott Kim Dzsongun Putyinnal?"
FLOOD = [Turn("user", "Mi történt Iregszemcsén március elején?"),
         Turn("assistant", "Március 2-án késő este átszakadt a Malom-tó gátja, a víz 34 házat öntött el, "
                           "és 27 embert kellett kimenekíteni [1].")]


def _after_first(assistant) -> list[Turn]:
    return [Turn("user", FIRST), Turn("assistant", assistant.ask(FIRST).text)]


# --- a new place in a follow-up (qa/followups.py new_place) ------------------------------------------


def test_a_follow_up_with_a_compound_adjective_still_borrows_the_conversation(assistant):
    # "fegyverszállítási" (arms-delivery) is the Kim–Putin story's subject: before the change the
    # follow-up borrowed the conversation and its refusal named the article; now it says no article is about it
    answer = assistant.ask("Hány fegyverszállítási szerződést írtak alá?", _after_first(assistant))
    assert "Kim" in answer.standalone_question
    assert answer.text != ABSENT


# --- the refusal of a question read with the conversation's words (qa/refusals.py) -----------------


def test_a_subjectless_follow_up_refused_still_names_the_conversations_article(assistant):
    # Hungarian drops the subject: "How many days did the visit last?" after a question on the
    # Kim–Putin meeting is about that meeting, yet three own words the passage lacks make it "about nothing"
    history = _after_first(assistant)
    for follow_up in ("Hány napig tartott a látogatás?", "Hány újságíró kísérte az utat?"):
        answer = assistant.ask(follow_up, history)
        assert "Kim" in answer.standalone_question
        assert answer.refused and answer.text != ABSENT, follow_up


dev37 = corpus_fixture("dev37")


@pytest.mark.slow
def test_a_flood_follow_up_refused_names_the_flood_article(dev37):
    # the brief's case with the real model: "How many days did the rescue last?" after a question on
    # the Iregszemcse dam break named the flood article before the change, and now says no article is about it
    for follow_up in ("Hány napig tartott a mentés?", "Hány állat pusztult el az áradásban?"):
        answer = dev37.ask(follow_up, FLOOD)
        assert not answer.refused or answer.text != ABSENT, follow_up


# --- request cues (qa/request_cues.py) ---------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "How many reports about break-ins did the police receive last year?",
    "How many reports concerning child abuse did the agency investigate?",
    "Which items on display were stolen from the museum?",
    "What items on the shopping list were most expensive?",
])
def test_reports_or_items_about_something_are_no_articles(question):
    # _PIECES_ABOUT reads any "reports about" / "items on" as articles: a fact question becomes a
    # collection (a list of articles) — all were facts before the change
    assert kind(question) == "fact"


def test_a_figure_compared_with_its_forecast_is_a_fact_question():
    # the new "how did … compare … forecast/expected/promised" timeline cue catches a question one
    # sentence answers ("38 fok volt, 35-öt jósoltak"): a fact before the change
    assert kind("How did the temperature compare with the forecast for the day?") == "fact"


# --- the reranker (qa/reranker.py) --------------------------------------------------------------------


@pytest.mark.slow
def test_a_long_question_is_paired_as_transformers_pairs_it():
    # the adapters were trained on transformers' pairs (eval/reranker_train.py pack); encode cuts a
    # question over 80 tokens and drops its "</s>", so the pair the reranker scores is not the one it learned
    from transformers import AutoTokenizer

    from index.embedding import default_model_dir

    model_dir = default_model_dir(Settings())
    ours = reranker.load(Settings())
    question = " ".join(["Mennyibe került a budapesti metró felújítása, és mikor fejeződött be a munka"] * 5) + "?"
    text = reranker.pair_text("A felújítás 2,4 milliárd forintba került.", "Metró")
    expected = AutoTokenizer.from_pretrained(str(model_dir))(question, text, truncation="only_second",
                                                             max_length=reranker.MAX_TOKENS)["input_ids"]
    assert ours.encode(question, [text])[0][0].tolist() == expected


def _slow_model():
    """A tiny scoring model whose trace takes a while, standing in for e5 with the adapters."""
    import torch

    class Slow(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = torch.nn.Embedding(300000, 2)

        def forward(self, input_ids, attention_mask):
            time.sleep(0.5)
            return (self.emb(input_ids) * attention_mask.unsqueeze(-1)).sum((1, 2))

    return Slow().eval()


def _model_dir(tmp_path: Path) -> Path:
    """A models cache with e5's tokenizer (and its compact copy) only."""
    from index.embedding import default_model_dir

    real = default_model_dir(Settings())
    folder = tmp_path / "models" / real.name
    folder.mkdir(parents=True)
    for path in real.glob("tokenizer*"):
        (folder / path.name).symlink_to(path)
    return folder


def test_two_threads_loading_the_reranker_at_once_both_get_the_onnx_graph(tmp_path, monkeypatch):
    # two assistants opened at once (the UI's answer modes, two first sessions): both miss
    # _loaded's cache and export into the same ".partial-<pid>" folder, torch's exporter is not
    # reentrant, both fail and fall back to torch (3x slower, a second 470 MB model) for the process's life
    import index.embedding

    folder = _model_dir(tmp_path)
    monkeypatch.setattr(index.embedding, "default_model_dir", lambda settings: folder)
    monkeypatch.setattr(reranker, "_merged", lambda model_dir, adapters, eager: _slow_model())
    reranker._loaded.cache_clear()
    got = []
    try:
        threads = [threading.Thread(target=lambda: got.append(reranker.load(Settings()))) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        reranker._loaded.cache_clear()
    assert len(got) == 2 and all(r.session is not None for r in got)


def test_a_killed_exports_staging_folder_does_not_stay_in_the_cache(tmp_path, monkeypatch):
    # the staging folder is named by the pid, so the next export never finds a killed one's
    # ~470 MB ".partial-<pid>" folder: every killed first start leaves one in the models cache for good
    folder = _model_dir(tmp_path)
    monkeypatch.setattr(reranker, "_merged", lambda model_dir, adapters, eager: _slow_model())
    graph_dir = folder.parent / f"reranker-{reranker._key(folder, reranker.ADAPTERS)}"
    stale = graph_dir.with_name(graph_dir.name + ".partial-999999")
    stale.mkdir()
    (stale / "model.onnx").write_bytes(b"\0" * 1024)
    assert reranker.exported(folder).is_file()
    assert not stale.exists()
