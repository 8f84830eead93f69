"""The sidebar: conversations, the articles (list, date filter, upload) and the about panel."""

from __future__ import annotations

import math
from datetime import date

import streamlit as st

import ui.engine as engine
import ui.session as session
from index import StoreError
from qa import Filters
from ui import dates, export
from ui.cards import show_article
from ui.render import escape

MODES = {"extractive": "Kivonatos (gyors, idéz)", "local": "Helyi nyelvi modell (Qwen 1.5B)", "openai": "Nyelvi modell szerveren"}
SHOWN_ARTICLES = 50
SHOWN_CONVERSATIONS = 30


@st.cache_data(ttl=30, show_spinner=False)
def available_modes() -> dict[str, str | None]:
    return engine.generators()  # probes the LLM server: at most every 30 s


def sidebar():
    """Returns the date filters and a slot at the top for conversations(), filled after the answer."""
    with st.sidebar:
        st.header("Hírkérdező")
        slot = st.container()
        try:
            info = engine.corpus()
        except StoreError as exc:
            st.error(str(exc))
            return None, slot
        st.subheader("Cikkek")
        st.markdown(f"**{info['articles']}** cikk, **{info['passages']}** részlet")
        article_list(info["titles"])
        filters = date_filter(info["titles"])
        uploads()
        about(info)
    return filters, slot


def conversations() -> None:
    if st.button("Új beszélgetés", icon=":material/add_comment:", width="stretch"):
        session.open_conversation(None)
        st.rerun()
    if st.session_state.get("messages"):
        st.download_button(
            "Beszélgetés letöltése (Markdown)", _conversation_export(), export.file_name(_conversation_title()), "text/markdown",
            on_click="ignore", icon=":material/download:", width="stretch", key="dl-conversation",
        )
    if st.session_state.get("history_broken"):
        st.warning(session.HISTORY_BROKEN)
        return
    stored = session.guarded(lambda h: h.conversations(SHOWN_CONVERSATIONS), [])
    if st.session_state.get("history_broken"):
        st.warning(session.HISTORY_BROKEN)
        return
    if not stored:
        return
    st.subheader("Beszélgetések")
    current = session.current_id()
    for c in stored:
        with st.container(horizontal=True, vertical_alignment="center", gap="small", wrap=False, key=f"conv-{c.conversation_id}"):
            label = f"{escape(c.title)}  \n:small[{dates.short_moment(c.updated)}]"
            if st.button(label, key=f"open-conv-{c.conversation_id}", type="secondary" if c.conversation_id == current else "tertiary", width="stretch"):
                session.open_conversation(c.conversation_id)
                st.rerun()
            with st.popover("", icon=":material/more_vert:", type="tertiary", help="Átnevezés vagy törlés"):
                name = st.text_input("Új cím", value=c.title, key=f"name-{c.conversation_id}", max_chars=80)
                if st.button("Átnevezés", key=f"rename-{c.conversation_id}", icon=":material/edit:"):
                    session.guarded(lambda h: h.rename(c.conversation_id, name))
                    st.rerun()
                if st.button("Törlés", key=f"delete-{c.conversation_id}", icon=":material/delete:"):
                    session.guarded(lambda h: h.delete(c.conversation_id))
                    if c.conversation_id == current:
                        session.open_conversation(None)
                    st.rerun()


def _conversation_title() -> str:
    first = next((m["content"] for m in st.session_state.messages if m["role"] == "user"), export.TITLE)
    return first


def _conversation_export() -> str:
    answers = [m["answer"] for m in st.session_state.messages if m["role"] == "assistant"]
    return export.conversation_markdown(answers, _conversation_title())


def article_list(titles: list[dict]) -> None:
    newest = sorted(titles, key=lambda t: t.get("published_int") or 0, reverse=True)
    with st.expander(f"A cikkek listája ({len(titles)}), a legújabb elöl"):
        for t in newest[:SHOWN_ARTICLES]:
            when = dates.published(t["published"]) or "dátum nélkül"
            if st.button(f"{escape(t['title'])}  \n:small[{escape(when)}]", key=f"article-{t['article_id']}", type="tertiary"):
                show_article(t["article_id"])
        if len(newest) > SHOWN_ARTICLES:
            st.caption(f"… és még {len(newest) - SHOWN_ARTICLES} régebbi cikk.")


