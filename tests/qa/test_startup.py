"""What a process pays before its first answer (issue 14): imports kept off that path, one
embedding of the question, the ONNX weights mapped instead of parsed, the phases script."""

import json
import subprocess
import sys

import numpy as np
import pytest

from fakes import FakeEmbedding
from index import build
from paths import CORPUS, ROOT
from qa import Assistant, Settings

# Each costs ~0.5-5 s to import here and is not needed for a fact answer.
# (llama-index-core itself loads the `llama_index.llms` namespace and its tiny cohere stub.)
NOT_BEFORE_FIRST_ANSWER = ("streamlit", "sklearn", "sumy", "nltk", "llama_index.llms.llama_cpp", "llama_index.llms.openai_like",
                           "llama_cpp", "openai", "torch", "sentence_transformers", "transformers", "tiktoken", "trafilatura",
                           "feedparser", "dateparser", "matplotlib", "index.feeds", "index.web")


def test_importing_qa_leaves_heavy_libraries_unloaded():
    code = "import json, sys, qa, qa.__main__; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, check=True)
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    heavy = sorted(m for m in loaded for name in NOT_BEFORE_FIRST_ANSWER if m == name or m.startswith(name + "."))
    assert heavy == []


class CountingEmbedding(FakeEmbedding):
    queries: list = []

    def _get_query_embedding(self, query: str) -> list[float]:
        self.queries.append(query)
        return super()._get_query_embedding(query)


def test_a_question_is_embedded_once(corpus_dir):
    embed = CountingEmbedding(queries=[])
    settings = Settings()
    build(settings, embed_model=embed)
    assistant = Assistant.open(settings=settings, embed_model=embed)
    question = "Melyik kutatóintézet elemezte az együttműködést? Chatham House"
    answer = assistant.ask(question)
    assert answer.retrieved and not answer.refused
    # The planner, the dense search and the sentence ranking share it (the citation check
    # embeds the answer's sentences, which are other texts).
    assert embed.queries.count(question) == 1


def test_mapped_onnx_graph_loads_the_same_weights(tmp_path):
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    from index.e5onnx import mapped

    weight = np.random.default_rng(0).standard_normal((64, 32)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])], "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, 64])], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, 32])],
        [numpy_helper.from_array(weight, "w")],
    )
    path = tmp_path / "float32.onnx"
    onnx.save_model(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8), str(path))
    x = np.random.default_rng(1).standard_normal((3, 64)).astype(np.float32)
    before = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert mapped(path) == path and (tmp_path / "float32.weights").stat().st_size == weight.nbytes
    assert path.stat().st_size < weight.nbytes  # the graph no longer carries the weights
    after = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert np.array_equal(before, after)
    stamp = path.stat().st_mtime_ns
    mapped(path)
    assert path.stat().st_mtime_ns == stamp and sorted(p.name for p in tmp_path.iterdir()) == ["float32.onnx", "float32.weights"]


def test_unwritable_cache_loads_the_graph_unmapped(tmp_path, monkeypatch, caplog):
    from index.e5onnx import mapped

    path = tmp_path / "model.onnx"
    path.write_bytes(b"graph")

    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr("pathlib.Path.mkdir", refuse)
    assert mapped(path) == path and path.read_bytes() == b"graph"
    assert "loading it unmapped" in caplog.text


@pytest.mark.slow
def test_startup_script_prints_every_phase(tmp_path):
    store = tmp_path / "startup-store"
    env_backend = {"NEWSQA_EMBED_BACKEND": "onnx-int8"}
    import os

    env = {**os.environ, **env_backend}
    subprocess.run([sys.executable, "-m", "index", "build", "--articles", str(CORPUS), "--store", str(store)],
                   cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=True)
    cmd = [sys.executable, "-m", "eval.startup", "--store", str(store), "--backends", "onnx-int8", "--rounds", "1", "--json"]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    (row,) = json.loads(done.stdout)
    phases = ["interpreter_s", "import_qa_s", "load_model_s", "open_store_s", "first_answer_s"]
    assert row["backend"] == "onnx-int8" and all(row[p] > 0 for p in phases)
    assert row["total_s"] == pytest.approx(sum(row[p] for p in phases), abs=0.01) and row["cli_wall_s"] > 0
    assert row["answer_kind"] == "fact"
