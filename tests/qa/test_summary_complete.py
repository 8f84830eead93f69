"""A summary's chosen sentence comes with what it needs to be read alone."""

from fakes import paragraph_sentences

from qa.kinds.common import completed, with_pointer


sentences = paragraph_sentences


def test_a_sentence_pointing_back_brings_the_one_it_points_to_and_a_short_qualifier_joins():
    text = sentences(
        ["Négy év börtönre ítélték a fővádlottat.", "Az ítélet nem jogerős.", "A per két évig tartott, harminc tanút hallgattak meg."],
        ["A kormányhivatal 38 vállalatot ellenőrzött.", "Közülük 11 céget összesen 146 millió forint bírsággal sújtottak."],
    )
    assert [s.position for s in completed(text, [text[0], text[4]])] == [0, 1, 3, 4]
    # nothing to add: a long next sentence, and a sentence pointing at nothing chosen in another paragraph
    assert [s.position for s in completed(text, [text[2]])] == [2]
    assert [s.position for s in completed(text, [text[3]])] == [3]


def test_a_sentence_telling_what_someone_thinks_brings_who_said_it():
    text = sentences(["„A mentő 19 perc alatt ért ki hozzánk” – mondta dr. Kovács Enikő háziorvos.",
                      "Szerinte minden perc késlekedés kb. 10 százalékkal csökkenti a túlélés esélyét."])
    assert [s.position for s in completed(text, [text[1]])] == [0, 1]


def test_a_sentence_is_read_with_the_next_where_that_points_back():
    text = sentences(["A vádlottaknak 865 millió forintot kell fizetniük.", "Ennyibe került végül a kármentesítés.", "A munka véget ért."])
    assert with_pointer(text, 0).endswith("Ennyibe került végül a kármentesítés.")
    assert with_pointer(text, 1) == "Ennyibe került végül a kármentesítés."


def test_a_number_the_title_gives_with_the_counted_noun_counts_it_in_the_sentence():
    from qa.slots import counted, counts_as_titled

    nouns = counted("Hány túzokot számoltak össze tavasszal?")
    title = "512 túzokot számoltak a Dévaványai-síkon"
    assert counts_as_titled("Április 12-én 512 madarat számoltak meg.", title, nouns)
    assert not counts_as_titled("Tavaly 461 madarat láttak.", title, nouns)


def test_what_is_earned_or_paid_asks_for_a_sum():
    from qa.units import _UNITS
    from qa.planner import fold

    money = _UNITS[1][0]
    assert money.search(fold("Mennyit keresnek a szakápolók a dialízisközpontban?"))
    assert money.search(fold("Mekkora bírságot kapott a cég?"))
    assert not money.search(fold("Mekkora büntetést kapott a fővádlott?"))  # years in prison, perhaps
    assert not money.search(fold("Mennyit szállítottak el a hulladékból?"))


def test_the_collection_s_sources_are_counted_the_most_frequent_first():
    from index import Article
    from qa.kinds.collection import sources

    def a(i, source, day):
        return Article(f"{i}.md", "t", f"2025-05-{day:02d}", int(f"202505{day:02d}"), "", source, "", "x")

    text = sources([a(1, "Telex", 3), a(2, "Blikk", 4), a(3, "Telex", 9), a(4, "2.md", 5)], "hu", "", "")
    assert text.splitlines()[0] == "**2 forrás** cikkei vannak a gyűjteményben:"
    assert text.splitlines()[4:] == ["| Telex | 2 | 2025. május 9. |", "| Blikk | 1 | 2025. május 4. |"]


def test_a_quote_s_first_words_are_no_qualifier():
    text = sentences(["A nemzeti park lezárta a barlang bejáratát.", "„A cseppkövek rendkívül sérülékenyek.",
                      "Egy érintés évezredek munkáját teheti tönkre” – mondta Kiss Hajnalka."])
    assert [s.position for s in completed(text, [text[0]])] == [0]


def test_warming_up_loads_what_a_first_summary_and_an_english_topic_would_wait_for(assistant):
    import sys

    assistant.warm_up().join(timeout=120)
    assert "sumy.summarizers.lex_rank" in sys.modules and "simplemma" in sys.modules


def test_a_quotation_the_splitter_parted_is_read_whole_up_to_its_speaker():
    text = sentences(
        ["A robot 1,25 milliárd forintba került.",
         "„A betegnek csak néhány apró bemetszése van.",
         "Kevesebb vért veszít, és hamarabb hazamehet” – mondta dr. Lakatos Gergely főorvos.",
         "A kórház évente kb. 220 robotos műtéttel számol a következő években."],
    )
    # the quote's first piece brings its end and the speaker; its end brings its beginning
    assert [s.position for s in completed(text, [text[1]])] == [1, 2]
    assert [s.position for s in completed(text, [text[2]])] == [1, 2]
    assert [s.position for s in completed(text, [text[0], text[3]])] == [0, 3]


def test_a_quotation_longer_than_three_sentences_is_left_as_chosen():
    text = sentences(["„Az első mondat ennél a pontnál véget ér.", "A második mondat is legalább hat szóból áll.", "A harmadik mondat sem rövidebb ennél egyáltalán.",
                      "A negyedik mondat zárja az idézetet” – mondta a polgármester."])
    assert [s.position for s in completed(text, [text[0]])] == [0]


def test_a_comma_ends_a_run_of_names_so_a_person_beside_a_place_is_still_a_person():
    from qa.kinds.person import of_topic

    assert of_topic("Horváth Zsoltról, Kisbér polgármesteréről") == frozenset({"horvath"})
    # three capitalised words in a row name an institution, not a person
    assert of_topic("a Szent István Kórház") == frozenset()


def test_all_the_articles_asked_for_in_the_singular_are_several():
    from qa.kinds.summary_scope import _ONE_ARTICLE
    from qa.planner import fold

    assert not _ONE_ARTICLE.search(fold("Foglald össze a szélerőműparkról szóló összes cikket!"))
    assert not _ONE_ARTICLE.search(fold("Foglald össze minden cikket a gyárról!"))
    assert _ONE_ARTICLE.search(fold("Foglald össze a szélerőműparkról szóló cikket!"))


def test_a_summary_naming_nobody_gains_the_most_telling_sentence_that_names_someone(monkeypatch):
    from qa.kinds import person

    text = sentences(
        ["A kórház 1,25 milliárd forintból robotot vett.", "Az első műtétet március 18-án végezték."],
        ["A gép négy karral dolgozik a műtét közben.", "Az osztályt dr. Lakatos Gergely főorvos vezeti, aki Strasbourgban tanult."],
    )
    def rate(ss):
        return [1.0] * len(ss)

    assert [s.position for s in person.with_someone(text, [text[0], text[1]], rate)] == [0, 1, 3]
    # someone named already: nothing added
    assert [s.position for s in person.with_someone(text, [text[0], text[3]], rate)] == [0, 3]


def test_common_hungarian_given_names_make_a_person():
    from qa.kinds.person import of_topic
    from qa.slots import is_given_name

    for name in ("András", "Antal", "Vera", "Bernát", "Emőke", "Olga", "Barbara", "Andrásnak", "Verával"):
        assert is_given_name(name), name
    assert of_topic("A breviáriumot Szilágyi Bernát bencés szerzetes vette észre.") == frozenset({"szilagyi"})


def test_a_sentence_pointing_back_after_whom_it_is_said_by_brings_what_it_points_to():
    # dev22's sleep lab: "ez" is the 14-month wait of the sentence before
    text = sentences(["A betegeket Budapestre küldték, ahol a várakozási idő elérte a 14 hónapot.",
                      "A kórház szerint ez most kb. három hónapra rövidül.",
                      "A cég szerint a munka jövőre kezdődik."])
    assert [s.position for s in completed(text, [text[1]])] == [0, 1]
    # an account without a pointer stands alone
    assert [s.position for s in completed(text, [text[2]])] == [2]
