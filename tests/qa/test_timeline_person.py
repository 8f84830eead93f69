"""A timeline about a person: the sentences that tell of them, not their event's lead."""

from fakes import paragraph_sentences

from qa.kinds import person


sentences = paragraph_sentences


def test_the_person_is_the_surname_beside_a_given_name_in_either_order_and_any_case():
    assert person.of_topic("Kardos Rékával") == {"kardos"}
    assert person.of_topic("Réka Kardos") == {"kardos"}
    assert person.of_topic("Szalai Gréta crew") == {"szalai"}
    # a surname that is also a given name: both words stand for the person
    assert person.of_topic("Gergely Ádám") == {"gergely", "adam"}
    assert person.of_topic("balmazújvárosi termálfűtés") == frozenset()
    assert person.of_topic("Pápán és Ajkán") == frozenset()


def test_a_sentence_names_the_person_by_the_surname_in_any_case_form_not_a_longer_name():
    people = frozenset({"kardos"})
    assert person.names("A 22 éves Kardos tavaly a negyeddöntőig jutott.", people)
    assert person.names("A döntőben 4:2-re győzte le a magyar Kardos Rékát.", people)
    assert not person.names("A kardos vívók is rajthoz álltak.", people)  # not a name
    assert not person.names("Kardossy Péter vezette a versenyt.", people)


def test_a_quote_split_into_sentences_is_told_with_the_sentence_naming_its_speaker():
    text = sentences([
        "A legnagyobb sikert a vegyes csapat aratta: 200 méteren 48,62 másodperccel nyert.",
        "„Tavaly ennyivel maradtunk le, most mi voltunk gyorsabbak.",
        "Hihetetlen érzés itthon nyerni” – mondta a célban Szalai Gréta csapatkapitány.",
        "A nézők száma 18 ezer volt.",
    ])
    assert person.blocks(text, frozenset({"szalai"})) == [range(1, 3)]
    near = person.nearness(text, frozenset({"szalai"}))
    assert list(near) == [person.NEIGHBOUR, 1.0, 1.0, person.NEIGHBOUR]


def test_a_quote_after_the_sentence_naming_the_speaker_is_theirs_and_other_paragraphs_are_not_beside():
    text = sentences(
        ["Huszonkét ország csapatai érkeznek."],
        ["Szalai Gréta, a csapat kapitánya nem titkolja a célt.",
         "„Tavaly három tizedmásodperc hiányzott az aranyhoz.",
         "Itthon most a 200 méteren nyerni akarunk” – mondta."],
        ["A rendezés 290 millió forintba kerül."],
    )
    assert person.blocks(text, frozenset({"szalai"})) == [range(1, 4)]
    assert list(person.nearness(text, frozenset({"szalai"}))) == [0.0, 1.0, 1.0, 1.0, 0.0]
