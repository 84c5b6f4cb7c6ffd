package dev.mtl4j.plugins.weighting;

import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba) over the few numbers a weighting method learns, one step counter per
 * coordinate, so a task without labels in a batch leaves its own number and moments alone. ND4J's
 * Adam works on whole arrays (a task's coordinate would move on momentum without a gradient) and
 * pays a native call per operation for a handful of doubles; this is its arithmetic on plain arrays.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private final long[] steps;

    Adam(int size, double learningRate) {
        this.learningRate = learningRate;
        this.m = new double[size];
        this.v = new double[size];
        this.steps = new long[size];
    }

    /** One descent step on the coordinates marked {@code active}: {@code x -= lr · m̂ / (√v̂ + ε)}. */
    void step(double[] x, double[] gradient, boolean[] active) {
        for (int i = 0; i < x.length; i++) {
            if (active != null && !active[i]) {
                continue;
            }
            steps[i]++;
            m[i] = BETA1 * m[i] + (1 - BETA1) * gradient[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * gradient[i] * gradient[i];
            double mHat = m[i] / (1 - Math.pow(BETA1, steps[i]));
            double vHat = v[i] / (1 - Math.pow(BETA2, steps[i]));
            x[i] -= learningRate * mHat / (Math.sqrt(vHat) + EPSILON);
        }
    }

    Map<String, Object> state() {
        return Map.of("m", States.list(m), "v", States.list(v), "steps", States.longList(steps));
    }

    void restore(Map<?, ?> state) {
        States.fill(m, state.get("m"), "m");
        States.fill(v, state.get("v"), "v");
        List<?> counted = States.listOf(state.get("steps"), steps.length, "steps");
        for (int i = 0; i < steps.length; i++) {
            steps[i] = ((Number) counted.get(i)).longValue();
        }
    }
}
