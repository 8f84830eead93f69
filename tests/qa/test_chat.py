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
