"""The chat kind's example requests: drawn from the collection's titles, readable Hungarian."""

from types import SimpleNamespace

from qa.kinds.chat import frequent_name


def _titles(*titles):
    return [SimpleNamespace(title=t) for t in titles]


def test_the_example_name_is_the_most_frequent_and_a_noun_rather_than_an_adjective():
    assert frequent_name(_titles("Árvíz után Sajószentpéteren", "Újjáépül Sajószentpéter", "Ítélet Szegeden")) == "Sajószentpéter"
    # As frequent as "Vízmű", "Kecskeméti" would read "Mit tudunk Kecskeméti kapcsán?".
    assert frequent_name(_titles("Ítélet a Kecskeméti Vízmű ügyében", "Vád a Kecskeméti Vízmű volt vezére ellen")) == "Vízmű"
    # An adjective alone still serves.
    assert frequent_name(_titles("Hír a Kecskeméti strandról", "Még egy hír a Kecskeméti strandról")) == "Kecskeméti"
    assert frequent_name(_titles("árvíz", "aszály")) == ""


def test_a_name_a_title_writes_inflected_is_given_bare_as_the_texts_write_it():
    articles = [SimpleNamespace(title="Díjmentes a busz Ajkán", text="Az önkormányzat döntött. Így Ajka lakói ingyen utaznak, az ajkai buszon."),
                SimpleNamespace(title="Hír Szegeden", text="Ma esős idő volt.")]
    # as frequent in titles, the name the texts write more; "Szegeden" has no bare form written
    assert frequent_name(articles) == "Ajka"
    assert frequent_name(articles[1:]) == "Szegeden"


def test_the_fact_example_names_whom_the_newest_quoting_article_quotes():
    from index import Article
    from qa.kinds.chat import speaker_question

    def art(i, text):
        return Article(f"a{i}", "Cím", f"2025-05-0{i}", 20250500 + i, "", "", "", text)

    older = art(1, "„Jó csapat” – mondta Kovács Dénes vezetőedző.")
    newer = art(2, "„Kész vagyunk” – nyilatkozta dr. Fekete Bálint bíró a tárgyalás után.")
    silent = art(3, "Nem nyilatkozott senki – a hivatal zárva volt.")
    assert speaker_question([older, newer, silent]) == "Mit mondott Fekete Bálint?"
    assert speaker_question([older]) == "Mit mondott Kovács Dénes?"
    assert speaker_question([silent]) is None


def test_asked_what_it_is_the_assistant_says_it_is_a_program_in_the_question_s_language():
    from datetime import date

    from index import Article
    from qa.kinds import chat
    from qa.planner import Planner

    articles = [Article("a1", "Új híd épül Mezőtúron", "2025-03-04", 20250304, "helyi", "MTI", "", "A híd 2026-ra készül el.")]
    library = SimpleNamespace(articles=lambda filters=None: articles)
    for question, said in (("Am I talking to a human or to some kind of AI?", "I am a program, not a person"),
                           ("Ember vagy, vagy program?", "Program vagyok, nem ember"),
                           ("Szia! Mit tudsz?", None)):
        request = Planner(None).plan(question, question, today=date(2026, 11, 25), latest=date(2025, 3, 4), earliest=date(2025, 3, 4))
        text = chat.answer(request, library, None).text
        assert request.kind == "chat" and (said in text if said else "program" not in text.lower())
