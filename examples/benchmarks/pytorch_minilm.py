#!/usr/bin/env python3
"""PyTorch reference for the speed of mtl4j's `transformer` encoder (all-MiniLM-L6-v2's architecture).

The network TransformerThroughput (examples/programs, dev.mtl4j.examples.text) times in DL4J, built
here in plain torch.nn with random weights (the architecture decides the speed; nothing is
downloaded): BERT embeddings (30,522 word pieces, 512 positions, 2 token types, layer norm), 6
post-norm layers (query/key/value/output projections 384 -> 384, 12 heads of 32, masked softmax,
layer norm, feed-forward 384 -> 1536 -> 384 with exact erf GELU, layer norm; eps 1e-12), masked mean
pooling normalised to unit length, and a binary head (Linear 384 -> 1, binary cross-entropy). No
dropout (mtl4j's layers have none). A batch of --batch sequences of --length random word pieces
([CLS] first, [SEP] last, no padding), as TransformerThroughput makes them.

Two timings, tokens/s = batch x length / seconds of one pass, median of --reps after a warm-up:
  forward:          model.eval() under torch.inference_mode(), as inference;
  forward+backward: the loss's gradient for the trainable parameters (no optimizer step, as DL4J's
                    computeGradientAndScore); --tuning full: every weight of the top --tuned-layers
                    layers (the embeddings and lower layers frozen); --tuning lora: rank --lora-rank
                    updates of the query and value projections (alpha --lora-alpha) on the top
                    --tuned-layers layers, every pretrained weight frozen. The head always trains.

Prints one JSON line per pass and a last line with the medians. Run with the system python that
has torch, e.g. /usr/bin/python3, on OpenBLAS-openmp (see docs/speed-vs-pytorch.md).
"""
import argparse
import json
import math
import statistics
import time

import torch
from torch import nn

HIDDEN, HEADS, HEAD_SIZE, FEED_FORWARD, LAYERS = 384, 12, 32, 1536, 6
VOCABULARY, POSITIONS, TYPES, EPS = 30522, 512, 2, 1e-12


class LoraLinear(nn.Module):
    """y = W x + b + (alpha / rank) B A x; W and b frozen, A random, B zero (Hu et al. 2021)."""

    def __init__(self, base, rank, alpha):
        super().__init__()
        self.base = base
        self.a = nn.Parameter(torch.randn(rank, base.in_features) / math.sqrt(base.in_features))
        self.b = nn.Parameter(torch.zeros(base.out_features, rank))
        self.scale = alpha / rank

    def forward(self, x):
        return self.base(x) + self.scale * ((x @ self.a.t()) @ self.b.t())


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
        self.output = nn.Linear(HIDDEN, HIDDEN)
        self.attention_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.up = nn.Linear(HIDDEN, FEED_FORWARD)
        self.down = nn.Linear(FEED_FORWARD, HIDDEN)
        self.output_norm = nn.LayerNorm(HIDDEN, eps=EPS)

    def heads(self, x):
        b, n, _ = x.shape
        return x.view(b, n, HEADS, HEAD_SIZE).transpose(1, 2)  # batch x heads x length x 32

    def forward(self, x, additive_mask):
        q, k, v = self.heads(self.query(x)), self.heads(self.key(x)), self.heads(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(HEAD_SIZE) + additive_mask
        context = (torch.softmax(scores, -1) @ v).transpose(1, 2).reshape(x.shape)
        x = self.attention_norm(x + self.output(context))
        return self.output_norm(x + self.down(nn.functional.gelu(self.up(x))))  # gelu: exact erf form


class MiniLm(nn.Module):
    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(VOCABULARY, HIDDEN)
        self.positions = nn.Embedding(POSITIONS, HIDDEN)
        self.types = nn.Embedding(TYPES, HIDDEN)
        self.embedding_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.layers = nn.ModuleList([Layer() for _ in range(LAYERS)])
        self.head = nn.Linear(HIDDEN, 1)

    def forward(self, ids, mask):
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = self.embedding_norm(self.words(ids) + self.positions(positions) + self.types(torch.zeros_like(ids)))
        additive = (1.0 - mask[:, None, None, :]) * -10000.0
        for layer in self.layers:
            x = layer(x, additive)
        pooled = (x * mask.unsqueeze(2)).sum(1) / mask.sum(1, keepdim=True)
        return self.head(nn.functional.normalize(pooled, dim=1)).squeeze(1)


def tune(model, tuning, tuned_layers, rank, alpha):
    for p in model.parameters():
        p.requires_grad_(False)
    for layer in model.layers[LAYERS - tuned_layers:]:
        if tuning == "full":
            for p in layer.parameters():
                p.requires_grad_(True)
        else:
            layer.query = LoraLinear(layer.query, rank, alpha)
            layer.value = LoraLinear(layer.value, rank, alpha)
    for p in model.head.parameters():
        p.requires_grad_(True)


def timed(passes, work, clock):
    seconds = []
    for _ in range(passes):
        start = clock()
        work()
        seconds.append(clock() - start)
    return seconds


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--length", type=int, default=128)
    p.add_argument("--reps", type=int, default=5, help="timed passes of each kind, after one warm-up pass")
    p.add_argument("--tuning", choices=["full", "lora"], default="full")
    p.add_argument("--tuned-layers", type=int, default=LAYERS)
    p.add_argument("--lora-rank", type=int, default=8)
    p.add_argument("--lora-alpha", type=float, default=16)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--cpu-clock", action="store_true",
                   help="tokens per CPU-second of the main thread (time.thread_time), for a shared machine; "
                        "use with --threads 1, where every operation runs on that thread")
    a = p.parse_args()
    clock = time.thread_time if a.cpu_clock else time.perf_counter
    torch.set_num_threads(a.threads)
    torch.manual_seed(7)
    model = MiniLm()
    tune(model, a.tuning, a.tuned_layers, a.lora_rank, a.lora_alpha)
    ids = torch.randint(1000, 30000, (a.batch, a.length))
    ids[:, 0], ids[:, -1] = 101, 102
    mask = torch.ones(a.batch, a.length)
    labels = torch.zeros(a.batch)
    tokens = a.batch * a.length
    bce = nn.BCEWithLogitsLoss()

    def forward():
        with torch.inference_mode():
            model(ids, mask)

    def forward_backward():
        model.zero_grad(set_to_none=True)
        bce(model(ids, mask), labels).backward()

    model.eval()
    timed(1, forward, clock)
    forward_seconds = timed(a.reps, forward, clock)
    model.train()
    timed(1, forward_backward, clock)
    both_seconds = timed(a.reps, forward_backward, clock)
    for kind, seconds in (("forward", forward_seconds), ("forward+backward", both_seconds)):
        for i, s in enumerate(seconds):
            print(json.dumps({"pass": kind, "rep": i + 1, "tokens_per_s": round(tokens / s, 1), "seconds": round(s, 4)}),
                  flush=True)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(json.dumps({"median_forward_tokens_per_s": round(tokens / statistics.median(forward_seconds), 1),
                      "median_forward_backward_tokens_per_s": round(tokens / statistics.median(both_seconds), 1),
                      "tuning": a.tuning, "tuned_layers": a.tuned_layers, "trainable": trainable, "batch": a.batch,
                      "length": a.length, "reps": a.reps, "clock": "cpu" if a.cpu_clock else "wall", "threads": torch.get_num_threads(),
                      "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
