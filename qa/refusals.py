"""A fact refusal in one sentence that says why, in the question's language: nothing in the
articles is about this ("absent"), the topic is there but not the detail asked ("detail",
naming the closest article), or the period searched left it out ("period")."""

from __future__ import annotations

from typing import Sequence

from qa import kinds, prompts
from qa.chooser import Choice
from qa.planner import Request
from qa.retrieval import Filters
from qa.text import definite_article


def refusal(request: Request, rated: Sequence[Choice], filters: Filters | None, period_left_it_out: bool,
            floor: float) -> tuple[str, str]:
    """(why, the sentence). `period_left_it_out`: the question is answered outside the period
    searched, or the period held nothing to search; `floor`: the cosine from which a sentence is
    near the question (the settings' `min_relevance` for its language)."""
    lang, why = request.language, prompts.REFUSAL_WHY[request.language]
    if filters and period_left_it_out:
        label = kinds.common.period_label(request) or range_label(filters)
        return "period", why["period"].format(period=label)
    # The topic is there when a candidate's passage names what the question names, or
    # its sentence is close in meaning; then the closest article is worth naming.
    # An English question's names are spelled its own way: they say nothing here.
    named = bool(request.names) and lang == "hu"
    near = [c for c in rated if (c.features["entities_passage"] == 1.0 and named) or c.features["overlap"] >= 0.5
            or c.sentence.cosine >= floor]
    if not near:
        return "absent", why["absent"]
    title = near[0].sentence.hit.passage.title
    return "detail", why["detail"].format(title=title, the=definite_article(title))


def range_label(filters: Filters) -> str:
    """A date filter the question did not name, as the user set it: "2025-07-01 – …"."""
    fmt = lambda n: f"{n // 10000}-{n // 100 % 100:02d}-{n % 100:02d}" if n else "…"  # noqa: E731
    return f"{fmt(filters.date_from)} – {fmt(filters.date_to)}"
