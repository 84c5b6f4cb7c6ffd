package dev.mtl4j.runtime.data;

import java.util.Arrays;

/**
 * Row indexes of the training, validation and test rows of one table, each in ascending order.
 *
 * @param train the rows that fit the model and the preprocessing
 * @param validation the rows watched during training (may be empty)
 * @param test the rows held out for the final evaluation (may be empty)
 */
public record Splits(int[] train, int[] validation, int[] test) {

    public Splits {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /** The number of rows in all three parts. */
    public int size() {
        return train.length + validation.length + test.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Splits that && Arrays.equals(train, that.train)
                && Arrays.equals(validation, that.validation) && Arrays.equals(test, that.test);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(train) + Arrays.hashCode(validation)) + Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Splits[train=" + train.length + " rows, validation=" + validation.length + " rows, test="
                + test.length + " rows]";
    }
}
