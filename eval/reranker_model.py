"""The reranker as trained (`eval/reranker_train.py`): e5-small's encoder, frozen, with
low-rank adapters on each layer's linear maps, mean pooling and one linear score.

peft would wrap the layers the same way; these are the few lines it would take, with no
package to carry to a GPU machine and nothing to undo when the adapters are saved as the
arrays `qa/reranker.py` adds into the encoder's weights (W + scale · B·A).
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn


class Adapted(nn.Module):
    """A frozen linear map plus scale · B·A; B starts at zero, so training starts from e5."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float):
        super().__init__()
        self.base = base
        self.A = nn.Parameter(torch.randn(rank, base.in_features) * 0.01)
        self.B = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = alpha / rank

    def forward(self, x):
        return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale


class CrossEncoder(nn.Module):
    def __init__(self, config: dict, state: dict, rank: int, alpha: float, targets: tuple[str, ...]):
        from transformers import XLMRobertaConfig, XLMRobertaModel

        super().__init__()
        self.enc = XLMRobertaModel(XLMRobertaConfig(**config), add_pooling_layer=False)
        self.enc.load_state_dict({k.removeprefix("roberta."): v for k, v in state.items()}, strict=False)
        for p in self.enc.parameters():
            p.requires_grad = False
        for name, module in list(self.enc.named_modules()):
            if isinstance(module, nn.Linear) and ".layer." in name and name.endswith(targets):
                parent, _, attr = name.rpartition(".")
                setattr(self.enc.get_submodule(parent), attr, Adapted(module, rank, alpha))
        self.head = nn.Linear(self.enc.config.hidden_size, 1)

    def forward(self, ids, mask):
        hidden = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
        pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return self.head(pooled).squeeze(-1)


def listwise_loss(scores: torch.Tensor, labels: torch.Tensor, sizes: list[int]) -> torch.Tensor:
    """Per question, −log of the softmax share of its answering candidates among its
    candidates and "none" (score 0); of "none" when no candidate answers. Averaged."""
    total, at = scores.new_zeros(()), 0
    for n in sizes:
        s, y = scores[at:at + n], labels[at:at + n]
        at += n
        everything = torch.logsumexp(torch.cat([s, s.new_zeros(1)]), 0)
        total = total + everything - (torch.logsumexp(s[y], 0) if y.any() else 0.0)
    return total / len(sizes)


def adapter_arrays(model: CrossEncoder) -> dict[str, np.ndarray]:
    """What `qa/reranker.py` reads: each adapted layer's A and B (float16) by its name in
    the encoder, their scale, and the head's weight and bias."""
    out = {}
    for name, module in model.enc.named_modules():
        if isinstance(module, Adapted):
            out[name + ".A"] = module.A.detach().cpu().half().numpy()
            out[name + ".B"] = module.B.detach().cpu().half().numpy()
            out["scale"] = np.array(module.scale, np.float32)
    out["head.weight"] = model.head.weight.detach().cpu().numpy()
    out["head.bias"] = model.head.bias.detach().cpu().numpy()
    return out
