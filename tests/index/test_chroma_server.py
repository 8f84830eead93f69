"""Build and ask against a real `chroma run` server on 127.0.0.1, and survive it going away."""

import subprocess
import sys
from pathlib import Path

import pytest

from fakes import FakeEmbedding
from index import Store, StoreUnavailable, build
from qa import Assistant, Settings
from servers import free_port, wait_until_up

pytestmark = pytest.mark.slow
CHROMA = Path(sys.executable).with_name("chroma")


def start(path: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, 30, "chroma run")
    return proc


def test_build_and_ask_through_a_chroma_server_and_recover(corpus_dir, tmp_path, monkeypatch):
    port = free_port()
    monkeypatch.setenv("NEWSQA_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("NEWSQA_CHROMA_PORT", str(port))
    server = start(tmp_path / "chroma-data", port)
    try:
        embed = FakeEmbedding()
        report = build(Settings(), embed_model=embed)
        assert report.added == 2 and Store(Settings()).count() == 10
        assert build(Settings(), embed_model=embed).unchanged == 2
        assistant = Assistant.open(settings=Settings(), embed_model=embed)
        question = "Mit állít a Chatham House kutatása a kapcsolatról?"
        assert "Chatham House" in assistant.ask(question).text

        server.terminate()
        server.wait(timeout=30)
        with pytest.raises(StoreUnavailable, match=f"A Chroma szerver nem érhető el \\(127.0.0.1:{port}\\)"):
            assistant.ask(question)

        server = start(tmp_path / "chroma-data", port)  # same data: nothing was lost
        assert "Chatham House" in assistant.ask(question).text
        assert Store(Settings()).count() == 10
    finally:
        server.terminate()
        server.wait(timeout=30)
