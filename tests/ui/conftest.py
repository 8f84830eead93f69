"""Fixtures of the chat's tests: the sample corpus built with the fake embedding, a prepared answer."""

import pytest

from fakes import FakeEmbedding
from index import build
from prepared import chatham_answer
from qa import Answer, Settings


@pytest.fixture
def built(corpus_dir):
    embed = FakeEmbedding()
    build(Settings(), embed_model=embed)
    return embed


@pytest.fixture
def answer(built) -> Answer:
    return chatham_answer()
