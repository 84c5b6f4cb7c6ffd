package dev.mtl4j.plugins.sampling;

import java.util.Arrays;

/** Every data set equally likely for every batch, whatever its size (temperature's limit T → ∞). */
final class UniformSampler extends DrawnSampler {

    @Override
    double[] weights(int[] rows) {
        double[] weights = new double[rows.length];
        Arrays.fill(weights, 1.0);
        return weights;
    }
}
