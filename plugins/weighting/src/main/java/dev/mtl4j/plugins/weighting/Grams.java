package dev.mtl4j.plugins.weighting;

/** Arithmetic on Gram matrices {@code G_ij = g_i · g_j} and coefficient vectors. */
final class Grams {
    private Grams() {
    }

    static double trace(double[][] gram) {
        double trace = 0;
        for (int i = 0; i < gram.length; i++) {
            trace += gram[i][i];
        }
        return trace;
    }

    static double[][] scaled(double[][] gram, double factor) {
        double[][] scaled = new double[gram.length][];
        for (int i = 0; i < gram.length; i++) {
            scaled[i] = new double[gram.length];
            for (int j = 0; j < gram.length; j++) {
                scaled[i][j] = gram[i][j] * factor;
            }
        }
        return scaled;
    }

    /** G·w. */
    static double[] times(double[][] gram, double[] w) {
        double[] product = new double[gram.length];
        for (int i = 0; i < gram.length; i++) {
            for (int j = 0; j < gram.length; j++) {
                product[i] += gram[i][j] * w[j];
            }
        }
        return product;
    }

    /** aᵀGb: the inner product of the combinations Σa_i g_i and Σb_i g_i. */
    static double inner(double[][] gram, double[] a, double[] b) {
        double sum = 0;
        double[] gb = times(gram, b);
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * gb[i];
        }
        return sum;
    }

    static double[] uniform(int k) {
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0 / k);
        return w;
    }
}
