"""Which articles a kind answers from: a topic's names, however they are typed."""

from collections import Counter

from index import Article
from qa.kinds.topic import case_counts, name_key, written_as_name


def article(text: str, title: str = "Cím") -> Article:
    return Article("a", title, "2025-05-01", 20250501, "", "", "", text)


COUNTS = case_counts([
    article("Új hidat építenek Mezőtúron. A mezőtúri képviselők szerint Mezőtúr régi hídja rossz. "
            "A mezőgazdasági gépek is kerülnek. Soproni VSE edzője Sopronban él."),
    article("A híd átadásán Mezőtúr polgármestere beszélt. A polgármester szerint a híd kész."),
])


def test_a_name_key_ends_where_the_collections_name_forms_part():
    assert name_key("mezőtúri", COUNTS) == name_key("mezotur", COUNTS) == name_key("Mezőtúron", COUNTS) == "mezotur"
    assert name_key("Soproni", COUNTS) == "sopron"
    assert not "mezogazdasagi".startswith(name_key("mezotur", COUNTS))
    assert name_key("Békéscsaba", COUNTS) == "bekescs"  # no form in the collection: all but three letters


def test_lower_case_place_words_are_names_common_words_are_not():
    assert written_as_name("mezőtúri", COUNTS) and written_as_name("mezotur", COUNTS)
    assert not written_as_name("polgármester", COUNTS)
    assert not written_as_name("híd", COUNTS) and not written_as_name("2025", COUNTS)


def test_a_town_called_by_its_adjective_is_a_name_when_the_collection_capitalises_it_once():
    from qa.kinds.topic import adjective_of_name

    counts = case_counts([
        article("Sztrájk volt Tatabányán. A tatabányai kukások és a tatabányai cég tárgyalt. Az ózdi kórház tele van, Ózdon járvány van."),
        article("A Zala Vármegyei Rendőr-főkapitányság és a vármegyei hivatal közölte. Hétfőn megyei ülés volt."),
    ])
    assert written_as_name("tatabányai", counts) and adjective_of_name("tatabanyai", counts)
    assert name_key("ózdi", counts) == "ozd" and name_key("Ózdon", counts) == "ozd"
    assert not adjective_of_name("vármegyei", counts) and not written_as_name("megyei", counts)


def test_a_three_letter_town_s_adjective_is_its_name_and_no_longer_name_s():
    from qa.kinds.topic import adjective_of_name

    counts = case_counts([article("Bővül a bánya Bak határában. A baki bánya mellett a Bakony is látszik. Bakon sokan tiltakoztak.")])
    # "baki" of "Bak", "Bakon"; "Bakony" is no form of it, and "napi" no town's at all
    assert adjective_of_name("baki", counts)
    assert not adjective_of_name("baki", case_counts([article("A túrázók a Bakonyban jártak, a baki útra is rátértek.")]))
    assert not adjective_of_name("napi", counts)


def test_a_compound_s_member_and_a_word_typed_without_accents_cover_the_topic():
    from qa.kinds.topic import coverage

    assert coverage(frozenset({"kanyarojarvany", "ozd"}), frozenset({"kanyaro", "ozd", "beteg"})) == 1.0
    assert coverage(frozenset({"medve"}), frozenset({"medv", "bukk"})) == 1.0
    assert coverage(frozenset({"korhaz"}), frozenset({"kornyezet"})) == 0.0


def test_a_compound_s_head_written_alone_is_the_compound():
    from qa.kinds.topic import heads, word_starts

    # the asker's "gázrobbanás", the article's "robbanásnak": its head in a case form
    starts = word_starts(frozenset({"a", "januarban", "felrobbant", "robbanasnak", "tarsashaz"}))
    assert heads("gazrobbanas", starts) and heads("kozkonyha", word_starts(frozenset({"konyhat"})))
    # no head of six letters after a member of three: "robbanás" is no compound, "gáz" no head
    assert not heads("robbanas", word_starts(frozenset({"obbanas"}))) and not heads("gazrobbanas", word_starts(frozenset({"gazvezetek"})))


def test_a_hyphenated_name_is_one_name_and_a_category_can_be_the_topic():
    from qa.kinds.topic import in_category, joined_names
    from qa.planner import Request

    request = Request("Mit írtak a Velencei-tóról?", "Mit írtak a Velencei-tóról?", "summary", "hu", None, None, (), "Velencei tóról")
    assert joined_names(request, case_counts([article("A Velencei-tó sekély.")])) == ["velencei-to"]
    # an abbreviation's case ending after the hyphen is no second part: "HÉV-ről" is the HÉV
    question = "Mikor jelent meg az első írás a csepeli HÉV-ről?"
    request = Request(question, question, "collection", "hu", None, None, (), "csepeli HÉV ről")
    assert joined_names(request, case_counts([article("A csepeli HÉV leáll.")])) == []
    health = Article("h", "Cím", "2025-05-01", 20250501, "egészség", "", "", "Szöveg.")
    assert in_category(frozenset({"egeszsegugy"}), health)
    assert not in_category(frozenset({"egeszsegugy", "birsag"}), health)
    # "a gazdaság rovat cikkei": "rovat" in the nominative stems to "rov", still the section's word
    from qa.kinds.salience import stems

    economy = Article("e", "Cím", "2025-05-01", 20250501, "gazdaság", "", "", "Szöveg.")
    assert in_category(stems("gazdaság rovat"), economy) and in_category(stems("gazdasági rovatba"), economy)


def test_the_verb_of_a_category_request_names_no_category():
    from qa.kinds.salience import stems
    from qa.kinds.topic import in_category, nominal
    from qa.planner import Request

    crime = Article("c", "Cím", "2025-05-01", 20250501, "bűnügy", "", "", "Szöveg.")
    request = Request("Mely cikkek tartoznak a bűnügy rovatba?", "Mely cikkek tartoznak a bűnügy rovatba?", "collection", "hu", None, None, (), "tartoznak bűnügy rovatba")
    assert not in_category(stems(request.topic), crime)
    assert in_category(stems(nominal(request)), crime)


def test_an_article_naming_the_storys_people_joins_the_story_even_without_its_town():
    from types import SimpleNamespace

    from qa.kinds.salience import stems
    from qa.kinds.stories import name_keys, same_story

    def art(i, title, text):
        return Article(f"a{i}", title, "2025-05-01", 20250501, "", "", "", text)

    strike = art(1, "Sztrájk Tatabányán", "Sztrájkolnak Tatabányán. Varga Tibor szerint a Városgazda nem ad eleget. Bíró Zsolt tárgyalna.")
    warning = art(2, "Figyelmeztető sztrájk Tatabányán", "Tatabányán leállt a szállítás. Varga Tibor vezette. Bíró Zsolt sajnálja.")
    offer = art(3, "Tíz százalékot ajánlott a cég", "A Városgazda tíz százalékot ajánlott a sztrájkolóknak, többet nem ad. Varga Tibor "
                "szerint ez kevés, Bíró Zsolt tárgyalna tovább.")
    other = art(4, "Sztrájk Ózdon", "Ózdon is sztrájk volt. Kiss Anna szerint a Városgazda hibázott.")
    far = art(5, "Tíz százalékot ajánlott egy másik cég", "Bíró Zsolt és Varga Tibor itt is szerepel.")
    library = SimpleNamespace(name_keys=name_keys, stems=lambda a: stems(f"{a.title} {a.text}"))
    best = {"a1": 1.0, "a2": 0.98, "a3": 0.9, "a4": 0.92, "a5": 0.7}
    everyone = [strike, warning, offer, other, far]
    joined = same_story(library, [(strike, 1.1), (warning, 1.08)], best, 1.0, everyone, everyone)
    # The offer names two of the story's people; the Ózd strike one name; the last is too far in meaning.
    assert [a.article_id for a, _ in joined] == ["a3"]


def test_an_english_request_s_name_the_collection_never_writes_is_not_required():
    from qa.kinds.topic import topic_names
    from qa.planner import Request

    counts = case_counts([article("Erdőtűz a Kiskunsági Nemzeti Parkban. A Kiskunsági park igazgatósága szerint nagy a kár.")])
    english = Request("Summarize the wildfire in the Kiskunság National Park", "Summarize the wildfire in the Kiskunság National Park",
                      "summary", "en", None, None, (), "wildfire Kiskunság National Park")
    assert "kiskunsag" in topic_names(english, counts) and "natio" not in topic_names(english, counts)
    nowhere = Request("Summarize the Debrecen news", "Summarize the Debrecen news", "summary", "en", None, None, (), "Debrecen")
    assert topic_names(nowhere, counts) == ["debre"]  # no known name left: the unknown one still must be there


