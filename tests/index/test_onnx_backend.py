"""The onnx-int8 backend: padded batches against torch, the export cache, and the store's manifest."""

import shutil
from pathlib import Path

import numpy as np
import pytest

from fakes import FakeEmbedding
from index import BuildReport, IndexSettings, Store, StoreError, build, e5onnx, embedding, latin_tokenizer, load_embedder, manifest_for
from index.e5onnx import OnnxE5Embedding, export_float32, export_key, onnx_dir_for
from index.embedding import default_model_dir
from index.store import Manifest

# Lengths from 3 to ~60 tokens, so every batch of them is padded.
TEXTS = [
    "Hol?",
    "Kim Dzsongun Pekingben, Kína katonai parádéján találkozott Vlagyimir Putyinnal.",
    "Árvíztűrő tükörfúrógép, őszi ünnepség Phenjanban.",
    "Who did Lavrov meet in Pyongyang?",
    "Észak-Korea 2022 óta többször támogató nyilatkozatot tett Oroszország ukrajnai háborús célkitűzéseivel "
    "kapcsolatban, és az ENSZ-ben is következetesen Moszkva mellé állt.",
]


class FakeInt8(FakeEmbedding):
    backend: str = "onnx-int8"


def cosines(a, b) -> np.ndarray:
    return (np.asarray(a) * np.asarray(b)).sum(axis=1)


def test_int8_store_is_searched_by_float32_questions_of_the_same_model_only(corpus_dir, settings):
    build(settings, embed_model=FakeInt8())
    store = Store(settings)
    assert store.manifest().embed_backend == "onnx-int8"
    store.check(manifest_for(settings, FakeInt8()))
    store.check(manifest_for(settings, FakeEmbedding()))  # float32 questions: the same model's vectors
    other = FakeEmbedding(model_name="another-model")
    with pytest.raises(StoreError, match="onnx-int8 backend, but this setup uses .* torch backend.*--rebuild"):
        store.check(manifest_for(settings, other))
    assert build(settings, embed_model=FakeEmbedding()).rebuilt  # a build with the other backend starts over: no mixed store


def test_searchable_with_wants_one_model_and_one_chunking():
    float32 = Manifest("e5-small-abc-v1", 700)
    int8 = Manifest("e5-small-abc-v1-onnx-int8-0123abcd", 700, embed_backend="onnx-int8")
    assert int8.family() == float32.family() == "e5-small-abc-v1"
    assert int8.searchable_with(float32) and float32.searchable_with(int8)
    assert not int8.searchable_with(Manifest("e5-small-abc-v1", 900))  # other passages
    assert not int8.searchable_with(Manifest("e5-small-xyz-v1", 700))  # another conversion
    server = Manifest("multilingual-e5-small", 700, embed_backend="server")
    assert server.searchable_with(server) and not server.searchable_with(float32) and not float32.searchable_with(server)


def test_questions_take_the_query_backend_and_a_server_takes_both(monkeypatch):
    monkeypatch.setattr(embedding, "load_embedder", lambda settings: (settings.embed_backend, settings.embed_base_url))
    assert embedding.load_query_embedder(IndexSettings(embed_backend="onnx-int8")) == ("onnx-float32", None)
    assert embedding.load_query_embedder(IndexSettings(embed_backend="onnx-int8", query_backend="onnx-int8")) == ("onnx-int8", None)
    served = IndexSettings(embed_backend="onnx-int8", embed_base_url="http://127.0.0.1:9/v1")
    assert embedding.load_query_embedder(served) == ("onnx-int8", "http://127.0.0.1:9/v1")


def test_export_is_keyed_by_what_it_is_made_from(tmp_path):
    model = tmp_path / "e5-small-abc-v1"
    model.mkdir()
    (model / "newsqa-source.json").write_text('{"source": "a"}')
    first = onnx_dir_for(model)
    assert first.parent == tmp_path and first.name.startswith("e5-small-abc-v1-onnx-int8-")
    (model / "newsqa-source.json").write_text('{"source": "b"}')
    assert onnx_dir_for(model) != first and export_key(model) in onnx_dir_for(model).name


