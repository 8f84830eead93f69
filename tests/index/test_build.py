import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fakes import FakeEmbedding
from index import IndexSettings, Store, StoreError, build, manifest_for, status

HU = "Phenjanban tárgyalt az orosz külügyminiszter Kim Dzsongunnal. Ősszel újabb találkozó jön."


def article(folder: Path, name: str, body: str, date: str = "2025-07") -> None:
    (folder / name).write_text(f" date {date} Háború\n\nCím {name}\n\n{body}", encoding="utf-8")


def snapshot(settings) -> tuple[list[str], list[str]]:
    store = Store(settings)
    return sorted(p.passage_id for p in store.passages()), sorted(store.article_records())


def test_build_then_nothing_to_do(corpus_dir, settings, fake_embed):
    first = build(settings, embed_model=fake_embed)
    assert (first.added, first.updated, first.unchanged, first.removed) == (2, 0, 0, 0)
    assert first.passages_written == fake_embed.embedded == Store(settings).count() == 10
    second = build(settings, embed_model=fake_embed)
    assert (second.added, second.unchanged, second.passages_written) == (0, 2, 0)
    assert fake_embed.embedded == 10  # nothing embedded again
    info = status(settings)
    assert (info["articles"], info["passages"], info["embed_model"]) == (2, 10, "fake-hash-embedding")
    assert "2 unchanged" in second.summary()


def test_passages_carry_title_date_and_offsets(corpus_dir, settings, fake_embed):
    build(settings, embed_model=fake_embed)
    store = Store(settings)
    for p in store.passages():
        full = store.article(p.article_id)
        assert full.text[p.start : p.end] == p.text
        assert p.title == full.title and p.published_int == full.published_int


def test_changed_and_deleted_articles(articles_dir, settings, fake_embed):
    article(articles_dir, "a.txt", HU)
    article(articles_dir, "b.txt", HU.replace("Ősszel", "Tavasszal"))
    build(settings, embed_model=fake_embed)
    old_ids = {p.passage_id: p.text for p in Store(settings).passages(["a.txt"])}

    article(articles_dir, "a.txt", "Egészen más szöveg áll itt most. " * 40)
    (articles_dir / "b.txt").unlink()
    report = build(settings, embed_model=fake_embed)
    assert (report.added, report.updated, report.removed) == (0, 1, 1)
    passages = Store(settings).passages()
    assert {p.article_id for p in passages} == {"a.txt"}
    assert all("Egészen más" in p.text for p in passages)
    assert not any(old_ids.get(p.passage_id) == p.text for p in passages)
    assert snapshot(settings)[1] == ["a.txt"]


def test_empty_folder_refuses_to_empty_the_store(articles_dir, settings, fake_embed):
    article(articles_dir, "a.txt", HU)
    build(settings, embed_model=fake_embed)
    (articles_dir / "a.txt").unlink()
    with pytest.raises(ValueError, match="no readable articles"):
        build(settings, embed_model=fake_embed)
    assert Store(settings).count() > 0


def test_interrupted_build_is_completed_by_the_next(corpus_dir, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules["index.build"], "_BATCHES_PER_CHUNK", 8)
    small = IndexSettings(embed_batch_size=1)  # chunks of 8: the first article commits, the second never
    with pytest.raises(KeyboardInterrupt):
        build(small, embed_model=FakeEmbedding(fail_after=8, embed_batch_size=8))
    assert snapshot(settings)[1] == ["000_d69a3e7bfe563393.txt"]
    resumed = build(settings, embed_model=FakeEmbedding())
    assert (resumed.added, resumed.unchanged) == (1, 1)
    clean = IndexSettings(store_dir=tmp_path / "clean")
    build(clean, articles_dir=corpus_dir, embed_model=FakeEmbedding())
    assert snapshot(settings) == snapshot(clean)


def test_kill_9_at_random_points_converges_to_a_clean_build(corpus_dir, tmp_path, monkeypatch):
    worker = Path(__file__).with_name("_build_worker.py")
    clean = IndexSettings(store_dir=tmp_path / "clean")
    build(clean, articles_dir=corpus_dir, embed_model=FakeEmbedding())
    expected = snapshot(clean)
    # Kill while embedding the first article; with its passages written but not its record;
    # after it is committed; mid-way through the second; and again on a killed store.
    scenarios = [["embedded 0"], ["added 1"], ["embedded 5"], ["added 2"], ["added 1", "added 1"]]
    for n, points in enumerate(scenarios):
        store_dir = tmp_path / f"store{n}"
        env = {**os.environ, "NEWSQA_STORE_DIR": str(store_dir)}
        for point in points:
            proc = subprocess.Popen([sys.executable, str(worker), "0.5"], env=env, stdout=subprocess.PIPE, text=True)
            for line in proc.stdout:
                if line.strip() == point:
                    proc.send_signal(signal.SIGKILL)
                    break
            proc.wait(timeout=60)
            assert proc.returncode == -signal.SIGKILL, f"{point} was never reached"
        finished = subprocess.run([sys.executable, str(worker), "0"], env=env, capture_output=True, text=True, timeout=300)
        assert "finished" in finished.stdout, finished.stderr
        assert snapshot(IndexSettings(store_dir=store_dir)) == expected


def test_orphan_passages_without_a_record_are_removed(corpus_dir, settings, fake_embed):
    build(settings, embed_model=fake_embed)
    store = Store(settings)
    store._articles.delete(ids=["000_d69a3e7bfe563393.txt"])  # as if killed before the commit
    report = build(settings, embed_model=fake_embed)
    assert report.added == 1
    assert len(store.passages(["000_d69a3e7bfe563393.txt"])) == 5


def test_other_model_or_chunking_is_detected(corpus_dir, settings, fake_embed):
    build(settings, embed_model=fake_embed)
    store = Store(settings)
    store.check(manifest_for(settings, fake_embed))
    other = IndexSettings(passage_chars=400)
    with pytest.raises(StoreError, match="was built with model fake-hash-embedding, passages of ~700 chars.*--rebuild"):
        store.check(manifest_for(other, fake_embed))
    report = build(other, embed_model=fake_embed)  # a build with new settings redoes everything
    assert report.rebuilt and report.added == 2
    Store(other).check(manifest_for(other, fake_embed))


def test_empty_store_is_reported(settings, fake_embed):
    with pytest.raises(StoreError, match="is empty: run `python -m index build`"):
        Store(settings).check(manifest_for(settings, fake_embed))


def test_bad_files_are_counted_in_the_summary(corpus_dir, settings, fake_embed):
    (corpus_dir / "broken.txt").write_bytes(b"")
    (corpus_dir / "nodate.txt").write_text("Cím\n\nSzöveg.", encoding="utf-8")
    report = build(settings, embed_model=fake_embed)
    assert report.added == 2 and len(report.skipped) == 2
    assert "2 skipped (1× empty file; 1× missing date: " in report.summary()


def test_each_passage_keeps_its_own_vector(corpus_dir, settings):
    """Batches are length-sorted across articles: every vector must still land on its passage."""
    import numpy as np

    from fakes import _vector
    from index.embedding import passage_input

    build(IndexSettings(embed_batch_size=2), embed_model=FakeEmbedding(embed_batch_size=3))
    got = Store(settings)._passages.get(include=["documents", "metadatas", "embeddings"])
    assert len(got["ids"]) == 10
    for text, meta, vector in zip(got["documents"], got["metadatas"], got["embeddings"]):
        assert np.allclose(vector, _vector(passage_input(meta["title"], text)), atol=1e-5)
