#!/usr/bin/env python3
"""Splits digits_tasks.csv by digit for the transfer examples: pretrain on 0-4, transfer to 5-9.

Input:  digits_tasks.csv (see derive_digits_tasks.py).
Output: digits_0to4.csv, the rows whose digit is 0..4, and digits_5to9.csv, the rows whose digit
        is 5..9; same header, rows in their original order. Python 3 standard library only:
  python3 examples/data/derive_digits_halves.py
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with open(os.path.join(HERE, "digits_tasks.csv"), newline="") as inp:
        rows = list(csv.reader(inp))
    header, body = rows[0], rows[1:]
    digit = header.index("digit")
    for name, keep in (("digits_0to4.csv", range(0, 5)), ("digits_5to9.csv", range(5, 10))):
        with open(os.path.join(HERE, name), "w", newline="") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(row for row in body if int(row[digit]) in keep)


if __name__ == "__main__":
    main()
