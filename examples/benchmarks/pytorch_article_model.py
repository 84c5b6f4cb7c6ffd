#!/usr/bin/env python3
"""PyTorch reference for mtl4j's speed benchmark: the article's model.

input 64 -> Dense H ReLU -> Dense H ReLU (shared), three heads Linear H -> 4 with MSE,
loss 0.5*L1 + 0.3*L2 + 0.2*L3, Adam 1e-3, shuffled mini-batches.

Data: x ~ N(0, I) in 64 dimensions, y_k = tanh(W_k x) + 0.1 noise (the same distribution as
SyntheticRegression.java), generated in-process; or read from a CSV (--csv PATH: columns
x0..x63, a0..a3, b0..b3, c0..c3 with a header line, as SyntheticRegression writes it).

Prints one JSON line per repetition ({"rep":..,"samples_per_s":..}) and a last line with the
median ({"median_samples_per_s":..}). The first repetition is a warm-up unless --warmup 0.
Run with the system python that has torch, e.g. /usr/bin/python3.
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn


class ArticleModel(nn.Module):
    def __init__(self, inputs, hidden, outputs=4, tasks=3):
        super().__init__()
        self.shared = nn.Sequential(nn.Linear(inputs, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.heads = nn.ModuleList([nn.Linear(hidden, outputs) for _ in range(tasks)])

    def forward(self, x):
        z = self.shared(x)
        return [head(z) for head in self.heads]


def synthetic(rows, inputs=64, outputs=4, tasks=3, seed=1):
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(tasks, outputs, inputs, generator=g) / inputs ** 0.5
    x = torch.randn(rows, inputs, generator=g)
    ys = [torch.tanh(x @ w[t].T) + 0.1 * torch.randn(rows, outputs, generator=g) for t in range(tasks)]
    return x, ys


def from_csv(path, inputs=64, outputs=4, tasks=3):
    import numpy as np
    data = torch.from_numpy(np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32))
    x = data[:, :inputs].contiguous()
    ys = [data[:, inputs + t * outputs: inputs + (t + 1) * outputs].contiguous() for t in range(tasks)]
    return x, ys


def train(model, opt, x, ys, epochs, batch, weights, gen):
    mse = nn.MSELoss()
    rows = x.shape[0]
    for _ in range(epochs):
        order = torch.randperm(rows, generator=gen)
        xs = x[order]
        yss = [y[order] for y in ys]
        for start in range(0, rows, batch):
            xb = xs[start:start + batch]
            outs = model(xb)
            loss = sum(w * mse(o, y[start:start + batch]) for w, o, y in zip(weights, outs, yss))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
    return float(loss)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=65536)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--reps", type=int, default=5, help="timed repetitions (after the warm-up)")
    p.add_argument("--warmup", type=int, default=1, help="untimed repetitions first")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    p.add_argument("--csv", default=None, help="read the data from this CSV instead of generating it")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--cpu-clock", action="store_true",
                   help="samples per CPU-second of the training thread (time.thread_time), for a shared machine; "
                        "use with --threads 1, where every operation runs on that thread")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    x, ys = from_csv(a.csv) if a.csv else synthetic(a.rows)
    rows = x.shape[0]
    weights = (0.5, 0.3, 0.2)
    clock = time.thread_time if a.cpu_clock else time.perf_counter
    rates = []
    for rep in range(a.warmup + a.reps):
        model = ArticleModel(x.shape[1], a.hidden)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        gen = torch.Generator().manual_seed(a.seed + rep)
        start = clock()
        loss = train(model, opt, x, ys, a.epochs, a.batch, weights, gen)
        seconds = clock() - start
        rate = rows * a.epochs / seconds
        warm = rep < a.warmup
        if not warm:
            rates.append(rate)
        print(json.dumps({"rep": rep - a.warmup + 1 if not warm else 0, "warmup": warm, "samples_per_s": round(rate, 1),
                          "seconds": round(seconds, 4), "loss": round(loss, 5)}), flush=True)
    print(json.dumps({"median_samples_per_s": round(statistics.median(rates), 1), "reps": a.reps, "rows": rows,
                      "epochs": a.epochs, "batch": a.batch, "hidden": a.hidden, "threads": torch.get_num_threads(),
                      "clock": "cpu" if a.cpu_clock else "wall", "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
