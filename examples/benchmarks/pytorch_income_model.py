#!/usr/bin/env python3
"""PyTorch reference for the income pipelines' speed (examples/pipelines/income.yaml, income-mmoe.yaml).

The same network and loop as mtl4j trains: 67 one-hot inputs (the width the income pipeline's
categorical features encode to) -> Dense 128 ReLU -> dropout 0.2 -> Dense 64 ReLU -> dropout 0.2
(shared), two softmax heads (9 and 5 classes, cross-entropy, weights 0.5 and 0.5), Adam 1e-3,
batch 64, 6,475 training rows shuffled every epoch, and after each epoch a forward pass over 719
validation rows (mtl4j measures per-epoch validation metrics too).

--hidden changes the encoder's (and each expert's) two widths (128,64 by default).

--sharing mmoe is income-mmoe.yaml's network instead: --experts (4) copies of that encoder (each
Dense 128 ReLU, dropout, Dense 64 ReLU, dropout), per task a softmax gate Dense 67 -> experts computed
from the input, and the task's head reads the gated sum of the experts' outputs (mtl4j's MixtureLayer). Only speed is measured, so the
rows are random one-hot codes of the same shape, generated in-process.

Prints one JSON line per repetition and a last line with the median samples/s; the first
repetition is a warm-up. Run with the system python that has torch, e.g. /usr/bin/python3.
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn

# the income pipeline's categorical features and their number of levels (67 one-hot columns)
LEVELS = [2, 7, 6, 9, 5, 9, 10, 3, 5, 8, 3]


def one_hot_rows(rows, gen):
    parts = [nn.functional.one_hot(torch.randint(0, n, (rows,), generator=gen), n).float() for n in LEVELS]
    return torch.cat(parts, dim=1)


class IncomeModel(nn.Module):
    def __init__(self, inputs, hidden=(128, 64)):
        super().__init__()
        self.shared = encoder(inputs, hidden)
        self.income = nn.Linear(hidden[1], 9)
        self.marital = nn.Linear(hidden[1], 5)

    def forward(self, x):
        z = self.shared(x)
        return self.income(z), self.marital(z)


def encoder(inputs, hidden=(128, 64)):
    return nn.Sequential(nn.Linear(inputs, hidden[0]), nn.ReLU(), nn.Dropout(0.2), nn.Linear(hidden[0], hidden[1]), nn.ReLU(),
                         nn.Dropout(0.2))


class IncomeMmoe(nn.Module):
    """income-mmoe.yaml: experts are copies of the encoder; a softmax gate per task reads the input."""

    def __init__(self, inputs, experts, hidden=(128, 64)):
        super().__init__()
        self.experts = nn.ModuleList([encoder(inputs, hidden) for _ in range(experts)])
        self.gates = nn.ModuleList([nn.Linear(inputs, experts) for _ in range(2)])
        self.income = nn.Linear(hidden[1], 9)
        self.marital = nn.Linear(hidden[1], 5)

    def forward(self, x):
        e = torch.stack([expert(x) for expert in self.experts], 1)  # batch x experts x 64
        mixed = [(torch.softmax(gate(x), 1).unsqueeze(2) * e).sum(1) for gate in self.gates]
        return self.income(mixed[0]), self.marital(mixed[1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=6475)
    parser.add_argument("--validation", type=int, default=719)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sharing", choices=["hard", "mmoe"], default="hard")
    parser.add_argument("--experts", type=int, default=4, help="experts of --sharing mmoe")
    parser.add_argument("--hidden", default="128,64", help="the encoder's (each expert's) two widths")
    parser.add_argument("--cpu-clock", action="store_true",
                        help="samples per CPU-second of the training thread (time.thread_time), for a shared machine; "
                             "use with --threads 1, where every operation runs on that thread")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    gen = torch.Generator().manual_seed(1)
    x = one_hot_rows(args.rows, gen)
    y1 = torch.randint(0, 9, (args.rows,), generator=gen)
    y2 = torch.randint(0, 5, (args.rows,), generator=gen)
    xv = one_hot_rows(args.validation, gen)
    ce = nn.CrossEntropyLoss()
    clock = time.thread_time if args.cpu_clock else time.perf_counter
    rates = []
    for rep in range(args.reps + 1):
        torch.manual_seed(rep)
        hidden = tuple(int(w) for w in args.hidden.split(","))
        model = IncomeModel(x.shape[1], hidden) if args.sharing == "hard" else IncomeMmoe(x.shape[1], args.experts, hidden)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        start = clock()
        for _ in range(args.epochs):
            model.train()
            order = torch.randperm(args.rows, generator=gen)
            for b in range(0, args.rows, args.batch):
                index = order[b:b + args.batch]
                out1, out2 = model(x[index])
                loss = 0.5 * ce(out1, y1[index]) + 0.5 * ce(out2, y2[index])
                opt.zero_grad()
                loss.backward()
                opt.step()
                loss.item()
            model.eval()
            with torch.no_grad():
                model(xv)
        seconds = clock() - start
        rate = args.rows * args.epochs / seconds
        print(json.dumps({"rep": rep, "warmup": rep == 0, "samples_per_s": round(rate, 1), "seconds": round(seconds, 4)}))
        if rep > 0:
            rates.append(rate)
    print(json.dumps({"median_samples_per_s": round(statistics.median(rates), 1), "reps": args.reps,
                      "sharing": args.sharing, "hidden": args.hidden, "clock": "cpu" if args.cpu_clock else "wall", "threads": args.threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
