"""The store's own write path keeps the rows llama-index's Chroma store writes and reads back."""

import dataclasses

import numpy as np

from fakes import FakeEmbedding
from index import IndexSettings, Store
from index.articles import read_articles
from index.embedding import passage_input
from index.passages import split_article
from index.store import _node


def _rows(collection) -> list[tuple]:
    got = collection.get(include=["embeddings", "metadatas", "documents"])
    return sorted(zip(got["ids"], (e.tobytes() for e in got["embeddings"]), (sorted(m.items()) for m in got["metadatas"]), got["documents"]))


def _items(folder, settings):
    embed = FakeEmbedding()
    articles, _ = read_articles(folder, settings.max_file_bytes)
    items = []
    for a in articles:
        passages = split_article(a, settings.passage_chars)
        items.append((a, passages, embed.get_text_embedding_batch([passage_input(a.title, p.text) for p in passages]), False))
    return items


def test_passage_rows_are_the_rows_llama_index_writes(corpus_dir, tmp_path):
    ours = IndexSettings()
    theirs = IndexSettings(store_dir=tmp_path / "theirs")
    items = _items(corpus_dir, ours)
    Store(ours).write_articles(items, new={a.article_id for a, *_ in items})
    Store(theirs).vector_store.add([_node(a, p, e, len(ps)) for a, ps, es, _ in items for p, e in zip(ps, es)])
    written = _rows(Store(ours)._passages)
    assert len(written) == 10 and written == _rows(Store(theirs)._passages)
    # and llama-index's retriever reads them back as nodes of their article
    nodes = Store(ours).vector_store.get_nodes(node_ids=[written[0][0]])
    assert nodes[0].ref_doc_id == nodes[0].metadata["article_id"]


def test_new_records_are_added_and_known_ones_replaced(corpus_dir, settings):
    store = Store(settings)
    first, second = _items(corpus_dir, settings)
    store.write_articles([first], new={first[0].article_id})
    changed = dataclasses.replace(first[0], title="Új cím")
    store.write_articles([(changed, first[1], first[2], True), second], new={second[0].article_id})
    records = store.article_records()
    assert records[first[0].article_id]["title"] == "Új cím" and records[second[0].article_id]["passages"] == len(second[1])
    assert store.count() == len(first[1]) + len(second[1])  # the first article's old passages were replaced
    stored = store.vectors([p.passage_id for p in first[1]])
    assert all(np.allclose(stored[p.passage_id], v, atol=1e-6) for p, v in zip(first[1], first[2]))
