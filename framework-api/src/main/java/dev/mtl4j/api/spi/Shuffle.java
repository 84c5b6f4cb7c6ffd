package dev.mtl4j.api.spi;

import java.util.random.RandomGenerator;

/**
 * The one shuffle of mtl4j and its plugins: Fisher–Yates from the last position down, as
 * {@code Collections.shuffle} does, so that a seed gives the same order everywhere it is used
 * (splits, batch orders, task samplers).
 */
public final class Shuffle {
    private Shuffle() {
    }

    /** Shuffles {@code values} in place. */
    public static void shuffle(int[] values, RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** {@code 0 .. size - 1}, shuffled by {@code random}, or in order when it is null. */
    public static int[] permutation(int size, RandomGenerator random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (random != null) {
            shuffle(order, random);
        }
        return order;
    }
}
