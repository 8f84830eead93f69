"""Conversations in SQLite, their Markdown export, and the safe rendering of answer kinds."""

import threading
import sqlite3
from dataclasses import replace

import pytest

from ui import dates
from ui.export import answer_markdown, export_conversation, file_name
from ui.history import History, HistoryError, answer_from_record, answer_record
from ui.render import answer_markdown as shown_markdown
from ui.render import citation_context, structured
from index.passages import Passage
from qa import Citation


def test_a_turn_comes_back_whole_with_feedback(tmp_path, answer):
    h = History(tmp_path / "h.sqlite3")
    cid = h.create("  Mit állít a   Chatham House kutatása? ")
    turn_id = h.add_turn(cid, answer)
    h.set_feedback(turn_id, 1)
    again = History(tmp_path / "h.sqlite3").get(cid)
    assert again.title == "Mit állít a Chatham House kutatása?"
    (turn,) = again.turns
    assert turn.feedback == 1 and turn.question == answer.question
    assert turn.answer.text == answer.text and turn.answer.kind == answer.kind
    assert [c.quote for c in turn.answer.citations] == [c.quote for c in answer.citations]
    assert turn.answer.citations[0].passage.title == answer.citations[0].passage.title
    assert turn.answer.retrieved == ()  # not kept: the reader never sees it


def test_a_refusals_closest_sentences_come_back_and_are_exported_apart_from_sources(tmp_path, answer):
    refusal = replace(answer, text="Nem tudok válaszolni.", refused=True, citations=(), related=answer.citations)
    h = History(tmp_path / "h.sqlite3")
    cid = h.create(refusal.question)
    h.add_turn(cid, refusal)
    (turn,) = h.get(cid).turns
    assert turn.answer.citations == () and [c.quote for c in turn.answer.related] == [c.quote for c in answer.citations]
    assert turn.answer.related[0].passage.title == answer.citations[0].passage.title
    md = answer_markdown(turn.answer)
    assert "**Források**" not in md and "**A legközelebbi mondatok – talán válaszolnak, ellenőrizze**" in md
    assert f"„{' '.join(answer.citations[0].quote.split())}”" in md


def test_list_rename_delete(tmp_path, answer):
    h = History(tmp_path / "h.sqlite3")
    first, second = h.create("első"), h.create("második")
    h.add_turn(first, answer)  # the newest activity comes first
    assert [c.title for c in h.conversations()] == ["első", "második"]
    h.rename(second, "átnevezett")
    h.delete(first)
    assert [c.title for c in h.conversations()] == ["átnevezett"]
    assert h.get(first) is None
    h.path.unlink()  # removed while the app holds it: the next write starts a new file
    assert h.get(h.create("újra")).title == "újra"


def test_corrupt_or_locked_file_is_a_history_error(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(HistoryError):
        History(bad)
    h = History(tmp_path / "ok.sqlite3", timeout=0.05)
    holder = sqlite3.connect(tmp_path / "ok.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(HistoryError, match="locked"):
            h.create("x")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_three_tabs_writing_at_once_lose_nothing(tmp_path, answer):
    """Streamlit serves each tab on its own thread: each writes through its own connection."""
    path = tmp_path / "h.sqlite3"
    h = History(path)
    cid = h.create("közös")
    stored = answer_from_record(answer_record(answer))
    errors = []

    def tab(n):
        try:
            mine = History(path, timeout=0.2)
            for i in range(25):
                mine.add_turn(cid, replace(stored, question=f"{n}-{i}"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=tab, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    turns = h.get(cid).turns
    assert len(turns) == 75 and [t.position for t in turns] == list(range(75))


def test_export_from_python_has_numbered_citations(tmp_path, answer):
    h = History(tmp_path / "h.sqlite3")
    cid = h.create(answer.question)
    h.add_turn(cid, answer)
    out = tmp_path / "out.md"
    md = export_conversation(cid, out, history=h)
    assert out.read_text(encoding="utf-8") == md
    c = answer.citations[0]
    assert md.startswith("# Mit állít a Chatham House kutatása?")
    assert f"[{c.marker}] **{c.passage.title}** — {dates.published(c.passage.published)}" in md
    assert f"„{' '.join(c.quote.split())}”" in md
    with pytest.raises(KeyError):
        export_conversation("nincs", history=h)


def test_export_keeps_html_inert_and_names_files_safely(answer):
    hostile = replace(answer, question="<script>alert(1)</script>?", period="2025. július")
    md = answer_markdown(hostile)
    assert "<script>" not in md and "&lt;script&gt;" in md and "_Keresett időszak: 2025. július_" in md
    assert file_name("Hol találkozott Kim Dzsongun Putyinnal?") == "hol-talalkozott-kim-dzsongun-putyinnal.md"
    assert file_name("???") == "beszelgetes.md"


def test_structured_answers_keep_their_shape_and_escape_content():
    text = "### <script>x</script> Cím (2025. július)\n\n- **2025-09-03** — Kim [Putyinnal](javascript:alert(1)) találkozott [1].\n\n| cím | dátum |\n|---|---|\n| <b>A</b> | 2025-07 |"
    md = structured(text)
    assert md.startswith("### \\<script\\>x\\<\\/script\\> Cím")
    assert "- **2025\\-09\\-03** — Kim \\[Putyinnal\\]\\(javascript\\:alert\\(1\\)\\)" in md
    assert "|---|---|" in md and "| \\<b\\>A\\<\\/b\\> | 2025\\-07 |" in md


def test_markers_link_to_their_cards(answer):
    md = shown_markdown(answer, "3")
    marker = answer.citations[0].marker
    assert f"[\\[{marker}\\]](#forras-3-{marker})" in md
    assert ":orange-background[**" in citation_context(answer.citations[0])


def test_hungarian_dates():
    assert dates.published("2025-09-03") == "2025. szeptember 3."
    assert dates.published("2025-07") == "2025. július"
    assert dates.published("") == ""
    assert dates.moment("2025-09-03T10:00:00+00:00").startswith("2025. szeptember 3.")


def _cited(text: str, sentence: str) -> Citation:
    passage = Passage("p", "a", text, 100, 100 + len(text), "Cím", "2025-09-03", 20250903)
    start = 100 + text.index(sentence)
    return Citation(1, passage, sentence, start, start + len(sentence))


def test_a_sub_heading_is_no_neighbour_of_the_cited_sentence():
    text = ("Megerősítette a megállapodást Oroszország.\n\nKeleti repülőrajt\n\n"
            "Kim Dzsongun Pekingben találkozott Putyinnal. A két vezető parádén vett részt.\n\nKövetkező rész")
    shown = citation_context(_cited(text, "Kim Dzsongun Pekingben találkozott Putyinnal."))
    assert "repülőrajt" not in shown and not shown.startswith("…")
    assert "parádén vett részt" in shown
    closing = citation_context(_cited(text, "A két vezető parádén vett részt."))
    assert "Következő" not in closing and closing.endswith(" …")
    assert "Kim Dzsongun Pekingben" in closing  # a sentence of the paragraph before stays
    # A neighbour in another paragraph that ends like a sentence is still shown.
    first = citation_context(_cited(text, "Megerősítette a megállapodást Oroszország."))
    assert "repülőrajt" not in first and first.endswith(" …")
