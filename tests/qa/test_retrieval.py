from index import Store, build
from qa import Filters
from qa.retrieval import HybridRetriever


def retriever(settings, embed):
    return HybridRetriever(Store(settings), embed, candidates=20)


def test_bm25_meets_inflected_forms(built, fake_embed):
    r = retriever(built, fake_embed)
    texts = [h.passage.text for h in r.retrieve("Phenjan", 3)]
    assert any("phenjani" in t or "Phenjannal" in t for t in texts)


def test_hits_are_ranked_unique_passages(built, fake_embed):
    hits = retriever(built, fake_embed).retrieve("Chatham House kutatása", 5)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert len({h.passage.passage_id for h in hits}) == 5
    assert "Chatham House" in hits[0].passage.text
    assert hits[0].score >= hits[-1].score


def test_filters_by_date_and_article(built, fake_embed):
    r = retriever(built, fake_embed)
    late = r.retrieve("Észak-Korea Oroszország", 10, Filters(date_from=20250801))
    assert late and {h.passage.published for h in late} == {"2025-09-03"}
    early = r.retrieve("Észak-Korea Oroszország", 10, Filters(date_to=20250731))
    assert early and {h.passage.published for h in early} == {"2025-07"}
    one = r.retrieve("Észak-Korea", 10, Filters(article_ids=("000_d69a3e7bfe563393.txt",)))
    assert {h.passage.article_id for h in one} == {"000_d69a3e7bfe563393.txt"}
    assert r.retrieve("Észak-Korea", 10, Filters(date_from=20300101)) == []


def test_lexical_side_follows_the_store_after_a_build(built, fake_embed, articles_dir):
    r = retriever(built, fake_embed)
    assert not any("Zsiráfkert" in h.passage.text for h in r.retrieve("Zsiráfkert", 5))
    (articles_dir / "new.txt").write_text(" date 2025-10-01 Hír\n\nÚj cikk\n\nA Zsiráfkert megnyílt Phenjanban tegnap délután.", encoding="utf-8")
    build(built, embed_model=fake_embed)
    assert r.retrieve("Zsiráfkert", 1)[0].passage.article_id == "new.txt"
