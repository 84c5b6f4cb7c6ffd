#!/usr/bin/env python3
"""Two tasks that each bring their own data set, of different sizes, for the task-sampling examples.

Input:  sklearn_digits.csv (header px0..px63,label).
Output: a seeded shuffle of its 1797 rows (random.Random(5)) gives
        digits_digit_1200.csv: the first 1,200 shuffled rows, columns px0..px63 and `digit` (the
                               label, 10 classes);
        digits_parity_300.csv: the next 300 rows (none of them in the first file), columns
                               `sample_id` (the row's index in sklearn_digits.csv), `parity`
                               (even/odd), then px0..px63 -- the same feature columns in another
                               place, a different label column and an extra column.
Rows keep the shuffled order. Python 3 standard library only:
  python3 examples/data/derive_digits_own_data.py
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with open(os.path.join(HERE, "sklearn_digits.csv"), newline="") as inp:
        rows = list(csv.reader(inp))
    header, body = rows[0], rows[1:]
    label = header.index("label")
    pixels = [i for i, name in enumerate(header) if name.startswith("px")]
    order = list(range(len(body)))
    random.Random(5).shuffle(order)
    with open(os.path.join(HERE, "digits_digit_1200.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([header[i] for i in pixels] + ["digit"])
        for index in order[:1200]:
            row = body[index]
            writer.writerow([row[i] for i in pixels] + [row[label]])
    with open(os.path.join(HERE, "digits_parity_300.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["sample_id", "parity"] + [header[i] for i in pixels])
        for index in order[1200:1500]:
            row = body[index]
            parity = "even" if int(row[label]) % 2 == 0 else "odd"
            writer.writerow([str(index), parity] + [row[i] for i in pixels])


if __name__ == "__main__":
    main()
