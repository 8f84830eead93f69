"""The compact Latin tokenizer gives e5's full tokenizer's ids, and falls back to it."""

import json
import logging
from pathlib import Path

import pytest
from tokenizers import Tokenizer, models, pre_tokenizers, processors

from index.latin_tokenizer import LatinFirstTokenizer, compact_json

PIECES = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0), ("▁há", -3.0), ("z", -3.5), ("ház", -4.0),
          ("▁ház", -2.5), ("▁Пу", -3.0), ("тин", -3.2), ("ж", -30.0), ("▁a", -1.5), ("t", -5.0), ("ó", -5.5), ("ő", -5.5)]


def write_tokenizer(path: Path) -> Path:
    tok = Tokenizer(models.Unigram(PIECES, unk_id=3, byte_fallback=False))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    tok.save(str(path))
    return path


def full_ids(path: Path, texts: list[str]) -> list[list[int]]:
    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(8)
    return [e.ids for e in tok.encode_batch(texts)]


def test_compact_vocabulary_keeps_latin_special_and_lowest_pieces(tmp_path):
    full = json.loads(write_tokenizer(tmp_path / "tokenizer.json").read_text())
    compact, keep = compact_json(full)
    kept = [piece for piece, _ in compact["model"]["vocab"]]
    assert "▁Пу" not in kept and "тин" not in kept
    assert "ж" in kept  # the lowest score: the unknown piece's score is derived from it
    assert kept[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and [int(i) for i in keep[:4]] == [0, 1, 2, 3]


def test_latin_texts_get_the_full_vocabularys_ids_without_loading_it(tmp_path):
    path = write_tokenizer(tmp_path / "tokenizer.json")
    texts = ["a ház", "házat", "a ház ház ház ház ház ház ház", "xyz ó ő"]  # truncated; unknown letters
    tokenizer = LatinFirstTokenizer(path, 8)
    assert tokenizer.encode_batch(texts) == full_ids(path, texts)
    assert tokenizer._full is None
    made = path.with_name("tokenizer.latin-v1.json")
    assert made.is_file() and made.with_suffix(".ids.npy").is_file()
    stamp = made.stat().st_mtime_ns
    assert LatinFirstTokenizer(path, 8).encode_batch(texts) == full_ids(path, texts) and made.stat().st_mtime_ns == stamp


def test_other_scripts_go_through_the_full_tokenizer(tmp_path):
    path = write_tokenizer(tmp_path / "tokenizer.json")
    texts = ["a ház", "Путин a ház"]
    tokenizer = LatinFirstTokenizer(path, 8)
    assert tokenizer.encode_batch(texts) == full_ids(path, texts)
    assert tokenizer._full is not None


def test_a_cache_it_cannot_write_leaves_the_full_tokenizer(tmp_path, monkeypatch, caplog):
    path = write_tokenizer(tmp_path / "tokenizer.json")

    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr("pathlib.Path.write_text", refuse)
    with caplog.at_level(logging.WARNING):
        tokenizer = LatinFirstTokenizer(path, 8)
    assert "loading the full one" in caplog.text
    assert tokenizer.encode_batch(["a ház"]) == full_ids(path, ["a ház"])


@pytest.mark.slow
def test_e5s_own_tokenizer_gives_the_same_ids_on_the_corpora(tmp_path):
    import shutil

    from index import IndexSettings
    from index.e5onnx import exported_model_dir
    from index.embedding import default_model_dir

    source = exported_model_dir(default_model_dir(IndexSettings()), int8=False) / "tokenizer.json"
    path = Path(shutil.copy(source, tmp_path / "tokenizer.json"))
    root = Path(__file__).resolve().parents[2]
    texts = []
    for file in sorted(root.glob("eval/corpus/**/*.md")) + sorted(root.glob("data/articles/*")):
        text = file.read_text(encoding="utf-8")
        texts += [line for line in text.splitlines() if line.strip()] + ["passage: " + text]  # whole ones are truncated
    assert len(texts) > 1000
    tokenizer = LatinFirstTokenizer(path, 512)
    full = Tokenizer.from_file(str(path))
    full.no_padding()
    full.enable_truncation(512)
    assert tokenizer.encode_batch(texts) == [e.ids for e in full.encode_batch(texts)]
    assert tokenizer._full is None


def test_a_tokenizer_with_a_normalizer_or_a_corrupt_copy_is_served_by_the_full_one(tmp_path, caplog):
    from tokenizers import normalizers

    path = write_tokenizer(tmp_path / "tokenizer.json")
    tok = Tokenizer.from_file(str(path))
    tok.normalizer = normalizers.NFKC()  # could map a Latin character to another script's
    tok.save(str(path))
    with caplog.at_level(logging.WARNING):
        tokenizer = LatinFirstTokenizer(path, 8)
    assert tokenizer._compact is None and tokenizer.encode_batch(["a ház"]) == full_ids(path, ["a ház"])
    other = write_tokenizer(tmp_path / "other.json")
    LatinFirstTokenizer(other, 8)
    other.with_name("other.latin-v1.json").write_text("{not json")
    assert LatinFirstTokenizer(other, 8).encode_batch(["a ház"]) == full_ids(other, ["a ház"])
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind
