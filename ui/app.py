"""The chat: `streamlit run ui/app.py` (./run.sh starts it bound to 127.0.0.1)."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

import ui.engine as engine  # noqa: E402
from index import StoreError  # noqa: E402
from qa import Answer, Filters, Turn  # noqa: E402
from qa.models import ModelMissing  # noqa: E402
from ui.render import answer_markdown, citation_context, conversation_markdown, escape, highlighted, source_label  # noqa: E402

MODES = {"extractive": "Kivonatos (gyors, idéz)", "local": "Helyi nyelvi modell (Qwen 1.5B)", "openai": "Nyelvi modell szerveren (OpenAI-kompatibilis)"}

st.set_page_config(page_title="Hírkérdező", page_icon="📰", layout="wide")


@st.cache_resource(show_spinner=False)
def assistant_for(mode: str):
    return engine.open_assistant(mode)


def first_start() -> None:
    """On a fresh machine: say what is being prepared instead of showing a blank page."""
    if st.session_state.get("ready"):
        return
    with st.status("Előkészítés: beágyazó modell és cikkindex…", expanded=True) as status:
        bar = st.progress(0.0, text="Cikkek feldolgozása")
        report = engine.ensure_index(lambda done, total: bar.progress(done / max(total, 1), text=f"{done}/{total} részlet"))
        if report:
            st.write(report.summary())
        st.write("Válaszoló motor betöltése…")
        assistant_for(st.session_state.get("mode", "extractive"))
        status.update(label="Kész", state="complete", expanded=False)
    st.session_state.ready = True


@st.cache_data(ttl=30, show_spinner=False)
def available_modes() -> dict[str, str | None]:
    return engine.generators()  # probes the LLM server: at most every 30 s


@st.dialog("Teljes cikk", width="large")
def show_article(article_id: str, start: int, end: int) -> None:
    article = assistant_for(st.session_state.mode).article(article_id)
    if article is None:
        st.error("A cikk már nincs az indexben.")
        return
    st.markdown(f"### {escape(article.title)}")
    st.caption(" · ".join(x for x in (article.published, article.category, article.source) if x))
    st.markdown(highlighted(article.text, start, end))


def render_answer(answer: Answer, key: str) -> None:
    if answer.notice:
        st.warning(answer.notice)
    if answer.refused:
        st.info(answer.text, icon="🚫")
    else:
        st.markdown(answer_markdown(answer))
    if answer.unsupported:
        st.caption(f"{len(answer.unsupported)} mondatot elhagytam, mert egyik forrás sem támasztotta alá.")
    if answer.citations:
        st.markdown("**Források**")
        for c in answer.citations:
            with st.container(border=True):
                st.markdown(f"**{escape(source_label(c))}**")
                st.markdown(citation_context(c))
                if st.button("Teljes cikk megnyitása", key=f"open-{key}-{c.marker}"):
                    show_article(c.passage.article_id, c.quote_start, c.quote_end)
    score = st.feedback("thumbs", key=f"fb-{key}")
    if score is not None and st.session_state.get(f"fb-saved-{key}") != score:
        engine.record_feedback(answer, score)
        st.session_state[f"fb-saved-{key}"] = score
        st.toast("Köszönöm a visszajelzést!")


def sidebar() -> Filters | None:
    with st.sidebar:
        st.header("Hírkérdező")
        try:
            info = engine.corpus()
        except StoreError as exc:
            st.error(str(exc))
            return None
        st.markdown(f"**{info['articles']}** cikk, **{info['passages']}** részlet")
        st.caption(f"Indexelve: {info['built_at'] or '–'}")
        with st.expander("Cikkek"):
            for t in info["titles"]:
                st.markdown(f"- {escape(t['published'] or '?')} — {escape(t['title'])}")

        available = available_modes()
        usable = [m for m, need in available.items() if need is None]
        st.session_state.mode = st.radio("Válaszmód", usable, format_func=MODES.get, key="mode_radio")
        for mode, need in available.items():
            if need:
                st.caption(f"{MODES[mode]}: {need}")

        filters = None
        dates = sorted(date(n // 10000, n // 100 % 100, n % 100) for n in (t["published_int"] for t in info["titles"]) if n)
        if dates and st.checkbox("Szűrés megjelenési dátumra"):
            picked = st.date_input("Időszak", (dates[0], dates[-1]))
            if isinstance(picked, tuple) and len(picked) == 2:
                lo, hi = picked
                filters = Filters(date_from=int(lo.strftime("%Y%m%d")), date_to=int(hi.strftime("%Y%m%d")))

        uploads = st.file_uploader("Cikkek hozzáadása", type=["txt", "md", "json", "jsonl"], accept_multiple_files=True)
        if uploads and st.button("Feltöltés és indexelés"):
            bar = st.progress(0.0, text="Indexelés")
            result = engine.add_uploads([(f.name, f.getvalue()) for f in uploads], lambda d, t: bar.progress(d / max(t, 1), text=f"{d}/{t} részlet"))
            if result.report:
                st.success(result.report.summary())
            for name, reason in result.rejected:
                st.error(f"{name}: {reason}")

        if st.button("Új beszélgetés", icon="🗨️"):
            st.session_state.messages = []
            st.rerun()
        if st.session_state.get("messages"):
            st.download_button("Beszélgetés letöltése (Markdown)", conversation_markdown(st.session_state.messages), "beszelgetes.md", "text/markdown")
    return filters


def main() -> None:
    st.session_state.setdefault("messages", [])
    st.session_state.setdefault("mode", "extractive")
    try:
        first_start()
    except (StoreError, ModelMissing, ValueError) as exc:
        st.error(f"Nem sikerült elindítani: {exc}")
        return
    filters = sidebar()
    st.title("Kérdezzen a hírekről")
    st.caption("A válaszok csak a betöltött cikkekből jönnek, minden állítás mellett a forrásával.")

    for i, m in enumerate(st.session_state.messages):
        with st.chat_message(m["role"]):
            if m["role"] == "user":
                st.markdown(escape(m["content"]))
            else:
                render_answer(m["answer"], str(i))

    question = st.chat_input("Kérdés a cikkekről…")
    if not question:
        return
    history = [Turn(m["role"], m["content"]) for m in st.session_state.messages]
    st.session_state.messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        placeholder, text, answer = st.empty(), "", None
        try:
            started = time.perf_counter()
            for piece in assistant_for(st.session_state.mode).stream(question, history, filters):
                if isinstance(piece, Answer):
                    answer = piece
                else:
                    text += piece
                    placeholder.markdown(escape(text) + " ▌")
            placeholder.empty()
        except (StoreError, ModelMissing, ValueError) as exc:
            placeholder.empty()
            st.error(str(exc))
            st.session_state.messages.pop()
            return
        except Exception as exc:  # never a traceback in the chat
            placeholder.empty()
            st.error(f"Váratlan hiba történt: {type(exc).__name__}: {exc}")
            st.session_state.messages.pop()
            return
        render_answer(answer, str(len(st.session_state.messages)))
        st.caption(f"{answer.generator} · {engine.elapsed(started)}")
    st.session_state.messages.append({"role": "assistant", "content": answer.text, "answer": answer})


main()
