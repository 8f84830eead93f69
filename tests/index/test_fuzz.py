"""Any input to the parsers gives a result or a clear error, never a crash."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eval.questions import QuestionFileError, parse_line
from parsing import parsed_or_explained

TEXTISH = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=500).map(lambda t: f" date 2025-07 Háború\n\n{t}".encode("utf-8", "surrogatepass")),
    st.text(max_size=500).map(lambda t: t.encode("cp1250", "ignore")),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=TEXTISH, suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl"]))
def test_article_parser_never_crashes(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    parsed_or_explained(path, max_bytes=10_000)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(["id", "question", "answers", "evidence", "answerable", "history", "category", "x"]), children, max_size=6),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(line=st.one_of(st.text(max_size=300), JSONISH.map(json.dumps)))
def test_question_parser_never_crashes(line):
    try:
        q = parse_line(line, "q.jsonl line 7")
    except QuestionFileError as exc:
        assert str(exc).startswith("q.jsonl line 7: ")
        return
    assert q.id.strip() and q.question.strip()
