"""One answer on the page: its text with linked [n] markers, its source cards, its actions."""

from __future__ import annotations

import streamlit as st

import ui.session as session
from qa import Answer, Citation
from ui import dates, export
from ui.history import source_of, url_of
from ui.render import anchor, answer_markdown, citation_context, escape, highlighted, source_line


@st.dialog("Teljes cikk", width="large")
def show_article(article_id: str, start: int = -1, end: int = -1) -> None:
    article = session.assistant_for(st.session_state.mode).article(article_id)
    if article is None:
        st.error("A cikk már nincs az indexben.")
        return
    st.markdown(f"### {escape(article.title)}")
    facts = (dates.published(article.published), article.category, source_of(article))
    st.caption(escape(" · ".join(x for x in facts if x)))
    if url_of(article):
        st.link_button("Eredeti cikk ↗", url_of(article))
    st.markdown(highlighted(article.text, start, end) if start >= 0 else escape(article.text))


def _card(group: list[Citation], turn: str, quotes: bool, numbered: bool = True) -> None:
    """One card per cited article: title, date and source once, then each cited sentence.
    `numbered=False` for a refusal's closest sentences: no [n] in the text points at them."""
    first = group[0]
    with st.container(border=True, gap="small", key=f"card-{turn}-{first.marker}"):
        if numbered:
            # The targets of the [n] links in the answer text (st.html keeps the ids).
            st.html("".join(f'<div id="{anchor(turn, c.marker)}" class="forras-horgony"></div>' for c in group))
            markers = " ".join(f"\\[{c.marker}\\]" for c in group)
            st.markdown(f"**{markers}** {escape(first.passage.title)}")
        else:
            st.markdown(f"**{escape(first.passage.title)}**")
        if line := source_line(first):
            st.caption(escape(line))
        for c in group if quotes else ():
            with st.container(key=f"ctx-{turn}-{c.marker}"):  # the sentence with its neighbours; hidden on phones
                st.markdown(citation_context(c))
            with st.container(key=f"quote-{turn}-{c.marker}"):  # only the sentence; shown on phones
                st.markdown(highlighted(c.quote, 0, len(c.quote)))
        with st.container(horizontal=True, gap="small"):
            if st.button("Teljes cikk", key=f"open-{turn}-{first.marker}", type="tertiary", icon=":material/article:"):
                show_article(first.passage.article_id, first.quote_start, first.quote_end)
            if url_of(first.passage):
                st.link_button("Eredeti cikk ↗", url_of(first.passage), type="tertiary")


def by_article(citations) -> list[list[Citation]]:
    """Citations grouped by the article they quote, in the order first cited."""
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.passage.article_id, []).append(c)
    return list(groups.values())


def copy_text(answer: Answer) -> str:
    """What the copy button copies: the answer and its numbered sources, as plain Markdown."""
    lines = [answer.text, ""]
    if answer.citations:
        lines += ["Források:", ""] + export.sources_markdown(answer)
    if answer.related:
        lines += [f"{export.RELATED_HEADING}:", ""] + export.sources_markdown(answer, related=True)
    return "\n".join(lines).rstrip() + "\n"


def render_answer(answer: Answer, turn: str, turn_id: int | None = None) -> None:
    """The answer, its sources (each [n] in the text jumps to card n) and its actions."""
    if answer.notice:
        st.warning(answer.notice)
    if answer.period:
        st.caption(f"Keresett időszak: {escape(answer.period)}")
    if answer.refused:
        st.info(answer.text, icon=":material/block:")  # a Material icon: no emoji font needed
        if answer.related:
            # Not an answer: the sentences that came closest, for the reader to check (qa.near_misses).
            st.markdown(f"**{export.RELATED_HEADING}**")
            for group in by_article(answer.related):
                _card(group, f"{turn}-kozeli", True, numbered=False)
    else:
        st.markdown(answer_markdown(answer, turn))
    if answer.unsupported:
        st.caption(f"{len(answer.unsupported)} mondatot elhagytam, mert egyik forrás sem támasztotta alá.")
    if answer.citations:
        st.markdown("**Források**")
        # A summary's or timeline's bullets are the quoted sentences already: their cards stay short.
        quotes = answer.kind not in ("summary", "timeline", "collection")
        for group in by_article(answer.citations):
            _card(group, turn, quotes)
    _actions(answer, turn, turn_id)


def _actions(answer: Answer, turn: str, turn_id: int | None) -> None:
    key = str(turn_id) if turn_id is not None else f"p{turn}"
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key=f"actions-{turn}"):
        with st.popover("Másolás", icon=":material/content_copy:", type="tertiary"):
            st.caption("A jobb felső sarokban lévő gombbal a vágólapra másolhatja.")
            st.code(copy_text(answer), language=None, wrap_lines=True)
        st.download_button(
            "Letöltés", export.answer_markdown(answer), export.file_name(answer.question), "text/markdown",
            key=f"dl-{turn}", on_click="ignore", type="tertiary", icon=":material/download:",
        )
        score = st.feedback("thumbs", key=f"fb-{key}")
    if st.session_state.get(f"fb-saved-{key}") != score:
        session.save_feedback(turn_id, answer, score)
        st.session_state[f"fb-saved-{key}"] = score
        if score is not None:
            st.toast("Köszönöm a visszajelzést!")
