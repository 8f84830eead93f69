from index.articles import Article, read_articles
from index.passages import split_article, split_sentences


def make(text: str) -> Article:
    return Article("a.txt", "Cím", "2025-07", 20250701, "", "a.txt", "", text)


def test_corpus_passages_keep_exact_offsets_and_size(corpus_dir):
    articles, _ = read_articles(corpus_dir, 10**6)
    for article in articles:
        passages = split_article(article, 700)
        assert len(passages) >= 4
        for p in passages:
            assert article.text[p.start : p.end] == p.text
            assert len(p.text) <= 700
            assert p.title == article.title and p.published == article.published
        # Consecutive, non-overlapping, and together they cover every sentence.
        assert all(a.end <= b.start for a, b in zip(passages, passages[1:]))
        covered = "".join(p.text for p in passages)
        for s, e in split_sentences(article.text):
            assert article.text[s:e] in covered


def test_subheads_join_the_paragraph_after_them():
    text = "Első bekezdés, elég hosszú ahhoz, hogy ne legyen címsor.\n\nKeleti repülőrajt\n\nA második bekezdés szövege."
    passages = split_article(make(text), 60)
    assert [p.text for p in passages][-1] == "Keleti repülőrajt\n\nA második bekezdés szövege."


def test_long_paragraph_is_cut_at_sentence_ends():
    text = " ".join(f"Ez a {i}. mondat a hosszú bekezdésben." for i in range(40))
    passages = split_article(make(text), 300)
    assert len(passages) > 3
    assert all(p.text.endswith("bekezdésben.") and len(p.text) <= 300 for p in passages)


def test_sentences_do_not_end_at_ordinals_or_inside_quotes():
    text = "Ugyanakkor a 23. cikk hangsúlyozta ezt. A szerződés „hatálya határozatlan”. Kim szerint igen!"
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "Ugyanakkor a 23. cikk hangsúlyozta ezt.",
        "A szerződés „hatálya határozatlan”.",
        "Kim szerint igen!",
    ]


def test_passage_ids_are_stable_and_distinct():
    text = "Egy mondat itt. " * 100
    a, b = split_article(make(text), 300), split_article(make(text), 300)
    assert [p.passage_id for p in a] == [p.passage_id for p in b]
    assert len({p.passage_id for p in a}) == len(a)
