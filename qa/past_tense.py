"""Whether a request asks of something that happened: a verb in the past tense, English or
Hungarian ("Which fish farm projects made the news, and in what order?", "Milyen sorrendben
döntöttek Pápán és Ajkán?"), not of a plan ("Milyen sorrendben indulnak a versenyzők?")."""

from __future__ import annotations

import re

from qa.bilingual import hungarian_lemma, hungarian_verb
from qa.text import VERB_PREFIXES, fold


def words_and_folds(question: str) -> list[tuple[str, str]]:
    """Each word of the question beside its folded form."""
    return [(w, fold(w)) for w in re.findall(r"\w+", question.lower())]


# A past event: English "were", "did", "…ed"; a Hungarian verb in the past tense ("robbantották",
# "történt", "indult"; `past_event` asks the dictionary that the word is a verb's form).
# the regular past ("reported") and the irregular one, a closed class ("made the news",
# "broke out", "won"); forms alike in the present ("cut", "set", "read") are left out
_EN_PAST = re.compile(r"\b(were|was|did|happened|had|made|came|went|took|gave|got|began|became|broke|brought|built|bought|caught|chose|"
                      r"fell|found|held|kept|knew|led|lost|met|paid|ran|said|sent|sold|spent|stood|struck|"
                      r"told|thought|won|wrote|drove|flew|grew|shot|stole|threw|hid|fought|sank|froze)\b|\b\w{3,}ed\b")
_EN_PLANNED = re.compile(r"\b(will|shall|going to|are|is|be|being|do|does)\b")
_HU_PAST = re.compile(r"\w{2,}t(t)?(ak|ek|a|e|uk|uk|am|em|ad|ed|unk|atok|etek|ok)?$")


def past_event(folded: str, question: str) -> bool:
    """Whether a request asks of something that happened (the past tense), not of a plan."""
    if re.search(r"\b(were|was|did|happened|had)\b", folded) or (_EN_PAST.search(folded) and not _EN_PLANNED.search(folded)):
        return True
    # a past form is not its own lemma: "indult" (indul), "robbantották"; "nyit", "dönt" are present
    words = words_and_folds(question)
    # the plural past read through a bare verb ("készültek") only where no other word is a verb:
    # "Milyen sorrendben indulnak a jelöltek?" asks of candidates, not of things marked
    # (a verb's particle standing apart, "szólalnak fel", says there is one)
    alone = not any(hungarian_verb(w) or w in VERB_PREFIXES for w, _ in words)
    return any(_HU_PAST.search(f) and ((lemma := hungarian_lemma(w)) != w)
               and (hungarian_verb(w) or _plural_past(w, lemma, alone)) for w, f in words)


def _plural_past(word: str, lemma: str, alone: bool = True) -> bool:
    """A plural past read by its lemma where the dictionary lacks the form: the lemma and the
    past's ending ("épültek" of "épül", "születtek" of "születik" without its -ik), or the
    singular past the lemmatiser gives and a plural ending ("alakultak" of "alakult", a verb's
    form; "döntöttek" of "döntött"). A noun's accusative is its lemma and a bare "t" ("autót"), a
    noun's plural its lemma and "ek" ("kertek" of "kert", no verb)."""
    base = lemma[:-2] if lemma.endswith("ik") else lemma
    if word.startswith(base) and _PLURAL_PAST.match(word[len(base):]):
        return True
    # the lemmatiser's singular past of a verb the dictionary knows only bare ("készültek" of "készült",
    # "készül"); a short stem is too often a noun's ("kertek": "ker" reads as "kér" unaccented)
    bare = lemma[:-1]
    return word in (lemma + "ak", lemma + "ek") and (lemma.endswith("tt") or (lemma.endswith("t") and (
        hungarian_verb(lemma) or (alone and len(bare) >= _BARE and hungarian_verb(bare)))))


_BARE = 4
_PLURAL_PAST = re.compile(r"t?t(ak|ek|ok)$")
