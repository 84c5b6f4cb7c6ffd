package dev.mtl4j.runtime.data;

import dev.mtl4j.api.spec.NumericTransform;
import java.util.Map;

/**
 * How a numeric column's number becomes its input, fitted on the training cells: one of the
 * {@link NumericTransform}s. Kept in the model as plain values, so evaluation and prediction apply
 * the map training fitted.
 */
sealed interface NumericScale permits NumericScale.Standard, NumericScale.Log, QuantileNormal, NumericScale.Robust {

    /** The input for {@code x}; NaN when the transform cannot take {@code x} ({@link #refusal} says why). */
    double apply(double x);

    /** Why {@code x} cannot be mapped, for an error message; only called when {@link #apply} gave NaN. */
    default String refusal(double x) {
        return "cannot encode " + x;
    }

    /** Adds what was fitted to a codec's state; the standard scale writes {@code mean} and {@code std} only. */
    void writeState(Map<String, Object> state);

    static NumericScale fromState(Map<?, ?> state) {
        // models saved before transforms existed have mean and std and no transform
        String transform = state.containsKey("transform") ? State.string(state, "transform") : "standard";
        return switch (transform) {
            case "standard" -> new Standard(State.number(state, "mean"), State.number(state, "std"));
            case "log" -> new Log(State.number(state, "mean"), State.number(state, "std"));
            case "quantile" -> new QuantileNormal(State.numbers(state, "quantiles"));
            case "robust" -> new Robust(State.number(state, "median"), State.number(state, "iqr"));
            default -> throw State.invalid("transform", "standard, log, quantile or robust", transform);
        };
    }

    /** {@code (x − mean) / std}. */
    record Standard(double mean, double std) implements NumericScale {
        @Override
        public double apply(double x) {
            return (x - mean) / std;
        }

        @Override
        public void writeState(Map<String, Object> state) {
            state.put("mean", mean);
            state.put("std", std);
        }
    }

    /** {@code (log(1 + x) − mean) / std}, mean and std those of the training cells' logs; NaN below 0. */
    record Log(double mean, double std) implements NumericScale {
        @Override
        public double apply(double x) {
            return x < 0 ? Double.NaN : (Math.log1p(x) - mean) / std;
        }

        @Override
        public String refusal(double x) {
            return "the log transform takes numbers >= 0, got " + x + " (use transform: robust or quantile for a column"
                    + " with negative numbers)";
        }

        @Override
        public void writeState(Map<String, Object> state) {
            state.put("transform", "log");
            state.put("mean", mean);
            state.put("std", std);
        }
    }

    /** {@code (x − median) / IQR}; an IQR of 0 counts as 1 (a column mostly of one value is centred, not blown up). */
    record Robust(double median, double iqr) implements NumericScale {
        @Override
        public double apply(double x) {
            return (x - median) / iqr;
        }

        @Override
        public void writeState(Map<String, Object> state) {
            state.put("transform", "robust");
            state.put("median", median);
            state.put("iqr", iqr);
        }
    }
}
