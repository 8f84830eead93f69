"""How summary and timeline sentences are rated: place, numbers, quotes, quantities."""

from types import SimpleNamespace

from qa.kinds.common import paragraph_starts
from qa.kinds.salience import prior, quote_piece, specificity, units
from qa.kinds.timeline import measured

TEXT = "Első mondat. Második mondat.\n\n## Alcím\n\nHarmadik mondat. Negyedik.\n\nÖtödik."


def sentence(paragraph: int, in_paragraph: int) -> SimpleNamespace:
    return SimpleNamespace(paragraph=paragraph, in_paragraph=in_paragraph)


def test_paragraphs_start_after_blank_lines_and_sub_heads_are_none():
    assert [TEXT[i:i + 5] for i in paragraph_starts(TEXT)] == ["Első ", "Harma", "Ötödi"]


def test_the_lead_paragraph_counts_most_then_each_paragraphs_first_sentence():
    lead = [prior(sentence(0, i)) for i in range(4)]
    assert lead == sorted(lead, reverse=True) and lead[2] > prior(sentence(1, 0)) > prior(sentence(1, 1)) == 0


def test_numbers_count_one_by_one_and_are_part_of_what_a_sentence_tells():
    assert specificity("Az árbevétel 7,2 százalékkal, 86,4 milliárd forintra nőtt.") > specificity("Az árbevétel 7,2 százalékkal nőtt.")
    assert {"86,4", "7,2"} <= units("Az árbevétel 7,2 százalékkal, 86,4 milliárd forintra nőtt.")


def test_a_piece_of_a_cut_quotation_is_marked():
    assert quote_piece("„Nálunk a lakosság harmada 65 év feletti.")
    assert quote_piece("Minden háznál becsengetünk” – mondta a polgármester.")
    assert not quote_piece("„Jó hír” – mondta.") and not quote_piece("A híd elkészült.")


def test_a_timeline_of_a_price_follows_the_sentences_with_amounts():
    money = measured("mezőtúri híd ára")
    assert money and money.search("a becsult koltsege 3,8 milliard forint") and not money.search("az 1958-ban atadott hid")
    assert measured("How did the cost change") is not None and measured("mezőtúri híd") is None


def test_how_long_something_was_found_to_be_follows_its_lengths_and_a_deadline_can_shift():
    length = measured("Hogyan változott, milyen hosszú pincerendszert találtak Szécsény alatt?")
    assert length and length.search("kb. 300 meter pincejarat") and length.search("1,35 kilometer pincet") and not length.search("640 millio forint")
    deadline = measured("How did the completion deadline shift over the year?")
    assert deadline and deadline.search("a munkak oktober 31-ig tartanak")


def test_the_story_s_own_words_are_its_background():
    from qa.kinds.salience import background

    articles = [frozenset({"vizmu", "fekete", "vad"}), frozenset({"vizmu", "fekete", "szakerto"}),
                frozenset({"vizmu", "fekete", "itelet"}), frozenset({"vizmu", "szakerto", "borton"})]
    # In three of four articles: the story's own; in two of four: news of its own.
    assert background(articles) == {"vizmu", "fekete"}
    assert background(articles[1:3]) == {"vizmu", "fekete"} and background(articles[:1]) == frozenset()


def test_a_timeline_of_a_sum_reads_the_whole_request():
    # "összege" is dropped from the topic as a request word ("össze"): the timeline reads
    # the request itself for the quantity it follows.
    from qa.planner import topic_of

    question = "Hogyan változott a kár összege a vízmű-perben?"
    assert measured(topic_of(question)) is None and measured(question) is not None


def test_an_article_opening_with_a_quote_has_its_lead_in_the_first_sentence_after_it():
    from qa.kinds.salience import lead_index

    def said(text, position, paragraph, in_paragraph):
        return SimpleNamespace(text=text, position=position, paragraph=paragraph, in_paragraph=in_paragraph)

    quote = said("„A járvány még nem tetőzött” – mondta a tisztifőorvos.", 0, 0, 0)
    news = said("Az esetek száma 38-ra emelkedett.", 1, 0, 1)
    later = said("A kórházban hat beteg van.", 2, 1, 0)
    assert lead_index([quote, news, later]) == 1 and lead_index([news, later]) == 0
    # The news sentence takes the lead's place, not the second place the quote left it.
    assert prior(news, news) == prior(sentence(0, 0)) > prior(news)
    assert prior(later, news) == prior(sentence(1, 0))


def test_numbers_written_in_words_are_numbers_and_a_reported_lead_is_no_quote():
    assert specificity("Tizenkilencre nőtt a betegek száma.") > specificity("Nőtt a betegek száma.")
    assert specificity("Hét esetet azonosítottak – közölte a hivatal.") > specificity("„Hét eset van” – közölte a hivatal.")
    # Beside figures, number words are no further fact ("a másik két pályázó").
    assert specificity("Három ajánlat jött, a másik két pályázó 4,9 milliárdot kért.") == specificity("Ajánlat jött, a pályázó 4,9 milliárdot kért.")


