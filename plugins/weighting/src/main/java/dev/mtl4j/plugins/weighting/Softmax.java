package dev.mtl4j.plugins.weighting;

/** exp(x_i) / Σ exp(x_j), shifted by the largest x so that nothing overflows. */
final class Softmax {
    private Softmax() {
    }

    static double[] of(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : x) {
            max = Math.max(max, value);
        }
        double[] p = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp(x[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < x.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