def test_a_name_the_collection_never_writes_as_a_name_is_not_required_beside_one_it_does():
    from qa.kinds.topic import written

    counts = case_counts([article("Aranyérmet nyert Holló Benedek az U23-as Európa-bajnokságon. Ebben a számban ő a legjobb.")])
    assert written(["hollo", "benedek", "eb"], counts) == ["hollo", "benedek"]  # "Ebben" opens a sentence: no name
    assert written(["eb"], counts) == ["eb"]


def test_articles_holding_every_word_of_a_nameless_topic_are_candidates_search_may_miss():
    from types import SimpleNamespace

    from qa.kinds.salience import stems
    from qa.kinds.topic import covering

    fire = article("Erdőtűz pusztít Fülöpháza mellett, az erdőtűz 300 hektáron ég.")
    other = Article("b", "Cím", "2025-05-01", 20250501, "", "", "", "A közgyűlés uszodát épít.")
    library = SimpleNamespace(stems=lambda a: stems(f"{a.title} {a.text}"))
    assert covering(library, stems("erdotuzrol"), [fire, other]) == ["a"]
    assert covering(library, frozenset(), [fire, other]) == []


def test_a_topic_no_article_writes_a_word_of_keeps_the_best_article_and_its_story():
    from types import SimpleNamespace

    from qa.kinds.stories import name_keys, top_story

    def art(i, text):
        return Article(f"a{i}", "Cím", "2025-05-01", 20250501, "", "", "", text)

    offer = art(1, "A cég ajánlatot tett. Bíró Zsolt szerint ez a maximum, Varga Tibor gondolkodik.")
    deal = art(2, "Megállapodás született. Varga Tibor és Bíró Zsolt aláírta.")
    frost = art(3, "Fagykár van. A FruitVeB szerint a Nyírség termése fele.")
    library = SimpleNamespace(name_keys=name_keys)
    kept = top_story(library, [(frost, 0.73), (offer, 0.77), (deal, 0.75)])
    assert [a.article_id for a, _ in kept] == ["a1", "a2"]
    assert top_story(library, []) == []


def test_an_english_word_that_only_starts_like_a_name_is_no_name():
    from qa.kinds.topic import topic_names
    from qa.planner import Request

    counts = case_counts([article("A Thermowave új gyárat épít. A Thermowave hőszivattyúkat gyárt. A fürdő nyolc medencés.")])
    baths = Request("Which articles are about thermal baths?", "Which articles are about thermal baths?",
                    "collection", "en", None, None, (), "thermal baths")
    assert topic_names(baths, counts) == []
    firm = Request("Summarize the Thermowave article", "Summarize the Thermowave article", "summary", "en", None, None, (), "Thermowave")
    assert topic_names(firm, counts) == ["thermowave"]


def test_a_short_name_s_key_stops_where_other_words_go_on():
    from qa.kinds.topic import name_key

    counts = case_counts([article(
        "Halpusztulás a Hármas-Körösön. A Körös vize. A Kormányhivatal szerint a kormány dönt. "
        "Az ózdi kórházban és Ózdon is. Az ózdiaknak jó hír.")])
    # "Kormányhivatal" and "kormány" share "kor" with "Körös" and are no forms of it.
    assert name_key("Körös", counts) == name_key("Körösön", counts) == "koros"
    # "Ózdon", "ózdi", "ózdiaknak": one name whose forms go on by case endings.
    assert name_key("Ózdon", counts) == name_key("ózdi", counts) == "ozd"


def test_names_many_articles_write_tell_no_story_apart():
    from types import SimpleNamespace

    from qa.kinds.salience import stems
    from qa.kinds.stories import name_keys, same_story

    def art(i, text):
        return Article(f"a{i}", f"Cím {i}", "2025-05-01", 20250501, "", "", "", text)

    # The fish kill's articles and others share "Vármegyei" and "Kormányhivatal", written in every county's news.
    fish = [art(i, f"Halak pusztultak el Kunszentmártonnál a Körösön. A Vármegyei Kormányhivatal vizsgál {i}.") for i in (1, 2)]
    county = [art(i, f"A Vármegyei Kormányhivatal szerint nincs orvos. Másik téma {i}.") for i in (3, 4, 5, 6)]
    story = art(7, "Halakat telepítettek Kunszentmártonnál a Körösbe.")
    library = SimpleNamespace(name_keys=name_keys, stems=lambda a: stems(f"{a.title} {a.text}"))
    best = {a.article_id: 0.95 for a in fish + county + [story]}
    joined = same_story(library, [(fish[0], 1.0), (fish[1], 1.0)], best, 1.0, fish + county + [story])
    assert [a.article_id for a, _ in joined] == ["a7"]


