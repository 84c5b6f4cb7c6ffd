#!/usr/bin/env python3
"""Derives digits_tasks.csv from sklearn_digits.csv: three tasks over the same 64 pixels.

Input:  sklearn_digits.csv, header px0..px63,label (pixel values 0..16, label 0..9).
Output: digits_tasks.csv, header px0..px63,digit,parity,ink where
  px0..px63  the pixel cells, copied unchanged;
  digit      the label (0..9), a 10-class classification task;
  parity     "even" or "odd" from the label, a 2-class task;
  ink        the mean of the 64 pixel values, written with 4 decimals, a regression task.
Rows keep their order. Python 3 standard library only; run from any directory:
  python3 examples/data/derive_digits_tasks.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    source = os.path.join(HERE, "sklearn_digits.csv")
    target = os.path.join(HERE, "digits_tasks.csv")
    with open(source, newline="") as inp, open(target, "w", newline="") as out:
        reader = csv.reader(inp)
        writer = csv.writer(out, lineterminator="\n")
        header = next(reader)
        pixels = [name for name in header if name.startswith("px")]
        if len(pixels) != 64 or header[-1] != "label":
            raise SystemExit("unexpected header in " + source)
        writer.writerow(pixels + ["digit", "parity", "ink"])
        for row in reader:
            cells, label = row[:64], int(row[64])
            ink = sum(int(cell) for cell in cells) / 64
            writer.writerow(cells + [str(label), "even" if label % 2 == 0 else "odd", "%.4f" % ink])


if __name__ == "__main__":
    main()
