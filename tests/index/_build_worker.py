"""Run a build with a slow fake embedding in its own process, for the kill -9 test."""

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]

import index  # noqa: E402
from fakes import FakeEmbedding  # noqa: E402

if __name__ == "__main__":
    index.build(index.IndexSettings(embed_batch_size=1), embed_model=FakeEmbedding(delay=float(sys.argv[1])))
    print("finished")
