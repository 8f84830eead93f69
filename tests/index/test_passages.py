import pytest

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


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A szerződést a Richter Gedeon Nyrt. és a Magyar Telekom Nyrt. vezetői írták alá kedden.",
        "Az OTP Bank Nyrt. Igazgatósága csütörtökön döntött az osztalékról.",
        "A beruházást a Duna Aszfalt Kft. Budapesti Igazgatósága vezeti.",
        "A vizsgálatot dr. Kovács Anna és Dr. Szabó Péter vezette a klinikán.",
        "Prof. Dr. Freund Tamás szerint a kutatás hamarosan eredményt hoz.",
        "A tárgyalásra szept. 3-án került sor a Kossuth u. 5. szám alatti épületben.",
        "A cég kb. 300 embert foglalkoztat, pl. Győrben és Debrecenben.",
        "Az ún. Orbán-kormány intézkedéseit ill. a módosításokat is bírálták.",
        "A Szent István krt. 14. alatt történt a baleset, ld. a térképet.",
        "Az interjút Kovács J. Péter készítette a Népszavának.",
        "J. K. Rowling új könyve jan. 15-én jelenik meg.",
        "A díjat Szabó Zs. Ágnes vette át a Vigadóban.",
        "Id. Antall József emléktábláját ifj. Antall József avatta fel.",
        "A meccset Mr. Smith vezette a St. James's Parkban.",
        "A No. 5 parfüm reklámja a kiállítás része volt.",
        "XIV. Lajos korában épült a kastély, amelyet II. Rákóczi Ferenc is meglátogatott.",
        "A törvény 2025. szeptember 1-jén lép hatályba, a csapat a 3. helyen végzett.",
        "A határidő 2025. 09. 30., addig kell beadni a pályázatot.",
        "A tendert a Strabag Zrt. 2025-ben nyerte el, a Colas Hungária Zrt. Kelet-Magyarországon.",
        "Az épület Kr. e. 50 körül épült, vö. a régészek jelentésével.",
        # an ordinal after an article, before a capitalised name
        "Hatvanötezer látogatóval zárult vasárnap a 27. Szolnoki Gulyásfesztivál a Tiszaligetben.",
        "Az 5. Nemzetközi Kerámiafesztivált (a 3. Pécsi Napokkal együtt) rendezik meg.",
    ],
)
def test_abbreviations_initials_and_ordinals_end_no_sentence(text):
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A company form at a true sentence end: the next word visibly starts a sentence.
        (
            "A részvényeket a Mol Nyrt. A cég szerint az árak emelkednek.",
            ["A részvényeket a Mol Nyrt.", "A cég szerint az árak emelkednek."],
        ),
        (
            "A pályázatot a Duna Aszfalt Kft. nyerte. Ezt kedden jelentették be.",
            ["A pályázatot a Duna Aszfalt Kft. nyerte.", "Ezt kedden jelentették be."],
        ),
        (
            "A szerződést a Magyar Telekom Nyrt. „stratégiai jelentőségűnek” nevezte. „Ez új korszak.”",
            ["A szerződést a Magyar Telekom Nyrt. „stratégiai jelentőségűnek” nevezte.", "„Ez új korszak.”"],
        ),
        (
            "A részvényeket a Mol Nyrt. „Ez jó hír” – mondta az elemző.",
            # An opening quote starts a sentence.
            ["A részvényeket a Mol Nyrt.", "„Ez jó hír” – mondta az elemző."],
        ),
        (
            "Az árak emelkedtek, pl. a kenyéré, a tejé stb. A kormány közbelépett.",
            ["Az árak emelkedtek, pl. a kenyéré, a tejé stb.", "A kormány közbelépett."],
        ),
        (
            "Búzát, kukoricát stb. is szállítanak. A hajó kedden indul.",
            ["Búzát, kukoricát stb. is szállítanak.", "A hajó kedden indul."],
        ),
        # Ordinary sentence ends are unchanged, a number before a capital included.
        (
            "Lavrov Phenjanba utazott. Kim Dzsongun fogadta. Az infláció 3,7 százalék volt. 2025-ben csökken.",
            ["Lavrov Phenjanba utazott.", "Kim Dzsongun fogadta.", "Az infláció 3,7 százalék volt.", "2025-ben csökken."],
        ),
        # a number ending a sentence is no ordinal unless an article stands before it
        ("A létszám 2024-ben 27. Ezután nőtt.", ["A létszám 2024-ben 27.", "Ezután nőtt."]),
        # nor after an article when a sentence visibly starts
        ("A látogatók száma elérte a 120. Ez rekord.", ["A látogatók száma elérte a 120.", "Ez rekord."]),
    ],
)
def test_sentence_ends_after_abbreviations_only_where_a_sentence_starts(text, expected):
    assert sentences(text) == expected
