package dev.mtl4j.runtime.eval;

/**
 * Reads an ordinal head's outputs, {@code P(rank > k)} for the K-1 thresholds k: the predicted rank
 * is the number of thresholds passed (output above 0.5, as CORAL predicts), and the classes'
 * probabilities are the differences of neighbouring outputs, {@code P(rank = k) = P(rank > k-1) -
 * P(rank > k)} (0 where a difference is negative: CORAL's outputs fall with k once its thresholds are
 * in order, which training reaches, but nothing forces it at the start).
 */
public final class OrdinalRanks {
    private OrdinalRanks() {
    }

    /** The rank of the row at {@code at} of {@code thresholds} outputs. */
    public static int rank(float[] outputs, int at, int thresholds) {
        int rank = 0;
        for (int k = 0; k < thresholds; k++) {
            rank += outputs[at + k] > 0.5f ? 1 : 0;
        }
        return rank;
    }

    /** The K = thresholds + 1 classes' probabilities of the row at {@code at}, lowest rank first. */
    public static double[] probabilities(float[] outputs, int at, int thresholds) {
        double[] p = new double[thresholds + 1];
        double above = 1;
        for (int k = 0; k < thresholds; k++) {
            double next = outputs[at + k];
            p[k] = Math.max(0, above - next);
            above = next;
        }
        p[thresholds] = Math.max(0, above);
        return p;
    }
}
