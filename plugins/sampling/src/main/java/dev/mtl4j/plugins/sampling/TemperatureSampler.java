package dev.mtl4j.plugins.sampling;

/**
 * p_i ∝ rows_i^(1/T) (as in multilingual BERT and T5): T = 1 is proportional to size, a larger T
 * flattens towards uniform, so small tasks are seen more often than their size alone would give.
 */
final class TemperatureSampler extends DrawnSampler {
    private final double temperature;

    TemperatureSampler(double temperature) {
        this.temperature = temperature;
    }

    @Override
    double[] weights(int[] rows) {
        // In logs, shifted by the largest, so that a small T cannot overflow rows^(1/T).
        double[] logs = new double[rows.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            logs[i] = Math.log(rows[i]) / temperature;
            max = Math.max(max, logs[i]);
        }
        double[] weights = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            weights[i] = Math.exp(logs[i] - max);
        }
        return weights;
    }
}