def test_the_story_of_one_article_is_the_articles_linked_to_it():
    from types import SimpleNamespace

    from qa.kinds.salience import stems
    from qa.kinds.stories import name_keys, story_of

    def art(i, day, text):
        return Article(f"a{i}", f"Cím {i}", f"2025-07-{day:02d}", 20250700 + day, "", "", "", text)

    first = art(1, 8, "Tömeges halpusztulás a Hármas-Körösön Kunszentmártonnál, négy tonna hal pusztult el.")
    second = art(2, 15, "Ammónia okozta a halpusztulást a Hármas-Körösön Kunszentmártonnál, tizenegy tonna hal.")
    other = art(3, 20, "Jégeső verte el a szőlőt Móron, a Vértes alján.")
    library = SimpleNamespace(name_keys=name_keys, stems=lambda a: stems(f"{a.title} {a.text}"))
    assert [a.article_id for a in story_of(library, second, [first, second, other], [first, second, other])] == ["a1", "a2"]
    assert [a.article_id for a in story_of(library, other, [first, second, other], [first, second, other])] == ["a3"]


def _library():
    from types import SimpleNamespace

    from qa.kinds.salience import stems
    from qa.kinds.stories import name_keys
    from qa.planner import fold

    return SimpleNamespace(name_keys=name_keys, stems=lambda a: stems(f"{a.title} {a.text}"),
                           folded_text=lambda a: fold(f"{a.title}\n{a.text}"), case_counts=Counter)


OUTBREAK = [
    Article("o1", "Légionella Kazincbarcikán", "2025-08-04", 20250804, "", "", "",
            "Hat beteget ápolnak légionárius-betegséggel Kazincbarcikán, Halmi Katalin tisztifőorvos a Sajó-völgyi Hőerőmű "
            "hűtőtornyait vizsgáltatja.\n\nA betegek kazincbarcikai lakosok."),
    Article("o2", "Már 19 beteg a légionella-járványban", "2025-08-19", 20250819, "", "", "",
            "19-re nőtt a betegek száma Kazincbarcikán, Halmi Katalin szerint a Sajó-völgyi Hőerőmű hűtőtornya lehet a forrás."),
]
CLINIC = Article("c", "Legionellát találtak a debreceni klinikán", "2025-08-27", 20250827, "", "", "",
                 "Legionella baktériumot mutattak ki a debreceni klinika vízhálózatában, Fenyvesi Márta szerint szűrőket szerelnek fel.\n\n"
                 "A klinika szerint az esetek nem függenek össze a kazincbarcikai járvánnyal.")


def test_a_name_written_once_past_the_lead_is_mentioned_in_passing():
    from qa.kinds.stories import about_name

    library = _library()
    assert about_name(library, OUTBREAK[0], "kazincbarcika")  # in the title
    assert about_name(library, OUTBREAK[1], "legionella")  # in the title, "légionella" folded
    assert not about_name(library, CLINIC, "kazincbarcika")  # once, in its second paragraph
    lead_only = Article("l", "Cím", "2025-08-01", 20250801, "", "", "", "Kazincbarcikán új iskola épül.\n\nA tanév szeptemberben kezdődik.")
    assert about_name(library, lead_only, "kazincbarcika")
    # twice, but in one paragraph on another town's like event: in passing all the same
    twice = Article("t", "Debrecenben is vizsgálnak", "2025-08-30", 20250830, "", "", "",
                    "Debrecenben rutinvizsgálat volt.\n\nFigyelték a kazincbarcikai járványt is. „Kazincbarcika tanulság” – mondta.")
    assert not about_name(library, twice, "kazincbarcika")
    apart = Article("t", "Debrecenben is vizsgálnak", "2025-08-30", 20250830, "", "", "",
                    "Debrecenben rutinvizsgálat volt.\n\nFigyelték a kazincbarcikai járványt.\n\nKazincbarcikán a hűtőtorony volt a forrás.")
    assert about_name(library, apart, "kazincbarcika")  # in two paragraphs: the article returns to it


