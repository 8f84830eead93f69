"""What fills a question's answer slot: a person, a firm, a counted thing, a calendar date."""

from qa.slots import asks_company, counted, counts, has_calendar_date, new_company, new_person
from tests.qa.test_chooser import _by_text, _sentences


def test_a_person_is_a_name_beside_a_given_name_or_a_title():
    assert new_person("– mondta dr. Weisz Kornélia vezérigazgató.", "Ki a Rábai Gépgyártó vezérigazgatója?")
    assert new_person("Tomáš Vrabec lett a Soproni VSE új vezetőedzője.", "Ki lett az edző?")
    assert new_person("A vezérigazgató, dr. Lengyel szerint jó az év.", "Ki a vezérigazgató?")
    # An association, a company and the question's own person are not a new person.
    assert not new_person("Pályáját a Tapolcai Polgári Kör nevű egyesületben kezdte.", "Ki lett Tapolca polgármestere?")
    assert not new_person("A Hajdú Energia Nyrt. ügyfélköre nőtt.", "Ki áll a Hajdú Energia élén?")
    assert not new_person("– mondta Kardos Lőrinc a bemutatásán.", "Meddig szól Kardos Lőrinc szerződése?")


def test_a_firm_is_a_name_that_ends_in_a_legal_form():
    assert asks_company("Melyik cég építi a mezőtúri hidat?") and asks_company("Which company builds the bridge?")
    assert not asks_company("Ki építi a hidat?")
    assert new_company("A kivitelező Alföld-Híd Építő Zrt. közölte, hogy nem fizet kötbért.", "Melyik cég építi a hidat?")
    assert not new_company("A Hajdú Energia Nyrt. bevétele nőtt.", "Melyik cég a Hajdú Energia Nyrt. tulajdonosa?")
    assert not new_company("Új hidat építenek Mezőtúron a Hortobágy-Berettyó felett.", "Melyik cég építi a hidat?")


def test_a_count_stands_right_before_the_thing_counted_by_its_whole_stem():
    nouns = counted("Hány parkolóórát helyeznek ki Veszprémben?")
    assert counts("A város 85 új parkolóórát helyez ki.", nouns)
    # "parkolóhely" and "parkolóóra" share the five letters matching cuts stems to.
    assert not counts("A fizetős zóna kb. 1200 új parkolóhellyel bővül.", nouns)
    assert counts("23 települést érint a program.", counted("Hány települést keres fel a busz?"))
    assert counted("Mikor nyílt meg a híd?") == frozenset()


def test_a_when_question_wants_a_calendar_date_not_a_weekday():
    assert has_calendar_date("Az első mérkőzését október 11-én, szombaton játssza.")
    assert has_calendar_date("Kétéves szerződést írt alá, amely 2027 nyaráig szól.")
    assert not has_calendar_date("A szombati mérkőzésen már ő ül a kispadon.")
    # A month alone dates a news story's event; its abbreviation is another word ("máj", liver).
    assert has_calendar_date("A kapcsolatok fejlődnek, mióta júniusban megkötötték a partnerséget.")
    assert has_calendar_date("Május elejétől sztrájkba kezdenek.")
    assert has_calendar_date("Prices have risen since June.")
    assert not has_calendar_date("A májbetegség kezelésére kapott támogatást a klinika.")
    assert not has_calendar_date("It may rain on Sunday.")


def test_the_slot_features_reach_the_chooser_and_a_company_form_is_no_forint():
    weekday = "Vrabec úr azonnal kezdhet, a szombati mérkőzésen már ő ül a kispadon."
    dated = "Az új edző első mérkőzését október 11-én, szombaton játssza a csapat."
    f = _by_text("Mikor ül először a kispadon Vrabec?", _sentences("Vrabec a soproni kispadon", f"{weekday} {dated}", {weekday: 0.9, dated: 0.85}))
    assert f[dated]["calendar"] == 1.0 and f[weekday]["calendar"] == 0.0
    kft = "A Körös-Bau Kft. ügyvezetője szerint a híd ötven évig nem szorul felújításra."
    paid = "A felújítás 1,14 milliárd forintba került."
    f = _by_text("Mennyibe került a békési híd felújítása?", _sentences("Megnyílt a békési híd", f"{kft} {paid}", {kft: 0.9, paid: 0.85}))
    assert f[kft]["unit_ok"] == 0.0 and f[paid]["unit_ok"] == 1.0


def test_a_given_name_is_a_person_in_any_case():
    # "Andreát", "Gábort": an accusative given name still makes the run a person.
    assert new_person("Tanúként hallgatták meg Kiss Andreát, a vízmű igazgatóját.", "Kit hallgattak meg tanúként?")
    assert new_person("Elítélték Molnár Gábort.", "Kit ítéltek el?")
    assert not new_person("A Zala Vármegyei Rendőr-főkapitányság nyomoz.", "Ki nyomoz?")
    # A given name followed by letters that are no case ending is another word: an office, a village.
    assert new_person("Szabó Péterrel tárgyaltak.", "Kivel tárgyaltak?")
    assert not new_person("A Tamási Járási Hivatal közölte a döntést.", "Ki döntött?")
    assert not new_person("A Pálháza Kft. nyerte el.", "Ki nyerte el?")


def test_the_questions_own_person_stays_asked_after_a_capitalised_sentence_start():
    question = "Ki vezette a színházat Tóth Réka előtt?"
    assert not new_person("Szeptembertől Tóth Réka vezeti a színházat.", question)
    assert new_person("Szeptembertől Kiss Péter vezeti a színházat.", question)


def test_a_number_written_in_words_counts_what_follows_it():
    # Hungarian news spells small numbers: "két évtől nyolc évig" counts years as "5 év" does
    years = counted("Hány év börtönt kaphatnak érte?")
    assert counts("két évtől nyolc évig terjedő szabadságvesztés szabható ki rájuk", years)
    assert counts("legfeljebb nyolc évet kaphatnak", years) and counts("5 év börtönt kaphat", years)
    assert not counts("A hatóság évek óta vizsgálja.", years)  # no number
    assert not counts("a harmadik évben", years)  # an ordinal counts nothing
