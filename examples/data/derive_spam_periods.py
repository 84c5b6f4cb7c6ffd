"""Splits spam_assassin_sample.csv by its collection period into spam_period1.csv and
spam_period2.csv: the same columns, rows in their original order. The transfer example trains on
period 1 and carries the encoder over to period 2. Python 3 standard library only."""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, "spam_assassin_sample.csv"), newline="", encoding="utf-8") as source:
    reader = csv.reader(source)
    header = next(reader)
    rows = list(reader)

period = header.index("period")
for name in ("1", "2"):
    with open(os.path.join(HERE, "spam_period" + name + ".csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(row for row in rows if row[period] == name)
