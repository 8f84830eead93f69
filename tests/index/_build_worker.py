"""Run a build with a slow fake embedding in its own process, for the kill -9 test.

Prints "embedded N" as progress is reported and "added K" each time an article's
passages are in Chroma but its record (the commit marker) is not yet, pausing there, so
the test can kill the build at exactly those points.
"""

import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]

import index  # noqa: E402
from fakes import FakeEmbedding  # noqa: E402
from index.store import Store  # noqa: E402

if __name__ == "__main__":
    delay = float(sys.argv[1])
    original_add = Store.add_passages
    added = 0

    def add_then_pause(self, nodes):
        global added
        original_add(self, nodes)
        added += 1
        print(f"added {added}", flush=True)
        time.sleep(delay)

    Store.add_passages = add_then_pause
    progress = lambda done, total: print(f"embedded {done}", flush=True)  # noqa: E731
    # One passage a chunk: each article is written on its own, so "added 2" (the second
    # article's passages in, its record not) is a point the test can kill at.
    sys.modules["index.build"]._BATCHES_PER_CHUNK = 1
    index.build(index.IndexSettings(embed_batch_size=1), embed_model=FakeEmbedding(delay=delay), progress=progress)
    print("finished", flush=True)
