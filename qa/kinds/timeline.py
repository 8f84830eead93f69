"""Timelines: the articles on a topic in date order, one dated item per article with the
sentence that says what is new in it compared with the earlier ones, and the figures it
adds to the story, each cited."""

from __future__ import annotations

import numpy as np

from qa.kinds import overview, person, stories, translated
from qa.kinds.absence import elsewhere
from qa.kinds.common import in_period, Library, cited, citations_for, finish, md, period_label, points_back, when, with_pointer
# what the timeline follows; importable from here, where it was
from qa.kinds.followed import (_CHANGED, _aspect, beyond_leads, counted, days, due, due_date, event_days, gives, on_a_day, holds_loosely, gives_next_to, giving_aspect, holds,  # noqa: F401
                               measured, next_to, owner, quantity)
from qa.kinds.running import counts_in, followed, largest, new_count
# importable from here, where they were
from qa.kinds.timeline_parts import _REVISED, earlier_first, in_order, remember, span, told_before  # noqa: F401
from qa.kinds.salience import article_year, background, facts, lead_index, news_facts, rate, shared, stems
from qa.planner import Request, fold
from qa.text import word_stems
from qa.retrieval import Filters
from qa.types import Answer

MAX_ITEMS = 10
# What is new: about the topic, central to its own article, near its start, and made of
# words the earlier articles did not use. On LexRank's 0..1 scale a sentence whose words
# all appeared before loses as much as the best sentence's centrality.
_TOPIC_WEIGHT = 1.0
# What the request follows beyond the story its articles' leads name (the Japanese import ban
# of a swine-fever story, "vezetése" of an airport's): the sentences that tell it gain.
_ASPECT_WEIGHT = 0.5
_NOVELTY_WEIGHT = 1.0
# The lead sentence says what happened: it is the item unless another tells more news.
_EVENT_LEAD = 0.3
# A story followed by one quantity ("how did the price change") takes the sentences that
# give it, whatever else they say: twice the best sentence's centrality. The words are
# the language's for money and for shares, and how a sentence writes an amount of either.
_MEASURE_WEIGHT = 2.0
# A request about a person ("Mi történt Kardos Rékával tavasszal?") takes from each article
# what it tells of them (`person`), whatever the article leads with.
_PERSON_WEIGHT = 2.0
# A request following one strand of a story ("mi lett a platánfákkal", "the free minibus") takes
# from each article the sentence nearest to it in meaning (e5's cosine to the request, scaled to
# 0..1 within the article): the strand's words are seldom the article's own ("kisbusz-járat" for
# "ingyenes kisbusz közlekedik"). Only where the request names something beyond the story its
# leads tell (`_aspect`) and follows no quantity (that is found by how sentences write it).
# Dev timelines (dev30, 32, 35-39 left out) / the request probe requests-dev3, weight 0 -> 1: key
# facts 730 -> 727 of 802 / 15 -> 18 of 33, timelines wholly in order 266 -> 267 of 272 / 2 -> 4
# of 14 (weights 0.5 and 2 traded the two the same way, less and more).
_SEMANTIC_WEIGHT = 1.0

HEAD = {
    "hu": "**Időrend: {n} cikk, {span}**",
    "en": "**Timeline: {n} article{s}, {span}**",
}
NOTHING = {
    "hu": "Nem találtam cikket erről a témáról{period}, ezért nincs miből időrendet készítenem.",
    "en": "I found no article on this topic{period}, so there is no timeline to give.",
}
ONE = {
    "hu": "Erről a témáról egyetlen cikk szól, így az időrend egy elemből áll.",
    "en": "Only one article covers this topic, so the timeline has one item.",
}


def answer(request: Request, library: Library, filters: Filters | None) -> Answer:
    lang = request.language
    period = in_period(request)
    if request.topic.strip():
        found = [a for a, _ in library.on_topic(request, filters, limit=MAX_ITEMS)]
        best = found[0] if found else None
        population = overview.newest(library)  # words weighed over the collection, read once
        if len(found) == 1:
            # The topic's words pick one article ("Hogyan nőtt az elpusztult halak mennyisége?"
            # fits the report that gave the figure best), but a timeline follows its story.
            found = stories.story_of(library, found[0], library.articles(filters), population)[-MAX_ITEMS:]
        # An article that only mentions the story is no item of its timeline, unless asked for.
        found = stories.without_passing(library, found, population, request.topic, best)
    else:
        found = library.articles(filters)[-MAX_ITEMS:]
    if not found:
        return finish(request, NOTHING[lang].format(period=period) + elsewhere(library, request, filters, lang), refused=True)
    topic = stems(request.topic)
    # The whole request, not its topic: "a kár összege" loses "összege" to the request words.
    measure = measured(request.standalone)
    by_when = due(request.standalone) if measure is not None else None
    chosen, seen, told, digits, dated = [], frozenset(), frozenset(), frozenset(), frozenset()
    common = background([library.stems(a) for a in found])
    things = counted(request)
    ordered = [a for a in in_order(found) if library.sentences(a)]
    if not ordered:
        return finish(request, NOTHING[lang].format(period=period), refused=True)
    # Without a count the request names ("az oltások száma"), what the story's articles count
    # with a changing number (`running`): a story's news is its figures moving.
    moving = () if things else followed([[s.text for s in library.sentences(a)] for a in ordered])
    counted_before: dict[str, set[str]] = {}
    for article in told_before(library, request, filters, ordered, MAX_ITEMS):
        # What the story told before the period asked ("between May and November") is no news in it.
        told, digits, dated = remember([s.text for s in library.sentences(article)], told, digits, dated, counted_before)
    # whole stems, not stems' first letters: a compound's head is matched by its end (`holds`)
    whole = frozenset(fold(w) for w in word_stems(request.topic))
    if lang == "en":
        # an English topic's words never stand in a Hungarian sentence: their senses the story writes do
        whole = translated.as_written(library, ordered, request.topic)
    aspect = _aspect(library, ordered, whole) if topic else frozenset()
    of_what = owner(library, ordered, aspect, whole) if measure is not None else aspect
    # A count the request names ("a kiürített házak száma") is followed as a count (`things`).
    follows = bool(aspect) and not things and bool(_CHANGED.search(fold(request.standalone)))
    people = person.of_topic(request.topic)
    who = not people and person.asks_who(request.standalone)
    query = library.scorer.query_vector(request.standalone) if aspect and measure is None and not people else None
    for article in ordered:
        sentences = library.sentences(article)
        bags = [stems(s.text) for s in sentences]
        # New is what the earlier articles did not say, the story's own words left aside.
        score = rate(sentences)
        score[lead_index(sentences)] += _EVENT_LEAD
        near = person.nearness(sentences, people) if people else np.zeros(len(sentences))
        score += _PERSON_WEIGHT * near
        if query is not None:
            sims = library.vectors(sentences) @ query
            score += _SEMANTIC_WEIGHT * (sims - sims.min()) / max(float(sims.max() - sims.min()), 1e-6)
        if who:
            # "ki irányítja a kármentesítést?": the sentence naming someone beside what they do
            # ("Bognár Edit … vette át a projekt irányítását"; "a Gyulai Várfürdő Kft. üzemelteti")
            score += _PERSON_WEIGHT * person.naming(sentences, request.standalone) * np.array([holds(aspect or whole, s.text) > 0 for s in sentences])
        if measure is None and follows:
            score += _MEASURE_WEIGHT * giving_aspect([s.text for s in sentences], aspect, article_year(sentences[0]))
        if measure is not None:
            gives_measure = np.array([bool(measure.search(fold(s.text))) for s in sentences])
            if by_when is not None:
                # "mikorra ígérték": the date written as a due date, where the article writes one
                written_due = gives_measure & np.array([bool(by_when.search(fold(s.text))) for s in sentences])
                # else the day it was done ("november 21-én adták át"), not a month named in passing
                on_day = gives_measure & np.array([on_a_day(s.text) for s in sentences])
                gives_measure = written_due if written_due.any() else on_day if on_day.any() else gives_measure
            # "the cost of restocking" is not the cost of the fine: where a sentence gives the
            # quantity beside what it is of (the aspect's words but the quantity's own,
            # "költsége"), only such sentences give it.
            # a sentence is read with the next one where that points back to it ("… 865 millió
            # forintot az államnak. Ennyibe került végül a kármentesítés.")
            of_aspect = gives_measure & (np.array([holds(of_what, with_pointer(sentences, i)) for i in range(len(sentences))]) > 0)
            if not of_aspect.any():
                # the article words it from the same roots otherwise ("a gyártósorok szeptember
                # 30-án állnak le" for "a gyártás leállítása"): those holding most of it
                loose = gives_measure * np.array([holds_loosely(of_what, s.text) for s in sentences])
                of_aspect = (loose > 0) & (loose == loose.max())
            # and where one writes the quantity right beside what it is of ("1,8 milliárd forintos
            # hiánnyal"), not in another clause ("A hiány egyik oka … 2,1 milliárd forint
            # hozzájárulás"), only such sentences
            # and giving a figure the earlier articles did not ("a vádirat még 418 millió forint
            # kárral számolt" restates the old one)
            beside = np.array([bool(of_aspect[i]) and next_to(s.text, measure, of_what) and bool(news_facts(s.text) - digits)
                               for i, s in enumerate(sentences)])
            score += _MEASURE_WEIGHT * (beside if beside.any() else of_aspect if of_aspect.any() else gives_measure)
        score += [_TOPIC_WEIGHT * shared(topic, b) + _ASPECT_WEIGHT * holds(aspect, s.text) - (_NOVELTY_WEIGHT * shared(b - common, seen) if seen else 0.0) for b, s in zip(bags, sentences)]
        chosen.append([sentences[int(score.argmax())]])
        personal = bool(near.any())
        if personal:
            # What is told of the person: the run naming them (with its quotation, `person.blocks`)
            # and the sentence beside it that gives a figure the run lacks (the score after "Kardos
            # Réka nyerte a női egyest", the time before "„…” – mondta Szalai Gréta"). Nothing else
            # joins: the tournament's own figures are not theirs.
            event = chosen[-1][0]
            run = next((b for b in person.blocks(sentences, people) if event.position - sentences[0].position in b), None)
            if run is not None:
                told_here = set().union(*(news_facts(sentences[j].text) for j in run))
                beside = [j for j in (run.start - 1, run.stop) if 0 <= j < len(sentences)
                          and sentences[j].paragraph == event.paragraph and news_facts(sentences[j].text) - told_here]
                picked = list(run) + ([max(beside, key=lambda j: score[j])] if beside else [])
                chosen[-1] = [sentences[j] for j in sorted(picked)]
        giving = [i for i, s in enumerate(sentences) if gives(s.text, things)]
        if giving and not personal and not gives(chosen[-1][0].text, things):
            # The count followed is told beside the event, not instead of it.
            best = max(giving, key=lambda i: (gives_next_to(sentences[i].text, things), score[i]))
            chosen[-1] = sorted(chosen[-1] + [sentences[best]], key=lambda s: s.position)
        if len(chosen[-1]) == 1 and not personal and facts(chosen[-1][0].text) - told:
            # The event's figures are seldom all the news: the sentence giving most figures in
            # digits that no earlier article gave ("31 embert", "47 emberre", "végső költség
            # 1,68 milliárd forint"; numbers in words are a story's colour: "negyven évig",
            # "hat hónap") joins the item, the event's own paragraph first.
            event = chosen[-1][0]
            year = article_year(event)  # "2022 óta" in a 2025 article is background, not news
            given = digits | news_facts(event.text)
            more = {i: len(news_facts(s.text, year) - given) for i, s in enumerate(sentences)}
            best = max(more, key=lambda i: (more[i], sentences[i].paragraph == event.paragraph, score[i]))
            if more[best]:
                chosen[-1] = sorted(chosen[-1] + [sentences[best]], key=lambda s: s.position)
        if not personal and not any(facts(s.text) - told for s in chosen[-1]):
            # An event without what changed ("ég az erdő" without "300 hektáron", "lemondott
            # Varga Tamás" without who follows him): the article's best sentence giving a figure
            # or a name the earlier articles did not joins the item.
            new = [i for i, s in enumerate(sentences) if facts(s.text) - told]
            if new:
                # The event's own paragraph first: the lead's next sentence completes it.
                event = chosen[-1][0]
                best = max(new, key=lambda i: (sentences[i].paragraph == event.paragraph, score[i]))
                chosen[-1] = sorted(chosen[-1] + [sentences[best]], key=lambda s: s.position)
        if follows:
            # What the request follows beyond the story ("a kért és a kiszabott büntetés") is
            # told in each article where the article tells it: the sentence holding most of it
            # joins the item when the item holds less.
            held = [holds(aspect, s.text) for s in sentences]
            best = max(range(len(sentences)), key=lambda i: (held[i], score[i]))
            if held[best] > max(holds(aspect, s.text) for s in chosen[-1]):
                chosen[-1] = sorted(chosen[-1] + [sentences[best]], key=lambda s: s.position)
        for thing in () if personal else moving:
            # Each followed count's new number joins the item where the item lacks it (given as
            # itself: "180 millió forint gázköltséget" gives no new cost): the sentence giving
            # it, the event's paragraph first.
            giving = [i for i, s in enumerate(sentences) if new_count(s.text, (thing,), counted_before)]
            held = max((largest(s.text, thing) for s in chosen[-1] if counts_in(s.text).get(thing, frozenset()) - counted_before.get(thing, set())), default=None)
            # given already, unless as a currency's lesser sum ("kilogrammonként 70 forintért"
            # beside the story's "720 millió forint")
            if held is not None and not any(largest(sentences[i].text, thing) > held for i in giving):
                continue
            if giving:
                event = chosen[-1][0]
                # the sum written beside its own noun before one whose noun stands apart
                # and, of a currency's sums taken together, the largest: the story's whole before its
                # parts and fees ("A beruházás teljes költsége 1,9 milliárd forint" before "Ebből 1,4
                # milliárd forint uniós támogatás" and "évente 310 millió forintot fizet a gázért")
                best = max(giving, key=lambda i: (thing in counts_in(sentences[i].text), largest(sentences[i].text, thing),
                                                  sentences[i].paragraph == event.paragraph, score[i]))
                chosen[-1] = sorted(chosen[-1] + [sentences[best]], key=lambda s: s.position)
        if not personal and told:
            # A later article's revision ("a bejelentett 186 helyett végül 142 munkavállaló", "Végül
            # 398 sakkozó ült asztalhoz", "új üzenetükben már 250 ezer eurót követelnek, a január
            # közepén kért 150 ezer euró helyett") is what is new in it: the best sentence saying
            # so with a figure in digits no earlier article gave joins an item that has none.
            # The dev timelines of dev .. dev29 (dev30 kept back): key facts 653 -> 662 of 732, order 233 -> 239 of 271,
            # none worse; "végső"/"végleges" too: 2 fewer (an item holding "végső költség" took none).
            # A sentence of its paragraph that only says so, with no figure, marks the next one: "A
            # kárbecslés is módosult. A biztosítók szakértői szerint … a kár 410 millió forint." (the
            # same dev timelines and dev31's: key facts +3, order 248 -> 250 of 281, none worse)
            year = article_year(sentences[0])  # "végül 2019-ben" in a 2025 article is background
            marked = [bool(_REVISED.search(fold(s.text))) for s in sentences]
            said = [marked[i] or (i > 0 and marked[i - 1] and not news_facts(sentences[i - 1].text, year) and sentences[i - 1].paragraph == s.paragraph)
                    for i, s in enumerate(sentences)]
            revising = [i for i, s in enumerate(sentences) if s not in chosen[-1] and said[i] and news_facts(s.text, year) - digits]
            if revising and not any(marked[s.position - sentences[0].position] for s in chosen[-1]):
                best = max(revising, key=lambda i: score[i])
                chosen[-1] = sorted(chosen[-1] + [sentences[best]], key=lambda s: s.position)
        if not personal and (measure is None or by_when is not None):
            # An item opening without a day ("Hivatalosan is véget ért a tőzegtűz.") is told with
            # it where the next sentence of its paragraph names a day no earlier article named,
            # and not as a due date ("A katasztrófavédelem szeptember 12-én jelentette be …"): the
            # article's date is when it was told. (Read on the item's first sentence: tried on its
            # best-scored one, and only where no sentence of the item names a day, dev28's fire
            # lost its day; the dev timelines were the same otherwise.)
            event = chosen[-1][0]
            year = article_year(event)
            k = event.position - sentences[0].position + 1
            if (not on_a_day(event.text) and k < len(sentences) and sentences[k].paragraph == event.paragraph
                    and sentences[k] not in chosen[-1] and days(sentences[k].text) - dated and not due_date(sentences[k].text)):
                chosen[-1] = sorted(chosen[-1] + [sentences[k]], key=lambda s: s.position)
            elif not any(event_days(s.text, year) - dated for s in chosen[-1]):
                # Else, where no sentence of the item names a day new to the story, the first one
                # of the lead or the paragraph after it that does ("A munkaterületet március 10-én
                # adták át", "Tíz hónapnyi kényszerszünet után november 15-én újranyitott"): every
                # dev timeline but dev30's and dev32's, key facts 724 -> 732 of 802, none fewer. A
                # due date is no day it happened on ("november 15-re tolta az átadást" beside "A
                # december 2-i átadással"), and a "mikorra" request is told the day too (+1).
                near_lead = sentences[lead_index(sentences)].paragraph + 1
                new_day = [s for s in sentences if s.paragraph <= near_lead and s not in chosen[-1] and event_days(s.text, year) - dated]
                if new_day:
                    chosen[-1] = sorted(chosen[-1] + new_day[:1], key=lambda s: s.position)
        # what an item's sentence points back to is read with it ("… kb. 350 millió forintba kerülne.
        # Ekkora összeg nincs a város kasszájában")
        # (and a sentence two of the steps above took is told once)
        item = {s.position: s for s in chosen[-1]}
        item.update((b.position, b) for b in filter(None, (points_back(sentences, s) for s in chosen[-1])))
        chosen[-1] = [item[p] for p in sorted(item)]
        seen = seen.union(*bags) - common
        told, digits, dated = remember([s.text for s in sentences], told, digits, dated, counted_before)
    items = [earlier_first(item) for item in chosen]
    chosen = [s for item in items for s in item]
    markers, citations = citations_for(chosen)
    # A period the request named is the span; else the first and last articles' dates.
    covered = period_label(request) or span(chosen[0].article.published, chosen[-1].article.published, lang)
    lines = [HEAD[lang].format(n=len(items), s="" if len(items) == 1 else "s", span=covered), ""]
    i = 0
    for item in items:
        said = " ".join(cited(md(s.text), markers[i + j]) for j, s in enumerate(item))
        i += len(item)
        lines.append(f"- **{when(item[0].article.published, lang)}** — {said} *({md(item[0].article.title)})*")
    if len(items) == 1:
        lines += ["", ONE[lang]]
    return finish(request, "\n".join(lines), citations)
