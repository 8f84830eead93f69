"""The paired timing behind fast_backend_speedup: both backends see the same chunks, taking turns."""

from eval.bench_ingest import _paired_speedup


def test_backends_take_turns_chunk_by_chunk_on_the_same_inputs():
    calls = []

    def encoder(name):
        return lambda texts: calls.append((name, tuple(texts)))

    inputs = [f"p{i}" for i in range(100)]
    spent = _paired_speedup({"torch": encoder("torch"), "onnx-int8": encoder("onnx-int8")}, inputs, rounds=2, chunk=40)
    assert set(spent) == {"torch", "onnx-int8"} and all(len(v) == 2 and min(v) >= 0 for v in spent.values())
    # 3 chunks a round, each run by both, whoever went first last time going second now.
    assert [name for name, _ in calls] == ["torch", "onnx-int8", "onnx-int8", "torch", "torch", "onnx-int8",
                                           "onnx-int8", "torch", "torch", "onnx-int8", "onnx-int8", "torch"]
    for name in ("torch", "onnx-int8"):
        seen = [texts for who, texts in calls if who == name]
        assert [t for texts in seen[:3] for t in texts] == inputs and seen[:3] == seen[3:]
