"""A place's adjective as the lemmatiser knows it (`qa.kinds.places.known_place`)."""

import pytest

from qa.kinds.places import known_place


@pytest.mark.parametrize("word", ["tapolcai", "csanádpalotai", "nyíradonyi", "bonyhádi", "szegedi", "balatoni"])
def test_the_lemmatiser_s_places_are_known_by_their_adjective(word):
    assert known_place(word)


@pytest.mark.parametrize("word", ["megyei", "helyi", "iskolai", "közbiztonsági", "árvízvédelmi", "szolgálati", "zalaberi", "tatai"])
def test_a_noun_s_adjective_or_a_place_the_lemmatiser_lacks_is_not(word):
    # "tatai" is "tata"'s forms to it (a grandfather); "zalaberi" it does not know
    assert not known_place(word)
