package dev.mtl4j.api.spi;

/**
 * What a head predicts. The runtime encodes label columns and computes metrics by kind, so a head
 * plugin only decides how the network's output layer looks.
 */
public enum TargetKind {
    /** One of several classes from one label column; one-hot labels, softmax output. */
    CATEGORICAL,
    /** Yes or no from one label column; one sigmoid output. */
    BINARY,
    /** Several independent yes/no labels, one column each; one sigmoid output per column. */
    MULTILABEL,
    /** Real numbers, one per label column; standardised for training, restored for predictions. */
    NUMERIC,
    /**
     * One of K ordered classes from one label column; K-1 cumulative 0/1 labels (rank > k), K-1
     * sigmoid outputs P(rank > k); the predicted rank is the number of outputs above 0.5.
     */
    ORDINAL
}
