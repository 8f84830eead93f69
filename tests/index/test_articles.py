import json

import pytest

from index.articles import ArticleError, decode, parse_date, read_articles

HU = "Phenjanban tárgyalt az orosz külügyminiszter. Ősszel újabb találkozó jön, írták a lapok."


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_corpus_txt_shapes(corpus_dir):
    articles, skipped = read_articles(corpus_dir, 10**6)
    assert skipped == []
    first, second = sorted(articles, key=lambda a: a.article_id)
    # A one-word remainder on the date line is a category; the title is the next line.
    assert (first.published, first.published_int, first.category) == ("2025-07", 20250701, "Háború")
    assert first.title.startswith("Észak-Korea feltétel nélkül támogatja")
    # A long remainder is the title itself.
    assert (second.published, second.published_int, second.category) == ("2025-09-03", 20250903, "")
    assert second.title.startswith("Megerősítette korábbi kétállami megállapodását")
    assert second.text.startswith(second.title + "\n\nKeleti repülőrajt")


def test_md_and_json_formats(articles_dir):
    write(articles_dir, "a.md", f"---\ntitle: Cím egy\npublished: 2025-10-01\ncategory: Politika\n---\n# Fejléc\n\n{HU}\n")
    write(articles_dir, "b.json", json.dumps({"title": "Cím kettő", "text": HU + " B", "published": "2025-11"}))
    write(
        articles_dir,
        "c.jsonl",
        json.dumps({"title": "Három", "text": HU + " C", "url": "http://x"}) + "\n"
        + "{not json\n"
        + json.dumps({"text": "no title"}) + "\n",
    )
    articles, skipped = read_articles(articles_dir, 10**6)
    by_id = {a.article_id: a for a in articles}
    assert by_id["a.md"].title == "Cím egy" and by_id["a.md"].published_int == 20251001
    assert by_id["b.json"].published_int == 20251101
    assert by_id["c.jsonl#1"].url == "http://x"
    reasons = {s.source: s.reason for s in skipped}
    assert reasons.keys() == {"c.jsonl:2", "c.jsonl:3"}
    assert reasons["c.jsonl:2"].startswith("Expecting property name")
    assert reasons["c.jsonl:3"] == "missing 'title'"


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"   \n", "empty file"),
        ("binary.txt", b"\x00\x01\x02PNG" * 50, "binary file"),
        ("nodate.txt", "Cím\n\n" + HU, "missing date"),
        ("baddate.txt", " date 2025-13-40 Háború\n\nCím\n\n" + HU, "malformed date"),
        ("words.txt", " date tegnap Háború\n\nCím\n\n" + HU, "malformed date"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
        ("bad.json", "{\"title\": ", "invalid JSON at line 1"),
    ],
)
def test_bad_files_are_reported_by_name_and_the_rest_indexed(articles_dir, name, data, reason):
    write(articles_dir, "good.txt", f" date 2025-07 Háború\n\nJó cikk\n\n{HU}")
    write(articles_dir, name, data)
    articles, skipped = read_articles(articles_dir, 10**6)
    assert [a.article_id for a in articles] == ["good.txt"]
    assert len(skipped) == 1 and skipped[0].source == name
    assert reason in skipped[0].reason


def test_huge_file_is_skipped(articles_dir):
    write(articles_dir, "huge.txt", " date 2025-07 X\n\n" + "szó " * 3000)
    articles, skipped = read_articles(articles_dir, max_bytes=1000)
    assert articles == [] and "too large" in skipped[0].reason


def test_duplicate_article_is_skipped(articles_dir):
    write(articles_dir, "a.txt", f" date 2025-07 Háború\n\nCím\n\n{HU}")
    write(articles_dir, "b.txt", f" date 2025-07 Háború\n\nCím\n\n{HU}\n\n")
    articles, skipped = read_articles(articles_dir, 10**6)
    assert [a.article_id for a in articles] == ["a.txt"]
    assert skipped[0].source == "b.txt" and skipped[0].reason == "duplicate of a.txt"


@pytest.mark.parametrize("encoding", ["cp1250", "iso8859_2"])
def test_legacy_hungarian_encodings_are_read(articles_dir, encoding):
    text = f" date 2025-07 Háború\n\nŐszi tárgyalás Phenjanban\n\n{HU} Árvíztűrő tükörfúrógép."
    write(articles_dir, f"legacy-{encoding}.txt", text.encode(encoding))
    articles, skipped = read_articles(articles_dir, 10**6)
    assert skipped == []
    assert articles[0].title == "Őszi tárgyalás Phenjanban"
    assert "Árvíztűrő tükörfúrógép" in articles[0].text


@pytest.mark.parametrize("char, refused", [("\x85", True), ("\x7f", True), ("\x0b", True), ("\t", False), ("\u00a0", False), ("\u200b", False)])
def test_control_characters_are_unicodes_cc_but_tab_and_new_line(articles_dir, char, refused):
    body = (HU + char * 3 + "\n") * 5  # ~3 in 100 characters: over the 1 % a text may hold
    write(articles_dir, "a.txt", f" date 2025-07 Háború\n\nCím\n\n{body}")
    articles, skipped = read_articles(articles_dir, 10**6)
    assert (len(skipped), len(articles)) == ((1, 0) if refused else (0, 1))
    if refused:
        assert "control characters" in skipped[0].reason


def test_decode_rejects_undecodable_noise():
    with pytest.raises(ArticleError, match="binary"):
        decode(bytes(range(256)) * 4)


def test_parse_date():
    assert parse_date("2025") == ("2025", 20250101)
    assert parse_date("2025-09-03") == ("2025-09-03", 20250903)
    with pytest.raises(ArticleError, match="malformed date '2025/09/03'"):
        parse_date("2025/09/03")


def test_crlf_and_nfd_are_normalised(articles_dir):
    import unicodedata

    text = unicodedata.normalize("NFD", f" date 2025-07 Háború\r\n\r\nŐszi cím\r\n\r\n{HU}")
    write(articles_dir, "win.txt", text)
    (article,), _ = read_articles(articles_dir, 10**6)
    assert "\r" not in article.text and article.title == "Őszi cím"


def test_a_front_matter_source_is_the_publisher_and_a_new_one_reingests(articles_dir):
    write(articles_dir, "a.md", f"---\ntitle: Cím\npublished: 2025-10-01\nsource: Észak-Magyarország\n---\n{HU}\n")
    write(articles_dir, "b.md", f"---\ntitle: Cím kettő\npublished: 2025-10-02\n---\n{HU} B\n")
    articles, _ = read_articles(articles_dir, 10**6)
    by_id = {a.article_id: a for a in articles}
    assert by_id["a.md"].source == "Észak-Magyarország"
    assert by_id["b.md"].source == "b.md"  # none given: the file it came from
    before = by_id["a.md"].content_hash
    write(articles_dir, "a.md", f"---\ntitle: Cím\npublished: 2025-10-01\nsource: Népszava\n---\n{HU}\n")
    assert {a.article_id: a for a in read_articles(articles_dir, 10**6)[0]}["a.md"].content_hash != before
