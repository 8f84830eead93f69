"""A prepared answer quoting the corpus, so the chat's tests do not hang on the engine's choices."""

from index import Store
from qa import Answer, Citation, Settings

QUESTION = "Mit állít a Chatham House kutatása?"
SENTENCE_START = "A Chatham House kutatása szerint"


def chatham_answer(question: str = QUESTION) -> Answer:
    """A fact answer citing the Chatham House sentence of the sample corpus (the store is built)."""
    passage = next(p for p in Store(Settings()).passages() if SENTENCE_START in p.text)
    start = passage.text.index(SENTENCE_START)
    end = passage.text.index(".", passage.text.index("Oroszországnak", start)) + 1
    quote = passage.text[start:end]
    return Answer(question, f"A cikkek szerint: {quote[:-1]} [1].", (Citation(1, passage, quote, passage.start + start, passage.start + end),), False,
                  confidence=0.8)
