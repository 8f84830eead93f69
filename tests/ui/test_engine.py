import json
import re

from fakes import FakeEmbedding
from index import Store, build
from qa import Settings
from ui import engine
from ui.export import conversation_markdown
from ui.render import escape, highlighted


def test_uploads_are_sanitised_indexed_and_bad_files_reported(corpus_dir):
    embed = FakeEmbedding()
    build(Settings(), embed_model=embed)
    good = " date 2025-10-01 Hír\n\nÚj cikk\n\nA Zsiráfkert megnyílt Phenjanban tegnap délután.".encode()
    files = [
        ("../../etc/evil.txt", good),
        ("notes.exe", b"MZ"),
        ("empty.md", b""),
        ("pic.txt", b"\x89PNG\x00\x00" * 100),
        ("huge.txt", b"x" * (Settings().max_file_bytes + 1)),
    ]
    result = engine.add_uploads(files, embed_model=embed)
    assert result.saved == ["feltoltott/evil.txt", "feltoltott/empty.md", "feltoltott/pic.txt"]
    reasons = dict(result.rejected)
    assert "nem támogatott" in reasons["notes.exe"] and "túl nagy" in reasons["huge.txt"]
    assert reasons["feltoltott/empty.md"] == "üres fájl" and "bináris" in reasons["feltoltott/pic.txt"]
    assert reasons["huge.txt"] == "túl nagy fájl (legfeljebb 5 MB lehet)"
    assert not (corpus_dir.parent / "etc").exists()
    assert sorted(p.name for p in (corpus_dir / "feltoltott").iterdir()) == ["evil.txt"]
    assert any("Zsiráfkert" in p.text for p in Store(Settings()).passages())
    assert Store(Settings()).count() > 10


def test_feedback_lines_carry_question_answer_and_citations(answer, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSQA_FEEDBACK_FILE", str(tmp_path / "fb.jsonl"))
    engine.record_feedback(answer, 1)
    engine.record_feedback(answer, 0)
    lines = [json.loads(x) for x in (tmp_path / "fb.jsonl").read_text().splitlines()]
    assert [x["score"] for x in lines] == [1, 0]
    assert lines[0]["question"] == answer.question and lines[0]["citations"][0]["quote"]


def test_markdown_is_inert():
    assert escape("<b>*x*</b> [a](http://e) $1$") == "\\<b\\>\\*x\\*\\<\\/b\\> \\[a\\]\\(http\\:\\/\\/e\\) \\$1\\$"
    assert highlighted("abc def", 4, 7) == "abc :orange-background[**def**]"


def test_conversation_export_has_sources(answer):
    md = conversation_markdown([answer])
    assert "## Mit állít a Chatham House kutatása?" in md and "**Források**" in md and answer.citations[0].quote in md
    assert f"[{answer.citations[0].marker}] **{answer.citations[0].passage.title}** — 2025. " in md


def test_too_many_files_at_once_are_refused_by_name(corpus_dir):
    embed = FakeEmbedding()
    build(Settings(), embed_model=embed)
    files = [(f"c{i}.txt", f" date 2025-10-01 Hír\n\nCím {i}\n\nSzöveg a(z) {i}. cikkről, egyedi tartalommal.".encode()) for i in range(engine.MAX_UPLOAD_FILES + 3)]
    result = engine.add_uploads(files, embed_model=embed)
    assert len(result.saved) == engine.MAX_UPLOAD_FILES
    assert [name for name, reason in result.rejected if reason == "túl sok fájl egyszerre"] == ["c200.txt", "c201.txt", "c202.txt"]


def test_every_reason_the_index_gives_reads_in_hungarian():
    reasons = ["empty file", "binary file (contains NUL bytes)", "not UTF-8, and no legacy encoding (cp1250, ISO-8859-2) fits",
               "no article text", "missing date: the first line must be ' date YYYY-MM[-DD] <category or title>'",
               "malformed date '2025-13' (month or day out of range)", "record is not a JSON object", "field 'title' must be a string",
               "missing 'title'", "no records", "invalid JSON at line 3: Expecting value", "file too large (6,000,000 bytes; the limit is 5,000,000)",
               "duplicate of a.txt", "unsupported file type (use .txt)", "no entries in the feed", "not an HTML page",
               "not a readable feed (SAXParseException)", "no main text found (only navigation or boilerplate)"]
    for reason in reasons:
        hungarian = engine.hungarian_reason(reason)
        assert not hungarian.startswith("nem sikerült beolvasni") and not re.search(r"\b(file|line|must|missing|feed)\b", hungarian), hungarian
    assert engine.hungarian_reason("duplicate of a.txt") == "már megvan ugyanez a cikk: a.txt"
    assert engine.hungarian_reason("something new") == "nem sikerült beolvasni (something new)"
