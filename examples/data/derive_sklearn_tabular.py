#!/usr/bin/env python3
"""Writes linnerud.csv and wine.csv from the CSV files scikit-learn ships (sklearn/datasets/data/).

linnerud.csv: linnerud_exercise.csv and linnerud_physiological.csv (space-separated, 20 rows each,
  the same men in the same order) side by side, header Chins,Situps,Jumps,Weight,Waist,Pulse; cells
  unchanged. Three regression targets (Weight, Waist, Pulse) from three exercise counts.
wine.csv: wine_data.csv (first line "178,13,class_0,class_1,class_2", then 13 measurements and the
  class index) with a header of the measurements' names (from sklearn's descr/wine_data.rst) and the
  class written as cultivar_0/1/2; cells unchanged. Tasks: cultivar (3 classes) and alcohol (a real
  measured column, a regression target; the pipeline leaves it out of the features).
Rows keep their order. Python 3 standard library only:
  python3 examples/data/derive_sklearn_tabular.py [SKLEARN_DATA_DIR]
(default /usr/lib/python3/dist-packages/sklearn/datasets/data, Debian's python3-sklearn 1.2.1).
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WINE_COLUMNS = ["alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
                "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
                "od280_od315", "proline"]


def linnerud(source):
    def read(name):
        with open(os.path.join(source, name)) as f:
            return [line.split() for line in f if line.strip()]
    exercise, physiological = read("linnerud_exercise.csv"), read("linnerud_physiological.csv")
    if len(exercise) != 21 or len(physiological) != 21:
        raise SystemExit("unexpected row count in the linnerud files")
    with open(os.path.join(HERE, "linnerud.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        for left, right in zip(exercise, physiological):
            writer.writerow(left + right)


def wine(source):
    with open(os.path.join(source, "wine_data.csv"), newline="") as inp, \
            open(os.path.join(HERE, "wine.csv"), "w", newline="") as out:
        reader = csv.reader(inp)
        first = next(reader)
        if first[:2] != ["178", "13"]:
            raise SystemExit("unexpected first line in wine_data.csv: " + ",".join(first))
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(WINE_COLUMNS + ["cultivar"])
        for row in reader:
            writer.writerow(row[:13] + ["cultivar_" + row[13]])


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/python3/dist-packages/sklearn/datasets/data"
    linnerud(source)
    wine(source)


if __name__ == "__main__":
    main()