def test_an_amount_of_money_tells_more_than_the_buildings_history():
    history = "A kórház épületegyüttese a 19. század végén épült, a régi osztály egy 1970-es években emelt toldalékban működött."
    money = "Az új tömb 4,8 milliárd forintból épült meg."
    assert specificity(money) > specificity(history)
    # A year of this century is news, not background.
    assert specificity("A tervezés 2026-ban kezdődhet.") > specificity("A tervezés 1926-ban kezdődött.")
    assert specificity("A tervezés a múlt században kezdődött.") == 0.0  # "század" is no "száz"


def test_a_timeline_item_whose_event_gives_no_figure_cites_the_sentence_that_does():
    from types import SimpleNamespace

    from qa.kinds import timeline

    article = SimpleNamespace(article_id="a", published="2025-07-18", published_int=20250718, title="Erdőtűz")
    texts = ["Csütörtök óta ég az erdő Fülöpháza határában.", "A tűz már 300 hektáron terjedt el.", "A lakók aggódnak."]
    passage = SimpleNamespace(passage_id="p", article_id="a", text=" ".join(texts))
    sentences = [SimpleNamespace(article=article, passage=passage, text=t, start=0, end=len(t), position=i, paragraph=0, in_paragraph=i)
                 for i, t in enumerate(texts)]
    library = SimpleNamespace(sentences=lambda a: sentences, stems=lambda a: frozenset(), on_topic=lambda *a, **k: [(article, 1.0)],
                              articles=lambda filters=None: [article], name_keys=lambda a: frozenset())
    request = SimpleNamespace(question="Mi történt az erdőtűzzel?", topic="erdőtűz", standalone="Mi történt az erdőtűzzel?",
                              language="hu", period=None, kind="timeline")
    answer = timeline.answer(request, library, None)
    item = [line for line in answer.text.splitlines() if line.startswith("- **")]
    assert len(item) == 1 and "ég az erdő" in item[0] and "300 hektáron" in item[0]


def test_a_year_before_the_article_s_is_background_not_a_figure():
    from qa.kinds.salience import figures, past_only

    assert figures("Nasira 2019-ben érkezett Szegedre.", 2025) == 0
    assert figures("Nasira 2019-ben érkezett Szegedre.") == 1
    # beside a figure of the news a past year is its yardstick, and counts
    assert figures("512 centimétert mértek, 34 centiméterrel a 2010-es csúcs alatt.", 2025) == 3
    assert past_only("Nasira 2019-ben érkezett Szegedre.", 2025)
    assert not past_only("A gazdák 2026 őszén vethetik el.", 2025)
    assert not past_only("A 2022-es aszályos évben 4,1 tonna termést adott.", 2025)
    # its number words are background too, not figures the past year's removal lets in
    assert past_only("Az előkészítés 2019-ben kezdődött, a tervezés két évet csúszott.", 2025)
    assert figures("A tervezés két évet csúszott.", 2025) == 1


def test_a_four_digit_quantity_is_no_year_and_a_decade_in_words_is_background():
    from qa.kinds.salience import figures, news_facts, past_only

    # a measure after it makes it a quantity, not a past year
    assert figures("Május 27-én 1870 méter mélyen beszorult a fúrószár.", 2025) == 2
    assert figures("A szervezők kb. 2000 nézőre számítanak.", 2025) == 1
    assert news_facts("Hétköznap átlagosan 1600 utas kel át.", 2025) == {"1600"}
    assert not past_only("A falu lakossága kb. 1900 fő.", 2025)
    # a month, a postposition or a case ending after it keeps it a year
    assert news_facts("Az állomás 1983 óta működik, azóta 320 ezer madarat jelöltek meg.", 2025) == {"320"}
    assert figures("1956 októberében történt.", 2025) == 0
    assert past_only("Az iskola 2019-ben épült.", 2025)
    # "a kilencvenes években" tells the story's background, as "1990-ben" would
    assert figures("Ma kilenc nappal előbb jelenik meg, mint a kilencvenes években.", 2025) == 1


def test_a_long_report_s_places_named_once_are_in_passing_its_people_and_bodies_are_not():
    from qa.kinds.salience import in_passing

    texts = ["Az MME felmérése szerint 4 350 gólyapár költött.", "A Bereg falvaiban öt fészek van.",
             "Az MME szerint Kiss Andrea számolt.", "A munkát a Borsodi Építő Kft. végezte."]
    passing = in_passing([SimpleNamespace(text=t) for t in texts], "Gólyák")
    assert "bereg" in passing
    assert not {"mme", "kiss", "andre", "borso", "epito"} & passing
    assert specificity(texts[1], passing=passing) < specificity(texts[1])
