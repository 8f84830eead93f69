"""The real e5 model over the default corpus, end to end (slow)."""

import json
import subprocess
import sys

import pytest

from index import build
from qa import REFUSAL, Assistant, Settings, Turn

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("real") / "store"
    settings = Settings(store_dir=store, collection="real")
    from paths import CORPUS

    build(settings, articles_dir=CORPUS)
    return settings


@pytest.fixture(scope="module")
def real(real_store):
    return Assistant.open(settings=real_store)


@pytest.mark.parametrize(
    "question, expected, article",
    [
        ("Hol találkozott Kim Dzsongun Vlagyimir Putyinnal?", "pekingi", "001_4e69c3973d18870b.txt"),
        ("Melyik kutatóintézet elemezte az észak-koreai–orosz együttműködést?", "Chatham House", "001_4e69c3973d18870b.txt"),
        pytest.param(
            "Mit üzent Kim Dzsongun Putyinnak Lavrovon keresztül?", "üdvözlet", "000_d69a3e7bfe563393.txt",
            marks=pytest.mark.xfail(reason="known false refusal: 'üzent' vs 'üdvözletét küldte' shares no word, and the fitted chooser rates it under its threshold (0.77)", strict=False),
        ),
        pytest.param(
            "How long does the treaty remain in force?", "határozatlan", "001_4e69c3973d18870b.txt",
            # Answered at the 0.66 threshold; the refits on 422 and 457 questions set 0.77 and 0.76, and an English
            # question matches no Hungarian word of the sentence ("hatálya határozatlan ideig").
            marks=pytest.mark.xfail(reason="known false refusal: rated under the fitted threshold (0.77) on the sample store", strict=False),
        ),
    ],
)
def test_answers_cite_the_right_article(real, question, expected, article):
    answer = real.ask(question)
    assert not answer.refused, answer.text
    assert expected in answer.text
    assert any(c.passage.article_id == article and expected.lower() in c.quote.lower() for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    ["Hány tüzérségi lövedéket szállított Észak-Korea Oroszországnak?", "Mit nyilatkozott Hszi Csin-ping a találkozóról?",
     "Ki nyerte a 2022-es labdarúgó-világbajnokságot?", "Mennyi pénzt fizetett Oroszország a fegyverekért?"],
)
def test_unanswerable_questions_are_refused(real, question):
    answer = real.ask(question)
    assert answer.refused and answer.text.startswith(REFUSAL["hu"].rstrip(".")) and not answer.citations


def test_follow_up_finds_the_passage_of_the_earlier_turn(real):
    history = [Turn("user", "Ki látogatott Phenjanba az orosz külügyminisztériumtól?"), Turn("assistant", "Szergej Lavrov orosz külügyminiszter [1].")]
    answer = real.ask("És mi volt a látogatás fő célja?", history)
    assert "stratégiai együttműködés" in answer.text


def test_cli_ask_json(real_store):
    cmd = [sys.executable, "-m", "qa", "ask", "Hol találkozott Kim Dzsongun Putyinnal?", "--json", "--store", str(real_store.store_dir)]
    env = {**__import__("os").environ, "NEWSQA_COLLECTION": "real"}
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["refused"] is False and data["citations"]
    assert set(data["citations"][0]) >= {"marker", "article_id", "title", "published", "text", "start", "end", "quote"}


def test_cli_reports_bad_input_without_traceback(real_store):
    env = {**__import__("os").environ, "NEWSQA_COLLECTION": "real"}
    out = subprocess.run([sys.executable, "-m", "qa", "ask", "   ", "--store", str(real_store.store_dir)], capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 1 and "Üres kérdés" in out.stderr and "Traceback" not in out.stderr


def test_cli_chat_keeps_the_conversation(real_store):
    env = {**__import__("os").environ, "NEWSQA_COLLECTION": "real"}
    typed = "Ki látogatott Phenjanba az orosz külügyminisztériumtól?\nÉs mi volt a látogatás fő célja?\n\n"
    out = subprocess.run([sys.executable, "-m", "qa", "chat", "--store", str(real_store.store_dir)], input=typed,
                         capture_output=True, text=True, timeout=300, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("A cikkek szerint:") == 2 and "stratégiai együttműködés" in out.stdout


def test_an_int8_built_store_is_asked_with_float32_questions(tmp_path, real):
    # Archive builds run int8 (~2x faster); questions and their candidate sentences keep
    # float32's cosines, which the shipped chooser was fitted on, so it quotes what float32 does
    # (the confidence may move a little: the passages' retrieval ranks are one of its checks).
    from paths import CORPUS

    from index import Store

    settings = Settings(store_dir=tmp_path / "int8", collection="int8", embed_backend="onnx-int8")
    build(settings, articles_dir=CORPUS)
    assert Store(settings).manifest().embed_backend == "onnx-int8"
    assistant = Assistant.open(settings=settings)
    assert assistant.scorer.embed_model.backend == "torch"  # the float32 export: torch's vectors
    question = "Hol találkozott Kim Dzsongun Vlagyimir Putyinnal?"
    answer, reference = assistant.ask(question), real.ask(question)
    assert not answer.refused and "pekingi" in answer.text
    assert [c.quote for c in answer.citations] == [c.quote for c in reference.citations]
