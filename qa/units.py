"""What unit a quantity question asks its answer in (or a why-question's cause), and which
sentences could answer it.

The units are the language's, not any question set's: money, length, share, age, duration.
A "how much did it cost" answered with "86 méter" is a near miss (`qa.chooser_features`);
and a sentence further down that holds a figure of the kind asked for is worth a place among
the chooser's candidates before two that hold none, however close their words are (`admit`).
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Callable, Sequence

from qa.text import answer_type, fold, satisfies

# What a quantity question measures, read from its words, and how a sentence writes it.
_LENGTH = r"\b(\w*meter\w*|km\b|m\b|centi\w*)"
# A day, a week, an hour in their case forms, not a word that starts like one ("napelemes" is
# solar, "hetven" seventy, "Orange" a firm).
_DURATION = (r"\b(ev|evig|evre|honap\w*|nap(ok|ja|jai)?(ig|ot|at|on|ra|re|ba|ban|bol|nyi|i|os|pal|tal|kal)?|het(ek|e)?(ig|et|re|en|nyi|i|es)?|"
             r"ora(k|ja)?(ig|t|n|ra|nyi|i|s)?|perc(ek)?(ig|et|re|en|nyi|es)?|ideig|idore|years?|months?|days?|weeks?|indefinite\w*)\b")
_DURATION_UNIT = re.compile(_DURATION)
_FOLDED_NUMERALS = "egy|ket|harom|negy|ot|hat|het|nyolc|kilenc|tiz|husz|harminc|negyven|otven|hatvan|hetven|nyolcvan|kilencven|szaz"
_UNITS = (
    # Age first: "hány éves" also starts like the duration "hány év". "Hatéves", "kétéves"
    # write the number and the unit as one word.
    (re.compile(r"\b(hany eves|how old|eletkor)"), re.compile(rf"(\b|\d|\b({_FOLDED_NUMERALS})+|\b(tizen|huszon)\w*)eves|\d+ ev\b|years? old")),
    # "ár" (price) only as a word of its own: "aránya", "arány" ask for a share.
    (re.compile(r"\b(mennyibe\b|mennyib[oe]l\b|mennyiert\b|mibe (fog )?kerul\w*|mennyi(be)? (penz|forint|osszeg)|mekkora (osszeg|tamogatas|nyereseg|eredmeny|bevetel|ar(a|at|ak)?\b|koltseg)|"
                # the damage done ("Mekkora kárt okozott?", "mekkora a kár")
                r"(mekkora|mennyi)( volt| lett| lesz)? (a |az )?(kar|kart|kara|karuk|karertek\w*)\b|"
                r"mennyi( volt)? (a |az )?(nyereseg|eredmeny|bevetel|ar(a|at|ak)?\b|koltseg|tamogatas|fizetes|ber\b|bere\b|berek\b|dij\b|dija\w*|birsag)|"
                # what is earned, paid or spent ("Mennyit keresnek a szakápolók?"), a salary, a fee, a fine
                r"mennyit (keres|fizet|kolt|er\b)\w*|mekkora (fizetes|ber\b|berek|dij|birsag)\w*|"
                r"how much (did|does|will|money|do)|cost|profit|revenue|price|salar|wage|earn|fee\b|fees\b|how much damage)"),
     re.compile(r"(forint|\bft\b|euro(?!p)|\beur\b|dollar|usd|\$|€)")),  # not "európai"
    (re.compile(r"\b(mennyi ido|mennyi ideig|(milyen|mennyire) hosszu (ideig|idore|idot)|hany (ev|honap|nap|het|ora|perc)|meddig tart|"
                r"how long (did|does|do|will|has|have|had|would|can|could)|how many (years|months|days|weeks|hours))"),
     _DURATION_UNIT),
    # English has one "how long" for both: "How long is the bridge / the ban?" takes either unit.
    (re.compile(r"\bhow long (is|was|are|were)\b"), re.compile(f"{_LENGTH}|{_DURATION}")),
    (re.compile(r"\b(milyen hosszu|hany meter|milyen szeles|milyen magas|milyen (melyen|melyre|mely)\b|mekkora (a |az )?(tavolsag|melyseg)|milyen melysegben|"
                # "Mekkora a kút mélysége?", "Mekkora lesz a híd hossza?"
                r"mekkora\b.*\b(melysege|hossza|szelessege|magassaga)\b|"
                r"how long|how tall|how wide|how far|how big|how large|how deep|length|(?<!in-)(?<!in )depth)"),
     re.compile(_LENGTH)),
    # a share: "Hány százalék…", "Mekkora része…", "hányad része", "What proportion…"
    (re.compile(r"\b(hany szazal|mekkora (a |az )?(reszese|arany|resze\b|reszet\b|reszt\b|hanyad)|hanyad(a|at|resz)|milyen aranyban|"
                r"reszesedes\w*|\barany(a|ban|at|uk)\b|what share|what percent|what proportion|what fraction|percentage|turnout|reszvetel)"),
     # a fraction in words too ("kétharmadát", "negyede"); not "fele", which folds like "felé",
     # nor a word ending in one ("évtizede", "Palotanegyedet")
     re.compile(r"(szazal|%|percent|harmad(a|at|aval|ara|anyi)?\b|\b(egy|ket|harom|negy)?(negyed|otod|tized)(e|et|evel|ere|enyi)\b)")),
)


def asked_unit(question: str) -> re.Pattern | None:
    """The pattern a sentence's figure is written with in the unit the question asks for
    (matched on folded text), or None when it asks for none."""
    folded = fold(question)
    return next((unit for asks, unit in _UNITS if asks.search(folded)), None)


# A why-question asks for a cause or a purpose, and a sentence gives one in the language's
# own joints: "mert", "miatt", "ezért", "oka", "következtében", "érdekében", "because", "due to".
# Matched on folded text.
_WHY = re.compile(r"\b(miert|mi(nek)? az oka|mi okbol|mi okozta|mi miatt|minek koszonheto|mi volt (a|az) .{0,60}\boka\b|"
                  r"mi all(t)? .{0,60}\bhattereben|why|for what reason|what caused|how come)\b")
_REASON = re.compile(r"\b(mert|miatt|miatti\w*|ezert|emiatt|azert|okan|oka|okai|okat|okozta|indok\w*|mivel|hiszen|ugyanis|kovetkezteben|"
                     r"hatasara|koszonheto\w*|tudhato be|vezetheto vissza|hattereben|szuksegesse|erdekeben|celja|"
                     r"because|due to|since|as a result|owing to|caused by|in order to)\b")


def asks_why(question: str) -> bool:
    return bool(_WHY.search(fold(question)))


def gives_reason(text: str) -> bool:
    """Holds a cause or a purpose, as a why-question's answer does."""
    return bool(_REASON.search(fold(text)))


