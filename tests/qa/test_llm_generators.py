"""The local Qwen model in-process, and the same model behind a real llama_cpp.server (slow)."""

import subprocess
import sys
import time

import pytest

from index import build
from qa import Answer, Assistant, Settings
from servers import free_port, wait_until_up

pytestmark = [pytest.mark.slow, pytest.mark.llm]
pytest.importorskip("llama_cpp", reason="install requirements-llm.txt (./test.sh does)")

QUESTION = "Melyik kutatóintézet elemezte az észak-koreai–orosz együttműködést?"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from paths import CORPUS

    settings = Settings(store_dir=tmp_path_factory.mktemp("llm") / "store", collection="llm", temperature=0.0)
    build(settings, articles_dir=CORPUS)
    return settings


@pytest.fixture(scope="module")
def gguf(store):
    from qa.models import GGUF_SIZE, gguf_path

    path = gguf_path(store.cache_dir)
    assert path.stat().st_size == GGUF_SIZE  # joined and sha256-checked by gguf_path
    return path


def _check(answer: Answer, generator: str) -> None:
    assert answer.generator == generator
    assert not answer.refused, (answer.text, answer.unsupported)
    assert "Chatham" in answer.text
    assert answer.citations and all(c.quote in c.passage.text for c in answer.citations)


def test_local_generator_streams_a_checked_answer(store, gguf):
    assistant = Assistant.open(settings=Settings(**{**store.model_dump(), "generator": "local"}))
    items = list(assistant.stream(QUESTION))
    answer = items[-1]
    assert len(items) > 2  # streamed in pieces
    _check(answer, "local")
    unanswerable = assistant.ask("Hány tüzérségi lövedéket szállított Észak-Korea Oroszországnak?")
    assert unanswerable.refused


@pytest.fixture(scope="module")
def llm_server(gguf):
    port = free_port()
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1", "--port", str(port),
           "--n_ctx", "4096", "--n_threads", "2", "--model_alias", "qwen"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    wait_until_up(f"{url}/models", proc, 180, "llama_cpp.server")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def test_openai_generator_against_a_real_llama_cpp_server(store, llm_server):
    settings = Settings(**{**store.model_dump(), "generator": "openai", "openai_base_url": llm_server, "openai_model": "qwen"})
    _check(Assistant.open(settings=settings).ask(QUESTION), "openai")


def test_unreachable_server_gives_a_clear_notice_and_the_extractive_answer(store):
    url = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    settings = Settings(**{**store.model_dump(), "generator": "openai", "openai_base_url": url, "llm_timeout_s": 5})
    started = time.perf_counter()
    answer = Assistant.open(settings=settings).ask(QUESTION)
    assert time.perf_counter() - started < 30
    assert url in answer.notice and answer.generator == "extractive" and "Chatham" in answer.text