def test_onnx_settings_name_the_backend_without_loading_a_model():
    settings = IndexSettings(embed_backend="onnx-int8")
    manifest = manifest_for(settings)
    assert manifest.embed_backend == "onnx-int8" and "-onnx-int8-" in manifest.embed_model


def test_default_backend_is_the_float32_export_with_torchs_manifest():
    # The same vectors as torch, so a store built either way serves the other (and the default).
    assert IndexSettings().embed_backend == "onnx-float32"
    assert manifest_for(IndexSettings()) == manifest_for(IndexSettings(embed_backend="torch"))


def test_float32_export_is_made_without_waiting_for_int8(tmp_path, monkeypatch):
    model = tmp_path / "e5-small-abc-v1"
    model.mkdir()
    made = []
    monkeypatch.setattr(e5onnx, "export", lambda src, target: (target.mkdir(), (target / "float32.onnx").write_text("g"), made.append("export")))
    monkeypatch.setattr(e5onnx, "quantise", lambda src, target: (target.write_text("q"), made.append("quantise")))
    target = e5onnx.exported_model_dir(model, int8=False)
    assert made == ["export"] and not (target / "model.onnx").exists()
    assert e5onnx.exported_model_dir(model) == target and made == ["export", "quantise"]
    e5onnx.exported_model_dir(model)
    assert made == ["export", "quantise"]  # both cached now


