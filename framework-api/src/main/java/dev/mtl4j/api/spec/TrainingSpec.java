package dev.mtl4j.api.spec;

/**
 * How the network is trained.
 *
 * @param epochs passes over the training rows, ≥ 1
 * @param batchSize rows per step, ≥ 1
 * @param optimizer the optimizer and its learning rate
 * @param seed seeds weight initialisation, shuffling and dropout: one seed, identical metrics
 * @param shuffle whether rows are shuffled every epoch
 * @param earlyStopping when to stop before {@code epochs}, or null to run them all
 * @param sampler the task sampler that picks which data set each batch comes from when tasks bring
 *     their own data sets, or null for the default ({@code proportional})
 */
public record TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                           EarlyStoppingSpec earlyStopping, ComponentSpec sampler) {

    public static final int DEFAULT_EPOCHS = 10;
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final double DEFAULT_LEARNING_RATE = 1e-3;
    public static final long DEFAULT_SEED = 42;

    public TrainingSpec {
        SpecException.require(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        SpecException.require(batchSize >= 1, "batchSize", "must be >= 1, got " + batchSize);
        optimizer = optimizer == null ? OptimizerSpec.adam(DEFAULT_LEARNING_RATE) : optimizer;
    }

    /** Training without a task sampler (every task reads the pipeline's rows). */
    public TrainingSpec(int epochs, int batchSize, OptimizerSpec optimizer, long seed, boolean shuffle,
                        EarlyStoppingSpec earlyStopping) {
        this(epochs, batchSize, optimizer, seed, shuffle, earlyStopping, null);
    }

    /** The sampler's type name when none is given: batches in proportion to each data set's size. */
    public static final String DEFAULT_SAMPLER = "proportional";

    public static TrainingSpec defaults() {
        return new TrainingSpec(DEFAULT_EPOCHS, DEFAULT_BATCH_SIZE, null, DEFAULT_SEED, true, null);
    }
}
