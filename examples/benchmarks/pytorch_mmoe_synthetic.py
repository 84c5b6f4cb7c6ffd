#!/usr/bin/env python3
"""PyTorch twin of the MMoE synthetic experiment (examples/programs/.../sharing/MmoeSyntheticExperiment).

Trains the same two models on the same files, written by MmoeSyntheticFiles:
  hard: Dense 100->128 ReLU shared, per task a tower Dense ->8 ReLU -> Dense ->1;
  mmoe: 8 experts Dense 100->16 ReLU, per task a softmax gate Dense 100->8 over the experts, the
        same towers on the 16-wide mixture.
Loss: the sum of the two tasks' MSE on standardised targets (as mtl4j's regression heads train),
Adam, batch 128, shuffled every epoch; test MSE is reported in the targets' own units.

--init torch keeps PyTorch's defaults (weights and biases U(+-1/sqrt(fan-in))); --init dl4j starts
as mtl4j's `auto` does (He-normal hidden layers, Xavier-normal outputs and gates, zero biases).

Prints one line per run in the Java experiment's format, so MmoeSyntheticSummary merges and
tabulates them. Run with the system python that has torch, e.g. /usr/bin/python3.
"""
import argparse

import numpy as np
import torch
from torch import nn


def load(path, dimension=100):
    names = open(path).readline().strip().split(",")
    rows = np.loadtxt(path, delimiter=",", skiprows=1, usecols=range(len(names) - 1), dtype=np.float32)
    split = np.loadtxt(path, delimiter=",", skiprows=1, usecols=[len(names) - 1], dtype=str)
    train = split == "train"
    x, y = torch.from_numpy(rows[:, :dimension]), torch.from_numpy(rows[:, dimension:dimension + 2])
    return x[train], y[train], x[~train], y[~train]


def tower(width, hidden):
    return nn.Sequential(nn.Linear(width, hidden), nn.ReLU(), nn.Linear(hidden, 1))


class Hard(nn.Module):
    def __init__(self, d, width, hidden):
        super().__init__()
        self.bottom = nn.Sequential(nn.Linear(d, width), nn.ReLU())
        self.towers = nn.ModuleList([tower(width, hidden) for _ in range(2)])

    def forward(self, x):
        h = self.bottom(x)
        return torch.cat([t(h) for t in self.towers], 1)


class Mmoe(nn.Module):
    def __init__(self, d, experts, width, hidden):
        super().__init__()
        self.experts = nn.ModuleList([nn.Sequential(nn.Linear(d, width), nn.ReLU()) for _ in range(experts)])
        self.gates = nn.ModuleList([nn.Linear(d, experts) for _ in range(2)])
        self.towers = nn.ModuleList([tower(width, hidden) for _ in range(2)])

    def forward(self, x):
        e = torch.stack([expert(x) for expert in self.experts], 1)  # batch x experts x width
        outputs = []
        for gate, t in zip(self.gates, self.towers):
            weights = torch.softmax(gate(x), 1).unsqueeze(2)
            outputs.append(t((weights * e).sum(1)))
        return torch.cat(outputs, 1)


def dl4j_start(model):
    """mtl4j's `auto`: He for ReLU layers, Xavier for the outputs and the softmax gates, zero biases."""
    relu_layers = set()
    for module in model.modules():
        if isinstance(module, nn.Sequential):
            for a, b in zip(module, list(module)[1:]):
                if isinstance(a, nn.Linear) and isinstance(b, nn.ReLU):
                    relu_layers.add(a)
    for module in model.modules():
        if isinstance(module, nn.Linear):
            nn.init.zeros_(module.bias)
            if module in relu_layers:
                nn.init.normal_(module.weight, 0.0, (2.0 / module.in_features) ** 0.5)
            else:
                nn.init.xavier_normal_(module.weight)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", help="the folder MmoeSyntheticFiles wrote")
    ap.add_argument("--p", default="1.0,0.9,0.5")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--experts", type=int, default=8)
    ap.add_argument("--expert-width", type=int, default=16)
    ap.add_argument("--hard-width", type=int, default=128)
    ap.add_argument("--tower", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--init", choices=["torch", "dl4j"], default="torch")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for p in a.p.split(","):
        for seed in a.seeds.split(","):
            xtr, ytr, xte, yte = load(f"{a.dir}/p{float(p)}-seed{int(seed)}.csv")
            mean, sd = ytr.mean(0), ytr.std(0)
            ztr = (ytr - mean) / sd
            for name in ("hard", "mmoe"):
                torch.manual_seed(int(seed))
                if name == "hard":
                    model = Hard(xtr.shape[1], a.hard_width, a.tower)
                else:
                    model = Mmoe(xtr.shape[1], a.experts, a.expert_width, a.tower)
                if a.init == "dl4j":
                    dl4j_start(model)
                optimizer = torch.optim.Adam(model.parameters(), lr=a.lr)
                for _ in range(a.epochs):
                    order = torch.randperm(len(xtr))
                    for i in range(0, len(xtr), a.batch):
                        idx = order[i:i + a.batch]
                        optimizer.zero_grad()
                        loss = ((model(xtr[idx]) - ztr[idx]) ** 2).mean(0).sum()
                        loss.backward()
                        optimizer.step()
                with torch.no_grad():
                    mse = (((model(xte) * sd + mean) - yte) ** 2).mean(0)
                print(f"p {float(p):.2f} seed {int(seed)} {name:4s}: test MSE y1 {mse[0]:.4f} y2 {mse[1]:.4f} "
                      f"(pytorch, init {a.init})", flush=True)


if __name__ == "__main__":
    main()
