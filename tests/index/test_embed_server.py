"""Embeddings from an OpenAI-compatible server: a real server process on 127.0.0.1."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index import IndexSettings, Store, build, load_embedder, manifest_for, status
from index.embed_server import EmbeddingUnavailable, ServerEmbedding
from index.embedding import default_model_dir
from paths import CORPUS
from servers import free_port, wait_until_up

SERVER = Path(__file__).resolve().parent.parent / "embed_server.py"
TEXTS = [
    "Kim Dzsongun Pekingben, Kína katonai parádéján találkozott Vlagyimir Putyinnal.",
    "Árvíztűrő tükörfúrógép.",
    "Who did Lavrov meet in Pyongyang?",
]


def test_unreachable_server_says_where_and_what_to_set(settings):
    embed = ServerEmbedding(f"http://127.0.0.1:{free_port()}/v1", "e5", timeout_s=2, retries=1)
    with pytest.raises(EmbeddingUnavailable, match=r"nem érhető el \(http://127\.0\.0\.1:\d+/v1/embeddings.*NEWSQA_EMBED_BASE_URL"):
        embed.get_query_embedding("Hol?")


def test_server_settings_choose_the_server_and_name_it_in_the_manifest():
    settings = IndexSettings(embed_base_url="http://gpu-host:8080/v1/", embed_model="intfloat/multilingual-e5-small", embed_api_key="k")
    embed = load_embedder(settings)
    assert isinstance(embed, ServerEmbedding) and embed.base_url == "http://gpu-host:8080/v1"
    assert manifest_for(settings) == manifest_for(settings, embed)
    assert (manifest_for(settings).embed_model, manifest_for(settings).embed_backend) == ("multilingual-e5-small", "server")


def start(port: int, model_dir: Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, str(SERVER), "--model-dir", str(model_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_until_up(f"http://127.0.0.1:{port}/v1/models", proc, 300, "the embeddings server")
    return proc


@pytest.fixture
def server():
    """(base_url, process) of a server of the converted e5; stopped after the test."""
    procs = []
    model_dir = default_model_dir(IndexSettings())

    def launch() -> tuple[str, subprocess.Popen]:
        port = free_port()
        procs.append(start(port, model_dir))
        return f"http://127.0.0.1:{port}/v1", procs[-1]

    yield launch
    for proc in procs:
        proc.kill()
        proc.wait()


@pytest.mark.slow
def test_server_vectors_match_the_local_model(server):
    url, _ = server()
    remote = load_embedder(IndexSettings(embed_base_url=url, embed_server_batch_size=2))
    local = load_embedder(IndexSettings())
    for got, want in [
        (remote.get_text_embedding_batch(TEXTS), local.get_text_embedding_batch(TEXTS)),
        ([remote.get_query_embedding(t) for t in TEXTS], [local.get_query_embedding(t) for t in TEXTS]),
    ]:
        cosines = (np.array(got) * np.array(want)).sum(axis=1)
        assert cosines.min() >= 0.99, cosines


@pytest.mark.slow
def test_server_gone_mid_build_leaves_a_consistent_store_that_the_next_build_completes(server, articles_dir):
    for k in range(6):  # 12 articles x 5 passages: four embedding chunks of 16
        for path in CORPUS.glob("*.txt"):
            (articles_dir / f"{path.stem}-{k}.txt").write_text(path.read_text(encoding="utf-8") + f"\n\n(Változat: {k}.)", encoding="utf-8")
    url, proc = server()
    settings = IndexSettings(embed_base_url=url, embed_batch_size=2, embed_server_batch_size=8, embed_timeout_s=20)
    # Stop the server as soon as the first articles are committed.
    with pytest.raises(EmbeddingUnavailable, match="nem érhető el"):
        build(settings, progress=lambda done, total: done and proc.poll() is None and proc.kill())
    store = Store(settings)
    records = store.article_records()
    assert 0 < len(records) < 12
    for article_id, record in records.items():  # every committed article is whole
        assert len(store.passages([article_id])) == record["passages"]

    url2, _ = server()  # another address: the store names the model and backend, not the server
    resumed = IndexSettings(**{**settings.model_dump(), "embed_base_url": url2})
    report = build(resumed)
    assert not report.rebuilt and report.unchanged == len(records) and report.added + report.updated == 12 - len(records)
    info = status(resumed)
    assert (info["articles"], info["embed_backend"]) == (12, "server")
    assert info["passages"] == sum(r["passages"] for r in Store(resumed).article_records().values())
    Store(resumed).check(manifest_for(resumed))
