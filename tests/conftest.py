from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import index  # noqa: E402  (sets the offline environment before anything else loads)
from fakes import FakeEmbedding  # noqa: E402
from paths import ARTIFACTS, CORPUS  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Every test gets its own store and articles folder; the model cache stays shared."""
    monkeypatch.setenv("NEWSQA_STORE_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("NEWSQA_ARTICLES_DIR", str(tmp_path / "articles"))
    monkeypatch.setenv("NEWSQA_COLLECTION", f"t{abs(hash(str(tmp_path))) % 10**8}")
    # The fitted chooser is for e5's cosines; tests with the fake embedding use one where
    # shared words decide. Tests with the real model set the fitted one back (real_chooser).
    monkeypatch.setenv("NEWSQA_CHOOSER_FILE", str(Path(__file__).with_name("fake_chooser.json")))
    for key in ("NEWSQA_CHROMA_HOST", "NEWSQA_GENERATOR", "NEWSQA_OPENAI_BASE_URL"):
        monkeypatch.delenv(key, raising=False)


@pytest.fixture
def articles_dir(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def corpus_dir(articles_dir) -> Path:
    for path in CORPUS.iterdir():
        shutil.copy(path, articles_dir / path.name)
    return articles_dir


@pytest.fixture
def fake_embed() -> FakeEmbedding:
    return FakeEmbedding()


@pytest.fixture
def settings():
    return index.IndexSettings()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def real_chooser(monkeypatch):
    """The chooser fitted on the dev questions, for tests that run the real e5 model."""
    monkeypatch.delenv("NEWSQA_CHOOSER_FILE", raising=False)
