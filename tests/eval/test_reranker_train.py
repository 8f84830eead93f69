"""The reranker's training pieces on a tiny random encoder: what is trained is what the engine runs."""

import numpy as np
import pytest
import torch

from eval.reranker_model import CrossEncoder, adapter_arrays, listwise_loss
from eval.reranker_train import TARGETS
from qa.reranker import merge_adapters

TINY = {"vocab_size": 50, "hidden_size": 16, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 32,
        "max_position_embeddings": 40, "type_vocab_size": 1, "pad_token_id": 1, "layer_norm_eps": 1e-5}


def _tiny():
    from transformers import XLMRobertaConfig, XLMRobertaModel

    torch.manual_seed(0)
    base = XLMRobertaModel(XLMRobertaConfig(**TINY), add_pooling_layer=False).eval()
    return base, {k: v.clone() for k, v in base.state_dict().items()}


def test_merged_adapters_score_as_the_trained_model():
    base, state = _tiny()
    model = CrossEncoder(TINY, state, rank=4, alpha=8, targets=TARGETS).eval()
    adapted = [n for n, m in model.enc.named_modules() if type(m).__name__ == "Adapted"]
    assert len(adapted) == 2 * 6  # every linear map of each layer
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith((".A", ".B")):
                p.copy_((torch.randn_like(p) * 0.3).half().float())  # as saved: float16
    ids = torch.tensor([[0, 5, 6, 2, 2, 7, 8, 9, 2], [0, 4, 2, 2, 10, 11, 2, 1, 1]])
    mask = (ids != 1).long()
    with torch.no_grad():
        trained = model(ids, mask)
        arrays = adapter_arrays(model)
        merge_adapters(base, arrays)
        hidden = base(input_ids=ids, attention_mask=mask).last_hidden_state
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        merged = pooled @ torch.from_numpy(arrays["head.weight"]).reshape(-1) + float(arrays["head.bias"][0])
    assert torch.allclose(trained, merged, atol=1e-4)
    assert not torch.allclose(trained, model.head(pooled * 0).squeeze(-1))  # the adapters changed something


def test_listwise_loss_wants_the_answer_or_none():
    scores = torch.tensor([3.0, -1.0, 0.5, -2.0, -3.0], requires_grad=True)
    labels = torch.tensor([True, False, False, False, False])
    # question one: two candidates, the first answers; question two: three, none answers
    loss = listwise_loss(scores, labels, [2, 3])
    expected = (torch.logsumexp(torch.tensor([3.0, -1.0, 0.0]), 0) - 3.0
                + torch.logsumexp(torch.tensor([0.5, -2.0, -3.0, 0.0]), 0) - 0.0) / 2
    assert loss.item() == pytest.approx(expected.item())
    loss.backward()
    assert scores.grad[0] < 0 and all(g > 0 for g in scores.grad[1:])  # push the answer up, the rest down
    assert np.isfinite(loss.item())


@pytest.mark.slow
def test_pack_keeps_a_group_in_one_fold_and_the_pairs_as_the_engine_reads_them(tmp_path):
    import json

    from transformers import AutoTokenizer

    from eval.calibrate import oof_key
    from eval.reranker_train import pack
    from index.embedding import default_model_dir
    from qa import Settings
    from qa.reranker import pair_text

    def row(n, group, label):
        return {"id": f"q{n}", "question": f"Mennyibe került a {n}. híd?", "answerable": True, "group": group,
                "candidates": [{"text": f"A {n}. híd 2,{n} milliárd forintba került.", "title": "Hidak", "label": label},
                               {"text": "A hidat 1936-ban adták át.", "title": "Hidak", "label": 0}]}

    dump = tmp_path / "cands.jsonl"
    dump.write_text("".join(json.dumps(row(n, g, int(n != 3)), ensure_ascii=False) + "\n"
                            for n, g in enumerate(["dev6"] * 3 + ["dev7"] * 2 + ["dev8", "dev9", "dev10"])))
    model_dir = default_model_dir(Settings())
    pack(dump, tmp_path / "gpu", model_dir)
    d = np.load(tmp_path / "gpu" / "pack.npz")
    folds = d["fold"][::2]  # two candidates a question
    assert len(set(folds[:3])) == 1 and len(set(folds[3:5])) == 1 and folds[0] != folds[3]
    assert list(d["label"]) == [1, 0] * 3 + [0, 0] + [1, 0] * 4
    assert d["keys"][0] == oof_key("Mennyibe került a 0. híd?", "A 0. híd 2,0 milliárd forintba került.")
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    want = tokenizer("Mennyibe került a 0. híd?", pair_text("A 0. híd 2,0 milliárd forintba került.", "Hidak"))["input_ids"]
    assert [int(d["used"][t]) for t in d["ids"][0, : d["lens"][0]]] == want
    assert json.loads((tmp_path / "gpu" / "config.json").read_text())["vocab_size"] == len(d["used"])
