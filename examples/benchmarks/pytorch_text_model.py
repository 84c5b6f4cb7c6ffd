#!/usr/bin/env python3
"""PyTorch twins of the text pipelines' networks, for speed (examples/pipelines/fine-food-cnn.yaml and
fine-food-lstm.yaml).

The same data and network as mtl4j trains: the bundled fine-food reviews' training split
(examples/data/fine_food_reviews.csv, split == "train"), words as mtl4j's `embedding` encoder cuts
them (maximal runs of letters and digits, lower case, at most 40 characters), a vocabulary of the
words in at least --min-count training texts, the most frequent --max-vocabulary kept (id 0 padding,
1 unknown), each text as the ids of its first --max-length words, padded with 0 and masked;
  --body cnn  (fine-food-cnn.yaml):  embedding 64 -> Conv1d 64 filters, window 5, 'same' padding, ReLU
                                      -> max over the real tokens -> one sigmoid output (binary);
                                      length 200, batch 32
  --body lstm (fine-food-lstm.yaml): embedding 32 -> LSTM 32 -> the output at the last real token
                                      -> one sigmoid output; length 80, batch 64
Binary cross-entropy, Adam 1e-3, shuffled every epoch. The defaults of --max-length, --dimension,
--units and --batch follow --body as in the two YAML files.

Prints one JSON line per repetition and a last line with the median samples/s; the first
repetition is a warm-up. Run with the system python that has torch, e.g. /usr/bin/python3.
"""
import argparse
import csv
import json
import statistics
import time
from collections import Counter

import torch
from torch import nn

MAX_WORD = 40
SHAPES = {"cnn": {"max_length": 200, "dimension": 64, "units": 64, "batch": 32},
          "lstm": {"max_length": 80, "dimension": 32, "units": 32, "batch": 64}}


def words(text):
    """mtl4j's Tokenizer.words: maximal runs of letters and digits, lower case, cut at 40 characters."""
    out, start = [], -1
    for i in range(len(text) + 1):
        in_word = i < len(text) and text[i].isalnum()
        if in_word and start < 0:
            start = i
        elif not in_word and start >= 0:
            out.append(text[start:min(i, start + MAX_WORD)].lower())
            start = -1
    return out


def vocabulary(texts, min_count, max_size):
    """mtl4j's Vocabulary.fit: words by the number of texts they occur in, then alphabetically."""
    counts = Counter()
    for t in texts:
        counts.update(set(t))
    kept = sorted(((w, c) for w, c in counts.items() if c >= min_count), key=lambda e: (-e[1], e[0]))[:max_size]
    return {w: i + 2 for i, (w, _) in enumerate(kept)}


def encode(texts, vocab, max_length):
    ids = torch.zeros(len(texts), max_length, dtype=torch.long)
    for r, t in enumerate(texts):
        n = min(max_length, len(t))
        ids[r, :n] = torch.tensor([vocab.get(w, 1) for w in t[:n]], dtype=torch.long)
        if n == 0:
            ids[r, 0] = 1
    return ids


class CnnText(nn.Module):
    def __init__(self, vocab_size, dimension, units, kernel):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, dimension)
        self.conv = nn.Conv1d(dimension, units, kernel, padding=kernel // 2)
        self.out = nn.Linear(units, 1)

    def forward(self, ids, mask):
        x = self.embedding(ids).transpose(1, 2)  # batch x dimension x length
        h = torch.relu(self.conv(x))
        h = h.masked_fill(~mask.unsqueeze(1), float("-inf")).amax(2)
        return self.out(h).squeeze(1)


class LstmText(nn.Module):
    def __init__(self, vocab_size, dimension, units):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, dimension)
        self.lstm = nn.LSTM(dimension, units, batch_first=True)
        self.out = nn.Linear(units, 1)

    def forward(self, ids, mask):
        h, _ = self.lstm(self.embedding(ids))  # batch x length x units
        last = mask.sum(1) - 1
        return self.out(h[torch.arange(h.shape[0]), last]).squeeze(1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--body", choices=["cnn", "lstm"], default="cnn")
    p.add_argument("--csv", default="examples/data/fine_food_reviews.csv")
    p.add_argument("--max-length", type=int)
    p.add_argument("--max-vocabulary", type=int, default=10000)
    p.add_argument("--min-count", type=int, default=2)
    p.add_argument("--dimension", type=int)
    p.add_argument("--units", type=int)
    p.add_argument("--kernel", type=int, default=5)
    p.add_argument("--batch", type=int)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--cpu-clock", action="store_true",
                   help="samples per CPU-second of the training thread (time.thread_time), for a shared machine; "
                        "use with --threads 1, where every operation runs on that thread")
    a = p.parse_args()
    for key, value in SHAPES[a.body].items():
        if getattr(a, key) is None:
            setattr(a, key, value)
    torch.set_num_threads(a.threads)

    with open(a.csv, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == "train"]
    texts = [words(r["review"]) for r in rows]
    vocab = vocabulary(texts, a.min_count, a.max_vocabulary)
    ids = encode(texts, vocab, a.max_length)
    mask = ids != 0
    labels = torch.tensor([1.0 if r["score"] == "great" else 0.0 for r in rows])
    n = len(rows)
    bce = nn.BCEWithLogitsLoss()
    gen = torch.Generator().manual_seed(1)
    clock = time.thread_time if a.cpu_clock else time.perf_counter
    rates = []
    for rep in range(a.reps + 1):
        torch.manual_seed(rep)
        if a.body == "cnn":
            model = CnnText(len(vocab) + 2, a.dimension, a.units, a.kernel)
        else:
            model = LstmText(len(vocab) + 2, a.dimension, a.units)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        start = clock()
        for _ in range(a.epochs):
            order = torch.randperm(n, generator=gen)
            for b in range(0, n, a.batch):
                index = order[b:b + a.batch]
                loss = bce(model(ids[index], mask[index]), labels[index])
                opt.zero_grad()
                loss.backward()
                opt.step()
                loss.item()
        seconds = clock() - start
        rate = n * a.epochs / seconds
        print(json.dumps({"rep": rep, "warmup": rep == 0, "samples_per_s": round(rate, 1), "seconds": round(seconds, 4),
                          "loss": round(float(loss), 4)}), flush=True)
        if rep > 0:
            rates.append(rate)
    print(json.dumps({"median_samples_per_s": round(statistics.median(rates), 1), "reps": a.reps, "body": a.body,
                      "rows": n, "vocabulary": len(vocab) + 2, "max_length": a.max_length, "batch": a.batch,
                      "epochs": a.epochs, "clock": "cpu" if a.cpu_clock else "wall", "threads": torch.get_num_threads(), "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