def test_a_failed_export_falls_back_to_torch(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("exporter broke")

    monkeypatch.setattr(e5onnx, "exported_model_dir", broken)
    monkeypatch.setattr(embedding, "_load", lambda model_dir, batch_size: "torch model")
    embedding._load_onnx.cache_clear()
    try:
        assert load_embedder(IndexSettings(embed_backend="onnx-float32", cache_dir=Path("/nonexistent"))) == "torch model"
    finally:
        embedding._load_onnx.cache_clear()
    assert "exporter broke" in caplog.text and "embedding with torch instead" in caplog.text


def test_index_build_prepares_the_export_even_with_nothing_to_embed(corpus_dir, monkeypatch):
    from index import __main__ as cli

    prepared = []
    monkeypatch.setattr(cli, "build", lambda settings, **kwargs: BuildReport())
    monkeypatch.setattr(cli, "prepare", prepared.append)
    assert cli.main(["build"]) == 0 and prepared[0].embed_backend == "onnx-float32"


def test_prepare_exports_and_maps_only_the_graphs_in_use(monkeypatch):
    calls = []
    monkeypatch.setattr(embedding, "default_model_dir", lambda settings: Path("/m"))
    monkeypatch.setattr(e5onnx, "exported_model_dir", lambda model_dir, int8: calls.append(("export", int8)) or Path("/x"))
    monkeypatch.setattr(e5onnx, "mapped", lambda path: calls.append(("map", path.name)))
    monkeypatch.setattr(latin_tokenizer, "compact_files", lambda path: None)
    embedding.prepare(IndexSettings(embed_backend="torch", query_backend="torch"))
    assert calls == []
    embedding.prepare(IndexSettings())
    assert calls == [("export", False), ("map", "float32.onnx")]
    calls.clear()
    embedding.prepare(IndexSettings(embed_backend="onnx-int8"))  # int8 passages, float32 questions
    assert calls == [("export", True), ("map", "model.onnx"), ("export", False), ("map", "float32.onnx")]


@pytest.mark.slow
def test_float32_export_matches_torch_on_padded_batches(tmp_path):
    model_dir = default_model_dir(IndexSettings())
    export_float32(model_dir, tmp_path / "float32.onnx")
    shutil.copy(model_dir / "tokenizer.json", tmp_path / "tokenizer.json")
    onnx = OnnxE5Embedding(tmp_path, model_file="float32.onnx", rows=len(TEXTS))
    torch = load_embedder(IndexSettings(embed_backend="torch"))
    batched = onnx.get_text_embedding_batch(TEXTS)  # one padded batch
    assert cosines(batched, torch.get_text_embedding_batch(TEXTS)).min() >= 0.999
    alone = [onnx.get_text_embedding(t) for t in TEXTS]  # no padding at all
    assert cosines(batched, alone).min() >= 0.9999
    queries = [onnx.get_query_embedding(t) for t in TEXTS]
    assert cosines(queries, [torch.get_query_embedding(t) for t in TEXTS]).min() >= 0.999


@pytest.mark.slow
def test_int8_backend_stays_close_to_torch():
    int8 = load_embedder(IndexSettings(embed_backend="onnx-int8"))
    torch = load_embedder(IndexSettings(embed_backend="torch"))
    assert manifest_for(IndexSettings(embed_backend="onnx-int8"), int8) == manifest_for(IndexSettings(embed_backend="onnx-int8"))
    for got, want in [
        (int8.get_text_embedding_batch(TEXTS), torch.get_text_embedding_batch(TEXTS)),
        ([int8.get_query_embedding(t) for t in TEXTS], [torch.get_query_embedding(t) for t in TEXTS]),
    ]:
        found = cosines(got, want)
        # Measured on the eval corpus: mean 0.995, the worst short text 0.98.
        assert found.min() >= 0.97 and found.mean() >= 0.99, found


@pytest.mark.slow
def test_onnx_float32_backend_gives_torch_vectors_and_searches_torch_stores():
    fast = load_embedder(IndexSettings(embed_backend="onnx-float32"))
    torch = load_embedder(IndexSettings(embed_backend="torch"))
    assert manifest_for(IndexSettings(), fast) == manifest_for(IndexSettings(embed_backend="onnx-float32")) == manifest_for(IndexSettings(), torch)
    assert cosines(fast.get_text_embedding_batch(TEXTS), torch.get_text_embedding_batch(TEXTS)).min() >= 0.9999
    assert cosines([fast.get_query_embedding(t) for t in TEXTS], [torch.get_query_embedding(t) for t in TEXTS]).min() >= 0.9999


@pytest.mark.slow
def test_int8_backend_is_right_on_padded_batches():
    int8 = load_embedder(IndexSettings(embed_backend="onnx-int8"))
    onnx_dir = e5onnx.exported_model_dir(default_model_dir(IndexSettings(embed_backend="onnx-int8")))
    padded = OnnxE5Embedding(onnx_dir, run_tokens=10_000, rows=len(TEXTS))
    batched = padded.get_text_embedding_batch(TEXTS)  # one padded run: the mask must hide the padding
    alone = [int8.get_text_embedding(t) for t in TEXTS]
    # Not 1.0: dynamic quantisation scales each run's activations together, padding included.
    assert cosines(batched, alone).min() >= 0.99
    # So the backend runs each text alone: a text's vector does not depend on the others sent with it.
    assert cosines(int8.get_text_embedding_batch(TEXTS), alone).min() >= 0.99999
    assert cosines(int8.get_text_embedding_batch(TEXTS[::-1])[::-1], alone).min() >= 0.99999
    # Idle threads sleep: a spinning one takes the other core on this shared machine (e5onnx).
    assert int8._session.get_session_options().get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_runs_group_texts_of_similar_length_within_the_token_budget():
    # Sorted by length; a run grows while its padded size (rows x longest) stays within budget.
    assert e5onnx.runs([150, 30, 40, 35, 300], max_rows=16, max_tokens=160) == [[1, 3, 2], [0], [4]]
    assert e5onnx.runs([10] * 5, max_rows=2, max_tokens=160) == [[0, 1], [2, 3], [4]]
    assert e5onnx.runs([], max_rows=16) == []


@pytest.mark.slow
def test_int8_runs_side_by_side_match_float32_on_padded_batches():
    settings = IndexSettings(embed_backend="onnx-int8")
    int8 = load_embedder(settings)
    float32 = load_embedder(IndexSettings(embed_backend="onnx-float32"))
    onnx_dir = e5onnx.exported_model_dir(default_model_dir(settings))
    one_batch = OnnxE5Embedding(onnx_dir, run_tokens=10_000, rows=len(TEXTS))  # one padded run
    passages = TEXTS * 3  # several runs, on both threads, some padded
    want = float32.get_text_embedding_batch(passages)
    for got in (int8.get_text_embedding_batch(passages), one_batch.get_text_embedding_batch(passages)):
        assert cosines(got, want).min() >= 0.99
    assert int8._session.get_session_options().intra_op_num_threads == 1