def test_an_article_naming_the_topic_in_passing_stays_only_when_it_tells_the_same_story():
    from qa.kinds.stories import in_story

    library = _library()
    kept = [(OUTBREAK[0], 1.0), (CLINIC, 1.02), (OUTBREAK[1], 0.99)]
    assert [a.article_id for a, _ in in_story(library, kept, ["kazincbarcika"], [*OUTBREAK, CLINIC])] == ["o1", "o2"]
    # The outbreak's own later report naming the town once, past its lead, is still the story's.
    later = Article("o3", "Megvan a légionella-járvány forrása", "2025-09-02", 20250902, "", "", "",
                    "Halmi Katalin tisztifőorvos szerint a Sajó-völgyi Hőerőmű hűtőtornyából terjedt el a járvány.\n\n"
                    "A kazincbarcikai hűtőtornyot leállították.")
    kept = [(OUTBREAK[0], 1.0), (later, 0.98)]
    assert [a.article_id for a, _ in in_story(library, kept, ["kazincbarcika"], [*OUTBREAK, CLINIC, later])] == ["o1", "o3"]


def _quakes(elsewhere_title: str) -> list[Article]:
    """The Várpalota quake's first report, another town's quake naming it in passing (titled
    `elsewhere_title`), and the Várpalota story's later report naming the town past its lead."""
    return [
        Article("q1", "Földrengés rázta meg Várpalotát", "2025-02-10", 20250210, "", "", "",
                "Földrengés volt Várpalotán, a Kövesligethy Obszervatórium szerint 4,4-es.\n\nA várpalotai házakban kár keletkezett."),
        Article("q2", elsewhere_title, "2025-04-15", 20250415, "", "", "",
                "Földrengés volt Kiskunhalas mellett, a Kövesligethy Obszervatórium szerint 3,1-es.\n\n"
                "Nincs köze a februári várpalotai rengéshez."),
        Article("q3", "Lezárult a kárfelmérés", "2025-03-04", 20250304, "", "", "",
                "A kárfelmérés lezárult, 386 épület sérült.\n\nA várpalotai önkormányzat segít."),
    ]


def test_a_linked_article_mentioning_the_topic_in_passing_stays_out_when_its_title_names_its_own_subject(monkeypatch):
    from qa.kinds import stories

    # as linked as two earthquake reports sharing an observatory and its experts can be
    monkeypatch.setattr(stories, "linked", lambda *args: lambda article, others: True)
    library = _library()
    population = _quakes("Kisebb földrengés volt Kiskunhalas mellett")
    kept = list(zip(population, (1.0, 0.98, 0.97)))
    assert [a.article_id for a, _ in stories.in_story(library, kept, ["varpalota"], population)] == ["q1", "q3"]


def test_another_towns_like_event_sharing_national_names_is_not_the_story():
    from qa.kinds.stories import same_story

    def art(i, title, text):
        return Article(f"r{i}", title, "2025-04-01", 20250401, "", "", "", text)

    line = [art(1, "Leállna a kalocsai vonat", "A MÁV-Start és a Minisztérium leállítaná a Kiskőrös–Kalocsa vonalat, aláírásgyűjtés indult Kalocsán."),
            art(2, "Marad a kalocsai vonat", "A Minisztérium és a MÁV-Start megállapodott Kalocsával: a vonat marad, az aláírásgyűjtés véget ért.")]
    other = art(3, "Lezárják a Zalaegerszeg–Rédics vonalat", "A MÁV-Start és a Minisztérium szerint tizenegy hónapig buszok járnak Zalaegerszeg és Rédics között.")
    library = _library()
    best = {"r1": 1.0, "r2": 0.99, "r3": 0.95}
    assert same_story(library, [(line[0], 1.0), (line[1], 0.99)], best, 1.0, [*line, other], [*line, other]) == []


def test_the_lead_is_the_paragraph_after_a_title_the_text_repeats():
    from qa.kinds.stories import about_name

    library = _library()
    title = "Hat beteget ápolnak légionárius-betegséggel"
    for first in (title, f"# {title}"):
        copied = Article("w", title, "2025-08-04", 20250804, "", "", "",
                         f"{first}\n\nKazincbarcikán hat beteget ápolnak a kórházban.\n\nA hatóság vizsgál.")
        assert about_name(library, copied, "kazincbarcika")
    later = Article("w", title, "2025-08-04", 20250804, "", "", "", f"{title}\n\nHat beteget ápolnak.\n\nA kazincbarcikai kórház tele van.")
    assert not about_name(library, later, "kazincbarcika")


