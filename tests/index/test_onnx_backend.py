"""The onnx-int8 backend: padded batches against torch, the export cache, and the store's manifest."""

import shutil

import numpy as np
import pytest

from fakes import FakeEmbedding
from index import IndexSettings, Store, StoreError, build, load_embedder, manifest_for
from index.e5onnx import OnnxE5Embedding, export_float32, export_key, onnx_dir_for
from index.embedding import default_model_dir

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


def test_store_built_by_one_backend_is_not_searched_by_another(corpus_dir, settings):
    build(settings, embed_model=FakeInt8())
    store = Store(settings)
    assert store.manifest().embed_backend == "onnx-int8"
    store.check(manifest_for(settings, FakeInt8()))
    with pytest.raises(StoreError, match="onnx-int8 backend, but this setup uses .* torch backend.*--rebuild"):
        store.check(manifest_for(settings, FakeEmbedding()))
    assert build(settings, embed_model=FakeEmbedding()).rebuilt  # a build with the other one starts over


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


@pytest.mark.slow
def test_float32_export_matches_torch_on_padded_batches(tmp_path):
    model_dir = default_model_dir(IndexSettings())
    export_float32(model_dir, tmp_path / "float32.onnx")
    shutil.copy(model_dir / "tokenizer.json", tmp_path / "tokenizer.json")
    onnx = OnnxE5Embedding(tmp_path, model_file="float32.onnx", embed_batch_size=len(TEXTS))
    torch = load_embedder(IndexSettings())
    batched = onnx.get_text_embedding_batch(TEXTS)  # one padded batch
    assert cosines(batched, torch.get_text_embedding_batch(TEXTS)).min() >= 0.999
    alone = [onnx.get_text_embedding(t) for t in TEXTS]  # no padding at all
    assert cosines(batched, alone).min() >= 0.9999
    queries = [onnx.get_query_embedding(t) for t in TEXTS]
    assert cosines(queries, [torch.get_query_embedding(t) for t in TEXTS]).min() >= 0.999


@pytest.mark.slow
def test_int8_backend_stays_close_to_torch():
    int8 = load_embedder(IndexSettings(embed_backend="onnx-int8"))
    torch = load_embedder(IndexSettings())
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
    torch = load_embedder(IndexSettings())
    assert manifest_for(IndexSettings(), fast) == manifest_for(IndexSettings(embed_backend="onnx-float32")) == manifest_for(IndexSettings(), torch)
    assert cosines(fast.get_text_embedding_batch(TEXTS), torch.get_text_embedding_batch(TEXTS)).min() >= 0.9999
    assert cosines([fast.get_query_embedding(t) for t in TEXTS], [torch.get_query_embedding(t) for t in TEXTS]).min() >= 0.9999


@pytest.mark.slow
def test_int8_backend_is_right_on_padded_batches():
    int8 = load_embedder(IndexSettings(embed_backend="onnx-int8"))
    batched = int8.get_text_embedding_batch(TEXTS)  # one padded batch: the mask must hide the padding
    alone = [int8.get_text_embedding(t) for t in TEXTS]
    # Not 1.0: dynamic quantisation scales each batch's activations together, padding included.
    assert cosines(batched, alone).min() >= 0.99
    # Idle threads sleep: a spinning one takes the other core on this shared machine (e5onnx).
    assert int8._session.get_session_options().get_session_config_entry("session.intra_op.allow_spinning") == "0"
