import pytest

from fakes import FakeLLM
from index import build
from qa import Assistant, Settings
from qa.generators import LLMGenerator


@pytest.fixture
def built(corpus_dir, fake_embed):
    """The default corpus in a store, indexed with the fake embedding."""
    settings = Settings()
    build(settings, embed_model=fake_embed)
    return settings


@pytest.fixture
def assistant(built, fake_embed) -> Assistant:
    return Assistant.open(settings=built, embed_model=fake_embed)


@pytest.fixture
def llm_assistant(built, fake_embed):
    """An assistant whose generator is a FakeLLM; returns (assistant, llm)."""
    llm = FakeLLM(replies=[], prompts=[])
    generator = LLMGenerator(llm, "fake", built)
    return Assistant.open(settings=built, embed_model=fake_embed, llm_generator=generator), llm
