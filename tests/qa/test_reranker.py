"""The reranker as the chooser reads it: a fake one in fast tests, the real one (ONNX and torch) in slow ones."""

import json

import pytest

from qa import Settings, chooser, reranker
from qa.chooser_features import FEATURES
from qa.evidence import Sentence
from qa.types import Hit
from index.passages import Passage
from tests.qa.test_real_engine import real, real_store  # noqa: F401  (module fixtures)


class FakeReranker:
    def __init__(self):
        self.asked = []

    def scores(self, question, sentences):
        self.asked.append((question, list(sentences)))
        return [5.0 if "Kovács" in s else -3.0 for s, _ in sentences]


def _sentence(text: str, n: int) -> Sentence:
    p = Passage(f"p{n}", f"a{n}", text, 0, len(text), f"Cím {n}", "2025-03-01", 20250301)
    return Sentence(Hit(p, 1.0 / n, n), 0, len(text), text, 0.85, 0.2)


def _fitted(path, weights, threshold=0.3):
    path.write_text(json.dumps({"weights": weights, "bias": 0.0, "threshold": threshold, "model": "softmax"}))
    return path


def test_the_chooser_reads_the_scores_as_features_and_against_the_best(tmp_path):
    fake = FakeReranker()
    c = chooser.Chooser(_fitted(tmp_path / "c.json", {"cross": 1.0}), reranker=fake)
    ranked = [_sentence("A városháza felújítása tavasszal kezdődik.", 1), _sentence("Kovács Pétert választották polgármesterré.", 2)]
    rated = c.rate("Ki lett a polgármester?", ranked)
    assert fake.asked == [("Ki lett a polgármester?", [(s.text, s.hit.passage.title) for s in ranked])]
    assert rated[0].sentence is ranked[1]  # the reranker's pick wins on its weight alone
    assert rated[0].features["cross"] == 5.0 and rated[0].features["rel_cross"] == 0.0
    assert rated[1].features["rel_cross"] == -8.0


def test_a_chooser_fitted_without_it_never_calls_it(tmp_path):
    fake = FakeReranker()
    c = chooser.Chooser(_fitted(tmp_path / "c.json", {"cosine": 1.0}), reranker=fake)
    rated = c.rate("Ki lett a polgármester?", [_sentence("Kovács Pétert választották polgármesterré.", 1)])
    assert fake.asked == [] and rated[0].features["cross"] == 0.0
    assert {"cross", "rel_cross"} <= set(FEATURES)


def test_with_the_reranker_the_chooser_fitted_with_it_is_read_and_without_it_the_other(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSQA_CHOOSER_FILE")
    monkeypatch.setattr(chooser, "WEIGHTS_FILE", tmp_path / "chooser.json")
    _fitted(tmp_path / "chooser.json", {"cosine": 1.0}, 0.6)
    _fitted(tmp_path / "chooser-rerank.json", {"cross": 1.0}, 0.4)
    fake = FakeReranker()
    monkeypatch.setattr(reranker, "ADAPTERS", tmp_path / "adapters.npz")
    (tmp_path / "adapters.npz").write_bytes(b"")
    monkeypatch.setattr(reranker, "_loaded", lambda model_dir, adapters: fake)
    on = chooser.Chooser.from_settings(Settings())
    assert on.threshold == 0.4 and on.reranker is fake
    off = chooser.Chooser.from_settings(Settings(reranker=False))
    assert off.threshold == 0.6 and off.reranker is None
    # an embedding server: no local e5 folder to build on
    assert chooser.Chooser.from_settings(Settings(embed_base_url="http://127.0.0.1:9/v1")).threshold == 0.6


@pytest.mark.slow
def test_the_real_reranker_prefers_the_answer_and_onnx_scores_as_torch():
    from index.embedding import default_model_dir

    settings = Settings()
    model = reranker.load(settings)
    assert model is not None and model.session is not None  # the ONNX graph, exported into the cache
    pairs = [("A felújítás 2,4 milliárd forintba került, a munkák júniusban zárultak.", "Elkészült a híd"),
             ("A hidat 1936-ban adták át a forgalomnak.", "Elkészült a híd")]
    for question in ("Mennyibe került a híd felújítása?", "How much did the bridge renovation cost?"):
        cost, history = model.scores(question, pairs)
        assert cost > history + 1.0, question
    torch_model = reranker._merged(default_model_dir(settings), reranker.ADAPTERS, eager=False)
    ids, mask = model.encode("Mennyibe került?", [reranker.pair_text(s, t) for s, t in pairs])
    import torch
    from transformers import AutoTokenizer

    # the pairs as transformers' own tokenizer joins and cuts them
    tokenizer = AutoTokenizer.from_pretrained(str(default_model_dir(settings)))
    long = "Hosszú mondat a hídról és a felújításról. " * 40
    for question, text in (("Mennyibe került?", reranker.pair_text(*pairs[0])), ("Mennyibe került?", reranker.pair_text(long, "Cím"))):
        assert model.encode(question, [text])[0][0].tolist() == tokenizer(question, text, truncation="only_second",
                                                                          max_length=reranker.MAX_TOKENS)["input_ids"]
    with torch.inference_mode():
        direct = torch_model(torch.from_numpy(ids), torch.from_numpy(mask)).tolist()
    assert model.scores("Mennyibe került?", pairs) == pytest.approx(direct, abs=1e-3)


@pytest.mark.slow
def test_a_new_question_that_borrowed_the_conversation_in_vain_is_asked_alone(real):  # noqa: F811
    # the new user's check: asked second in a chat, "How long does the treaty remain in force?"
    # names nothing, borrowed the first question's names (Kim, Putyin, Lavrov), found the July
    # article and was refused; asked alone it is answered, and so it is now in the chat too
    from qa import Turn

    first = "Mit üzent Kim Dzsongun Putyinnak Lavrovon keresztül?"
    history = [Turn("user", first), Turn("assistant", real.ask(first).text)]
    answer = real.ask("How long does the treaty remain in force?", history)
    assert not answer.refused and "határozatlan" in answer.text
    # a follow-up the conversation answers still reads it
    follow = real.ask("Mikor kötötték meg a partnerséget?", history)
    assert not follow.refused and "Kim" in follow.standalone_question