def test_in_a_request_joining_names_an_article_about_either_is_on_topic():
    from qa.kinds.stories import in_story

    def art(i, title, text):
        return Article(f"j{i}", title, "2025-05-01", 20250501, "", "", "", text)

    pool = art(1, "Új uszoda Sopronban", "Sopronban átadták az új uszodát.\n\nA medence ötven méteres.")
    match = art(2, "Békéscsaba–Sopron kézilabda", "Békéscsaba és Sopron csapata játszott.\n\nA meccs döntetlen lett.")
    library = _library()
    kept = [(pool, 1.0), (match, 0.9)]
    assert [a.article_id for a, _ in in_story(library, kept, ["sopron", "bekescs"], [pool, match], joined=True)] == ["j1", "j2"]


def test_a_title_opening_with_its_own_subject_keeps_the_passing_mention_out_as_well(monkeypatch):
    from qa.kinds import stories
    from qa.kinds.topic import case_counts

    monkeypatch.setattr(stories, "linked", lambda *args: lambda article, others: True)
    population = _quakes("Kiskunhalas mellett kisebb földrengés volt")
    library = _library()
    library.case_counts = lambda: case_counts(population)
    kept = list(zip(population, (1.0, 0.98, 0.97)))
    # "Kiskunhalas" opens the title but is a name; "Lezárult" opens one and is none
    assert [a.article_id for a, _ in stories.in_story(library, kept, ["varpalota"], population)] == ["q1", "q3"]


def test_a_lone_article_whose_title_names_nothing_of_the_topic_is_an_aside_to_its_story():
    from index import Article
    from qa.kinds.salience import stems
    from qa.kinds.stories import _without_asides

    def art(i, title):
        return Article(f"n{i}", title, "2025-05-01", 20250501, "", "", "", "")

    story = [art(1, "Költözik a Madách-iskola, felújítás indul"), art(2, "Azbeszt a Madách-iskolában"), art(3, "Átadták a megújult Madách-iskolát")]
    race, other_school = art(4, "Rekordszámú futó az Ipoly-parti futáson"), art(5, "Felújítják a salgótarjáni Petőfi-iskolát")
    topic = stems("Madách-iskola felújítás")
    assert _without_asides([story, [race]], topic, story[0]) == story
    # the best-fitting article stays, and so does a lone one whose title the topic names
    assert race in _without_asides([story, [race]], topic, race)
    assert other_school in _without_asides([story, [other_school]], stems("Madách-iskola és salgótarjáni iskola felújítás"), story[0])
    # no story titled by the topic: every article stays
    assert _without_asides([story[:1], [race]], topic, story[0]) == story[:1] + [race]


def test_a_place_s_adjective_is_a_name_where_a_sentence_opens_with_the_place():
    from index import Article
    from qa.kinds.topic import adjective_of_name, case_counts, openings

    town = Article("a1", "Felújították a salgótarjáni iskolát", "2025-08-29", 20250829, "", "", "",
                   "Salgótarján 980 millió forintot kapott. A salgótarjáni diákok örülnek. A Salgótarjáni Tankerület közölte.")
    counts = case_counts([town])
    # capitalised only at a sentence's start, and in an office's "-i" name: the opening says it is a town
    assert not adjective_of_name("salgótarjáni", counts)
    assert adjective_of_name("salgótarjáni", counts, openings([town]))
    assert not adjective_of_name("megyei", counts, openings([town]))


def test_a_place_s_name_stands_inside_the_compound_the_article_writes_and_es_joins_unaccented():
    from qa.kinds.topic import _JOINED, writes_name
    from qa.planner import fold

    assert writes_name(frozenset({"a", "hodmezovasarhelyi", "korhaz"}), "vasarh")
    assert not writes_name(frozenset({"a", "hodmezovasarhelyi"}), "mezo")  # a short key only starts a word
    assert writes_name(frozenset({"xviii"}), "xviii") and not writes_name(frozenset({"xviii"}), "xvii")
    assert _JOINED.search(fold("idorendben mi tortent a hodokkal Szarvason es Martfun"))