def date_filter(titles: list[dict]) -> Filters | None:
    days = sorted({t["published_int"] for t in titles if t.get("published_int")})
    if len(days) < 2 or not st.checkbox("Szűrés megjelenési dátumra"):
        return None

    def label(n: int) -> str:
        return dates.day(date(n // 10000, n // 100 % 100, n % 100))

    lo, hi = st.select_slider("Megjelenés időszaka", options=days, value=(days[0], days[-1]), format_func=label)
    return Filters(date_from=lo, date_to=hi)


def uploads() -> None:
    limit = engine.settings().max_file_bytes
    suffixes = engine.accepted_suffixes()
    round_ = st.session_state.setdefault("upload_round", 0)
    files = st.file_uploader(
        "Cikkek hozzáadása", accept_multiple_files=True, key=f"upload-{round_}",
        max_upload_size=max(1, math.ceil(limit / 1_048_576)),
        help=f"Fájltípusok: {', '.join(suffixes)}. Egy fájl legfeljebb {engine.megabytes(limit)} lehet.",
    )
    st.caption(f"Legfeljebb {engine.megabytes(limit)} fájlonként · {', '.join(suffixes)}")
    if files and st.button("Feltöltés és indexelés", icon=":material/upload:"):
        bar = st.progress(0.0, text="Indexelés…")
        result = engine.add_uploads([(f.name, f.getvalue()) for f in files], lambda d, t: bar.progress(d / max(t, 1), text=f"{d}/{t} részlet"))
        st.session_state.upload_messages = upload_messages(result)
        st.session_state.upload_round = round_ + 1  # a fresh, empty uploader
        st.rerun()
    for ok, text in st.session_state.get("upload_messages", []):
        (st.success if ok else st.error)(text)


def upload_messages(result: engine.UploadResult) -> list[tuple[bool, str]]:
    """One Hungarian line per file: taken in, or why not."""
    bad = {}
    for source, reason in result.rejected:
        bad.setdefault(_file_of(source), []).append((source, reason))
    messages = []
    for saved in result.saved:
        if saved not in bad:
            messages.append((True, f"{_shown(saved)}: felvéve az indexbe."))
    for name, items in bad.items():
        for source, reason in items:
            where = source[len(name):].strip(":[]#")
            messages.append((False, f"{_shown(name)}{f', {where}. rekord' if where else ''}: {reason}"))
    if result.report and (result.report.added or result.report.updated):
        messages.append((True, f"Új vagy frissült cikk: {result.report.added + result.report.updated}, {result.report.passages_written} részlettel."))
    return messages


def _file_of(source: str) -> str:
    for sep in (":", "[", "#"):
        source = source.split(sep)[0]
    return source


def _shown(name: str) -> str:
    return name.removeprefix(f"{engine.UPLOAD_DIR}/")


def about(info: dict) -> None:
    with st.expander("Beállítások és névjegy", icon=":material/settings:"):
        available = available_modes()
        usable = [m for m, why in available.items() if why is None]
        st.session_state.mode = st.radio("Válaszmód", usable, format_func=MODES.get, key="mode_radio")
        for mode, why in available.items():
            if why:
                st.caption(f"{MODES[mode]}: {why}")
        st.markdown(
            f"**Index:** {info['articles']} cikk, {info['passages']} részlet  \n"
            f"**Indexelve:** {dates.moment(info.get('built_at'))}  \n"
            f"**Beágyazó modell:** {escape(str(info.get('embed_model') or '–'))}"
        )
        last = st.session_state.get("last_run")
        if last:
            seconds = f"{last['seconds']:.1f}".replace(".", ",")
            sure = f", bizonyosság {last['confidence']:.0%}".replace("%", " %") if last.get("confidence") is not None else ""
            st.markdown(f"**Legutóbbi válasz:** {escape(MODES.get(last['generator'], last['generator']))}, {seconds} másodperc{escape(sure)}")
        st.caption("A Hírkérdező csak a betöltött cikkekből válaszol, minden állítás mellé odaírja a forrását. Minden a saját gépén marad.")