def holds_asked(question: str) -> Callable[[str], bool] | None:
    """What a sentence must hold to answer: a figure in the unit asked for (a number written
    just before the unit's word, or in it: "1,2 milliárd forint", "hatéves"), a quantity for a
    how-many question, a date for a when question, a cause for a why question; None when the
    question asks none. A duration may also be answered by the date it lasts until
    ("március 31-ig tart")."""
    if asks_why(question):
        return gives_reason
    kind = answer_type(question)
    unit = asked_unit(question)
    if unit is not None:
        until = unit is _DURATION_UNIT

        def holds(text: str) -> bool:
            folded = fold(text)
            in_unit = any(satisfies(folded[max(0, m.start() - _BEFORE) : m.end()], "number") for m in unit.finditer(folded))
            return in_unit or (until and satisfies(text, "date"))

        return holds
    if kind in ("number", "date"):
        return lambda text: satisfies(text, kind)
    return None


# How far before a unit's word its number may stand: "1,2 milliárd forint", "kb. 300 méter".
_BEFORE = 24


def admit(ranked: Sequence, question: str, look: int, reserved: int = 2) -> list:
    """`ranked` with the last `reserved` of its first `look` places given to the best-ranked
    sentences further down that hold what the question asks (`holds_asked`), where the
    sentences they displace do not: the answer to "Mennyibe került volna a kotrás?" may rank
    ninth by its words ("A projekt teljes költsége 3,2 milliárd forint") behind sentences
    about the dredging that give no sum, and the chooser only reads the first `look`."""
    holds = holds_asked(question)
    if holds is None or len(ranked) <= look:
        return list(ranked)
    kept = list(ranked[: look - reserved])
    rest = list(ranked[look - reserved :])
    # the first `reserved` that hold it: the rest need not be read
    fitting = list(islice((s for s in rest if holds(s.text)), reserved))
    chosen = fitting + [s for s in rest if s not in fitting][: reserved - len(fitting)]
    # Keep the admitted sentences in their ranked order; what they displaced follows.
    chosen.sort(key=rest.index)
    return kept + chosen + [s for s in rest if s not in chosen]
