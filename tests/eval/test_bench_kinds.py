"""The answer kinds' latency part of the benchmark runs and writes every figure (slow)."""

import json

import pytest

from eval.bench_kinds import KINDS, bench_kinds

pytestmark = pytest.mark.slow


def test_every_kind_has_a_p50_and_p95_over_the_32_articles(tmp_path):
    figures = bench_kinds(tmp_path)
    assert figures["articles"] == 32 and figures["requests"] >= 20
    for kind in KINDS:
        assert 0 < figures[f"{kind}_p50_s"] <= figures[f"{kind}_p95_s"]
    json.dumps(figures)  # goes into bench.json as it is
