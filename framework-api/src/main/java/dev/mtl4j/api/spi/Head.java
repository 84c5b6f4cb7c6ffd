package dev.mtl4j.api.spi;

import dev.mtl4j.api.graph.GraphScope;

/** A configured task head: the layers between a shared representation and a task's output. */
public interface Head {

    /** What the head predicts; the runtime encodes labels and picks metrics from it. */
    TargetKind targetKind();

    /**
     * Checks the head against the task's labels and returns the output width.
     *
     * @throws dev.mtl4j.api.spec.SpecException naming the parameter that does not fit the data
     */
    int outputSize(TargetInfo target);

    /**
     * Adds the head's layers, ending in exactly one output layer whose loss is the task's own loss
     * L_i, unweighted: the runtime scales each task's loss and gradient by the task's weight λ_i(t)
     * at every training step (or combines per-task gradients), so the head does not know λ.
     *
     * @return the name of the output layer
     */
    String build(GraphScope scope, String input, int inputSize, HeadContext context);

    /**
     * BINARY: the label value read as positive (encoded 1; its F1 is reported), or null for the
     * default: 1/true/yes when the column holds such values, else the second value in natural order.
     * Checked against the training rows: a value not found there is a configuration error.
     */
    default String positiveClass() {
        return null;
    }

    /**
     * BINARY: the probability of the positive value above which it is predicted (0.5 unless the head
     * says otherwise); used by metrics and predictions.
     */
    default double decisionThreshold() {
        return 0.5;
    }

    /**
     * BINARY: the metric whose best value on the validation rows chooses the decision threshold after
     * training ({@code f1}: the positive value's F1), or null to keep {@link #decisionThreshold()}. The
     * chosen threshold is kept in the model and used wherever it predicts.
     */
    default String thresholdChoice() {
        return null;
    }

    /**
     * ORDINAL: the classes, lowest first, or empty for the label column's numeric order (then every
     * value must be a number). Checked against the training rows: a value not listed is a
     * configuration error.
     */
    default java.util.List<String> classOrder() {
        return java.util.List.of();
    }

}
