"""A dev corpus indexed with the real e5 model, for the slow request tests, and the article
titles a collection answer lists."""

import pytest

from index import build
from paths import ROOT
from qa import Assistant, Settings


def assistant_over(tmp_path_factory, name: str) -> Assistant:
    """An assistant over `eval/corpus/<name>/articles`, in a store of its own."""
    settings = Settings(store_dir=tmp_path_factory.mktemp(name) / "store", collection=name)
    build(settings, articles_dir=ROOT / "eval" / "corpus" / name / "articles")
    return Assistant.open(settings=settings)


def corpus_fixture(name: str):
    """A module-scoped fixture of `assistant_over` the corpus `name`: `dev29 = corpus_fixture("dev29")`."""

    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory):
        return assistant_over(tmp_path_factory, name)

    return fixture


def listed(answer) -> set[str]:
    """The titles in a collection answer's table."""
    return {row.split(" | ")[1] for row in answer.text.splitlines() if row.startswith("| ") and " | " in row[2:]} - {"Cím", "Title"}
